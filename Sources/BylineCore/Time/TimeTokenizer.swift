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

    // Laid out to keep the token small (28 bytes): the tokenizer writes one per word.
    var start: Int32
    var end: Int32
    /// The paragraph the token belongs to: expressions never cross paragraphs.
    var block: Int32
    /// For numbers: the integer value (capped at 999,999,999); for punctuation: the scalar value.
    var value: Int32
    /// For decimals: the fractional part as a fraction of 1.
    var fraction: Float
    /// For words: the lexicon entry (`.none` for the many words that are not time words).
    var lex: LexEntry
    var kind: Kind
    var flags: Flags
    /// Number of digits of a number (0 for words).
    var digits: UInt8

    init(start: Int32, end: Int32, kind: Kind, flags: Flags, block: Int32, lex: LexEntry, value: Int32, digits: UInt8,
         fraction: Float) {
        self.start = start
        self.end = end
        self.block = block
        self.value = value
        self.fraction = fraction
        self.lex = lex
        self.kind = kind
        self.flags = flags
        self.digits = digits
    }

    @inline(__always) var isWord: Bool { kind == .word }
    @inline(__always) var isNumber: Bool { kind == .number }
    @inline(__always) var spaceBefore: Bool { flags.contains(.spaceBefore) }
    @inline(__always) var isCapitalized: Bool { flags.contains(.capitalized) }

    @inline(__always) func isKeyword(_ k: Keyword) -> Bool { lex.kind == .keyword && lex.value == k.rawValue }
    @inline(__always) func isPunct(_ scalar: UInt32) -> Bool { kind == .punct && value == Int32(bitPattern: scalar) }
    @inline(__always) var keyword: Keyword? { lex.kind == .keyword ? Keyword(rawValue: lex.value) : nil }
}

/// Splits paragraphs into `TimeToken`s in one pass over the scalars.
enum TimeTokenizer {
    static func tokenize(_ article: Article) -> [TimeToken] {
        let scalars = article.paragraphs.reduce(0) { $0 + $1.span.length }
        return article.scalars.withUnsafeBufferPointer { s in
            Output.tokens(forAtMost: scalars) { output in
                for (block, paragraph) in article.paragraphs.enumerated() {
                    tokenize(s, paragraph.span, block: Int32(block), into: &output)
                }
            }
        }
    }

    /// Tokenizes plain text as one block (tests and phrase evaluation).
    static func tokenize(_ scalars: [Unicode.Scalar]) -> [TimeToken] {
        scalars.withUnsafeBufferPointer { s in
            Output.tokens(forAtMost: s.count) { output in
                tokenize(s, TextSpan(0, s.count), block: 0, into: &output)
            }
        }
    }

    /// Where the tokens are written: an array's storage with room for one token per scalar (never
    /// more tokens than scalars, as in the speaker tokenizer), so that writing a token is one
    /// store. An array's `append` checked its buffer's uniqueness and capacity per token.
    struct Output: ~Copyable {
        private let base: UnsafeMutablePointer<TimeToken>
        private(set) var count = 0

        /// The tokens `body` writes into an output with room for `scalars` tokens.
        static func tokens(forAtMost scalars: Int, _ body: (inout Output) -> Void) -> [TimeToken] {
            [TimeToken](unsafeUninitializedCapacity: scalars) { buffer, written in
                guard let base = buffer.baseAddress else { return }
                var output = Output(base: base)
                body(&output)
                written = output.count
            }
        }

        private init(base: UnsafeMutablePointer<TimeToken>) {
            self.base = base
        }

        /// Writes a token; a token comes from at least one scalar, so there is room for it.
        @inline(__always) mutating func append(_ token: TimeToken) {
            (base + count).initialize(to: token)
            count &+= 1
        }
    }

    /// Scalar classes for the tokenizer's loop. ASCII comes from a table; beyond ASCII, white
    /// space and the punctuation blocks are listed and everything else counts as a letter of
    /// some word: such words are never time words, so no Unicode property is looked up.
    private enum CharClass: UInt8 { case space, newline, digit, upper, lower, punct, other }

    @inline(__always)
    private static func charClass(_ v: UInt32) -> CharClass {
        if v < 0x80 {
            if v >= 0x61 { return v <= 0x7A ? .lower : v == 0x7F ? .space : .punct }
            if v >= 0x41 { return v <= 0x5A ? .upper : .punct }
            if v >= 0x30 { return v <= 0x39 ? .digit : .punct }
            if v == 0x20 { return .space }
            if v > 0x20 { return .punct }
            return v == 0x0A || v == 0x0D ? .newline : .space
        }
        return wideClass(v)
    }

    private static func wideClass(_ v: UInt32) -> CharClass {
        switch v {
        case 0x85, 0x2028, 0x2029: return .newline
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0xFEFF: return .space
        case 0x80...0xBF, 0xD7, 0xF7, 0x2010...0x205E, 0x2190...0x2BFF, 0x3001...0x303F, 0xFE30...0xFE4F,
            0xFF01...0xFF0F:
            return .punct
        case 0x200B...0x200F: return .space
        default: return .other
        }
    }

