import BylineCore
import BylineIndex

/// A span of the article that belongs to something: a quotation (owner = quote id) or a
/// speaker's mention (owner = speaker index).
public struct SpanRun: Hashable, Sendable {
    public var span: TextSpan
    public var owner: Int
}

/// One row of the timeline pane, prepared once per article.
public struct TimelineRow: Hashable, Sendable {
    /// Index into the article's `timeline.entries`.
    public var entry: Int
    public var label: String
    public var expression: String
    public var expressionSpan: TextSpan
    public var sentence: Int
    public var quote: Int?
    public var speaker: Int?
}

/// An analysed article as the reader shows it: highlight runs sorted for lookup, speaker
/// colours, timeline rows, and a cache of wrapped paragraphs per width so that a key press
/// wraps only the paragraphs it brings into view.
public final class ReaderDocument {
    public let analysis: AnalyzedArticle
    /// Identifies the text (not the path) for remembered reading positions.
    public let identity: String
    /// Palette slot of each speaker (index into the theme's speaker colours).
    public let colorSlots: [Int]
    public let quoteRuns: [SpanRun]
    public let mentionRuns: [SpanRun]
    public let timelineRows: [TimelineRow]
    /// The library speaker (merged across articles) of each speaker, where the index knows it.
    public let persons: [PersonID?]

    private var wrapCache: [(width: Int, paragraphs: [[WrappedLine]?])] = []
    private var filtered: (filter: SpeakerFilter?, passing: [Bool], quotes: [Int], rows: [Int])?
    private var renderedLines: [Int: (end: Int, glyphs: [LineText.Placed])] = [:]
    private var previews: [PreviewKey: String] = [:]

    /// Each speaker's names folded once, for the filter.
    public private(set) lazy var speakerKeys: [SpeakerKeys] = speakers.map(SpeakerKeys.init)

    struct PreviewKey: Hashable {
        var quote: Bool
        var id: Int
        var columns: Int
    }

    public var article: Article { analysis.article }
    public var quotes: [Quote] { analysis.quotes }
    public var speakers: [Speaker] { analysis.speakers }

    public init(_ analysis: AnalyzedArticle, paletteSize: Int, persons: [Int: PersonID] = [:]) {
        self.analysis = analysis
        self.persons = analysis.speakers.map { persons[$0.id] }
        identity = ReaderDocument.identity(of: analysis.article)
        colorSlots = SpeakerColors.slots(for: analysis.speakers, paletteSize: paletteSize)
        quoteRuns = analysis.quotes.map { SpanRun(span: $0.span, owner: $0.id) }.sorted { $0.span < $1.span }
        var mentions: [SpanRun] = []
        for speaker in analysis.speakers {
            for span in speaker.mentions { mentions.append(SpanRun(span: span, owner: speaker.id)) }
        }
        mentionRuns = mentions.sorted { $0.span < $1.span }
        timelineRows = ReaderDocument.rows(for: analysis)
    }

    // MARK: Wrapping

    /// The paragraph's lines at `width` columns, wrapped on first use and kept.
    public func lines(paragraph: Int, width: Int) -> [WrappedLine] {
        let slot: Int
        if let found = wrapCache.firstIndex(where: { $0.width == width }) {
            slot = found
        } else {
            // Keep a few widths: resizing back and forth does not re-wrap.
            if wrapCache.count >= 3 { wrapCache.removeFirst() }
            wrapCache.append((width, Array(repeating: nil, count: article.paragraphs.count)))
            slot = wrapCache.count - 1
        }
        if let lines = wrapCache[slot].paragraphs[paragraph] { return lines }
        let span = article.paragraphs[paragraph].span
        let lines = Wrapper.wrap(article.scalars, span.start..<span.end, width: width)
        wrapCache[slot].paragraphs[paragraph] = lines
        return lines
    }

