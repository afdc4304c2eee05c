enum Gender: UInt8 {
    case unknown, male, female
}

enum NameKind: UInt8 {
    case person, organization, place, unknown
}

/// A proper name in the text (`Defense Secretary Leon Panetta`, `the White House`, `Daalder`).
struct NameMention {
    /// The name's tokens, without a title before it.
    var tokens: Range<Int>
    /// Title tokens before the name (`Defense Secretary`), possibly empty.
    var title: Range<Int>
    /// The name's text span (without title or possessive).
    var span: TextSpan
    var kind: NameKind
    var gender: Gender
    /// The name's words (particles and periods left out).
    var words: NameWords
    var quoted: Bool
    /// The identity it belongs to (set by clustering; -1 when it is no name after all).
    var entity = -1

    var surname: UInt64 { words.last }
    var firstName: UInt64 { words.first }
}

/// The words of a name, kept as hashes without an array: first, last, how many, and a hash
/// of them all in order (an organisation's key).
struct NameWords {
    var first: UInt64 = 0
    var last: UInt64 = 0
    var count = 0
    var key: UInt64 = WordHash.seed

    var isEmpty: Bool { count == 0 }

    mutating func append(_ h: UInt64) {
        if count == 0 { first = h }
        last = h
        count += 1
        key = (key ^ h) &* WordHash.prime
    }
}

/// Finds proper names: runs of capitalised words (with particles `al-`, `bin`, `van der`,
/// initials `W.`, suffixes `Jr.`), split into a title (`Prime Minister`) and the name, and
/// classified as a person (a person's title, a known first name), an organisation (`House`,
/// `Committee`, an acronym), a place, or unknown until the analysis learns more (it speaks, a
/// pronoun refers to it).
enum NameFinder {
    /// `starts`: indices of the capitalised words (the only places a name can start), ascending.
    static func find(_ tokens: [Token], _ s: UnsafeBufferPointer<Unicode.Scalar>, starts: [Int]) -> [NameMention] {
        tokens.withUnsafeBufferPointer { find($0, s, starts: starts) }
    }

    private static func find(_ tokens: UnsafeBufferPointer<Token>, _ s: UnsafeBufferPointer<Unicode.Scalar>, starts: [Int]) -> [NameMention] {
        var mentions: [NameMention] = []
        let n = tokens.count
        let lexicon = Lexicon.nameClassTable
        // The name classes of the run's tokens, looked up once (classifying asks several times).
        var runClasses: [Lexicon.NameClass] = []
        var next = 0
        for i in starts where i >= next {
            // The run of name-like tokens, with their classes.
            runClasses.removeAll(keepingCapacity: true)
            var j = i
            var hasTitleWord = false
            var hasOrganizationWord = false
            while j < n {
                let u = tokens[j]
                if j > i, u.flags.contains(.lineStart) { break }
                let uc: Lexicon.NameClass = u.isWord ? lexicon[u.hash] ?? [] : []
                // `Chris Christie Calls Hillary Clinton As …`: a title-case line holds several names.
                if j > i, uc.contains(.breaker) || u.isCapitalized && !u.flags.contains(.allCaps) && uc.contains(.headlineVerb) { break }
                if u.isWord, u.isCapitalized || u.flags.contains(.particleName) {
                    if uc.contains(.title) { hasTitleWord = true }
                    if uc.contains(.organization) { hasOrganizationWord = true }
                    runClasses.append(uc)
                    j += 1
                    if u.flags.contains(.possessive) { break }
                    // `W.`, `Sen.`, `Jr.`: a period after an initial or abbreviation stays inside.
                    if j + 1 < n, tokens[j].isPunctuation("."), tokens[j].start == u.end,
                       u.end - u.start == 1 || !uc.isDisjoint(with: [.title, .suffix]),
                       tokens[j + 1].isWord, tokens[j + 1].isCapitalized || tokens[j + 1].flags.contains(.particleName) {
                        runClasses.append([])
                        j += 1
                    }
                    continue
                }
                if j > i, u.isWord, !u.isCapitalized, uc.contains(.particle) {
                    // `Osama bin Laden`, `Tomas van der Berg`, `Maria de la Cruz`: particles, then a capital.
                    var p = j
                    while p < n, p - j < 3, tokens[p].isWord, !tokens[p].isCapitalized, (lexicon[tokens[p].hash] ?? []).contains(.particle) {
                        p += 1
                    }
                    if p < n, p > j, tokens[p].isWord, tokens[p].isCapitalized, !tokens[p].flags.contains(.lineStart) {
                        for k in j..<p { runClasses.append(lexicon[tokens[k].hash] ?? []) }
                        j = p
                        continue
                    }
                }
                if j > i, u.isWord, !u.isCapitalized, j + 1 < n, tokens[j + 1].isWord, tokens[j + 1].isCapitalized {
                    if u.hash == Hashes.of, hasTitleWord || hasOrganizationWord {
                        runClasses.append(uc)
                        j += 1  // `Secretary of State`, `Council of Representatives`
                        continue
                    }
                }
                break
            }
            // A lone capitalised function word (`The`, `But`, `Thursday`) is no name: most runs.
            if j == i + 1, runClasses[0].contains(.notName) {
                next = j
                continue
            }
            let mention = runClasses.withUnsafeBufferPointer { classify(tokens, i..<j, s, classes: $0, lexicon) }
            if let mention { mentions.append(mention) }
            next = max(j, i + 1)
        }
        return mentions
    }

