import BylineCore

/// How far a movement goes.
public enum Movement: Hashable, Sendable {
    case lines(Int)
    case halfPages(Int)
    case pages(Int)
    case top
    case bottom
}

/// The first entry to show so that `cursor` is visible, moving as little as possible.
public enum ListWindow {
    public static func top(cursor: Int, top: Int, count: Int, visible: Int) -> Int {
        let visible = max(1, visible)
        var top = top
        if cursor < top { top = cursor }
        if cursor >= top + visible { top = cursor - visible + 1 }
        return max(0, min(top, count - visible))
    }
}

extension Reader {
    // MARK: Geometry

    /// Where the article's text goes: the pane's content, or where it would be if shown.
    static func articleArea(_ state: AppState) -> Rect {
        if let area = state.layout.content(of: .article) { return area }
        let shown = FrameLayout.compute(size: state.size, focus: .article, secondary: state.secondary,
                                        articleCount: state.layoutArticleCount)
        return shown.content(of: .article) ?? .zero
    }

    /// Text columns of the article pane (one column of margin each side).
    static func textWidth(_ area: Rect) -> Int { max(1, area.width - 2) }

    static func rows(_ state: AppState) -> (ArticleRows, height: Int)? {
        guard let document = state.document else { return nil }
        let area = articleArea(state)
        return (ArticleRows(document: document, width: textWidth(area)), max(1, area.height))
    }

    /// Content rectangle of a list pane, shown or not.
    static func listArea(_ pane: Pane, _ state: AppState) -> Rect {
        if let area = state.layout.content(of: pane) { return area }
        let shown = FrameLayout.compute(size: state.size, focus: pane, secondary: pane == .quotes ? state.secondary : pane,
                                        articleCount: state.layoutArticleCount)
        return shown.content(of: pane) ?? .zero
    }

    /// Entries a list pane shows at once (two rows each).
    static func visibleEntries(_ pane: Pane, _ state: AppState) -> Int { max(1, listArea(pane, state).height / 2) }

    /// The top row actually shown: the stored anchor, kept from running past the end.
    static func clampedTop(_ rows: ArticleRows, height: Int, anchor: ArticleAnchor) -> ArticleRows.Position {
        min(rows.position(of: anchor), rows.maxTop(height: height))
    }

    // MARK: Moving

    static func move(_ movement: Movement, _ state: inout AppState) { move(movement, in: state.focus, &state) }

    static func move(_ movement: Movement, in pane: Pane, _ state: inout AppState) {
        switch pane {
        case .article: scrollArticle(movement, &state)
        case .quotes:
            guard let document = state.document else { return }
            let list = state.visibleQuotes(in: document)
            guard let index = target(movement, in: list, current: state.view.selectedQuote, pane: .quotes, state) else {
                state.message = StatusMessage(state.filter == nil ? "No quotations in this article" : "No quotations by \(state.filter!.name) here")
                return
            }
            select(quote: list[index], &state)
        case .timeline:
            guard let document = state.document else { return }
            let list = state.visibleRows(in: document)
            guard let index = target(movement, in: list, current: state.view.selectedRow, pane: .timeline, state) else {
                state.message = StatusMessage("No dated events in this article")
                return
            }
            select(row: list[index], &state)
        case .library:
            moveInLibrary(movement, &state)
        }
    }

    /// Moves the library pane's cursor in the list it shows.
    static func moveInLibrary(_ movement: Movement, _ state: inout AppState) {
        if state.library.view == .articles {
            guard let index = target(movement, count: state.articleCount, current: state.libraryCursor, pane: .library, state)
            else { return }
            state.libraryCursor = index
            state.libraryCursorID = state.articles.row(index)?.id
            ensureLibraryCursorVisible(&state)
            return
        }
        var position = state.library.position
        guard let index = target(movement, count: libraryListCount(state) ?? 0, current: position.cursor, pane: .library, state)
        else { return }
        position.cursor = index
        position.top = ListWindow.top(cursor: index, top: position.top, count: libraryListCount(state) ?? 0,
                                      visible: visibleEntries(.library, state))
        state.library.position = position
    }

    /// The position a movement lands on in a list of `count` entries (nil for an empty list).
    static func target(_ movement: Movement, count: Int, current: Int, pane: Pane, _ state: AppState) -> Int? {
        guard count > 0 else { return nil }
        let page = visibleEntries(pane, state)
        let delta: Int
        switch movement {
        case .lines(let n): delta = n
        case .halfPages(let n): delta = n * max(1, page / 2)
        case .pages(let n): delta = n * page
        case .top: return 0
        case .bottom: return count - 1
        }
        return min(max(0, current + delta), count - 1)
    }

