/// One token of the time tagger: a word, a number or a punctuation scalar, with its offsets.
struct TimeToken {
    enum Kind: UInt8 {
        case word
        /// A run of digits (with `1,000` separators or a decimal part folded in).
        case number
        /// `21st`, `3rd`: digits with an ordinal suffix.
        case ordinalNumber
        case punct
    }

    struct Flags: OptionSet {
        let rawValue: UInt8
        /// White space (or a paragraph start) separates it from the previous token.
        static let spaceBefore = Flags(rawValue: 1)
        static let capitalized = Flags(rawValue: 2)
        static let allCaps = Flags(rawValue: 4)
        /// A number written with thousands separators (`1,990`): never a year.
        static let grouped = Flags(rawValue: 8)
        /// A number with a decimal part (`2.5`).
        static let decimal = Flags(rawValue: 16)
        /// Digits directly followed by `s` (`1990s`, `80s`).
        static let plural = Flags(rawValue: 32)
        /// A line break separates it from the previous token.
        static let newlineBefore = Flags(rawValue: 64)
    }

    var start: Int32
    var end: Int32
    var kind: Kind
    var flags: Flags
    /// The paragraph the token belongs to: expressions never cross paragraphs.
    var block: Int32
    /// For words: the lexicon entry (`.none` for the many words that are not time words).
    var lex: LexEntry
    /// For numbers: the integer value (capped); for punctuation: the scalar value.
    var value: Int64
    /// Number of digits of a number (0 for words).
    var digits: UInt8
    /// For decimals: the fractional part as a fraction of 1.
    var fraction: Double

    @inline(__always) var isWord: Bool { kind == .word }
    @inline(__always) var isNumber: Bool { kind == .number }
    @inline(__always) var spaceBefore: Bool { flags.contains(.spaceBefore) }
    @inline(__always) var isCapitalized: Bool { flags.contains(.capitalized) }

    @inline(__always) func isKeyword(_ k: Keyword) -> Bool { lex.kind == .keyword && lex.value == k.rawValue }
    @inline(__always) func isPunct(_ scalar: UInt32) -> Bool { kind == .punct && value == Int64(scalar) }
    @inline(__always) var keyword: Keyword? { lex.kind == .keyword ? Keyword(rawValue: lex.value) : nil }
}

/// Splits paragraphs into `TimeToken`s in one pass over the scalars.
enum TimeTokenizer {
    static func tokenize(_ article: Article) -> [TimeToken] {
        var tokens: [TimeToken] = []
        tokens.reserveCapacity(article.scalars.count / 5 + 16)
        article.scalars.withUnsafeBufferPointer { s in
            for (block, paragraph) in article.paragraphs.enumerated() {
                tokenize(s, paragraph.span, block: Int32(block), into: &tokens)
            }
        }
        return tokens
    }

    /// Tokenizes plain text as one block (tests and phrase evaluation).
    static func tokenize(_ scalars: [Unicode.Scalar]) -> [TimeToken] {
        var tokens: [TimeToken] = []
        scalars.withUnsafeBufferPointer { s in
            tokenize(s, TextSpan(0, s.count), block: 0, into: &tokens)
        }
        return tokens
    }

    private static let longWordLengths: Set<Int> = {
        var lengths = Set<Int>()
        for word in ["approximately", "semiannually", "thanksgiving"] { lengths.insert(word.count) }
        return lengths
    }()

