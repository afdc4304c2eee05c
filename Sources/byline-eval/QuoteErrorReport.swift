import BylineCore

/// Misses, false alarms and wrong speakers, with their context, for development (`--errors N`).
struct QuoteErrorReport {
    let limit: Int
    private var misses: [String] = []
    private var falseAlarms: [String] = []
    private var wrongSpeakers: [String] = []
    /// Per attribution rule: matched gold quotations with a speaker, and how many were right.
    private var byRule: [String: (right: Int, total: Int)] = [:]

    init(limit: Int) { self.limit = limit }

    var text: String {
        var out = ""
        for (title, items) in [("MISSES", misses), ("FALSE ALARMS", falseAlarms), ("WRONG SPEAKERS", wrongSpeakers)] {
            out += "== \(title) (first \(items.count))\n"
            for item in items { out += item + "\n" }
        }
        out += "== ATTRIBUTION RULES (right / matched with a gold speaker)\n"
        for (rule, counts) in byRule.sorted(by: { $0.value.total > $1.value.total }) {
            out += "  \(rule): \(counts.right) / \(counts.total)\n"
        }
        return out
    }

    mutating func judged(_ p: PredictedQuote, right: Bool) {
        let rule = p.quote.attributionRule ?? "none"
        byRule[rule, default: (0, 0)].total += 1
        if right { byRule[rule, default: (0, 0)].right += 1 }
    }

    mutating func miss(_ doc: QuoteGold, _ q: QuoteGold.GoldQuote) {
        guard misses.count < limit else { return }
        misses.append("- [\(doc.stem)] \(q.kind) \(Self.context(doc.text, q.start, q.end))")
    }

    mutating func falseAlarm(_ doc: QuoteGold, _ p: PredictedQuote) {
        guard falseAlarms.count < limit else { return }
        falseAlarms.append("- [\(doc.stem)] \(p.quote.detectionRule) \(Self.context(doc.text, p.start, p.end))")
    }

    mutating func wrongSpeaker(_ doc: QuoteGold, _ q: QuoteGold.GoldQuote, _ p: PredictedQuote) {
        guard wrongSpeakers.count < limit else { return }
        let predicted = "\(p.speaker ?? "nil") [\(p.mention?.text ?? "-")] via \(p.quote.attributionRule ?? "none")"
        let goldSpeaker = "\(q.speaker ?? "nil")\(q.speakerIsPronoun ? " (pronoun)" : "")"
        let lo = min(q.start, q.speakerSpan?.0 ?? q.start)
        let hi = max(q.end, q.speakerSpan?.1 ?? q.end)
        wrongSpeakers.append("- [\(doc.stem)] gold: \(goldSpeaker) | predicted: \(predicted)\n    \(Self.context(doc.text, lo, hi))")
    }

    /// The span in brackets with a little text around it, on one line, shortened in the middle.
    static func context(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        func slice(_ a: Int, _ b: Int) -> String {
            let lo = max(0, min(a, scalars.count))
            let hi = max(lo, min(b, scalars.count))
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[lo..<hi])
            return String(view).replacingOccurrences(of: "\n", with: " ¶ ")
        }
        var inner = slice(start, end)
        if inner.count > 220 { inner = String(inner.prefix(100)) + " … " + String(inner.suffix(100)) }
        return slice(start - 90, start) + "⟦" + inner + "⟧" + slice(end, end + 90)
    }
}
