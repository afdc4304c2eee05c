/// A map from 64-bit integers (row ids, hashes) to values: open addressing with linear probing
/// in flat arrays, the slot taken from the key by Fibonacci hashing. The echo writer looks keys
/// up some hundred times per quotation, and `Dictionary`'s seeded SipHash was most of its time.
struct Int64Map<Value> {
    private var keys: [Int64]
    private var values: [Value?]
    private var shift: UInt64
    private(set) var count = 0

    init() {
        keys = Array(repeating: 0, count: 16)
        values = Array(repeating: nil, count: 16)
        shift = 64 - 4
    }

    private var mask: Int { keys.count - 1 }

    @inline(__always) private func home(_ key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always) private func slot(_ key: Int64) -> Int {
        var i = home(key)
        while values[i] != nil, keys[i] != key { i = (i + 1) & mask }
        return i
    }

    subscript(key: Int64) -> Value? {
        get { values[slot(key)] }
        set {
            let i = slot(key)
            if let newValue {
                if values[i] == nil {
                    values[i] = newValue
                    keys[i] = key
                    count += 1
                    if count * 2 > keys.count { grow() }
                } else {
                    values[i] = newValue
                }
            } else if values[i] != nil {
                remove(at: i)
            }
        }
    }

    /// Changes the value of `key` in place (a fresh `initial` one when there is none).
    mutating func update(_ key: Int64, initial: @autoclosure () -> Value, _ change: (inout Value) -> Void) {
        var i = slot(key)
        if values[i] == nil {
            keys[i] = key
            values[i] = initial()
            count += 1
            if count * 2 > keys.count {
                grow()
                i = slot(key)
            }
        }
        change(&values[i]!)
    }

    /// Empties slot `i` and moves up the entries after it that probed past it (backward-shift
    /// deletion: no tombstones, so look-ups stay short).
    private mutating func remove(at slot: Int) {
        var hole = slot
        values[hole] = nil
        count -= 1
        var i = (hole + 1) & mask
        while values[i] != nil {
            let wanted = home(keys[i])
            // The entry at i may move into the hole when its home is not between the hole and i.
            let stays = hole < i ? (wanted > hole && wanted <= i) : (wanted > hole || wanted <= i)
            if !stays {
                keys[hole] = keys[i]
                values[hole] = values[i]
                values[i] = nil
                hole = i
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: nil, count: oldKeys.count * 2)
        shift -= 1
        for (key, value) in zip(oldKeys, oldValues) {
            guard let value else { continue }
            let i = slot(key)
            keys[i] = key
            values[i] = value
        }
    }
}
