import BylineCore

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

/// A speaker chosen in the picker; it holds across articles, matched by name (the rules of
/// `SpeakerQuery.matches`, on names folded once: see `NameKey`).
public struct SpeakerFilter: Hashable, Sendable {
    public let name: String
    public let aliases: [String]
    private let key: NameKey
    private let aliasKeys: Set<String>

    public init(name: String, aliases: [String] = []) {
        self.name = name
        self.aliases = aliases
        key = NameKey(name)
        aliasKeys = Set(aliases.map { NameKey($0).folded })
    }

    public static func == (a: SpeakerFilter, b: SpeakerFilter) -> Bool { a.name == b.name && a.aliases == b.aliases }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(aliases)
    }

    /// The same folded name, or every word of the filter's name among a name's words, or the
    /// same description; or the speaker's name is one of the filter's aliases.
    public func matches(_ keys: SpeakerKeys) -> Bool {
        if key.words.isEmpty { return true }
        for name in keys.names {
            if name.folded == key.folded { return true }
            if key.words.allSatisfy(name.words.contains) { return true }
        }
        if let description = keys.description, description.folded == key.folded { return true }
        if let first = keys.names.first, aliasKeys.contains(first.folded) { return true }
        return false
    }

    public func matches(_ speaker: Speaker) -> Bool { matches(SpeakerKeys(speaker)) }
    public func matches(_ summary: SpeakerSummary) -> Bool { matches(summary.keys) }
}

public struct SearchState: Hashable, Sendable {
    public var query: String
    public var matches: [TextSpan]
    public var current: Int?
}

/// One speaker in the picker, merged across the library by name.
public struct PickerCandidate: Hashable, Sendable {
    public var name: String
    public var description: String?
    public var kind: SpeakerKind
    public var aliases: [String]
    public var quotationCount: Int
    public var articleCount: Int
    /// Folded words of the name, aliases and description, for narrowing.
    public var words: [String]
}

public struct SpeakerPicker: Hashable, Sendable {
    public var query: String = ""
    public var cursor: Int = 0
    public var top: Int = 0
    public var candidates: [PickerCandidate]

    /// The candidates whose words start with every word typed (as `SpeakerQuery.prefixMatches`).
    public var visible: [PickerCandidate] {
        let typed = NameKey(query).words
        if typed.isEmpty { return candidates }
        return candidates.filter { candidate in typed.allSatisfy { q in candidate.words.contains { $0.hasPrefix(q) } } }
    }
}

/// What takes the keyboard.
public enum Mode: Hashable, Sendable {
    case normal
    case help(top: Int)
    case picker(SpeakerPicker)
    /// Typing a search; `previous` is restored if the search is cancelled.
    case searching(query: String)
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
    /// Analyse (or fetch) article `i` and send `.loaded`.
    case load(Int)
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
    case loaded(index: Int, analysis: AnalyzedArticle)
    case loadFailed(index: Int, message: String)
    case notify(StatusMessage)
}

/// The whole state of the reader. `Reader.update` changes it, `Reader.render` draws it.
public struct AppState {
    public var size: Size
    public var entries: [LibraryEntry]
    public var current = 0
    /// Analysed articles by library index (a cache: reading them never changes meaning).
    public var documents: [Int: ReaderDocument] = [:]
    public var views: [Int: ArticleView] = [:]
    public var loading: Set<Int> = []
    public var failures: [Int: String] = [:]
    public var focus: Pane = .article
    /// The pane below the quotations in the two-column arrangement: the timeline or the library.
    public var secondary: Pane = .timeline
    public var libraryCursor = 0
    public var libraryTop = 0
    public var filter: SpeakerFilter? {
        didSet { if filter != oldValue { refreshFilterCounts() } }
    }
    /// The filter's speaker's quotation count per analysed library entry.
    public private(set) var filterCounts: [Int: Int] = [:]
    public var search: SearchState?
    public var mode: Mode = .normal
    public var message: StatusMessage?
    public var keymap: Keymap
    public var theme: Theme
    /// Reading positions from earlier runs, by document identity.
    public var remembered: [String: RememberedView]
    public var quitting = false

    public init(entries: [LibraryEntry], size: Size, theme: Theme = Theme(mode: .extended), keymap: Keymap = .standard,
                remembered: [String: RememberedView] = [:]) {
        self.entries = entries
        self.size = size
        self.theme = theme
        self.keymap = keymap
        self.remembered = remembered
    }

    public var document: ReaderDocument? { documents[current] }

    public var view: ArticleView {
        get { views[current] ?? ArticleView() }
        set { views[current] = newValue }
    }

    public var layout: FrameLayout {
        FrameLayout.compute(size: size, focus: focus, secondary: secondary, articleCount: entries.count)
    }

    // MARK: Filtered lists

    /// Quotation ids the quotes pane lists (the filter's speaker only, when set), in article order.
    public func visibleQuotes(in document: ReaderDocument) -> [Int] { document.filtered(by: filter).quotes }

    /// Timeline rows the timeline pane lists.
    public func visibleRows(in document: ReaderDocument) -> [Int] { document.filtered(by: filter).rows }

    /// Whether speaker `index` of `document` passes the filter (everyone does with no filter).
    public func passesFilter(speaker index: Int?, in document: ReaderDocument) -> Bool {
        guard filter != nil else { return true }
        let passing = document.filtered(by: filter).passing
        guard let index, passing.indices.contains(index) else { return false }
        return passing[index]
    }

    /// The filter's speaker's quotation count in library entry `i` (nil before it is analysed).
    public func filteredCount(entry i: Int) -> Int? {
        guard filter != nil else { return nil }
        return filterCounts[i]
    }

    mutating func setFilterCount(_ count: Int, entry: Int) { filterCounts[entry] = count }

    /// `filteredCount` for every analysed entry: worked out when the filter or an entry
    /// changes, not on every frame.
    mutating func refreshFilterCounts() {
        filterCounts = [:]
        guard let filter else { return }
        for (i, entry) in entries.enumerated() {
            guard let speakers = entry.speakers else { continue }
            filterCounts[i] = speakers.filter(filter.matches).reduce(0) { $0 + $1.quotationCount }
        }
    }

    /// The reading positions to save: earlier runs' and this run's, by document identity.
    public var rememberedViews: [String: RememberedView] {
        var all = remembered
        for (index, view) in views {
            guard let document = documents[index] else { continue }
            all[document.identity] = RememberedView(paragraph: view.anchor.paragraph, offset: view.anchor.offset,
                                                    quote: view.selectedQuote)
        }
        return all
    }
}
