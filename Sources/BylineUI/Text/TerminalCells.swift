/// How a screen cell's grapheme is handed to a terminal library that measures code points
/// (ncurses uses the C library's `wcwidth`), so that the library, the terminal and the
/// reader's own width agree on where every following glyph goes.
///
/// A cluster is split into pieces, one per spacing code point with the marks that follow it;
/// when the pieces' widths add up to the reader's width, they are drawn side by side (Hangul
/// jamo, Devanagari vowel signs). When they do not (emoji sequences: 🗞️ is 1 + 0 for `wcwidth`,
/// 👍🏽 is 2 + 2), only the base code point is drawn, padded with spaces to the reader's
/// width: a plainer glyph, but never a shifted line.
public enum TerminalCells {
    public struct Piece: Hashable, Sendable {
        public var scalars: [Unicode.Scalar]
        public var width: Int

        public init(scalars: [Unicode.Scalar], width: Int) {
            self.scalars = scalars
            self.width = width
        }
    }

    /// Code points per cell ncurses keeps (CCHARW_MAX).
    public static let maximumScalars = 5

    public static func pieces(for grapheme: String, width: Int, systemWidth: (Unicode.Scalar) -> Int) -> [Piece] {
        var pieces: [Piece] = []
        for scalar in grapheme.unicodeScalars {
            let w = systemWidth(scalar)
            if w > 0 {
                pieces.append(Piece(scalars: [scalar], width: w))
            } else if w == 0, !pieces.isEmpty {
                pieces[pieces.count - 1].scalars.append(scalar)
            } else if w == 0 {
                pieces.append(Piece(scalars: [scalar], width: 0))
            } else {
                pieces.append(Piece(scalars: ["\u{FFFD}"], width: 1))  // unprintable for the C library
            }
        }
        let total = pieces.reduce(0) { $0 + $1.width }
        if total == width, pieces.allSatisfy({ $0.scalars.count <= maximumScalars && $0.width > 0 }) { return pieces }
        // Fallback: the base alone (with its combining marks), padded.
        guard let base = grapheme.unicodeScalars.first(where: { systemWidth($0) > 0 }) else {
            return padding(width)
        }
        let baseWidth = systemWidth(base)
        if baseWidth > width { return [Piece(scalars: ["\u{FFFD}"], width: 1)] + padding(width - 1) }
        var scalars = [base]
        var afterBase = false
        for s in grapheme.unicodeScalars {
            if s == base && !afterBase {
                afterBase = true
                continue
            }
            guard afterBase, scalars.count < maximumScalars else { continue }
            switch s.properties.generalCategory {
            case .nonspacingMark, .enclosingMark:
                if s.value != 0xFE0F && s.value != 0xFE0E && systemWidth(s) == 0 { scalars.append(s) }
            default:
                break
            }
        }
        return [Piece(scalars: scalars, width: baseWidth)] + padding(width - baseWidth)
    }

    static func padding(_ n: Int) -> [Piece] { Array(repeating: Piece(scalars: [" "], width: 1), count: max(0, n)) }
}
