/// Turns attributions into identities (names, resolved pronouns, anonymous sources), gives
/// quotations still without a speaker their neighbours' (rules `same-sentence`,
/// `previous-sentence`, `continuation`, `introduced-by-colon`, `continuation-paragraph`,
/// `previous-paragraph`), and builds the article's `Speaker` list.
struct SpeakerAssembly {
    let article: Article
    let s: UnsafeBufferPointer<Unicode.Scalar>
    let tokens: [Token]
    /// Indices of the tokens that are pronouns.
    let pronounCandidates: [Int]
    /// The first token of each sentence.
    let sentenceTokens: [Int]
    let names: [NameMention]
    var entities: [Entity]
    /// Mentions of identities other than their names (pronouns, descriptions), in no order.
    var otherMentions: [(entity: Int, span: TextSpan)] = []
    /// The roles that titles and appositives give named identities (`Sen.` as `senator`,
    /// `ambassador`), for linking `the senator` to the senator named before: keyed by identity
    /// and role together, and by role alone.
    var roles = IntTable(capacity: 64)
    let quotes: [DetectedQuote]
    let sieves: AttributionSieves
    /// An interview's turns: the first token of each `((Ann Lee))` label and whose turn it opens.
    var turns: [(token: Int, entity: Int)] = []

    /// What each quotation ends up with.
    private struct Assigned {
        var entity = -1
        var mention: TextSpan?
        var cue: TextSpan?
        var rule: AttributionRule?
        var cueText: String?
        /// The speaker ranker's note when it overrode the rules.
        var explanation: String?
        /// The inner source of a nested attribution (`Quote.via`).
        var via: String?
    }

    mutating func run(_ attributions: [Attribution?]) -> QuoteAnalyzer.Result {
        for mention in names where mention.entity >= 0 && !mention.title.isEmpty {
            addRoleWords(mention.title, to: mention.entity)
        }
        var assigned = [Assigned](repeating: Assigned(), count: quotes.count)
        var speakingPhrases: [(token: Int, entity: Int)] = []
        for (q, found) in attributions.enumerated() {
            guard let att = found, !isWeakSpeakerOfUnspokenWords(att, q) else { continue }
            assigned[q].mention = mentionSpan(att.phrase)
            assigned[q].cue = att.cue
            assigned[q].rule = att.rule
            assigned[q].explanation = att.explanation
            if att.rule == .label { assigned[q].cueText = ":" }
            if let e = identity(att.subject) {
                assigned[q].entity = e
                speakingPhrases.append((att.phrase.head, e))
            }
        }
        speakingPhrases.sort { $0.token < $1.token }
        var labelNames: [Int] = []
        for (m, mention) in names.enumerated() where mention.entity >= 0 && isTurnLabel(mention) {
            labelNames.append(m)
            turns.append((mention.tokens.lowerBound, mention.entity))
        }
        let pronouns = PronounResolver.resolve(tokens, candidates: pronounCandidates, names, &entities, speakingPhrases: speakingPhrases,
                                               sentenceTokens: sentenceTokens, turnLabels: labelNames)
        for (q, found) in attributions.enumerated() {
            guard let att = found, att.phrase.kind == .pronoun, assigned[q].entity < 0 || tokens[att.phrase.head].flags.contains(.sentenceStart)
            else { continue }
            if let e = describedAntecedent(ofPronounAt: att.phrase.head) {
                assigned[q].entity = e
                continue
            }
            guard assigned[q].entity < 0 else { continue }
            if let e = pronouns[att.phrase.head] ?? turnSpeaker(ofFirstPerson: att.phrase.head) {
                assigned[q].entity = e
                entities[e].speaks = true
            }
        }
        for (k, e) in pronouns.pairs {
            if let p = Lexicon.pronouns[tokens[k].hash], p == .male || p == .female {
                otherMentions.append((e, TextSpan(tokens[k].start, tokens[k].end)))
            }
        }
        for (q, found) in attributions.enumerated() {
            if let inner = found?.via, assigned[q].mention != nil { assigned[q].via = viaName(inner, pronouns) }
        }
        for (q, found) in attributions.enumerated() {
            guard let att = found, att.phrase.kind == .name, assigned[q].entity >= 0,
                  let k = nearerSubjectPronoun(after: att.phrase, quote: q, entity: assigned[q].entity, pronouns)
            else { continue }
            assigned[q].mention = TextSpan(tokens[k].start, tokens[k].end)
        }
        fillFromNeighbours(&assigned, pronouns)
        return build(assigned)
    }

