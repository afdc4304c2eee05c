/// A clause's subject as the grammar finds it: the phrase, the verb it goes with (the cue), and
/// for a relative pronoun (`Smith, who said`) the phrase it stands for.
struct ClauseSubject {
    var phrase: Phrase
    var cue: TextSpan?
    var antecedent: Phrase?
}

/// The clause grammar the attribution rules and `SpeakerAssembly` share: whether a word of
/// saying is a verb here, the subject of a verb (past auxiliaries, adverbs, time phrases,
/// parentheticals and appositives), the verb after a subject, and the subject of a clause or
/// of a subordinate clause. It names no rule: the rules that use it do.
struct ClauseGrammar {
    let s: UnsafeBufferPointer<Unicode.Scalar>
    let tokens: [Token]
    let reader: PhraseReader

    // MARK: Verbs of saying

    /// A cue word is a verb here unless it is a common noun with nothing verb-like before it
    /// (`the states`, `a report`).
    func isCueHere(_ k: Int, floor: Int) -> Bool {
        let t = tokens[k]
        guard !t.flags.contains(.quoted), t.isWord else { return false }
        // A capitalised verb only in a title-case line (`Hillary Clinton Says …`).
        if t.isCapitalized, t.flags.contains(.sentenceStart) || k == 0 || !tokens[k - 1].isCapitalized { return false }
        if t.hash == Hashes.put {
            // `as Vulture put it, "…"`
            return k + 2 < tokens.count && tokens[k + 1].hash == Hashes.it && tokens[k + 2].kind == .punctuation
        }
        if Lexicon.cues[t.hash] == .finding { return isFindingSubject(before: k, floor: floor) }
        guard Lexicon.ambiguousCues.contains(t.hash) else { return true }
        // `The decree signed by the Pope read "…"`: `read` right before a quotation is the verb.
        if t.hash == Self.read, k + 1 < tokens.count, k - 1 >= floor,
           !Lexicon.determiners.contains(tokens[k - 1].hash) || tokens[k - 1].hash == Hashes.that {
            let next = tokens[k + 1].isPunctuation(":") || tokens[k + 1].isPunctuation(",") ? k + 2 : k + 1
            if next < tokens.count, tokens[next].isQuotationMark { return true }
        }
        // `could only quip`: past an adverb to the word that shows a verb.
        var before = k - 1
        if before > floor, tokens[before].hash == Hashes.only || isAdverb(tokens[before]) { before -= 1 }
        guard before >= floor else { return false }
        let p = tokens[before]
        // `a note that read`: after a relative `that`, a verb.
        if p.hash == Hashes.that, relativeThat(at: before, floor: floor) != nil { return true }
        if Lexicon.determiners.contains(p.hash) || p.flags.contains(.possessive) { return false }
        if p.isPunctuation(",") || Lexicon.auxiliaries.contains(p.hash) || Lexicon.subjectPronouns.contains(p.hash) { return true }
        // After a noun, only an inflected form is a verb: `the spokesman notes`, `Trump claims`,
        // but `campaign message`, `Republican claims`.
        let inflected = NameFinder.endsWith(t, "s", s) || NameFinder.endsWith(t, "ed", s)
        if reader.nameAt[before] >= 0 { return inflected }
        return inflected && !p.isCapitalized && (Lexicon.personNouns.contains(p.hash) || Lexicon.institutionNouns.contains(p.hash))
    }

    private static let read = WordHash.of("read")

    /// `the 2014 report found`, `the poll also showed`, `the Senate Intelligence Committee found`:
    /// the noun before the verb (past adverbs and auxiliaries) reaches findings.
    private func isFindingSubject(before k: Int, floor: Int) -> Bool {
        let j = beforeVerbGroup(k, floor: floor)
        return j >= floor && tokens[j].isWord && Lexicon.findingSubjects.contains(tokens[j].hash)
    }

    /// The token before the verb group that the verb at `k` ends (`has also said`): back over
    /// auxiliaries and adverbs, at most a verb group's length, to `floor - 1` at the most.
    func beforeVerbGroup(_ k: Int, floor: Int) -> Int {
        var j = k - 1
        while j >= floor, k - j <= TokenWindow.verbGroup, tokens[j].isWord, Lexicon.auxiliaries.contains(tokens[j].hash) || isAdverb(tokens[j]) {
            j -= 1
        }
        return j
    }

    /// `say`, `tell` with no auxiliary or subject right before: `to say`, `would say` are not finite.
    func isBareBase(_ k: Int, floor: Int) -> Bool {
        guard Lexicon.baseForms.contains(tokens[k].hash), k - 1 >= floor else { return false }
        return tokens[k - 1].hash == Hashes.to
    }

    /// `took the stage and called`: a second verb sharing the clause's subject.
    func isCoordinated(_ k: Int, floor: Int) -> Bool {
        var c = k - 1
        while c >= floor, tokens[c].isWord, Lexicon.auxiliaries.contains(tokens[c].hash) { c -= 1 }
        guard c >= floor, tokens[c].isWord else { return false }
        return Self.coordinators.contains(tokens[c].hash)
    }

    /// Words joining two clauses or verbs (`and`, `but`).
    private static let coordinators = WordSet("and but then or yet")

    /// Words opening a subordinate clause (`when`, `although`).
    static let subordinators = WordSet("when while as after before because since if although though until whereas")

    // MARK: Subjects

