extension Article {
    /// `Array(text.unicodeScalars)`, decoded straight from the UTF-8 storage: the standard
    /// library's generic path counts the scalars first and then copies them, which costs
    /// about a fifth of the whole document pass.
    static func scalarArray(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 -> [Unicode.Scalar] in
            let n = utf8.count
            return [Unicode.Scalar](unsafeUninitializedCapacity: n) { buffer, count in
                var i = 0
                var out = 0
                while i < n {
                    let b0 = UInt32(utf8[i])
                    var v: UInt32
                    if b0 < 0x80 {
                        v = b0
                        i += 1
                    } else if b0 < 0xE0 {
                        v = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                        i += 2
                    } else if b0 < 0xF0 {
                        v = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                        i += 3
                    } else {
                        v = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                            | UInt32(utf8[i + 3] & 0x3F)
                        i += 4
                    }
                    // A Swift String's storage is valid UTF-8, so every value is a scalar.
                    buffer[out] = Unicode.Scalar(v).unsafelyUnwrapped
                    out += 1
                }
                count = out
            }
        }
    }
}
