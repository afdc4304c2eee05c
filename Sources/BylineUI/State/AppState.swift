import BylineCore
import BylineIndex

/// Where the article pane's top row is: a paragraph, and a scalar offset inside it (the start
/// of the top line; past the paragraph's end for the rows below its text). Independent of the
/// width, so a resize keeps the reading position.
public struct ArticleAnchor: Hashable, Codable, Sendable {
    public var paragraph: Int
    public var offset: Int

    public init(paragraph: Int, offset: Int) {
        self.paragraph = paragraph
        self.offset = offset
    }
}

/// Which pane the selection last came from: the article then marks the quotation, or the
/// time expression of the timeline entry.
public enum SelectionSource: Hashable, Sendable {
    case quote
    case timeline
}

/// Per article: the reading position, the shared selection, and the lists' scroll.
public struct ArticleView: Hashable, Sendable {
    public var anchor = ArticleAnchor(paragraph: 0, offset: 0)
    /// The selected quotation (its id), shared by the article and the quotes pane.
    public var selectedQuote: Int?
    /// The selected timeline row (index into the document's rows).
    public var selectedRow: Int?
    public var selectionSource: SelectionSource = .quote
    /// First entry shown in the quotes and timeline lists.
    public var quotesTop = 0
    public var timelineTop = 0

    public init() {}
}

/// A speaker chosen in the picker; it holds across articles. With `person` (a speaker merged
/// across the library by the index), an article's speaker passes when the index merged it into
/// that person; without (or for a speaker not merged yet while an update runs), by name
/// (`SpeakerQuery`, on names folded once: `SpeakerKeys`).
public struct SpeakerFilter: Hashable, Sendable {
    public let name: String
    public let aliases: [String]
    public let person: PersonID?
    private let query: SpeakerQuery

    public init(name: String, aliases: [String] = [], person: PersonID? = nil) {
        self.name = name
        self.aliases = aliases
        self.person = person
        query = SpeakerQuery(name, aliases: aliases)
    }

    public static func == (a: SpeakerFilter, b: SpeakerFilter) -> Bool {
        a.name == b.name && a.aliases == b.aliases && a.person == b.person
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(aliases)
        hasher.combine(person)
    }

    /// By name: `SpeakerQuery.matches` with the filter's name and aliases.
    public func matches(_ keys: SpeakerKeys) -> Bool { query.matches(keys) }

    public func matches(_ speaker: Speaker) -> Bool { query.matches(speaker) }

    /// Whether an article's speaker passes: by the library speaker it was merged into when
    /// both are known, else by name.
    public func passes(keys: SpeakerKeys, person speakerPerson: PersonID?) -> Bool {
        if let person, let speakerPerson { return person == speakerPerson }
        return matches(keys)
    }
}

public struct SearchState: Hashable, Sendable {
    public var query: String
    public var matches: [TextSpan]
    public var current: Int?
}

/// One speaker in the picker: a speaker merged across the library by the index.
public struct PickerCandidate: Hashable, Sendable {
    public var name: String
    public var description: String?
    public var kind: SpeakerKind
    public var aliases: [String]
    public var quotationCount: Int
    public var articleCount: Int
    public var person: PersonID?
    /// Folded words of the name, aliases and description, for narrowing.
    public var words: [String]

    public init(name: String, description: String? = nil, kind: SpeakerKind = .person, aliases: [String] = [],
                quotationCount: Int, articleCount: Int, person: PersonID? = nil) {
        self.name = name
        self.description = description
        self.kind = kind
        self.aliases = aliases
        self.quotationCount = quotationCount
        self.articleCount = articleCount
        self.person = person
        words = SpeakerKeys(name: name, aliases: aliases, description: description).allWords
    }

    public init(_ speaker: LibrarySpeaker) {
        self.init(name: speaker.name, description: speaker.description, kind: speaker.kind, aliases: speaker.aliases,
                  quotationCount: speaker.quoteCount, articleCount: speaker.articleCount, person: speaker.id)
    }
}

/// What choosing a speaker in the picker does.
public enum PickerPurpose: Hashable, Sendable {
    /// Filter the panes to the speaker.
    case filter
    /// Filter, and list the speaker's quotations across the library.
    case libraryQuotations
}

public struct SpeakerPicker: Hashable, Sendable {
    /// What is typed to narrow the list.
    public private(set) var field = TextField()
    public var cursor: Int = 0
    public var top: Int = 0
    /// Every speaker of the library, most quoted first (empty until the index answers).
    public private(set) var candidates: [PickerCandidate] = []
    /// Whether the index has answered (`candidates` is then the library's list).
    public private(set) var answered = false
    public var purpose: PickerPurpose = .filter
    /// The request `candidates` answer.
    var request: LibraryRequest?
    /// The candidates whose words start with every word typed (`SpeakerQuery.prefixMatches`),
    /// worked out when the query or the list changes, not on every frame.
    public private(set) var visible: [PickerCandidate] = []

    public init(purpose: PickerPurpose = .filter) {
        self.purpose = purpose
    }