    /// The subject of the verb at `k`: `Daalder said` · `Ivo Daalder, the U.S. Ambassador to
    /// NATO, said` · `Smith, who said` · `he told`.
    func subject(ofCueAt k: Int, floor: Int) -> ClauseSubject? {
        // `… to the mayor, said Ann Berg, a councillor.`: the subject follows the verb; the name
        // before the comma belongs to what comes before it.
        if hasInvertedSubject(k, floor: floor) { return nil }
        // `her campaign is planning to reprint`, `Lee wants to tell`: the subject of the verb that
        // governs the infinitive.
        if k - 2 > floor, tokens[k - 1].isWord, tokens[k - 1].hash == Hashes.to, isGoverningVerb(tokens[k - 2]),
           let governing = subject(ofCueAt: k - 2, floor: floor) {
            return ClauseSubject(phrase: governing.phrase, cue: span(k), antecedent: governing.antecedent)
        }
        var c = k - 1
        var aux = 0
        while c >= floor, aux < TokenWindow.verbGroup, tokens[c].isWord, Lexicon.auxiliaries.contains(tokens[c].hash) || isAdverb(tokens[c]) {
            c -= 1
            aux += 1
        }
        // `Paul D. Ryan, the nation's highest-ranking Republican, on Tuesday called`
        c = skipTimeBackward(c, floor: floor)
        // `The agency has, in a statement, called`: a parenthetical between the subject and its verb.
        c = skipParentheticalBackward(from: c, floor: floor)
        while c >= floor, aux < TokenWindow.verbGroupAcrossAside, tokens[c].isWord,
              Lexicon.auxiliaries.contains(tokens[c].hash) || isAdverb(tokens[c]) {
            c -= 1
            aux += 1
        }
        guard c >= floor else { return nil }
        if Lexicon.cues[tokens[k].hash] != .characterize, isPassive(k) { return nil }
        if let relative = reducedRelativeStart(c, floor: floor), let phrase = reader.backward(endingAt: relative - 1, floor: floor),
           phrase.kind != .pronoun {
            // `the marchers the Herald interviewed said`: the subject is before the relative clause.
            return ClauseSubject(phrase: phrase, cue: span(k))
        }
        var description: Range<Int>?
        var phrase: Phrase?
        if tokens[c].isWord, !tokens[c].flags.contains(.quoted), reader.backward(endingAt: c, floor: floor) == nil,
           let near = subjectAcrossAdverbial(from: c, floor: floor) {
            // `who has in the past described`: a short adverbial between subject and verb.
            c = near
        }
        if tokens[c].isPunctuation(",") {
            // `Gov. John Kasich (R-OH), said` · `Another delegate on the slate, Jim Poolman, said`:
            // a person's name right before the comma is the subject.
            // `…, curator at the Harbour Institute of Veldra, Portmoss, said`: the appositive holds the place.
            let near = reader.backward(endingAt: c - 1, floor: floor)
            let place = near.map { isPlaceAfterName($0, floor: floor) } ?? false
            // `Zimmerman, who identifies as Hispanic, told`: a relative clause between the commas,
            // whatever name ends it, belongs to the subject before it.
            let relative = isRelativeClause(endingAt: c, floor: floor)
                || near.map { endsRelativeClause($0, comma: c, floor: floor) || isObjectOfPreposition($0, floor: floor) } ?? false
            if let near, isPersonLike(near), !place, !relative {
                phrase = near
                var p = near.tokens.lowerBound - 1
                if p > floor, near.kind == .name, tokens[p].hash == Hashes.the { p -= 1 }  // `, the Harbour Ledger,`
                if p > floor, tokens[p].isPunctuation(",") {
                    let end = p
                    p -= 1
                    while p >= floor, end - p < TokenWindow.appositive, !tokens[p].isPunctuation(","), !tokens[p].isQuotationMark { p -= 1 }
                    if p + 1 < end, p < floor || !tokens[p].isQuotationMark {
                        description = (p + 1)..<end
                        // `Ann Lee, the editor of the city's paper, the Courier, said`: the name is an
                        // appositive inside the description; the person named first is the subject.
                        if reader.names[near.name ?? 0].kind != .person, near.kind == .name, p > floor, tokens[p].isPunctuation(","),
                           Lexicon.determiners.contains(tokens[p + 1].hash), let first = reader.backward(endingAt: p - 1, floor: floor),
                           first.kind == .name, isPersonLike(first) {
                            phrase = first
                            description = (p + 1)..<(c)
                        }
                    }
                }
            } else {
                // An appositive or relative clause between two commas.
                var p = place ? (near?.tokens.lowerBound ?? c) - 2 : c - 1
                while p >= floor, c - p < TokenWindow.betweenCommas, !tokens[p].isPunctuation(","), !tokens[p].isQuotationMark,
                      !tokens[p].isPunctuation(";") {
                    p -= 1
                }
                guard p > floor, tokens[p].isPunctuation(",") else { return nil }
                phrase = reader.backward(endingAt: p - 1, floor: floor)
                // `Cory Lee, 22, of Flint, Mich., said`: past an age, a place or a phrase after `of`,
                // back along the appositives to the person they describe.
                var hops = 0
                while hops < Self.appositiveHops, isAppositiveTail(phrase, endingAt: p - 1) {
                    var q = p - 1
                    while q > floor, p - q < TokenWindow.betweenCommas, !tokens[q].isPunctuation(","), !tokens[q].isQuotationMark,
                          !tokens[q].isPunctuation(";") {
                        q -= 1
                    }
                    guard q > floor, tokens[q].isPunctuation(",") else { break }
                    phrase = reader.backward(endingAt: q - 1, floor: floor)
                    p = q
                    hops += 1
                }
                description = (p + 1)..<c
                if let ph = phrase, ph.kind == .description, ph.tokens.count == 1 { phrase = nil }
            }
        } else if let relative = relativeThat(at: c, floor: floor) {
            // `a note that read "…"`: `that` as a relative pronoun, standing for the phrase before it.
            return ClauseSubject(phrase: Phrase(kind: .pronoun, tokens: c..<(c + 1), head: c), cue: span(k), antecedent: relative)
        } else {
            // A description of any noun speaks as the subject of a verb of saying or telling (not of
            // `called`: `a loophole called an "inversion"` names the loophole).
            let cue = Lexicon.cues[tokens[k].hash]
            phrase = reader.backward(endingAt: c, floor: floor, subject: cue == .speech || cue == .tell)
            // `A source speaking to the Herald said`: the phrase after a participle and its
            // preposition is its object; the subject is the noun the participle describes.
            if let object = phrase, let described = subjectBeforeParticiple(object, floor: floor) {
                phrase = described
            }
        }
        guard var found = phrase else { return nil }
        if let description, found.description == nil { found.description = description }
        var subject = ClauseSubject(phrase: found, cue: span(k))
        if found.kind == .pronoun, Hashes.isRelativePronoun(tokens[found.head].hash) {
            // `Smith, who said`: the relative pronoun stands for the phrase before its comma.
            var r = found.head - 1
            if r >= floor, tokens[r].isPunctuation(",") { r -= 1 }
            subject.antecedent = reader.backward(endingAt: r, floor: floor)
        }
        return subject
    }

