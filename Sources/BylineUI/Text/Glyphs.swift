import BylineCore

/// One grapheme cluster of article text as the screen shows it.
public struct Glyph: Hashable, Sendable {
    /// What is drawn: the cluster itself, or a visible stand-in (a control picture for a
    /// control character, a space for white space, a dotted circle under a lone combining mark).
    public var text: String
    /// Columns it takes (0 for an invisible format character, which is not drawn).
    public var width: Int
    /// White space: a break opportunity, collapsed to one space between words.
    public var isWhitespace: Bool

    public init(text: String, width: Int, isWhitespace: Bool = false) {
        self.text = text
        self.width = width
        self.isWhitespace = isWhitespace
    }
}

/// Splits text into display glyphs. The hot path (ASCII) walks scalars; anything else is
/// segmented into grapheme clusters by the standard library.
public enum Glyphs {
    /// The glyphs of a string.
    public static func of(_ text: String) -> [Glyph] {
        var out: [Glyph] = []
        out.reserveCapacity(text.utf8.count)
        for c in text { out.append(glyph(c)) }
        return out
    }

    /// The display form of one cluster.
    public static func glyph(_ c: Character) -> Glyph {
        let scalars = c.unicodeScalars
        let first = scalars.first!
        if first.value < 0x80, scalars.count == 1 {
            if first.value >= 0x20 && first.value < 0x7F {
                return Glyph(text: String(c), width: 1, isWhitespace: first.value == 0x20)
            }
        }
        if ScalarClass.isWhitespace(first) {
            guard hasMarks(c) else { return Glyph(text: " ", width: 1, isWhitespace: true) }
            // Marks on a space: shown on a dotted circle, like marks on nothing.
            var view = String.UnicodeScalarView(["\u{25CC}"])
            view.append(contentsOf: scalars.dropFirst())
            return Glyph(text: String(view), width: 1)
        }
        if let placeholder = TerminalSafe.placeholder(for: first) {
            // Controls form clusters of their own (CR LF aside, which is white space).
            return Glyph(text: String(Character(placeholder)), width: 1)
        }
        let width = measure(c).width
        var text = String(c)
        if scalars.contains(where: { TerminalSafe.placeholder(for: $0) != nil }) {
            var view = String.UnicodeScalarView()
            for s in scalars { view.append(TerminalSafe.placeholder(for: s) ?? s) }
            text = String(view)
        }
        // A mark with nothing to sit on is shown on a dotted circle, as fonts do; invisible
        // format characters (ZWJ, ZWSP, soft hyphen) take no column and are not drawn.
        if width == 1, DisplayWidth.of(c) == 0 { text = "\u{25CC}" + text }
        return Glyph(text: text, width: width)
    }

    /// Width of a cluster as drawn (see `glyph`), and whether it is white space; without
    /// making the string `glyph` would draw.
    @inlinable
    public static func measure(_ c: Character) -> (width: Int, isWhitespace: Bool) {
        let first = c.unicodeScalars.first!
        if ScalarClass.isWhitespace(first) { return (1, !hasMarks(c)) }
        if TerminalSafe.placeholder(for: first) != nil { return (1, false) }
        let width = DisplayWidth.of(c)
        if width == 0 {
            switch first.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: return (1, false)  // on a dotted circle
            default: return (0, false)
            }
        }
        return (width, false)
    }

    /// A cluster of white space with combining marks on it (CR LF is two spaces, not this).
    @inlinable
    public static func hasMarks(_ c: Character) -> Bool {
        let scalars = c.unicodeScalars
        guard scalars.count > 1 else { return false }
        return scalars.dropFirst().contains { !ScalarClass.isWhitespace($0) }
    }

    /// Visits the clusters of `scalars[range]` with their width, whether they are white space,
    /// and their first scalar: what wrapping needs, with no strings made for ASCII.
    @inlinable
    public static func forEachCluster(
        in scalars: [Unicode.Scalar], _ range: Range<Int>,
        _ body: (_ width: Int, _ isWhitespace: Bool, _ first: Unicode.Scalar, _ offset: Int, _ length: Int) -> Void
    ) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let s = scalars[i]
            let v = s.value
            if v < 0x80, i + 1 >= end || scalars[i + 1].value < 0x80 {
                body(1, v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C, s, i, 1)
                i += 1
                continue
            }
            var j = i + 1
            while j < end, !(scalars[j].value < 0x80 && scalars[j - 1].value >= 0x80) { j += 1 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[i..<j])
            var offset = i
            for c in String(view) {
                let length = c.unicodeScalars.count
                let (width, isWhitespace) = measure(c)
                body(width, isWhitespace, c.unicodeScalars.first!, offset, length)
                offset += length
            }
            i = j
        }
    }

    /// Visits the glyphs of `scalars[range]` in order with each one's scalar offset and length;
    /// stops when `body` returns false. Clusters never straddle `range`'s ends, provided they
    /// are cluster boundaries (a paragraph's or a wrapped line's ends are).
    @inlinable
    public static func forEach(
        in scalars: [Unicode.Scalar], _ range: Range<Int>,
        _ body: (_ glyph: Glyph, _ offset: Int, _ length: Int) -> Bool
    ) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let v = scalars[i].value
            let nextIsASCII = i + 1 >= end || scalars[i + 1].value < 0x80
            if v < 0x80, nextIsASCII {
                let single = v >= 0x20 && v < 0x7F
                    ? Glyph(text: String(Character(scalars[i])), width: 1, isWhitespace: v == 0x20)
                    : glyph(Character(scalars[i]))
                if !body(single, i, 1) { return }
                i += 1
                continue
            }
            // A run that needs grapheme segmentation: from here to the next ASCII scalar
            // that follows a non-ASCII one (a combining mark may follow an ASCII letter).
            var j = i + 1
            while j < end, !(scalars[j].value < 0x80 && scalars[j - 1].value >= 0x80) { j += 1 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[i..<j])
            var offset = i
            for c in String(view) {
                let length = c.unicodeScalars.count
                if !body(glyph(c), offset, length) { return }
                offset += length
            }
            i = j
        }
    }
}
