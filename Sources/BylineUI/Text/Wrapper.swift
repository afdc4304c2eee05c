/// One screen line of a wrapped paragraph: a range of scalar offsets into the article.
public struct WrappedLine: Hashable, Sendable {
    /// Offset of the line's first glyph.
    public var start: Int
    /// Offset after its last glyph; white space at a break is left out of both lines.
    public var end: Int
    /// Columns it takes once white space runs are collapsed to one space.
    public var width: Int

    public init(start: Int, end: Int, width: Int) {
        self.start = start
        self.end = end
        self.width = width
    }
}

/// Word wrap by display width, per grapheme cluster.
///
/// Lines break at white space (a run of it counts as one space), before and after wide
/// (CJK) glyphs, and after a hyphen or dash inside a word; a word wider than the line is cut
/// between clusters. Nothing is lost: every visible glyph lands on exactly one line.
public enum Wrapper {
    public static func wrap(_ scalars: [Unicode.Scalar], _ range: Range<Int>, width: Int) -> [WrappedLine] {
        var state = WrapState(width: max(1, width), start: range.lowerBound)
        Glyphs.forEachCluster(in: scalars, range) { width, isWhitespace, first, offset, length in
            state.add(width: width, isWhitespace: isWhitespace, first: first, offset: offset, length: length)
        }
        return state.finish()
    }

    /// Convenience for tests and one-off text: wraps a string, returning each line's text.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return wrap(scalars, 0..<scalars.count, width: width).map { line in
            LineText.render(scalars, line).map(\.text).joined()
        }
    }
}

private struct WrapState {
    struct Piece {
        var offset: Int
        var length: Int
        var width: Int
    }

    let width: Int
    var lines: [WrappedLine] = []
    // The line being filled.
    var lineStart: Int? = nil
    var lineEnd = 0
    var column = 0
    // The word being gathered (an unbreakable run of glyphs).
    var word: [Piece] = []
    var wordWidth = 0
    var wordPrecededBySpace = false
    var pendingSpace = false
    /// A break may come before the next glyph (after a wide glyph, a hyphen or a dash).
    var breakAllowed = false
    var lastOpened = false
    let paragraphStart: Int

    init(width: Int, start: Int) {
        self.width = width
        self.paragraphStart = start
    }

    mutating func add(width: Int, isWhitespace: Bool, first: Unicode.Scalar, offset: Int, length: Int) {
        if isWhitespace {
            flushWord()
            pendingSpace = true
            breakAllowed = false
            return
        }
        // A glyph of no width after white space (a zero-width space) is drawn as nothing, and
        // the white space on both sides of it as one space (`LineText.render`): it must not
        // start a word that would count a second space.
        if width == 0, word.isEmpty, pendingSpace { return }
        // Opening brackets stay with what follows them, closing punctuation with what comes
        // before (a light form of the CJK line-breaking rules).
        let opens = Self.opens(first)
        let closes = Self.closes(first)
        // Lines may break around CJK ideographs and emoji, which are written without spaces
        // (not around every two-column cluster: a Devanagari syllable can be two columns too).
        let ideographic = width >= 2 && DisplayWidth.scalarWidth(first) == 2
        if (breakAllowed || ideographic), !closes, !lastOpened { flushWord() }
        if word.isEmpty {
            wordPrecededBySpace = pendingSpace
            pendingSpace = false
        }
        word.append(Piece(offset: offset, length: length, width: width))
        wordWidth += width
        breakAllowed = (ideographic && !opens) || (Self.breaksAfter(first) && wordWidth > 1)
        lastOpened = opens
    }

    static func opens(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x28, 0x5B, 0x7B, 0xBF, 0xA1, 0x201C, 0x2018, 0x300C, 0x300E, 0xFF08, 0x3008, 0x300A, 0x3010, 0x3014: return true
        default: return false
        }
    }

    static func closes(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x29, 0x5D, 0x7D, 0x2C, 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x2026, 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x3001,
            0x3002, 0xFF0C, 0xFF0E, 0xFF01, 0xFF1F, 0xFF1A, 0xFF1B, 0x3009, 0x300B, 0x3011, 0x3015:
            return true
        default: return false
        }
    }

    /// Hyphens, dashes and the slash: a line may break after them.
    static func breaksAfter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0x2010, 0x2013, 0x2014, 0x2F: return true
        default: return false
        }
    }

    mutating func flushWord() {
        guard let first = word.first, let last = word.last else { return }
        defer {
            word.removeAll(keepingCapacity: true)
            wordWidth = 0
        }
        let separator = lineStart != nil && wordPrecededBySpace ? 1 : 0
        if lineStart != nil, column + separator + wordWidth <= width {
            column += separator + wordWidth
            lineEnd = last.offset + last.length
            return
        }
        if lineStart != nil { emitLine() }
        if wordWidth <= width {
            lineStart = first.offset
            lineEnd = last.offset + last.length
            column = wordWidth
            return
        }
        // Wider than a line: cut between clusters.
        for piece in word {
            if lineStart != nil, column + piece.width > width { emitLine() }
            if lineStart == nil {
                lineStart = piece.offset
                column = 0
            }
            column += piece.width
            lineEnd = piece.offset + piece.length
        }
    }

    mutating func emitLine() {
        if let start = lineStart { lines.append(WrappedLine(start: start, end: lineEnd, width: column)) }
        lineStart = nil
        column = 0
    }

    mutating func finish() -> [WrappedLine] {
        flushWord()
        emitLine()
        if lines.isEmpty { lines.append(WrappedLine(start: paragraphStart, end: paragraphStart, width: 0)) }
        return lines
    }
}

/// The glyphs of one wrapped line as drawn: white space runs become one space.
public enum LineText {
    public struct Placed: Hashable, Sendable {
        public var text: String
        public var width: Int
        /// Scalar offset of the cluster in the article.
        public var offset: Int
        public var length: Int
    }

    public static func render(_ scalars: [Unicode.Scalar], _ line: WrappedLine) -> [Placed] {
        var out: [Placed] = []
        var lastWasSpace = false
        Glyphs.forEach(in: scalars, line.start..<line.end) { glyph, offset, length in
            if glyph.isWhitespace {
                if !lastWasSpace { out.append(Placed(text: " ", width: 1, offset: offset, length: length)) }
                lastWasSpace = true
            } else if glyph.width > 0 {
                out.append(Placed(text: glyph.text, width: glyph.width, offset: offset, length: length))
                lastWasSpace = false
            }
            return true
        }
        return out
    }
}