    /// A verb of saying right after a comma, then a name or a person's description that ends
    /// the clause (`…, said Ann Berg.` · `…, said Ann Berg, a councillor,`): the subject is
    /// inverted after the verb.
    func hasInvertedSubject(_ k: Int, floor: Int) -> Bool {
        guard k - 1 >= floor, tokens[k - 1].isPunctuation(","), tokens[k].isWord, Lexicon.cues[tokens[k].hash] == .speech,
              k + 1 < tokens.count,
              let phrase = reader.forward(startingAt: k + 1, ceiling: min(tokens.count, k + 1 + TokenWindow.betweenCommas)),
              phrase.tokens.lowerBound == k + 1, !Self.timeWords.contains(tokens[phrase.head].hash),
              phrase.kind == .name && reader.names[phrase.name ?? 0].kind != .place || phrase.kind == .description && isPersonHead(phrase) else {
            return false
        }
        let next = phrase.tokens.upperBound
        guard next < tokens.count else { return true }
        let t = tokens[next]
        return t.isPunctuation(".") || t.isPunctuation(",") || t.isPunctuation(";") || t.isPunctuation("(")
    }

    /// The words between the comma at `c` and the comma before it are a clause or phrase set
    /// off after the subject, and a name ending them is no subject: they open with a relative
    /// pronoun (`, who has endorsed Clinton,`), a participle (`, recalling breakfasts with Ann
    /// Lee,` · `, asked about Tom Berg,`) or a preposition (`, after trading insults with Lee,`).
    private func isRelativeClause(endingAt c: Int, floor: Int) -> Bool {
        var p = c - 1
        while p > floor, c - p < TokenWindow.betweenCommas, !tokens[p].isPunctuation(","), !tokens[p].isQuotationMark,
              !tokens[p].isPunctuation(";") {
            p -= 1
        }
        guard p > floor, tokens[p].isPunctuation(","), p + 2 < c else { return false }
        let opener = tokens[p + 1]
        guard opener.isWord, !opener.isCapitalized else { return false }
        if Self.relativePronouns.contains(opener.hash) || Self.setOffPrepositions.contains(opener.hash) { return true }
        // A participle: a verb form in -ing or -ed that is no auxiliary (`, recalling …,`).
        return !Lexicon.auxiliaries.contains(opener.hash) && opener.end - opener.start > 4
            && (NameFinder.endsWith(opener, "ing", s) || NameFinder.endsWith(opener, "ed", s))
    }

    /// `, a former mayor who now runs the Harbour Institute,`: the name ending the words between
    /// the comma at `c` and the comma before it closes a relative clause (a `who`, `which` or
    /// `that` after a noun comes before it): it is that clause's object, not the subject.
    private func endsRelativeClause(_ name: Phrase, comma c: Int, floor: Int) -> Bool {
        var p = name.tokens.lowerBound - 1
        while p > floor, c - p < TokenWindow.betweenCommas, !tokens[p].isPunctuation(","), !tokens[p].isQuotationMark, !tokens[p].isPunctuation(";") {
            if tokens[p].isWord, Self.relativePronouns.contains(tokens[p].hash) || tokens[p].hash == Hashes.that,
               p - 1 > floor, tokens[p - 1].isWord, !tokens[p - 1].isCapitalized || reader.nameAt[p - 1] >= 0,
               Lexicon.cues[tokens[p - 1].hash] == nil, !Lexicon.stopWords.contains(tokens[p - 1].hash) {
                return true
            }
            p -= 1
        }
        return false
    }

