/// FNV-1a, 64 bits: a hash that is the same in every process and on every run, unlike Swift's
/// `Hasher` (seeded per process). The one definition behind word hashes (`WordHash`), file
/// contents, article identities and speaker colours. It tells values apart; it is no defence
/// against input crafted to collide.
public struct FNV1a: Sendable {
    /// The FNV offset basis: the hash of nothing.
    @inlinable public static var offsetBasis: UInt64 { 0xcbf2_9ce4_8422_2325 }
    /// The 64-bit FNV prime.
    @inlinable public static var prime: UInt64 { 0x0000_0100_0000_01b3 }

    /// The hash of what was combined so far.
    public var value: UInt64

    @inlinable public init() { value = Self.offsetBasis }

    /// `hash` with one more unit: a byte, or (for word hashes) a scalar's value.
    @inlinable @inline(__always) public static func step(_ hash: UInt64, _ unit: UInt64) -> UInt64 { (hash ^ unit) &* prime }

    @inlinable public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var h = value
        for byte in bytes { h = Self.step(h, UInt64(byte)) }
        value = h
    }

    @inlinable public mutating func combine(utf8 text: String) {
        var h = value
        for byte in text.utf8 { h = Self.step(h, UInt64(byte)) }
        value = h
    }

    /// The hash of a string's UTF-8 bytes.
    @inlinable public static func of(utf8 text: String) -> UInt64 {
        var hash = FNV1a()
        hash.combine(utf8: text)
        return hash.value
    }
}
