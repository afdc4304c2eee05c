/// One identity in an article while the analysis runs: the name mentions, pronouns and
/// descriptions that refer to it.
struct Entity {
    var kind: NameKind
    var anonymous = false
    var gender: Gender = .unknown
    /// How many name mentions it has (each mention knows its identity: `NameMention.entity`).
    var nameCount = 0
    /// The fullest name mention.
    var best = -1
    /// A title or appositive (`U.S. Ambassador to NATO`), as a span of the text.
    var description: TextSpan?
    /// For an anonymous source or a described institution: its name, and the head noun that
    /// later definite descriptions (`the official`) are matched on.
    var descriptionName: TextSpan?
    /// A hash of the description's exact text: the same description again is the same source.
    var descriptionKey: UInt64 = 0
    var head: UInt64 = 0
    /// It is quoted or speaks (attributed, resolved from a pronoun, or a speaking description).
    var speaks = false
    /// A group described in the plural (`officials`): a `they`, never a `he`.
    var plural = false
    var firstOffset = Int.max
    /// The last title word of its first titled full name (`President` of `President Ann Lee`).
    var titleWord: UInt64 = 0
}

/// Identities that share a key (a surname, a first name), in the order they were made: chains
/// through one array instead of an array per key.
struct EntityChains {
    /// Key → the chain's first and last identity, packed in one value (`first << 32 | last`).
    private var ends: IntTable
    /// Identity → the next identity under the same key, or -1.
    private var next: [Int]

    /// `capacity`: more than the largest identity index that will be appended.
    init(capacity: Int) {
        ends = IntTable(capacity: capacity / 2)
        next = [Int](repeating: -1, count: capacity)
    }

    mutating func append(_ e: Int, key: UInt64) {
        if let packed = ends[key] {
            // Already last under this key (`Ann Lee Lee` files `Lee` twice): linking it to itself
            // would make the chain endless.
            guard packed & 0xFFFF_FFFF != e else { return }
            next[packed & 0xFFFF_FFFF] = e
            ends[key] = packed & ~0xFFFF_FFFF | e
        } else {
            ends[key] = e << 32 | e
        }
    }

    /// The identities under `key`, appended to `into`.
    func collect(_ key: UInt64, into result: inout [Int]) {
        var e = ends[key].map { $0 >> 32 } ?? -1
        while e >= 0 {
            result.append(e)
            e = next[e]
        }
    }
}

