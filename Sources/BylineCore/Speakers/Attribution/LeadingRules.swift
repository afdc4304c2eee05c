/// Before the quotation, in its sentence: a verb of saying right before a fragment first
/// (`tightLeading`); then, looking back from the quotation, `cue-speaker-quote` (`Remarked X,
/// "…"`), `according-to` (`in the words of X`), `speaker-cue-quote` (`X said: "…"`),
/// `reported-speech` (`X called the deal "a disaster"`; speech reported inside reported speech
/// goes to the outer reporter), `passive-by` (`was asked by X`), `issuer` (`X issued a statement:
/// "…"`, in `IssuerRule`).
extension AttributionSieves {
    /// `what Mr. Hedge called "the prior economy model," the club …`: a verb of saying right
    /// before the quotation (only `that` or `as` between) outranks what follows it.
    func tightLeading(_ b: Bounds) -> Attribution? {
        var k = b.open - 1
        while k >= b.floor, b.open - k < TokenWindow.tightCue, tokens[k].isWord,
              tokens[k].hash == Hashes.that || tokens[k].hash == Hashes.as {
            k -= 1
        }
        guard k >= b.floor, k < b.open - 1 || tokens[k].isWord, tokens[k].isWord, b.open - k <= TokenWindow.tightCue,
              let cue = Lexicon.cues[tokens[k].hash], cue == .characterize || cue == .speech, !isQuoteStart(b) else { return nil }
        guard let att = attribution(ofCueAt: k, floor: b.floor, open: b.open) else { return nil }
        return sentenceSource(over: outermost(att, cueAt: k, floor: b.floor), b)
    }

    /// The quotation opens its sentence (nothing but punctuation before it).
    private func isQuoteStart(_ b: Bounds) -> Bool {
        var k = b.open - 1
        while k >= b.floor, tokens[k].kind == .punctuation { k -= 1 }
        return k < b.floor
    }

    func leading(_ b: Bounds) -> Attribution? {
        leadingInClause(b).map { sentenceSource(over: $0, b) }
    }

    private func leadingInClause(_ b: Bounds) -> Attribution? {
        if let att = invertedOpening(b) ?? parentheticalReporter(b) { return att }
        var k = b.open - 1
        while k >= b.floor {
            let t = tokens[k]
            if t.isWord, t.hash == Hashes.according, let att = accordingTo(at: k, ceiling: b.open) { return att }
            // `in the words of the prosecutor, Ann Lee, "…"`: as `according to`.
            if t.isWord, t.hash == Self.words, k >= 2, tokens[k - 1].hash == Hashes.the, tokens[k - 2].hash == Hashes.in,
               k + 2 < b.open, tokens[k + 1].hash == Hashes.of, var phrase = reader.forward(startingAt: k + 2, ceiling: b.open) {
                if phrase.kind == .description, let name = grammar.appositiveName(after: phrase, ceiling: b.open) { phrase = name }
                return Attribution(phrase: phrase, cue: TextSpan(tokens[k - 2].start, tokens[k + 1].end), rule: .accordingTo)
            }
            if let att = attribution(ofCueAt: k, floor: b.floor, open: b.open) {
                return mainClause(over: k, b) ?? outermost(att, cueAt: k, floor: b.floor)
            }
            if t.isWord, Self.issuingVerbs.contains(t.hash), let att = issuedDocument(k, b) { return att }
            k -= 1
        }
        return nil
    }

    private static let words = WordHash.of("words")

    private static let dayNames = WordSet("monday tuesday wednesday thursday friday saturday sunday")