    /// Words that read like a name, a label or a mention (`added the words "…"`) stay only if
    /// someone says them: a person, an institution, a name or a pronoun, not a description of a
    /// thing that is the subject of the verb (`The file added the words "…"`).
    private func isWeakSpeakerOfUnspokenWords(_ att: Attribution, _ q: Int) -> Bool {
        quotes[q].unspokenRule != nil && att.phrase.kind == .description && !sieves.reader.isValidDescription(head: att.phrase.head)
    }

    // MARK: Identities

    private func mentionSpan(_ phrase: Phrase) -> TextSpan {
        switch phrase.kind {
        case .name:
            return names[phrase.name ?? 0].span
        case .pronoun:
            return TextSpan(tokens[phrase.head].start, tokens[phrase.head].end)
        case .description:
            return TextSpan(tokens[phrase.tokens.lowerBound].start, tokens[phrase.tokens.upperBound - 1].end)
        }
    }

    /// The subject pronoun that stands for a name's identity between the name and quotation `q`,
    /// in their sentence, when it is the subject nearer the quotation: in `Ann Lee has fought
    /// the plan, and she called it "a farce"` or `Tom Berg opposed the ferry, but as mayor he
    /// signed a bill to fund "a faster boat"`, the quotation's speaker mention is the pronoun,
    /// resolved to the name's identity (the identity does not change). After a verb of saying
    /// (`Ann Lee said she was "calm"`) a pronoun stands in the clause that verb governs, and is
    /// taken only as the subject of a verb of saying or believing of its own (`Ann Lee said
    /// that, though she doubts it, she thinks the count is "final"`).
    private func nearerSubjectPronoun(after phrase: Phrase, quote q: Int, entity: Int, _ pronouns: PronounResolver.Result) -> Int? {
        let open = tokens.firstIndex(startingAtOrAfter: quotes[q].span.start)
        var best: Int?
        var governed = false
        var k = phrase.tokens.upperBound
        while k < open, k < tokens.count {
            let t = tokens[k]
            // Its sentence only.
            if t.flags.contains(.sentenceStart) { return nil }
            if t.isWord, !t.flags.contains(.quoted) {
                if Self.personalSubjectPronouns.contains(t.hash), pronouns[k] == entity, !governed || isSubjectOfCommunicativeVerb(k) {
                    best = k
                } else if Lexicon.cues[t.hash] != nil, sieves.grammar.isCueHere(k, floor: phrase.tokens.upperBound) {
                    governed = true
                }
            }
            k += 1
        }
        return best
    }

    /// `he`, `she`, `they`, `it`: personal pronouns in the subject's form (`him`, `her`, `them`
    /// are objects or owners).
    private static let personalSubjectPronouns: Set<UInt64> = [Hashes.he, Hashes.she, Hashes.they, Hashes.it]

    /// `he has long argued`: an adverb between a subject and its verb that does not end in -ly.
    private static let long = WordHash.of("long")

    /// The pronoun at `k` is followed, past auxiliaries and adverbs, by a verb of saying,
    /// writing or believing (`she believes`, `he has long argued`, `she actually thinks`).
    private func isSubjectOfCommunicativeVerb(_ k: Int) -> Bool {
        var v = k + 1
        while v < tokens.count, v - k <= TokenWindow.verbGroup, tokens[v].isWord,
              Lexicon.auxiliaries.contains(tokens[v].hash) || NameFinder.endsWith(tokens[v], "ly", s) || tokens[v].hash == Self.long {
            v += 1
        }
        guard v < tokens.count, tokens[v].isWord, Lexicon.communicativeVerbs.contains(tokens[v].hash) else { return false }
        return Lexicon.cues[tokens[v].hash] == nil || sieves.grammar.isCueHere(v, floor: k)
    }

    /// The name a nested attribution's inner source goes by: its identity's fullest name, a
    /// pronoun's antecedent's, or the words of a description (or of an unresolved pronoun).
    private func viaName(_ phrase: Phrase, _ pronouns: PronounResolver.Result) -> String? {
        var entity = -1
        switch phrase.kind {
        case .name: entity = names[phrase.name ?? 0].entity
        case .pronoun: entity = pronouns[phrase.head] ?? -1
        case .description: break
        }
        if entity >= 0, entities[entity].best >= 0 { return text(names[entities[entity].best].span) }
        return text(mentionSpan(phrase))
    }