    /// `, a spokeswoman for Tom Berg,` · `, forwarded to the Harbour Board,`: a name right after
    /// a preposition is its object, not the subject before the verb.
    private func isObjectOfPreposition(_ phrase: Phrase, floor: Int) -> Bool {
        var p = phrase.tokens.lowerBound - 1
        if p > floor, tokens[p].isWord, tokens[p].hash == Hashes.the { p -= 1 }
        return p >= floor && tokens[p].isWord && !tokens[p].isCapitalized && Self.objectPrepositions.contains(tokens[p].hash)
    }

    private static let objectPrepositions = WordSet("in at from for of with to by near on")

    /// The noun a participle describes when `object` follows the participle and a preposition
    /// (`a source speaking to the Herald`, `protesters marching toward City Hall`).
    private func subjectBeforeParticiple(_ object: Phrase, floor: Int) -> Phrase? {
        var preposition = object.tokens.lowerBound - 1
        if preposition > floor, tokens[preposition].isWord, Lexicon.determiners.contains(tokens[preposition].hash) { preposition -= 1 }
        let participle = preposition - 1
        guard participle - 1 >= floor, tokens[preposition].isWord, Self.participlePrepositions.contains(tokens[preposition].hash),
              tokens[participle].isWord, !tokens[participle].isCapitalized, tokens[participle].end - tokens[participle].start > 4,
              NameFinder.endsWith(tokens[participle], "ing", s),
              let described = reader.backward(endingAt: participle - 1, floor: floor, subject: true), described.kind != .pronoun,
              canSpeak(described) else { return nil }
        return described
    }

    private static let participlePrepositions = WordSet("to with for from at near in on outside inside toward towards")

    /// Prepositions that open a phrase set off between commas after a subject.
    private static let setOffPrepositions = WordSet("after before during despite with without like unlike amid following since")

    /// How many appositives are passed back to the person they describe.
    private static let appositiveHops = 3

    /// An appositive that is no speaker but describes one before it: an age or a number (no
    /// phrase), a place, or a phrase after `of`, `from`, `in` or `at` (`of Flint`, `, during a
    /// meeting in Portmoss, Maine,`).
    private func isAppositiveTail(_ phrase: Phrase?, endingAt j: Int) -> Bool {
        guard let phrase else { return j >= 0 && tokens[j].kind == .number }
        if phrase.kind == .name, reader.names[phrase.name ?? 0].kind == .place { return true }
        let before = phrase.tokens.lowerBound - 1
        return before >= 0 && tokens[before].isWord
            && (tokens[before].hash == Hashes.of || tokens[before].hash == Hashes.from || Self.placePrepositions.contains(tokens[before].hash))
    }

    private static let placePrepositions = WordSet("in at")

    private static let relativePronouns = WordSet("who whose whom which who's")

    /// `a note that read`, `letters that called him`: `that` right after a noun phrase (not after
    /// a verb: `said that`) is a relative pronoun; the phrase it stands for.
    private func relativeThat(at c: Int, floor: Int) -> Phrase? {
        guard c - 1 >= floor, tokens[c].isWord, tokens[c].hash == Hashes.that, tokens[c - 1].isWord,
              !tokens[c - 1].flags.contains(.quoted), Lexicon.cues[tokens[c - 1].hash] == nil || !isCueHere(c - 1, floor: floor),
              !Lexicon.stopWords.contains(tokens[c - 1].hash), !Lexicon.auxiliaries.contains(tokens[c - 1].hash),
              var phrase = reader.backward(endingAt: c - 1, floor: floor, subject: true), phrase.kind != .pronoun else { return nil }
        // `a letter from his doctor that says`: the document the phrase after it belongs to.
        let preposition = phrase.tokens.lowerBound - 1
        if preposition - 1 >= floor, tokens[preposition].isWord, Self.documentLinks.contains(tokens[preposition].hash),
           let outer = reader.backward(endingAt: preposition - 1, floor: floor, subject: true), outer.kind == .description,
           AttributionSieves.documentNouns.contains(tokens[outer.head].hash) {
            phrase = Phrase(kind: .description, tokens: outer.tokens.lowerBound..<phrase.tokens.upperBound, head: outer.head)
        }
        return phrase
    }

    private static let documentLinks = WordSet("from of by")

    /// A verb that takes an infinitive with its own subject (`planning to`, `wants to`, `tried to`):
    /// an inflected verb form, or one of the few such verbs in their base form.
    private func isGoverningVerb(_ t: Token) -> Bool {
        guard isVerbLike(t), Lexicon.cues[t.hash] == nil, !Lexicon.auxiliaries.contains(t.hash) else { return false }
        if Self.infinitiveVerbs.contains(t.hash) { return true }
        return t.end - t.start > 4 && (NameFinder.endsWith(t, "ing", s) || NameFinder.endsWith(t, "ed", s))
    }

    private static let infinitiveVerbs = WordSet("""
        want wants plan plans try tries hope hopes decide decides refuse refuses seem seems intend intends expect expects \
        need needs went goes
        """)

    /// `was retweeted`, `were quoted`, `is described`: a verb in -ed right after a form of `be`
    /// is passive, and its subject is no speaker (its agent after `by` is).
    func isPassive(_ k: Int) -> Bool {
        guard k > 0, tokens[k].isWord, NameFinder.endsWith(tokens[k], "ed", s) || Self.pastParticiples.contains(tokens[k].hash) else {
            return false
        }
        var b = k - 1
        if b > 0, isAdverb(tokens[b]) { b -= 1 }
        return tokens[b].isWord && Self.formsOfBe.contains(tokens[b].hash)
    }

