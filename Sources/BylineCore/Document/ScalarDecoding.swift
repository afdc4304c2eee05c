extension Article {
    /// `Array(text.unicodeScalars)`, decoded straight from the UTF-8 storage: the standard
    /// library's generic path counts the scalars first and then copies them, which costs
    /// about a fifth of the whole document pass.
    static func scalarArray(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 -> [Unicode.Scalar] in
            let n = utf8.count
            return [Unicode.Scalar](unsafeUninitializedCapacity: n) { buffer, count in
                // Written as UInt32 (a scalar's layout): the values are scalars already, so the
                // failable init's checks are not needed, and runs of ASCII (most of a news
                // text) go eight bytes at a time.
                count = buffer.withMemoryRebound(to: UInt32.self) { values -> Int in
                    guard let bytes = utf8.baseAddress else { return 0 }
                    let raw = UnsafeRawPointer(bytes)
                    var i = 0
                    var out = 0
                    while i < n {
                        if i + 8 <= n {
                            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                            if word & 0x8080_8080_8080_8080 == 0 {
                                // The eight bytes widened to eight scalars in vector registers, one
                                // store (the word's bytes are in memory order: little-endian).
                                let wide = SIMD8<UInt32>(truncatingIfNeeded: unsafeBitCast(word, to: SIMD8<UInt8>.self))
                                UnsafeMutableRawPointer(values.baseAddress! + out).storeBytes(of: wide, as: SIMD8<UInt32>.self)
                                i += 8
                                out += 8
                                continue
                            }
                        }
                        let b0 = UInt32(bytes[i])
                        var v: UInt32
                        if b0 < 0x80 {
                            v = b0
                            i += 1
                        } else if b0 < 0xE0 {
                            v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                            i += 2
                        } else if b0 < 0xF0 {
                            v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                            i += 3
                        } else {
                            v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                                | UInt32(bytes[i + 3] & 0x3F)
                            i += 4
                        }
                        // A Swift String's storage is valid UTF-8, so every value is a scalar.
                        values[out] = v
                        out += 1
                    }
                    return out
                }
            }
        }
    }
}