/// Groups name mentions into identities: `Ivo Daalder` and `Daalder` are one; `Bill Clinton`
/// and `Hillary Clinton` are two, and a bare `Clinton` goes to the one a title's gender or the
/// most recent mention points to.
enum EntityClustering {
    static func cluster(_ names: inout [NameMention]) -> [Entity] {
        var entities: [Entity] = []
        var byFullName = IntTable(capacity: names.count / 2)
        var byOrganization = IntTable(capacity: names.count / 4)
        var bySurname = EntityChains(capacity: names.count)
        var byFirstName = EntityChains(capacity: names.count)

        // Full names and organisations first, so a bare surname before its full name still joins it;
        // names of three words before those of two, so that `John Luk` joins `John Luk Jok`.
        let threeWords = names.indices.filter { names[$0].words.count == 3 && names[$0].kind == .person }
        for m in threeWords + names.indices.filter({ !(names[$0].words.count == 3 && names[$0].kind == .person) }) {
            let mention = names[m]
            switch mention.kind {
            case .organization, .place:
                let key = mention.words.key
                let e: Int
                if let existing = byOrganization[key] {
                    e = existing
                } else {
                    e = entities.count
                    byOrganization[key] = e
                    entities.append(Entity(kind: mention.kind))
                }
                add(m, to: e, &entities, names)
                names[m].entity = e
            case .person, .unknown:
                guard mention.words.count >= 2 else { continue }
                // First and last name together: `Hillary Clinton` and `Bill Clinton` differ.
                let key = (mention.firstName &* 0x9E37_79B9_7F4A_7C15) ^ mention.surname
                let e: Int
                if let existing = byFullName[key] {
                    e = existing
                } else {
                    e = entities.count
                    byFullName[key] = e
                    entities.append(Entity(kind: mention.kind))
                    bySurname.append(e, key: mention.surname)
                    byFirstName.append(e, key: mention.firstName)
                    if mention.words.count == 3, mention.kind == .person {
                        // `John Luk Jok`: `John Luk` and a bare `Luk` name the same person.
                        let shortKey = (mention.firstName &* 0x9E37_79B9_7F4A_7C15) ^ mention.words.second
                        if byFullName[shortKey] == nil { byFullName[shortKey] = e }
                        bySurname.append(e, key: mention.words.second)
                    }
                }
                add(m, to: e, &entities, names)
                names[m].entity = e
            }
        }
        // Bare names: a surname, else a first name, else a new identity.
        // Where each identity was last named (grown as identities are made).
        var lastSeen = [Int](repeating: -1, count: entities.count)
        var candidates: [Int] = []
        for m in names.indices {
            let mention = names[m]
            if mention.entity >= 0 {
                lastSeen[mention.entity] = mention.span.start
                continue
            }
            let word = mention.firstName
            candidates.removeAll(keepingCapacity: true)
            bySurname.collect(word, into: &candidates)
            if candidates.isEmpty { byFirstName.collect(word, into: &candidates) }
            if mention.gender != .unknown, candidates.contains(where: { entities[$0].gender == mention.gender }) {
                candidates.removeAll { entities[$0].gender != mention.gender }
            }
            // `President Lee` after `President Ann Lee` and `Tom Lee`: the one with that title.
            if mention.titleWord != 0, candidates.count > 1, candidates.contains(where: { entities[$0].titleWord == mention.titleWord }) {
                candidates.removeAll { entities[$0].titleWord != mention.titleWord }
            }
            let e: Int
            if candidates.count == 1 {
                e = candidates[0]
            } else if !candidates.isEmpty {
                // The most recently mentioned, else the most mentioned.
                e = candidates.max { a, b in
                    let la = lastSeen[a]
                    let lb = lastSeen[b]
                    if la != lb { return la < lb }
                    return entities[a].nameCount < entities[b].nameCount
                }!
            } else {
                e = entities.count
                entities.append(Entity(kind: mention.kind))
                lastSeen.append(-1)
                bySurname.append(e, key: word)
            }
            add(m, to: e, &entities, names)
            names[m].entity = e
            lastSeen[e] = mention.span.start
        }
        return entities
    }

    /// A mention clustered on its own words before bare names are placed: an organisation or
    /// place, or a person's name of two words or more.
    static func isFullName(_ mention: NameMention) -> Bool {
        switch mention.kind {
        case .organization, .place: return true
        case .person, .unknown: return mention.words.count >= 2
        }
    }

    private static func add(_ m: Int, to e: Int, _ entities: inout [Entity], _ names: [NameMention]) {
        let mention = names[m]
        entities[e].nameCount += 1
        if entities[e].titleWord == 0, mention.words.count >= 2 { entities[e].titleWord = mention.titleWord }
        entities[e].firstOffset = min(entities[e].firstOffset, mention.span.start)
        if mention.kind == .person, entities[e].kind == .unknown { entities[e].kind = .person }
        if entities[e].gender == .unknown { entities[e].gender = mention.gender }
        let best = entities[e].best
        if best < 0 || mention.words.count > names[best].words.count
            || (mention.words.count == names[best].words.count && mention.span.length > names[best].span.length && names[best].kind != .person) {
            entities[e].best = m
        }
    }
}

/// Resolves `he`, `she` (and `it` for organisations) to the most recent compatible identity
/// outside quotations, in one pass over the tokens. A pronoun that meets an identity whose
/// gender is unknown teaches it.
enum PronounResolver {
    struct Result {
        /// (token index of a pronoun, entity), in token order.
        var pairs: [(token: Int, entity: Int)] = []