    /// The identity a clause's subject names, creating one for a description.
    private mutating func identity(_ subject: ClauseSubject) -> Int? {
        var phrase = subject.phrase
        if phrase.kind == .pronoun {
            let relative = Hashes.isRelativePronoun(tokens[phrase.head].hash)
            guard relative, let antecedent = subject.antecedent else { return nil }
            phrase = antecedent
            if phrase.kind == .pronoun { return nil }
        }
        switch phrase.kind {
        case .name:
            let e = names[phrase.name ?? 0].entity
            guard e >= 0 else { return nil }
            entities[e].speaks = true
            switch entities[e].kind {
            case .unknown:
                // `the United States Constitution says`: a name ending in a noun for an institution
                // or a document speaks as an organisation.
                let last = entities[e].best >= 0 ? names[entities[e].best].words.last : 0
                let institution = Lexicon.institutionNouns.contains(last) && !Lexicon.personNouns.contains(last)
                entities[e].kind = institution ? .organization : .person
            case .place: entities[e].kind = .organization
            case .person, .organization: break
            }
            if let d = phrase.description { addRoleWords(d, to: e) }
            if entities[e].description == nil, let d = phrase.description, let span = descriptionSpan(d) {
                entities[e].description = span
            }
            if entities[e].kind == .person, entities[e].gender == .unknown, let d = phrase.description {
                for k in d where tokens[k].isWord {
                    if Lexicon.maleTitles.contains(tokens[k].hash) { entities[e].gender = .male }
                    if Lexicon.femaleTitles.contains(tokens[k].hash) { entities[e].gender = .female }
                }
            }
            return e
        case .description:
            return describedIdentity(phrase)
        case .pronoun:
            return nil
        }
    }

    /// `a senior administration official` is a new anonymous source; `the official` after it
    /// is the same one; `the newspaper` is an institution.
    private static let this = WordHash.of("this")

    private mutating func describedIdentity(_ phrase: Phrase) -> Int {
        let head = tokens[phrase.head].hash
        let first = tokens[phrase.tokens.lowerBound]
        let definite = first.hash == Hashes.the || first.hash == Self.this || first.hash == Hashes.that
        if definite, let e = entities.lastIndex(where: { $0.head == head && $0.descriptionName != nil }) {
            entities[e].speaks = true
            return e
        }
        if let e = organizationNamed(in: phrase) {
            // `the Heritage Foundation website`: the organisation the description names.
            entities[e].speaks = true
            return e
        }
        if definite, let issuer = sieves.earlierIssuer(ofDocumentAt: phrase.head), issuer.phrase.kind == .name,
           let e = names[issuer.phrase.name ?? 0].entity as Int?, e >= 0 {
            // `the statement` that `Acme` released before: Acme's words.
            entities[e].speaks = true
            return e
        }
        if definite, let e = namedIdentity(forHead: head, before: tokens[phrase.tokens.lowerBound].start) {
            // `the senator` after `Sen. Ann Lee`, `the company` after `Acme Corp.`: the one named.
            entities[e].speaks = true
            return e
        }
        // The same description again (`RIAA's notice` twice): the same source.
        let key = exactHash(TextSpan(tokens[phrase.tokens.lowerBound].start, tokens[phrase.tokens.upperBound - 1].end))
        if let e = entities.lastIndex(where: { $0.descriptionKey == key && $0.descriptionName != nil }) {
            entities[e].speaks = true
            return e
        }
        var start = phrase.tokens.lowerBound
        // `a senior official` is named `senior official`; `one of the members` keeps its `one`.
        let quantityOf = start + 1 < phrase.tokens.upperBound && tokens[start + 1].hash == Hashes.of
        if Lexicon.determiners.contains(first.hash), start < phrase.tokens.upperBound - 1, !quantityOf { start += 1 }
        let name = TextSpan(tokens[start].start, tokens[phrase.tokens.upperBound - 1].end)
        let institution = Lexicon.institutionNouns.contains(head) && !Lexicon.personNouns.contains(head)
        var entity = Entity(kind: institution ? .organization : .person)
        entity.anonymous = !institution
        entity.plural = NameFinder.endsWith(tokens[phrase.head], "s", s) && !NameFinder.endsWith(tokens[phrase.head], "ss", s)
        entity.descriptionName = name
        entity.descriptionKey = key
        entity.head = head
        entity.speaks = true
        entity.firstOffset = tokens[phrase.tokens.lowerBound].start
        entities.append(entity)
        return entities.count - 1
    }

    /// Records the roles a title or an appositive (`range`) gives identity `e`: its nouns for
    /// people and titles, unless a qualifier makes them another role (`Vice President`,
    /// `former governor`, `deputy minister`).
    private mutating func addRoleWords(_ range: Range<Int>, to e: Int) {
        var qualified = false
        for k in range where tokens[k].isWord {
            let word = tokens[k].hash
            if Self.roleQualifiers.contains(word) {
                qualified = true
                continue
            }
            let role = Self.titleRoles[word] ?? word
            guard Lexicon.personTitles.contains(word) || Lexicon.personNouns.contains(word) || Self.titleRoles[word] != nil else {
                continue
            }
            if !qualified {
                roles[Self.roleKey(e, role)] = 1
                roles[role] = 1
            }
            qualified = false
        }
    }