    /// How many paragraphs are wrapped at `width` (for tests of the cache).
    public func wrappedParagraphCount(width: Int) -> Int {
        wrapCache.first { $0.width == width }?.paragraphs.reduce(0) { $0 + ($1 == nil ? 0 : 1) } ?? 0
    }

    // MARK: The speaker filter

    /// Which speakers pass `filter`, the quotations and the timeline rows shown under it;
    /// worked out once per filter (matching names is not cheap, and every frame asks).
    func filtered(by filter: SpeakerFilter?) -> (passing: [Bool], quotes: [Int], rows: [Int]) {
        if let cached = filtered, cached.filter == filter { return (cached.passing, cached.quotes, cached.rows) }
        let keys = speakerKeys
        let passing = keys.indices.map { i in filter?.passes(keys: keys[i], person: persons[i]) ?? true }
        func passes(_ speaker: Int?) -> Bool {
            guard filter != nil else { return true }
            guard let speaker, passing.indices.contains(speaker) else { return false }
            return passing[speaker]
        }
        let quotes = self.quotes.filter { passes($0.speaker) }.map(\.id)
        let rows = timelineRows.indices.filter { filter == nil || passes(timelineRows[$0].speaker) }
        filtered = (filter, passing, quotes, rows)
        return (passing, quotes, rows)
    }

    // MARK: Drawing caches

    /// The glyphs of a wrapped line, segmented once (a line's glyphs depend only on its range,
    /// not on the width it was wrapped at).
    public func glyphs(of line: WrappedLine) -> [LineText.Placed] {
        if let hit = renderedLines[line.start], hit.end == line.end { return hit.glyphs }
        let glyphs = LineText.render(article.scalars, line)
        if renderedLines.count >= 4096 { renderedLines.removeAll(keepingCapacity: true) }
        renderedLines[line.start] = (line.end, glyphs)
        return glyphs
    }

    /// The start of quotation `id` on one line of `columns`, for the quotes pane.
    public func preview(quote id: Int, columns: Int) -> String {
        preview(PreviewKey(quote: true, id: id, columns: columns), quotes[id].span)
    }

    /// The start of the sentence of timeline row `row`, for the timeline pane.
    public func preview(sentenceOf row: Int, columns: Int) -> String {
        preview(PreviewKey(quote: false, id: row, columns: columns), article.sentences[timelineRows[row].sentence].span)
    }

    private func preview(_ key: PreviewKey, _ span: TextSpan) -> String {
        if let hit = previews[key] { return hit }
        let text = TextFit.shorten(article.scalars, span.start..<span.end, to: key.columns)
        if previews.count >= 4096 { previews.removeAll(keepingCapacity: true) }
        previews[key] = text
        return text
    }

    // MARK: Lookup

    public func quote(_ id: Int) -> Quote? { quotes.indices.contains(id) ? quotes[id] : nil }

    public func speaker(ofQuote id: Int) -> Speaker? {
        guard let s = quote(id)?.speaker, speakers.indices.contains(s) else { return nil }
        return speakers[s]
    }

