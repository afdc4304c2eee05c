import Foundation

/// FNV-1a, 64 bits: a stable hash of file contents (the same in every process and on every
/// run, unlike `Hasher`). It tells an edited file from one that was only touched; it is not
/// a defence against files crafted to collide.
struct ContentHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ data: Data) {
        var h = value
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            for byte in bytes {
                h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        value = h
    }

    static func of(_ data: Data) -> UInt64 {
        var hasher = ContentHash()
        hasher.combine(data)
        return hasher.value
    }

    /// SQLite integers are signed: the bits are stored as they are.
    static func stored(_ hash: UInt64) -> Int64 { Int64(bitPattern: hash) }
}
