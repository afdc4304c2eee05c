import BylineCore

/// The bottom row: where you are (article i/N, quotation i/N, the filter, the search, how far
/// down), and on the right a message or the main keys. While typing a search, the prompt.
enum StatusLine {
    static func draw(_ screen: inout Screen, _ rect: Rect, _ state: AppState) {
        guard !rect.isEmpty else { return }
        let theme = state.theme
        screen.fill(rect, style: theme.status)
        if case .searching(let query) = state.mode {
            var x = rect.x
            x += screen.put("/", x: x, y: rect.y, style: theme.statusEmphasis, maxWidth: rect.width)
            let room = max(0, rect.width - 26)
            let shown = DisplayWidth.of(query) > room ? "…" + String(query.suffix(max(0, room - 1))) : query
            x += screen.put(shown, x: x, y: rect.y, style: theme.status, maxWidth: rect.maxX - x)
            screen.put(" ", x: x, y: rect.y, style: Style(attributes: []), maxWidth: rect.maxX - x)  // the cursor
            let hint = "Enter search · Esc cancel "
            let hx = rect.maxX - DisplayWidth.of(hint)
            if hx > x + 2 { screen.put(hint, x: hx, y: rect.y, style: theme.status) }
            return
        }
        let left = " " + segments(state).joined(separator: " │ ") + " "
        let right: String
        var rightStyle = theme.status
        if let message = state.message {
            right = " " + message.text + " "
            rightStyle = (message.kind == .warning ? theme.warning : theme.message).adding(.reverse)
        } else {
            right = hints(state, room: rect.width - DisplayWidth.of(left) - 2)
        }
        let leftWidth = DisplayWidth.of(left)
        let rightWidth = DisplayWidth.of(right)
        if state.message != nil, leftWidth + rightWidth > rect.width {
            // A message matters more than the position: it takes the room it needs.
            let keep = max(0, rect.width - rightWidth)
            screen.put(TextFit.shorten(left, to: keep), x: rect.x, y: rect.y, style: theme.statusEmphasis, maxWidth: keep)
            screen.put(TextFit.shorten(right, to: rect.width), x: rect.x + keep, y: rect.y, style: rightStyle)
            return
        }
        screen.put(left, x: rect.x, y: rect.y, style: theme.statusEmphasis, maxWidth: rect.width)
        if leftWidth + rightWidth <= rect.width {
            screen.put(right, x: rect.maxX - rightWidth, y: rect.y, style: rightStyle)
        }
    }

    static func segments(_ state: AppState) -> [String] {
        var parts: [String] = []
        if state.entries.count > 1 || state.size.width >= 60 {
            parts.append("article \(state.current + 1)/\(state.entries.count)")
        }
        if let document = state.document {
            let list = state.visibleQuotes(in: document)
            if list.isEmpty {
                parts.append(state.filter == nil ? "no quotations" : "quotation 0/0")
            } else {
                let index = state.view.selectedQuote.flatMap { list.firstIndex(of: $0) }.map { String($0 + 1) } ?? "–"
                parts.append("quotation \(index)/\(list.count)")
            }
        } else if state.failures[state.current] == nil {
            parts.append("analysing…")
        }
        if let filter = state.filter { parts.append("speaker: \(filter.name)") }
        if let search = state.search {
            if search.matches.isEmpty {
                parts.append("/\(search.query) 0")
            } else {
                parts.append("/\(search.query) \((search.current ?? 0) + 1)/\(search.matches.count)")
            }
        }
        if let document = state.document, !document.article.scalars.isEmpty, state.size.width >= 60 {
            let percent = min(100, 100 * state.view.anchor.offset / max(1, document.article.scalars.count))
            parts.append("\(percent)%")
        }
        return parts
    }

    /// The main keys, as many as fit: `] next quote · f speaker · / search · ? help · q quit`.
    static func hints(_ state: AppState, room: Int) -> String {
        let wanted: [(Command, String)] = [
            (.help, "help"), (.quit, "quit"), (.nextQuote, "next quote"), (.pickSpeaker, "speaker"),
            (.search, "search"), (.focusNext, "pane"), (.clearFilter, "all speakers"),
        ]
        var chosen: [String] = []
        var width = 1
        for (command, label) in wanted {
            if command == .clearFilter, state.filter == nil { continue }
            guard let key = state.keymap.keys(for: command).first else { continue }
            let hint = "\(key.label) \(label)"
            let extra = DisplayWidth.of(hint) + (chosen.isEmpty ? 0 : 3)
            if width + extra > room { break }
            chosen.append(hint)
            width += extra
        }
        // Shown in reading order, most useful first: help and quit come last.
        let ordered = chosen.dropFirst(min(2, chosen.count)) + chosen.prefix(min(2, chosen.count))
        return ordered.isEmpty ? "" : ordered.joined(separator: " · ") + " "
    }
}
