/// Fast classification of Unicode scalars for the analyzers' hot paths, which walk
/// `[Unicode.Scalar]` once (see the speed table in ARCHITECTURE.md). ASCII is answered from
/// the scalar value; everything else falls back to Unicode properties.
public enum ScalarClass {
    /// Horizontal white space: space, tab, no-break space and the other Unicode spaces.
    @inlinable public static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    @inlinable public static func isNewline(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    @inlinable public static func isWhitespace(_ s: Unicode.Scalar) -> Bool { isSpace(s) || isNewline(s) }

    @inlinable public static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        return s.properties.isAlphabetic
    }

    @inlinable public static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return s.properties.isUppercase
    }

    @inlinable public static func isLower(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return s.properties.isLowercase
    }

    @inlinable public static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    @inlinable public static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool { isDigit(s) || isLetter(s) }

    /// Apostrophe-like scalars that can sit inside a word (`isn't`, `O’Neill`).
    @inlinable public static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x27 || s.value == 0x2019 || s.value == 0x2BC
    }

    /// Hyphens and dashes that join parts of a word (`al-Maliki`, `post-2011`).
    @inlinable public static func isHyphen(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x2D || s.value == 0x2010 || s.value == 0x2011
    }

    /// C0/C1 controls other than tab and newlines: never sent to a terminal raw.
    @inlinable public static func isControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0x7F || (v >= 0x80 && v < 0xA0)
    }

    /// ASCII lower-casing without allocating; other scalars are returned unchanged.
    @inlinable public static func asciiLower(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        return (v >= 0x41 && v <= 0x5A) ? Unicode.Scalar(v + 32)! : s
    }
}
