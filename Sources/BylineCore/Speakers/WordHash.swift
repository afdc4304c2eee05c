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

    /// The word hash proper: the running hash folded to 32 bits (tokens store it in four bytes;
    /// against lexicons of a few thousand words a chance collision is one in a million).
    @inline(__always) static func finish(_ h: UInt64) -> UInt64 { (h ^ (h >> 32)) & 0xFFFF_FFFF }

    /// Hash of a whole string, the same as adding its scalars one by one.
    static func of(_ word: String) -> UInt64 {
        var h = seed
        for s in word.unicodeScalars { h = add(h, s) }
        return finish(h)
    }

    /// Hash of a range of scalars.
    @inline(__always) static func of(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ from: Int, _ to: Int) -> UInt64 {
        var h = seed
        var i = from
        while i < to {
            h = add(h, s[i])
            i += 1
        }
        return finish(h)
    }
}

/// An open-addressing table of word hashes (linear probing, at most a third full). The FNV
/// hash is already well mixed, so a slot is a few bits of it: a look-up is one or two array
/// reads, much cheaper than `Set<UInt64>`, whose seeded SipHash dominated the analysis.
private struct HashSlots: Sendable {
    let keys: [UInt64]
    let mask: Int

    /// `hashes` must be distinct and non-zero (zero marks an empty slot).
    init(_ hashes: [UInt64]) {
        var size = 16
        while size < hashes.count * 3 { size <<= 1 }
        var keys = [UInt64](repeating: 0, count: size)
        for h in hashes {
            var i = Self.slot(h, size - 1)
            while keys[i] != 0 { i = (i + 1) & (size - 1) }
            keys[i] = h
        }
        self.keys = keys
        self.mask = size - 1
    }

    @inline(__always) static func slot(_ h: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: h ^ (h >> 31)) & mask }

    /// The slot holding `h`, or nil.
    @inline(__always) func find(_ h: UInt64) -> Int? {
        keys.withUnsafeBufferPointer { keys in
            var i = Self.slot(h, mask)
            while true {
                let k = keys[i]
                if k == h { return i }
                if k == 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }
}

/// A set of lower-cased words, looked up by `WordHash`.
struct WordSet: Sendable {
    private let slots: HashSlots

    init(_ words: [String]) {
        slots = HashSlots(Array(Set(words.map(WordHash.of).filter { $0 != 0 })))
    }

    /// Words separated by white space, for long lexicons written as one string.
    init(_ text: String) {
        self.init(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }

    @inline(__always) func contains(_ hash: UInt64) -> Bool { slots.find(hash) != nil }
    func contains(word: String) -> Bool { contains(WordHash.of(word)) }
}

/// Lower-cased words mapped to a small value, looked up by `WordHash` (a later pair for the
/// same word wins).
struct WordMap<Value: Sendable>: Sendable {
    private let slots: HashSlots
    private let values: [Value?]

    init(_ pairs: [(String, Value)]) {
        var table: [UInt64: Value] = [:]
        for (word, value) in pairs { table[WordHash.of(word)] = value }
        table[0] = nil
        let slots = HashSlots(Array(table.keys))
        var values = [Value?](repeating: nil, count: slots.keys.count)
        for (h, v) in table { values[slots.find(h)!] = v }
        self.slots = slots
        self.values = values
    }

    @inline(__always) subscript(hash: UInt64) -> Value? {
        guard let i = slots.find(hash) else { return nil }
        return values[i]
    }
}
