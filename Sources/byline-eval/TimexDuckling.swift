import BylineCore
import Foundation

/// Value accuracy on Duckling's English corpus (see `DucklingEval` for the comparison rule).
enum TimexDuckling {
    static let grains = ["Year", "Quarter", "Month", "Week", "Day", "Hour", "Minute", "Second"]

    /// Why a phrase with an expected value was missed (see `category`).
    enum Miss: String, CaseIterable {
        case nothing = "nothing tagged"
        case noCalendarValue = "only a duration, set or unanchored value"
        case namedDay = "a named day we do not compute"
        case coarser = "right period, coarser than Duckling's grain"
        case finerThanPhrase = "Duckling's value needs the reference clock time"
        case nextOccurrence = "Duckling reads ahead (next occurrence); we follow the clause or the nearest"
        case otherValue = "another value"
    }

    static func run(path: String, errors: Int) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var total = 0
        var correct = 0
        var found = 0
        var negatives = 0
        var negativesCorrect = 0
        var byGrain: [String: (Int, Int)] = [:]
        var misses: [Miss: Int] = [:]
        var shown = 0
        for line in text.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let phrase = object["text"] as? String, let reference = object["reference"] as? String
            else { continue }
            let refDay = CivilDate(iso: String(reference.prefix(10)))
            let article = Article(text: phrase, source: "duckling", date: refDay)
            let expressions = TimeTagger.tag(article)
            let best = representative(expressions, reference: reference)
            guard let expected = object["expected"] as? [String: Any], let grain = expected["grain"] as? String,
                let start = expected["start"] as? String
            else {
                negatives += 1
                if expressions.isEmpty { negativesCorrect += 1 }
                continue
            }
            total += 1
            if best != nil { found += 1 }
            var ok = false
            let ours = best.flatMap { startInstant($0, reference: reference) }
            if let ours { ok = truncate(ours, grain) == truncate(start, grain) }
            if ok { correct += 1 }
            var g = byGrain[grain] ?? (0, 0)
            g.0 += 1
            if ok { g.1 += 1 }
            byGrain[grain] = g
            if !ok {
                let miss = category(ours: ours, best: best, expected: expected, grain: grain, start: start,
                                    reference: reference)
                misses[miss, default: 0] += 1
                if shown < errors {
                    shown += 1
                    let got = best.map { "\($0.value) (\($0.rule))" } ?? "nothing"
                    print("  \(phrase)  expected \(grain) \(start)  got \(got)  [\(miss.rawValue)]")
                }
            }
        }
        func pct(_ a: Int, _ b: Int) -> String { b == 0 ? "-" : String(format: "%.1f%%", 100 * Double(a) / Double(b)) }
        print("duckling: \(total) phrases with a value; found an expression in \(found) (\(pct(found, total)))")
        print("  value accuracy \(correct)/\(total) = \(pct(correct, total))")
        for grain in grains {
            if let (n, c) = byGrain[grain] {
                print("    \(grain.padding(toLength: 8, withPad: " ", startingAt: 0)) \(c)/\(n) = \(pct(c, n))")
            }
        }
        print("  missed, by kind:")
        for miss in Miss.allCases {
            if let n = misses[miss] {
                print("    \(String(n).padding(toLength: 4, withPad: " ", startingAt: 0)) \(miss.rawValue)")
            }
        }
        print("  rejected phrases left untagged: \(negativesCorrect)/\(negatives)")
    }

    /// The expression that stands for the phrase: the most specific calendar value (a clock time
    /// over a day over a month ...), the first in the text among equals, so a range (`3-4pm`,
    /// `from Monday to Friday`, two TIMEX3s) stands for its start and `tomorrow at 5pm` (two
    /// TIMEX3s, the time taking the day) for the time; without a calendar value, the longest one.
    static func representative(_ expressions: [TimeExpression], reference: String) -> TimeExpression? {
        var best: (expression: TimeExpression, width: Int, clock: Bool)?
        for e in expressions {
            guard e.anchored, e.type == .date || e.type == .time, let (s, t) = TimelineBuilder.extent(of: e) else {
                continue
            }
            // The grain by its extent in days (a leap year is no wider than another year).
            let days = t.dayNumber - s.dayNumber
            let width = [0, 6, 31, 92, 183, 366].firstIndex { days <= $0 } ?? 6
            let clock = e.value.contains(":")
            if let b = best {
                if clock && !b.clock || clock == b.clock && width < b.width { best = (e, width, clock) }
            } else {
                best = (e, width, clock)
            }
        }
        if let best { return best.expression }
        if let now = expressions.first(where: { $0.value == "PRESENT_REF" }) { return now }
        return expressions.max { a, b in a.span.length < b.span.length }
    }

    /// Sorts a miss: nothing found, a named day outside our rules, an amount of minutes or hours
    /// Duckling counts from the reference clock (`in 2 minutes`: we have no clock time), no calendar
    /// value, the right period at a coarser grain, Duckling's next-occurrence reading (a weekday,
    /// date or holiday we place earlier, within a year), or another value.
    static func category(ours: String?, best: TimeExpression?, expected: [String: Any], grain: String, start: String,
                         reference: String) -> Miss {
        let holiday = expected["holiday"] != nil
        guard let best else { return holiday ? .namedDay : .nothing }
        if holiday, best.rule != TimexRule.dateHoliday.rawValue { return .namedDay }
        let clockGrain = ["Hour", "Minute", "Second"].contains(grain)
        if clockGrain, best.type == .duration, best.value.hasPrefix("PT") { return .finerThanPhrase }
        guard let ours, let ourDay = CivilDate(iso: String(ours.prefix(10))) else { return .noCalendarValue }
        guard let expectedDay = CivilDate(iso: String(start.prefix(10))) else { return .otherValue }
        if let (s, t) = TimelineBuilder.extent(of: best), s <= expectedDay, expectedDay <= t,
            s < t || clockGrain && !best.value.contains(":")
        {
            return .coarser
        }
        let ahead = expectedDay.dayNumber - ourDay.dayNumber
        if ahead > 0, ahead <= 366 || holiday { return .nextOccurrence }
        return .otherValue
    }

    /// The start of a TIMEX3 value as `YYYY-MM-DDTHH:MM:SS`, or nil for durations and sets.
    static func startInstant(_ e: TimeExpression, reference: String) -> String? {
        if e.value == "PRESENT_REF" { return reference }
        guard e.type == .date || e.type == .time, e.anchored else { return nil }
        let v = e.value
        let parts = v.split(separator: "T", maxSplits: 1).map(String.init)
        let date = parts[0]
        var day: String
        let fields = date.split(separator: "-").map(String.init)
        switch fields.count {
        case 1:
            // A year, decade or century.
            switch date.count {
            case 4: day = "\(date)-01-01"
            case 3: day = "\(date)0-01-01"
            case 2: day = "\(date)00-01-01"
            default: return nil
            }
        case 2:
            let second = fields[1]
            if second.hasPrefix("W"), second != "WI" {
                guard let y = Int(fields[0]), let w = Int(second.dropFirst()) else { return nil }
                day = isoWeekMonday(y, w)
            } else if second.hasPrefix("Q") {
                guard let q = Int(second.dropFirst()) else { return nil }
                day = "\(fields[0])-\(String(format: "%02d", (q - 1) * 3 + 1))-01"
            } else if second.hasPrefix("H") {
                guard let h = Int(second.dropFirst()) else { return nil }
                day = "\(fields[0])-\(h == 1 ? "01" : "07")-01"
            } else if let m = Int(second) {
                day = "\(fields[0])-\(String(format: "%02d", m))-01"
            } else {
                let seasons = ["SP": "03", "SU": "06", "FA": "09", "WI": "12"]
                guard let m = seasons[second] else { return nil }
                day = "\(fields[0])-\(m)-01"
            }
        case 3:
            if fields[1].hasPrefix("W") {
                // `2013-W07-WE`: the Saturday.
                guard let y = Int(fields[0]), let w = Int(fields[1].dropFirst()),
                    let monday = CivilDate(iso: isoWeekMonday(y, w))
                else { return nil }
                day = monday.adding(days: 5).iso
            } else {
                day = date
            }
        default:
            return nil
        }
        var time = "00:00:00"
        if parts.count == 2 {
            let t = parts[1]
            let partStarts = ["MO": "00:00:00", "AF": "12:00:00", "EV": "18:00:00", "NI": "18:00:00", "DT": "08:00:00"]
            if let s = partStarts[t] {
                time = s
            } else {
                let hm = t.split(separator: ":").map(String.init)
                let h = hm.first ?? "00"
                let m = hm.count > 1 ? hm[1] : "00"
                let s = hm.count > 2 ? hm[2] : "00"
                time = "\(h == "24" ? "00" : h):\(m):\(s)"
                if h == "24", let d = CivilDate(iso: day) { day = d.adding(days: 1).iso }
            }
        }
        return "\(day)T\(time)"
    }

    static func isoWeekMonday(_ year: Int, _ week: Int) -> String {
        let jan4 = CivilDate(year: year, month: 1, day: 4)!
        return jan4.adding(days: 1 - jan4.weekday + (week - 1) * 7).iso
    }

    /// An instant truncated to a Duckling grain (weeks to their Monday).
    static func truncate(_ instant: String, _ grain: String) -> String {
        let s = Array(instant)
        func prefix(_ n: Int) -> String { String(s.prefix(n)) }
        switch grain {
        case "Year": return prefix(4)
        case "Quarter":
            guard let m = Int(String(s[5...6])) else { return prefix(7) }
            return prefix(4) + "-Q\((m - 1) / 3 + 1)"
        case "Month": return prefix(7)
        case "Week":
            guard let d = CivilDate(iso: prefix(10)) else { return prefix(10) }
            return d.adding(days: 1 - d.weekday).iso
        case "Day": return prefix(10)
        case "Hour": return prefix(13)
        case "Minute": return prefix(16)
        default: return prefix(19)
        }
    }
}
