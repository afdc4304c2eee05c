/// `according-to`: `according to X` (before the quotation, after it, or later in the sentence;
/// also `in the words of X`, in `LeadingRules`), the source the reporter names.
extension AttributionSieves {
    /// `according to` at token `a`, and its source.
    func accordingTo(at a: Int, ceiling: Int) -> Attribution? {
        guard a + 2 < ceiling, tokens[a].hash == Hashes.according, tokens[a + 1].hash == Hashes.to else { return nil }
        let cue = TextSpan(tokens[a].start, tokens[a + 1].end)
        if let phrase = reader.forward(startingAt: a + 2, ceiling: ceiling) {
            return Attribution(phrase: phrase, cue: cue, rule: .accordingTo)
        }
        // `according to the exit polls`: whatever the phrase, it is the source.
        var end = a + 2
        while end < ceiling, end - a < TokenWindow.source, tokens[end].isWord, !tokens[end].flags.contains(.quoted),
              end == a + 2 || !Lexicon.stopWords.contains(tokens[end].hash) || tokens[end].hash == Hashes.of {
            end += 1
        }
        guard end > a + 2 else { return nil }
        let phrase = Phrase(kind: .description, tokens: (a + 2)..<end, head: end - 1)
        return Attribution(phrase: phrase, cue: cue, rule: .accordingTo)
    }
}