    /// The list index a movement lands on (nil for an empty list).
    static func target(_ movement: Movement, in list: [Int], current: Int?, pane: Pane, _ state: AppState) -> Int? {
        guard !list.isEmpty else { return nil }
        guard let current, let index = list.firstIndex(of: current) else {
            return movement == .bottom ? list.count - 1 : 0
        }
        return target(movement, count: list.count, current: index, pane: pane, state)
    }

    static func scrollArticle(_ movement: Movement, _ state: inout AppState) {
        guard let (rows, height) = rows(state) else { return }
        state.readPending = state.currentID
        let maxTop = rows.maxTop(height: height)
        let top = clampedTop(rows, height: height, anchor: state.view.anchor)
        let next: ArticleRows.Position
        switch movement {
        case .lines(let n): next = rows.advance(top, by: n)
        case .halfPages(let n): next = rows.advance(top, by: n * max(1, height / 2))
        case .pages(let n): next = rows.advance(top, by: n * max(1, height - 2))
        case .top: next = rows.first
        case .bottom: next = maxTop
        }
        state.view.anchor = rows.anchor(of: min(next, maxTop))
    }

    static func ensureLibraryCursorVisible(_ state: inout AppState) {
        state.libraryTop = ListWindow.top(cursor: state.libraryCursor, top: state.libraryTop, count: state.articleCount,
                                          visible: visibleEntries(.library, state))
    }

    // MARK: The shared selection

    /// Selects a quotation everywhere: the quotes pane, the article (scrolled to show it) and
    /// the timeline (its entry, when it has one).
    static func select(quote id: Int, _ state: inout AppState) {
        guard let document = state.document, let quote = document.quote(id) else { return }
        var view = state.view
        view.selectedQuote = id
        view.selectionSource = .quote
        let rows = state.visibleRows(in: document)
        if let row = rows.first(where: { document.timelineRows[$0].quote == id }) { view.selectedRow = row }
        state.view = view
        keepListsAroundSelection(&state, document)
        reveal(quote.span, &state)
    }

    /// Selects a timeline entry: the article shows its sentence, and its quotation (if any)
    /// becomes the selected quotation.
    static func select(row: Int, _ state: inout AppState) {
        guard let document = state.document, document.timelineRows.indices.contains(row) else { return }
        var view = state.view
        view.selectedRow = row
        view.selectionSource = .timeline
        if let q = document.timelineRows[row].quote { view.selectedQuote = q }
        state.view = view
        keepListsAroundSelection(&state, document)
        let sentence = document.article.sentences[document.timelineRows[row].sentence].span
        reveal(sentence, &state)
    }

    static func keepListsAroundSelection(_ state: inout AppState, _ document: ReaderDocument) {
        var view = state.view
        let quotes = state.visibleQuotes(in: document)
        if let q = view.selectedQuote, let i = quotes.firstIndex(of: q) {
            view.quotesTop = ListWindow.top(cursor: i, top: view.quotesTop, count: quotes.count,
                                            visible: visibleEntries(.quotes, state))
        }
        let rows = state.visibleRows(in: document)
        if let r = view.selectedRow, let i = rows.firstIndex(of: r) {
            view.timelineTop = ListWindow.top(cursor: i, top: view.timelineTop, count: rows.count,
                                              visible: visibleEntries(.timeline, state))
        }
        state.view = view
    }

    /// Scrolls the article so that `span` is in view: not at all when it already is, else
    /// with its first row a quarter of the way down (less when the span is tall).
    static func reveal(_ span: TextSpan, _ state: inout AppState) {
        guard let (rows, height) = rows(state), !rows.isEmpty else { return }
        let top = clampedTop(rows, height: height, anchor: state.view.anchor)
        let first = rows.position(ofOffset: span.start)
        let last = rows.position(ofOffset: max(span.start, span.end - 1))
        if first >= top, rows.distance(from: top, to: last, limit: height - 1) != nil {
            state.view.anchor = rows.anchor(of: top)
            return
        }
        let spanRows = (rows.distance(from: first, to: last, limit: height) ?? height) + 1
        let context = max(0, min(height / 4, height - spanRows))
        let newTop = min(rows.advance(first, by: -context), rows.maxTop(height: height))
        state.view.anchor = rows.anchor(of: newTop)
    }