    static func tokenize(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ span: TextSpan, block: Int32,
                         into tokens: inout Output) {
        let lexicon = TimeLexicon.table
        var i = span.start
        let end = span.end
        var space = true
        var newline = true
        while i < end {
            let v = s[i].value
            // A space, the most common scalar between tokens, before any other test.
            if v == 0x20 {
                space = true
                i += 1
                continue
            }
            let cls = charClass(v)
            switch cls {
            case .space:
                space = true
                i += 1
                continue
            case .newline:
                space = true
                newline = true
                i += 1
                continue
            default:
                break
            }
            var flags: TimeToken.Flags = []
            if space { flags.insert(.spaceBefore) }
            if newline { flags.insert(.newlineBefore) }
            space = false
            newline = false
            let start = i
            switch cls {
            case .digit:
                // Digits, with `1,000` groups and a decimal part folded in.
                var value: Int32 = 0
                var digits = 0
                while i < end, s[i].value >= 0x30, s[i].value <= 0x39 {
                    if digits < 9 { value = value * 10 + Int32(s[i].value - 0x30) }
                    digits += 1
                    i += 1
                }
                while i + 3 < end, s[i].value == 0x2C, isDigit(s, i + 1, end), isDigit(s, i + 2, end),
                    isDigit(s, i + 3, end), !isDigit(s, i + 4, end)
                {
                    for k in 1...3 where digits + k <= 9 { value = value * 10 + Int32(s[i + k].value - 0x30) }
                    digits += 3
                    i += 4
                    flags.insert(.grouped)
                }
                var fraction: Float = 0
                if i + 1 < end, s[i].value == 0x2E, isDigit(s, i + 1, end), !flags.contains(.grouped) {
                    var scale: Float = 0.1
                    i += 1
                    while i < end, s[i].value >= 0x30, s[i].value <= 0x39 {
                        fraction += Float(s[i].value - 0x30) * scale
                        scale /= 10
                        i += 1
                    }
                    flags.insert(.decimal)
                }
                var kind = TimeToken.Kind.number
                // An ordinal suffix (`21st`) or a plural `s` (`1990s`) belongs to the number.
                if i < end, charClass(s[i].value) == .lower || charClass(s[i].value) == .upper {
                    var j = i
                    while j < end, j - i < 3, s[j].value < 0x80, ScalarClass.isLetter(s[j]) { j += 1 }
                    let n = j - i
                    let endsWord = j >= end || charClass(s[j].value) != .lower && charClass(s[j].value) != .upper
                        && charClass(s[j].value) != .other
                    let a = ScalarClass.asciiLower(s[i]).value
                    let b = n == 2 ? ScalarClass.asciiLower(s[i + 1]).value : 0
                    if endsWord, n == 2, (a == 0x73 && b == 0x74) || (a == 0x6E && b == 0x64)
                        || (a == 0x72 && b == 0x64) || (a == 0x74 && b == 0x68)
                    {
                        kind = .ordinalNumber
                        i = j
                    } else if endsWord, n == 1, a == 0x73 {
                        flags.insert(.plural)
                        i = j
                    }
                }
                // Offsets are stored in 32 bits (an article is far shorter than 2^31 scalars).
                tokens.append(TimeToken(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: i),
                                        kind: kind, flags: flags, block: block, lex: .none, value: value,
                                        digits: UInt8(min(digits, 255)), fraction: fraction))
            case .upper, .lower, .other:
                // Every letter is packed into `key` (no test of the count per letter): the key is
                // only looked up for words of at most twelve letters, which it then holds whole.
                var key: UInt64 = 0
                var ascii = true
                // The OR of the ASCII letters: bit 0x20 stays clear while they are all upper case.
                var caseBits: UInt32 = 0
                while i < end {
                    let x = s[i].value
                    // ASCII letters, the common case, in one range test on the lower-cased value
                    // (no scalar beyond ASCII lowers into `a`...`z`).
                    let lowered = x | 0x20
                    if lowered &- 0x61 < 26 {
                        key = TimeLexicon.pack(key, lowered)
                        caseBits |= x
                    } else if x < 0x80 || wideClass(x) != .other {
                        break
                    } else {
                        ascii = false
                    }
                    i &+= 1
                }
                // Every scalar of the word was counted.
                let count = i - start
                if cls == .upper || cls == .other && Letters.isUpper(s[start]) { flags.insert(.capitalized) }
                if ascii, caseBits & 0x20 == 0, count > 1 { flags.insert(.allCaps) }
                var lex = LexEntry.none
                if ascii {
                    if count <= 12 {
                        lex = lexicon.lookup(key)
                    } else if count == 13, lexicon.longPrefixes.contains(TimeLexicon.key(s, start, start + 12)) {
                        // `approximately`: the only word of the lexicon longer than twelve letters.
                        var view = String.UnicodeScalarView()
                        for k in start..<i { view.append(ScalarClass.asciiLower(s[k])) }
                        lex = lexicon.long[String(view)] ?? .none
                    }
                }
                tokens.append(TimeToken(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: i),
                                        kind: .word, flags: flags, block: block, lex: lex, value: 0, digits: 0,
                                        fraction: 0))
            default:
                tokens.append(TimeToken(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: i + 1),
                                        kind: .punct, flags: flags, block: block, lex: .none,
                                        value: Int32(bitPattern: v), digits: 0, fraction: 0))
                i += 1
            }
        }
    }

    @inline(__always)
    private static func isDigit(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int, _ end: Int) -> Bool {
        i < end && s[i].value >= 0x30 && s[i].value <= 0x39
    }
}
