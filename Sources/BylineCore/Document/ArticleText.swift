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
    /// and `keepingLineBreaks`), trimmed at both ends; no-break and the other Unicode spaces are
    /// white space, and invisible characters pages put inside words (a soft hyphen, zero-width
    /// spaces and word joiners, a BOM) are dropped, so names and words read whole. Blank lines
    /// inside never survive: they would split the paragraph.
    public static func collapse(_ text: String, keepingLineBreaks: Bool) -> String {
        var text = text
        return text.withUTF8 { collapse(utf8: $0, keepingLineBreaks: keepingLineBreaks) }
    }

    /// `collapse` on valid UTF-8, written straight into the result's storage (it is never
    /// longer than the input): several times faster than collapsing scalar by scalar, which
    /// was most of the time spent reading a text-heavy page or feed.
    public static func collapse(utf8 bytes: UnsafeBufferPointer<UInt8>, keepingLineBreaks: Bool) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            collapse(bytes, into: buffer, keepingLineBreaks: keepingLineBreaks)
        }
    }

    private static func collapse(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>,
                                 keepingLineBreaks: Bool) -> Int {
        let n = bytes.count
        var written = 0
        var pendingSpace = false
        var pendingBreak = false
        /// Writes the space or line break a run of white space left, unless at the start.
        func separate() {
            if written > 0 {
                if pendingBreak {
                    buffer[written] = 0x0A
                    written += 1
                } else if pendingSpace {
                    buffer[written] = 0x20
                    written += 1
                }
            }
            pendingSpace = false
            pendingBreak = false
        }
        /// Printable ASCII, continuation bytes, and lead bytes of characters that are never
        /// white space nor invisible (only C2, E1, E2, E3 and EF lead to those).
        func isPlain(_ b: UInt8) -> Bool {
            b > 0x20 && b < 0x80 || b >= 0x80 && b < 0xC2 || b >= 0xC3 && b < 0xE1 || b >= 0xF0
        }
        var i = 0
        while i < n {
            let b = bytes[i]
            if isPlain(b) {
                separate()
                buffer[written] = b
                written += 1
                i += 1
                while i < n, isPlain(bytes[i]) {
                    buffer[written] = bytes[i]
                    written += 1
                    i += 1
                }
                continue
            }
            var length = 1
            var kind = Kind.visible
            if b < 0x80 {
                if b == 0x20 || b == 0x09 { kind = .space } else if b >= 0x0A && b <= 0x0D { kind = .lineBreak }
            } else if b == 0xC2, i + 1 < n {
                switch bytes[i + 1] {
                case 0x85, 0xA0: (kind, length) = (.space, 2)  // NEL, no-break space
                case 0xAD: (kind, length) = (.invisible, 2)  // soft hyphen
                default: break
                }
            } else if b >= 0xE1, b <= 0xEF, i + 2 < n {
                let b1 = bytes[i + 1]
                let b2 = bytes[i + 2]
                switch (b, b1) {
                case (0xE1, 0x9A): if b2 == 0x80 { kind = .space }  // U+1680
                case (0xE2, 0x80):
                    switch b2 {
                    case 0x80...0x8A, 0xAF: kind = .space  // U+2000…U+200A, U+202F
                    case 0x8B: kind = .invisible  // zero-width space
                    case 0xA8, 0xA9: kind = .lineBreak  // line and paragraph separators
                    default: break
                    }
                case (0xE2, 0x81):
                    if b2 == 0x9F { kind = .space } else if b2 == 0xA0 { kind = .invisible }  // U+205F, word joiner
                case (0xE3, 0x80): if b2 == 0x80 { kind = .space }  // ideographic space
                case (0xEF, 0xBB): if b2 == 0xBF { kind = .invisible }  // BOM
                default: break
                }
                if kind != .visible { length = 3 }
            }
            i += length
            switch kind {
            case .space: pendingSpace = true
            case .lineBreak: if keepingLineBreaks { pendingBreak = true } else { pendingSpace = true }
            case .invisible: break
            case .visible:
                separate()
                buffer[written] = b
                written += 1
            }
        }
        return written
    }

    private enum Kind {
        case visible, space, lineBreak, invisible
    }
}
