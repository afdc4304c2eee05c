import BylineCore
import BylineIndex

/// An article of the library index (`LibraryArticle.id`).
public typealias ArticleID = Int64
/// A speaker merged across the library (`LibrarySpeaker.id`).
public typealias PersonID = Int64

/// One article in the library pane.
public struct LibraryEntry: Hashable, Sendable {
    public var id: ArticleID
    /// The article's path, or a name such as `seeds/000_32905e9c967a98d8.txt` for the bundled seed.
    public var source: String
    public var headline: String
    public var date: CivilDate?
    public var quotationCount: Int
    /// The publication or feed it came from, and its web address, when known.
    public var site: String?
    public var url: String?

    public init(id: ArticleID, source: String, headline: String, date: CivilDate?, quotationCount: Int,
                site: String? = nil, url: String? = nil) {
        self.id = id
        self.source = source
        self.headline = headline
        self.date = date
        self.quotationCount = quotationCount
        self.site = site
        self.url = url
    }

    public init(_ article: LibraryArticle) {
        self.init(id: article.id, source: article.path, headline: article.headline, date: article.date,
                  quotationCount: article.quoteCount, site: article.site, url: article.url)
    }

    /// The headline, or the file name for an article without one.
    public var title: String { headline.isEmpty ? FileName.of(source) : headline }

    /// Where it comes from, for the library pane: the site or feed's name, else the host of its
    /// address (nil for a plain file).
    public var origin: String? {
        if let site, site.contains(where: { !$0.isWhitespace }) { return site }
        return url.flatMap(WebLink.host)
    }
}

/// An article in which the filter's speaker appears, and how often they are quoted there.
public struct ArticleAppearance: Hashable, Sendable {
    public var article: ArticleID
    public var path: String
    public var quotations: Int
}

/// What the reader asks the library. The event loop answers on a worker thread (`ReaderLibrary
/// .answer`), tests at once; `update` keeps at most one request of each kind on its way and
/// asks again when the answer it got is no longer what the screen needs (another window of
/// rows, another speaker, a newer generation of the index).
public enum LibraryRequest: Hashable, Sendable {
    /// `limit` articles from `offset` in library order, with the positions of `anchors`.
    case articles(offset: Int, limit: Int, anchors: [ArticleID], generation: Int64)
    /// An article's analysis, as the index stores it.
    case article(ArticleID)
    /// Every library speaker, for the picker.
    case speakers(generation: Int64)
    /// The articles a speaker appears in.
    case appearances(person: PersonID, generation: Int64)
    /// A speaker's quotations across the library, by article date.
    case quotations(person: PersonID, generation: Int64)
    /// A window of the library timeline (one speaker's, or everyone's).
    case timeline(person: PersonID?, offset: Int, limit: Int, generation: Int64)
    /// Ranked articles and quotations for a query.
    case search(query: String, generation: Int64)
    /// Where a search's words occur in one article.
    case matches(query: String, article: ArticleID)
    /// Which of an article's quotations appear in other articles (asked again when the index
    /// moves on; the first answer comes with the article).
    case echoSummaries(article: ArticleID, generation: Int64)
    /// A quotation's echoes: every appearance of it across the library.
    case echoes(article: ArticleID, quotation: Int, generation: Int64)
    /// Every echo cluster of the library, the most echoed first (the reader keeps those of
    /// the period it shows: `EchoPeriod.clusters(among:)`).
    case echoClusters(generation: Int64)
    /// The quotations of each followed speaker.
    case followed(names: [String], generation: Int64)

    public enum Kind: Hashable, Sendable, CaseIterable {
        case articles, article, speakers, appearances, quotations, timeline, search, matches, echoSummaries, echoes,
            echoClusters, followed
    }

    public var kind: Kind {
        switch self {
        case .articles: return .articles
        case .article: return .article
        case .speakers: return .speakers
        case .appearances: return .appearances
        case .quotations: return .quotations
        case .timeline: return .timeline
        case .search: return .search
        case .matches: return .matches
        case .echoSummaries: return .echoSummaries
        case .echoes: return .echoes
        case .echoClusters: return .echoClusters
        case .followed: return .followed
        }
    }

    /// The generation of the index the request was made for (nil for what does not change
    /// with updates).
    public var generation: Int64? {
        switch self {
        case .articles(_, _, _, let g), .speakers(let g), .appearances(_, let g), .quotations(_, let g),
            .timeline(_, _, _, let g), .search(_, let g), .echoSummaries(_, let g), .echoes(_, _, let g),
            .echoClusters(let g), .followed(_, let g):
            return g
        case .article, .matches:
            return nil
        }
    }
}

/// The answer to a `LibraryRequest`.
public enum LibraryAnswer: Sendable {
    case articles(LibraryRequest, LibraryPage)
    /// An article's analysis, the library speaker of each of its speakers (by `Speaker.id`),
    /// and which of its quotations appear in other articles (by `Quote.id`).
    case article(ArticleID, AnalyzedArticle, persons: [Int: PersonID], echoes: [Int: EchoSummary])
    case speakers(LibraryRequest, [PickerCandidate])
    case appearances(LibraryRequest, [ArticleAppearance])
    case quotations(LibraryRequest, [LibraryQuotation])
    case timeline(LibraryRequest, count: Int, rows: [LibraryTimelineEntry])
    case search(LibraryRequest, SearchResults)
    case matches(LibraryRequest, [TextSpan])
    case echoSummaries(LibraryRequest, [Int: EchoSummary])
    /// Nil when the quotation appears nowhere else.
    case echoes(LibraryRequest, EchoCluster?)
    case echoClusters(LibraryRequest, [EchoCluster])
    case followed(LibraryRequest, [FollowedQuotations])
    case failed(LibraryRequest, message: String)
}