    private static let formsOfBe = WordSet("is was were are be been being")
    private static let pastParticiples = WordSet("told written read said spoken")

    /// `I laughed and said`: the subject of the first verb, a few words before the `and`.
    func coordinatedSubject(_ k: Int, floor: Int) -> Phrase? {
        var c = k - 1
        while c >= floor, tokens[c].isWord, Lexicon.auxiliaries.contains(tokens[c].hash) { c -= 1 }
        var j = c - 1
        while j >= floor, c - j <= TokenWindow.firstClause {
            let t = tokens[j]
            guard t.isWord, !t.flags.contains(.quoted) else { return nil }
            // Not a possessive (`the Khans' son`): it describes a noun, it is no subject.
            let isSubject = Lexicon.subjectPronouns.contains(t.hash) && t.hash != Hashes.it
                || reader.nameAt[j] >= 0 && reader.names[Int(reader.nameAt[j])].tokens.upperBound - 1 == j && !t.flags.contains(.possessive)
            if isSubject, j + 1 < c, isVerbLike(tokens[j + 1]) || Lexicon.auxiliaries.contains(tokens[j + 1].hash) || isAdverb(tokens[j + 1]) {
                return reader.backward(endingAt: j, floor: floor)
            }
            j -= 1
        }
        return nil
    }

    /// The subject of the clause before token `k`: the phrase opening the sentence (after
    /// `But`, `Meanwhile`), or right after one of its first commas (`Last week, the Clinton
    /// campaign called …`, `the Daily Beast, which ran …`), with a verb after it.
    func clauseSubject(from floor: Int, before k: Int) -> Phrase? { clauseSubjectAndVerb(from: floor, before: k)?.phrase }

    func clauseSubjectAndVerb(from floor: Int, before k: Int) -> (phrase: Phrase, verb: Int)? {
        var starts = [floor]
        var i = floor
        while i < k, starts.count < Self.clauseStarts {
            if tokens[i].kind == .punctuation, Self.clauseSeparators.contains(tokens[i].hash), !isJoiningDash(i) { starts.append(i + 1) }
            i += 1
        }
        // `In Ohio, which votes next week, Ann Lee said …`: a `which` or `who` after a comma opens a
        // relative clause on the noun before it; the clause's own subject comes at a later start.
        var relative: (phrase: Phrase, verb: Int)?
        for start in starts {
            var j = start
            while j < k, tokens[j].isWord, Self.openers.contains(tokens[j].hash) { j += 1 }
            while j < k, tokens[j].kind == .punctuation, j - start < 2 { j += 1 }
            guard j < k, let phrase = reader.forward(startingAt: j, ceiling: k), canSpeak(phrase),
                  let verb = verbAfter(phrase, before: k) else {
                continue
            }
            if start > floor, phrase.kind == .pronoun,
               tokens[phrase.head].hash == Hashes.which || tokens[phrase.head].hash == Hashes.who {
                if relative == nil { relative = (phrase, verb.verb) }
                continue
            }
            if var name = verb.appositive {
                // `The new governor of the region, Tomas Berg, proposed`: the person named.
                name.description = phrase.tokens
                return (name, verb.verb)
            }
            return (phrase, verb.verb)
        }
        return relative
    }

    /// Words that open a sentence before its subject.
    /// How many clause starts are tried: the sentence's, then after each of its first separators.
    private static let clauseStarts = 4

    static let openers = WordSet("but and so yet then still meanwhile however also instead indeed now later earlier thus")

    /// `,` `—` `–` `)` `:`: what can come right before a clause's subject.
    private static let clauseSeparators: Set<UInt64> = [0x2C, 0x2014, 0x2013, 0x29, 0x3A]

    /// A dash between two words with no space (`Saffir–Simpson`, `2015–16`): inside a name, not
    /// between clauses.
    private func isJoiningDash(_ i: Int) -> Bool {
        guard i > 0, i + 1 < tokens.count, tokens[i].hash == 0x2013 || tokens[i].hash == 0x2014 else { return false }
        return tokens[i - 1].end == tokens[i].start && tokens[i + 1].start == tokens[i].end
    }

    /// The subject and verb of a subordinate clause (`when Lee said`, `even though he found`) that
    /// holds the quotation opening at token `open`: not one that ended before it (`after police
    /// fired, and …`).
    func subordinateClause(holding open: Int, floor: Int) -> (phrase: Phrase, verb: Int)? {
        var k = open - 1
        while k >= floor {
            let t = tokens[k]
            if t.isPunctuation(";") || t.isPunctuation(",") && Self.coordinators.contains(tokens[k + 1].hash) { return nil }
            // `Hours after …, Ann Lee wrote "…"`: a name or pronoun after a comma opens the main clause.
            if t.isPunctuation(","), k + 1 < open - 1, tokens[k + 1].isWord,
               reader.nameAt[k + 1] >= 0 || Lexicon.subjectPronouns.contains(tokens[k + 1].hash) {
                return nil
            }
            if t.isWord, Self.subordinators.contains(t.hash), let inner = clauseSubjectAndVerb(from: k + 1, before: open),
               inner.verb < open, inner.phrase.tokens.lowerBound == k + 1 {
                // `Although the IMF did not …, the fund referenced "…"`: a main clause after a comma
                // between them holds it (looked for only now: subordinate clauses are rare).
                for c in (k + 1)..<(open - 1) where tokens[c].isPunctuation(",") {
                    if let main = clauseSubjectAndVerb(from: c + 1, before: open), main.verb < open, main.phrase.tokens.lowerBound == c + 1 {
                        return nil
                    }
                }
                return inner
            }
            k -= 1
        }
        return nil
    }