    /// Splits a run into title and name and decides its kind.
    /// `classes`: the name classes of the run's tokens.
    private static func classify(_ tokens: UnsafeBufferPointer<Token>, _ run: Range<Int>, _ s: UnsafeBufferPointer<Unicode.Scalar>,
                                 classes: UnsafeBufferPointer<Lexicon.NameClass>, _ lexicon: WordMap<Lexicon.NameClass>) -> NameMention? {
        // A token's classes: from the run's, or looked up for the tokens around it.
        func cls(_ k: Int) -> Lexicon.NameClass {
            run.contains(k) ? classes[k - run.lowerBound] : lexicon[tokens[k].hash] ?? []
        }
        var lo = run.lowerBound
        var hi = run.upperBound
        // Sentence openers, days and months are not names (`But`, `The`, `Thursday`).
        var organizationInRun = false
        for k in lo..<hi where tokens[k].isWord && cls(k).contains(.organization) { organizationInRun = true }
        while lo < hi, tokens[lo].isPunctuation(".") || cls(lo).contains(.notName)
            || cls(lo).contains(.adjective) && !organizationInRun {
            lo += 1
        }
        while hi > lo, tokens[hi - 1].isPunctuation(".") || cls(hi - 1).contains(.notName) && !cls(hi - 1).contains(.title) {
            hi -= 1
        }
        guard lo < hi else { return nil }
        // `Speaking at a town hall, …`: a participle opening a sentence is no name.
        if hi - lo == 1, tokens[lo].flags.contains(.sentenceStart), endsWithIng(tokens[lo], s), hi < tokens.count,
           tokens[hi].isWord, cls(hi).contains(.stop) || cls(hi).contains(.determiner)
            || cls(hi).contains(.pronoun) {
            return nil  // but `Schilling told` is a name
        }
        // A run of capitals is a shouted headline, not a name.
        var capsCount = 0
        var wordCount = 0
        for k in lo..<hi where tokens[k].isWord {
            wordCount += 1
            if tokens[k].flags.contains(.allCaps) { capsCount += 1 }
        }
        if wordCount >= 3 && capsCount == wordCount { return nil }

        // The title: a leading run of titles and their qualifiers holding at least one title.
        var titleEnd = lo
        var lastTitle = -1
        var k = lo
        while k < hi - 1 {
            let u = tokens[k]
            if u.isPunctuation(".") || u.hash == Hashes.of && u.isWord && !u.isCapitalized {
                k += 1
                continue
            }
            guard u.isWord, cls(k).contains(.title) || cls(k).contains(.titleModifier) else { break }
            if cls(k).contains(.title) { lastTitle = k }
            k += 1
        }
        if lastTitle >= 0 {
            titleEnd = k
        } else if k > lo, k < hi, isFirstName(tokens[k].hash) {
            titleEnd = k  // `Republican Donald Trump`: a qualifier before a first name
        } else {
            // `Transport Minister Ruth Adeyemi`: any capitalised words before a title, when a name
            // (two words, or a known first name) follows it.
            var t = lo
            while t < min(hi - 1, lo + 4) {
                if tokens[t].isWord, cls(t).contains(.title) {
                    var rest = 0
                    for r in (t + 1)..<hi where tokens[r].isWord { rest += 1 }
                    if rest >= 2 || t + 1 < hi && isFirstName(tokens[t + 1].hash) {
                        lastTitle = t
                        titleEnd = t + 1
                        if titleEnd < hi, tokens[titleEnd].isPunctuation(".") { titleEnd += 1 }
                    }
                    break
                }
                t += 1
            }
        }
        var nameStart = titleEnd
        while nameStart < hi, tokens[nameStart].isPunctuation(".") || !tokens[nameStart].isWord { nameStart += 1 }
        guard nameStart < hi else {
            // Only a title (`the President`): not a name mention.
            return nil
        }
        var words = NameWords()
        var hasParticle = false
        var organization = false
        var place = true
        var allCapsSingle = false
        for k in nameStart..<hi where tokens[k].isWord {
            let u = tokens[k]
            if u.flags.contains(.particleName) || !u.isCapitalized && cls(k).contains(.particle) { hasParticle = true }
            if !u.isCapitalized && !u.flags.contains(.particleName) { continue }
            if cls(k).contains(.suffix) { continue }
            words.append(u.hash)
            if cls(k).contains(.organization) { organization = true }
            if !cls(k).contains(.place) && u.hash != Hashes.united && u.hash != Hashes.states && u.hash != Hashes.new {
                place = false
            }
        }
        guard !words.isEmpty else { return nil }
        if words.count == 1, tokens[nameStart].flags.contains(.allCaps) { allCapsSingle = true }

        var gender = Gender.unknown
        for k in lo..<titleEnd where tokens[k].isWord {
            if cls(k).contains(.maleTitle) { gender = .male }
            if cls(k).contains(.femaleTitle) { gender = .female }
        }
        let first = words.first
        if gender == .unknown, words.count >= 2 {
            if Lexicon.nameClass(first).contains(.maleFirstName) && !Lexicon.nameClass(first).contains(.femaleFirstName) { gender = .male }
            if Lexicon.nameClass(first).contains(.femaleFirstName) && !Lexicon.nameClass(first).contains(.maleFirstName) { gender = .female }
        }
        let kind: NameKind
        if place && !organization {
            kind = .place
        } else if organization || (allCapsSingle && lastTitle < 0) {
            kind = .organization
            nameStart = lo  // `General Motors`, `State Department`: the whole run is the name
            titleEnd = lo
        } else if lastTitle >= 0 || (words.count >= 2 && (isFirstName(first) || hasParticle || roleBefore(tokens, lo))) || gender != .unknown {
            kind = .person
        } else {
            kind = .unknown
        }
        if kind == .organization {
            words = NameWords()
            for k in lo..<hi where tokens[k].isWord && (tokens[k].isCapitalized || tokens[k].flags.contains(.particleName)) {
                words.append(tokens[k].hash)
            }
        }
        var nameEnd = hi
        while nameEnd > nameStart, !tokens[nameEnd - 1].isWord { nameEnd -= 1 }
        let span = TextSpan(tokens[nameStart].start, tokens[nameEnd - 1].end)
        let mention = NameMention(tokens: nameStart..<nameEnd, title: lo..<titleEnd, span: span, kind: kind, gender: gender,
                                  words: words, quoted: tokens[nameStart].flags.contains(.quoted))
        let lone = words.count == 1 && titleEnd == lo && nameEnd - nameStart == 1
            && tokens[nameStart].flags.contains(.sentenceStart) && !isFirstName(words.first)
        if lone, kind != .organization || !tokens[nameStart].flags.contains(.allCaps) {
            // A capitalised common word opening a sentence: `Officials said`, `Clearly, …`.
            let t = tokens[nameStart]
            if cls(nameStart).contains(.personNoun) || cls(nameStart).contains(.institutionNoun) || endsWith(t, "ly", s) {
                return nil
            }
        }
        return mention
    }

