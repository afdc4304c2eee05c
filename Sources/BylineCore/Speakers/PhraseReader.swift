/// A noun phrase that can be the subject of a verb of saying.
struct Phrase {
    enum Kind {
        /// `he`, `she`, `they`, `it`, `who`.
        case pronoun
        /// A proper name, possibly after a description (`host Bill Maher`).
        case name
        /// A description with no name: `a senior administration official`, `the newspaper`.
        case description
    }

    var kind: Kind
    /// All the phrase's tokens.
    var tokens: Range<Int>
    /// The pronoun, or the description's head noun (`official`); for names, the last name token.
    var head: Int
    /// Index of the name mention, for `.name`.
    var name: Int?
    /// A description of the speaker: an appositive or the words before the name.
    var description: Range<Int>?
}

/// Reads noun phrases backwards from a verb (`… Daalder said`) or forwards from a position
/// (`said the official`), over the article's tokens, within bounds the caller gives.
struct PhraseReader {
    let tokens: [Token]
    let names: [NameMention]
    /// For each token, the index of the name mention holding it, or -1.
    let nameAt: [Int32]
    let s: UnsafeBufferPointer<Unicode.Scalar>

    /// Longest description read, in words.
    static let maxDescription = 10

    // MARK: Backwards

    /// The phrase that ends at token `j` (inclusive), not reaching before `floor`. With
    /// `subject`, the phrase is the subject of a verb of saying right after it, so a description
    /// of any noun speaks (`the radioman`, `a bartender`, `the survey`), not only of a noun the
    /// lexicon knows for people and institutions.
    func backward(endingAt j0: Int, floor: Int, subject: Bool = false) -> Phrase? {
        var j = j0
        guard j >= floor, j < tokens.count else { return nil }
        // `Sen. Bernie Sanders (I-Vt.) said`: step over a parenthesis.
        if tokens[j].isPunctuation(")") {
            var k = j - 1
            while k >= floor, j - k < TokenWindow.parenthesis, !tokens[k].isPunctuation("(") { k -= 1 }
            guard k > floor, tokens[k].isPunctuation("(") else { return nil }
            j = k - 1
        }
        let t = tokens[j]
        guard t.isWord, !t.flags.contains(.quoted) else { return nil }
        if Lexicon.subjectPronouns.contains(t.hash) {
            return Phrase(kind: .pronoun, tokens: j..<(j + 1), head: j)
        }
        var phrase: Phrase
        if nameAt[j] >= 0 {
            let m = Int(nameAt[j])
            let mention = names[m]
            // The name must end here: `Daalder said`, not `Daalder’s office said`.
            guard mention.tokens.upperBound - 1 == j else { return nil }
            let start = mention.title.isEmpty ? mention.tokens.lowerBound : mention.title.lowerBound
            // `Steve Scalise of Louisiana`: a place or institution after `of` belongs to the person before.
            // The window's floor bounds the search for a phrase, not the phrase: a lower-case `of`
            // keeps the sentence going, so the person before it may start a little earlier.
            // `Ann Lee of the Courier`: an article between the preposition and the name.
            let linker = start - 1 >= 0 && tokens[start - 1].hash == Hashes.the ? start - 2 : start - 1
            if mention.kind == .place || mention.kind == .organization, linker - 1 >= max(0, floor - 8),
               tokens[linker].hash == Hashes.of || tokens[linker].hash == Hashes.from, !tokens[linker].isCapitalized,
               nameAt[linker - 1] >= 0 {
                let person = names[Int(nameAt[linker - 1])]
                // Not a title alone (`a Senior Staff Attorney of the Foundation`): an appositive.
                if person.kind == .person || person.kind == .unknown, person.tokens.upperBound - 1 == linker - 1,
                   !Lexicon.personTitles.contains(tokens[linker - 1].hash),
                   var phrase = backward(endingAt: linker - 1, floor: min(floor, linker - 1)) {
                    phrase.tokens = phrase.tokens.lowerBound..<(j + 1)
                    return phrase
                }
            }
            let descriptionStart = describingWords(before: start, floor: floor)
            phrase = Phrase(kind: .name, tokens: descriptionStart..<(j + 1), head: j, name: m,
                            description: descriptionStart < start ? descriptionStart..<start : nil)
        } else {
            guard isDescriptionWord(t) else { return nil }
            var head = j
            var start = j
            var k = j - 1
            while k >= floor, j - k < Self.maxDescription {
                let u = tokens[k]
                guard u.isWord, !u.flags.contains(.quoted), !tokens[k + 1].flags.contains(.lineStart) else { break }
                if Lexicon.determiners.contains(u.hash) {
                    start = k
                    // `a member of the committee`: the head is the noun before `of` (but in `one of
                    // the members`, still `members`).
                    if let before = personBeforePreposition(k - 1, floor: floor) {
                        if !Self.quantities.contains(tokens[before].hash) { head = before }
                        start = before
                        k = before - 1
                        continue
                    }
                    break
                }
                // A name's words are the name's, whatever else they are (`a Washington Post editorial`).
                if nameAt[k] >= 0 {
                    start = k
                    k -= 1
                    continue
                }
                if Lexicon.stopWords.contains(u.hash) || Lexicon.cues[u.hash] != nil || Lexicon.auxiliaries.contains(u.hash) {
                    if let before = personBeforePreposition(k, floor: floor) {
                        if !Self.quantities.contains(tokens[before].hash) { head = before }
                        start = before
                        k = before - 1
                        continue
                    }
                    break
                }
                if nameAt[k] >= 0 || u.flags.contains(.possessive) || isDescriptionWord(u) {
                    start = k
                    k -= 1
                    continue
                }
                break
            }
            guard isValidDescription(head: head) || subject && isSubjectDescription(start..<(j + 1), head: head) else {
                return nil
            }
            phrase = Phrase(kind: .description, tokens: start..<(j + 1), head: head)
        }
        // `a spokesman for the White House`: the person before the preposition is the speaker
        // (past an adjective left out of the name: `the government of North Veldra`).
        var preposition = phrase.tokens.lowerBound - 1
        if phrase.kind == .name, preposition > floor, tokens[preposition].isCapitalized,
           Lexicon.nameClass(tokens[preposition].hash).contains(.adjective) {
            preposition -= 1
        }
        // `scientists from the Veldra Institute and Portmoss College`: the people from both.
        if phrase.kind == .name, preposition - 1 > floor, tokens[preposition].isWord, tokens[preposition].hash == Hashes.and,
           nameAt[preposition - 1] >= 0 {
            let other = names[Int(nameAt[preposition - 1])]
            let start = other.title.isEmpty ? other.tokens.lowerBound : other.title.lowerBound
            let linker = start - 1 >= 0 && tokens[start - 1].hash == Hashes.the ? start - 2 : start - 1
            if other.tokens.upperBound == preposition, personBeforePreposition(linker, floor: floor) != nil { preposition = linker }
        }
        if let person = personBeforePreposition(preposition, floor: floor) {
            var start = person
            var k = person - 1
            while k >= floor, person - k < 5, tokens[k].isWord, !Lexicon.stopWords.contains(tokens[k].hash) || Lexicon.determiners.contains(tokens[k].hash) {
                start = k
                if Lexicon.determiners.contains(tokens[k].hash) { break }
                k -= 1
            }
            phrase = Phrase(kind: .description, tokens: start..<phrase.tokens.upperBound, head: person)
        }
        return phrase
    }

