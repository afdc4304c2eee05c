import BylineCore

/// A speaker as the library pane and the speaker picker know them, without their mentions.
public struct SpeakerSummary: Hashable, Sendable {
    public var name: String
    public var kind: SpeakerKind
    public var description: String?
    public var aliases: [String]
    public var quotationCount: Int
    /// The names folded for matching, worked out once.
    public let keys: SpeakerKeys

    public init(name: String, kind: SpeakerKind, description: String? = nil, aliases: [String] = [], quotationCount: Int) {
        self.name = name
        self.kind = kind
        self.description = description
        self.aliases = aliases
        self.quotationCount = quotationCount
        keys = SpeakerKeys(name: name, aliases: aliases, description: description)
    }

    public init(_ speaker: Speaker) {
        self.init(name: speaker.name, kind: speaker.kind, description: speaker.description, aliases: speaker.aliases,
                  quotationCount: speaker.quotes.count)
    }

}

/// One article in the library pane. Headline and date are known at once; the quotation
/// count and the speakers once the article has been analysed (or read from an index).
public struct LibraryEntry: Hashable, Sendable {
    /// A path, or a name such as `seeds/000_32905e9c967a98d8.txt` for the bundled seed.
    public var source: String
    public var headline: String
    public var date: CivilDate?
    public var quotationCount: Int?
    public var speakers: [SpeakerSummary]?

    public init(source: String, headline: String, date: CivilDate?, quotationCount: Int? = nil,
                speakers: [SpeakerSummary]? = nil) {
        self.source = source
        self.headline = headline
        self.date = date
        self.quotationCount = quotationCount
        self.speakers = speakers
    }

    public init(article: Article) {
        self.init(source: article.source, headline: article.headlineText, date: article.date)
    }

    public init(analysis: AnalyzedArticle) {
        self.init(source: analysis.article.source, headline: analysis.article.headlineText, date: analysis.article.date,
                  quotationCount: analysis.quotes.count, speakers: analysis.speakers.map(SpeakerSummary.init))
    }

    public var isAnalysed: Bool { quotationCount != nil }
}

/// Where the reader's articles come from. The reader asks for the entries once, then for an
/// article's analysis when it is shown (off the event loop's thread). Today: files read from
/// disk and analysed on demand (`ArticleListSource`); later, the SQLite library index.
public protocol ReaderSource: Sendable {
    var entries: [LibraryEntry] { get }
    func analyzedArticle(at index: Int) throws -> AnalyzedArticle
}

/// Articles already read into memory, analysed when asked.
public struct ArticleListSource: ReaderSource {
    public let articles: [Article]

    public init(articles: [Article]) { self.articles = articles }

    public var entries: [LibraryEntry] { articles.map(LibraryEntry.init(article:)) }

    public func analyzedArticle(at index: Int) throws -> AnalyzedArticle { Analyzer.analyze(articles[index]) }
}

/// Analyses given up front (tests, benchmarks).
public struct AnalyzedListSource: ReaderSource {
    public let analyses: [AnalyzedArticle]

    public init(_ analyses: [AnalyzedArticle]) { self.analyses = analyses }

    public var entries: [LibraryEntry] { analyses.map { LibraryEntry(article: $0.article) } }

    public func analyzedArticle(at index: Int) throws -> AnalyzedArticle { analyses[index] }
}
