/// Orders an article's anchored DATE and TIME expressions on a timeline.
///
/// Each entry covers the days of its value: a day is one day, `2011-W48` Monday to Sunday,
/// `2011-12` the month, `2011-Q4` the quarter, `2011-WI` December to February, `201` the
/// decade. Modifiers: `START`, `MID`, `END` (and approximations) keep the period's extent, so
/// `the end of 2011` shows 2011 and its mod; `AFTER` (`post-2011`) starts the day after the
/// period and is open-ended; `BEFORE` ends the day before it and is open towards the past;
/// `ON_OR_AFTER` / `ON_OR_BEFORE` keep the period and open one side. Entries sort by
/// `TimelineOrderKey` (the end of a period with its end, a containing period before what it
/// contains), then text order. Durations, sets, references (`now`) and unanchored values are
/// `unplaced`, in text order.
public enum TimelineBuilder {
    public static func build(article: Article, expressions: [TimeExpression], quotes: [Quote]) -> Timeline {
        var entries: [(entry: TimelineEntry, key: TimelineOrderKey)] = []
        var unplaced: [Int] = []
        let sortedQuotes = quotes.sorted { $0.span.start < $1.span.start }
        for (index, e) in expressions.enumerated() {
            guard e.anchored, e.type == .date || e.type == .time, let (start, end) = extent(of: e) else {
                unplaced.append(index)
                continue
            }
            var entry = TimelineEntry(expression: index, start: start, end: end, sentence: e.sentence)
            switch e.mod {
            case .after:
                entry.start = end.adding(days: 1)
                entry.end = entry.start
                entry.openEnd = true
            case .before:
                entry.end = start.adding(days: -1)
                entry.start = entry.end
                entry.openStart = true
            case .onOrAfter:
                entry.openEnd = true
            case .onOrBefore:
                entry.openStart = true
            default:
                break
            }
            if e.sentence < article.sentences.count {
                let sentence = article.sentences[e.sentence].span
                // Quotations do not overlap, so their ends are in order too: the first that ends
                // after the sentence starts is the only candidate (a scan from the first
                // quotation for every expression was quadratic in long articles).
                var low = 0
                var high = sortedQuotes.count
                while low < high {
                    let middle = (low + high) / 2
                    if sortedQuotes[middle].span.end <= sentence.start { low = middle + 1 } else { high = middle }
                }
                if low < sortedQuotes.count, sortedQuotes[low].span.overlaps(sentence) {
                    entry.quote = sortedQuotes[low].id
                    entry.speaker = sortedQuotes[low].speaker
                }
            }
            entries.append((entry, TimelineOrderKey(entry, of: e)))
        }
        // Equal keys keep text order (entries are made in the expressions' order).
        let ordered = entries.enumerated().sorted { a, b in
            a.element.key != b.element.key ? a.element.key < b.element.key : a.offset < b.offset
        }
        return Timeline(entries: ordered.map(\.element.entry), unplaced: unplaced)
    }

    /// The first and last day an anchored DATE or TIME value covers, or nil for anything else
    /// (`X` values, durations, sets, references).
    public static func extent(of expression: TimeExpression) -> (start: CivilDate, end: CivilDate)? {
        extent(ofValue: expression.value)
    }

    public static func extent(ofValue value: String) -> (start: CivilDate, end: CivilDate)? {
        // A small scanner over the value's bytes: `YYYY`, `YYY`, `YY`, `YYYY-MM`, `YYYY-MM-DD`,
        // `YYYY-Www`, `YYYY-Www-WE`, `YYYY-Qn`, `YYYY-Hn`, `YYYY-SP` ..., each optionally `T...`.
        let bytes = Array(value.utf8.prefix { $0 != 0x54 })  // the date part, before `T`
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var n = 0
            for k in from..<(from + count) {
                let c = bytes[k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                n = n * 10 + Int(c - 0x30)
            }
            return n
        }
        func years(_ from: Int, _ count: Int) -> (CivilDate, CivilDate)? {
            guard let s = CivilDate(year: from, month: 1, day: 1),
                let e = CivilDate(year: from + count - 1, month: 12, day: 31)
            else { return nil }
            return (s, e)
        }
        func months(_ year: Int, _ month: Int, _ count: Int) -> (CivilDate, CivilDate)? {
            guard let s = CivilDate(year: year, month: month, day: 1) else { return nil }
            return (s, s.addingMonths(count).adding(days: -1))
        }
        let n = bytes.count
        guard n >= 1, bytes[0] != 0x50 else { return nil }  // `P...` durations
        if n <= 4 {
            guard let v = digits(0, n) else { return nil }
            switch n {
            case 4: return years(v, 1)
            case 3: return years(v * 10, 10)
            case 2: return years(v * 100, 100)
            default: return years(v * 1000, 1000)
            }
        }
        guard let year = digits(0, 4), n >= 7, bytes[4] == 0x2D else { return nil }
        let tag = bytes[5]
        switch tag {
        case 0x30...0x39:
            guard let m = digits(5, 2) else { return nil }
            if n == 7 { return months(year, m, 1) }
            guard n == 10, bytes[7] == 0x2D, let d = digits(8, 2), let day = CivilDate(year: year, month: m, day: d)
            else { return nil }
            return (day, day)
        case 0x57 where n == 7 && bytes[6] == 0x49:  // WI
            return months(year, 12, 3)
        case 0x57:  // W
            guard let w = digits(6, 2), (1...53).contains(w) else { return nil }
            let monday = TimexPoint.mondayOfWeek(year: year, week: w)
            if n == 8 { return (monday, monday.adding(days: 6)) }
            guard n == 11, bytes[8] == 0x2D, bytes[9] == 0x57, bytes[10] == 0x45 else { return nil }
            return (monday.adding(days: 5), monday.adding(days: 6))
        case 0x51:  // Q
            guard n == 7, let q = digits(6, 1), (1...4).contains(q) else { return nil }
            return months(year, (q - 1) * 3 + 1, 3)
        case 0x48:  // H
            guard n == 7, let h = digits(6, 1), (1...2).contains(h) else { return nil }
            return months(year, (h - 1) * 6 + 1, 6)
        default:
            guard n == 7 else { return nil }
            switch (bytes[5], bytes[6]) {
            case (0x53, 0x50): return months(year, 3, 3)  // SP
            case (0x53, 0x55): return months(year, 6, 3)  // SU
            case (0x46, 0x41): return months(year, 9, 3)  // FA
            default: return nil
            }
        }
    }
}
