/// Everything a key can be bound to. The raw value is the name used in the config file.
public enum Command: String, CaseIterable, Sendable {
    case scrollDown = "scroll_down"
    case scrollUp = "scroll_up"
    case halfPageDown = "half_page_down"
    case halfPageUp = "half_page_up"
    case pageDown = "page_down"
    case pageUp = "page_up"
    case top
    case bottom
    case nextQuote = "next_quote"
    case previousQuote = "previous_quote"
    case nextArticle = "next_article"
    case previousArticle = "previous_article"
    case activate
    case focusNext = "focus_next"
    case focusPrevious = "focus_previous"
    case showLibrary = "show_library"
    case showArticle = "show_article"
    case showQuotes = "show_quotes"
    case showTimeline = "show_timeline"
    case pickSpeaker = "pick_speaker"
    case clearFilter = "clear_filter"
    case search
    case searchLibrary = "search_library"
    case speakerQuotations = "speaker_quotations"
    case echoes
    case mostEchoed = "most_echoed"
    case follows
    case libraryTimeline = "library_timeline"
    case nextMatch = "next_match"
    case previousMatch = "previous_match"
    case cancel
    case updateFeeds = "update_feeds"
    case openLink = "open_link"
    case help
    case redraw
    case quit

    public enum Group: String, CaseIterable, Sendable {
        case reading = "Reading"
        case quotations = "Quotations and speakers"
        case panes = "Articles and panes"
        case search = "Search"
        case feeds = "Feeds and the web"
        case other = "Other"
    }

    public var group: Group {
        switch self {
        case .scrollDown, .scrollUp, .halfPageDown, .halfPageUp, .pageDown, .pageUp, .top, .bottom: return .reading
        case .nextQuote, .previousQuote, .pickSpeaker, .clearFilter, .speakerQuotations, .echoes, .mostEchoed, .follows:
            return .quotations
        case .nextArticle, .previousArticle, .activate, .focusNext, .focusPrevious, .showLibrary, .showArticle,
            .showQuotes, .showTimeline, .libraryTimeline:
            return .panes
        case .search, .searchLibrary, .nextMatch, .previousMatch, .cancel: return .search
        case .updateFeeds, .openLink: return .feeds
        case .help, .redraw, .quit: return .other
        }
    }

    /// One line for the help screen.
    public var summary: String {
        switch self {
        case .scrollDown: return "scroll down a line / next entry"
        case .scrollUp: return "scroll up a line / previous entry"
        case .halfPageDown: return "half a page down"
        case .halfPageUp: return "half a page up"
        case .pageDown: return "a page down"
        case .pageUp: return "a page up"
        case .top: return "top / first entry"
        case .bottom: return "bottom / last entry"
        case .nextQuote: return "next quotation (article and sidebar together)"
        case .previousQuote: return "previous quotation"
        case .nextArticle: return "next article"
        case .previousArticle: return "previous article"
        case .activate: return "open the entry: jump the article to it"
        case .focusNext: return "focus the next pane"
        case .focusPrevious: return "focus the previous pane"
        case .showLibrary: return "library pane (again: back to its articles)"
        case .showArticle: return "article pane"
        case .showQuotes: return "quotations pane"
        case .showTimeline: return "timeline pane"
        case .libraryTimeline: return "the library's timeline (the speaker's, with a filter)"
        case .pickSpeaker: return "filter by speaker (type to narrow)"
        case .clearFilter: return "clear the speaker filter"
        case .speakerQuotations: return "the speaker's quotations across the library, by date"
        case .echoes: return "where else the selected quotation appears"
        case .mostEchoed: return "the most echoed quotations (again: a shorter period)"
        case .follows: return "the speakers you follow and their new quotations"
        case .search: return "search the article (in the library pane: the library)"
        case .searchLibrary: return "search the library: ranked articles and quotations"
        case .nextMatch: return "next match"
        case .previousMatch: return "previous match"
        case .cancel: return "clear search highlights and messages; in the library pane, back to its articles"
        case .updateFeeds: return "update the feeds in the background (byline feeds add URL subscribes)"
        case .openLink: return "open the article's web address in the browser (in the library: the one under the cursor)"
        case .help: return "this help"
        case .redraw: return "redraw the screen"
        case .quit: return "quit"
        }
    }
}

/// Keys to commands. Several keys may run one command; one key runs one command.
public struct Keymap: Equatable, Sendable {
    public private(set) var bindings: [Key: Command]
    /// Keys per command in the order they were bound (the help screen lists them so).
    public private(set) var keys: [Command: [Key]]

    public init() {
        bindings = [:]
        keys = [:]
    }

    public static let standard: Keymap = {
        var map = Keymap()
        let table: [(Command, [String])] = [
            (.scrollDown, ["j", "down", "ctrl-e"]),
            (.scrollUp, ["k", "up", "ctrl-y"]),
            (.halfPageDown, ["ctrl-d"]),
            (.halfPageUp, ["ctrl-u"]),
            (.pageDown, ["pgdn", "space", "ctrl-f"]),
            (.pageUp, ["pgup", "b", "ctrl-b"]),
            (.top, ["g", "home"]),
            (.bottom, ["G", "end"]),
            (.nextQuote, ["]"]),
            (.previousQuote, ["["]),
            (.nextArticle, ["}", "J"]),
            (.previousArticle, ["{", "K"]),
            (.activate, ["enter"]),
            (.focusNext, ["tab", "l", "right"]),
            (.focusPrevious, ["shift-tab", "h", "left"]),
            (.showLibrary, ["1"]),
            (.showArticle, ["2"]),
            (.showQuotes, ["3"]),
            (.showTimeline, ["4", "t"]),
            (.pickSpeaker, ["f", "s"]),
            (.clearFilter, ["F"]),
            (.speakerQuotations, ["A"]),
            (.echoes, ["e"]),
            (.mostEchoed, ["E"]),
            (.follows, ["w"]),
            (.libraryTimeline, ["T"]),
            (.search, ["/"]),
            (.searchLibrary, ["S"]),
            (.nextMatch, ["n"]),
            (.previousMatch, ["N"]),
            (.cancel, ["esc"]),
            (.updateFeeds, ["u"]),
            (.openLink, ["o"]),
            (.help, ["?", "f1"]),
            (.redraw, ["ctrl-l"]),
            (.quit, ["q", "ctrl-c"]),
        ]
        for (command, names) in table {
            for name in names { map.bind(Key(name: name)!, to: command) }
        }
        return map
    }()

    public func command(for key: Key) -> Command? { bindings[key] }

    public func keys(for command: Command) -> [Key] { keys[command] ?? [] }

    /// Binds `key` to `command`, taking it from any command it ran before.
    public mutating func bind(_ key: Key, to command: Command) {
        if let previous = bindings[key] { keys[previous]?.removeAll { $0 == key } }
        bindings[key] = command
        if !(keys[command]?.contains(key) ?? false) { keys[command, default: []].append(key) }
    }

    /// Replaces every key of `command` with `newKeys`.
    public mutating func rebind(_ command: Command, to newKeys: [Key]) {
        for key in keys[command] ?? [] where bindings[key] == command { bindings[key] = nil }
        keys[command] = []
        for key in newKeys { bind(key, to: command) }
    }
}