    private static func endsWithIng(_ t: Token, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        t.end - t.start > 5 && endsWith(t, "ing", s)
    }

    static func endsWith(_ t: Token, _ suffix: StaticString, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard t.end - t.start > count else { return false }
        return suffix.withUTF8Buffer { bytes in
            for n in 0..<count where s[t.end - count + n].value != UInt32(bytes[n]) { return false }
            return true
        }
    }

    /// `the union leader Sofia Brandt`: a lower-case noun for a person right before the name.
    private static func roleBefore(_ tokens: UnsafeBufferPointer<Token>, _ lo: Int) -> Bool {
        guard lo > 0, tokens[lo - 1].isWord, !tokens[lo - 1].isCapitalized else { return false }
        let h = tokens[lo - 1].hash
        return Lexicon.nameClass(h).contains(.personNoun) || Lexicon.nameClass(h).contains(.title)
    }

    static func isFirstName(_ hash: UInt64) -> Bool {
        !Lexicon.nameClass(hash).isDisjoint(with: .firstName)
    }
}

/// Hashes of single words the rules compare against.
enum Hashes {
    static let of = WordHash.of("of")
    static let united = WordHash.of("united")
    static let states = WordHash.of("states")
    static let new = WordHash.of("new")
    static let the = WordHash.of("the")
    static let according = WordHash.of("according")
    static let to = WordHash.of("to")
    static let who = WordHash.of("who")
    static let whose = WordHash.of("whose")
    static let which = WordHash.of("which")
    static let that = WordHash.of("that")
    static let said = WordHash.of("said")
    static let `in` = WordHash.of("in")
    static let statement = WordHash.of("statement")
    static let by = WordHash.of("by")
    static let from = WordHash.of("from")
    static let `as` = WordHash.of("as")
    static let put = WordHash.of("put")
    static let it = WordHash.of("it")
    static let went = WordHash.of("went")
    static let on = WordHash.of("on")
    static let pointed = WordHash.of("pointed")
    static let out = WordHash.of("out")
    static let only = WordHash.of("only")
    static let calls = WordHash.of("calls")
    static let says = WordHash.of("says")
}
