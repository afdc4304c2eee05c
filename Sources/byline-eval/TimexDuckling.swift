import BylineCore
import Foundation

/// Value accuracy on Duckling's English corpus (see `DucklingEval` for the comparison rule).
enum TimexDuckling {
    static let grains = ["Year", "Quarter", "Month", "Week", "Day", "Hour", "Minute", "Second"]

    static func run(path: String, errors: Int) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var total = 0
        var correct = 0
        var found = 0
        var negatives = 0
        var negativesCorrect = 0
        var byGrain: [String: (Int, Int)] = [:]
        var shown = 0
        for line in text.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let phrase = object["text"] as? String, let reference = object["reference"] as? String
            else { continue }
            let refDay = CivilDate(iso: String(reference.prefix(10)))
            let article = Article(text: phrase, source: "duckling", date: refDay)
            let expressions = TimeTagger.tag(article)
            let best = expressions.max { a, b in a.span.length < b.span.length }
            guard let expected = object["expected"] as? [String: Any], let grain = expected["grain"] as? String,
                let start = expected["start"] as? String
            else {
                negatives += 1
                if best == nil { negativesCorrect += 1 }
                continue
            }
            total += 1
            if best != nil { found += 1 }
            var ok = false
            if let best, let ours = startInstant(best, reference: reference) {
                ok = truncate(ours, grain) == truncate(start, grain)
            }
            if ok { correct += 1 }
            var g = byGrain[grain] ?? (0, 0)
            g.0 += 1
            if ok { g.1 += 1 }
            byGrain[grain] = g
            if !ok, shown < errors {
                shown += 1
                let got = best.map { "\($0.value) (\($0.rule))" } ?? "nothing"
                print("  \(phrase)  expected \(grain) \(start)  got \(got)")
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
        print("  rejected phrases left untagged: \(negativesCorrect)/\(negatives)")
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
            if second.hasPrefix("W") {
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
            let partStarts = ["MO": "04:00:00", "AF": "12:00:00", "EV": "18:00:00", "NI": "18:00:00", "DT": "08:00:00"]
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
