import Foundation

/// Comparisons on the parser's UTF-8 bytes (names and attribute values), ASCII case ignored,
/// without making Strings.
enum HTMLBytes {
    @inline(__always)
    static func lowercase(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// Whether `bytes` are `word` (lowercase ASCII), case ignored.
    static func equals(_ bytes: ArraySlice<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let expected = word.utf8Start
        var k = 0
        for byte in bytes {
            if lowercase(byte) != expected[k] { return false }
            k += 1
        }
        return true
    }

    /// Whether the NUL-terminated `value` is `word` (lowercase ASCII), case ignored.
    static func equals(_ value: UnsafePointer<UInt8>, _ word: StaticString) -> Bool {
        let expected = word.utf8Start
        let count = word.utf8CodeUnitCount
        for k in 0..<count where lowercase(value[k]) != expected[k] { return false }
        return value[count] == 0
    }

    /// Whether `bytes` contain `word` (lowercase ASCII), case ignored.
    static func contains(_ bytes: ArraySlice<UInt8>, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard bytes.count >= n else { return false }
        let needle = word.utf8Start
        var i = bytes.startIndex
        while i + n <= bytes.endIndex {
            var k = 0
            while k < n, lowercase(bytes[i + k]) == needle[k] { k += 1 }
            if k == n { return true }
            i += 1
        }
        return false
    }

    /// Whether the NUL-terminated `value` contains `word` (lowercase ASCII), case ignored.
    static func contains(_ value: UnsafePointer<UInt8>, _ word: StaticString) -> Bool {
        let length = strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
        return contains(ArraySlice(UnsafeBufferPointer(start: value, count: length)), word)
    }
}
