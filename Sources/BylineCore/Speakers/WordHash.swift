/// A 64-bit hash of a word, lower-cased, computed while the text is walked: lexicon look-ups
/// compare hashes instead of building a `String` per word (the hot path never allocates).
///
/// `FNV1a` over the scalar values, with ASCII upper case folded to lower case and the curly
/// apostrophe folded to `'`, so `Biden’s`, `BIDEN'S` and `biden's` hash alike.
enum WordHash {

    @inline(__always) static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        let v = scalar.value
        if v >= 0x41 && v <= 0x5A { return v + 32 }
        if v == 0x2019 || v == 0x2BC { return 0x27 }
        return v
    }

    @inline(__always) static func add(_ hash: UInt64, _ scalar: Unicode.Scalar) -> UInt64 {
        FNV1a.step(hash, UInt64(fold(scalar)))
    }

    /// The word hash proper: the running hash folded to 32 bits (tokens store it in four bytes;
    /// against lexicons of a few thousand words a chance collision is one in a million).
    @inline(__always) static func finish(_ h: UInt64) -> UInt64 { (h ^ (h >> 32)) & 0xFFFF_FFFF }

    /// Hash of a whole string, the same as adding its scalars one by one.
    static func of(_ word: String) -> UInt64 {
        var h = FNV1a.offsetBasis
        for s in word.unicodeScalars { h = add(h, s) }
        return finish(h)
    }

    /// Hash of a range of scalars.
    @inline(__always) static func of(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ from: Int, _ to: Int) -> UInt64 {
        var h = FNV1a.offsetBasis
        var i = from
        while i < to {
            h = add(h, s[i])
            i += 1
        }
        return finish(h)
    }
}

/// Where a word hash goes in an open-addressing table of `mask + 1` slots (linear probing). The
/// FNV hash is already well mixed, so a slot is a few bits of it.
@inline(__always) private func firstSlot(_ key: UInt32, _ mask: Int) -> Int { Int(key ^ (key >> 15)) & mask }

/// Whether `key` is in an open-addressing table of keys (zero marks an empty slot, so zero is
/// never found), probing linearly from its first slot: `WordSet`'s and `WordHashSet`'s look-up.
@inline(__always) private func isStored(_ key: UInt32, in keys: UnsafeBufferPointer<UInt32>, mask: Int) -> Bool {
    var i = firstSlot(key, mask)
    while true {
        let k = keys[i]
        if k == key { return key != 0 }
        if k == 0 { return false }
        i = (i &+ 1) & mask
    }
}

/// The slot count for `count` keys: at most half full. Most look-ups are misses (most words are
/// in no lexicon); a small table stays in the first-level cache, which matters more than the
/// occasional second probe (in the same cache line).
private func slotCount(_ count: Int) -> Int {
    var size = 16
    while size < count * 2 { size <<= 1 }
    return size
}

/// A set of lower-cased words, looked up by `WordHash`: an open-addressing table of 32-bit keys
/// (word hashes are 32-bit), a look-up one or two reads of a small array that stays in cache.
/// `Set<UInt64>`'s seeded SipHash dominated the analysis.
struct WordSet: Sendable {
    private let keys: [UInt32]
    private let mask: Int

    init(_ words: [String]) {
        // Zero marks an empty slot: a word hashing to zero is left out (one chance in 2^32).
        let hashes = Set(words.map { UInt32(truncatingIfNeeded: WordHash.of($0)) }).filter { $0 != 0 }
        let size = slotCount(hashes.count)
        var keys = [UInt32](repeating: 0, count: size)
        for h in hashes {
            var i = firstSlot(h, size - 1)
            while keys[i] != 0 { i = (i + 1) & (size - 1) }
            keys[i] = h
        }
        self.keys = keys
        self.mask = size - 1
    }

    /// Words separated by white space, for long lexicons written as one string.
    init(_ text: String) {
        self.init(Lexicon.words(text))
    }

    @inline(__always) func contains(_ hash: UInt64) -> Bool {
        let key = UInt32(truncatingIfNeeded: hash)
        return keys.withUnsafeBufferPointer { isStored(key, in: $0, mask: mask) }
    }

    func contains(word: String) -> Bool { contains(WordHash.of(word)) }
}

/// A set of word hashes gathered while an article is read (its capitalised words, say): an
/// open-addressing table of 32-bit keys like `WordSet`, that grows as words are added.
/// `Set<UInt64>` hashed every insertion and look-up again with seeded SipHash.
struct WordHashSet {
    private var keys: [UInt32]
    private var count = 0
    /// Zero marks an empty slot, so a word hashing to zero is noted apart.
    private var holdsZero = false

    init(minimumCapacity: Int) {
        keys = [UInt32](repeating: 0, count: slotCount(minimumCapacity))
    }

    /// `hash`: a word hash (32 bits, as `WordHash.finish` gives).
    mutating func insert(_ hash: UInt64) {
        let key = UInt32(truncatingIfNeeded: hash)
        guard key != 0 else {
            holdsZero = true
            return
        }
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = firstSlot(key, mask)
        while true {
            let k = keys[i]
            if k == key { return }
            if k == 0 {
                keys[i] = key
                count += 1
                return
            }
            i = (i &+ 1) & mask
        }
    }

    func contains(_ hash: UInt64) -> Bool {
        let key = UInt32(truncatingIfNeeded: hash)
        guard key != 0 else { return holdsZero }
        return keys.withUnsafeBufferPointer { isStored(key, in: $0, mask: $0.count - 1) }
    }

    private mutating func grow() {
        let old = keys
        keys = [UInt32](repeating: 0, count: old.count * 2)
        count = 0
        for key in old where key != 0 { insert(UInt64(key)) }
    }
}

/// Lower-cased words mapped to a small value, looked up by `WordHash` (a later pair for the
/// same word wins). The probe reads only the keys; a value is read on a hit.
struct WordMap<Value: Sendable>: Sendable {
    private let keys: [UInt32]
    private let values: [Value?]
    private let mask: Int

    init(_ pairs: [(String, Value)]) {
        var table: [UInt32: Value] = [:]
        for (word, value) in pairs { table[UInt32(truncatingIfNeeded: WordHash.of(word))] = value }
        table[0] = nil
        let size = slotCount(table.count)
        var keys = [UInt32](repeating: 0, count: size)
        var values = [Value?](repeating: nil, count: size)
        for (h, v) in table {
            var i = firstSlot(h, size - 1)
            while keys[i] != 0 { i = (i + 1) & (size - 1) }
            keys[i] = h
            values[i] = v
        }
        self.keys = keys
        self.values = values
        self.mask = size - 1
    }

    @inline(__always) subscript(hash: UInt64) -> Value? {
        let key = UInt32(truncatingIfNeeded: hash)
        let slot: Int? = keys.withUnsafeBufferPointer { keys in
            var i = firstSlot(key, mask)
            while true {
                let k = keys[i]
                if k == key { return key != 0 ? i : nil }
                if k == 0 { return nil }
                i = (i &+ 1) & mask
            }
        }
        guard let slot else { return nil }
        return values.withUnsafeBufferPointer { $0[slot] }
    }
}
