/// Orders an article's anchored DATE and TIME expressions on a timeline.
///
/// Each entry covers the days of its value: a day is one day, `2011-W48` Monday to Sunday,
/// `2011-12` the month, `2011-Q4` the quarter, `2011-WI` December to February, `201` the
/// decade. Modifiers: `START`, `MID`, `END` (and approximations) keep the period's extent, so
/// `the end of 2011` sorts with 2011 and shows its mod; `AFTER` (`post-2011`) starts the day
/// after the period and is open-ended; `BEFORE` ends the day before it and is open towards the
/// past; `ON_OR_AFTER` / `ON_OR_BEFORE` keep the period and open one side. Entries sort by
/// first day, then the shorter extent, then the clock time within a day, then text order.
/// Durations, sets, references (`now`) and unanchored values are `unplaced`, in text order.
public enum TimelineBuilder {
    public static func build(article: Article, expressions: [TimeExpression], quotes: [Quote]) -> Timeline {
        var entries: [(entry: TimelineEntry, minutes: Int)] = []
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
                if let q = sortedQuotes.first(where: { $0.span.overlaps(sentence) }) {
                    entry.quote = q.id
                    entry.speaker = q.speaker
                }
            }
            entries.append((entry, clockMinutes(e.value)))
        }
        // A stable sort: equal keys keep text order.
        let ordered = entries.enumerated().sorted { a, b in
            let x = a.element
            let y = b.element
            if x.entry.start != y.entry.start { return x.entry.start < y.entry.start }
            if x.entry.end != y.entry.end { return x.entry.end < y.entry.end }
            if x.minutes != y.minutes { return x.minutes < y.minutes }
            return a.offset < b.offset
        }
        return Timeline(entries: ordered.map(\.element.entry), unplaced: unplaced)
    }

    /// Minutes into the day of a `...THH:MM` value (parts of day at their usual hours), or -1.
    static func clockMinutes(_ value: String) -> Int {
        guard let t = value.firstIndex(of: "T") else { return -1 }
        let rest = value[value.index(after: t)...]
        switch rest {
        case "MO": return 8 * 60
        case "AF": return 14 * 60
        case "EV": return 19 * 60
        case "NI": return 22 * 60
        case "DT": return 12 * 60
        default:
            let parts = rest.split(separator: ":")
            guard let h = parts.first.flatMap({ Int($0) }) else { return -1 }
            let m = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            return h * 60 + m
        }
    }

    /// The first and last day an anchored DATE or TIME value covers, or nil for anything else
    /// (`X` values, durations, sets, references).
    public static func extent(of expression: TimeExpression) -> (start: CivilDate, end: CivilDate)? {
        extent(ofValue: expression.value)
    }

    public static func extent(ofValue value: String) -> (start: CivilDate, end: CivilDate)? {
        guard !value.contains("X"), !value.hasPrefix("P") else { return nil }
        let datePart = value.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let fields = datePart.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = fields.first, !first.isEmpty, first.allSatisfy(\.isNumber), let n = Int(first) else {
            return nil
        }
        func years(_ from: Int, _ count: Int) -> (CivilDate, CivilDate)? {
            guard let s = CivilDate(year: from, month: 1, day: 1), let e = CivilDate(year: from + count - 1, month: 12, day: 31)
            else { return nil }
            return (s, e)
        }
        func months(_ year: Int, _ month: Int, _ count: Int) -> (CivilDate, CivilDate)? {
            guard let s = CivilDate(year: year, month: month, day: 1) else { return nil }
            return (s, s.addingMonths(count).adding(days: -1))
        }
        if fields.count == 1 {
            switch first.count {
            case 4: return years(n, 1)
            case 3: return years(n * 10, 10)
            case 2: return years(n * 100, 100)
            case 1: return years(n * 1000, 1000)
            default: return nil
            }
        }
        guard first.count == 4 else { return nil }
        let second = fields[1]
        if fields.count == 2 {
            if let m = Int(second) { return months(n, m, 1) }
            if second.hasPrefix("Q"), let q = Int(second.dropFirst()), (1...4).contains(q) {
                return months(n, (q - 1) * 3 + 1, 3)
            }
            if second.hasPrefix("H"), let h = Int(second.dropFirst()), (1...2).contains(h) {
                return months(n, (h - 1) * 6 + 1, 6)
            }
            if second.hasPrefix("W"), let w = Int(second.dropFirst()), (1...53).contains(w) {
                let monday = TimexPoint.mondayOfWeek(year: n, week: w)
                return (monday, monday.adding(days: 6))
            }
            switch second {
            case "SP": return months(n, 3, 3)
            case "SU": return months(n, 6, 3)
            case "FA": return months(n, 9, 3)
            case "WI": return months(n, 12, 3)
            default: return nil
            }
        }
        if fields.count == 3 {
            if second.hasPrefix("W"), fields[2] == "WE", let w = Int(second.dropFirst()), (1...53).contains(w) {
                let saturday = TimexPoint.mondayOfWeek(year: n, week: w).adding(days: 5)
                return (saturday, saturday.adding(days: 1))
            }
            guard let m = Int(second), let d = Int(fields[2]), let day = CivilDate(year: n, month: m, day: d) else {
                return nil
            }
            return (day, day)
        }
        return nil
    }
}