    /// Index of the first run that ends after `offset` (runs sorted by start, mostly disjoint).
    static func firstRun(in runs: [SpanRun], endingAfter offset: Int) -> Int {
        var lo = 0
        var hi = runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[mid].span.end <= offset { lo = mid + 1 } else { hi = mid }
        }
        // Runs may nest (a mention inside a longer one): step back over any that still cover.
        var i = lo
        while i > 0, runs[i - 1].span.end > offset { i -= 1 }
        return i
    }

    // MARK: Search

    /// Every occurrence of `query`, case-insensitive (curly and straight quotes alike), in order.
    /// One pass over the scalars, folding ASCII inline; other scalars are folded only when the
    /// query starts with one, or when they fold to ASCII (quotes, apostrophes, no-break space).
    public func find(_ query: String) -> [TextSpan] {
        let needle = query.unicodeScalars.map(ReaderDocument.fold)
        guard let first = needle.first else { return [] }
        let haystack = article.scalars
        let asciiFirst = first.value < 0x80
        @inline(__always) func folded(_ s: Unicode.Scalar) -> Unicode.Scalar {
            let v = s.value
            if v < 0x80 { return v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 32)) : s }
            return ReaderDocument.fold(s)
        }
        var matches: [TextSpan] = []
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            let s = haystack[i]
            let v = s.value
            let candidate: Unicode.Scalar
            if v < 0x80 {
                candidate = v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 32)) : s
            } else if asciiFirst {
                candidate = ReaderDocument.foldsToASCII(s) ?? s
            } else {
                candidate = ReaderDocument.fold(s)
            }
            if candidate == first {
                var k = 1
                while k < needle.count, folded(haystack[i + k]) == needle[k] { k += 1 }
                if k == needle.count {
                    matches.append(TextSpan(i, i + needle.count))
                    i += needle.count
                    continue
                }
            }
            i += 1
        }
        return matches
    }

    static func foldsToASCII(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x2018, 0x2019, 0x02BC: return "'"
        case 0x201C, 0x201D: return "\""
        case 0xA0: return " "
        default: return nil
        }
    }

    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : s }
        switch v {
        case 0x2018, 0x2019, 0x02BC: return "'"
        case 0x201C, 0x201D: return "\""
        case 0xA0: return " "
        default: break
        }
        guard s.properties.changesWhenLowercased else { return s }
        let lower = s.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : s
    }

    // MARK: Building

    /// FNV-1a over the text's UTF-8, with its length: stable across runs and renames.
    static func identity(of article: Article) -> String {
        String(FNV1a.of(utf8: article.text), radix: 16) + "-" + String(article.scalars.count)
    }

    static func rows(for analysis: AnalyzedArticle) -> [TimelineRow] {
        let article = analysis.article
        return analysis.timeline.entries.enumerated().compactMap { index, entry in
            guard analysis.timeExpressions.indices.contains(entry.expression),
                article.sentences.indices.contains(entry.sentence)
            else { return nil }
            let expression = analysis.timeExpressions[entry.expression]
            return TimelineRow(
                entry: index, label: DateLabel.label(start: entry.start, end: entry.end),
                expression: TerminalSafe.line(article.string(expression.span)), expressionSpan: expression.span,
                sentence: entry.sentence, quote: entry.quote, speaker: entry.speaker)
        }
    }
}

/// Short calendar labels for the timeline: `15 Nov 2011`, `Dec 2011`, `28 Nov–4 Dec 2011`.
public enum DateLabel {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func label(start: CivilDate, end: CivilDate) -> String {
        let month = months[start.month - 1]
        if start == end { return "\(start.day) \(month) \(start.year)" }
        let lastOfMonth = CivilDate.daysIn(month: end.month, year: end.year)
        if start.year == end.year, start.month == 1, start.day == 1, end.month == 12, end.day == 31 {
            return "\(start.year)"
        }
        if start.year == end.year, start.month == end.month, start.day == 1, end.day == lastOfMonth {
            return "\(month) \(start.year)"
        }
        if start.year == end.year, start.month == end.month {
            return "\(start.day)–\(end.day) \(month) \(start.year)"
        }
        if start.year == end.year {
            return "\(start.day) \(month)–\(end.day) \(months[end.month - 1]) \(end.year)"
        }
        return "\(start.day) \(month) \(start.year)–\(end.day) \(months[end.month - 1]) \(end.year)"
    }

    /// The article's date for the header: `Friday 2 December 2011`.
    public static func long(_ date: CivilDate) -> String {
        let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"]
        return "\(weekdays[date.weekday - 1]) \(date.day) \(names[date.month - 1]) \(date.year)"
    }

    public static func short(_ date: CivilDate) -> String {
        "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// `2 May 2024 08:30`, or `2 May 2024` when only the date is known.
    public static func short(_ moment: PublicationMoment) -> String {
        short(moment.date) + (moment.time.map { " " + $0 } ?? "")
    }
}
