/// `reported-speech` past an appositive between dashes: `Ann Lee — a teacher from Elm Grove —
/// says she made up her mind late and that the mayor's support was "a big deal."` · `On Friday,
/// Tom Berg — named by the paper as the likely pick — told a radio host that "…"`. The clause
/// grammar reads a subject back from its verb over commas; a pair of dashes sets off the same
/// kind of phrase.
extension AttributionSieves {
    func dashAppositive(_ b: Bounds) -> Attribution? {
        var k = b.open - 1
        while k > b.floor {
            let t = tokens[k]
            if t.isWord, !t.flags.contains(.quoted), let cue = Lexicon.cues[t.hash], cue != .participle,
               let phrase = subjectBeforeDashes(ofVerbAt: k, floor: b.floor) {
                return Attribution(phrase: phrase, cue: grammar.span(k), rule: .reportedSpeech)
            }
            k -= 1
        }
        return nil
    }

    /// The subject of the verb at `k` when a phrase between two spaced dashes stands between
    /// them (`Ann Lee — a teacher — has said`): a name or a description that can speak, opening
    /// its clause.
    func subjectBeforeDashes(ofVerbAt k: Int, floor: Int) -> Phrase? {
        let close = grammar.beforeVerbGroup(k, floor: floor)
        guard close > floor, isSpacedDash(close) else { return nil }
        var open = close - 1
        while open > floor, close - open <= TokenWindow.appositive, !isSpacedDash(open) {
            if tokens[open].isQuotationMark { return nil }
            open -= 1
        }
        guard open > floor, isSpacedDash(open), close - open > 1,
              let phrase = reader.backward(endingAt: open - 1, floor: floor, subject: true),
              phrase.kind != .pronoun, grammar.canSpeak(phrase) || grammar.isPersonHead(phrase) else { return nil }
        // The phrase opens its clause: the sentence, or after a comma or a colon.
        let before = phrase.tokens.lowerBound - 1
        guard before < floor || tokens[phrase.tokens.lowerBound].flags.contains(.sentenceStart)
                || tokens[before].isPunctuation(",") || tokens[before].isPunctuation(":")
                || tokens[before].isWord && ClauseGrammar.openers.contains(tokens[before].hash) else { return nil }
        return phrase
    }

    /// A dash with space on at least one side: between phrases, not joining words (`2015–16`).
    private func isSpacedDash(_ k: Int) -> Bool {
        guard tokens[k].isDash else { return false }
        return k == 0 || k + 1 >= tokens.count || tokens[k - 1].end < tokens[k].start || tokens[k].end < tokens[k + 1].start
    }
}
