import BylineCore

/// The quotations sidebar: each entry is the speaker, then the start of the quotation.
enum QuotesPane {
    static func draw(_ screen: inout Screen, _ rect: Rect, _ state: AppState) {
        guard !rect.isEmpty else { return }
        let theme = state.theme
        let inner = rect.inset(horizontal: 1)
        guard let document = EmptyNote.document(&screen, inner, state) else { return }
        let list = state.visibleQuotes(in: document)
        if list.isEmpty {
            let text = state.filter.map { "No quotations by \($0.name) in this article." } ?? "No quotations found in this article."
            EmptyNote.draw(&screen, inner, text, theme)
            return
        }
        let cursor = state.view.selectedQuote.flatMap { list.firstIndex(of: $0) }
        EntryList.draw(&screen, rect, count: list.count, cursor: cursor, top: state.view.quotesTop,
                       focused: state.focus == .quotes, theme) { screen, index, y in
            let id = list[index]
            let quote = document.quotes[id]
            let speakerIndex = quote.speaker.flatMap { document.speakers.indices.contains($0) ? $0 : nil }
            let slot = speakerIndex.map { document.colorSlots[$0] }
            var x = inner.x
            // `also in 2 articles`, and whether they name someone else: kept in view, so the
            // name and description share what is left.
            let summary = state.echoSummary(quote: id)
            let echo = summary.map { summary in
                "also in \(counted(summary.otherArticles, "article"))" + (summary.disagree ? ", speakers disagree" : "")
            } ?? ""
            let echoWidth = echo.isEmpty ? 0 : min(DisplayWidth.of(echo) + 3, inner.width / 2)
            let nameRight = inner.maxX - echoWidth
            if let speakerIndex {
                let speaker = document.speakers[speakerIndex]
                x += screen.put(TextFit.shorten(speaker.name, to: nameRight - x), x: x, y: y, style: theme.mention(slot: slot),
                                maxWidth: nameRight - x)
                // A nested source: the speaker's words through someone else (`According to X, Y said`).
                if let via = quote.via, nameRight - x > 6 {
                    x += screen.put(" via " + TextFit.shorten(via, to: nameRight - x - 5), x: x, y: y, style: theme.secondaryText,
                                    maxWidth: nameRight - x)
                }
                if let description = speaker.description, nameRight - x > 8 {
                    x += screen.put(" · " + TextFit.shorten(description, to: nameRight - x - 3), x: x, y: y,
                                    style: theme.secondaryText, maxWidth: nameRight - x)
                }
            } else {
                x += screen.put("unattributed", x: x, y: y, style: theme.secondaryText.adding(.italic), maxWidth: nameRight - x)
            }
            if !echo.isEmpty, inner.maxX - x > 4 {
                let disagree = summary?.disagree == true
                x += screen.put(" · ", x: x, y: y, style: theme.secondaryText, maxWidth: inner.maxX - x)
                screen.put(TextFit.shorten(echo, to: inner.maxX - x), x: x, y: y, style: disagree ? theme.warning : theme.accentText,
                           maxWidth: inner.maxX - x)
            }
            if y + 1 < rect.maxY {
                let words = document.preview(quote: id, columns: inner.width - 2)
                screen.put(words, x: inner.x + 2, y: y + 1, style: theme.quote(slot: slot), maxWidth: inner.width - 2)
            }
        }
    }
}

/// The timeline: each entry is its date and expression (and the speaker, for a quotation),
/// then the start of its sentence.
enum TimelinePane {
    static func draw(_ screen: inout Screen, _ rect: Rect, _ state: AppState) {
        guard !rect.isEmpty else { return }
        let theme = state.theme
        let inner = rect.inset(horizontal: 1)
        guard let document = EmptyNote.document(&screen, inner, state) else { return }
        let list = state.visibleRows(in: document)
        if list.isEmpty {
            let text = state.filter.map { "No dated events for \($0.name) in this article." }
                ?? "No dated events found in this article."
            EmptyNote.draw(&screen, inner, text, theme)
            return
        }
        let cursor = state.view.selectedRow.flatMap { list.firstIndex(of: $0) }
        EntryList.draw(&screen, rect, count: list.count, cursor: cursor, top: state.view.timelineTop,
                       focused: state.focus == .timeline, theme) { screen, index, y in
            let rowIndex = list[index]
            let row = document.timelineRows[rowIndex]
            var x = inner.x
            x += screen.put(row.label, x: x, y: y, style: theme.emphasis, maxWidth: inner.width)
            x += screen.put("  ", x: x, y: y, maxWidth: inner.maxX - x)
            x += screen.put(TextFit.shorten(row.expression, to: max(0, inner.maxX - x)), x: x, y: y, style: theme.accentText,
                            maxWidth: inner.maxX - x)
            if let s = row.speaker, document.speakers.indices.contains(s), inner.maxX - x > 6 {
                x += screen.put(" · ", x: x, y: y, style: theme.secondaryText, maxWidth: inner.maxX - x)
                screen.put(TextFit.shorten(document.speakers[s].name, to: inner.maxX - x), x: x, y: y,
                           style: theme.mention(slot: document.colorSlots[s]), maxWidth: inner.maxX - x)
            }
            if y + 1 < rect.maxY {
                screen.put(document.preview(sentenceOf: rowIndex, columns: inner.width - 2), x: inner.x + 2, y: y + 1,
                           style: theme.secondaryText, maxWidth: inner.width - 2)
            }
        }
    }
}

/// A list of two-row entries, scrolled to keep the cursor in view (`top` is where it was),
/// the cursor's entry marked: reversed when the pane has the focus, a bar otherwise.
enum EntryList {
    static func draw(_ screen: inout Screen, _ rect: Rect, count: Int, cursor: Int?, top stored: Int, focused: Bool,
                     _ theme: Theme, entry: (_ screen: inout Screen, _ index: Int, _ y: Int) -> Void) {
        let visible = max(1, rect.height / 2)
        let top = ListWindow.top(cursor: cursor ?? stored, top: stored, count: count, visible: visible)
        for i in 0..<visible where top + i < count {
            let y = rect.y + 2 * i
            entry(&screen, top + i, y)
            if top + i == cursor {
                let rows = Rect(x: rect.x, y: y, width: rect.width, height: min(2, rect.maxY - y))
                if focused {
                    screen.restyle(rows) { $0.adding(.reverse) }
                } else {
                    for row in rows.y..<rows.maxY { screen.put("▌", x: rows.x, y: row, style: theme.accentText) }
                }
            }
        }
    }
}

/// A short note where a list would be.
enum EmptyNote {
    /// The article the list is about, or nil after saying that it is still being analysed.
    static func document(_ screen: inout Screen, _ rect: Rect, _ state: AppState) -> ReaderDocument? {
        if let document = state.document { return document }
        guard state.currentID != nil else { return nil }  // no article yet: the article pane says why
        screen.put("Loading…", x: rect.x, y: rect.y, style: state.theme.secondaryText, maxWidth: rect.width)
        return nil
    }

    static func draw(_ screen: inout Screen, _ rect: Rect, _ text: String, _ theme: Theme) {
        for (i, line) in Wrapper.wrap(text, width: max(1, rect.width)).enumerated() where i < rect.height {
            screen.put(line, x: rect.x, y: rect.y + i, style: theme.secondaryText, maxWidth: rect.width)
        }
    }
}
