/// `sentence-subject`: the subject of a sentence whose verb is not a verb of saying.
extension AttributionSieves {
    /// A quoted fragment in a sentence with no verb of saying known to the lexicon
    /// (`Ramos believes in journalism that "takes sides."`): the subject of the sentence, when
    /// a verb follows it.
    func sentenceSubject(_ b: Bounds) -> Attribution? {
        // The cue is the clause's verb, past what stands between it and the subject (`Mick Lee
        // of the band reacted`), when it is a verb that communicates: in `Ann Lee hugged the
        // "small miracle"`, `hugged` is no cue, though Ann Lee is still the speaker (giving no
        // speaker at all lowers PolNeAR train and dev).
        // `Comey declined to charge her even though he found "evidence"`: a subordinate clause
        // nearer the quotation has a subject of its own.
        if let inner = grammar.subordinateClause(holding: b.open, floor: b.floor) {
            return sentenceSource(over: Attribution(phrase: inner.phrase, cue: grammar.communicativeCue(at: inner.verb), rule: .sentenceSubject), b)
        }
        if let joined = joinedClause(b) {
            return sentenceSource(over: Attribution(phrase: joined.phrase, cue: grammar.communicativeCue(at: joined.verb), rule: .sentenceSubject), b)
        }
        guard let found = grammar.clauseSubjectAndVerb(from: b.floor, before: b.open), found.verb < b.open else { return nil }
        return sentenceSource(over: Attribution(phrase: found.phrase, cue: grammar.communicativeCue(at: found.verb), rule: .sentenceSubject), b)
    }

    /// `Lee opened the archive in May, and the council called it "a gift"` · `…; the council
    /// called it "a gift"`: the quotation is in a second clause, joined by `, and`, `, but`, a
    /// dash and `but`, or a semicolon, that opens with a subject and its verb: that subject, not
    /// the first clause's.
    private func joinedClause(_ b: Bounds) -> (phrase: Phrase, verb: Int)? {
        var i = b.open - 1
        while i > b.floor {
            let t = tokens[i]
            if t.isQuotationMark { return nil }
            let joined = i + 1 < b.open && tokens[i + 1].isWord && Self.clauseJoiners.contains(tokens[i + 1].hash)
            if t.isPunctuation(";") || joined && (t.isPunctuation(",") || t.isDash) {
                guard let found = grammar.clauseSubjectAndVerb(from: i + 1, before: b.open), found.verb < b.open,
                      found.phrase.tokens.lowerBound <= i + (joined ? 2 : 1) else { return nil }
                return found
            }
            i -= 1
        }
        return nil
    }

    private static let clauseJoiners = WordSet("and but")

    /// `Democrats on the House committee plan to release …` · `Attorneys for Lee appeared to
    /// oppose it, saying …` · `About four in 10 said …`: when the grammar finds no subject and
    /// verb (a phrase after the noun, a relative clause, a coordination), the phrase opening the
    /// sentence, when more words follow it before the quotation, is its subject all the same;
    /// not an event (`The harbour talks ended early, and …`: the talks say nothing).
    /// (Tried by `SpeakerAssembly` after `same-sentence`: another quotation of the sentence that
    /// has its speaker says more than the sentence's first words.)
    func openingPhrase(_ q: Int) -> Attribution? {
        let b = bounds(q)
        guard quotes[q].unspokenRule == nil else { return nil }
        let sentenceStart = tokens.firstIndex(startingAtOrAfter: article.sentences.isEmpty ? 0 : article.sentences[b.sentence].span.start)
        guard sentenceStart >= b.floor else { return nil }
        var i = sentenceStart
        while i < b.open, tokens[i].kind == .punctuation || tokens[i].isWord && ClauseGrammar.openers.contains(tokens[i].hash) { i += 1 }
        guard i < b.open, let phrase = reader.forward(startingAt: i, ceiling: b.open, subject: true) else { return nil }
        let next = phrase.tokens.upperBound
        guard next + 1 < b.open, tokens[next].isWord || tokens[next].isPunctuation(","), grammar.canSpeak(phrase) || phrase.kind == .description && !Lexicon.eventNouns.contains(tokens[phrase.head].hash) else {
            return nil
        }
        if phrase.kind == .pronoun, tokens[phrase.head].hash == Hashes.it || Hashes.isRelativePronoun(tokens[phrase.head].hash) { return nil }
        return Attribution(phrase: phrase, cue: nil, rule: .sentenceSubject)
    }
}