    /// `CNN, Cruz said, called the move "highly significant"` · `The deal, she said Tuesday, was
    /// "dead"`: a reporting clause set off by commas inside the sentence names the source the
    /// words come through, before any verb of saying after it.
    private func parentheticalReporter(_ b: Bounds) -> Attribution? {
        var i = b.floor
        while i + 3 < b.open {
            defer { i += 1 }
            guard tokens[i].isPunctuation(","), let subject = reader.forward(startingAt: i + 1, ceiling: b.open),
                  subject.kind != .description || grammar.isPersonHead(subject) else { continue }
            var v = subject.tokens.upperBound
            while v < b.open, v - subject.tokens.upperBound < TokenWindow.verbGroup, Lexicon.auxiliaries.contains(tokens[v].hash) { v += 1 }
            guard v + 1 < b.open, tokens[v].isWord, let cue = Lexicon.cues[tokens[v].hash], cue == .speech || cue == .tell,
                  grammar.isCueHere(v, floor: i + 1) else { continue }
            var close = v + 1
            if close < b.open, Self.dayNames.contains(tokens[close].hash) { close += 1 }
            // Something must follow it before the quotation: a clause it interrupts.
            guard close + 1 < b.open, tokens[close].isPunctuation(","), !tokens[close + 1].isQuotationMark else { continue }
            // Not over a verb that introduces the quotation itself (`…, Costa reported, his wife
            // whispered to him: "…"`): the one who says the words then.
            for k in (close + 1)..<b.open where tokens[k].isWord && Lexicon.cues[tokens[k].hash] != nil && isRightBefore(k, open: b.open) {
                if grammar.isCueHere(k, floor: close + 1) { return nil }
            }
            return Attribution(phrase: subject, cue: grammar.span(v), rule: .reportedSpeech)
        }
        return nil
    }

    /// Verbs of saying in the past that do not end in -ed (`Said Comey, "…"`).
    private static let irregularPasts = WordSet("said wrote told spoke")

    /// `When Lee suggested that …, Kim fired back: "…"` · `After Lee criticized the plan, Kim shot
    /// back, "…"`: a verb of saying in a subordinate clause that opens the sentence and closes
    /// with a comma before the quotation does not introduce it; the main clause after the comma
    /// does, with its own subject and verb (whatever the verb). Not `as` (`As Lee put it, "…"`:
    /// the source).
    private func mainClause(over k: Int, _ b: Bounds) -> Attribution? {
        var s = b.floor
        while s < k, tokens[s].kind == .punctuation || tokens[s].isWord && Self.clauseOpeners.contains(tokens[s].hash) { s += 1 }
        guard s < k, tokens[s].isWord, Self.closedSubordinators.contains(tokens[s].hash) else { return nil }
        // The verb must be inside that clause (`If …, he said, Congress can …`: a parenthetical).
        for i in s..<k where tokens[i].isPunctuation(",") { return nil }
        var c = k + 1
        while c < b.open - 1 {
            if tokens[c].isQuotationMark || tokens[c].isPunctuation(";") { return nil }
            if tokens[c].isPunctuation(","), let main = grammar.clauseSubjectAndVerb(from: c + 1, before: b.open), main.verb < b.open,
               main.phrase.tokens.lowerBound <= c + 2, main.phrase.kind != .pronoun || tokens[main.phrase.head].hash != Hashes.it,
               grammar.canSpeak(main.phrase) {
                return Attribution(phrase: main.phrase, cue: grammar.communicativeCue(at: main.verb), rule: .sentenceSubject)
            }
            c += 1
        }
        return nil
    }

    /// Subordinators whose clause ends before the main clause speaks.
    private static let closedSubordinators = WordSet("when after before while although though since because if until whereas once")

    private static let clauseOpeners = WordSet("but and so yet then even")

    /// `Remarked biologist Tia Curry, "…"` · `Stated Stone: "…"`: a verb of saying in the past
    /// opening the sentence, then the speaker, then a comma or colon right before the quotation.
    private func invertedOpening(_ b: Bounds) -> Attribution? {
        let v = b.floor
        guard v + 2 < b.open, tokens[v].isWord, tokens[v].isCapitalized, tokens[v].flags.contains(.sentenceStart),
              Lexicon.cues[tokens[v].hash] == .speech, NameFinder.endsWith(tokens[v], "ed", s) || Self.irregularPasts.contains(tokens[v].hash),
              tokens[b.open - 1].isPunctuation(",") || tokens[b.open - 1].isPunctuation(":"),
              let phrase = reader.backward(endingAt: b.open - 2, floor: v + 1), phrase.kind == .name else { return nil }
        return Attribution(phrase: phrase, cue: grammar.span(v), rule: .cueSpeakerQuote)
    }