    private static func roleKey(_ e: Int, _ role: UInt64) -> UInt64 { (UInt64(e + 1) &* 0x9E37_79B9_7F4A_7C15) ^ role }

    /// Words that make a title another role than its noun alone.
    private static let roleQualifiers = WordSet("vice deputy assistant former associate lieutenant acting ex under co")

    /// Abbreviated titles and the noun a later description uses for them.
    private static let titleRoles = WordMap<UInt64>([
        ("sen", "senator"), ("sens", "senator"), ("rep", "representative"), ("reps", "representative"),
        ("gov", "governor"), ("govs", "governor"), ("gen", "general"), ("pres", "president"), ("sec", "secretary"),
        ("secy", "secretary"), ("prof", "professor"), ("dr", "doctor"), ("lt", "lieutenant"), ("col", "colonel"),
        ("capt", "captain"), ("sgt", "sergeant"), ("adm", "admiral"), ("amb", "ambassador"), ("atty", "attorney"),
        ("supt", "superintendent"), ("det", "detective"), ("insp", "inspector"), ("rev", "reverend"),
        ("congressman", "representative"), ("congresswoman", "representative"), ("premier", "premier"),
    ].map { ($0.0, WordHash.of($0.1)) })

    /// Nouns a description uses for several titles: `the lawmaker` for a senator or a representative.
    private static let roleSynonyms = WordMap<[UInt64]>([
        ("lawmaker", ["senator", "representative"]), ("congressman", ["representative"]), ("congresswoman", ["representative"]),
        ("legislator", ["senator", "representative"]), ("doctor", ["doctor", "physician", "surgeon"]),
    ].map { ($0.0, $0.1.map(WordHash.of)) })

    /// Nouns for a news organisation: `the newspaper` stands for the last one named.
    private static let mediaHeads = WordSet("""
        newspaper paper network outlet publication website site broadcaster channel station magazine tabloid daily
        """)

    /// Words in the names of news organisations (`Times`, `CNN`, `Herald`).
    private static let mediaNameWords = WordSet("""
        news times post journal tribune herald gazette press network cnn msnbc fox nbc abc cbs bbc npr pbs reuters \
        afp ap magazine daily weekly review radio tv television channel observer guardian telegraph independent \
        economist chronicle examiner inquirer star sun mail mirror bloomberg axios buzzfeed vox slate salon huffpost \
        huffington politico breitbart hill atlantic wire online blog beast insider standard express record
        """)

    /// Nouns for an organisation that `the company` can stand for whatever its name (not a news
    /// organisation).
    private static let genericOrganizationHeads = WordSet("""
        company firm group organization organisation agency corporation business startup charity
        """)

    /// An organisation named inside a description (`the Heritage Foundation website`).
    private func organizationNamed(in phrase: Phrase) -> Int? {
        guard Lexicon.institutionNouns.contains(tokens[phrase.head].hash) else { return nil }
        for k in phrase.tokens where sieves.reader.nameAt[k] >= 0 {
            let e = names[Int(sieves.reader.nameAt[k])].entity
            if e >= 0, entities[e].kind == .organization { return e }
        }
        return nil
    }

    /// True when the name mention is a news organisation's (`The New York Times`, `CNN`).
    private func isMediaName(_ mention: NameMention) -> Bool {
        for k in mention.tokens where tokens[k].isWord && Self.mediaNameWords.contains(tokens[k].hash) { return true }
        return false
    }

    /// The identity named before `offset` that a definite description with head noun `head`
    /// stands for: the most recent person whose title or appositive holds that noun, or the
    /// most recent organisation whose name holds it (any organisation for `the company`).
    private func namedIdentity(forHead head: UInt64, before offset: Int) -> Int? {
        let wanted = Self.roleSynonyms[head] ?? [head]
        let personal = wanted.contains { roles[$0] != nil }
        let organizational = Lexicon.institutionNouns.contains(head) && !Lexicon.personNouns.contains(head)
        guard personal || organizational else { return nil }
        var m = names.count - 1
        while m >= 0, names[m].span.start >= offset { m -= 1 }
        var looked = 0
        while m >= 0, looked < Self.namesLookedBack {
            let mention = names[m]
            m -= 1
            looked += 1
            let e = mention.entity
            guard e >= 0, !mention.quoted else { continue }
            if personal, entities[e].kind == .person || entities[e].kind == .unknown,
               wanted.contains(where: { roles[Self.roleKey(e, $0)] != nil }) {
                return e
            }
            if organizational, entities[e].kind == .organization {
                if nameContains(mention, head) { return e }
                let media = isMediaName(mention)
                if Self.mediaHeads.contains(head) && media || Self.genericOrganizationHeads.contains(head) && !media { return e }
            }
        }
        return nil
    }