/// Where the reader's articles come from: a library index. The reader shows what the index
/// holds at once and asks it again as an update commits; the bundled seed and fixtures live in
/// an in-memory index (`holding`), so there is one way to read.
public final class ReaderLibrary: Sendable {
    public let index: LibraryIndex

    public init(index: LibraryIndex) {
        self.index = index
    }

    /// An in-memory index holding analyses made elsewhere (the bundled seed, fixtures).
    public static func holding(_ analyses: [AnalyzedArticle]) throws(LibraryIndexError) -> ReaderLibrary {
        let index = LibraryIndex.inMemory()
        try index.store(analyses)
        return ReaderLibrary(index: index)
    }

    /// The index's generation now (0 when it cannot be read: the first answer will say why).
    public var generation: Int64 { (try? index.generation()) ?? 0 }

    /// Runs a request against the index. Called off the event loop's thread.
    public func answer(_ request: LibraryRequest) -> LibraryAnswer {
        do throws(LibraryIndexError) {
            switch request {
            case .articles(let offset, let limit, let anchors, _):
                return .articles(request, try index.libraryPage(limit: limit, offset: offset, positionsOf: anchors))
            case .article(let id):
                guard let analysis = try index.analyzedArticle(id: id) else {
                    return .failed(request, message: "this article is no longer in the library")
                }
                return .article(id, analysis, persons: try index.speakerPersons(article: id),
                                echoes: try index.echoSummaries(article: id))
            case .speakers:
                return .speakers(request, try index.speakers().map(PickerCandidate.init))
            case .appearances(let person, _):
                let appearances = try index.appearances(of: person)
                var byArticle: [ArticleID: ArticleAppearance] = [:]
                for appearance in appearances {
                    // Two speakers of one article can be one person: their quotations add up.
                    byArticle[appearance.article.id, default: ArticleAppearance(
                        article: appearance.article.id, path: appearance.article.path, quotations: 0)]
                        .quotations += appearance.quoteCount
                }
                return .appearances(request, byArticle.values.sorted { $0.path < $1.path })
            case .quotations(let person, _):
                return .quotations(request, try index.quotations(of: person))
            case .timeline(let person, let offset, let limit, _):
                let count = try index.timelineCount(speaker: person)
                return .timeline(request, count: count,
                                 rows: try index.timeline(speaker: person, limit: limit, offset: offset))
            case .search(let query, _):
                return .search(request, try index.search(query, scope: .all, limit: ReaderLibrary.searchLimit))
            case .matches(let query, let article):
                return .matches(request, try index.searchMatches(query, inArticle: article))
            case .echoSummaries(let article, _):
                return .echoSummaries(request, try index.echoSummaries(article: article))
            case .echoes(let article, let quotation, _):
                return .echoes(request, try index.echoes(article: article, ordinal: quotation))
            case .echoClusters:
                return .echoClusters(request, try index.echoClusters())
            case .followed(let names, _):
                var lists: [FollowedQuotations] = []
                for name in names { lists.append(FollowedQuotations(name: name, quotations: try index.quotations(followed: name))) }
                return .followed(request, lists)
            }
        } catch {
            return .failed(request, message: error.description)
        }
    }

    /// Articles and quotations a library search lists, each.
    public static let searchLimit = 50
}

/// The quotations of a followed speaker, in article-date order.
public struct FollowedQuotations: Hashable, Sendable {
    public var name: String
    public var quotations: [LibraryQuotation]

    public init(name: String, quotations: [LibraryQuotation]) {
        self.name = name
        self.quotations = quotations
    }
}

/// The period whose most echoed quotations the library pane lists: the days up to the latest
/// first appearance of an echoed quotation in the library (a library of old articles has its
/// own "last week").
public enum EchoPeriod: Int, Hashable, Sendable, CaseIterable {
    case all = 0
    case week = 7
    case month = 30
    case year = 365

    /// The next period, for the key that cycles through them.
    public var next: EchoPeriod {
        let all = EchoPeriod.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    public var label: String {
        switch self {
        case .all: return "all"
        case .week: return "last 7 days"
        case .month: return "last 30 days"
        case .year: return "last 365 days"
        }
    }

    /// The clusters of `all` (the library's, the most echoed first) first seen in the period,
    /// in the same order.
    func clusters(among all: [EchoCluster]) -> [EchoCluster] {
        guard self != .all, let latest = all.compactMap(\.first.article.date).max() else { return all }
        let from = latest.adding(days: 1 - rawValue)
        return all.filter { cluster in cluster.first.article.date.map { $0 >= from } ?? false }
    }
}

/// The last part of a path.
enum FileName {
    static func of(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
}
