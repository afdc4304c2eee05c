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

    /// The effects to run when the reader opens: ask the library for its first articles.
    public static func start(_ state: inout AppState) -> [Effect] { fetches(&state) }

    /// Applies an action, then asks the library for whatever the new state shows and does
    /// not hold yet. Every `.fetch` effect must be answered (`.answered`): until it is, no
    /// other request of its kind is made.
    public static func apply(_ action: Action, to state: inout AppState) -> [Effect] {
        let effects = react(to: action, &state)
        markShownArticleRead(&state)
        return effects + fetches(&state)
    }

    /// Answers the fetches among `effects` on the spot, and the fetches those answers lead to,
    /// for at most `rounds` rounds: how the reader reads what the cache holds before its first
    /// frame, and how benchmarks and tests drive it without a worker thread. `answer` returns
    /// nil for a request to leave unanswered for now. Returns the effects left: those that
    /// are not fetches, and the fetches not answered, in order.
    public static func settle(_ effects: [Effect], _ state: inout AppState, rounds: Int = .max,
                              answer: (LibraryRequest) -> LibraryAnswer?) -> [Effect] {
        var left: [Effect] = []
        var pending = effects
        var round = 0
        while !pending.isEmpty {
            var next: [Effect] = []
            for effect in pending {
                guard case .fetch(let request) = effect, round < rounds, let reply = answer(request) else {
                    left.append(effect)
                    continue
                }
                next += apply(.answered(reply), to: &state)
            }
            pending = next
            round += 1
        }
        return left
    }

    static func react(to action: Action, _ state: inout AppState) -> [Effect] {
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
        case .answered(let answer):
            received(answer, &state)
            return []
        case .indexing(let progress):
            indexingMoved(progress, &state)
            return []
        case .indexingFailed(let message):
            state.indexing = nil
            state.message = StatusMessage("indexing stopped: \(message)", kind: .warning, sticky: true)
            return []
        case .feedUpdate(let progress):
            state.feedUpdate = progress
            return []
        case .feedUpdateFinished(let report):
            state.feedUpdate = nil
            state.message = report.message
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
        case .searching(let field):
            searchKey(key, field: field, &state)
            return []
        case .searchingLibrary(let field):
            librarySearchKey(key, field: field, &state)
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
        case .nextArticle: stepArticle(forward: true, &state)
        case .previousArticle: stepArticle(forward: false, &state)
        case .activate: return activate(&state)
        case .focusNext: cycleFocus(1, &state)
        case .focusPrevious: cycleFocus(-1, &state)
        case .showLibrary: show(.library, &state)
        case .showArticle: show(.article, &state)
        case .showQuotes: show(.quotes, &state)
        case .showTimeline: show(.timeline, &state)
        case .pickSpeaker: openPicker(.filter, &state)
        case .clearFilter:
            if state.filter == nil {
                state.message = StatusMessage("No speaker filter to clear")
            } else {
                state.filter = nil
                if state.library.view == .quotations { state.library.view = .articles }
                state.message = StatusMessage("Showing every speaker")
            }
        case .search:
            // In the library pane, / searches the library.
            state.mode = state.libraryFocused ? .searchingLibrary(TextField()) : .searching(TextField())
        case .searchLibrary: state.mode = .searchingLibrary(TextField())
        case .speakerQuotations: showSpeakerQuotations(&state)
        case .echoes: showEchoes(&state)
        case .mostEchoed: showMostEchoed(&state)
        case .follows: showFollows(&state)
        case .libraryTimeline: showLibrary(.timeline, &state)
        case .nextMatch: stepMatch(forward: true, &state)
        case .previousMatch: stepMatch(forward: false, &state)
        case .cancel:
            if state.libraryFocused, case .followed = state.library.view {
                // Back from a followed speaker's quotations to the followed speakers.
                state.library.view = .follows
                state.message = nil
            } else if state.libraryFocused, state.library.view != .articles {
                // Back from a list across the library to the articles.
                state.library.view = .articles
                state.message = nil
                ensureLibraryCursorVisible(&state)
            } else {
                state.search = nil
                state.message = nil
            }
        case .updateFeeds: return updateFeeds(&state)
        case .openLink: return openLink(&state)
        case .help: state.mode = .help(top: 0)
        case .redraw: return [.redraw]
        case .quit:
            state.quitting = true
            return [.quit]
        }
        return []
    }

    // MARK: Documents

    /// Keeps an article's analysis, as the index gave it.
    static func loaded(_ id: ArticleID, _ analysis: AnalyzedArticle, persons: [Int: PersonID], _ state: inout AppState) {
        let document = ReaderDocument(analysis, paletteSize: state.theme.paletteSize, persons: persons)
        state.documents[id] = document
        state.failures[id] = nil
        state.documentOrder.removeAll { $0 == id }
        state.documentOrder.append(id)
        if state.views[id] == nil, let remembered = state.remembered[document.identity] {
            state.views[id] = restoredView(remembered, document)
        }
        evictDocuments(&state)
        guard id == state.currentID else { return }
        applyPendingJump(&state)
        selectFirstFilteredQuote(&state)
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

    /// Drops the analyses opened longest ago beyond `documentLimit`.
    static func evictDocuments(_ state: inout AppState) {
        while state.documents.count > documentLimit, let id = state.documentOrder.first(where: { $0 != state.currentID }) {
            state.documentOrder.removeAll { $0 == id }
            // Keep its reading position: views are small and width-independent.
            if let document = state.documents[id], let view = state.views[id] {
                state.remembered[document.identity] = RememberedView(
                    paragraph: view.anchor.paragraph, offset: view.anchor.offset, quote: view.selectedQuote)
                state.views[id] = nil
            }
            state.documents[id] = nil
            state.echoes[id] = nil
        }
    }

    // MARK: Read marks

    /// Marks the article the user opened (or scrolled) read, once its analysis is at hand and
    /// the article pane shows it.
    static func markShownArticleRead(_ state: inout AppState) {
        guard let id = state.readPending else { return }
        guard id == state.currentID else {
            state.readPending = nil
            return
        }
        guard let document = state.documents[id], state.layout.rect(of: .article) != nil else { return }
        state.readPending = nil
        state.readMarks.mark(ReadMark(path: document.article.source, url: document.article.metadata.url))
    }

    // MARK: Articles and panes

    /// Opens the article at a position of the library (once its row is at hand).
    static func open(_ position: Int, _ state: inout AppState) {
        guard let entry = state.articles.row(position) else {
            state.pendingOpen = position
            state.libraryCursor = position
            ensureLibraryCursorVisible(&state)
            return
        }
        open(entry.id, at: position, &state)
    }

    /// Opens an article by id: at a known position, or (from a list across the library) at one
    /// the next page of articles gives. The library's cursor follows it, and it is marked read
    /// once its text is on screen.
    static func open(_ id: ArticleID, at position: Int?, jump: JumpTarget? = nil, _ state: inout AppState) {
        state.pendingOpen = nil
        state.readPending = id
        if id != state.currentID { state.search = nil }
        state.currentID = id
        state.libraryCursorID = id
        if let position {
            state.current = position
            state.libraryCursor = position
            state.currentPositionPending = false
            ensureLibraryCursorVisible(&state)
        } else {
            state.currentPositionPending = true
        }
        state.pendingJump = jump.map { PendingJump(article: id, target: $0) }
        if state.document != nil { applyPendingJump(&state) }
    }

    /// The next or previous article; with a speaker filter, the next or previous one that
    /// quotes the speaker.
    static func stepArticle(forward: Bool, _ state: inout AppState) {
        if let filter = state.filter, filter.person != nil {
            guard let appearances = state.appearances.value else {
                state.message = StatusMessage("Still finding where \(filter.name) is quoted")
                return
            }
            let here = state.document?.article.source ?? state.currentEntry?.source ?? ""
            let quoting = appearances.articles.filter { $0.quotations > 0 && $0.article != state.currentID }
            let next = forward ? quoting.first { $0.path > here } : quoting.last { $0.path < here }
            guard let next else {
                state.message = StatusMessage("No \(forward ? "later" : "earlier") article quotes \(filter.name)")
                return
            }
            open(next.article, at: nil, &state)
            selectFirstFilteredQuote(&state)
            return
        }
        let position = state.current + (forward ? 1 : -1)
        guard position >= 0, position < state.articleCount else {
            state.message = StatusMessage(forward ? "This is the last article" : "This is the first article")
            return
        }
        open(position, &state)
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
            guard activateLibraryEntry(&state) else { return [] }
            if single { state.focus = .article }
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
        if pane == .library, state.libraryFocused, state.library.view != .articles {
            // 1 again in a list across the library: back to the articles.
            state.library.view = .articles
        }
        if (pane == .library || pane == .timeline), state.layout.rect(of: pane) == nil { state.secondary = pane }
        state.focus = pane
        if pane == .library { ensureLibraryCursorVisible(&state) }
    }

    // MARK: Picker

    /// Opens the speaker picker; the index lists the library's speakers (merged across
    /// articles), most quoted first.
    static func openPicker(_ purpose: PickerPurpose, _ state: inout AppState) {
        state.mode = .picker(SpeakerPicker(purpose: purpose))
    }

    /// The library's speakers arrived: the picker lists them, or says there are none.
    static func receivedSpeakers(_ list: [PickerCandidate], _ request: LibraryRequest, _ state: inout AppState) {
        guard case .picker(var picker) = state.mode else { return }
        if list.isEmpty {
            state.mode = .normal
            let scope = state.articleCount > 1 ? "the library" : "this article"
            state.message = StatusMessage(state.indexing != nil ? "Still indexing: no speakers yet" : "No speakers found in \(scope)")
            return
        }
        picker.setCandidates(list, answering: request)
        picker.top = ListWindow.top(cursor: picker.cursor, top: picker.top, count: picker.visible.count,
                                    visible: PickerBox.listRows(for: state.size, picker: picker))
        state.mode = .picker(picker)
    }

    /// The list's keys move among the speakers; the others edit the query (`TextField`).
    static func pickerKey(_ key: Key, _ picker: inout SpeakerPicker, _ state: inout AppState) {
        let count = picker.visible.count
        let rows = PickerBox.listRows(for: state.size, picker: picker)
        switch key {
        case .down, .tab, .control("n"): picker.cursor = min(max(0, count - 1), picker.cursor + 1)
        case .up, .backTab, .control("p"): picker.cursor = max(0, picker.cursor - 1)
        case .pageDown: picker.cursor = min(max(0, count - 1), picker.cursor + rows)
        case .pageUp: picker.cursor = max(0, picker.cursor - rows)
        case .home: picker.cursor = 0
        case .end: picker.cursor = max(0, count - 1)
        default:
            var field = picker.field
            switch field.handle(key) {
            case .cancelled:
                state.mode = .normal
                return
            case .submitted:
                let visible = picker.visible
                guard visible.indices.contains(picker.cursor) else { return }
                state.mode = .normal
                choose(visible[picker.cursor], &state)
                if picker.purpose == .libraryQuotations { showLibrary(.quotations, &state) }
                return
            case .edited, .moved: picker.setField(field)
            case .ignored: break
            }
        }
        picker.top = ListWindow.top(cursor: picker.cursor, top: picker.top, count: count, visible: rows)
        state.mode = .picker(picker)
    }

    /// Applies a speaker filter: the sidebar and timeline narrow, and the selection moves to
    /// the speaker's first quotation from the reading position on.
    static func choose(_ candidate: PickerCandidate, _ state: inout AppState) {
        state.filter = SpeakerFilter(name: candidate.name, aliases: candidate.aliases, person: candidate.person)
        state.view.quotesTop = 0
        state.view.timelineTop = 0
        guard let document = state.document else { return }
        let quotes = state.visibleQuotes(in: document)
        if quotes.isEmpty {
            let hint = state.articleCount > 1 ? ": } finds the next article that quotes them" : " (F clears the filter)"
            state.message = StatusMessage("\(candidate.name) is not quoted in this article" + hint)
            return
        }
        if let selected = state.view.selectedQuote, quotes.contains(selected) {
            select(quote: selected, &state)
        } else {
            select(quote: quotes[0], &state)
        }
        let n = quotes.count
        let elsewhere = candidate.quotationCount - n
        let library = state.articleCount > 1 && elsewhere > 0
            ? ", \(elsewhere) elsewhere (\(state.keymap.keys(for: .speakerQuotations).first?.label ?? "A") lists all)" : ""
        state.message = StatusMessage("\(candidate.name): \(n) quotation\(n == 1 ? "" : "s") here\(library) (F clears)")
    }

    // MARK: Search

    static func searchKey(_ key: Key, field: TextField, _ state: inout AppState) {
        var field = field
        switch field.handle(key, cancelsWhenEmpty: true) {
        case .cancelled: state.mode = .normal
        case .submitted:
            state.mode = .normal
            runSearch(field.text, &state)
        case .edited, .moved: state.mode = .searching(field)
        case .ignored: break
        }
    }

    static func runSearch(_ query: String, _ state: inout AppState) {
        let text = trimmed(query)
        guard !text.isEmpty else {
            state.search = nil
            return
        }
        guard let document = state.document else {
            state.message = StatusMessage("Still loading: try again in a moment")
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
