import BylineCore
import BylineIndex

/// Rows `offset..<offset + rows.count` of a list of `count` that is too long to hold whole
/// (a library of 10,000 articles, its timeline): the rows around where the pane looks.
public struct RowWindow<Row: Sendable>: Sendable {
    /// Nil until the index first answers.
    public var count: Int?
    public var offset = 0
    public var rows: [Row] = []
    /// The request the rows answer.
    public var request: LibraryRequest?

    public init() {}

    public init(count: Int, offset: Int, rows: [Row], request: LibraryRequest) {
        self.count = count
        self.offset = offset
        self.rows = rows
        self.request = request
    }

    public func row(_ position: Int) -> Row? {
        let i = position - offset
        return rows.indices.contains(i) ? rows[i] : nil
    }

    /// Whether the rows at these positions (those of them in the list) are held.
    func covers(_ range: Range<Int>) -> Bool {
        let wanted = range.clamped(to: 0..<(count ?? 0))
        return wanted.isEmpty || (wanted.lowerBound >= offset && wanted.upperBound <= offset + rows.count)
    }
}

/// An answer from the library and the request it answers (kept while a newer one is on its
/// way, so the screen does not flicker).
public struct Answered<Value: Sendable>: Sendable {
    public var value: Value?
    public var request: LibraryRequest?

    public init() {}

    public init(_ value: Value, answering request: LibraryRequest) {
        self.value = value
        self.request = request
    }
}

/// Where the filter's speaker appears: the articles in library order, and the quotation count
/// of each.
public struct SpeakerAppearances: Sendable {
    public let articles: [ArticleAppearance]
    public let quotations: [ArticleID: Int]

    public init(_ articles: [ArticleAppearance]) {
        self.articles = articles
        quotations = Dictionary(articles.map { ($0.article, $0.quotations) }, uniquingKeysWith: +)
    }
}

/// What the library pane lists.
public enum LibraryView: Hashable, Sendable {
    /// The articles (headline, date, quotation count).
    case articles
    /// The filter's speaker's quotations across the library, in article-date order.
    case quotations
    /// Every article's dated events in one chronological order (the filter's speaker's, with a filter).
    case timeline
    /// Ranked articles and quotations for a search of the library.
    case search(String)
    /// Every appearance of a quotation (its article and `Quote.id`) across the library.
    case echoes(article: ArticleID, quotation: Int)
    /// The most echoed quotations first seen in a period.
    case mostEchoed
    /// The followed speakers, with how many of their quotations are unread.
    case follows
    /// A followed speaker's unread quotations, by date.
    case followed(String)

    public enum Kind: Hashable, Sendable {
        case articles, quotations, timeline, search, echoes, mostEchoed, follows, followed
    }

    public var kind: Kind {
        switch self {
        case .articles: return .articles
        case .quotations: return .quotations
        case .timeline: return .timeline
        case .search: return .search
        case .echoes: return .echoes
        case .mostEchoed: return .mostEchoed
        case .follows: return .follows
        case .followed: return .followed
        }
    }
}

/// A followed speaker's quotations in the library, and how many of them are unread.
public struct FollowCount: Hashable, Sendable {
    public var quotations: Int
    public var unread: Int
}

/// A quotation of a followed speaker's unread list, with its key (`FollowState.key(of:)`),
/// hashed once when the list opens rather than for every frame that draws its mark.
public struct UnreadQuotation: Sendable {
    public let quotation: LibraryQuotation
    public let key: String

    init(_ quotation: LibraryQuotation) {
        self.quotation = quotation
        key = FollowState.key(of: quotation)
    }
}

/// A list's cursor and first shown entry.
public struct ListPosition: Hashable, Sendable {
    public var cursor = 0
    public var top = 0

    public init(cursor: Int = 0, top: Int = 0) {
        self.cursor = cursor
        self.top = top
    }
}

/// One entry of the search results: an article or a quotation.
public enum SearchHit: Hashable, Sendable {
    case article(ArticleSearchHit)
    case quotation(QuotationSearchHit)

    public var article: LibraryArticle {
        switch self {
        case .article(let hit): return hit.article
        case .quotation(let hit): return hit.quotation.article
        }
    }

    public var snippet: SearchSnippet {
        switch self {
        case .article(let hit): return hit.snippet
        case .quotation(let hit): return hit.snippet
        }
    }
}

/// The library pane's lists besides the articles.
public struct LibraryLists: Sendable {
    public var view: LibraryView = .articles
    public var quotations = Answered<[LibraryQuotation]>()
    public var timeline = RowWindow<LibraryTimelineEntry>()
    public var results = Answered<[SearchHit]>()
    /// How many articles and articles with quotations matched the search (beyond those listed).
    public var resultCounts = (articles: 0, quotations: 0)
    /// A quotation's echoes (nil inside when it appears nowhere else).
    public var echoes = Answered<EchoCluster?>()
    /// Every echo cluster of the library, the most echoed first: asked for once per index
    /// generation, whatever the period.
    public var clusters = Answered<[EchoCluster]>() {
        didSet { periodClusters = echoPeriod.clusters(among: clusters.value ?? []) }
    }
    public var echoPeriod = EchoPeriod.all {
        didSet { if echoPeriod != oldValue { periodClusters = echoPeriod.clusters(among: clusters.value ?? []) } }
    }
    /// The clusters of `echoPeriod`, filtered when the clusters or the period change (not as
    /// the list is drawn, nor by asking the index again).
    public private(set) var periodClusters: [EchoCluster] = []
    /// The followed speakers' quotations, and the unread ones of the speaker `.followed` lists,
    /// as they were when the list opened (reading one marks it, without moving the others).
    public var followed = Answered<[FollowedQuotations]>()
    /// Each followed name's quotations in the library and how many are unread: counted when
    /// the answer or what was read changes (`Reader.countFollowed`), not as the list is drawn.
    public var followCounts: [String: FollowCount] = [:]
    public var unread: [UnreadQuotation] = []
    /// Each list's cursor and scroll.
    public var positions: [LibraryView.Kind: ListPosition] = [:]

    public init() {}

    public var position: ListPosition {
        get { positions[view.kind] ?? ListPosition() }
        set { positions[view.kind] = newValue }
    }
}

/// Where to go in an article once it is open.
public enum JumpTarget: Hashable, Sendable {
    /// Select a quotation (`Quote.id`).
    case quotation(Int)
    /// Select the timeline entry of a time expression (its index in the article's expressions).
    case timeExpression(Int)
    /// Highlight a library search's matches (from the index) and show the first, or select a
    /// quotation that matched.
    case matches(query: String, quotation: Int?)
}

public struct PendingJump: Hashable, Sendable {
    public var article: ArticleID
    public var target: JumpTarget
    /// The search's matches in the article, once the index has said (for `.matches`).
    public var matches: [TextSpan]?

    public init(article: ArticleID, target: JumpTarget) {
        self.article = article
        self.target = target
    }
}
