/// One word, number or punctuation mark of an article, for the speaker analysis.
struct Token {
    enum Kind: UInt8 {
        case word
        case number
        case punctuation
    }

    struct Flags: OptionSet {
        let rawValue: UInt16
        /// The first letter is upper case (`Daalder`, `U.S.`).
        static let capitalized = Flags(rawValue: 1 << 0)
        /// Two or more letters, all upper case (`NATO`, `COR`).
        static let allCaps = Flags(rawValue: 1 << 1)
        /// Followed by `'s` / `’s`, which the token does not include (`Biden’s`).
        static let possessive = Flags(rawValue: 1 << 2)
        /// Letters joined by inner periods (`U.S.`, `a.m.`): the final period is part of the token.
        static let dotted = Flags(rawValue: 1 << 3)
        /// Inside a quotation (set once quotations are known).
        static let quoted = Flags(rawValue: 1 << 4)
        /// A name part such as `al-Maliki` or `bin`: a lower-case particle joined to a capital.
        static let particleName = Flags(rawValue: 1 << 5)
        /// Holds a hyphen (`al-Maliki`, `U.S.-Russian`, `46-year-old`): lets a hyphenated-word
        /// test skip the other words without reading their scalars.
        static let hyphenated = Flags(rawValue: 1 << 6)
        /// The first word of a sentence (its capital says nothing about being a name).
        static let sentenceStart = Flags(rawValue: 1 << 7)
        /// `46-year-old`: an age used as a noun for a person.
        static let age = Flags(rawValue: 1 << 8)
        /// The first token on its line: names and phrases do not run across a line break.
        static let lineStart = Flags(rawValue: 1 << 9)
        /// Holds a scalar beyond ASCII (`Gdańsk`).
        static let nonASCII = Flags(rawValue: 1 << 10)
    }

    // Kept in 32 bits, so that a token is 16 bytes (an article is far shorter than 2 GB, and
    // word hashes are 32-bit): the token array of a long article stays small.
    private let start32: Int32
    private let end32: Int32
    private let hash32: UInt32
    var kind: Kind
    var flags: Flags

    init(start: Int, end: Int, hash: UInt64, kind: Kind, flags: Flags) {
        start32 = Int32(truncatingIfNeeded: start)
        end32 = Int32(truncatingIfNeeded: end)
        hash32 = UInt32(truncatingIfNeeded: hash)
        self.kind = kind
        self.flags = flags
    }

    var start: Int { Int(start32) }
    var end: Int { Int(end32) }
    /// `WordHash` of the lower-cased word; for punctuation, the scalar's value.
    var hash: UInt64 { UInt64(hash32) }

    var isWord: Bool { kind == .word }
    var isCapitalized: Bool { flags.contains(.capitalized) }
    func isPunctuation(_ scalar: Unicode.Scalar) -> Bool { kind == .punctuation && hash == UInt64(scalar.value) }
    /// A quotation mark of any glyph (`QuotationMarks.isMark`).
    var isQuotationMark: Bool { kind == .punctuation && QuotationMarks.isMark(hash32) }
    /// A hyphen or a dash standing alone (`-`, `–`, `—`, `―`).
    var isDash: Bool {
        guard kind == .punctuation else { return false }
        switch hash {
        case 0x2014, 0x2013, 0x2015, 0x2D: return true
        default: return false
        }
    }
}

/// An article's tokens, with indices the later passes start from, so that each of them visits
/// only what concerns it instead of walking every token or scalar again.
struct TokenStream {
    var tokens: [Token] = []
    /// Scalar offsets of every scalar that can be a quotation mark (`"`, `'`, `“`, `’`, …),
    /// ascending, including apostrophes inside words.
    var markPositions: [Int] = []
    /// Indices of the punctuation tokens among them.
    var markTokens: [Int] = []
    /// Indices of words that can start a name (capitalised, or `al-Maliki`), ascending.
    var nameStarts: [Int] = []
    /// Indices of the words that are pronouns (`he`, `She`, `its`), ascending.
    var pronounCandidates: [Int] = []
    /// Indices of the first token of each line after the first of a paragraph, ascending.
    var lineStarts: [Int] = []
}