    mutating func setCandidates(_ list: [PickerCandidate], answering request: LibraryRequest) {
        candidates = list
        answered = true
        self.request = request
        narrow()
    }

    public var query: String { field.text }

    /// The field after a key: a new text narrows the list from its top.
    mutating func setField(_ edited: TextField) {
        let changed = edited.text != field.text
        field = edited
        guard changed else { return }
        cursor = 0
        top = 0
        narrow()
    }

    private mutating func narrow() {
        let typed = SpeakerQuery(query)
        visible = typed.isEmpty ? candidates : candidates.filter { typed.prefixMatches(words: $0.words) }
        cursor = min(cursor, max(0, visible.count - 1))
    }
}

/// What takes the keyboard.
public enum Mode: Hashable, Sendable {
    case normal
    case help(top: Int)
    case picker(SpeakerPicker)
    /// Typing a search of the article.
    case searching(TextField)
    /// Typing a search of the whole library.
    case searchingLibrary(TextField)
}

public struct StatusMessage: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case info
        case warning
    }

    public var text: String
    public var kind: Kind
    /// Survives the next key (startup warnings stay until a key is pressed twice).
    public var sticky: Bool

    public init(_ text: String, kind: Kind = .info, sticky: Bool = false) {
        self.text = text
        self.kind = kind
        self.sticky = sticky
    }
}

/// A remembered reading position, as stored between runs.
public struct RememberedView: Hashable, Codable, Sendable {
    public var paragraph: Int
    public var offset: Int
    public var quote: Int?

    public init(paragraph: Int, offset: Int, quote: Int?) {
        self.paragraph = paragraph
        self.offset = offset
        self.quote = quote
    }
}

/// Work for the event loop that `update` asks for but cannot do itself.
public enum Effect: Hashable, Sendable {
    /// Ask the library (off the event loop's thread) and send the answer back as `.answered`.
    case fetch(LibraryRequest)
    /// Update every subscribed feed in the background, sending `.feedUpdate` as each feed is
    /// done and `.feedUpdateFinished` at the end, then bring the index up to date.
    case updateFeeds
    /// Open a web address (`WebLink.isWebAddress`) in the user's browser, detached; say how
    /// it went with `.notify`.
    case openInBrowser(String)
    /// Clear the terminal and draw everything again.
    case redraw
    case quit
}

/// Everything `update` can receive.
public enum Action: Sendable {
    case key(Key)
    case command(Command)
    case mouse(MouseEvent)
    case resize(Size)
    case answered(LibraryAnswer)
    /// The background update of the index moved on (or finished: phase `.finished`).
    case indexing(IndexProgress)
    /// The background update stopped on an error.
    case indexingFailed(String)
    /// The feed update moved on (a feed done).
    case feedUpdate(FeedUpdateProgress)
    /// The feed update ended (or could not start).
    case feedUpdateFinished(FeedUpdateReport)
    case notify(StatusMessage)
}

/// An article's quotations that appear in other articles, as the index said at `generation`.
public struct ArticleEchoes: Sendable, Equatable {
    public var generation: Int64
    public var byQuote: [Int: EchoSummary]

    public init(generation: Int64, byQuote: [Int: EchoSummary]) {
        self.generation = generation
        self.byQuote = byQuote
    }
}

/// The whole state of the reader. `Reader.update` changes it, `Reader.render` draws it.
public struct AppState {
    public var size: Size
    /// The library's articles around where the library pane looks.
    public var articles = RowWindow<LibraryEntry>()
    /// The open article's position in the library, and its id (nil until the library has one).
    public var current = 0
    public var currentID: ArticleID?
    /// The open article's position is not known yet (it was opened from a list across the
    /// library): the next page of articles says.
    public var currentPositionPending = false
    /// A position to open once the library's rows around it have arrived.
    public var pendingOpen: Int?
    /// Where to go in an article being opened (a quotation, a dated event, search matches).
    public var pendingJump: PendingJump?
    /// Analysed articles by id (a cache: reading them never changes meaning).
    public var documents: [ArticleID: ReaderDocument] = [:]
    /// Ids in `documents`, the least recently opened first.
    var documentOrder: [ArticleID] = []
    public var views: [ArticleID: ArticleView] = [:]
    public var failures: [ArticleID: String] = [:]
    public var focus: Pane = .article
    /// The pane below the quotations in the two-column arrangement: the timeline or the library.
    public var secondary: Pane = .timeline
    /// The library pane's cursor among the articles, and the article under it.
    public var libraryCursor = 0
    public var libraryCursorID: ArticleID?
    public var libraryTop = 0
    /// The library pane's other lists: a speaker's quotations, the library timeline, search results.
    public var library = LibraryLists()
    public var filter: SpeakerFilter? {
        didSet { if filter != oldValue { appearances = Answered() } }
    }
    /// The articles the filter's speaker appears in (from the index).
    public var appearances = Answered<SpeakerAppearances>()
    public var search: SearchState?
    public var mode: Mode = .normal
    public var message: StatusMessage?
    public var keymap: Keymap
    public var theme: Theme
    /// The zone times of publication are shown in (the system's).
    public var timeZone = DisplayZone.current
    /// Reading positions from earlier runs, by document identity.
    public var remembered: [String: RememberedView]
    /// The articles read, in earlier runs and this one (see `ReadMarks` for when).
    public var readMarks: ReadMarks
    /// The speakers followed, and which of their quotations have been read.
    public var follows: Follows
    /// Which of each opened article's quotations appear in other articles (by `Quote.id`), and
    /// the index generation that was read at.
    public var echoes: [ArticleID: ArticleEchoes] = [:]
    /// The article opened by the user, to be marked read once its text is on screen.
    var readPending: ArticleID?
    public var quitting = false
    /// The index's generation as last known: it moves when an update commits, and what was
    /// read at an older one is asked for again.
    public var generation: Int64 = 0
    /// The background update's progress, while one runs.
    public var indexing: IndexProgress?
    /// The feed update's progress, while one runs.
    public var feedUpdate: FeedUpdateProgress?
    /// Requests on their way, at most one of each kind.
    public var inFlight: [LibraryRequest.Kind: LibraryRequest] = [:]
    /// Requests that failed: not asked again until the generation moves.
    public var failedRequests: [LibraryRequest.Kind: LibraryRequest] = [:]