    static func stepQuote(forward: Bool, _ state: inout AppState) {
        guard let document = state.document else {
            state.message = StatusMessage("Still analysing this article")
            return
        }
        state.readPending = state.currentID
        let list = state.visibleQuotes(in: document)
        if list.isEmpty {
            state.message = StatusMessage(state.filter == nil ? "No quotations in this article" : "No quotations by \(state.filter!.name) here")
            return
        }
        let quotes = document.quotes
        let found: Int?
        if let selected = state.view.selectedQuote, let quote = document.quote(selected) {
            let start = quote.span.start
            found = forward ? list.first { quotes[$0].span.start > start } : list.last { quotes[$0].span.start < start }
        } else {
            let top = topOffset(state, document)
            found = forward ? list.first { quotes[$0].span.end > top } : list.last { quotes[$0].span.start < top }
        }
        guard let id = found else {
            state.message = StatusMessage(forward ? "No more quotations below" : "No quotations above")
            return
        }
        select(quote: id, &state)
    }

    // MARK: Mouse

    static func handleMouse(_ event: MouseEvent, _ state: inout AppState) -> [Effect] {
        switch state.mode {
        case .help(let top):
            switch event.kind {
            case .wheelDown: return helpKey(.down, top: top, &state)
            case .wheelUp: return helpKey(.up, top: top, &state)
            case .press: state.mode = .normal
            }
            return []
        case .picker(var picker):
            switch event.kind {
            case .wheelDown: pickerKey(.down, &picker, &state)
            case .wheelUp: pickerKey(.up, &picker, &state)
            case .press:
                if let index = PickerBox.entry(at: event, picker: picker, size: state.size) {
                    picker.cursor = index
                    state.mode = .picker(picker)
                    pickerKey(.enter, &picker, &state)
                } else if !PickerBox.frame(for: state.size, picker: picker).contains(x: event.x, y: event.y) {
                    state.mode = .normal
                }
            }
            return []
        case .searching, .searchingLibrary:
            return []
        case .normal:
            break
        }
        let layout = state.layout
        if let tabs = layout.tabs, tabs.contains(x: event.x, y: event.y) {
            if event.kind == .press, let pane = TabBar.pane(at: event.x, in: tabs) { show(pane, &state) }
            return []
        }
        guard let (pane, rect) = layout.panes.first(where: { $0.rect.contains(x: event.x, y: event.y) }) else { return [] }
        switch event.kind {
        case .wheelUp, .wheelDown:
            let step = event.kind == .wheelDown ? 1 : -1
            move(.lines(pane == .article ? 3 * step : step), in: pane, &state)
            return []
        case .press:
            state.focus = pane
            let content = layout.content(of: pane) ?? rect
            guard content.contains(x: event.x, y: event.y) else { return [] }
            if pane == .library { return clickLibrary(event, content, &state) }
            guard let document = state.document else { return [] }
            let row = (event.y - content.y) / 2
            switch pane {
            case .article:
                if let id = quoteAt(x: event.x, y: event.y, content, &state) { select(quote: id, &state) }
            case .quotes:
                let list = state.visibleQuotes(in: document)
                let index = state.view.quotesTop + row
                if list.indices.contains(index) { select(quote: list[index], &state) }
            case .timeline:
                let list = state.visibleRows(in: document)
                let index = state.view.timelineTop + row
                if list.indices.contains(index) { select(row: list[index], &state) }
            case .library:
                break
            }
            return []
        }
    }

    /// A click on a library entry selects and opens it.
    static func clickLibrary(_ event: MouseEvent, _ content: Rect, _ state: inout AppState) -> [Effect] {
        guard content.contains(x: event.x, y: event.y) else { return [] }
        let row = (event.y - content.y) / 2
        if state.library.view == .articles {
            let index = state.libraryTop + row
            guard index < state.articleCount else { return [] }
            state.libraryCursor = index
            open(index, &state)
            return []
        }
        var position = state.library.position
        let index = position.top + row
        guard index < libraryListCount(state) ?? 0 else { return [] }
        position.cursor = index
        state.library.position = position
        _ = activateLibraryEntry(&state)
        return []
    }

    /// The quotation drawn at a cell of the article pane, if any.
    static func quoteAt(x: Int, y: Int, _ content: Rect, _ state: inout AppState) -> Int? {
        guard let (rows, height) = rows(state) else { return nil }
        let top = clampedTop(rows, height: height, anchor: state.view.anchor)
        let visible = rows.rows(from: top, count: height)
        let index = y - content.y
        guard visible.indices.contains(index), case .text(_, let line, _) = visible[index].1 else { return nil }
        var column = content.x + 1
        for glyph in rows.document.glyphs(of: line) {
            if x >= column && x < column + glyph.width {
                let runs = rows.document.quoteRuns
                let i = ReaderDocument.firstRun(in: runs, endingAfter: glyph.offset)
                if i < runs.count, runs[i].span.contains(glyph.offset) { return runs[i].owner }
                return nil
            }
            column += glyph.width
        }
        return nil
    }
}