    static func tokenize(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ span: TextSpan, block: Int32,
                         into tokens: inout [TimeToken]) {
        var i = span.start
        let end = span.end
        var space = true
        var newline = true
        while i < end {
            let c = s[i]
            let v = c.value
            if v == 0x20 || ScalarClass.isWhitespace(c) {
                space = true
                if ScalarClass.isNewline(c) { newline = true }
                i += 1
                continue
            }
            var flags: TimeToken.Flags = []
            if space { flags.insert(.spaceBefore) }
            if newline { flags.insert(.newlineBefore) }
            space = false
            newline = false
            let start = i
            if v >= 0x30 && v <= 0x39 {
                // Digits, with `1,000` groups and a decimal part folded in.
                var value: Int64 = 0
                var digits = 0
                while i < end, s[i].value >= 0x30, s[i].value <= 0x39 {
                    if digits < 18 { value = value * 10 + Int64(s[i].value - 0x30) }
                    digits += 1
                    i += 1
                }
                while i + 3 < end, s[i].value == 0x2C, isDigit(s, i + 1, end), isDigit(s, i + 2, end),
                    isDigit(s, i + 3, end), !isDigit(s, i + 4, end)
                {
                    for k in 1...3 where digits < 18 { value = value * 10 + Int64(s[i + k].value - 0x30) }
                    digits += 3
                    i += 4
                    flags.insert(.grouped)
                }
                var fraction = 0.0
                if i + 1 < end, s[i].value == 0x2E, isDigit(s, i + 1, end), !flags.contains(.grouped) {
                    var scale = 0.1
                    i += 1
                    while i < end, s[i].value >= 0x30, s[i].value <= 0x39 {
                        fraction += Double(s[i].value - 0x30) * scale
                        scale /= 10
                        i += 1
                    }
                    flags.insert(.decimal)
                }
                var kind = TimeToken.Kind.number
                // An ordinal suffix (`21st`) or a plural `s` (`1990s`) belongs to the number.
                if i < end, ScalarClass.isLetter(s[i]) {
                    var j = i
                    while j < end, ScalarClass.isLetter(s[j]) { j += 1 }
                    let n = j - i
                    let a = ScalarClass.asciiLower(s[i]).value
                    let b = n == 2 ? ScalarClass.asciiLower(s[i + 1]).value : 0
                    if n == 2, (a == 0x73 && b == 0x74) || (a == 0x6E && b == 0x64) || (a == 0x72 && b == 0x64)
                        || (a == 0x74 && b == 0x68)
                    {
                        kind = .ordinalNumber
                        i = j
                    } else if n == 1, a == 0x73 {
                        flags.insert(.plural)
                        i = j
                    }
                }
                tokens.append(TimeToken(start: Int32(start), end: Int32(i), kind: kind, flags: flags, block: block,
                                        lex: .none, value: value, digits: UInt8(min(digits, 255)),
                                        fraction: fraction))
                continue
            }
            if ScalarClass.isLetter(c) {
                var key: UInt64 = 0
                var count = 0
                var ascii = true
                var upper = 0
                while i < end {
                    let x = s[i]
                    let xv = x.value
                    if xv < 0x80 {
                        if xv >= 0x61 && xv <= 0x7A {
                            if count < 12 { key = TimeLexicon.pack(key, xv) }
                        } else if xv >= 0x41 && xv <= 0x5A {
                            if count < 12 { key = TimeLexicon.pack(key, xv + 32) }
                            upper += 1
                        } else {
                            break
                        }
                    } else if x.properties.isAlphabetic {
                        ascii = false
                        if x.properties.isUppercase { upper += 1 }
                    } else {
                        break
                    }
                    count += 1
                    i += 1
                }
                if ScalarClass.isUpper(c) { flags.insert(.capitalized) }
                if upper == count, count > 1 { flags.insert(.allCaps) }
                var lex = LexEntry.none
                if ascii {
                    if count <= 12 {
                        lex = TimeLexicon.lookup(key: key)
                    } else if longWordLengths.contains(count) {
                        var view = String.UnicodeScalarView()
                        for k in start..<i { view.append(ScalarClass.asciiLower(s[k])) }
                        lex = TimeLexicon.lookupLong(String(view))
                    }
                }
                tokens.append(TimeToken(start: Int32(start), end: Int32(i), kind: .word, flags: flags, block: block,
                                        lex: lex, value: 0, digits: 0, fraction: 0))
                continue
            }
            tokens.append(TimeToken(start: Int32(start), end: Int32(i + 1), kind: .punct, flags: flags, block: block,
                                    lex: .none, value: Int64(v), digits: 0, fraction: 0))
            i += 1
        }
    }

    @inline(__always)
    private static func isDigit(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int, _ end: Int) -> Bool {
        i < end && s[i].value >= 0x30 && s[i].value <= 0x39
    }
}