    public init(size: Size, theme: Theme = Theme(mode: .extended), keymap: Keymap = .standard,
                remembered: [String: RememberedView] = [:], readMarks: ReadMarks = ReadMarks(), follows: Follows = Follows(),
                generation: Int64 = 0) {
        self.size = size
        self.theme = theme
        self.keymap = keymap
        self.remembered = remembered
        self.readMarks = readMarks
        self.follows = follows
        self.generation = generation
    }

    public var document: ReaderDocument? { currentID.flatMap { documents[$0] } }

    public var view: ArticleView {
        get { currentID.flatMap { views[$0] } ?? ArticleView() }
        set { if let id = currentID { views[id] = newValue } }
    }

    /// Articles in the library (0 until the index answers).
    public var articleCount: Int { articles.count ?? 0 }

    /// The library entry of the open article, when its row is at hand.
    public var currentEntry: LibraryEntry? {
        if let entry = articles.row(current), entry.id == currentID { return entry }
        return nil
    }

    /// The articles the layout makes room for: while an update runs, the files it found count
    /// too, so the library column does not wait for their analysis to appear.
    public var layoutArticleCount: Int { max(articleCount, indexing?.files ?? 0) }

    public var layout: FrameLayout {
        FrameLayout.compute(size: size, focus: focus, secondary: secondary, articleCount: layoutArticleCount)
    }

    // MARK: Filtered lists

    /// Quotation ids the quotes pane lists (the filter's speaker only, when set), in article order.
    public func visibleQuotes(in document: ReaderDocument) -> [Int] { document.filtered(by: filter).quotes }

    /// Timeline rows the timeline pane lists.
    public func visibleRows(in document: ReaderDocument) -> [Int] { document.filtered(by: filter).rows }

    /// The echoes of a quotation of the open article (nil when it has none, or while the index
    /// has not said).
    public func echoSummary(quote: Int) -> EchoSummary? {
        currentID.flatMap { echoes[$0]?.byQuote[quote] }
    }

    /// The library pane has the focus and is on screen (keys then act on its lists).
    var libraryFocused: Bool { focus == .library && layout.rect(of: .library) != nil }

    /// A quotation's echoes for the library pane (nil until the index has answered for it).
    public var echoList: [LibraryQuotation]? {
        guard case .echoes(let article, let quotation) = library.view,
            case .echoes(article, quotation, _)? = library.echoes.request, let answer = library.echoes.value
        else { return nil }
        return answer?.quotations ?? []
    }

    /// The most echoed quotations of the period the library pane shows (nil until the index
    /// has first answered).
    public var echoClusterList: [EchoCluster]? {
        library.clusters.request == nil ? nil : library.periodClusters
    }

    /// The quotations of the followed speakers, as last answered for the names followed now.
    public var followedQuotations: [FollowedQuotations]? {
        guard case .followed(follows.names, _)? = library.followed.request else { return nil }
        return library.followed.value
    }

    /// How often the filter's speaker is quoted in article `id` (nil with no filter, or before
    /// the index has said where they appear).
    public func filteredCount(article id: ArticleID) -> Int? {
        guard filter != nil, let appearances = appearances.value else { return nil }
        return appearances.quotations[id] ?? 0
    }

    /// The same for the library entry at `position`.
    public func filteredCount(entry position: Int) -> Int? {
        guard let entry = articles.row(position) else { return nil }
        return filteredCount(article: entry.id)
    }

    /// The reading positions to save: earlier runs' and this run's, by document identity.
    public var rememberedViews: [String: RememberedView] {
        var all = remembered
        for (id, view) in views {
            guard let document = documents[id] else { continue }
            all[document.identity] = RememberedView(paragraph: view.anchor.paragraph, offset: view.anchor.offset,
                                                    quote: view.selectedQuote)
        }
        return all
    }
}