    /// How many name mentions back a definite description (`the senator`) looks for the one it
    /// stands for.
    private static let namesLookedBack = 80

    /// True when one of the words of the name mention is `word`.
    private func nameContains(_ mention: NameMention, _ word: UInt64) -> Bool {
        for k in mention.tokens where tokens[k].isWord && tokens[k].hash == word { return true }
        return false
    }

    /// An appositive's text less its article and edge punctuation (`U.S. Ambassador to NATO`).
    private func descriptionSpan(_ range: Range<Int>) -> TextSpan? {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, tokens[lo].kind == .punctuation
            || tokens[lo].isWord && Lexicon.determiners.contains(tokens[lo].hash) && Lexicon.pronouns[tokens[lo].hash] == nil {
            lo += 1
        }
        while hi > lo, tokens[hi - 1].kind == .punctuation && !tokens[hi - 1].isPunctuation(".") { hi -= 1 }
        guard lo < hi else { return nil }
        return TextSpan(tokens[lo].start, tokens[hi - 1].end)
    }

    // MARK: Neighbours

    private mutating func fillFromNeighbours(_ assigned: inout [Assigned], _ pronouns: PronounResolver.Result) {
        let sentenceOf = quotes.map { article.sentenceIndex(containing: $0.span.start) ?? -1 }
        let blockOf = quotes.map { sieves.blocks.block(containing: $0.span.start) }
        // Words that read like a name or a label are speech only if their own sentence says so.
        for q in quotes.indices where assigned[q].mention == nil && quotes[q].unspokenRule == nil {
            // Another quotation in the same sentence: `"A," he said, "B"`.
            if let other = neighbour(q, assigned, where: { sentenceOf[$0] == sentenceOf[q] }) {
                copy(other, to: q, rule: .sameSentence, &assigned)
                continue
            }
            let block = blockOf[q]
            // The sentence's own subject, before the quotation: `Democrats on the committee plan to
            // release transcripts to rebut "…"`.
            if let att = sieves.openingPhrase(q) {
                assign(att.subject, to: q, rule: att.rule, &assigned, pronouns)
                continue
            }
            // The sentence before, in the same paragraph, names a speaker: `Bolton distanced himself
            // …, saying he would help. "I'm going to support him."`
            let sentence = sentenceOf[q]
            if sentence > 0, sieves.blocks.block(containing: article.sentences[sentence - 1].span.start) == block,
               q == 0 || sentenceOf[q - 1] < sentence - 1 || assigned[q - 1].mention == nil,
               let subject = sieves.speakerOfSentence(sentence - 1) {
                assign(subject, to: q, rule: .previousSentence, &assigned, pronouns)
                continue
            }
            // The quotation before, in the same paragraph: `"A," he said. "B."`
            if q > 0, blockOf[q - 1] == block, assigned[q - 1].mention != nil {
                copy(q - 1, to: q, rule: .continuation, &assigned)
                reportSpeakingPronoun(between: q - 1, and: q, &assigned, pronouns)
                continue
            }
            guard sieves.blocks.start(block) == quotes[q].span.start, block > 0 else { continue }
            // `X said:` closing the paragraph before.
            if let subject = introduction(before: sieves.blocks.start(block)) {
                assign(subject, to: q, rule: .introducedByColon, &assigned, pronouns)
                continue
            }
            // A paragraph that is only a quotation goes on with the speaker before.
            if q > 0, blockOf[q - 1] == block - 1, assigned[q - 1].mention != nil {
                copy(q - 1, to: q, rule: .continuationParagraph, &assigned)
                reportSpeakingPronoun(between: q - 1, and: q, &assigned, pronouns)
                continue
            }
            // … or with the one who spoke in the paragraph before (`Carter said that …`).
            let previousEnd = sieves.blocks.start(block) - 1
            if let last = article.sentenceIndex(containing: max(0, previousEnd)), last < sentence,
               let subject = sieves.speakerOfSentence(last) {
                assign(subject, to: q, rule: .previousParagraph, &assigned, pronouns)
            }
        }
    }