    /// `the prosecutor, Ann Lee,`: the name set off by a comma right after a description.
    func appositiveName(after phrase: Phrase, ceiling: Int) -> Phrase? {
        let comma = phrase.tokens.upperBound
        guard comma + 1 < ceiling, tokens[comma].isPunctuation(","), reader.nameAt[comma + 1] >= 0,
              var name = reader.forward(startingAt: comma + 1, ceiling: ceiling), name.kind == .name, isPersonLike(name) else { return nil }
        name.description = phrase.tokens
        return name
    }

    /// `the Harbour Institute of Veldra, Portmoss,`: a lone name set off after an organisation's or
    /// a place's name is where it is, not a person (the speaker is before the appositive).
    private func isPlaceAfterName(_ phrase: Phrase, floor: Int) -> Bool {
        guard phrase.kind == .name, phrase.description == nil, let m = phrase.name, reader.names[m].words.count == 1 else { return false }
        let comma = phrase.tokens.lowerBound - 1
        guard comma - 1 > floor, tokens[comma].isPunctuation(","), reader.nameAt[comma - 1] >= 0 else { return false }
        let before = reader.names[Int(reader.nameAt[comma - 1])]
        return before.kind == .organization || before.kind == .place
    }

    /// `the people the Herald interviewed`, `the voters we met`: where a relative clause without
    /// `who` starts, when its verb (a past form) ends at `c`.
    private func reducedRelativeStart(_ c: Int, floor: Int) -> Int? {
        let verb = tokens[c]
        guard c - 2 >= floor, verb.isWord, !verb.isCapitalized, Lexicon.cues[verb.hash] == nil, NameFinder.endsWith(verb, "ed", s),
              !Lexicon.auxiliaries.contains(verb.hash) else { return nil }
        var start = c - 1
        if reader.nameAt[start] >= 0 {
            let mention = reader.names[Int(reader.nameAt[start])]
            guard mention.tokens.upperBound - 1 == start else { return nil }
            start = mention.title.isEmpty ? mention.tokens.lowerBound : mention.title.lowerBound
            if start - 1 >= floor, tokens[start - 1].hash == Hashes.the { start -= 1 }
        } else if !(tokens[start].isWord && Lexicon.subjectPronouns.contains(tokens[start].hash) && tokens[start].hash != Hashes.who
                    && tokens[start].hash != Hashes.which && tokens[start].hash != Hashes.it) {
            return nil
        }
        // The relative clause follows a noun for people (`marchers`, `officials`).
        guard start - 1 >= floor, tokens[start - 1].isWord, !tokens[start - 1].isCapitalized else { return nil }
        let noun = tokens[start - 1]
        let agentPlural = NameFinder.endsWith(noun, "ers", s) || NameFinder.endsWith(noun, "ors", s) || NameFinder.endsWith(noun, "ists", s)
        guard Lexicon.personNouns.contains(noun.hash) || agentPlural else { return nil }
        return start
    }

    /// A pronoun or name a few words before `c`, past a short adverbial (`in the past`,
    /// `on Twitter`), with only lower-case words and prepositions between.
    private func subjectAcrossAdverbial(from c: Int, floor: Int) -> Int? {
        var j = c
        while j >= floor, c - j < TokenWindow.adverbial {
            let t = tokens[j]
            guard t.isWord, !t.flags.contains(.quoted), Lexicon.cues[t.hash] == nil else { return nil }
            if j < c, Lexicon.subjectPronouns.contains(t.hash) || reader.nameAt[j] >= 0 && reader.names[Int(reader.nameAt[j])].tokens.upperBound - 1 == j {
                var after = j + 1
                while after < c, Lexicon.auxiliaries.contains(tokens[after].hash) { after += 1 }
                // `visitors who they think speak`: the relative pronoun is the subject, and the
                // pronoun only holds the belief.
                if after == c, j - 1 >= floor, tokens[j - 1].hash == Hashes.who || tokens[j - 1].hash == Hashes.whom { return nil }
                return Lexicon.stopWords.contains(tokens[after].hash) || after == c ? j : nil
            }
            if t.isCapitalized { return nil }
            j -= 1
        }
        return nil
    }

    // MARK: The verb after a subject