/// Splits an article's scalars into tokens in one pass. Words keep inner apostrophes and
/// hyphens (`isn't`, `O'Neill`, `al-Maliki`); a possessive `'s` is dropped and flagged;
/// dotted abbreviations (`U.S.`) are one token; quotation marks are punctuation tokens.
enum Tokenizer {
    static func tokenize(_ s: UnsafeBufferPointer<Unicode.Scalar>) -> TokenStream {
        let n = s.count
        // The side indices are local arrays while the text is walked (appending to a stored
        // property checks its uniqueness on every call), moved into the stream at the end.
        var nameStarts: [Int] = []
        var pronouns: [Int] = []
        var markPositions: [Int] = []
        var markTokens: [Int] = []
        var lineStarts: [Int] = []
        nameStarts.reserveCapacity(n / 32)
        pronouns.reserveCapacity(n / 128)
        markPositions.reserveCapacity(n / 64)
        markTokens.reserveCapacity(n / 128)
        lineStarts.reserveCapacity(n / 256)
        let pronounFilter = Self.pronounFilter
        // There are never more tokens than scalars: write them straight into uninitialised storage
        // (appending one by one cost more than finding them).
        let tokens = [Token](unsafeUninitializedCapacity: n + 1) { buffer, count in
            guard let out = buffer.baseAddress else { return }
            var i = 0
            var newline = true
            var k = 0
            while i < n {
                let c = s[i]
                let v = c.value
                var token: Token
                if v < 0x80 {
                    if v == 0x20 {
                        i &+= 1
                        continue
                    }
                    if (v | 0x20) &- 0x61 < 26 {
                        switch asciiWord(s, from: i) {
                        case .done(let word):
                            token = word
                            i = word.end
                        case .goesOn(let at, let hash, let caseBits, let letters):
                            token = wordTail(s, start: i, at: at, hash: hash, caseBits: caseBits, letters: letters, &i, &markPositions)
                        }
                        if token.flags.contains(.capitalized) || token.flags.contains(.particleName) { nameStarts.append(k) }
                        // Only the pronouns themselves: the resolver visits nothing else.
                        if pronounFilter.contains(token.hash), token.end &- token.start <= 8 { pronouns.append(k) }
                    } else if v &- 0x30 < 10 {
                        token = number(s, from: i, &i)
                    } else if v <= 0x0D && v >= 0x09 {
                        if v == 0x0A || v == 0x0D { newline = true }
                        i &+= 1
                        continue
                    } else {
                        token = Token(start: i, end: i &+ 1, hash: UInt64(v), kind: .punctuation, flags: [])
                        if QuotationMarks.isMark(v) {
                            markPositions.append(i)
                            markTokens.append(k)
                        }
                        i &+= 1
                    }
                } else if ScalarClass.isWhitespace(c) {
                    if ScalarClass.isNewline(c) { newline = true }
                    i &+= 1
                    continue
                } else if isLetter(c) {
                    token = wordTail(s, start: i, at: i, hash: FNV1a.offsetBasis, caseBits: 0, letters: 0, &i, &markPositions)
                    if token.flags.contains(.capitalized) || token.flags.contains(.particleName) { nameStarts.append(k) }
                } else {
                    token = Token(start: i, end: i &+ 1, hash: UInt64(v), kind: .punctuation, flags: [])
                    if QuotationMarks.isMark(v) {
                        markPositions.append(i)
                        markTokens.append(k)
                    }
                    i &+= 1
                }
                if newline {
                    token.flags.insert(.lineStart)
                    newline = false
                    lineStarts.append(k)
                }
                (out + k).initialize(to: token)
                k &+= 1
            }
            count = k
        }
        return TokenStream(tokens: tokens, markPositions: markPositions, markTokens: markTokens, nameStarts: nameStarts,
                           pronounCandidates: pronouns, lineStarts: lineStarts)
    }

    /// The pronouns' word hashes in a direct-mapped table: one load and one comparison, with no
    /// branch to mispredict, tell whether a word is a pronoun.
    struct PronounFilter: Sendable {
        private let slots: [UInt32]
        private let shift: UInt64
        private let mask: UInt64

        init(_ hashes: [UInt64]) {
            // The smallest table, and the first window of hash bits, in which the pronouns fall
            // into distinct slots (word hashes are 32-bit: a window starts below bit 20).
            var size: UInt64 = 256
            var shift: UInt64 = 0
            while Set(hashes.map { ($0 >> shift) & (size - 1) }).count < hashes.count {
                shift += 1
                if shift > 20 {
                    size <<= 1
                    shift = 0
                }
            }
            var slots = [UInt32](repeating: 0, count: Int(size))
            for h in hashes { slots[Int((h >> shift) & (size - 1))] = UInt32(truncatingIfNeeded: h) }
            self.slots = slots
            self.shift = shift
            self.mask = size - 1
        }

