import BylineCore

/// A box with a border and a title, drawn over the panes.
enum Box {
    static func draw(_ screen: inout Screen, _ rect: Rect, title: String, footer: String = "", _ theme: Theme) {
        guard rect.width >= 4, rect.height >= 2 else { return }
        screen.fill(rect, style: .plain)
        let border = theme.accentText
        screen.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: border, with: "─")
        screen.fill(Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1), style: border, with: "─")
        screen.fill(Rect(x: rect.x, y: rect.y, width: 1, height: rect.height), style: border, with: "│")
        screen.fill(Rect(x: rect.maxX - 1, y: rect.y, width: 1, height: rect.height), style: border, with: "│")
        screen.put("┌", x: rect.x, y: rect.y, style: border)
        screen.put("┐", x: rect.maxX - 1, y: rect.y, style: border)
        screen.put("└", x: rect.x, y: rect.maxY - 1, style: border)
        screen.put("┘", x: rect.maxX - 1, y: rect.maxY - 1, style: border)
        screen.put(" \(title) ", x: rect.x + 2, y: rect.y, style: theme.title(focused: true), maxWidth: rect.width - 4)
        if !footer.isEmpty {
            let text = " \(footer) "
            let x = max(rect.x + 2, rect.maxX - 2 - DisplayWidth.of(text))
            screen.put(text, x: x, y: rect.maxY - 1, style: theme.secondaryText, maxWidth: rect.maxX - 2 - x)
        }
    }
}

/// `?`: every binding of the keymap (so a changed config shows), by group.
public enum HelpScreen {
    public enum Line: Hashable, Sendable {
        case heading(String)
        case binding(keys: String, summary: String)
        case note(String)
        case blank
    }

    public static func lines(_ keymap: Keymap) -> [Line] {
        var lines: [Line] = []
        for group in Command.Group.allCases {
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.heading(group.rawValue))
            for command in Command.allCases where command.group == group {
                let keys = keymap.keys(for: command).map(\.label).joined(separator: " ")
                lines.append(.binding(keys: keys.isEmpty ? "(unbound)" : keys, summary: command.summary))
            }
        }
        lines.append(.blank)
        lines.append(.heading("Mouse, picker and search"))
        lines.append(.note("Click selects and focuses; the wheel scrolls the pane under the pointer."))
        lines.append(.note("In the speaker picker and the search prompt, type to narrow; Enter chooses, Esc cancels."))
        lines.append(.note("Editing: ← → (C-b C-f), C-a C-e to either end, Backspace Delete, C-w a word, C-u C-k"))
        lines.append(.note("everything before / after the cursor."))
        lines.append(.note("The library pane also lists a speaker's quotations, the library timeline and library"))
        lines.append(.note("search results: Enter opens the article there; Esc goes back to the articles."))
        lines.append(.note("Library search: every word must occur; \"a phrase\", word* for a prefix, OR between terms."))
        lines.append(.note("Keys and colours: $XDG_CONFIG_HOME/byline/config.toml."))
        return lines
    }

    static func lineCount(_ keymap: Keymap) -> Int { lines(keymap).count }

    static func frame(_ size: Size) -> Rect {
        let width = min(84, size.width - 2)
        let height = size.height - 2
        return Rect(x: (size.width - width) / 2, y: 1, width: width, height: height)
    }

    static func draw(_ screen: inout Screen, top: Int, _ state: AppState) {
        let theme = state.theme
        let rect = frame(state.size)
        Box.draw(&screen, rect, title: "Keys", footer: "j/k scroll · q close", theme)
        let inner = rect.inset(horizontal: 2, vertical: 1)
        guard !inner.isEmpty else { return }
        let all = lines(state.keymap)
        let keyColumn = min(20, max(8, inner.width / 3))
        for (i, line) in all.dropFirst(top).prefix(inner.height).enumerated() {
            let y = inner.y + i
            switch line {
            case .heading(let text):
                screen.put(text, x: inner.x, y: y, style: theme.emphasis, maxWidth: inner.width)
            case .binding(let keys, let summary):
                screen.put(TextFit.shorten(keys, to: keyColumn - 1), x: inner.x + 1, y: y, style: theme.key, maxWidth: keyColumn)
                screen.put(TextFit.shorten(summary, to: inner.width - keyColumn - 1), x: inner.x + keyColumn + 1, y: y,
                           maxWidth: inner.width - keyColumn - 1)
            case .note(let text):
                screen.put(TextFit.shorten(text, to: inner.width - 1), x: inner.x + 1, y: y, style: theme.secondaryText,
                           maxWidth: inner.width - 1)
            case .blank:
                break
            }
        }
    }
}

