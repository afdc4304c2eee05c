/// `sentence-subject`: the subject of a sentence whose verb is not a verb of saying.
extension AttributionSieves {
    /// A quoted fragment in a sentence with no verb of saying known to the lexicon
    /// (`Ramos believes in journalism that "takes sides."`): the subject of the sentence, when
    /// a verb follows it.
    func sentenceSubject(_ b: Bounds) -> Attribution? {
        // The cue is the clause's verb, past what stands between it and the subject (`Mick Lee
        // of the band reacted`).
        // `Comey declined to charge her even though he found "evidence"`: a subordinate clause
        // nearer the quotation has a subject of its own.
        if let inner = grammar.subordinateClause(holding: b.open, floor: b.floor) {
            return Attribution(phrase: inner.phrase, cue: grammar.span(inner.verb), rule: .sentenceSubject)
        }
        guard let found = grammar.clauseSubjectAndVerb(from: b.floor, before: b.open), found.verb < b.open else { return nil }
        return Attribution(phrase: found.phrase, cue: grammar.span(found.verb), rule: .sentenceSubject)
    }
}
