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
    /// The hash of the title's last word (`President` in `Vice President`), or 0.
    var titleWord: UInt64 = 0
    /// The identity it belongs to (set by clustering; -1 when it is no name after all).
    var entity = -1

    var surname: UInt64 { words.last }
    var firstName: UInt64 { words.first }
}

/// The words of a name, kept as hashes without an array: first, last, how many, and a hash
/// of them all in order (an organisation's key).
struct NameWords {
    var first: UInt64 = 0
    var second: UInt64 = 0
    var last: UInt64 = 0
    var count = 0
    var key: UInt64 = FNV1a.offsetBasis

    var isEmpty: Bool { count == 0 }

    mutating func append(_ h: UInt64) {
        if count == 0 { first = h }
        if count == 1 { second = h }
        last = h
        count += 1
        key = FNV1a.step(key, h)
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
        // Built only when first needed (a sentence opening with a word in -ing).
        var midSentenceCapitals: WordHashSet?
        var capitalsInsideSentences: WordHashSet?
        var next = 0
        for i in starts where i >= next {
            // The run of name-like tokens, with their classes.
            // Emptied element by element: `removeAll(keepingCapacity:)` goes through the generic
            // `replaceSubrange`, some sixty instructions a run; a run holds a word or two.
            while runClasses.popLast() != nil {}
            var j = i
            // A headline verb that ended the run starts no name of its own.
            var endedByVerb = false
            var hasTitleWord = false
            var hasOrganizationWord = false
            while j < n {
                let u = tokens[j]
                if j > i, u.flags.contains(.lineStart) { break }
                // A lower-case word longer than any particle (or `of`) ends the run: no look-up.
                if j > i, u.isWord, !u.isCapitalized, !u.flags.contains(.particleName), u.end - u.start > 5 { break }
                let uc: Lexicon.NameClass = u.isWord ? lexicon[u.hash] ?? [] : []
                // `Chris Christie Calls Hillary Clinton As …`: a title-case line holds several names.
                if j > i, uc.contains(.breaker) || u.isCapitalized && !u.flags.contains(.allCaps) && uc.contains(.headlineVerb) { break }
                if j == i + 2, u.isWord, u.isCapitalized, isFirstName(tokens[i].hash), looksLikeVerb(u, s),
                   isTitleCaseLine(tokens, at: j) {
                    // `Ann Berg Wins Seat`: in a title-case headline, a verb after a first name and
                    // a surname ends the name.
                    endedByVerb = true
                    break
                }
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
                    // `Secretary of State`, `Council of Representatives`, `Mayor of London`: only right
                    // after a title or an institution, not after a person's name (`Amy Lund of Maine`).
                    if u.hash == Hashes.of, hasTitleWord || hasOrganizationWord,
                       let before = runClasses.last, !before.isDisjoint(with: [.title, .titleModifier, .organization]) {
                        runClasses.append(uc)
                        j += 1
                        continue
                    }
                }
                break
            }
            // `a memo titled Senator Releases Budget Leak Report`: a work's title, not a name.
            // `the U.S.-Russian talks`: an adjective, not a name.
            if isWorkTitle(tokens, i..<j, s) || isNationalAdjective(tokens, i..<j, s, lexicon) {
                next = j
                continue
            }
            // A lone capitalised function word (`The`, `But`, `Thursday`) is no name: most runs.
            // Nor is a lone title (`the President said`): a description, linked to the named
            // president by the speaker analysis.
            if j == i + 1, runClasses[0].contains(.notName) || runClasses[0].contains(.title) && !runClasses[0].contains(.surnameTitle)
                || isPluralTitle(tokens[i], s) {
                next = j
                continue
            }
            // `Harding did not …` after `contacted Harding`: a word in -ing opening a sentence is a
            // name when the article also capitalises it after a lower-case word.
            var namedElsewhere = false
            // (Looked up only when the word would otherwise be read as a participle below.)
            if j == i + 1, tokens[i].flags.contains(.sentenceStart), endsWithIng(tokens[i], s), j < n, tokens[j].isWord,
               !(lexicon[tokens[j].hash] ?? []).isDisjoint(with: [.stop, .determiner, .pronoun]) {
                if midSentenceCapitals == nil { midSentenceCapitals = capitalsAfterLowerCase(tokens, starts: starts) }
                namedElsewhere = midSentenceCapitals?.contains(tokens[i].hash) ?? false
            } else if j == i + 1, tokens[i].flags.contains(.sentenceStart), endsWithIng(tokens[i], s), j < n, tokens[j].isWord,
                      !tokens[j].isCapitalized, Lexicon.cues[tokens[j].hash] == nil, !Lexicon.auxiliaries.contains(tokens[j].hash) {
                // `Flying home that night, she …`: a word in -ing opening a sentence before a
                // lower-case word that is no verb of saying or auxiliary is a participle, unless the
                // article capitalises it inside a sentence too (`Tom Sterling`, `… Sterling spent`).
                if capitalsInsideSentences == nil { capitalsInsideSentences = capitalsNotOpeningASentence(tokens, starts: starts) }
                if capitalsInsideSentences?.contains(tokens[i].hash) == false {
                    next = j
                    continue
                }
            }
            let mention = runClasses.withUnsafeBufferPointer {
                classify(tokens, i..<j, s, classes: $0, lexicon, namedElsewhere: namedElsewhere)
            }
            if let mention { mentions.append(mention) }
            next = max(endedByVerb ? j + 1 : j, i + 1)
        }
        return mentions
    }

    // MARK: Capitalised words that are no name

    /// `a memo titled Senator Releases Budget Leak Report`: the capitalised words after `titled`,
    /// `headlined` or `entitled` (past a quotation mark or a colon) name a work, not a person;
    /// after `called`, `dubbed` or `named` only when they read as a headline (`a man called Tom
    /// Berg` is named). Without such a word, a verb among capitalised words says too little:
    /// surnames and organisations end in -s too (`Tom Burns`, `United Steelworkers`).
    private static func isWorkTitle(_ tokens: UnsafeBufferPointer<Token>, _ run: Range<Int>, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        var k = run.lowerBound - 1
        while k >= 0, run.lowerBound - k <= 2, tokens[k].isQuotationMark || tokens[k].isPunctuation(":") { k -= 1 }
        guard k >= 0, tokens[k].isWord, !tokens[k].isCapitalized else { return false }
        return titleIntroducers.contains(tokens[k].hash) || namingVerbs.contains(tokens[k].hash) && readsAsHeadline(tokens, run, s)
    }

    /// Words after which capitalised words are a work's title.
    private static let titleIntroducers = WordSet("titled entitled headlined subtitled retitled")

    /// Words after which capitalised words are a name, or a title that reads as a headline.
    private static let namingVerbs = WordSet("called dubbed named")

    /// A run of capitalised words holds a verb between its first and last word, shaped like one
    /// (`Releases`, `Slammed`, `Visiting`) and in no name lexicon, and not a surname after a
    /// first name (`Tom Burns Jones`): a headline, not a name.
    private static func readsAsHeadline(_ tokens: UnsafeBufferPointer<Token>, _ run: Range<Int>, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard run.count >= 3 else { return false }
        for k in (run.lowerBound + 1)..<(run.upperBound - 1) {
            let t = tokens[k]
            guard t.isWord, t.isCapitalized, looksLikeVerb(t, s), !t.flags.contains(.possessive), !isFirstName(tokens[k - 1].hash) else { continue }
            if Lexicon.nameClass(t.hash).isEmpty, t.hash != Hashes.united, t.hash != Hashes.states { return true }
        }
        return false
    }

    /// `U.S.-Russian`, `Franco-German`, `Iranian-backed`: a word of two or more hyphenated parts,
    /// each a place or nationality (a known place or adjective, a dotted abbreviation, a
    /// combining form such as `Franco`, an adjective in -ian, -ean, -ese or -ish), or after the
    /// first a participle (`-backed`, `-led`). Before a noun it is an adjective, not a name.
    static func isNationalCompound(_ t: Token, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard t.isWord, t.isCapitalized else { return false }
        // Most capitalised words have no hyphen, so one part: no compound, and no look-ups.
        guard t.flags.contains(.hyphenated) else { return false }
        var parts = 0
        var start = t.start
        for k in t.start...t.end where k == t.end || s[k] == "-" {
            guard k > start else { return false }
            let isFirst = parts == 0
            parts += 1
            defer { start = k + 1 }
            let h = WordHash.of(s, start, k)
            let capital = Letters.isUpper(s[start])
            if capital, Lexicon.places.contains(h) || Lexicon.nameAdjectives.contains(h) || nationalCombiningForms.contains(h)
                || isDottedAbbreviation(s, start, k) || hasNationalSuffix(s, start, k) {
                continue
            }
            if !isFirst, !capital, k - start > 2, s[k - 2] == "e" && s[k - 1] == "d" || h == born { continue }
            return false
        }
        return parts >= 2
    }

    /// `Franco-`, `Sino-`: the forms of nationalities that open a compound.
    private static let nationalCombiningForms = WordSet("anglo franco sino russo indo greco austro afro euro judeo italo hispano luso germano turco nippo")

    private static let born = WordHash.of("born")

    /// `U.S.`, `U.K.`: capital letters each followed by a period.
    private static func isDottedAbbreviation(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ from: Int, _ to: Int) -> Bool {
        guard to - from >= 4, (to - from) % 2 == 0 else { return false }
        for k in stride(from: from, to: to, by: 2) where !Letters.isUpper(s[k]) || s[k + 1] != "." { return false }
        return true
    }

    /// `Canadian`, `Korean`, `Japanese`, `Turkish`: the endings of adjectives of nationality.
    private static func hasNationalSuffix(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ from: Int, _ to: Int) -> Bool {
        guard to - from >= 5 else { return false }
        let (a, b, c) = (s[to - 3], s[to - 2], s[to - 1])
        return a == "i" && b == "a" && c == "n" || a == "e" && b == "a" && c == "n" || a == "e" && b == "s" && c == "e"
            || a == "i" && b == "s" && c == "h"
    }

    /// `The U.S.-Russian talks`: a run that is a national compound (after words that are no
    /// name, such as `The`) before a lower-case word, the noun it modifies.
    private static func isNationalAdjective(_ tokens: UnsafeBufferPointer<Token>, _ run: Range<Int>, _ s: UnsafeBufferPointer<Unicode.Scalar>,
                                            _ lexicon: WordMap<Lexicon.NameClass>) -> Bool {
        let last = run.upperBound - 1
        guard run.upperBound < tokens.count, tokens[run.upperBound].isWord, !tokens[run.upperBound].isCapitalized,
              isNationalCompound(tokens[last], s) else { return false }
        for k in run.lowerBound..<last where !(lexicon[tokens[k].hash] ?? []).contains(.notName) { return false }
        return true
    }

    private static let timeQualifiers = WordSet("former longtime late then current outgoing incumbent future onetime erstwhile")

    /// The capitalised words that follow a lower-case word (`contacted Harding`): names, not
    /// sentence openers or headline words.
    private static func capitalsAfterLowerCase(_ tokens: UnsafeBufferPointer<Token>, starts: [Int]) -> WordHashSet {
        // Room for every start at once: the set is never rehashed as it grows.
        var result = WordHashSet(minimumCapacity: starts.count)
        for k in starts where k > 0 && !tokens[k].flags.contains(.sentenceStart) {
            let before = tokens[k - 1]
            if before.isWord, !before.isCapitalized { result.insert(tokens[k].hash) }
        }
        return result
    }

    /// The capitalised words anywhere but at the start of a sentence (`Sterling` of `Tom Sterling`).
    private static func capitalsNotOpeningASentence(_ tokens: UnsafeBufferPointer<Token>, starts: [Int]) -> WordHashSet {
        var result = WordHashSet(minimumCapacity: starts.count)
        for k in starts where !tokens[k].flags.contains(.sentenceStart) { result.insert(tokens[k].hash) }
        return result
    }

    /// Splits a run into title and name and decides its kind.
    /// `classes`: the name classes of the run's tokens. `namedElsewhere`: the run's word is
    /// capitalised after a lower-case word elsewhere in the article.
    private static func classify(_ tokens: UnsafeBufferPointer<Token>, _ run: Range<Int>, _ s: UnsafeBufferPointer<Unicode.Scalar>,
                                 classes: UnsafeBufferPointer<Lexicon.NameClass>, _ lexicon: WordMap<Lexicon.NameClass>,
                                 namedElsewhere: Bool = false) -> NameMention? {
        RunClassifier(tokens: tokens, run: run, s: s, classes: classes, lexicon: lexicon).mention(namedElsewhere: namedElsewhere)
    }

    /// One run of name-like tokens, classified step by step: trimmed of words that are no name,
    /// split into a title and the name, and given a kind.
    private struct RunClassifier {
        let tokens: UnsafeBufferPointer<Token>
        let run: Range<Int>
        let s: UnsafeBufferPointer<Unicode.Scalar>
        let classes: UnsafeBufferPointer<Lexicon.NameClass>
        let lexicon: WordMap<Lexicon.NameClass>

        /// A token's classes: from the run's, or looked up for the tokens around it.
        func cls(_ k: Int) -> Lexicon.NameClass {
            run.contains(k) ? classes[k - run.lowerBound] : lexicon[tokens[k].hash] ?? []
        }

        /// Where the title ends and the position of its last title word (-1 for none).
        struct Title {
            var end: Int
            var last: Int
        }

        func mention(namedElsewhere: Bool) -> NameMention? {
            guard let trimmed = trimmed() else { return nil }
            let lo = trimmed.lowerBound
            let hi = trimmed.upperBound
            if !namedElsewhere, isParticipleOpener(trimmed) { return nil }  // but `Schilling told` is a name
            if isShoutedHeadline(trimmed) { return nil }
            var title = self.title(of: trimmed)
            if let domain = officeDomain(trimmed, title: &title) {
                // Only the office's domain: a place (or an institution), not a person.
                return NameFinder.placeMention(tokens, domain, cls)
            }
            var nameStart = title.end
            while nameStart < hi, tokens[nameStart].isPunctuation(".") || !tokens[nameStart].isWord { nameStart += 1 }
            guard nameStart < hi else {
                // Only a title (`the President`): not a name mention.
                return nil
            }
            if title.last >= 0, hi - nameStart == 1, cls(nameStart).contains(.title) || isPluralTitle(tokens[nameStart], s),
               !cls(nameStart).contains(.surnameTitle) {
                // `Vice President`, `Prime Minister`, `Vice Presidents`: titles with no name.
                return nil
            }
            var words = nameWords(nameStart..<hi)
            guard !words.words.isEmpty else { return nil }
            let allCapsSingle = words.words.count == 1 && tokens[nameStart].flags.contains(.allCaps)
            // `the DVD`, `HIV`: an acronym for a thing is no name (`Ip` and `PC World` still are).
            if allCapsSingle, hi - nameStart == 1, Lexicon.thingAcronyms.contains(tokens[nameStart].hash) { return nil }
            let gender = self.gender(titleWords: lo..<title.end, first: words.words.first, wordCount: words.words.count)
            if !words.organization, isPlace(trimmed, wordCount: words.words.count) { words.place = true }
            let kind: NameKind
            if words.place && !words.organization {
                kind = .place
            } else if words.organization || (allCapsSingle && title.last < 0) {
                kind = .organization
                nameStart = lo  // `General Motors`, `State Department`: the whole run is the name
                title.end = lo
            } else if title.last >= 0 || gender != .unknown
                || words.words.count >= 2 && (isFirstName(words.words.first) || words.hasParticle || roleBefore(tokens, lo)) {
                kind = .person
            } else {
                kind = .unknown
            }
            if kind == .organization {
                words.words = NameWords()
                for k in lo..<hi where tokens[k].isWord && (tokens[k].isCapitalized || tokens[k].flags.contains(.particleName)) {
                    words.words.append(tokens[k].hash)
                }
            }
            var nameEnd = hi
            while nameEnd > nameStart, !tokens[nameEnd - 1].isWord { nameEnd -= 1 }
            let span = TextSpan(tokens[nameStart].start, tokens[nameEnd - 1].end)
            var mention = NameMention(tokens: nameStart..<nameEnd, title: lo..<title.end, span: span, kind: kind, gender: gender,
                                      words: words.words, quoted: tokens[nameStart].flags.contains(.quoted))
            if title.last >= 0, title.end > lo { mention.titleWord = tokens[title.last].hash }
            if isLoneCommonWord(mention, kind: kind) { return nil }
            return mention
        }

        // MARK: Trimming

        /// The run without what opens or ends it but is no name: sentence openers, days and
        /// months (`But`, `The`, `Thursday`), adjectives, a verb of saying opening the sentence.
        func trimmed() -> Range<Int>? {
            var lo = run.lowerBound
            var hi = run.upperBound
            var organizationInRun = false
            for k in lo..<hi where tokens[k].isWord && cls(k).contains(.organization) { organizationInRun = true }
            while lo < hi, tokens[lo].isPunctuation(".") || cls(lo).contains(.notName)
                || cls(lo).contains(.adjective) && !organizationInRun
                // `Stated Stone: "…"`: a verb of saying in the past opening the sentence.
                || lo == run.lowerBound && tokens[lo].flags.contains(.sentenceStart) && cls(lo).contains(.headlineVerb)
                && endsWith(tokens[lo], "ed", s) {
                // `First Lady`, `First Minister`: a qualifier of the title after it.
                if lo + 1 < hi, cls(lo).contains(.titleModifier), cls(lo + 1).contains(.title) { break }
                lo += 1
            }
            // `Former Trump adviser Steve Bannon`, `Longtime Imus producer`: a qualifier opening the
            // sentence belongs to the noun after the name, unless a title follows it (`Former President`).
            if lo + 1 < hi, tokens[lo].flags.contains(.sentenceStart), NameFinder.timeQualifiers.contains(tokens[lo].hash),
               cls(lo + 1).isDisjoint(with: [.title, .titleModifier]) {
                lo += 1
            }
            // `Judicial Watch`: a word for an organisation ending a longer run stays in its name.
            while hi > lo, tokens[hi - 1].isPunctuation(".")
                || cls(hi - 1).contains(.notName) && !cls(hi - 1).contains(.title) && !(hi - lo > 1 && cls(hi - 1).contains(.organization)) {
                hi -= 1
            }
            return lo < hi ? lo..<hi : nil
        }

        /// `Speaking at a town hall, …`: a participle opening a sentence is no name.
        func isParticipleOpener(_ r: Range<Int>) -> Bool {
            let lo = r.lowerBound
            let hi = r.upperBound
            return hi - lo == 1 && tokens[lo].flags.contains(.sentenceStart) && endsWithIng(tokens[lo], s) && hi < tokens.count
                && tokens[hi].isWord && (cls(hi).contains(.stop) || cls(hi).contains(.determiner) || cls(hi).contains(.pronoun))
        }

        /// A run of capitals is a shouted headline, not a name.
        func isShoutedHeadline(_ r: Range<Int>) -> Bool {
            var capsCount = 0
            var wordCount = 0
            for k in r where tokens[k].isWord {
                wordCount += 1
                if tokens[k].flags.contains(.allCaps) { capsCount += 1 }
            }
            return wordCount >= 3 && capsCount == wordCount
        }

        // MARK: The title

        /// The title before the name: a leading run of titles and their qualifiers holding at
        /// least one title (`Defense Secretary`); else qualifiers before a first name
        /// (`Republican Donald Trump`, `Vermont Bernie Sanders`); else capitalised words before the
        /// last title a name follows (`Transport Minister Ruth Adeyemi`); else a noun for a role
        /// before a name (`Legislator Tanya Chan`). Then an `of` after it (`Mayor of London …`).
        func title(of r: Range<Int>) -> Title {
            let lo = r.lowerBound
            let hi = r.upperBound
            var title = Title(end: lo, last: -1)
            var k = lo
            while k < hi - 1 {
                let u = tokens[k]
                if u.isPunctuation(".") || u.hash == Hashes.of && u.isWord && !u.isCapitalized {
                    k += 1
                    continue
                }
                guard u.isWord, cls(k).contains(.title) || cls(k).contains(.titleModifier) else { break }
                if cls(k).contains(.title) { title.last = k }
                k += 1
            }
            // `Vermont Bernie Sanders`, `United States Joe Biden`: places qualifying a first name.
            var qualifiers = k
            while qualifiers < hi - 2, tokens[qualifiers].isWord,
                  cls(qualifiers).contains(.place) || tokens[qualifiers].hash == Hashes.united || tokens[qualifiers].hash == Hashes.states {
                qualifiers += 1
            }
            if title.last >= 0 {
                title.end = k
                laterTitle(after: k, hi: hi, &title)
            } else if k > lo, k < hi, isFirstName(tokens[k].hash) {
                title.end = k  // `Republican Donald Trump`: a qualifier before a first name
            } else if qualifiers > k, isFirstName(tokens[qualifiers].hash) {
                title.end = qualifiers
            } else {
                titleBeforeName(r, &title)
            }
            if title.last < 0, isRoleNounBeforeName(r) {
                // `Legislator Tanya Chan`, `Astronomer Ann Lee`: a noun for a person's role before a
                // name of two words (three with a known first name) is their description, as a title is.
                title.last = lo
                title.end = lo + 1
            }
            if title.end < hi, tokens[title.end].isWord, tokens[title.end].hash == Hashes.of { title.end += 1 }
            return title
        }

        /// Whether a name follows the title word at `t`: two or three words, or a known first
        /// name, or an office's domain and two words (`Minister of Health Ann Lee`).
        private func nameFollows(_ t: Int, hi: Int) -> Bool {
            var rest = 0
            for r in (t + 1)..<hi where tokens[r].isWord { rest += 1 }
            let ofDomain = tokens[t + 1].isWord && tokens[t + 1].hash == Hashes.of
            return rest >= 2 && rest <= 3 || rest >= 1 && isFirstName(tokens[t + 1].hash) || ofDomain && rest >= 2
        }

        /// `Deputy Emergency Situations Minister Ann Lee`: a later title, within a few words of
        /// the leading one, that a name follows.
        private func laterTitle(after k: Int, hi: Int, _ title: inout Title) {
            var t = k
            while t < min(hi - 1, k + 5) {
                if tokens[t].isWord, cls(t).contains(.title), nameFollows(t, hi: hi) {
                    title.last = t
                    title.end = t + 1
                }
                t += 1
            }
        }

        /// `Transport Minister Ruth Adeyemi`, `Chief Technical Officer Ann Lee`, `Railway Manager Ann
        /// Lee`: any capitalised words before the last title (or noun for a role) that a name
        /// follows (two words, or a known first name).
        private func titleBeforeName(_ r: Range<Int>, _ title: inout Title) {
            let lo = r.lowerBound
            let hi = r.upperBound
            var t = lo
            var firstFit = -1
            while t < min(hi - 1, lo + 6) {
                if tokens[t].isWord, cls(t).contains(.title) || cls(t).contains(.personNoun) && t > lo {
                    if nameFollows(t, hi: hi) {
                        title.last = t
                    } else if firstFit < 0, cls(t).contains(.title) {
                        var rest = 0
                        for r in (t + 1)..<hi where tokens[r].isWord { rest += 1 }
                        if rest >= 2 { firstFit = t }
                    }
                }
                t += 1
            }
            if title.last < 0 { title.last = firstFit }
            if title.last >= 0 {
                title.end = title.last + 1
                if title.end < hi, tokens[title.end].isPunctuation(".") { title.end += 1 }
            }
        }

        /// `Legislator Tanya Chan`, `Astronomer Ann Lee`: a noun for a role, then a name of two
        /// capitalised words (three with a known first name) that are no common words.
        private func isRoleNounBeforeName(_ r: Range<Int>) -> Bool {
            let lo = r.lowerBound
            let hi = r.upperBound
            return (hi - lo == 3 || hi - lo == 4 && isFirstName(tokens[lo + 1].hash))
                && cls(lo).contains(.personNoun) && !cls(lo).contains(.organization)
                && tokens[lo + 1].isWord && tokens[lo + 1].isCapitalized && tokens[lo + 2].isWord && tokens[lo + 2].isCapitalized
                && cls(lo + 1).isDisjoint(with: NameFinder.commonWordClasses)
                && cls(lo + 2).isDisjoint(with: [.stop, .notName, .determiner, .pronoun, .breaker, .headlineVerb, .organization])
        }

        /// `Mayor of London Sadiq Khan`, `Chief Executive of Hong Kong Carrie Lam`: the words
        /// after `of` name the office's domain first. Two or more words after it are the person
        /// (a known first name says where they start), and the title then ends before them;
        /// fewer, and there is no person: the domain is returned.
        func officeDomain(_ r: Range<Int>, title: inout Title) -> Range<Int>? {
            let lo = r.lowerBound
            let hi = r.upperBound
            guard title.end > lo, tokens[title.end - 1].hash == Hashes.of, tokens[title.end - 1].isWord else { return nil }
            var capitals: [Int] = []
            for r in title.end..<hi where tokens[r].isWord && tokens[r].isCapitalized { capitals.append(r) }
            var split = capitals.firstIndex { $0 > capitals[0] && isFirstName(tokens[$0].hash) } ?? -1
            if split < 0 || capitals.count - split < 2 { split = capitals.count >= 4 ? 2 : capitals.count == 3 ? 1 : capitals.count }
            if split >= capitals.count { return title.end..<hi }
            title.end = capitals[split]
            return nil
        }

        // MARK: The name

        /// A name's words (particles, suffixes and lower-case words left out) and what they say
        /// about it.
        struct Words {
            var words = NameWords()
            var hasParticle = false
            /// A word that makes it an organisation (`House`, `Committee`).
            var organization = false
            /// Every word a place's (`New York`, `United States`).
            var place = true
        }

        func nameWords(_ r: Range<Int>) -> Words {
            var result = Words()
            for k in r where tokens[k].isWord {
                let u = tokens[k]
                if u.flags.contains(.particleName) || !u.isCapitalized && cls(k).contains(.particle) { result.hasParticle = true }
                if !u.isCapitalized && !u.flags.contains(.particleName) { continue }
                if cls(k).contains(.suffix) { continue }
                result.words.append(nameWordHash(u, s))
                if cls(k).contains(.organization) { result.organization = true }
                if !cls(k).contains(.place) && u.hash != Hashes.united && u.hash != Hashes.states && u.hash != Hashes.new {
                    result.place = false
                }
            }
            return result
        }

        /// From the title (`Mr.`, `Queen`), else from a first name that is only a man's or only a
        /// woman's.
        func gender(titleWords: Range<Int>, first: UInt64, wordCount: Int) -> Gender {
            var gender = Gender.unknown
            for k in titleWords where tokens[k].isWord {
                if cls(k).contains(.maleTitle) { gender = .male }
                if cls(k).contains(.femaleTitle) { gender = .female }
            }
            // A known first name alone is one too, where a capital says it is a name (`her husband Tom`).
            if gender == .unknown, wordCount >= 2 || wordCount == 1 && !tokens[run.lowerBound].flags.contains(.sentenceStart) {
                let classes = Lexicon.nameClass(first)
                if classes.contains(.maleFirstName) && !classes.contains(.femaleFirstName) { gender = .male }
                if classes.contains(.femaleFirstName) && !classes.contains(.maleFirstName) { gender = .female }
            }
            return gender
        }

        /// A name that is a place by its last word or the noun before it, though its words are
        /// not all places': `General Santos City`, `Orange County`, `the city of Gdańsk`.
        func isPlace(_ r: Range<Int>, wordCount: Int) -> Bool {
            let lo = r.lowerBound
            if wordCount >= 2, NameFinder.placeHeads.contains(tokens[r.upperBound - 1].hash) { return true }
            return lo >= 2 && tokens[lo - 1].hash == Hashes.of && tokens[lo - 1].isWord
                && NameFinder.placeNouns.contains(tokens[lo - 2].hash)
        }

        /// A capitalised common word opening a sentence, alone: `Officials said`, `Clearly, …`.
        func isLoneCommonWord(_ mention: NameMention, kind: NameKind) -> Bool {
            let nameStart = mention.tokens.lowerBound
            let lone = mention.words.count == 1 && mention.title.isEmpty && mention.tokens.count == 1
                && tokens[nameStart].flags.contains(.sentenceStart) && !isFirstName(mention.words.first)
            guard lone, kind != .organization || !tokens[nameStart].flags.contains(.allCaps) else { return false }
            let t = tokens[nameStart]
            return cls(nameStart).contains(.personNoun) || cls(nameStart).contains(.institutionNoun) || endsWith(t, "ly", s)
                || isPluralNoun(t, s)
        }
    }

    /// A name word's hash with Latin diacritics folded (`Gdańsk` and `Gdansk`, `José` and `Jose`
    /// are one word): what names are grouped by. The token's own hash when it is ASCII.
    static func nameWordHash(_ t: Token, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> UInt64 {
        guard t.flags.contains(.nonASCII) else { return t.hash }
        var h = FNV1a.offsetBasis
        for k in t.start..<t.end { h = WordHash.add(h, foldDiacritic(s[k])) }
        return WordHash.finish(h)
    }

    /// Base letters of U+00C0…U+017F (Latin-1 letters and Latin Extended-A), lower case; `.`
    /// keeps the scalar (`×`, `÷`).
    private static let foldedLatin: [Unicode.Scalar] = Array((
        "aaaaaaaceeeeiiiidnooooo.ouuuuyts" + "aaaaaaaceeeeiiiidnooooo.ouuuuyty"
            + "aaaaaa" + "cccccccc" + "dddd" + "eeeeeeeeee" + "gggggggg" + "hhhh" + "iiiiiiiiii" + "ii" + "jj" + "kkk"
            + "llllllllll" + "nnnnnnnnn" + "oooooo" + "oo" + "rrrrrr" + "ssssssss" + "tttttt" + "uuuuuuuuuuuu" + "ww" + "yyy"
            + "zzzzzz" + "s"
    ).unicodeScalars)

    private static func foldDiacritic(_ c: Unicode.Scalar) -> Unicode.Scalar {
        let v = c.value
        guard v >= 0xC0, v <= 0x17F else { return c }
        let base = foldedLatin[Int(v - 0xC0)]
        return base == "." ? c : base
    }

    /// A capitalised word shaped like a verb in a headline: `Wins`, `Pins`, `Slammed`, `Visiting`.
    private static func looksLikeVerb(_ t: Token, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard t.end - t.start >= 3, !t.flags.contains(.allCaps) else { return false }
        if endsWith(t, "ss", s) { return false }
        return endsWith(t, "s", s) || endsWith(t, "ed", s) || endsWith(t, "ing", s)
    }

    /// True when the line holding token `j` is written in title case: every word capitalised
    /// but short function words.
    private static func isTitleCaseLine(_ tokens: UnsafeBufferPointer<Token>, at j: Int) -> Bool {
        var start = j
        while start > 0, !tokens[start].flags.contains(.lineStart), j - start < 40 { start -= 1 }
        var k = start
        var words = 0
        while k < tokens.count, k == start || !tokens[k].flags.contains(.lineStart), k - start < 40 {
            let t = tokens[k]
            if t.isWord, !(t.end - t.start <= 3 && !t.isCapitalized) {
                if !t.isCapitalized, !Lexicon.nameClass(t.hash).contains(.breaker) { return false }
                words += 1
            }
            k += 1
        }
        return words >= 3
    }

    /// Classes of words that are not part of a person's name (`No Child Left Behind`).
    private static let commonWordClasses: Lexicon.NameClass = [
        .stop, .notName, .determiner, .pronoun, .breaker, .headlineVerb, .place, .organization, .title,
    ]

    /// Nouns that end the name of a place: `Santos City`, `Tyumen Oblast`, `Market Street`.
    private static let placeHeads = WordSet("""
        city county province oblast island islands region district valley river lake mountains mountain bay \
        street avenue road square park beach airport station bridge peninsula coast desert canyon
        """)

    /// Nouns for places whose name follows `of`: `the city of Gdańsk`.
    private static let placeNouns = WordSet("""
        city town village state province region county country capital island district municipality \
        territory oblast prefecture borough suburb port
        """)

    /// A mention of the place (or institution) named by `range`.
    private static func placeMention(_ tokens: UnsafeBufferPointer<Token>, _ range: Range<Int>,
                                     _ cls: (Int) -> Lexicon.NameClass) -> NameMention? {
        var words = NameWords()
        var organization = false
        var first = -1
        var last = -1
        for k in range where tokens[k].isWord && (tokens[k].isCapitalized || tokens[k].flags.contains(.particleName)) {
            words.append(tokens[k].hash)
            if cls(k).contains(.organization) { organization = true }
            if first < 0 { first = k }
            last = k
        }
        guard first >= 0 else { return nil }
        return NameMention(tokens: first..<(last + 1), title: first..<first, span: TextSpan(tokens[first].start, tokens[last].end),
                           kind: organization ? .organization : .place, gender: .unknown, words: words,
                           quoted: tokens[first].flags.contains(.quoted))
    }

    /// `Presidents`, `Ministers`: the plural of a title.
    private static func isPluralTitle(_ t: Token, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard t.end - t.start > 3, s[t.end - 1].value == 0x73 else { return false }
        return Lexicon.nameClass(WordHash.of(s, t.start, t.end - 1)).contains(.title)
    }

    /// `Reports`, `Statements`: the plural of a noun for people or institutions.
    private static func isPluralNoun(_ t: Token, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard t.end - t.start > 3, s[t.end - 1].value == 0x73 else { return false }
        return !Lexicon.nameClass(WordHash.of(s, t.start, t.end - 1)).isDisjoint(with: [.personNoun, .institutionNoun])
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
///
/// Written as constants, each `WordHash.of` its name (a test checks every one): a constant is
/// read straight from memory, while `WordHash.of("of")` is computed once behind a `swift_once`
/// guard that every read went through (several million reads a pass, in per-token loops).
enum Hashes {
    /// `who`, `which`, `that`: a pronoun standing for the phrase before it.
    static func isRelativePronoun(_ h: UInt64) -> Bool { h == who || h == which || h == that }

    static let of: UInt64 = 0xBDE6110F
    static let united: UInt64 = 0x1C290F37
    static let states: UInt64 = 0xA9FC07F2
    static let new: UInt64 = 0x04496228
    static let the: UInt64 = 0x12941C65
    static let according: UInt64 = 0xE875011A
    static let to: UInt64 = 0xBDA2F9A3
    static let who: UInt64 = 0x16549516
    static let whose: UInt64 = 0x8226EBAB
    static let whom: UInt64 = 0xD4C2D170
    static let and: UInt64 = 0xE3E8659F
    static let which: UInt64 = 0x96870AAA
    static let that: UInt64 = 0x175EFAE3
    static let said: UInt64 = 0xB6E70504
    static let `in`: UInt64 = 0xBDEB73B9
    static let statement: UInt64 = 0x8FD78283
    static let by: UInt64 = 0xBDEBB3D3
    static let from: UInt64 = 0xA82190CD
    static let `as`: UInt64 = 0xBDD9E04A
    static let put: UInt64 = 0x216ABDF7
    static let it: UInt64 = 0xBDEB6BF7
    static let went: UInt64 = 0x24AF5355
    static let on: UInt64 = 0xBDE63B77
    static let pointed: UInt64 = 0xEE8B9F8F
    static let out: UInt64 = 0x384C54E6
    static let only: UInt64 = 0x6DDD9003
    static let calls: UInt64 = 0x6D8E0054
    static let says: UInt64 = 0xB66ED4D1
    static let he: UInt64 = 0xBDE4FC71
    static let she: UInt64 = 0xDEAF3438
    static let they: UInt64 = 0x17454D90
    static let him: UInt64 = 0x0375BEEC
    static let them: UInt64 = 0x1744CD0C
    static let its: UInt64 = 0x0056A780
}
