/// The one text shape every source becomes: a headline line, a blank line, then the body's
/// paragraphs separated by blank lines. Plain-text articles are read in this shape; web pages,
/// feed items and Markdown are written into it, so the analyses and every offset they report
/// refer to one kind of text whatever the source.
public enum ArticleText {
    /// The text of an article with `headline` and body `paragraphs`. White space inside each
    /// is collapsed to single spaces, except a line break kept inside a paragraph (`<br>`, a
    /// line of verse), which stays one `\n`; empty paragraphs are dropped. An empty headline
    /// leaves the first paragraph to serve as headline, as in a plain-text file.
    public static func compose(headline: String, paragraphs: [String]) -> String {
        var blocks: [String] = []
        let title = collapse(headline, keepingLineBreaks: false)
        if !title.isEmpty { blocks.append(title) }
        for paragraph in paragraphs {
            let text = collapse(paragraph, keepingLineBreaks: true)
            if !text.isEmpty { blocks.append(text) }
        }
        return blocks.joined(separator: "\n\n")
    }

    /// `text` with runs of white space made one space (or one line break, when a run holds one
    /// and `keepingLineBreaks`), trimmed at both ends. Blank lines inside never survive: they
    /// would split the paragraph.
    public static func collapse(_ text: String, keepingLineBreaks: Bool) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var pendingBreak = false
        for scalar in text.unicodeScalars {
            if isInvisible(scalar) { continue }
            if isSpace(scalar) {
                if isLineBreak(scalar), keepingLineBreaks { pendingBreak = true } else { pendingSpace = true }
                continue
            }
            if !out.isEmpty {
                if pendingBreak { out.append("\n") } else if pendingSpace { out.append(" ") }
            }
            pendingSpace = false
            pendingBreak = false
            out.append(scalar)
        }
        return String(out)
    }

    /// Characters with no glyph that pages put inside words: a soft hyphen (`Sub&shy;heading`),
    /// zero-width spaces and word joiners, a BOM. Dropped, so names and words read whole.
    private static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        s.value == 0xAD || s.value == 0x200B || s.value == 0x2060 || s.value == 0xFEFF
    }

    private static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}" || s == "\u{0B}" || s == "\u{0C}"
    }

    /// White space, no-break spaces included.
    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
