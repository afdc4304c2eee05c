/// A 64-bit hash of a word, lower-cased, computed while the text is walked: lexicon look-ups
/// compare hashes instead of building a `String` per word (the hot path never allocates).
///
/// FNV-1a over the scalar values, with ASCII upper case folded to lower case and the curly
/// apostrophe folded to `'`, so `Biden’s`, `BIDEN'S` and `biden's` hash alike.
enum WordHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always) static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        let v = scalar.value
        if v >= 0x41 && v <= 0x5A { return v + 32 }
        if v == 0x2019 || v == 0x2BC { return 0x27 }
        return v
    }

    @inline(__always) static func add(_ hash: UInt64, _ scalar: Unicode.Scalar) -> UInt64 {
        (hash ^ UInt64(fold(scalar))) &* prime
    }

    /// Hash of a whole string, the same as adding its scalars one by one.
    static func of(_ word: String) -> UInt64 {
        var h = seed
        for s in word.unicodeScalars { h = add(h, s) }
        return h
    }

    /// Hash of a range of scalars.
    @inline(__always) static func of(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ from: Int, _ to: Int) -> UInt64 {
        var h = seed
        var i = from
        while i < to {
            h = add(h, s[i])
            i += 1
        }
        return h
    }
}

/// A set of lower-cased words, looked up by `WordHash`.
struct WordSet: Sendable {
    private let hashes: Set<UInt64>

    init(_ words: [String]) {
        hashes = Set(words.map(WordHash.of))
    }

    /// Words separated by white space, for long lexicons written as one string.
    init(_ text: String) {
        self.init(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }

    func contains(_ hash: UInt64) -> Bool { hashes.contains(hash) }
    func contains(word: String) -> Bool { hashes.contains(WordHash.of(word)) }
}

/// Lower-cased words mapped to a small value, looked up by `WordHash`.
struct WordMap<Value: Sendable>: Sendable {
    private let table: [UInt64: Value]

    init(_ pairs: [(String, Value)]) {
        var table: [UInt64: Value] = [:]
        for (word, value) in pairs { table[WordHash.of(word)] = value }
        self.table = table
    }

    subscript(hash: UInt64) -> Value? { table[hash] }
}
