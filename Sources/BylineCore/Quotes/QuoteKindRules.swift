/// Direct or partial: whole sentences in the speaker's words, or a fragment set in reported
/// speech (`called the deal "a disaster"`).
enum QuoteKindRules {
    static func kind(_ quote: DetectedQuote, _ s: UnsafeBufferPointer<Unicode.Scalar>, paragraph: TextSpan) -> QuoteKind {
        if quote.parts.count > 1 { return .direct }
        guard let inner = quote.parts.first else { return .direct }
        // The first letter of the quoted words.
        var i = inner.start
        while i < inner.end, !Letters.isAlphanumeric(s[i]) { i += 1 }
        if i < inner.end, Letters.isLower(s[i]) { return .partial }
        // What comes before the opening mark.
        var j = quote.span.start - 1
        while j >= paragraph.start, ScalarClass.isWhitespace(s[j]) { j -= 1 }
        guard j >= paragraph.start else { return .direct }
        let before = s[j]
        guard Letters.isAlphanumeric(before) else { return .direct }
        // `said "We will win."`: a verb of saying right before a capitalised sentence.
        var w = j
        while w > paragraph.start, Letters.isLetter(s[w - 1]) { w -= 1 }
        if let cue = Lexicon.cues[WordHash.of(s, w, j + 1)], cue == .speech || cue == .tell || cue == .participle {
            return .direct
        }
        return .partial
    }
}
