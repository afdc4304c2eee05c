import BylineCore
import Foundation

/// A held-out sanity check on the hand-annotated date and time spans of 17 Wikinews articles
/// (`shared/data/gum_spans.jsonl`): how many spans we find, and whether our value agrees with
/// the annotation (`when` = the same value or day; `from`/`to` = our extent within a day of
/// both ends; `notBefore`/`notAfter` = a duration, or a date inside the bounds).
enum TimexGumCheck {
    static func run(spans path: String, corpus: String, verbose: Int) throws {
        var dates: [String: String] = [:]
        let index = try String(contentsOfFile: corpus + "/index.jsonl", encoding: .utf8)
        for line in index.split(separator: "\n") {
            if let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let file = o["file"] as? String, let date = o["date"] as? String
            {
                dates[file] = date
            }
        }
        var total = 0
        var found = 0
        var agree = 0
        var shown = 0
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        for line in lines {
            guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let file = o["file"] as? String, let spans = o["spans"] as? [[String: Any]]
            else { continue }
            let text = try String(contentsOfFile: corpus + "/articles/" + file, encoding: .utf8)
            let article = Article(text: text, source: file, date: dates[file].flatMap(CivilDate.init(iso:)))
            let ours = TimeTagger.tag(article)
            for span in spans {
                guard let kind = span["kind"] as? String, kind == "date" || kind == "time",
                    let start = span["start"] as? Int, let end = span["end"] as? Int
                else { continue }
                let attrs = span["attrs"] as? [String: String] ?? [:]
                total += 1
                let gold = TextSpan(start, end)
                let hit = ours.filter { $0.span.overlaps(gold) }
                    .max { $0.span.overlapLength(gold) < $1.span.overlapLength(gold) }
                guard let hit else {
                    if shown < verbose {
                        shown += 1
                        print("  missed  \(span["text"] as? String ?? "")  \(attrs)  [\(file)]")
                    }
                    continue
                }
                found += 1
                if agrees(hit, attrs) {
                    agree += 1
                } else if shown < verbose {
                    shown += 1
                    let text = span["text"] as? String ?? ""
                    print("  differs \(text)  \(attrs)  ours \(hit.value) \"\(article.string(hit.span))\"  [\(file)]")
                }
            }
        }
        print("gum spans (date/time): \(total); found \(found); value agrees \(agree) of found")
    }

    static func agrees(_ e: TimeExpression, _ attrs: [String: String]) -> Bool {
        if let when = attrs["when"] {
            if when.contains(":") { return e.value.contains("T" + when.prefix(5)) }
            return e.value == when || e.value.hasPrefix(when + "T")
        }
        let extent = TimelineBuilder.extent(of: e)
        if let from = attrs["from"].flatMap(CivilDate.init(iso:)), let to = attrs["to"].flatMap(CivilDate.init(iso:)) {
            guard let (s, t) = extent else { return false }
            return abs(s.dayNumber - from.dayNumber) <= 1 && abs(t.dayNumber - to.dayNumber) <= 1
        }
        if attrs["notBefore"] != nil || attrs["notAfter"] != nil {
            if e.type == .duration { return true }
            guard let (s, t) = extent else { return false }
            let lo = attrs["notBefore"].flatMap { day($0) } ?? CivilDate(year: 1, month: 1, day: 1)!
            let hi = attrs["notAfter"].flatMap { day($0, end: true) } ?? CivilDate(year: 9999, month: 12, day: 31)!
            return s >= lo && t <= hi
        }
        return false
    }

    /// `2008`, `2008-01`, `2008-01-19` as a day (the first, or with `end` the last, it covers).
    static func day(_ s: String, end: Bool = false) -> CivilDate? {
        let f = s.split(separator: "-").compactMap { Int($0) }
        switch f.count {
        case 1: return end ? CivilDate(year: f[0], month: 12, day: 31) : CivilDate(year: f[0], month: 1, day: 1)
        case 2:
            return end ? CivilDate(year: f[0], month: f[1], day: CivilDate.daysIn(month: f[1], year: f[0]))
                : CivilDate(year: f[0], month: f[1], day: 1)
        case 3: return CivilDate(year: f[0], month: f[1], day: f[2])
        default: return nil
        }
    }
}
