/// Fitting one-line text into a number of columns.
public enum TextFit {
    /// `text` on one line (white space collapsed, controls visible), cut to `columns` with a
    /// trailing ellipsis when it does not fit. Never splits a cluster or a wide glyph.
    public static func shorten(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        // Walks only as far as the columns need: quotations and sentences can be long.
        var glyphs: [Glyph] = []
        var total = 0
        var pendingSpace = false
        for c in text {
            let glyph = Glyphs.glyph(c)
            if glyph.isWhitespace {
                pendingSpace = !glyphs.isEmpty
                continue
            }
            if glyph.width == 0 { continue }
            if pendingSpace {
                glyphs.append(Glyph(text: " ", width: 1, isWhitespace: true))
                total += 1
                pendingSpace = false
            }
            glyphs.append(glyph)
            total += glyph.width
            if total > columns { break }
        }
        return fit(glyphs, total: total, columns: columns)
    }

    /// `scalars[range]` on one line, cut to `columns` like `shorten(_:to:)`; walks only as
    /// far as the columns need, without making a string of the whole range.
    public static func shorten(_ scalars: [Unicode.Scalar], _ range: Range<Int>, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        var glyphs: [Glyph] = []
        var total = 0
        var pendingSpace = false
        Glyphs.forEach(in: scalars, range) { glyph, _, _ in
            if glyph.isWhitespace {
                pendingSpace = !glyphs.isEmpty
                return true
            }
            if glyph.width == 0 { return true }
            if pendingSpace {
                glyphs.append(Glyph(text: " ", width: 1, isWhitespace: true))
                total += 1
                pendingSpace = false
            }
            glyphs.append(glyph)
            total += glyph.width
            return total <= columns
        }
        return fit(glyphs, total: total, columns: columns)
    }

    static func fit(_ glyphs: [Glyph], total: Int, columns: Int) -> String {
        if total <= columns { return glyphs.map(\.text).joined() }
        var out = ""
        var used = 0
        for g in glyphs {
            if used + g.width > columns - 1 { break }
            out += g.text
            used += g.width
        }
        while out.last == " " { out.removeLast() }
        return out + "…"
    }

}
