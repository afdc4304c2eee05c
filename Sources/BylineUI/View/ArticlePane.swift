import BylineCore

/// The article: headline, date, wrapped paragraphs, with speakers and quotations highlighted.
enum ArticlePane {
    static func draw(_ screen: inout Screen, _ rect: Rect, _ state: AppState) {
        guard !rect.isEmpty else { return }
        let text = rect.inset(horizontal: 1)
        let theme = state.theme
        guard let document = state.document else {
            var y = rect.y
            for line in Wrapper.wrap(state.currentEntry?.headline ?? "", width: max(1, text.width)) where y < rect.maxY {
                screen.put(line, x: text.x, y: y, style: theme.headline, maxWidth: text.width)
                y += 1
            }
            let note: String
            if let id = state.currentID {
                note = state.failures[id].map { "Could not open this article: \($0)" } ?? "Loading…"
            } else if let progress = state.indexing {
                note = progress.phase == .scanning ? "Indexing the library: looking for articles…"
                    : "Indexing the library: the articles appear as they are analysed…"
            } else if state.articles.count == 0 {
                note = "The library has no articles."
            } else {
                note = "Loading…"
            }
            for line in Wrapper.wrap(note, width: max(1, text.width)) where y + 1 < rect.maxY {
                screen.put(line, x: text.x, y: y + 1, style: theme.secondaryText, maxWidth: text.width)
                y += 1
            }
            return
        }
        let rows = ArticleRows(document: document, width: max(1, text.width))
        if rows.isEmpty {
            screen.put("(this article is empty)", x: text.x, y: rect.y, style: theme.secondaryText, maxWidth: text.width)
            return
        }
        let top = Reader.clampedTop(rows, height: rect.height, anchor: state.view.anchor)
        let visible = rows.rows(from: top, count: rect.height)
        var highlighter = Highlighter(state: state, document: document, from: visible.first.flatMap(startOffset) ?? 0)
        for (i, (_, row)) in visible.enumerated() {
            let y = rect.y + i
            switch row {
            case .text(_, let line, let isHeadline):
                var x = text.x
                let base = isHeadline ? theme.headline : theme.text
                for glyph in document.glyphs(of: line) {
                    let style = highlighter.style(at: glyph.offset, base: base)
                    x += screen.put(grapheme: glyph.text, width: glyph.width, x: x, y: y, style: style, limit: text.maxX)
                }
            case .meta:
                screen.put(meta(document.article), x: text.x, y: y, style: theme.meta, maxWidth: text.width)
            case .blank:
                break
            }
        }
    }

    static func startOffset(_ row: (ArticleRows.Position, ArticleRows.Row)) -> Int? {
        if case .text(_, let line, _) = row.1 { return line.start }
        return nil
    }

    /// The line under the headline: the date and where the article came from.
    static func meta(_ article: Article) -> String {
        var parts: [String] = []
        if let date = article.date { parts.append(DateLabel.long(date)) }
        let name = article.source.split(separator: "/").last.map(String.init) ?? article.source
        if !name.isEmpty { parts.append(name) }
        return parts.joined(separator: " · ")
    }
}

/// Styles article text by what each scalar belongs to. Rows are drawn top to bottom, so the
/// lookups walk forward through the sorted runs instead of searching for every glyph.
struct Highlighter {
    let theme: Theme
    let document: ReaderDocument
    let filtering: Bool
    let passing: [Bool]
    let selectedQuote: Int?
    let selectedTime: TextSpan?
    let matches: [TextSpan]
    let currentMatch: Int?
    var quoteCursor: Int
    var mentionCursor: Int
    var matchCursor: Int

    init(state: AppState, document: ReaderDocument, from offset: Int) {
        theme = state.theme
        self.document = document
        filtering = state.filter != nil
        passing = document.filtered(by: state.filter).passing
        let view = state.view
        selectedQuote = view.selectedQuote
        if view.selectionSource == .timeline, let row = view.selectedRow, document.timelineRows.indices.contains(row) {
            selectedTime = document.timelineRows[row].expressionSpan
        } else {
            selectedTime = nil
        }
        matches = state.search?.matches ?? []
        currentMatch = state.search?.current
        quoteCursor = ReaderDocument.firstRun(in: document.quoteRuns, endingAfter: offset)
        mentionCursor = ReaderDocument.firstRun(in: document.mentionRuns, endingAfter: offset)
        var lo = 0
        var hi = matches.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if matches[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        matchCursor = lo
    }

    private func slot(_ speaker: Int?) -> Int? {
        guard let speaker, document.colorSlots.indices.contains(speaker) else { return nil }
        return document.colorSlots[speaker]
    }

    private func passes(_ speaker: Int?) -> Bool {
        guard filtering else { return true }
        guard let speaker, passing.indices.contains(speaker) else { return false }
        return passing[speaker]
    }

    static func advance(_ cursor: inout Int, _ runs: [SpanRun], past offset: Int) -> SpanRun? {
        while cursor < runs.count, runs[cursor].span.end <= offset { cursor += 1 }
        guard cursor < runs.count, runs[cursor].span.contains(offset) else { return nil }
        return runs[cursor]
    }

    mutating func style(at offset: Int, base: Style) -> Style {
        var style = base
        var inSelected = false
        if let run = Self.advance(&quoteCursor, document.quoteRuns, past: offset) {
            let speaker = document.quote(run.owner)?.speaker
            if !passes(speaker) {
                style = theme.dimmed
            } else if run.owner == selectedQuote {
                style = theme.selectedQuote(slot: slot(speaker))
                inSelected = true
            } else {
                style = theme.quote(slot: slot(speaker))
            }
        }
        if let run = Self.advance(&mentionCursor, document.mentionRuns, past: offset) {
            if passes(run.owner) {
                style = theme.mention(slot: slot(run.owner))
                if inSelected { style = style.adding(.reverse) }
            } else {
                style = theme.dimmed
            }
        }
        if let time = selectedTime, time.contains(offset) { style = theme.selectedTime }
        while matchCursor < matches.count, matches[matchCursor].end <= offset { matchCursor += 1 }
        if matchCursor < matches.count, matches[matchCursor].contains(offset) {
            style = matchCursor == currentMatch ? theme.currentMatch : theme.match
        }
        return style
    }
}