    /// Gives quotation `q` an attribution found late, resolving its identity now.
    private mutating func assign(_ subject: ClauseSubject, to q: Int, rule: AttributionRule, _ assigned: inout [Assigned],
                                 _ pronouns: PronounResolver.Result) {
        assigned[q].mention = mentionSpan(subject.phrase)
        assigned[q].cue = subject.cue
        assigned[q].rule = rule
        if let e = identity(subject) {
            assigned[q].entity = e
        } else if subject.phrase.kind == .pronoun, let e = pronouns[subject.phrase.head] ?? turnSpeaker(ofFirstPerson: subject.phrase.head) {
            assigned[q].entity = e
            entities[e].speaks = true
        }
    }

    /// `The authors say the results are clear. They call for "…"`: a pronoun opening its sentence
    /// goes on with the subject of the verb of saying in the sentence before, in its paragraph,
    /// when that subject is a description that agrees (the resolver knows only names and
    /// descriptions that speak).
    private mutating func describedAntecedent(ofPronounAt k: Int) -> Int? {
        guard tokens[k].flags.contains(.sentenceStart), let pronoun = Lexicon.pronouns[tokens[k].hash],
              pronoun == .plural || pronoun == .male || pronoun == .female,
              let sentence = article.sentenceIndex(containing: tokens[k].start), sentence > 0,
              sieves.blocks.block(containing: article.sentences[sentence - 1].span.start) == sieves.blocks.block(containing: tokens[k].start)
        else { return nil }
        // `Some dock workers came from the islands. They left their boats. They said …`: a plural
        // subject of any verb, too, past a sentence or two opening with the same `they`.
        var found = pronoun == .plural ? nil : sieves.speakerOfSentence(sentence - 1)
        var earlier = sentence - 1
        while pronoun == .plural, found == nil, earlier >= 0, sentence - earlier <= 3,
              sieves.blocks.block(containing: article.sentences[earlier].span.start) == sieves.blocks.block(containing: tokens[k].start) {
            let subject = sieves.speakerOfSentence(earlier) ?? sieves.speakerOfSentence(earlier, anyVerb: true)
            if let subject, subject.phrase.kind == .pronoun, tokens[subject.phrase.head].hash == Hashes.they,
               tokens[subject.phrase.head].flags.contains(.sentenceStart) {
                earlier -= 1
                continue
            }
            found = subject
            break
        }
        guard let before = found, before.phrase.kind == .description else { return nil }
        let head = tokens[before.phrase.head]
        guard Lexicon.personNouns.contains(head.hash) || pronoun == .plural && Lexicon.institutionNouns.contains(head.hash) else { return nil }
        let plural = NameFinder.endsWith(head, "s", s) && !NameFinder.endsWith(head, "ss", s) || Self.groupNouns.contains(head.hash)
        guard plural == (pronoun == .plural) else { return nil }
        return identity(before)
    }

    /// Nouns for people that take `they` without a plural ending.
    private static let groupNouns = WordSet("people police staff crew")

    // MARK: Interviews

    /// `((Ann Lee))` opening a paragraph: an interview's turn label, not a mention in its prose
    /// (so no antecedent of a pronoun in the answers).
    private func isTurnLabel(_ mention: NameMention) -> Bool {
        let lo = mention.title.isEmpty ? mention.tokens.lowerBound : mention.title.lowerBound
        let hi = mention.tokens.upperBound
        return lo >= 2 && hi < tokens.count && tokens[lo - 1].isPunctuation("(") && tokens[lo - 2].isPunctuation("(")
            && tokens[lo - 2].flags.contains(.lineStart) && tokens[hi].isPunctuation(")")
    }