    /// Where the verb of a clause whose subject is `phrase` is, and the name in apposition to a
    /// description (`The new governor of the region, Tomas Berg, proposed`: `Tomas Berg`).
    private func verbAfter(_ phrase: Phrase, before k: Int) -> (verb: Int, appositive: Phrase?)? {
        var c = skipParenthesis(phrase.tokens.upperBound, ceiling: k)
        var appositive: Phrase?
        // `Senator Ben Cardin of Maryland`: where a named person is from.
        if phrase.kind == .name, c + 1 < k, tokens[c].hash == Hashes.of || tokens[c].hash == Hashes.from, reader.nameAt[c + 1] >= 0 {
            c = reader.names[Int(reader.nameAt[c + 1])].tokens.upperBound
        } else if phrase.kind == .name, c + 2 < k, tokens[c].hash == Hashes.of || tokens[c].hash == Hashes.from,
                  tokens[c + 1].hash == Hashes.the, let verb = pastVerb(afterNameAt: c + 2, before: k) {
            // `Ann Lee of the Portmoss Maritime Heritage Institute disputed`: a long name.
            c = verb
        } else if phrase.kind == .name, c + 1 < k, tokens[c].isWord, tokens[c].hash == Hashes.of || tokens[c].hash == Hashes.from {
            // `Mick Lee of the Blue Hills band reacted`: a short phrase, then a verb in the past.
            var p = c + 1
            while p < k, p - c <= TokenWindow.whereFrom, tokens[p].isWord, Lexicon.cues[tokens[p].hash] == nil,
                  tokens[p].isCapitalized || !NameFinder.endsWith(tokens[p], "ed", s) {
                p += 1
            }
            if p < k, p - c <= TokenWindow.whereFrom, tokens[p].isWord, !tokens[p].isCapitalized { c = p }
        }
        // `the new governor of the region, …`: a short phrase saying whose, before an appositive.
        if phrase.kind == .description, c < k, tokens[c].isWord, tokens[c].hash == Hashes.of {
            var p = c + 1
            while p < k, p - c <= TokenWindow.whose, tokens[p].isWord, !tokens[p].flags.contains(.quoted) { p += 1 }
            if p < k, p > c + 1, tokens[p].isPunctuation(",") { c = p }
        }
        // `Christie, New Jersey’s sitting governor, repeated`: an appositive between commas.
        if c < k, tokens[c].isPunctuation(",") {
            var p = c + 1
            while p < k, p - c < TokenWindow.appositive, !tokens[p].isPunctuation(","), !tokens[p].isQuotationMark { p += 1 }
            if p < k, tokens[p].isPunctuation(","), p > c + 1 {
                if phrase.kind == .description, reader.nameAt[p - 1] >= 0, let name = reader.backward(endingAt: p - 1, floor: c + 1),
                   name.kind == .name, name.tokens.lowerBound == c + 1, isPersonLike(name) {
                    appositive = name
                }
                c = p + 1
            }
        }
        c = skipParenthetical(from: c, ceiling: k)
        c = skipTimeForward(c, ceiling: k)
        var skipped = 0
        // `The survey itself found`: a reflexive stressing the subject, not a verb.
        while c < k, skipped < TokenWindow.verbGroup, tokens[c].isWord,
              Lexicon.auxiliaries.contains(tokens[c].hash) || isAdverb(tokens[c]) || skipped == 0 && Self.reflexives.contains(tokens[c].hash) {
            c += 1
            skipped += 1
        }
        guard c <= k, c < tokens.count else { return nil }
        if tokens[c].isWord, Self.timePrepositions.contains(tokens[c].hash) {
            // `Donald Trump on Thursday ratcheted up …`: a short time or place phrase first.
            var p = c + 1
            while p < k, p - c <= TokenWindow.timePhrase, tokens[p].isWord,
                  !isVerbLike(tokens[p]) || tokens[p].isCapitalized || Lexicon.determiners.contains(tokens[p].hash) {
                p += 1
            }
            if p < k, p - c <= TokenWindow.timePhrase, isVerbLike(tokens[p]) { return (p, appositive) }
        }
        guard isVerbLike(tokens[c]) || tokens[c].isWord && Lexicon.cues[tokens[c].hash] != nil else { return nil }
        return (c, appositive)
    }

    /// A verb in the past or of saying right after the name at `n` (`the Harbour Institute
    /// disputed`), or after its place (`the University of Veldra, Portmoss disputed`).
    private func pastVerb(afterNameAt n: Int, before k: Int) -> Int? {
        guard reader.nameAt[n] >= 0 else { return nil }
        var c = reader.names[Int(reader.nameAt[n])].tokens.upperBound
        if c + 2 < k, tokens[c].isPunctuation(","), reader.nameAt[c + 1] >= 0 {
            c = reader.names[Int(reader.nameAt[c + 1])].tokens.upperBound
        }
        guard c < k, tokens[c].isWord, !tokens[c].isCapitalized,
              Lexicon.cues[tokens[c].hash] != nil || NameFinder.endsWith(tokens[c], "ed", s) else { return nil }
        return c
    }

    private static let reflexives = WordSet("itself himself herself themselves myself ourselves yourself")

    private static let timePrepositions = WordSet("on in at during last this earlier")

    // MARK: What stands between a subject and its verb

    /// Before a time phrase that ends at `c` (`on Tuesday`, `last week`, `Friday`), or `c`.
    private func skipTimeBackward(_ c: Int, floor: Int) -> Int {
        // `Day said`: a time word inside a name is the name.
        guard c >= floor, tokens[c].isWord, Self.timeWords.contains(tokens[c].hash), reader.nameAt[c] < 0 else { return c }
        var j = c - 1
        while j >= floor, c - j < TokenWindow.timePhrase, tokens[j].isWord,
              Self.timeWords.contains(tokens[j].hash) || Self.timeOpeners.contains(tokens[j].hash) {
            j -= 1
        }
        return j
    }