    /// Words before a name that describe the person (`Clinton’s top foreign policy aide`,
    /// `former Utah governor`, `host`): the index where they start, or `start` if none.
    private func describingWords(before start: Int, floor: Int) -> Int {
        var k = start - 1
        var result = start
        while k >= floor, start - k <= 7 {
            let u = tokens[k]
            guard u.isWord, !u.flags.contains(.quoted) else { break }
            if Lexicon.determiners.contains(u.hash) {
                if result < start { result = k }
                break
            }
            if Lexicon.stopWords.contains(u.hash) || Lexicon.cues[u.hash] != nil || Lexicon.auxiliaries.contains(u.hash)
                || Lexicon.subjectPronouns.contains(u.hash) {
                break
            }
            if u.isCapitalized, !u.flags.contains(.possessive), nameAt[k] < 0, u.flags.contains(.sentenceStart) { break }
            result = k
            k -= 1
        }
        // Only keep it when it names a role (`aide`, `governor`, `host`): otherwise it is
        // another part of the sentence.
        if result < start {
            var hasRole = false
            for k in result..<start where tokens[k].isWord && !tokens[k].isCapitalized {
                if Lexicon.personNouns.contains(tokens[k].hash) || Lexicon.personTitles.contains(tokens[k].hash) {
                    hasRole = true
                }
            }
            if !hasRole { return start }
        }
        return result
    }

    /// `member of`, `spokesman for`, `analyst at`: the person noun before a preposition at `k`.
    private func personBeforePreposition(_ k: Int, floor: Int) -> Int? {
        guard k - 1 >= floor, k < tokens.count, tokens[k].isWord, Self.linkingPrepositions.contains(tokens[k].hash) else { return nil }
        let noun = tokens[k - 1]
        guard noun.isWord, !noun.isCapitalized || noun.flags.contains(.sentenceStart),
              Lexicon.personNouns.contains(noun.hash) || Self.quantities.contains(noun.hash)
                || tokens[k].hash == Hashes.of && Self.governingBodies.contains(noun.hash) else { return nil }
        return k - 1
    }

