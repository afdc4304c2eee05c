/// Fitting one-line text into a number of columns.
public enum TextFit {
    /// `text` on one line (white space collapsed, controls visible), cut to `columns` with a
    /// trailing ellipsis when it does not fit. Never splits a cluster or a wide glyph.
    public static func shorten(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        // Walks only as far as the columns need: quotations and sentences can be long.
        var line = LineGlyphs(columns: columns, spaceTag: ())
        for c in text {
            guard line.add(Glyphs.glyph(c), ()) else { break }
        }
        return fit(line)
    }

    /// `scalars[range]` on one line, cut to `columns` like `shorten(_:to:)`; walks only as
    /// far as the columns need, without making a string of the whole range.
    public static func shorten(_ scalars: [Unicode.Scalar], _ range: Range<Int>, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        var line = LineGlyphs(columns: columns, spaceTag: ())
        Glyphs.forEach(in: scalars, range) { glyph, _, _ in line.add(glyph, ()) }
        return fit(line)
    }

    static func fit(_ line: LineGlyphs<Void>) -> String {
        if !line.overflows { return line.glyphs.map(\.glyph.text).joined() }
        var out = ""
        var used = 0
        for (g, _) in line.glyphs {
            if used + g.width > line.columns - 1 { break }
            out += g.text
            used += g.width
        }
        while out.last == " " { out.removeLast() }
        return out + "…"
    }

}

/// The glyphs of one line of text, as lists and snippets show it: runs of white space become
/// one space (none before the first glyph), zero-width glyphs are left out, and each glyph
/// keeps a tag (a search match, say). Fed glyph by glyph, it says when it has more than
/// `columns` can hold, so a caller need not walk a long text to its end.
struct LineGlyphs<Tag> {
    let columns: Int
    /// The tag of a space put between two runs.
    let spaceTag: Tag
    private(set) var glyphs: [(glyph: Glyph, tag: Tag)] = []
    private(set) var total = 0
    private var pendingSpace = false

    init(columns: Int, spaceTag: Tag) {
        self.columns = columns
        self.spaceTag = spaceTag
    }

    var overflows: Bool { total > columns }

    /// Adds a glyph; false once the line is wider than `columns` (nothing more is needed).
    mutating func add(_ glyph: Glyph, _ tag: Tag) -> Bool {
        if glyph.isWhitespace {
            pendingSpace = !glyphs.isEmpty
            return true
        }
        if glyph.width == 0 { return true }
        if pendingSpace {
            glyphs.append((Glyph(text: " ", width: 1, isWhitespace: true), spaceTag))
            total += 1
            pendingSpace = false
        }
        glyphs.append((glyph, tag))
        total += glyph.width
        return total <= columns
    }
}
