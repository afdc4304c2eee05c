/// Display width in terminal columns, per grapheme cluster: the one width function of the reader.
///
/// glibc's `wcwidth` measures code points, so it gets emoji sequences wrong (🗞️ = 1, 👍🏽 = 4).
/// Rules here, per cluster:
/// - an emoji cluster (emoji presentation, an emoji with VS16, a flag, a keycap) is 2;
/// - otherwise the sum over its scalars: East Asian Wide and Fullwidth are 2; combining marks,
///   format characters (ZWJ, variation selectors, soft hyphen) and Hangul medial and final jamo
///   are 0; everything else is 1 — so Devanagari's spacing vowel signs count, as terminals draw them;
/// - a control character counts 1, for the visible placeholder it is drawn as.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard let second = iterator.next() else { return scalarWidth(first) }
        if first.value < 0x80, second.value < 0x80 { return 2 }  // CR LF
        if isEmojiCluster(first: first, scalars) { return 2 }
        var total = scalarWidth(first) + scalarWidth(second)
        while let s = iterator.next() { total += scalarWidth(s) }
        return total
    }

    /// Width of a string, summed per grapheme cluster.
    public static func of(_ text: String) -> Int {
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    /// Width of one scalar on its own (0, 1 or 2).
    @inlinable public static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v < 0xA0 { return 1 }  // controls: drawn as one placeholder each
        if v < 0x300 { return v == 0xAD ? 0 : 1 }  // Latin; soft hyphen is invisible
        return nonLatinWidth(s)
    }

    @usableFromInline static func nonLatinWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if TerminalSafeGlyph.isReplaced(v) { return 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v < 0x1100 { return 1 }  // nothing below is wide or an emoji
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
        if v >= 0x231A, s.properties.isEmojiPresentation { return 2 }
        return isEastAsianWide(v) ? 2 : 1
    }

    static func isEmojiCluster(first: Unicode.Scalar, _ scalars: Character.UnicodeScalarView) -> Bool {
        let v = first.value
        if (0x1F1E6...0x1F1FF).contains(v) { return true }  // regional indicators: a flag
        var textPresentation = false
        var emojiPresentation = false
        for s in scalars {
            if s.value == 0xFE0F { emojiPresentation = true }
            if s.value == 0xFE0E { textPresentation = true }
        }
        if textPresentation { return false }
        if emojiPresentation { return first.properties.isEmoji }
        return first.properties.isEmojiPresentation
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges that are not emoji (those are caught by
    /// the emoji-presentation property), from Unicode's EastAsianWidth.txt, merged over gaps.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x17000...0x18CFF, 0x18D00...0x18D08, 0x1AFF0...0x1B2FF, 0x1F200...0x1F265,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    static func isEastAsianWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var lo = 0
        var hi = wideRanges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if wideRanges[mid].upperBound < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < wideRanges.count && wideRanges[lo].contains(v)
    }
}

/// Scalars the screen never shows as they are (see `TerminalSafe` in BylineCore).
enum TerminalSafeGlyph {
    static func isReplaced(_ v: UInt32) -> Bool {
        v < 0x20 || (v >= 0x7F && v < 0xA0) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