    /// `the government of North Veldra`: the body speaks, not the place it governs.
    private static let governingBodies = WordSet("government administration ministry embassy council court parliament")

    private static let linkingPrepositions = WordSet("of for at with from in")
    private static let quantities = WordSet("one some many most each none all both several two three few any")

    // MARK: Forwards

    /// The phrase starting at token `i`, not reaching `ceiling`. With `subject`, as `backward`.
    func forward(startingAt i: Int, ceiling: Int, subject: Bool = false) -> Phrase? {
        guard i < ceiling, i < tokens.count else { return nil }
        let t = tokens[i]
        guard t.isWord, !t.flags.contains(.quoted) else { return nil }
        if Lexicon.subjectPronouns.contains(t.hash) {
            return Phrase(kind: .pronoun, tokens: i..<(i + 1), head: i)
        }
        var k = i
        var lastName: Int?
        var head = i
        var end = i
        while k < ceiling, k - i < Self.maxDescription {
            let u = tokens[k]
            guard u.isWord, !u.flags.contains(.quoted), k == i || !u.flags.contains(.lineStart) else { break }
            if nameAt[k] >= 0 {
                let m = Int(nameAt[k])
                let mention = names[m]
                let last = mention.tokens.upperBound - 1
                guard last < ceiling else { break }
                lastName = m
                head = last
                end = last + 1
                k = last + 1
                // A possessive name describes what follows (`Clinton’s top aide Jake Sullivan`), and
                // so does a name before a role (`the Florida senator`, `Clinton spokesman Brian Fallon`).
                if tokens[last].flags.contains(.possessive) { continue }
                if k < ceiling, tokens[k].isWord, !tokens[k].isCapitalized, isRoleNoun(tokens[k].hash) { continue }
                // `UCL astronomer Ann Lee`: an institution, a noun for a job, then the person's name.
                if let person = nameAfterJobNoun(k, ceiling: ceiling) {
                    k = person
                    continue
                }
                break
            }
            if Lexicon.determiners.contains(u.hash) {
                // A determiner opens the phrase; one further on opens another (`watched the police`).
                guard k == i else { break }
                end = k + 1
                k += 1
                continue
            }
            if Lexicon.stopWords.contains(u.hash) {
                // `a member of the committee`, `a spokesman for the campaign`
                if Self.linkingPrepositions.contains(u.hash), k > i, Lexicon.personNouns.contains(tokens[k - 1].hash) || Self.quantities.contains(tokens[k - 1].hash) {
                    var m = k + 1
                    while m < ceiling, m - i < Self.maxDescription + 4, tokens[m].isWord,
                          !Lexicon.stopWords.contains(tokens[m].hash) || Lexicon.determiners.contains(tokens[m].hash),
                          Lexicon.cues[tokens[m].hash] == nil {
                        m += 1
                    }
                    end = m
                    k = m
                }
                break
            }
            if Lexicon.cues[u.hash] != nil {
                // `the report said`, `the email goes on`: a cue word used as a noun.
                let nounUse = Lexicon.ambiguousCues.contains(u.hash) && k > i && k + 1 < ceiling
                    && (isCue(tokens[k + 1]) || Lexicon.auxiliaries.contains(tokens[k + 1].hash)
                        || Lexicon.determiners.contains(tokens[k - 1].hash) || tokens[k - 1].flags.contains(.possessive))
                guard nounUse else { break }
            }
            if Lexicon.auxiliaries.contains(u.hash) { break }
            // A subject ends before its verb (`The retired surgeon addressed`, `Another notes`).
            if subject, k > i, !u.isCapitalized, Lexicon.cues[u.hash] != nil || u.end - u.start > 4 && NameFinder.endsWith(u, "ed", s) { break }
            guard isDescriptionWord(u) || u.flags.contains(.possessive) else { break }
            // After a role noun only another noun of the compound goes on (`campaign manager`):
            // the next word is most likely the verb (`right-hand woman rallied`), but never an
            // acronym (`the campaign TV ad`).
            if head > i || k > i, isRoleNoun(tokens[head].hash), head == k - 1, !isRoleNoun(u.hash), !u.flags.contains(.possessive),
               !u.flags.contains(.allCaps) {
                break
            }
            head = k
            end = k + 1
            k += 1
        }
        if let m = lastName, head == names[m].tokens.upperBound - 1, !tokens[head].flags.contains(.possessive) {
            let start = names[m].title.isEmpty ? names[m].tokens.lowerBound : names[m].title.lowerBound
            return Phrase(kind: .name, tokens: i..<end, head: head, name: m,
                          description: i < start ? i..<start : nil)
        }
        guard end > i, isValidDescription(head: head) || subject && isSubjectDescription(i..<end, head: head) else { return nil }
        return Phrase(kind: .description, tokens: i..<end, head: head)
    }