        @inline(__always) func contains(_ hash: UInt64) -> Bool {
            slots.withUnsafeBufferPointer { $0[Int((hash >> shift) & mask)] } == UInt32(truncatingIfNeeded: hash) && hash != 0
        }
    }

    static let pronounFilter = PronounFilter(Lexicon.pronounWords.map(WordHash.of))

    /// A number (`3.5`, `1,000`), or a compound word that starts with one (`46-year-old`).
    private static func number(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, _ next: inout Int) -> Token {
        let n = s.count
        var i = start
        var h = FNV1a.offsetBasis
        var hyphenated = false
        while i < n {
            let d = s[i]
            if Letters.isAlphanumeric(d) {
                h = WordHash.add(h, d)
                i += 1
            } else if (d.value == 0x2E || d.value == 0x2C || d.value == 0x3A), i + 1 < n, ScalarClass.isDigit(s[i + 1]) {
                h = WordHash.add(h, d)
                i += 1
            } else if ScalarClass.isHyphen(d), i + 1 < n, Letters.isAlphanumeric(s[i + 1]) {
                hyphenated = true
                h = WordHash.add(h, d)
                i += 1
            } else {
                break
            }
        }
        next = i
        var flags: Token.Flags = hyphenated ? [.hyphenated] : []
        if hyphenated, i - start > 4, s[i - 1].value == 0x64, s[i - 2].value == 0x6C, s[i - 3].value == 0x6F, s[i - 4].value == 0x2D {
            flags.insert(.age)
        }
        return Token(start: start, end: i, hash: WordHash.finish(h), kind: hyphenated ? .word : .number, flags: flags)
    }