        /// The identity the pronoun at token `k` refers to.
        subscript(k: Int) -> Int? {
            var lo = 0
            var hi = pairs.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if pairs[mid].token < k { lo = mid + 1 } else { hi = mid }
            }
            return lo < pairs.count && pairs[lo].token == k ? pairs[lo].entity : nil
        }
    }

    /// How much a mention adds to its identity's salience (after Lappin and Leass): every mention
    /// counts, a subject more, an object less, one inside a prepositional phrase least; the
    /// speaker of a quotation more again. Salience halves with every sentence.
    private enum Weight {
        static let mention = 100.0
        static let subject = 130.0
        static let object = 50.0
        static let speaker = 60.0
        /// A known gender that matches counts fully; an unknown one a little less.
        static let unknownGender = 0.75
        /// A name not yet known to be a person's (or, for `it`, an organisation's) counts less again.
        static let unknownPerson = 0.5
    }

    /// The salience of the identities mentioned lately (at most a dozen: older ones have
    /// decayed to nothing), each with when it was last mentioned.
    private struct Salience {
        struct Entry {
            var entity: Int
            var score: Double
            var sentence: Int
            /// Ordinal of its latest mention: ties go to the most recent.
            var last: Int
        }

        private(set) var entries: [Entry] = []
        private var clock = 0

        init() { entries.reserveCapacity(12) }

        @inline(__always) static func value(_ entry: Entry, now: Int) -> Double {
            let age = now - entry.sentence
            return age > 12 ? 0 : entry.score / Double(1 << age)
        }

        @inline(__always) mutating func add(_ e: Int, _ weight: Double, now: Int) {
            clock += 1
            var oldest = 0
            for i in entries.indices {
                if entries[i].entity == e {
                    entries[i].score = Self.value(entries[i], now: now) + weight
                    entries[i].sentence = now
                    entries[i].last = clock
                    return
                }
                if entries[i].last < entries[oldest].last { oldest = i }
            }
            let entry = Entry(entity: e, score: weight, sentence: now, last: clock)
            if entries.count < 12 { entries.append(entry) } else { entries[oldest] = entry }
        }
    }

    /// The sentence being read and the subjects met: the first of the sentence before, and the
    /// first and the latest of this one.
    private struct Focus {
        var sentence = 0
        /// Steps of decay: one per sentence, one more per new paragraph (a paragraph often moves
        /// on to someone else).
        var step = 0
        var previousSubject = -1
        var firstSubject = -1
        var latestSubject = -1

        /// Moves to the sentence holding token `k` (`sentenceTokens`: each sentence's first token).
        mutating func advance(to k: Int, _ sentenceTokens: [Int], _ tokens: [Token]) {
            let before = sentence
            while sentence + 1 < sentenceTokens.count, sentenceTokens[sentence + 1] <= k {
                sentence += 1
                step += 1
                let first = sentenceTokens[sentence]
                if first < tokens.count, tokens[first].flags.contains(.lineStart) { step += 1 }
            }
            if sentence != before {
                previousSubject = sentence == before + 1 ? firstSubject : -1
                firstSubject = -1
                latestSubject = -1
            }
        }

        mutating func noteSubject(_ e: Int) {
            if firstSubject < 0 { firstSubject = e }
            latestSubject = e
        }
    }

    /// Resolves pronouns by salience: `he` and `she` to the most salient person of that gender
    /// (or of a gender not yet known), `it` to the most salient organisation, `they` to the most
    /// salient organisation or group (`officials`). Subjects and speakers weigh more than
    /// objects, and recent sentences more than earlier ones, so in `Ann Lee met Tom Berg at the
    /// port. He said …` the `He` is still Tom Berg only if nothing closer competes.
    ///
    /// `speakingPhrases`: (token, entity) of the phrases that attribute quotations, in token order.
    /// `candidates`: indices of the pronouns, ascending. `sentenceTokens`: the first token of
    /// each sentence, ascending.
    /// `turnLabels`: indices of the names that label an interview's turns (`((Ann Lee))`), ascending:
    /// the participants are `I` and `you` in the answers, never `he` or `they`.
    static func resolve(_ tokens: [Token], candidates: [Int], _ names: [NameMention], _ entities: inout [Entity],
                        speakingPhrases: [(token: Int, entity: Int)], sentenceTokens: [Int], turnLabels: [Int] = []) -> Result {
        var result = Result()
        var salience = Salience()
        var focus = Focus()
        // What agreement needs of each identity, small enough to read without copying identities.
        var traits = entities.map {
            Traits(kind: $0.kind, gender: $0.gender, plural: $0.plural, speaks: $0.speaks, anonymous: $0.anonymous,
                   plainName: $0.kind == .unknown && $0.best >= 0 && isPlainName(names[$0.best], tokens))
        }
        var m = 0
        var p = 0
        var label = 0
        for k in candidates {
            // Names and speaking phrases before the pronoun, merged in text order.
            while true {
                let nameAt = m < names.count ? names[m].tokens.lowerBound : Int.max
                let phraseAt = p < speakingPhrases.count ? speakingPhrases[p].token : Int.max
                if nameAt > k && phraseAt > k { break }
                if phraseAt < nameAt {
                    let e = speakingPhrases[p].entity
                    p += 1
                    focus.advance(to: phraseAt, sentenceTokens, tokens)
                    salience.add(e, Weight.speaker, now: focus.step)
                    continue
                }
                let mention = names[m]
                m += 1
                if label < turnLabels.count, turnLabels[label] == m - 1 {
                    label += 1
                    continue
                }
                // Only identities a pronoun can stand for: not places (a name not yet known to be a
                // person or an organisation is weighed by agreement).
                guard mention.entity >= 0, !mention.quoted, traits[mention.entity].kind != .place else { continue }
                focus.advance(to: nameAt, sentenceTokens, tokens)
                let role = roleWeight(mention, tokens)
                if role == Weight.subject { traits[mention.entity].wasSubject = true }
                salience.add(mention.entity, Weight.mention + role, now: focus.step)
                if role == Weight.subject { focus.noteSubject(mention.entity) }
            }
            let t = tokens[k]
            guard t.isWord, t.end - t.start <= 8, !t.flags.contains(.quoted),
                  !t.isCapitalized || t.flags.contains(.sentenceStart) || t.end - t.start <= 3,
                  let pronoun = Lexicon.pronouns[t.hash] else { continue }
            focus.advance(to: k, sentenceTokens, tokens)
            let now = focus.step
            var best = -1
            var bestScore = 0.0
            var bestLast = 0
            // Structure first: the latest subject before the pronoun in its sentence (`Lee said
            // he would`, `Lee stood by his comment`), else, for a pronoun opening its sentence, the
            // subject of the sentence before (`Lee paid tribute to Berg. He said …`).
            // Agreement need not be certain (a gender not yet known), only not contradicted.
            // A pronoun after an opening phrase and its comma, with no subject before it, opens
            // the main clause as a sentence-initial one does (`According to the Ledger, he said`).
            let opensClause = t.flags.contains(.sentenceStart)
                || focus.latestSubject < 0 && k > 0 && tokens[k - 1].isPunctuation(",") && !tokens[k - 1].flags.contains(.quoted)
            if focus.latestSubject >= 0, agreement(pronoun, t, traits[focus.latestSubject]) == 1 {
                best = focus.latestSubject
            } else if opensClause, focus.previousSubject >= 0,
                      agreement(pronoun, t, traits[focus.previousSubject]) == 1 {
                best = focus.previousSubject
            }
            let structural = best >= 0
            for entry in salience.entries where !structural {
                let e = entry.entity
                guard let factor = agreement(pronoun, t, traits[e]) else { continue }
                let score = Salience.value(entry, now: now) * factor
                // Ties go to the most recent.
                if score > 0, score > bestScore || score == bestScore && entry.last > bestLast {
                    best = e
                    bestScore = score
                    bestLast = entry.last
                }
            }
            guard best >= 0 else { continue }
            if pronoun == .male || pronoun == .female, traits[best].gender == .unknown, !traits[best].anonymous {
                traits[best].gender = pronoun == .male ? .male : .female
                entities[best].gender = traits[best].gender
            }
            // `he`, `she` make a name a person; `it` an organisation.
            if traits[best].kind == .unknown, pronoun == .male || pronoun == .female || pronoun == .neuter {
                traits[best].kind = pronoun == .neuter ? .organization : .person
                entities[best].kind = traits[best].kind
            }
            result.pairs.append((k, best))
            let role = pronounRoleWeight(t)
            salience.add(best, Weight.mention + role, now: now)
            if role == Weight.subject { focus.noteSubject(best) }
        }
        return result
    }

    /// How well an identity fits a pronoun: 1 for a full fit, less for a gender not yet known,
    /// nil for none.
    private struct Traits {
        var kind: NameKind
        var gender: Gender
        var plural: Bool
        var speaks: Bool
        var anonymous: Bool
        /// Not known to be a person's or an organisation's, its fullest name has two words or more
        /// and none of them is a word the lexicon knows (`Mira Quist`, not `Good Morning America`,
        /// `BOCA RATON`, `Special Operations`).
        var plainName: Bool
        /// Named as the subject of a verb.
        var wasSubject = false
    }

    /// Two or more capitalised words, none in capitals only, none a title, organisation, place
    /// or function word.
    private static func isPlainName(_ mention: NameMention, _ tokens: [Token]) -> Bool {
        guard mention.words.count >= 2, mention.title.isEmpty else { return false }
        let foreign: Lexicon.NameClass = [.title, .titleModifier, .organization, .place, .notName, .adjective, .stop, .personNoun, .institutionNoun]
        for k in mention.tokens where tokens[k].isWord {
            if tokens[k].flags.contains(.allCaps) || !Lexicon.nameClass(tokens[k].hash).isDisjoint(with: foreign) { return false }
        }
        return true
    }

    @inline(__always) private static func agreement(_ pronoun: Lexicon.Pronoun, _ t: Token, _ entity: Traits) -> Double? {
        switch pronoun {
        case .male, .female:
            guard entity.kind == .person || entity.kind == .unknown, !entity.plural else { return nil }
            let gender: Gender = pronoun == .male ? .male : .female
            if entity.gender == gender { return 1 }
            guard entity.gender == .unknown else { return nil }
            // A name not known to be a person's: likely one when it speaks, or is a plain name of
            // two words that has been the subject of a verb.
            if entity.kind == .unknown, !entity.speaks { return nil }
            return Weight.unknownGender
        case .neuter:
            guard t.hash == Hashes.it || t.hash == Hashes.its else { return nil }
            if entity.kind == .organization { return 1 }
            // A plain name not known to be a person's, with no gender, as a subject: perhaps a body.
            return entity.kind == .unknown && entity.gender == .unknown && entity.plainName && entity.wasSubject ? Weight.unknownPerson : nil
        case .plural:
            guard entity.kind == .organization || entity.anonymous && entity.plural else { return nil }
            return 1
        case .firstPerson, .relative:
            return nil
        }
    }

    /// Subject, object or inside a prepositional phrase: what a name mention adds.
    private static func roleWeight(_ mention: NameMention, _ tokens: [Token]) -> Double {
        let start = mention.title.isEmpty ? mention.tokens.lowerBound : min(mention.title.lowerBound, mention.tokens.lowerBound)
        let last = mention.tokens.upperBound - 1
        if tokens[last].flags.contains(.possessive) { return 0 }
        if start > 0, tokens[start - 1].isWord, prepositions.contains(tokens[start - 1].hash) { return 0 }
        if tokens[start].flags.contains(.sentenceStart) { return Weight.subject }
        let next = last + 1
        if next < tokens.count, tokens[next].isWord, !tokens[next].isCapitalized,
           Lexicon.nameClass(tokens[next].hash).isDisjoint(with: [.stop, .determiner]) {
            return Weight.subject  // `… Ann Lee said`, `… Ann Lee has`
        }
        return Weight.object
    }

    private static let prepositions = WordSet("""
        of in on at to for with from by about after before during under over against between into through \
        without within since until like than via per upon among across around behind beyond toward towards
        """)

    /// `he` is a subject, `him` an object, `his` neither.
    private static func pronounRoleWeight(_ t: Token) -> Double {
        switch t.hash {
        case Hashes.he, Hashes.she, Hashes.they, Hashes.it: return Weight.subject
        case Hashes.him, Hashes.them: return Weight.object
        default: return 0
        }
    }
}

/// A growable open-addressing map from a word hash (or a combination of them) to an index:
/// the clustering's look-ups without `Dictionary`'s seeded hashing. Zero keys are not stored.
struct IntTable {
    private var keys: [UInt64]
    private var values: [Int]
    private var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int](repeating: 0, count: size)
    }

    subscript(key: UInt64) -> Int? {
        get {
            guard key != 0 else { return nil }
            let mask = keys.count - 1
            var i = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
            while true {
                let k = keys[i]
                if k == key { return values[i] }
                if k == 0 { return nil }
                i = (i + 1) & mask
            }
        }
        set {
            guard key != 0, let value = newValue else { return }
            if (count + 1) * 2 > keys.count { grow() }
            let mask = keys.count - 1
            var i = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
            while keys[i] != 0, keys[i] != key { i = (i + 1) & mask }
            if keys[i] == 0 { count += 1 }
            keys[i] = key
            values[i] = value
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int](repeating: 0, count: oldKeys.count * 2)
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != 0 { self[k] = v }
    }
}
