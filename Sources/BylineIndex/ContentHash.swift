import BylineCore
import Foundation

/// A stable hash of file contents (`FNV1a`: the same in every process and on every run). It
/// tells an edited file from one that was only touched; it is not a defence against files
/// crafted to collide.
struct ContentHash {
    private var hash = FNV1a()
    var value: UInt64 { hash.value }

    mutating func combine(_ data: Data) {
        data.withUnsafeBytes { hash.combine($0) }
    }

    static func of(_ data: Data) -> UInt64 {
        var hasher = ContentHash()
        hasher.combine(data)
        return hasher.value
    }

    /// SQLite integers are signed: the bits are stored as they are.
    static func stored(_ hash: UInt64) -> Int64 { Int64(bitPattern: hash) }
}
