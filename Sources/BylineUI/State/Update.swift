import BylineCore

/// The reader's logic, Elm style: `update` takes the state and an action and returns the new
/// state and the effects for the event loop to run; `render` draws a state into a `Screen`.
/// Neither touches a terminal, so every behaviour is testable headless.
public enum Reader {
    /// Most articles kept analysed in memory (the others are analysed again when shown).
    static let documentLimit = 32

    public static func update(_ state: AppState, _ action: Action) -> (AppState, [Effect]) {
        var next = state
        let effects = apply(action, to: &next)
        return (next, effects)
    }

    /// The effects to run when the reader opens: load the first article.
    public static func start(_ state: inout AppState) -> [Effect] {
        guard !state.entries.isEmpty else { return [] }
        return requestLoad(state.current, &state)
    }

    public static func apply(_ action: Action, to state: inout AppState) -> [Effect] {
        switch action {
        case .key(let key):
            if let message = state.message {
                state.message = message.sticky ? StatusMessage(message.text, kind: message.kind) : nil
            }
            return handleKey(key, &state)
        case .command(let command):
            state.message = nil
            return run(command, &state)
        case .mouse(let event):
            return handleMouse(event, &state)
        case .resize(let size):
            // The anchor stays as it is: drawing clamps it, so a size where the whole article
            // fits does not lose the place for when the terminal shrinks again.
            state.size = size
            return []
        case .loaded(let index, let analysis):
            return loaded(index, analysis, &state)
        case .loadFailed(let index, let message):
            state.loading.remove(index)
            state.failures[index] = message
            if index == state.current { state.message = StatusMessage(message, kind: .warning) }
            return []
        case .notify(let message):
            state.message = message
            return []
        }
    }

    // MARK: Keys