    /// The token starting a person's name of two words or more after one or two lower-case
    /// nouns at `k` (`astronomer Ann Lee`, `study co-author Tak Wong`).
    private func nameAfterJobNoun(_ k: Int, ceiling: Int) -> Int? {
        var r = k
        while r < ceiling, r - k < 2, tokens[r].isWord, !tokens[r].isCapitalized, !tokens[r].flags.contains(.quoted),
              isDescriptionWord(tokens[r]), !Lexicon.determiners.contains(tokens[r].hash) {
            r += 1
        }
        guard r > k, r < ceiling, nameAt[r] >= 0, isAgentNoun(tokens[r - 1]) else { return nil }
        let mention = names[Int(nameAt[r])]
        let start = mention.title.isEmpty ? mention.tokens.lowerBound : mention.title.lowerBound
        guard start == r, mention.words.count >= 2, mention.kind == .person || mention.kind == .unknown else { return nil }
        return r
    }

    /// A noun for someone who does a job: a role noun, or a word ending like one (`astronomer`,
    /// `co-author`, `physicist`, `historian`).
    func isAgentNoun(_ t: Token) -> Bool {
        guard t.isWord else { return false }
        if isRoleNoun(t.hash) { return true }
        return NameFinder.endsWith(t, "er", s) || NameFinder.endsWith(t, "or", s) || NameFinder.endsWith(t, "ist", s)
            || NameFinder.endsWith(t, "ian", s)
    }

    // MARK: Shared

    /// A word that can be part of a description: not a stop word, cue, pronoun or auxiliary.
    func isDescriptionWord(_ t: Token) -> Bool {
        guard t.isWord else { return false }
        if let cue = Lexicon.cues[t.hash], cue != .speech || !Lexicon.ambiguousCues.contains(t.hash) { return false }
        return !Lexicon.stopWords.contains(t.hash) && !Lexicon.auxiliaries.contains(t.hash) && Lexicon.pronouns[t.hash] == nil
    }

    /// A verb of saying that is not also a common noun.
    func isCue(_ t: Token) -> Bool {
        t.isWord && Lexicon.cues[t.hash] != nil && !Lexicon.ambiguousCues.contains(t.hash)
    }

    func isRoleNoun(_ h: UInt64) -> Bool {
        Lexicon.personNouns.contains(h) || Lexicon.institutionNouns.contains(h) || Lexicon.personTitles.contains(h)
    }

    /// A description that is the subject of a verb of saying speaks whatever its noun: a noun
    /// phrase opened by a determiner or an owner (`the radioman`, `a bartender`, `Ann's lawyer`,
    /// `the survey`), or a lone quantity (`Several said`, `Another added`).
    private func isSubjectDescription(_ range: Range<Int>, head: Int) -> Bool {
        let first = tokens[range.lowerBound]
        let h = tokens[head]
        guard h.isWord, !h.flags.contains(.quoted), !Self.timeNouns.contains(h.hash) else { return false }
        if range.count == 1 { return Self.quantityPronouns.contains(h.hash) }
        guard !h.isCapitalized || h.flags.contains(.allCaps), !Lexicon.determiners.contains(h.hash) else { return false }
        // After a preposition it is an object (`in the past described`), no subject.
        let before = range.lowerBound - 1
        if before >= 0, tokens[before].isWord, Lexicon.stopWords.contains(tokens[before].hash) { return false }
        return Lexicon.determiners.contains(first.hash) || first.flags.contains(.possessive)
    }

    /// Quantities that stand alone for people (`Several said`, `Another added`, `Many say`).
    private static let quantityPronouns = WordSet("another several many some few others both most one")

    /// Nouns of time, never a speaker (`a day later said`).
    private static let timeNouns = WordSet("""
        day days week weeks month months year years time times morning afternoon evening night hour hours minute \
        minutes moment decade decades weekend past future
        """)

    /// A description speaks when it names a person or an institution, or opens with a determiner.
    func isValidDescription(head: Int) -> Bool {
        isRoleNoun(tokens[head].hash) || tokens[head].flags.contains(.age)
    }
}
