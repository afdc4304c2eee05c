import BylineCore

/// Misses, false alarms and wrong speakers, for development (`--errors N`): every error is
/// counted under a kind (what went wrong, what the gold speaker is and where it stands), the
/// kinds are printed most frequent first with the attribution rules behind them, then up to N
/// examples of each sort.
struct QuoteErrorReport {
    let limit: Int
    private var misses: [String] = []
    private var falseAlarms: [String] = []
    private var wrongSpeakers: [String] = []
    /// Per attribution rule: matched gold quotations with a speaker, and how many were right.
    private var byRule: [String: (right: Int, total: Int)] = [:]
    /// Per error kind: how many, and how many under each attribution rule.
    private var kinds: [String: (count: Int, rules: [String: Int])] = [:]

    init(limit: Int) { self.limit = limit }

    var text: String {
        var out = "== ERROR KINDS (\(kinds.values.reduce(0) { $0 + $1.count }) errors, most frequent kind first)\n"
        let ranked = kinds.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
        for (n, (kind, entry)) in ranked.enumerated() {
            let rules = entry.rules.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(4).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            out += "\(String(n + 1).leftPadded(3)). \(String(entry.count).leftPadded(4))  \(kind)\(rules.isEmpty ? "" : "  [\(rules)]")\n"
        }
        for (title, items) in [("MISSES", misses), ("FALSE ALARMS", falseAlarms), ("WRONG SPEAKERS", wrongSpeakers)] {
            out += "== \(title) (first \(items.count))\n"
            for item in items { out += item + "\n" }
        }
        out += "== ATTRIBUTION RULES (right / matched with a gold speaker)\n"
        for (rule, counts) in byRule.sorted(by: { $0.value.total != $1.value.total ? $0.value.total > $1.value.total : $0.key < $1.key }) {
            out += "  \(rule): \(counts.right) / \(counts.total)\n"
        }
        return out
    }

    /// The rule that attributed a prediction, marked when the speaker ranker chose it over the
    /// rules' answer (`sentence-subject, ranked`).
    private static func rule(_ p: PredictedQuote) -> String {
        (p.quote.attributionRule ?? "none") + (p.quote.attributionRanking == nil ? "" : ", ranked")
    }

    mutating func judged(_ p: PredictedQuote, right: Bool) {
        let rule = Self.rule(p)
        byRule[rule, default: (0, 0)].total += 1
        if right { byRule[rule, default: (0, 0)].right += 1 }
    }

    private mutating func count(_ kind: String, rule: String?) {
        kinds[kind, default: (0, [:])].count += 1
        if let rule { kinds[kind, default: (0, [:])].rules[rule, default: 0] += 1 }
    }

    mutating func miss(_ doc: QuoteGold, _ q: QuoteGold.GoldQuote) {
        count(q.kind.isEmpty ? "missed quotation" : "missed \(q.kind) quotation", rule: nil)
        guard misses.count < limit else { return }
        misses.append("- [\(doc.stem)] \(q.kind) \(Self.context(doc.text, q.start, q.end))")
    }

    mutating func falseAlarm(_ doc: QuoteGold, _ p: PredictedQuote) {
        count("false alarm (found by \(p.quote.detectionRule))", rule: nil)
        guard falseAlarms.count < limit else { return }
        falseAlarms.append("- [\(doc.stem)] \(p.quote.detectionRule) \(Self.context(doc.text, p.start, p.end))")
    }

    mutating func wrongSpeaker(_ doc: QuoteGold, _ q: QuoteGold.GoldQuote, _ p: PredictedQuote, article: Article) {
        count(Self.kind(of: q, p, article), rule: Self.rule(p))
        guard wrongSpeakers.count < limit else { return }
        let predicted = "\(p.speaker ?? "nil") [\(p.mention?.text ?? "-")] via \(p.quote.attributionRule ?? "none")"
            + (p.quote.attributionRanking.map { ", \($0)" } ?? "")
        let goldSpeaker = "\(q.speaker ?? "nil")\(q.speakerIsPronoun ? " (pronoun)" : "")"
        let lo = min(q.start, q.speakerSpan?.0 ?? q.start)
        let hi = max(q.end, q.speakerSpan?.1 ?? q.end)
        wrongSpeakers.append("- [\(doc.stem)] gold: \(goldSpeaker) | predicted: \(predicted)\n    \(Self.context(doc.text, lo, hi))")
    }

    // MARK: Kinds

    /// What a wrong speaker is: what was predicted, for what kind of gold speaker, standing where.
    static func kind(of q: QuoteGold.GoldQuote, _ p: PredictedQuote, _ article: Article) -> String {
        let predicted: String
        if let mention = p.mention {
            predicted = "wrong " + mentionKind(mention.text, isPronoun: pronouns.contains(mention.text.lowercased()))
        } else {
            predicted = "no speaker"
        }
        let gold = mentionKind(q.speaker ?? "", isPronoun: q.speakerIsPronoun)
        return "\(predicted) for a gold \(gold) \(place(of: q, in: article))"
    }

    /// `pronoun`, `name` (a capitalised word the scorer compares), or `description`.
    static func mentionKind(_ text: String, isPronoun: Bool) -> String {
        if isPronoun { return "pronoun" }
        return QuoteScorer.nameTokens(text).isEmpty ? "description" : "name"
    }

    /// Where the gold speaker stands, in sentences, from the quotation.
    static func place(of q: QuoteGold.GoldQuote, in article: Article) -> String {
        guard let (start, end) = q.speakerSpan else { return "(no span)" }
        if start >= q.start, end <= q.end { return "inside the quotation's span" }
        guard let speaker = article.sentenceIndex(containing: start), let first = article.sentenceIndex(containing: q.start),
              let last = article.sentenceIndex(containing: max(q.start, q.end - 1)) else { return "(unplaced)" }
        let paragraph = article.paragraphIndex(containing: start) == article.paragraphIndex(containing: q.start) ? "" : ", another paragraph"
        if speaker >= first, speaker <= last { return start < q.start ? "before it in its sentence" : "after it in its sentence" }
        if speaker < first { return (first - speaker == 1 ? "one sentence before" : "2+ sentences before") + paragraph }
        return "in a later sentence" + paragraph
    }

    private static let pronouns: Set<String> = [
        "he", "she", "they", "it", "i", "we", "you", "who", "which", "that", "his", "her", "their", "its", "him", "them",
        "one", "some", "another", "several", "many", "others",
    ]

    /// The span in brackets with a little text around it, on one line, shortened in the middle,
    /// with control characters made visible (the text is an article's, shown, never obeyed).
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
        return TerminalSafe.line(slice(start - 90, start) + "⟦" + inner + "⟧" + slice(end, end + 90))
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
