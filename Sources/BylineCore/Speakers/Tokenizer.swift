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
        /// The first word of a sentence (its capital says nothing about being a name).
        static let sentenceStart = Flags(rawValue: 1 << 7)
        /// `46-year-old`: an age used as a noun for a person.
        static let age = Flags(rawValue: 1 << 8)
        /// The first token on its line: names and phrases do not run across a line break.
        static let lineStart = Flags(rawValue: 1 << 9)
    }

    var start: Int
    var end: Int
    /// `WordHash` of the lower-cased word; for punctuation, the scalar's value.
    var hash: UInt64
    var kind: Kind
    var flags: Flags

    var isWord: Bool { kind == .word }
    var isCapitalized: Bool { flags.contains(.capitalized) }
    func isPunctuation(_ scalar: Unicode.Scalar) -> Bool { kind == .punctuation && hash == UInt64(scalar.value) }
}

/// Splits an article's scalars into tokens in one pass. Words keep inner apostrophes and
/// hyphens (`isn't`, `O'Neill`, `al-Maliki`); a possessive `'s` is dropped and flagged;
/// dotted abbreviations (`U.S.`) are one token; quotation marks are punctuation tokens.
enum Tokenizer {
    static func tokenize(_ s: UnsafeBufferPointer<Unicode.Scalar>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 5)
        let n = s.count
        var i = 0
        var newline = true
        while i < n {
            let c = s[i]
            let v = c.value
            if v == 0x20 || v == 0x0A || ScalarClass.isWhitespace(c) {
                if ScalarClass.isNewline(c) { newline = true }
                i += 1
                continue
            }
            let first = tokens.count
            defer {
                if newline, first < tokens.count {
                    tokens[first].flags.insert(.lineStart)
                    newline = false
                }
            }
            if ScalarClass.isDigit(c) {
                let start = i
                var h = WordHash.seed
                var hyphenated = false
                while i < n {
                    let d = s[i]
                    if ScalarClass.isAlphanumeric(d) {
                        h = WordHash.add(h, d)
                        i += 1
                    } else if (d.value == 0x2E || d.value == 0x2C || d.value == 0x3A), i + 1 < n, ScalarClass.isDigit(s[i + 1]) {
                        h = WordHash.add(h, d)
                        i += 1
                    } else if ScalarClass.isHyphen(d), i + 1 < n, ScalarClass.isAlphanumeric(s[i + 1]) {
                        // `46-year-old`, `2-year`: a compound word that starts with a number.
                        hyphenated = true
                        h = WordHash.add(h, d)
                        i += 1
                    } else {
                        break
                    }
                }
                var flags: Token.Flags = []
                if hyphenated, i - start > 4, s[i - 1].value == 0x64, s[i - 2].value == 0x6C, s[i - 3].value == 0x6F, s[i - 4].value == 0x2D {
                    flags.insert(.age)
                }
                tokens.append(Token(start: start, end: i, hash: h, kind: hyphenated ? .word : .number, flags: flags))
                continue
            }
            if ScalarClass.isLetter(c) {
                tokens.append(word(s, from: i, &i))
                continue
            }
            tokens.append(Token(start: i, end: i + 1, hash: UInt64(v), kind: .punctuation, flags: []))
            i += 1
        }
        return tokens
    }

    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        let p = c.properties
        return p.isAlphabetic || p.generalCategory == .nonspacingMark
    }

    /// A word starting at `start`; `next` is set past it (and past a possessive `'s`).
    private static func word(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, _ next: inout Int) -> Token {
        let n = s.count
        var i = start
        var h = WordHash.seed
        var upper = 0
        var letters = 0
        var flags: Token.Flags = ScalarClass.isUpper(s[start]) ? [.capitalized] : []
        var hyphenAt = -1
        while i < n {
            let c = s[i]
            if isWordScalar(c) {
                if ScalarClass.isLetter(c) {
                    letters += 1
                    if ScalarClass.isUpper(c) { upper += 1 }
                }
                h = WordHash.add(h, c)
                i += 1
                continue
            }
            if ScalarClass.isApostrophe(c), i > start, s[i - 1].value == 0x73, i + 2 < n, ScalarClass.isSpace(s[i + 1]),
               ScalarClass.isLetter(s[i + 2]) {
                // `Sanders’ campaign manager`: a plural possessive, not a closing mark.
                flags.insert(.possessive)
                next = i + 1
                return finish(start, i, h, upper, letters, flags)
            }
            guard i + 1 < n, isWordScalar(s[i + 1]) else { break }
            if ScalarClass.isApostrophe(c) {
                // `Biden’s`: the possessive is not part of the name.
                let v1 = s[i + 1].value
                if v1 == 0x73 || v1 == 0x53, i + 2 >= n || !isWordScalar(s[i + 2]) {
                    flags.insert(.possessive)
                    next = i + 2
                    return finish(start, i, h, upper, letters, flags)
                }
                h = WordHash.add(h, c)
                i += 1
            } else if ScalarClass.isHyphen(c) {
                if hyphenAt < 0 { hyphenAt = i }
                h = WordHash.add(h, c)
                i += 1
            } else if c.value == 0x2E, i - start == 1 || flags.contains(.dotted),
                      i + 2 < n, s[i + 2].value == 0x2E, ScalarClass.isLetter(s[i + 1]) {
                // `U.S.`, `a.m.`: single letters joined by periods.
                flags.insert(.dotted)
                h = WordHash.add(h, c)
                h = WordHash.add(h, s[i + 1])
                h = WordHash.add(h, s[i + 2])
                i += 3
            } else {
                break
            }
        }
        if hyphenAt > start, hyphenAt - start <= 3, !flags.contains(.capitalized), hyphenAt + 1 < i,
           ScalarClass.isUpper(s[hyphenAt + 1]) {
            flags.insert(.particleName)  // `al-Maliki`, `el-Sisi`
        }
        next = i
        return finish(start, i, h, upper, letters, flags)
    }

    private static func finish(_ start: Int, _ end: Int, _ h: UInt64, _ upper: Int, _ letters: Int,
                               _ flags: Token.Flags) -> Token {
        var flags = flags
        if letters >= 2, upper == letters { flags.insert(.allCaps) }
        return Token(start: start, end: end, hash: h, kind: .word, flags: flags)
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
