/// `issuer`: a statement, letter or post speaks for whoever issued it. After the in-sentence
/// rules (`Acme's statement read "…"`), before the quotation (`Acme released a statement: "…"`),
/// and for `SpeakerAssembly`, a document issued earlier (`the statement` after `Acme released a
/// statement`).
extension AttributionSieves {
    /// A statement, letter or post speaks for whoever issued it, when the sentence says who:
    /// `Acme's statement read` · `their letter said` · `a memo posted by Ann Lee said` · `the
    /// board released a statement which said` (the document's verb kept as cue).
    func issuer(of att: Attribution, _ b: Bounds) -> Attribution? {
        var document = att.phrase
        if document.kind == .pronoun, let antecedent = att.antecedent { document = antecedent }
        guard document.kind == .description, Self.documentNouns.contains(tokens[document.head].hash) else { return nil }
        var found: Phrase?
        // The owner before the noun: `Acme's statement`, `the family's statement`, `their letter`.
        var k = document.head - 1
        while k >= document.tokens.lowerBound, found == nil {
            let t = tokens[k]
            if t.isWord, Self.possessivePronouns.contains(t.hash) {
                found = Phrase(kind: .pronoun, tokens: k..<(k + 1), head: k)
            } else if t.isWord, t.flags.contains(.possessive), let owner = reader.backward(endingAt: k, floor: b.floor),
                      owner.kind == .name || grammar.isPersonHead(owner) {
                found = owner
            }
            k -= 1
        }
        // The agent after it: `a memo posted online by Ann Lee`, `the statement from the palace`.
        var a = document.tokens.upperBound
        while found == nil, a < b.open, a - document.tokens.upperBound < TokenWindow.agentAfterDocument, tokens[a].isWord {
            let h = tokens[a].hash
            let afterVerb = a > document.tokens.upperBound && Self.issuingVerbs.contains(tokens[a - 1].hash)
            if h == Hashes.by && a > document.tokens.upperBound || h == Hashes.from && (a == document.tokens.upperBound || afterVerb),
               let agent = reader.forward(startingAt: a + 1, ceiling: b.open), grammar.canSpeak(agent) {
                found = agent
                // `sent from Ann Lee's Twitter account`: the owner, not the service named.
                if Self.outletNouns.contains(tokens[agent.head].hash), reader.nameAt[a + 1] >= 0 {
                    let end = reader.names[Int(reader.nameAt[a + 1])].tokens.upperBound - 1
                    if end < agent.head, tokens[end].flags.contains(.possessive), let owner = reader.backward(endingAt: end, floor: a + 1) {
                        found = owner
                    }
                }
            }
            if h == Hashes.by || h == Hashes.from || Lexicon.cues[h] != nil && !Self.issuingVerbs.contains(h) { break }
            a += 1
        }
        // The subject of the verb that issued it: `the board released a statement which said`.
        let verb = document.tokens.lowerBound - 1
        if found == nil, verb >= b.floor, tokens[verb].isWord, Self.issuingVerbs.contains(tokens[verb].hash),
           let subject = grammar.subject(ofCueAt: verb, floor: b.floor)?.phrase,
           subject.kind != .description || grammar.isPersonHead(subject),
           subject.kind == .name || !Self.documentNouns.contains(tokens[subject.head].hash) {  // `The Post ran`
            found = subject
        }
        guard var phrase = found else { return nil }
        if phrase.kind == .pronoun, Hashes.isRelativePronoun(tokens[phrase.head].hash) { return nil }
        phrase.description = nil
        return Attribution(phrase: phrase, cue: att.cue, rule: .issuer)
    }

    /// `the statement` after `Acme released a statement` (within a few paragraphs): the subject
    /// that issued it, for a definite description of a document that speaks.
    func earlierIssuer(ofDocumentAt head: Int) -> ClauseSubject? {
        let noun = tokens[head].hash
        guard Self.documentNouns.contains(noun) else { return nil }
        var j = head - 1
        while j > 0, head - j < TokenWindow.earlierDocument {
            if tokens[j].isWord, tokens[j].hash == noun, !tokens[j].flags.contains(.quoted) {
                var v = j - 1
                while v > 0, j - v <= TokenWindow.documentAfterVerb, tokens[v].isWord, !Self.issuingVerbs.contains(tokens[v].hash) {
                    v -= 1
                }
                if v >= 0, j - v <= TokenWindow.documentAfterVerb, tokens[v].isWord, Self.issuingVerbs.contains(tokens[v].hash),
                   let sentence = article.sentenceIndex(containing: tokens[v].start) {
                    let floor = tokens.firstIndex(startingAtOrAfter: article.sentences[sentence].span.start)
                    return grammar.subject(ofCueAt: v, floor: floor)
                }
            }
            j -= 1
        }
        return nil
    }

    /// `Acme released a short statement: "…"` · `the board issued the following statement from
    /// its chair: "…"`: the subject that issued it.
    func issuedDocument(_ k: Int, _ b: Bounds) -> Attribution? {
        guard issuesDocument(k, end: b.open) else { return nil }
        // The one who issues it speaks, even for a letter from someone else (`He released a letter
        // from his doctor that says …`); not a place (`The government of North Veldra issued`: the government).
        guard let subject = grammar.subject(ofCueAt: k, floor: b.floor), grammar.canSpeak(subject.phrase) else { return nil }
        return Attribution(subject, rule: .issuer)
    }

    /// `issued a brief statement`: the verb at `k` has a document as its object.
    func issuesDocument(_ k: Int, end: Int) -> Bool {
        var j = k + 1
        while j < end, j - k <= TokenWindow.documentAfterVerb, tokens[j].isWord, !tokens[j].flags.contains(.quoted) {
            if Self.documentNouns.contains(tokens[j].hash) { return true }
            j += 1
        }
        return false
    }

    /// Nouns for what is issued in someone's name.
    static let documentNouns = WordSet("""
        statement statements letter memo memorandum release post tweet message notice note communique declaration \
        decree proclamation announcement editorial email summary report analysis study manifesto petition \
        ad ads advertisement video videos piece column op-ed commercial spot film mailer flyer book
        """)

    /// Where someone publishes (`Ann Lee's Twitter account`): its owner speaks.
    private static let outletNouns = WordSet("account accounts page handle feed profile channel website site blog")

    /// Verbs for issuing a document (`released a statement`).
    static let issuingVerbs = WordSet("""
        released issued published posted sent signed written wrote shared tweeted put made releasing issuing publishing \
        ran running aired airing reprint reprinted reprinting
        """)
}