    /// The attribution a verb of saying at `k` gives, if it is one and has a subject.
    func attribution(ofCueAt k: Int, floor: Int, open: Int) -> Attribution? {
        let t = tokens[k]
        guard t.isWord, let cue = Lexicon.cues[t.hash], grammar.isCueHere(k, floor: floor) else { return nil }
        let rule: AttributionRule = isRightBefore(k, open: open) ? .speakerCueQuote : .reportedSpeech
        // `was asked by host Bill Maher`: the agent of a passive verb of saying.
        if k + 2 < open, tokens[k + 1].hash == Hashes.by, let phrase = reader.forward(startingAt: k + 2, ceiling: open) {
            return Attribution(phrase: phrase, cue: TextSpan(tokens[k].start, tokens[k + 1].end), rule: .passiveBy)
        }
        // `…, Lee said, adding that …` · `he said Tuesday, adding, "…"`: a participle after a verb of
        // saying and a comma goes on with that verb's subject.
        if cue == .participle, k - 2 >= floor, tokens[k - 1].isPunctuation(",") {
            var v = k - 2
            while v > floor, k - 2 - v < TokenWindow.timePhrase, tokens[v].isWord, Lexicon.cues[tokens[v].hash] == nil,
                  !tokens[v].isCapitalized || Self.dayNames.contains(tokens[v].hash) {
                v -= 1
            }
            if v >= floor, tokens[v].isWord, let before = Lexicon.cues[tokens[v].hash], before != .participle,
               var att = attribution(ofCueAt: v, floor: floor, open: open) {
                att.cue = grammar.span(k)
                return att
            }
        }
        // `footage of Trump (reportedly) saying`
        let beforeParticiple = k - 1 >= floor && grammar.isAdverb(tokens[k - 1]) ? k - 2 : k - 1
        if cue == .participle, beforeParticiple >= floor,
           reader.nameAt[beforeParticiple] >= 0 || Lexicon.personNouns.contains(tokens[beforeParticiple].hash),
           let phrase = reader.backward(endingAt: beforeParticiple, floor: floor),
           reader.nameAt[beforeParticiple] >= 0 || !isObjectOfClause(phrase, floor: floor) {
            // `footage of Trump saying, "…"`: the participle describes the name right before it.
            return Attribution(phrase: phrase, cue: grammar.span(k), rule: rule)
        }
        // `describing the son as a hero but insisting`: a participle coordinated with another shares
        // the main clause's subject (below), not that of a verb between them.
        if cue != .participle, grammar.isCoordinated(k, floor: floor), let phrase = grammar.coordinatedSubject(k, floor: floor) {
            return Attribution(phrase: phrase, cue: grammar.span(k), rule: rule)
        }
        if cue == .participle || grammar.isBareBase(k, floor: floor) || grammar.isCoordinated(k, floor: floor) {
            guard let phrase = grammar.clauseSubject(from: floor, before: k) else { return nil }
            return Attribution(phrase: phrase, cue: grammar.span(k), rule: rule)
        }
        guard let subject = grammar.subject(ofCueAt: k, floor: floor) else { return nil }
        return Attribution(subject, rule: rule)
    }

    /// `emailed supporters saying` · `his memo to employees explaining`: a description for
    /// people right after a verb or a preposition (not `of`: `a video of voters saying`) is that
    /// verb's object, and a participle after it goes with the clause's subject.
    private func isObjectOfClause(_ phrase: Phrase, floor: Int) -> Bool {
        let before = phrase.tokens.lowerBound - 1
        guard before >= floor, tokens[before].isWord, !tokens[before].isCapitalized, tokens[before].hash != Hashes.of else { return false }
        return Self.objectPrepositions.contains(tokens[before].hash) || grammar.isVerbLike(tokens[before])
            && (NameFinder.endsWith(tokens[before], "ed", s) || NameFinder.endsWith(tokens[before], "s", s))
    }

