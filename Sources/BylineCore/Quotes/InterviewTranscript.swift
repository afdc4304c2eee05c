/// Interviews laid out as transcripts: each turn a paragraph that opens with its label, `Q:`
/// and `A:`, or a name and a colon (`Ann Lee: …`, the plain text a bolded name becomes). The
/// answers are the interviewee's words: quotations without marks (`interview-answer`),
/// attributed to the interviewee by the `interview` rule (`AttributionSieves.interviewAnswer`).
///
/// A layout is a transcript only when an interviewer (`Q`, or a label whose turns are mostly
/// questions) has two turns or more and an interviewee (`A`, or another label) two or more: a
/// lone `Note:` or `Update:` paragraph, or a dialogue without questions, is no interview.
enum InterviewTranscript {
    struct Turn {
        /// The label without its colon (`Q`, `Ann Lee`).
        var label: TextSpan
        /// The turn's words, after the colon, to the end of the paragraph.
        var text: TextSpan
    }

    /// Longest label read as a name (in scalars), and most words in it.
    static let maxLabelLength = 40
    static let maxLabelWords = 4

    /// The answers of a transcript, as quotations. `existing`: the quotations the marks give;
    /// an answer that contains one replaces it, and one that crosses one is left out.
    static func answers(_ article: Article, _ s: UnsafeBufferPointer<Unicode.Scalar>, existing: [DetectedQuote]) -> [DetectedQuote] {
        var turns: [(turn: Turn, key: String)] = []
        for paragraph in article.paragraphs where !paragraph.isHeadline {
            if let turn = turn(paragraph.span, s) { turns.append((turn, article.string(turn.label))) }
        }
        guard turns.count >= 4 else { return [] }
        var count: [String: Int] = [:]
        var questions: [String: Int] = [:]
        for (turn, key) in turns {
            count[key, default: 0] += 1
            if endsWithQuestion(turn.text, s) { questions[key, default: 0] += 1 }
        }
        let interviewers = Set(count.keys.filter { key in
            key != "A" && count[key, default: 0] >= 2 && (key == "Q" || questions[key, default: 0] * 2 > count[key, default: 0])
        })
        let interviewees = Set(count.keys.filter { !interviewers.contains($0) && $0 != "Q" && count[$0, default: 0] >= 2 })
        guard !interviewers.isEmpty, !interviewees.isEmpty else { return [] }
        var result: [DetectedQuote] = []
        for (turn, key) in turns where interviewees.contains(key) {
            let crosses = existing.contains { q in
                q.span.start < turn.text.end && turn.text.start < q.span.end && !(turn.text.start <= q.span.start && q.span.end <= turn.text.end)
            }
            if crosses { continue }
            result.append(DetectedQuote(span: turn.text, parts: [turn.text], rule: .interviewAnswer, closed: true,
                                        turnLabel: key == "A" ? nil : turn.label))
        }
        return result
    }

    /// The turn a paragraph opens, if it opens with a label: `Q:`, `A:`, or one to four
    /// capitalised words and a colon, followed by words.
    static func turn(_ paragraph: TextSpan, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Turn? {
        let start = paragraph.start
        let end = min(paragraph.end, s.count)
        guard start < end else { return nil }
        var i = start
        var words = 0
        while i < end, i - start <= maxLabelLength {
            // A word: a capital, then letters, periods, hyphens or apostrophes.
            guard ScalarClass.isUpper(s[i]) else { return nil }
            i += 1
            while i < end, ScalarClass.isLetter(s[i]) || s[i] == "." || s[i] == "-" || s[i] == "'" || s[i] == "\u{2019}" { i += 1 }
            words += 1
            guard i < end, words <= maxLabelWords else { return nil }
            if s[i] == ":" { break }
            guard s[i] == " ", i + 1 < end else { return nil }
            i += 1
        }
        guard i < end, s[i] == ":", i - start <= maxLabelLength else { return nil }
        let label = TextSpan(start, i)
        // A single capital is a turn only as `Q` or `A`.
        if label.length == 1, s[start] != "Q", s[start] != "A" { return nil }
        var t = i + 1
        while t < end, s[t] == " " || s[t] == "\t" { t += 1 }
        guard t > i + 1, t < end else { return nil }
        return Turn(label: label, text: TextSpan(t, end))
    }

    private static func endsWithQuestion(_ span: TextSpan, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        var k = span.end - 1
        while k > span.start, QuotationMarks.canClose(s[k].value) || s[k] == " " || s[k] == ")" { k -= 1 }
        return k >= span.start && s[k] == "?"
    }
}
