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
    var head: UInt64 = 0
    /// It is quoted or speaks (attributed, resolved from a pronoun, or a speaking description).
    var speaks = false
    var firstOffset = Int.max
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

        // Full names and organisations first, so a bare surname before its full name still joins it.
        for m in names.indices {
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

    /// `speakingPhrases`: (token, entity) of the descriptions that speak, in token order.
    /// `candidates`: indices of the tokens that may be pronouns, ascending.
    static func resolve(_ tokens: [Token], candidates: [Int], _ names: [NameMention], _ entities: inout [Entity],
                        speakingPhrases: [(token: Int, entity: Int)]) -> Result {
        var result = Result()
        var recentPeople: [Int] = []  // most recent last
        var recentOrganization = -1
        var m = 0
        var p = 0
        for k in candidates {
            // Names and speaking descriptions before the pronoun, merged in text order.
            while true {
                let nameAt = m < names.count ? names[m].tokens.lowerBound : Int.max
                let phraseAt = p < speakingPhrases.count ? speakingPhrases[p].token : Int.max
                if nameAt > k && phraseAt > k { break }
                if phraseAt < nameAt {
                    // Anonymous sources and described institutions that speak join the recency list.
                    let e = speakingPhrases[p].entity
                    p += 1
                    if entities[e].kind == .organization {
                        recentOrganization = e
                    } else if entities[e].anonymous {
                        if let at = recentPeople.lastIndex(of: e) { recentPeople.remove(at: at) }
                        recentPeople.append(e)
                    }
                    continue
                }
                let e = names[m].entity
                if e >= 0, !names[m].quoted {
                    switch entities[e].kind {
                    case .person, .unknown:
                        if entities[e].kind == .person || entities[e].speaks {
                            if let at = recentPeople.lastIndex(of: e) { recentPeople.remove(at: at) }
                            recentPeople.append(e)
                            if recentPeople.count > 8 { recentPeople.removeFirst() }
                        }
                    case .organization:
                        recentOrganization = e
                    case .place:
                        break
                    }
                }
                m += 1
            }
            let t = tokens[k]
            // Pronouns are short words: most tokens are passed over without a look-up.
            guard t.isWord, t.end - t.start <= 8, !t.flags.contains(.quoted),
                  !t.isCapitalized || t.flags.contains(.sentenceStart) || t.end - t.start <= 3,
                  let pronoun = Lexicon.pronouns[t.hash] else { continue }
            switch pronoun {
            case .male, .female:
                let gender: Gender = pronoun == .male ? .male : .female
                var chosen = -1
                for e in recentPeople.reversed() where entities[e].gender == gender || entities[e].gender == .unknown {
                    // An anonymous plural (`officials`) is not a `he`.
                    chosen = e
                    break
                }
                if chosen >= 0 {
                    if entities[chosen].gender == .unknown, !entities[chosen].anonymous { entities[chosen].gender = gender }
                    result.pairs.append((k, chosen))
                    // `her` as a determiner before a noun is still a mention of her.
                }
            case .neuter:
                if recentOrganization >= 0, t.hash == Hashes.it { result.pairs.append((k, recentOrganization)) }
            case .plural:
                if recentOrganization >= 0 { result.pairs.append((k, recentOrganization)) }
            case .firstPerson, .relative:
                break
            }
        }
        return result
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