/// The speaker picker: a query line and the matching speakers with their descriptions and
/// quotation counts.
enum PickerBox {
    /// Rows of speakers the box shows at once: all of them, up to what the screen allows.
    static func listRows(for size: Size, picker: SpeakerPicker) -> Int {
        max(1, min(14, size.height - 2 - 3, max(3, picker.candidates.count)))
    }

    static func frame(for size: Size, picker: SpeakerPicker) -> Rect {
        let width = min(72, size.width - 2)
        let height = listRows(for: size, picker: picker) + 3
        return Rect(x: (size.width - width) / 2, y: max(0, (size.height - 1 - height) / 2), width: width, height: height)
    }

    /// The speaker (index into `picker.visible`) under a click, if any.
    static func entry(at event: MouseEvent, picker: SpeakerPicker, size: Size) -> Int? {
        let rect = frame(for: size, picker: picker)
        let listY = rect.y + 2
        guard event.x > rect.x, event.x < rect.maxX - 1, event.y >= listY, event.y < rect.maxY - 1 else { return nil }
        let index = picker.top + event.y - listY
        return picker.visible.indices.contains(index) ? index : nil
    }

    static func draw(_ screen: inout Screen, _ picker: SpeakerPicker, _ state: AppState) {
        let theme = state.theme
        let rect = frame(for: state.size, picker: picker)
        let visible = picker.visible
        let title = picker.purpose == .libraryQuotations ? "A speaker's quotations across the library" : "Filter by speaker"
        Box.draw(&screen, rect, title: title, footer: "Enter choose · Esc cancel", theme)
        let inner = rect.inset(horizontal: 2, vertical: 1)
        guard !inner.isEmpty else { return }
        var x = inner.x
        x += screen.put("› ", x: x, y: inner.y, style: theme.key)
        let count = picker.answered ? "\(visible.count)/\(picker.candidates.count)" : ""
        let countWidth = DisplayWidth.of(count)
        TextFieldView.draw(&screen, picker.field, x: x, y: inner.y, width: inner.maxX - x - countWidth - 1, style: .plain)
        screen.put(count, x: inner.maxX - countWidth, y: inner.y, style: theme.secondaryText)
        let rows = listRows(for: state.size, picker: picker)
        let many = state.articleCount > 1
        if !picker.answered {
            screen.put("Reading the library's speakers…", x: inner.x, y: inner.y + 1, style: theme.secondaryText,
                       maxWidth: inner.width)
        } else if visible.isEmpty {
            screen.put("No speaker matches “\(picker.query)”", x: inner.x, y: inner.y + 1, style: theme.secondaryText,
                       maxWidth: inner.width)
        }
        for (i, candidate) in visible.dropFirst(picker.top).prefix(rows).enumerated() {
            let y = inner.y + 1 + i
            let countText = many
                ? "\(candidate.quotationCount) in \(candidate.articleCount) art."
                : (candidate.quotationCount == 1 ? "1 quotation" : "\(candidate.quotationCount) quotations")
            let countWidth = DisplayWidth.of(countText)
            let slot = SpeakerColors.preferredSlot(candidate.name, paletteSize: theme.paletteSize)
            var cx = inner.x + 1
            let nameRoom = inner.width - countWidth - 3
            cx += screen.put(TextFit.shorten(candidate.name, to: nameRoom), x: cx, y: y, style: theme.mention(slot: slot),
                             maxWidth: nameRoom)
            if let description = candidate.description, inner.x + 1 + nameRoom - cx > 6 {
                screen.put(" · " + TextFit.shorten(description, to: inner.x + 1 + nameRoom - cx - 3), x: cx, y: y,
                           style: theme.secondaryText, maxWidth: inner.x + 1 + nameRoom - cx)
            }
            screen.put(countText, x: inner.maxX - countWidth, y: y, style: theme.secondaryText)
            if picker.top + i == picker.cursor {
                screen.restyle(Rect(x: inner.x, y: y, width: inner.width, height: 1)) { $0.adding(.reverse) }
            }
        }
    }
}