    /// After a time phrase that starts at `c`, or `c`.
    func skipTimeForward(_ c: Int, ceiling: Int) -> Int {
        var j = c
        while j < ceiling, j - c < TokenWindow.timePhrase, tokens[j].isWord,
              Self.timeWords.contains(tokens[j].hash) || Self.timeOpeners.contains(tokens[j].hash) {
            j += 1
        }
        // Only a phrase that holds a time word counts (`on Tuesday`, not `on immigration`).
        for i in c..<j where Self.timeWords.contains(tokens[i].hash) { return j }
        return c
    }

    private static let timeWords = WordSet("""
        monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week weekend month year \
        morning afternoon evening night day days weeks months years earlier later recently ago
        """)

    private static let timeOpeners = WordSet("on last this that earlier late early in during over the a past next")

    /// Before a parenthetical between commas opened by a preposition that ends at `c` (the comma
    /// before the verb), or `c`.
    private func skipParentheticalBackward(from c: Int, floor: Int) -> Int {
        guard c > floor, tokens[c].isPunctuation(",") else { return c }
        var p = c - 1
        while p > floor, c - p < TokenWindow.parenthetical, !tokens[p].isPunctuation(","), !tokens[p].isQuotationMark,
              !tokens[p].isPunctuation(".") {
            p -= 1
        }
        guard p > floor, tokens[p].isPunctuation(","), p + 1 < c, tokens[p + 1].isWord,
              Self.parentheticalOpeners.contains(tokens[p + 1].hash) else { return c }
        return p - 1
    }

    /// Past a parenthetical between commas opened by a preposition (`, during his speech on
    /// Monday,` · `, in a statement,`) at `c`, or `c`.
    private func skipParenthetical(from c: Int, ceiling: Int) -> Int {
        var start = c
        if start < ceiling, tokens[start].isPunctuation(",") { start += 1 }
        guard start < ceiling, tokens[start].isWord, Self.parentheticalOpeners.contains(tokens[start].hash) else { return c }
        var p = start + 1
        while p < ceiling, p - start < TokenWindow.parenthetical, !tokens[p].isPunctuation(","), !tokens[p].isQuotationMark,
              !tokens[p].isPunctuation(".") {
            p += 1
        }
        return p < ceiling && tokens[p].isPunctuation(",") ? p + 1 : c
    }

    private static let parentheticalOpeners = WordSet("in on at during after before according speaking writing however though")

    /// Past a parenthesis at `c` (`(R-OH)`), or `c`.
    func skipParenthesis(_ c: Int, ceiling: Int) -> Int {
        guard c < ceiling, tokens[c].isPunctuation("(") else { return c }
        var k = c + 1
        while k < ceiling, k - c < TokenWindow.parenthesis, !tokens[k].isPunctuation(")") { k += 1 }
        return k < ceiling ? k + 1 : c
    }

    // MARK: Word classes

    /// People, institutions and the pronouns that stand for them; not places, not a dummy `it`.
    func canSpeak(_ phrase: Phrase) -> Bool {
        switch phrase.kind {
        case .pronoun:
            // A dummy `it` (`it's been common`, `it was clear`) says nothing.
            let next = phrase.tokens.upperBound
            return tokens[phrase.head].hash != Hashes.it || next < tokens.count && !Self.copulas.contains(tokens[next].hash)
                && tokens[next].start == tokens[phrase.head].end + 1
        case .name: return reader.names[phrase.name ?? 0].kind != .place
        case .description: return isPersonHead(phrase)
        }
    }

    private static let copulas = WordSet("is was be been has had seems seemed appears appeared would will")

    /// A lower-case word that can be a verb: not a stop word, determiner or pronoun.
    func isVerbLike(_ t: Token) -> Bool {
        t.isWord && !t.isCapitalized && !Lexicon.stopWords.contains(t.hash) && !Lexicon.determiners.contains(t.hash)
            && Lexicon.pronouns[t.hash] == nil && !Lexicon.personNouns.contains(t.hash)
    }

    /// A person's name or a personal pronoun (not an organisation or a place).
    private func isPersonLike(_ phrase: Phrase) -> Bool {
        switch phrase.kind {
        case .pronoun:
            let h = tokens[phrase.head].hash
            return h != Hashes.it && h != Hashes.which && h != Hashes.who
        case .name:
            let kind = reader.names[phrase.name ?? 0].kind
            return kind == .person || kind == .unknown
        case .description:
            return false
        }
    }

    /// A description whose head is a noun for a person or an institution (`the official`, `the agency`).
    func isPersonHead(_ phrase: Phrase) -> Bool {
        Lexicon.personNouns.contains(tokens[phrase.head].hash) || Lexicon.institutionNouns.contains(tokens[phrase.head].hash)
    }

    /// `gingerly`, `flatly`: an adverb between a subject and its verb.
    func isAdverb(_ t: Token) -> Bool {
        guard t.isWord, !t.isCapitalized, t.end - t.start > 4 else { return false }
        return t.hash != Hashes.only && NameFinder.endsWith(t, "ly", s)
    }

    /// The text of token `k`.
    func span(_ k: Int) -> TextSpan { TextSpan(tokens[k].start, tokens[k].end) }

    /// The verb at `k` as a quotation's cue when it is a verb of saying, writing, believing,
    /// proposing, reacting, describing or evaluating (`Lexicon.communicativeVerbs`); nil for
    /// any other verb (`hugged`, `crippled`).
    func communicativeCue(at k: Int) -> TextSpan? {
        Lexicon.communicativeVerbs.contains(tokens[k].hash) ? span(k) : nil
    }
}