    private static let objectPrepositions = WordSet("to for with at")

    /// Reported speech inside reported speech (`Israel said Clinton called on members to be
    /// "closely coordinated"`): the quotation reaches the reader through the outer reporter,
    /// whose verb takes the inner clause as its complement. A relative clause (`a surrogate
    /// who said "…"`) stays with its own subject.
    private func outermost(_ inner: Attribution, cueAt k: Int, floor: Int) -> Attribution {
        // (`that` is not kept: `Lee said the town lost a voice that said "…"` reaches the reader
        // through Lee.)
        let relative = inner.phrase.kind == .pronoun && (tokens[inner.phrase.head].hash == Hashes.who || tokens[inner.phrase.head].hash == Hashes.which)
        var a = floor
        while a < k, tokens[a].kind == .punctuation { a += 1 }
        let subjectStart = min(inner.phrase.tokens.lowerBound, k)
        if var source = outerSource(before: subjectStart, sentenceStart: a, floor: floor) {
            source.via = inner.phrase.kind == .pronoun ? inner.antecedent ?? inner.phrase : inner.phrase
            return source
        }
        var best = inner
        var j = subjectStart - 1
        while j >= floor {
            let t = tokens[j]
            // `X told the committee …, when he said, "…"`: a comma or an adverbial clause means the
            // inner verb is not the outer one's complement.
            if t.kind == .punctuation, t.hash == 0x3B || t.hash == 0x3A || t.hash == 0x2C || t.isQuotationMark { break }
            if t.isWord, ClauseGrammar.subordinators.contains(t.hash) { break }
            if t.isWord, Lexicon.reportingVerbs.contains(t.hash), let att = attribution(ofCueAt: j, floor: floor, open: k) {
                var outer = att
                outer.rule = .reportedSpeech
                best = outer
                j = min(att.phrase.tokens.lowerBound, j) - 1
                continue
            }
            j -= 1
        }
        // `a surrogate who said "…"`: with no reporter around it, a relative clause keeps its own subject.
        if relative { return best }
        return best.phrase.tokens == inner.phrase.tokens ? mainSubject(over: inner, floor: floor) ?? best : best
    }

    /// The source a reporter names before the subject of a verb of saying, through whom the
    /// words reach the reader: `According to the Herald, a sign read "…"` (the source named
    /// first is the one the quotation came through, as after it: `…," Lee said, according to
    /// the Herald`) · `…, because, according to Lee, the board would call it "…"` · `In a poll
    /// released Sunday, 40 percent of voters said "…"` (the respondents speak through the poll).
    private func outerSource(before subjectStart: Int, sentenceStart a: Int, floor: Int) -> Attribution? {
        guard a < subjectStart else { return nil }
        if tokens[a].hash == Hashes.according {
            if subjectStart - 1 > a, tokens[subjectStart - 1].isPunctuation(","), let source = accordingTo(at: a, ceiling: subjectStart - 1) {
                return source
            }
            // Opening the sentence, it covers every verb of saying in it (`According to the
            // Herald, Lee said "…" of the plan, which he called "…"`).
            if let comma = firstComma(after: a + 2, before: subjectStart, within: TokenWindow.source + 2) {
                return accordingTo(at: a, ceiling: comma)
            }
            return nil
        }
        if subjectStart - 2 > a, tokens[subjectStart - 1].isPunctuation(",") {
            var p = subjectStart - 2
            while p > a, subjectStart - p <= TokenWindow.source + 2, !tokens[p].isPunctuation(","), !tokens[p].isQuotationMark {
                if tokens[p].isWord, tokens[p].hash == Hashes.according, tokens[p - 1].isPunctuation(",") {
                    return accordingTo(at: p, ceiling: subjectStart - 1)
                }
                p -= 1
            }
        }
        if tokens[a].isWord, tokens[a].hash == Hashes.in, let comma = firstComma(after: a + 1, before: subjectStart, within: TokenWindow.parenthetical),
           let survey = (a + 1..<comma).last(where: { tokens[$0].isWord && Self.surveyNouns.contains(tokens[$0].hash) }),
           let count = (comma + 1..<subjectStart).first(where: { tokens[$0].kind == .number }), count - comma <= 3, subjectStart - count <= 4,
           (comma + 1..<count).allSatisfy({ tokens[$0].isWord && !tokens[$0].isCapitalized }) {
            return Attribution(phrase: Phrase(kind: .description, tokens: (a + 1)..<comma, head: survey), cue: nil, rule: .accordingTo)
        }
        return nil
    }

