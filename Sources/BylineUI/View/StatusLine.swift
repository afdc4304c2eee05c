import BylineCore
import BylineIndex

/// The bottom row: where you are (article i/N, quotation i/N, the filter, the search, how far
/// down), and on the right a message or the main keys. While typing a search, the prompt.
enum StatusLine {
    static func draw(_ screen: inout Screen, _ rect: Rect, _ state: AppState) {
        guard !rect.isEmpty else { return }
        let theme = state.theme
        screen.fill(rect, style: theme.status)
        let prompt: (label: String, field: TextField)?
        switch state.mode {
        case .searching(let field): prompt = ("/", field)
        case .searchingLibrary(let field): prompt = ("Search the library: ", field)
        default: prompt = nil
        }
        if let (label, field) = prompt {
            var x = rect.x
            x += screen.put(label, x: x, y: rect.y, style: theme.statusEmphasis, maxWidth: rect.width)
            let room = max(2, rect.width - 25 - DisplayWidth.of(label))
            x += TextFieldView.draw(&screen, field, x: x, y: rect.y, width: min(room, rect.maxX - x), style: theme.status)
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
        if let progress = state.feedUpdate { parts.append(feeds(progress)) }
        if let progress = state.indexing { parts.append(indexing(progress)) }
        if state.currentID != nil, state.articleCount > 1 || state.size.width >= 60 {
            parts.append("article \(state.current + 1)/\(state.articleCount)")
        }
        if let document = state.document {
            let list = state.visibleQuotes(in: document)
            if list.isEmpty {
                parts.append(state.filter == nil ? "no quotations" : "quotation 0/0")
            } else {
                let index = state.view.selectedQuote.flatMap { list.firstIndex(of: $0) }.map { String($0 + 1) } ?? "–"
                parts.append("quotation \(index)/\(list.count)")
            }
        } else if let id = state.currentID, state.failures[id] == nil {
            parts.append("loading…")
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

    /// `feeds 3/10 · 12 new`: the feed update, while it runs.
    static func feeds(_ progress: FeedUpdateProgress) -> String {
        guard progress.feedsTotal > 0 else { return "updating feeds" }
        return "feeds \(progress.feedsDone)/\(progress.feedsTotal) · \(progress.itemsAdded) new"
    }

    /// `indexing 1234/10000 · 850/s`: the background update, while it runs.
    static func indexing(_ progress: IndexProgress) -> String {
        switch progress.phase {
        case .scanning: return "indexing: looking for articles"
        case .analyzing, .finished:
            var text = "indexing \(progress.analyzed)/\(progress.toAnalyze)"
            if let rate = progress.articlesPerSecond { text += " · \(Int(rate.rounded()))/s" }
            return text
        }
    }

    /// The main keys, as many as fit: `] next quote · f speaker · / search · ? help · q quit`;
    /// in the library pane, its own.
    static func hints(_ state: AppState, room: Int) -> String {
        let wanted: [(Command, String)]
        if state.libraryFocused {
            wanted = [
                (.help, "help"), (.quit, "quit"), (.activate, "open"), (.search, "search library"),
                (.speakerQuotations, "speaker's quotations"), (.libraryTimeline, "library timeline"),
                (.cancel, "back to the articles"),
            ].filter { $0.0 != .cancel || state.library.view != .articles }
        } else {
            wanted = [
                (.help, "help"), (.quit, "quit"), (.nextQuote, "next quote"), (.pickSpeaker, "speaker"),
                (.search, "search"), (.focusNext, "pane"), (.clearFilter, "all speakers"),
            ]
        }
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
