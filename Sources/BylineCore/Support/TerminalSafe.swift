/// Article text is data: control characters and escape sequences in it must never reach a
/// terminal raw. These helpers turn them into visible placeholders.
public enum TerminalSafe {
    /// A visible stand-in for a control scalar (C0 → Control Pictures, DEL → ␡, C1 → ␦),
    /// or nil when the scalar is safe to print.
    @inlinable public static func placeholder(for s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        if v < 0x20 { return Unicode.Scalar(0x2400 + v) }
        if v == 0x7F { return "\u{2421}" }
        if v >= 0x80 && v < 0xA0 { return "\u{2426}" }
        // Bidi overrides and isolates could reorder what follows them on screen.
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return "\u{FFFD}" }
        return nil
    }

    /// The string on one line: white space (newlines, tabs) runs become one space and
    /// controls become visible placeholders.
    public static func line(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            if ScalarClass.isWhitespace(s) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(placeholder(for: s) ?? s)
        }
        return String(out)
    }

    /// Keeps newlines and tabs, makes every other control visible.
    public static func text(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s.value == 0x0A || s.value == 0x09 {
                out.append(s)
            } else if s.value == 0x0D {
                continue
            } else {
                out.append(placeholder(for: s) ?? s)
            }
        }
        return String(out)
    }
}