    /// Questionnaires whose respondents speak through them.
    private static let surveyNouns = WordSet("poll polls survey surveys")

    /// The first comma from `start`, before `end` and within `window` tokens.
    private func firstComma(after start: Int, before end: Int, within window: Int) -> Int? {
        var c = start
        while c < end, c - start < window {
            if tokens[c].isPunctuation(",") { return c }
            if tokens[c].isQuotationMark { return nil }
            c += 1
        }
        return nil
    }

    /// `she pointed to reports that Trump called her "Miss Piggy"` · `He did not address the tweets
    /// in which he called her "disgusting"`: a verb of saying in a clause that complements or
    /// qualifies a noun of the main clause (after `that`, `which`, `what`) reports through the
    /// main clause's subject, whatever its verb.
    private func mainSubject(over inner: Attribution, floor: Int) -> Attribution? {
        let start = inner.phrase.tokens.lowerBound
        guard inner.phrase.kind != .pronoun || !Hashes.isRelativePronoun(tokens[inner.phrase.head].hash), start - 1 > floor,
              tokens[start - 1].isWord, Self.embeddingWords.contains(tokens[start - 1].hash) else { return nil }
        for i in floor..<start where tokens[i].kind == .punctuation && !tokens[i].isPunctuation("(") && !tokens[i].isPunctuation(")") {
            if tokens[i].isPunctuation(",") || tokens[i].isQuotationMark || tokens[i].isPunctuation(";") || tokens[i].isPunctuation(":") { return nil }
        }
        var s = floor
        while s < start, tokens[s].isWord, Self.sentenceOpeners.contains(tokens[s].hash) { s += 1 }
        guard s < start, !ClauseGrammar.subordinators.contains(tokens[s].hash),
              let main = grammar.clauseSubjectAndVerb(from: floor, before: start - 1), main.verb < start - 1,
              main.phrase.tokens.lowerBound <= s + 1,
              main.phrase.kind != .pronoun || tokens[main.phrase.head].hash != Hashes.it else { return nil }
        return Attribution(phrase: main.phrase, cue: inner.cue, rule: .reportedSpeech)
    }

    /// Words opening a clause inside a noun phrase or a complement (`reports that`, `tweets in which`).
    private static let embeddingWords = WordSet("that which what whom")

    private static let sentenceOpeners = WordSet("but and so yet then still meanwhile however also instead indeed now")

    /// Only punctuation or `that` between the cue and the quotation.
    private func isRightBefore(_ k: Int, open: Int) -> Bool {
        var i = k + 1
        var words = 0
        while i < open {
            let t = tokens[i]
            if t.kind != .punctuation && t.hash != Hashes.that { words += 1 }
            i += 1
        }
        // `said:` · `said that` · `told WEEI:` · `told reporters on Thursday,`
        return words == 0 || words <= TokenWindow.cueToQuotation && open - 1 > k
            && (tokens[open - 1].isPunctuation(":") || tokens[open - 1].isPunctuation(","))
    }
}
