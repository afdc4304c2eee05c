/// Letter tests for the quotation and speaker analysis. ASCII and Latin-1 are answered from
/// the scalar's value; only other scalars look up Unicode properties, in functions of their
/// own: touching the standard library's resilient property types makes a function set up
/// metadata and stack space on every call, even when the answer is ASCII.
enum Letters {
    @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v < 0x100 { return v >= 0xC0 && v != 0xD7 && v != 0xF7 }
        if v >= 0x2000 && v <= 0x206F { return false }
        return slowIsLetter(c)
    }

    /// `properties.isUppercase`, without the look-up for Latin-1, general punctuation and the
    /// blocks of scripts without case (Hebrew to Myanmar, Hangul Jamo to Ethiopic, CJK and kana,
    /// Hangul syllables); a test compares it with the property for every scalar.
    @inline(__always) static func isUpper(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v < 0x100 { return v >= 0xC0 && v <= 0xDE && v != 0xD7 }
        switch v {
        case 0x0590...0x109F, 0x1100...0x139F, 0x2000...0x206F, 0x3000...0x9FFF, 0xAC00...0xD7FF: return false
        default: return slowIsUpper(c)
        }
    }

    @inline(__always) static func isLower(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        if v < 0x100 { return v >= 0xDF && v != 0xF7 }
        if v >= 0x2000 && v <= 0x206F { return false }
        return slowIsLower(c)
    }

    @inline(__always) static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x30 && c.value <= 0x39) || isLetter(c)
    }

    @inline(never) private static func slowIsLetter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic }
    @inline(never) private static func slowIsUpper(_ c: Unicode.Scalar) -> Bool { c.properties.isUppercase }
    @inline(never) private static func slowIsLower(_ c: Unicode.Scalar) -> Bool { c.properties.isLowercase }
}
