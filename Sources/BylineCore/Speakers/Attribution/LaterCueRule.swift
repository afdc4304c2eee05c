/// `later-cue`: a verb of saying later in the quotation's sentence (`"…" about the decision,
/// said X`); there also `passive-by` (`"…" was written by X`) and `according-to`.
extension AttributionSieves {
    func laterCue(_ b: Bounds) -> Attribution? {
        let sentenceEnd = article.sentences.isEmpty ? s.count : article.sentences[b.sentence].span.end
        let ceiling = min(b.ceiling, tokens.firstIndex(startingAtOrAfter: sentenceEnd))
        var k = b.after
        while k < ceiling {
            let t = tokens[k]
            if t.isWord, let cue = Lexicon.cues[t.hash], cue != .participle, grammar.isCueHere(k, floor: b.after) {
                // `"American Skin" was written by Springsteen`
                if k + 2 < ceiling, tokens[k + 1].hash == Hashes.by, let phrase = reader.forward(startingAt: k + 2, ceiling: ceiling) {
                    return Attribution(phrase: phrase, cue: TextSpan(tokens[k].start, tokens[k + 1].end), rule: .passiveBy)
                }
                if let subject = grammar.subject(ofCueAt: k, floor: b.after) {
                    return Attribution(subject, rule: .laterCue)
                }
                // `"…" about the decision, said RoseAnn DeMoro, executive director of …`
                if cue == .speech, k > b.after, tokens[k - 1].isPunctuation(","),
                   let phrase = reader.forward(startingAt: k + 1, ceiling: ceiling), phrase.kind != .pronoun {
                    return Attribution(phrase: phrase, cue: grammar.span(k), rule: .laterCue)
                }
            }
            if t.isWord, t.hash == Hashes.according, let att = accordingTo(at: k, ceiling: ceiling) { return att }
            k += 1
        }
        return nil
    }
}