    static func handleKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch state.mode {
        case .normal:
            guard let command = state.keymap.command(for: key) else {
                if key != .escape { state.message = StatusMessage("\(key.label) is not bound: press ? for the keys") }
                return []
            }
            return run(command, &state)
        case .help(let top):
            return helpKey(key, top: top, &state)
        case .picker(var picker):
            pickerKey(key, &picker, &state)
            return []
        case .searching(let query):
            searchKey(key, query: query, &state)
            return []
        }
    }

    static func helpKey(_ key: Key, top: Int, _ state: inout AppState) -> [Effect] {
        let lines = HelpScreen.lineCount(state.keymap)
        let height = max(1, state.size.height - 4)
        let maxTop = max(0, lines - height)
        switch state.keymap.command(for: key) {
        case .scrollDown?: state.mode = .help(top: min(maxTop, top + 1))
        case .scrollUp?: state.mode = .help(top: max(0, top - 1))
        case .pageDown?, .halfPageDown?: state.mode = .help(top: min(maxTop, top + height / 2))
        case .pageUp?, .halfPageUp?: state.mode = .help(top: max(0, top - height / 2))
        case .top?: state.mode = .help(top: 0)
        case .bottom?: state.mode = .help(top: maxTop)
        case .redraw?: return [.redraw]
        default: state.mode = .normal  // q, Esc, ? and any other key close the help
        }
        return []
    }

    // MARK: Commands

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .scrollDown: move(.lines(1), &state)
        case .scrollUp: move(.lines(-1), &state)
        case .halfPageDown: move(.halfPages(1), &state)
        case .halfPageUp: move(.halfPages(-1), &state)
        case .pageDown: move(.pages(1), &state)
        case .pageUp: move(.pages(-1), &state)
        case .top: move(.top, &state)
        case .bottom: move(.bottom, &state)
        case .nextQuote: stepQuote(forward: true, &state)
        case .previousQuote: stepQuote(forward: false, &state)
        case .nextArticle: return stepArticle(forward: true, &state)
        case .previousArticle: return stepArticle(forward: false, &state)
        case .activate: return activate(&state)
        case .focusNext: cycleFocus(1, &state)
        case .focusPrevious: cycleFocus(-1, &state)
        case .showLibrary: show(.library, &state)
        case .showArticle: show(.article, &state)
        case .showQuotes: show(.quotes, &state)
        case .showTimeline: show(.timeline, &state)
        case .pickSpeaker: openPicker(&state)
        case .clearFilter:
            if state.filter == nil {
                state.message = StatusMessage("No speaker filter to clear")
            } else {
                state.filter = nil
                state.message = StatusMessage("Showing every speaker")
            }
        case .search: state.mode = .searching(query: "")
        case .nextMatch: stepMatch(forward: true, &state)
        case .previousMatch: stepMatch(forward: false, &state)
        case .cancel:
            state.search = nil
            state.message = nil
        case .help: state.mode = .help(top: 0)
        case .redraw: return [.redraw]
        case .quit:
            state.quitting = true
            return [.quit]
        }
        return []
    }

    // MARK: Loading

    static func requestLoad(_ index: Int, _ state: inout AppState) -> [Effect] {
        guard state.documents[index] == nil, !state.loading.contains(index), state.failures[index] == nil else { return [] }
        state.loading.insert(index)
        return [.load(index)]
    }

    static func loaded(_ index: Int, _ analysis: AnalyzedArticle, _ state: inout AppState) -> [Effect] {
        guard state.entries.indices.contains(index) else { return [] }
        state.loading.remove(index)
        var entry = LibraryEntry(analysis: analysis)
        entry.source = state.entries[index].source
        state.entries[index] = entry
        if let filter = state.filter, let speakers = entry.speakers {
            state.setFilterCount(speakers.filter(filter.matches).reduce(0) { $0 + $1.quotationCount }, entry: index)
        }
        let document = ReaderDocument(analysis, paletteSize: state.theme.paletteSize)
        state.documents[index] = document
        if state.views[index] == nil, let remembered = state.remembered[document.identity] {
            state.views[index] = restoredView(remembered, document)
        }
        evictDocuments(&state)
        if index == state.current { selectFirstFilteredQuote(&state) }
        return []
    }

    /// A remembered position, if it still fits the document (else the top).
    static func restoredView(_ remembered: RememberedView, _ document: ReaderDocument) -> ArticleView {
        var view = ArticleView()
        let paragraphs = document.article.paragraphs
        if paragraphs.indices.contains(remembered.paragraph), remembered.offset >= paragraphs[remembered.paragraph].span.start,
            remembered.offset <= paragraphs[remembered.paragraph].span.end + 2
        {
            view.anchor = ArticleAnchor(paragraph: remembered.paragraph, offset: remembered.offset)
        }
        if let q = remembered.quote, document.quotes.indices.contains(q) { view.selectedQuote = q }
        return view
    }

    static func evictDocuments(_ state: inout AppState) {
        guard state.documents.count > documentLimit else { return }
        let far = state.documents.keys.sorted { abs($0 - state.current) > abs($1 - state.current) }
        for index in far.prefix(state.documents.count - documentLimit) where index != state.current {
            // Keep its reading position: views are small and width-independent.
            if let document = state.documents[index], let view = state.views[index] {
                state.remembered[document.identity] = RememberedView(
                    paragraph: view.anchor.paragraph, offset: view.anchor.offset, quote: view.selectedQuote)
                state.views[index] = nil
            }
            state.documents[index] = nil
        }
    }

    // MARK: Articles and panes

    static func open(_ index: Int, _ state: inout AppState) -> [Effect] {
        state.current = index
        state.libraryCursor = index
        state.search = nil
        ensureLibraryCursorVisible(&state)
        return requestLoad(index, &state)
    }

    /// The next or previous article; with a speaker filter, the next or previous one that
    /// quotes the speaker (articles not analysed yet are not skipped).
    static func stepArticle(forward: Bool, _ state: inout AppState) -> [Effect] {
        let step = forward ? 1 : -1
        var index = state.current + step
        if let filter = state.filter {
            while state.entries.indices.contains(index), state.filteredCount(entry: index) == 0 { index += step }
            guard state.entries.indices.contains(index) else {
                state.message = StatusMessage(forward ? "No later article quotes \(filter.name)" : "No earlier article quotes \(filter.name)")
                return []
            }
            let effects = open(index, &state)
            selectFirstFilteredQuote(&state)
            return effects
        }
        guard state.entries.indices.contains(index) else {
            state.message = StatusMessage(forward ? "This is the last article" : "This is the first article")
            return []
        }
        return open(index, &state)
    }

    /// With a filter, an article opened without a selection selects the speaker's first quotation.
    static func selectFirstFilteredQuote(_ state: inout AppState) {
        guard state.filter != nil, let document = state.document, state.view.selectedQuote == nil,
            let first = state.visibleQuotes(in: document).first
        else { return }
        select(quote: first, &state)
    }

    static func activate(_ state: inout AppState) -> [Effect] {
        let single = state.layout.arrangement != .columns
        switch state.focus {
        case .library:
            guard state.entries.indices.contains(state.libraryCursor) else { return [] }
            let effects = open(state.libraryCursor, &state)
            if single { state.focus = .article }
            return effects
        case .quotes:
            guard let document = state.document, let id = state.view.selectedQuote ?? state.visibleQuotes(in: document).first
            else { return [] }
            select(quote: id, &state)
            if single { state.focus = .article }
        case .timeline:
            guard let document = state.document, let row = state.view.selectedRow ?? state.visibleRows(in: document).first
            else { return [] }
            select(row: row, &state)
            if single { state.focus = .article }
        case .article:
            if let id = state.view.selectedQuote { select(quote: id, &state) }
        }
        return []
    }

    /// Panes in focus order: those on screen in the columns arrangement, all four otherwise.
    static func focusOrder(_ state: AppState) -> [Pane] {
        let layout = state.layout
        if layout.arrangement == .columns { return layout.panes.map(\.pane) }
        return Pane.allCases
    }

    static func cycleFocus(_ step: Int, _ state: inout AppState) {
        let order = focusOrder(state)
        guard let index = order.firstIndex(of: state.focus) else {
            state.focus = .article
            return
        }
        state.focus = order[(index + step + order.count) % order.count]
    }

    static func show(_ pane: Pane, _ state: inout AppState) {
        if (pane == .library || pane == .timeline), state.layout.rect(of: pane) == nil { state.secondary = pane }
        state.focus = pane
        if pane == .library { ensureLibraryCursorVisible(&state) }
    }

    // MARK: Picker

    /// Speakers for the picker: the article's, or with several articles every analysed
    /// article's, merged by folded name, the most quoted first.
    static func candidates(_ state: AppState) -> [PickerCandidate] {
        var merged: [String: PickerCandidate] = [:]
        var order: [String] = []
        func add(_ s: SpeakerSummary) {
            let key = s.keys.names[0].folded
            if var existing = merged[key] {
                existing.quotationCount += s.quotationCount
                existing.articleCount += 1
                if existing.description == nil { existing.description = s.description }
                let newAliases = s.aliases.filter { !existing.aliases.contains($0) }
                existing.aliases.append(contentsOf: newAliases)
                existing.words.append(contentsOf: s.keys.allWords.filter { !existing.words.contains($0) })
                merged[key] = existing
            } else {
                merged[key] = PickerCandidate(name: s.name, description: s.description, kind: s.kind, aliases: s.aliases,
                                              quotationCount: s.quotationCount, articleCount: 1, words: s.keys.allWords)
                order.append(key)
            }
        }
        if state.entries.count == 1 {
            if let speakers = state.entries[0].speakers {
                speakers.forEach(add)
            } else {
                state.document?.speakers.forEach { add(SpeakerSummary($0)) }
            }
        } else {
            for (i, entry) in state.entries.enumerated() {
                if let speakers = entry.speakers {
                    speakers.forEach(add)
                } else if let document = state.documents[i] {
                    document.speakers.forEach { add(SpeakerSummary($0)) }
                }
            }
        }
        return order.enumerated().sorted { a, b in
            let x = merged[a.element]!, y = merged[b.element]!
            return x.quotationCount != y.quotationCount ? x.quotationCount > y.quotationCount : a.offset < b.offset
        }.map { merged[$0.element]! }
    }

    static func openPicker(_ state: inout AppState) {
        let all = candidates(state)
        if all.isEmpty {
            let pending = state.document == nil || !state.loading.isEmpty
            state.message = StatusMessage(pending ? "Still analysing: no speakers yet" : "No speakers found in this article")
            return
        }
        state.mode = .picker(SpeakerPicker(candidates: all))
    }

    static func pickerKey(_ key: Key, _ picker: inout SpeakerPicker, _ state: inout AppState) {
        let count = picker.visible.count
        let rows = PickerBox.listRows(for: state.size, picker: picker)
        switch key {
        case .escape:
            state.mode = .normal
            return
        case .enter:
            let visible = picker.visible
            guard visible.indices.contains(picker.cursor) else { return }
            state.mode = .normal
            choose(visible[picker.cursor], &state)
            return
        case .character(let c): picker.query.append(c); picker.cursor = 0; picker.top = 0
        case .backspace, .delete:
            if !picker.query.isEmpty { picker.query.removeLast() }
            picker.cursor = 0
            picker.top = 0
        case .control("u"): picker.query = ""; picker.cursor = 0; picker.top = 0
        case .down, .tab, .control("n"): picker.cursor = min(max(0, count - 1), picker.cursor + 1)
        case .up, .backTab, .control("p"): picker.cursor = max(0, picker.cursor - 1)
        case .pageDown: picker.cursor = min(max(0, count - 1), picker.cursor + rows)
        case .pageUp: picker.cursor = max(0, picker.cursor - rows)
        case .home: picker.cursor = 0
        case .end: picker.cursor = max(0, count - 1)
        default: break
        }
        picker.top = ListWindow.top(cursor: picker.cursor, top: picker.top, count: count, visible: rows)
        state.mode = .picker(picker)
    }

    /// Applies a speaker filter: the sidebar and timeline narrow, and the selection moves to
    /// the speaker's first quotation from the reading position on.
    static func choose(_ candidate: PickerCandidate, _ state: inout AppState) {
        state.filter = SpeakerFilter(name: candidate.name, aliases: candidate.aliases)
        state.view.quotesTop = 0
        state.view.timelineTop = 0
        guard let document = state.document else { return }
        let quotes = state.visibleQuotes(in: document)
        if quotes.isEmpty {
            let hint = state.entries.count > 1 ? ": } finds the next article that quotes them" : " (F clears the filter)"
            state.message = StatusMessage("\(candidate.name) is not quoted in this article" + hint)
            return
        }
        if let selected = state.view.selectedQuote, quotes.contains(selected) {
            select(quote: selected, &state)
        } else {
            select(quote: quotes[0], &state)
        }
        let n = quotes.count
        state.message = StatusMessage("\(candidate.name): \(n) quotation\(n == 1 ? "" : "s") here (F clears)")
    }

    // MARK: Search

    static func searchKey(_ key: Key, query: String, _ state: inout AppState) {
        switch key {
        case .escape: state.mode = .normal
        case .enter:
            state.mode = .normal
            runSearch(query, &state)
        case .backspace, .delete:
            if query.isEmpty { state.mode = .normal } else { state.mode = .searching(query: String(query.dropLast())) }
        case .control("u"): state.mode = .searching(query: "")
        case .character(let c): state.mode = .searching(query: query + String(c))
        default: break
        }
    }

    static func runSearch(_ query: String, _ state: inout AppState) {
        let text = trimmed(query)
        guard !text.isEmpty else {
            state.search = nil
            return
        }
        guard let document = state.document else {
            state.message = StatusMessage("Still analysing: try again in a moment")
            return
        }
        let matches = document.find(text)
        guard !matches.isEmpty else {
            state.search = SearchState(query: text, matches: [], current: nil)
            state.message = StatusMessage("Not found: \(text)", kind: .warning)
            return
        }
        let top = topOffset(state, document)
        let index = matches.firstIndex { $0.start >= top } ?? 0
        state.search = SearchState(query: text, matches: matches, current: index)
        reveal(matches[index], &state)
    }

    static func stepMatch(forward: Bool, _ state: inout AppState) {
        guard var search = state.search, !search.matches.isEmpty else {
            state.message = StatusMessage(state.search == nil ? "No search yet: press / to search" : "Not found: \(state.search!.query)")
            return
        }
        let count = search.matches.count
        var index = search.current ?? (forward ? -1 : count)
        index += forward ? 1 : -1
        if index >= count {
            index = 0
            state.message = StatusMessage("Search wrapped to the top")
        } else if index < 0 {
            index = count - 1
            state.message = StatusMessage("Search wrapped to the bottom")
        }
        search.current = index
        state.search = search
        reveal(search.matches[index], &state)
    }

    static func topOffset(_ state: AppState, _ document: ReaderDocument) -> Int {
        let anchor = state.view.anchor
        guard document.article.paragraphs.indices.contains(anchor.paragraph) else { return 0 }
        return anchor.offset
    }
}

/// `text` without white space at either end.
func trimmed(_ text: String) -> String {
    var s = Substring(text)
    while let c = s.first, c.isWhitespace { s.removeFirst() }
    while let c = s.last, c.isWhitespace { s.removeLast() }
    return String(s)
}
