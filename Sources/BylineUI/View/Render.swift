import BylineCore

extension Reader {
    /// Draws the whole reader for `state`.
    public static func render(_ state: AppState) -> Screen {
        var screen = Screen(size: state.size)
        let layout = state.layout
        if layout.arrangement == .tooSmall {
            TooSmallMessage.draw(&screen, state)
            return screen
        }
        if let tabs = layout.tabs { TabBar.draw(&screen, tabs, state) }
        for (pane, rect) in layout.panes {
            var content = rect
            if layout.hasTitles {
                let split = rect.splitTop(1)
                PaneTitle.draw(&screen, split.top, pane: pane, state)
                content = split.rest
            }
            switch pane {
            case .article: ArticlePane.draw(&screen, content, state)
            case .quotes: QuotesPane.draw(&screen, content, state)
            case .timeline: TimelinePane.draw(&screen, content, state)
            case .library: LibraryPane.draw(&screen, content, state)
            }
        }
        for rule in layout.rules { screen.fill(rule, style: state.theme.rule, with: "│") }
        StatusLine.draw(&screen, layout.status, state)
        switch state.mode {
        case .help(let top): HelpScreen.draw(&screen, top: top, state)
        case .picker(let picker): PickerBox.draw(&screen, picker, state)
        case .normal, .searching, .searchingLibrary: break
        }
        return screen
    }
}

/// A pane's title row in the columns arrangement: `─ Quotes · 6 ─────`.
enum PaneTitle {
    static func draw(_ screen: inout Screen, _ rect: Rect, pane: Pane, _ state: AppState) {
        let theme = state.theme
        screen.fill(rect, style: theme.rule, with: "─")
        let focused = state.focus == pane
        screen.put(" \(text(pane, state)) ", x: rect.x + 1, y: rect.y, style: theme.title(focused: focused),
                   maxWidth: rect.width - 2)
    }

    static func text(_ pane: Pane, _ state: AppState) -> String {
        switch pane {
        case .article:
            if state.articleCount > 1, state.currentID != nil { return "Article \(state.current + 1)/\(state.articleCount)" }
            return "Article"
        case .quotes:
            guard let document = state.document else { return "Quotes" }
            let shown = state.visibleQuotes(in: document).count
            if let filter = state.filter { return "Quotes · \(shown) of \(document.quotes.count) · \(filter.name)" }
            return "Quotes · \(shown)"
        case .timeline:
            guard let document = state.document else { return "Timeline" }
            let shown = state.visibleRows(in: document).count
            if state.filter != nil { return "Timeline · \(shown) of \(document.timelineRows.count)" }
            return "Timeline · \(shown)"
        case .library:
            return libraryTitle(state)
        }
    }

    /// What the library pane lists, and how many.
    static func libraryTitle(_ state: AppState) -> String {
        switch state.library.view {
        case .articles:
            return "Library · \(state.articleCount)"
        case .quotations:
            guard let filter = state.filter else { return "Quotations across the library" }
            guard let list = LibraryPane.quotations(state) else { return "\(filter.name) across the library" }
            let articles = Set(list.map(\.article.id)).count
            return "\(filter.name) · \(counted(list.count, "quotation")) in \(counted(articles, "article"))"
        case .timeline:
            let whose = state.filter.map { " · \($0.name)" } ?? ""
            let count = LibraryPane.timeline(state)?.count.map { " · \($0)" } ?? ""
            return "Library timeline\(whose)\(count)"
        case .search(let query):
            guard let hits = LibraryPane.results(state, query: query) else { return "Search · \(query)" }
            let articles = hits.filter { if case .article = $0 { return true } else { return false } }.count
            let quotations = hits.count - articles
            // More articles can match than are listed (the best first).
            let matched = state.library.resultCounts.articles
            let articleText = matched > articles ? "\(articles) of \(matched) articles" : counted(articles, "article")
            return "Search · \(query) · \(articleText), \(counted(quotations, "quotation"))"
        case .echoes:
            guard state.echoList != nil else { return "Echoes" }
            let cluster = state.library.echoes.value ?? nil
            let articles = cluster?.articleCount ?? 0
            let disagree = cluster?.disagree == true ? " · speakers disagree" : ""
            return "Echoes · \(counted(articles, "article"))\(disagree)"
        case .mostEchoed:
            let count = state.echoClusterList.map { " · \($0.count)" } ?? ""
            return "Most echoed · \(state.library.echoPeriod.label)\(count)"
        case .follows:
            return "Following · \(counted(state.follows.names.count, "speaker"))"
        case .followed(let name):
            return "\(name) · \(state.library.unread.count) new"
        }
    }
}

/// `1 quotation`, `3 quotations`.
func counted(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

/// The row of tabs in the single-pane arrangement.
enum TabBar {
    static func items(width: Int) -> [(pane: Pane, label: String, x: Int)] {
        let full = Pane.allCases.enumerated().map { (i, p) in (p, " \(i + 1) \(p.title) ") }
        let short = Pane.allCases.enumerated().map { (i, p) in (p, " \(i + 1) \(p.title.prefix(4)) ") }
        let total = full.reduce(0) { $0 + $1.1.count }
        let chosen = total <= width ? full : short
        var x = 0
        return chosen.map { pane, label in
            defer { x += label.count }
            return (pane, label, x)
        }
    }

    static func draw(_ screen: inout Screen, _ rect: Rect, _ state: AppState) {
        let theme = state.theme
        screen.fill(rect, style: theme.rule, with: "─")
        for item in items(width: rect.width) {
            let focused = item.pane == state.focus
            screen.put(item.label, x: rect.x + item.x, y: rect.y, style: focused ? theme.title(focused: true) : theme.emphasis,
                       maxWidth: rect.maxX - rect.x - item.x)
        }
    }

    static func pane(at x: Int, in rect: Rect) -> Pane? {
        items(width: rect.width).first { x >= rect.x + $0.x && x < rect.x + $0.x + $0.label.count }?.pane
    }
}

/// Shown instead of the reader when the terminal is below the minimum size.
enum TooSmallMessage {
    static func draw(_ screen: inout Screen, _ state: AppState) {
        let minimum = FrameLayout.minimum
        let text = "Enlarge the terminal: Byline needs at least \(minimum.width)×\(minimum.height) (this one is "
            + "\(state.size.width)×\(state.size.height)). Press q to quit."
        let lines = Wrapper.wrap(text, width: max(1, screen.width))
        let top = max(0, (screen.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < screen.height {
            let x = max(0, (screen.width - DisplayWidth.of(line)) / 2)
            screen.put(line, x: x, y: top + i, style: state.theme.emphasis)
        }
    }
}
