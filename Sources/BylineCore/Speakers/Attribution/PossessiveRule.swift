/// `possessive`: whose words they are (`Clinton's slogan is "…"`).
extension AttributionSieves {
    /// `Clinton’s campaign slogan is "…"` · `his call for "…"` · `their chants of "…"`: a noun for
    /// something said, owned by a name or a possessive pronoun, before the quotation.
    func possessiveSpeech(_ b: Bounds) -> Attribution? {
        var k = b.open - 1
        while k > b.floor, b.open - k <= TokenWindow.speechNoun {
            let t = tokens[k]
            if t.isWord, !t.flags.contains(.quoted), Self.speechNouns.contains(t.hash) {
                // The owner right before the noun, or before a modifier (`campaign slogan`).
                var o = k - 1
                if o > b.floor, tokens[o].isWord, !tokens[o].flags.contains(.possessive), reader.nameAt[o] < 0,
                   !Self.possessivePronouns.contains(tokens[o].hash), reader.isDescriptionWord(tokens[o]) {
                    o -= 1
                }
                guard o >= b.floor, tokens[o].isWord else { return nil }
                if Self.possessivePronouns.contains(tokens[o].hash) {
                    let owner = Phrase(kind: .pronoun, tokens: o..<(o + 1), head: o)
                    return Attribution(phrase: owner, cue: grammar.span(k), rule: .possessive)
                }
                if tokens[o].flags.contains(.possessive), reader.nameAt[o] >= 0,
                   let phrase = reader.backward(endingAt: o, floor: b.floor), phrase.kind == .name {
                    return Attribution(phrase: phrase, cue: grammar.span(k), rule: .possessive)
                }
                return nil
            }
            k -= 1
        }
        return nil
    }

    private static let speechNouns = WordSet("""
        slogan phrase words word remarks remark comments comment statement claim claims call calls chant chants \
        message promise pledge warning warnings response reply answer vow motto line lines tweet tweets \
        assertion accusation description characterization argument question questions insistence refrain mantra
        """)

    /// `his`, `her`, `their`, `its`: the owners a possessive rule resolves like pronouns.
    static let possessivePronouns = WordSet("his her their its")
}