    /// `I said, "…"` in an interview's answer: the one whose turn it is, until the next label.
    private func turnSpeaker(ofFirstPerson k: Int) -> Int? {
        guard !turns.isEmpty, tokens[k].isWord, Lexicon.pronouns[tokens[k].hash] == .firstPerson else { return nil }
        var lo = 0
        var hi = turns.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if turns[mid].token <= k { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? turns[lo - 1].entity : nil
    }

    private func neighbour(_ q: Int, _ assigned: [Assigned], where same: (Int) -> Bool) -> Int? {
        if q > 0, same(q - 1), assigned[q - 1].mention != nil { return q - 1 }
        if q + 1 < quotes.count, same(q + 1), assigned[q + 1].mention != nil { return q + 1 }
        return nil
    }

    /// `"A," Ann Lee told the paper, and she added that it was late. "B"`: quotation `q` goes on
    /// with the speaker of quotation `before`, named there by a name; the pronoun for that
    /// identity that is the subject of a verb of saying between the two (`she added`) is the
    /// mention nearer `q`, and is reported instead (the identity does not change).
    private func reportSpeakingPronoun(between before: Int, and q: Int, _ assigned: inout [Assigned],
                                       _ pronouns: PronounResolver.Result) {
        let e = assigned[q].entity
        guard e >= 0, let mention = assigned[q].mention else { return }
        let first = tokens.firstIndex(startingAtOrAfter: mention.start)
        guard first < tokens.count, sieves.reader.nameAt[first] >= 0 else { return }
        let open = tokens.firstIndex(startingAtOrAfter: quotes[q].span.start)
        var k = tokens.firstIndex(startingAtOrAfter: quotes[before].span.end)
        var found: Int?
        while k < open, k < tokens.count {
            let t = tokens[k]
            if t.isWord, !t.flags.contains(.quoted), Self.personalSubjectPronouns.contains(t.hash), pronouns[k] == e,
               isSubjectOfCommunicativeVerb(k) {
                found = k
            }
            k += 1
        }
        if let found { assigned[q].mention = TextSpan(tokens[found].start, tokens[found].end) }
    }

    private func copy(_ from: Int, to q: Int, rule: AttributionRule, _ assigned: inout [Assigned]) {
        assigned[q].entity = assigned[from].entity
        assigned[q].mention = assigned[from].mention
        assigned[q].cue = assigned[from].cue
        assigned[q].cueText = assigned[from].cueText
        assigned[q].via = assigned[from].via
        assigned[q].rule = rule
    }

    /// The subject of a verb of saying in the sentence before `offset` when it ends with `:`.
    private func introduction(before offset: Int) -> ClauseSubject? {
        let last = tokens.firstIndex(startingAtOrAfter: offset) - 1
        guard last >= 0, tokens[last].isPunctuation(":") else { return nil }
        let sentence = article.sentenceIndex(containing: tokens[last].start) ?? 0
        let floor = tokens.firstIndex(startingAtOrAfter: article.sentences[sentence].span.start)
        var k = last - 1
        while k >= floor, last - k < TokenWindow.aroundQuotation {
            if tokens[k].isWord, !tokens[k].flags.contains(.quoted), let cue = Lexicon.cues[tokens[k].hash], cue != .participle,
               let subject = sieves.grammar.subject(ofCueAt: k, floor: floor) {
                return subject
            }
            k -= 1
        }
        // `President Clinton released the following statement:` — no verb of saying, but the
        // sentence that announces the quotation has a subject.
        return sieves.speakerOfSentence(sentence, anyVerb: true)
    }

    // MARK: Speakers

    private mutating func build(_ assigned: [Assigned]) -> QuoteAnalyzer.Result {
        // A quotation that reads like a name, a title or a scare quote stays only if someone says it.
        var idOf = [Int](repeating: -1, count: quotes.count)
        var kept = 0
        for q in quotes.indices where quotes[q].unspokenRule == nil || assigned[q].mention != nil {
            idOf[q] = kept
            kept += 1
        }
        // Full names (and organisations) first, as clustering met them: an identity's aliases and
        // title come from its fullest mentions before its bare surnames.
        let fullFirst = names.indices.filter { EntityClustering.isFullName(names[$0]) }
            + names.indices.filter { !EntityClustering.isFullName(names[$0]) }
        let nameGroups = EntityGroups(entities.count, entityOf: fullFirst.map { names[$0].entity }, items: fullFirst)
        let quoteGroups = EntityGroups(entities.count, entityOf: assigned.map(\.entity))
        // Whether a mention is one of its identity's names: a scan of a short list, a set for a
        // long one (scanning for every quotation was quadratic for one speaker quoted thousands
        // of times).
        var nameSets: [Int: Set<TextSpan>] = [:]
        func isName(_ m: TextSpan, of e: Int) -> Bool {
            let group = nameGroups[e]
            if group.count <= 16 { return group.contains { names[$0].span == m } }
            if let set = nameSets[e] { return set.contains(m) }
            let set = Set(group.map { names[$0].span })
            nameSets[e] = set
            return set.contains(m)
        }
        for a in assigned where a.entity >= 0 {
            entities[a.entity].speaks = true
            if let m = a.mention, !isName(m, of: a.entity) {
                otherMentions.append((a.entity, m))
            }
            if let m = a.mention { entities[a.entity].firstOffset = min(entities[a.entity].firstOffset, m.start) }
        }
        let mentionGroups = EntityGroups(entities.count, entityOf: otherMentions.map(\.entity))
        var order: [Int] = []
        for (e, entity) in entities.enumerated() {
            let quoted = !quoteGroups[e].isEmpty
            let listed = entity.speaks || quoted || entity.kind == .person
            if listed, entity.kind != .place || quoted { order.append(e) }
        }
        order.sort { entities[$0].firstOffset < entities[$1].firstOffset }
        var speakerOf = [Int](repeating: -1, count: entities.count)
        var speakers: [Speaker] = []
        for e in order {
            speakerOf[e] = speakers.count
            speakers.append(speaker(entities[e], id: speakers.count, names: nameGroups[e],
                                    otherMentions: mentionGroups[e].map { otherMentions[$0].span },
                                    quotes: quoteGroups[e].map { idOf[$0] }))
        }
        var result: [Quote] = []
        for (q, quote) in quotes.enumerated() where idOf[q] >= 0 {
            let a = assigned[q]
            let paragraph = article.paragraphIndex(containing: quote.span.start).map { article.paragraphs[$0].span } ?? TextSpan(0, s.count)
            let cue = a.cueText ?? a.cue.map { text($0) }
            result.append(Quote(id: idOf[q], span: quote.span, parts: quote.parts,
                                kind: QuoteKindRules.kind(quote, s, paragraph: paragraph),
                                speaker: a.entity >= 0 && speakerOf[a.entity] >= 0 ? speakerOf[a.entity] : nil,
                                speakerMention: a.mention, cue: cue, detectionRule: quote.rule.rawValue,
                                attributionRule: a.rule?.rawValue, attributionRanking: a.explanation, via: a.via))
        }
        return QuoteAnalyzer.Result(quotes: result, speakers: speakers)
    }

    /// The text of a span, encoded straight from the scalars to UTF-8.
    private func text(_ span: TextSpan) -> String { Self.text(s, span) }

    static func text(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ span: TextSpan) -> String {
        Article.string(UnsafeBufferPointer(rebasing: s[span.start..<span.end]))
    }

    /// A hash of a span's exact text (case kept), to tell name forms apart without strings.
    private func exactHash(_ span: TextSpan) -> UInt64 {
        var h = FNV1a.offsetBasis
        for i in span.start..<span.end { h = FNV1a.step(h, UInt64(s[i].value)) }
        return h
    }

    private func speaker(_ entity: Entity, id: Int, names nameIndices: ArraySlice<Int>, otherMentions: [TextSpan],
                         quotes: [Int]) -> Speaker {
        let kind: SpeakerKind
        switch entity.kind {
        case .organization, .place: kind = .organization
        case .person, .unknown: kind = entity.anonymous ? .anonymous : .person
        }
        var name = ""
        var nameHash: UInt64 = 0
        if entity.best >= 0 {
            name = text(names[entity.best].span)
            nameHash = exactHash(names[entity.best].span)
        } else if let d = entity.descriptionName {
            name = text(d)
        }
        // Other forms of the name, compared by a hash of their exact text before any string is made.
        var aliases: [String] = []
        var seen: [UInt64] = [nameHash]
        for m in nameIndices {
            let h = exactHash(names[m].span)
            if seen.contains(h) { continue }
            seen.append(h)
            aliases.append(text(names[m].span))
        }
        var description = entity.description.map { text($0) }
        if description == nil {
            for m in nameIndices where !names[m].title.isEmpty {
                let title = names[m].title
                var hi = title.upperBound
                while hi > title.lowerBound, !tokens[hi - 1].isWord { hi -= 1 }
                if hi > title.lowerBound {
                    description = text(TextSpan(tokens[title.lowerBound].start, tokens[hi - 1].end))
                    if tokens[hi - 1].end < names[m].span.start, s[tokens[hi - 1].end].value == 0x2E { description! += "." }
                    break
                }
            }
        }
        var mentions = nameIndices.map { names[$0].span } + otherMentions
        mentions.sort()
        var unique: [TextSpan] = []
        for m in mentions where unique.last != m { unique.append(m) }
        return Speaker(id: id, name: name, kind: kind, description: description, aliases: aliases,
                       mentions: unique, quotes: quotes)
    }
}

/// Indices grouped by identity in one counting sort, in their order within each group: an
/// identity's name mentions or quotations without an array per identity.
struct EntityGroups {
    private var starts: [Int]
    private var members: [Int]

    /// `entityOf[i]`: the identity of item `i` (or of `items[i]` when given), or a negative
    /// number for none.
    init(_ entityCount: Int, entityOf: [Int], items: [Int]? = nil) {
        var starts = [Int](repeating: 0, count: entityCount + 1)
        for e in entityOf where e >= 0 { starts[e + 1] += 1 }
        for e in 0..<entityCount { starts[e + 1] += starts[e] }
        var fill = starts
        var members = [Int](repeating: 0, count: starts[entityCount])
        for (index, e) in entityOf.enumerated() where e >= 0 {
            members[fill[e]] = items?[index] ?? index
            fill[e] += 1
        }
        self.starts = starts
        self.members = members
    }

    subscript(e: Int) -> ArraySlice<Int> { members[starts[e]..<starts[e + 1]] }
}