    /// A letter, answered without a Unicode property look-up for ASCII, Latin-1 and punctuation.
    @inline(__always) private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        if v < 0x100 { return v >= 0xC0 && v != 0xD7 && v != 0xF7 }
        if v < 0x037E { return true }
        if v & 0xFF80 == 0x0900 { return v != 0x0964 && v != 0x0965 && v != 0x0970 }  // Devanagari
        if v < 0x2000 { return !isScriptPunctuation(v) }
        if v <= 0x206F { return false }
        return slowIsLetter(c)
    }

    // The Unicode property look-ups live in functions of their own: using the standard
    // library's resilient property types in a function makes every call of it set up
    // metadata and stack space first, even on the ASCII path.
    @inline(never) private static func slowIsLetter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic }

    @inline(never) private static func slowIsUpper(_ c: Unicode.Scalar) -> Bool { c.properties.isUppercase }

    @inline(never) private static func slowIsWordScalar(_ c: Unicode.Scalar) -> Bool {
        let p = c.properties
        return p.isAlphabetic || p.generalCategory == .nonspacingMark
    }

    @inline(__always) private static func isUpper(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v < 0x100 { return v >= 0xC0 && v <= 0xDE && v != 0xD7 }
        // Scripts without case (Hebrew, Arabic, Indic, …) need no look-up.
        if v >= 0x0530 && v < 0x1E00 { return false }
        return slowIsUpper(c)
    }

    /// Punctuation inside the alphabetic blocks U+0100–U+1FFF (the rest of that range are
    /// letters and combining marks, close enough for finding words): Greek and Armenian
    /// question marks, Hebrew and Arabic punctuation, the Devanagari danda.
    @inline(__always) private static func isScriptPunctuation(_ v: UInt32) -> Bool {
        switch v {
        case 0x037E, 0x0387, 0x055A...0x055F, 0x0589, 0x058A, 0x05BE, 0x05C0, 0x05C3, 0x05C6, 0x05F3, 0x05F4,
             0x060C, 0x060D, 0x061B, 0x061E, 0x061F, 0x066A...0x066D, 0x06D4, 0x0964, 0x0965, 0x0970, 0x0E4F,
             0x0E5A, 0x0E5B, 0x10FB, 0x1360...0x1368, 0x166D, 0x166E, 0x1680, 0x169B, 0x169C, 0x16EB...0x16ED:
            return true
        default:
            return false
        }
    }

    @inline(__always) private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        // Latin-1 letters, other alphabets, and the punctuation block (curly quotes, dashes)
        // without a Unicode property look-up.
        if v < 0x100 { return v >= 0xC0 && v != 0xD7 && v != 0xF7 }
        if v < 0x037E { return true }
        if v & 0xFF80 == 0x0900 { return v != 0x0964 && v != 0x0965 && v != 0x0970 }  // Devanagari
        if v < 0x2000 { return !isScriptPunctuation(v) }
        if v <= 0x206F { return false }
        return slowIsWordScalar(c)
    }

    /// A word starting with an ASCII letter at `start`.
    ///
    /// Most words are ASCII letters and digits ending at a space or punctuation: they are read
    /// here, in one tight loop. An apostrophe, a hyphen or a period that may go on
    /// inside the word, and any non-ASCII scalar, hand over to `wordTail`. Whether a
    /// capitalised word is all capitals (`NATO`) is tracked on the way: the case bits of its
    /// letters, and their count.
    /// A word read by `asciiWord`: done, or going on with `wordTail` from `at` with what was
    /// read so far.
    private enum AsciiWord {
        case done(Token)
        case goesOn(at: Int, hash: UInt64, caseBits: UInt32, letters: Int)
    }

    @inline(__always) private static func asciiWord(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> AsciiWord {
        let n = s.count
        let first = s[start].value
        var h = FNV1a.step(FNV1a.offsetBasis, UInt64(first | 0x20))
        var caseBits = first
        var letters = 1
        var i = start &+ 1
        while i < n {
            let v = s[i].value
            if (v | 0x20) &- 0x61 < 26 {
                h = FNV1a.step(h, UInt64(v | 0x20))
                caseBits |= v
                letters &+= 1
            } else if v &- 0x30 < 10 {
                h = FNV1a.step(h, UInt64(v))
            } else {
                break
            }
            i &+= 1
        }
        if i < n {
            let v = s[i].value
            let goesOn = v == 0x27 || v >= 0x80 || (v == 0x2D || v == 0x2E) && i &+ 1 < n && isWordScalar(s[i &+ 1])
            if goesOn { return .goesOn(at: i, hash: h, caseBits: caseBits, letters: letters) }
        }
        let capitalized = first < 0x5B
        var flags: Token.Flags = capitalized ? [.capitalized] : []
        if capitalized, letters >= 2, caseBits & 0x20 == 0 { flags.insert(.allCaps) }
        return .done(Token(start: start, end: i, hash: WordHash.finish(h), kind: .word, flags: flags))
    }

    /// The rest of a word from `i` on, with what was read of it so far (`start..<i`: its hash,
    /// the case bits of its letters and their count): apostrophes (`isn't`, `Biden’s`), hyphens
    /// (`al-Maliki`), dotted abbreviations (`U.S.`) and non-ASCII letters. Out of line: rare.
    @inline(never) private static func wordTail(_ s: UnsafeBufferPointer<Unicode.Scalar>, start: Int, at resume: Int, hash: UInt64,
                                                caseBits initialCaseBits: UInt32, letters initialLetters: Int, _ next: inout Int,
                                                _ marks: inout [Int]) -> Token {
        let n = s.count
        var i = resume
        var h = hash
        let capitalized = isUpper(s[start])
        var flags: Token.Flags = capitalized ? [.capitalized] : []
        var hyphenAt = -1
        // The OR of the letters' ASCII case bit (0x20 once any letter is lower case), and how many.
        var caseBits = initialCaseBits
        var letters = initialLetters
        while true {
            // A run of ASCII letters and digits, the common case, in a loop of its own so that
            // the running hash stays in a register.
            while i < n {
                let v = s[i].value
                if (v | 0x20) &- 0x61 < 26 {
                    h = FNV1a.step(h, UInt64(v | 0x20))
                    caseBits |= v
                    letters += 1
                } else if v &- 0x30 < 10 {
                    h = FNV1a.step(h, UInt64(v))
                } else {
                    break
                }
                i += 1
            }
            guard i < n else { break }
            let c = s[i]
            let v = c.value
            if v < 0x80 {
                // Only an apostrophe, a hyphen or a period can go on inside a word.
                if v != 0x27 && v != 0x2D && v != 0x2E { break }
            } else if isWordScalar(c) {
                h = WordHash.add(h, c)
                flags.insert(.nonASCII)
                if capitalized, isLetter(c) {
                    letters += 1
                    if !isUpper(c) { caseBits |= 0x20 }
                }
                i += 1
                continue
            } else if v != 0x2019 && v != 0x2010 && v != 0x2011 {
                break
            }
            if ScalarClass.isApostrophe(c), i > start, s[i - 1].value == 0x73, i + 2 < n, ScalarClass.isSpace(s[i + 1]),
               isLetter(s[i + 2]) {
                // `Sanders’ campaign manager`: a plural possessive, not a closing mark.
                if QuotationMarks.isMark(v) { marks.append(i) }
                flags.insert(.possessive)
                next = i + 1
                return finish(start, i, h, flags, allCaps: capitalized && letters >= 2 && caseBits & 0x20 == 0)
            }
            guard i + 1 < n, isWordScalar(s[i + 1]) else { break }
            if ScalarClass.isApostrophe(c) {
                if QuotationMarks.isMark(v) { marks.append(i) }
                // `Biden’s`: the possessive is not part of the name.
                let v1 = s[i + 1].value
                if v1 == 0x73 || v1 == 0x53, i + 2 >= n || !isWordScalar(s[i + 2]) {
                    flags.insert(.possessive)
                    next = i + 2
                    return finish(start, i, h, flags, allCaps: capitalized && letters >= 2 && caseBits & 0x20 == 0)
                }
                h = WordHash.add(h, c)
                i += 1
            } else if ScalarClass.isHyphen(c) {
                if hyphenAt < 0 { hyphenAt = i }
                flags.insert(.hyphenated)
                h = WordHash.add(h, c)
                i += 1
            } else if v == 0x2E, i - start == 1 || flags.contains(.dotted),
                      i + 2 < n, s[i + 2].value == 0x2E, isLetter(s[i + 1]) {
                // `U.S.`, `a.m.`: single letters joined by periods.
                let letter = s[i + 1]
                flags.insert(.dotted)
                h = WordHash.add(h, c)
                h = WordHash.add(h, letter)
                h = WordHash.add(h, s[i + 2])
                letters += 1
                if !isUpper(letter) { caseBits |= 0x20 }
                i += 3
            } else {
                break
            }
        }
        if hyphenAt > start, hyphenAt - start <= 3, !capitalized, hyphenAt + 1 < i, isUpper(s[hyphenAt + 1]),
           !englishPrefixes.contains(WordHash.of(s, start, hyphenAt)) {
            flags.insert(.particleName)  // `al-Maliki`, `el-Sisi`, but not `pro-Beijing`, `ex-Labour`
        }
        next = i
        return finish(start, i, h, flags, allCaps: capitalized && letters >= 2 && caseBits & 0x20 == 0)
    }

    /// Prefixes of English words before a capital (`pro-Beijing`, `non-EU`, `mid-March`): not
    /// the particles of a name.
    private static let englishPrefixes = WordSet("pro non ex pre mid neo co sub un re all far per out off our in on at by to")

    /// The token; `allCaps` says two or more letters, all upper case.
    @inline(__always) private static func finish(_ start: Int, _ end: Int, _ h: UInt64, _ flags: Token.Flags,
                                                 allCaps: Bool) -> Token {
        var flags = flags
        if allCaps { flags.insert(.allCaps) }
        return Token(start: start, end: end, hash: WordHash.finish(h), kind: .word, flags: flags)
    }
}

extension Array where Element == Token {
    /// Index of the first token that ends after `offset` (binary search).
    func firstIndex(endingAfter offset: Int) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Index of the first token that starts at or after `offset`, searching forward from `hint`
    /// (which must not be past the answer): a few tokens one by one (the next sentence or
    /// quotation is usually near: one branch mispredicted, not one per step), then doubling
    /// steps and a binary search, so a walk through ascending offsets costs little more than
    /// the tokens it passes.
    func firstIndex(startingAtOrAfter offset: Int, from hint: Int) -> Int {
        var near = hint
        while near < count, near - hint < 32 {
            if self[near].start >= offset { return near }
            near += 1
        }
        var lo = near
        var step = 1
        var hi = near
        while hi < count, self[hi].start < offset {
            lo = hi + 1
            hi += step
            step *= 2
        }
        hi = Swift.min(hi, count)
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Index of the first token that starts at or after `offset` (binary search).
    func firstIndex(startingAtOrAfter offset: Int) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
