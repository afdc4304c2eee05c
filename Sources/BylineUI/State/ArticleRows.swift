import BylineCore

/// The article pane's rows at one width: each paragraph's wrapped lines, then its trailer —
/// the date line after the headline, and a blank row between paragraphs. Paragraphs are
/// wrapped only when a question reaches them (and then cached by the document), so scrolling,
/// jumping and resizing cost in proportion to the rows they touch, not to the article.
public struct ArticleRows {
    public enum Row: Hashable, Sendable {
        case text(paragraph: Int, line: WrappedLine, isHeadline: Bool)
        /// The article's date and source, under the headline.
        case meta
        case blank
    }

    /// A row: a paragraph and a row inside it (its lines first, then its trailer rows).
    public struct Position: Hashable, Comparable, Sendable, CustomStringConvertible {
        public var paragraph: Int
        public var row: Int

        public init(paragraph: Int, row: Int) {
            self.paragraph = paragraph
            self.row = row
        }

        public static func < (a: Position, b: Position) -> Bool {
            a.paragraph != b.paragraph ? a.paragraph < b.paragraph : a.row < b.row
        }

        public var description: String { "\(paragraph).\(row)" }
    }

    public let document: ReaderDocument
    public let width: Int

    public init(document: ReaderDocument, width: Int) {
        self.document = document
        self.width = max(1, width)
    }

    var paragraphs: [Paragraph] { document.article.paragraphs }
    public var isEmpty: Bool { paragraphs.isEmpty }

    public func lines(_ paragraph: Int) -> [WrappedLine] { document.lines(paragraph: paragraph, width: width) }

    func trailerCount(_ p: Int) -> Int {
        let isLast = p == paragraphs.count - 1
        if paragraphs[p].isHeadline { return isLast ? 1 : 2 }
        return isLast ? 0 : 1
    }

    public func rowCount(_ p: Int) -> Int { lines(p).count + trailerCount(p) }

    public func row(at position: Position) -> Row {
        let lines = lines(position.paragraph)
        let paragraph = paragraphs[position.paragraph]
        if position.row < lines.count {
            return .text(paragraph: position.paragraph, line: lines[position.row], isHeadline: paragraph.isHeadline)
        }
        return paragraph.isHeadline && position.row == lines.count ? .meta : .blank
    }

    public var first: Position { Position(paragraph: 0, row: 0) }

    public var last: Position {
        guard !isEmpty else { return first }
        let p = paragraphs.count - 1
        return Position(paragraph: p, row: rowCount(p) - 1)
    }

    // MARK: Anchors and offsets

    public func position(of anchor: ArticleAnchor) -> Position {
        guard !isEmpty else { return first }
        let p = min(max(0, anchor.paragraph), paragraphs.count - 1)
        let span = paragraphs[p].span
        let lines = lines(p)
        if anchor.offset < span.end { return Position(paragraph: p, row: Self.lineIndex(lines, containing: anchor.offset)) }
        let trailer = min(anchor.offset - span.end, trailerCount(p) - 1)
        return Position(paragraph: p, row: trailer < 0 ? lines.count - 1 : lines.count + trailer)
    }

    public func anchor(of position: Position) -> ArticleAnchor {
        guard !isEmpty else { return ArticleAnchor(paragraph: 0, offset: 0) }
        let lines = lines(position.paragraph)
        if position.row < lines.count { return ArticleAnchor(paragraph: position.paragraph, offset: lines[position.row].start) }
        let span = paragraphs[position.paragraph].span
        return ArticleAnchor(paragraph: position.paragraph, offset: span.end + position.row - lines.count)
    }

    /// The row showing scalar `offset` (the nearest text row before it, between paragraphs).
    public func position(ofOffset offset: Int) -> Position {
        guard !isEmpty else { return first }
        let p = document.article.paragraphIndex(containing: offset) ?? 0
        return Position(paragraph: p, row: Self.lineIndex(lines(p), containing: offset))
    }

    static func lineIndex(_ lines: [WrappedLine], containing offset: Int) -> Int {
        var lo = 0
        var hi = lines.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lines[mid].start <= offset { lo = mid + 1 } else { hi = mid }
        }
        return max(0, lo - 1)
    }

    // MARK: Moving

    /// `position` moved by `delta` rows, stopping at the first and last rows.
    public func advance(_ position: Position, by delta: Int) -> Position {
        guard !isEmpty else { return first }
        var p = position.paragraph
        var r = position.row + delta
        while r < 0 {
            if p == 0 { return first }
            p -= 1
            r += rowCount(p)
        }
        while r >= rowCount(p) {
            if p == paragraphs.count - 1 { return last }
            r -= rowCount(p)
            p += 1
        }
        return Position(paragraph: p, row: r)
    }

    /// The lowest top row: the one that puts the last row at the bottom of `height` rows.
    public func maxTop(height: Int) -> Position { advance(last, by: -(max(1, height) - 1)) }

    /// Rows from `a` down to `b`, or nil when `b` is above `a` or more than `limit` rows away.
    public func distance(from a: Position, to b: Position, limit: Int) -> Int? {
        if b < a { return nil }
        var position = a
        var count = 0
        while position < b {
            if count >= limit { return nil }
            // Whole paragraphs at a time when possible.
            if position.paragraph < b.paragraph {
                count += rowCount(position.paragraph) - position.row
                position = Position(paragraph: position.paragraph + 1, row: 0)
            } else {
                count += b.row - position.row
                position = b
            }
        }
        return count <= limit ? count : nil
    }

    /// The rows from `top`, at most `count` of them.
    public func rows(from top: Position, count: Int) -> [(Position, Row)] {
        guard !isEmpty, count > 0 else { return [] }
        var out: [(Position, Row)] = []
        var p = top.paragraph
        var r = top.row
        while out.count < count, p < paragraphs.count {
            let total = rowCount(p)
            while r < total, out.count < count {
                let position = Position(paragraph: p, row: r)
                out.append((position, row(at: position)))
                r += 1
            }
            p += 1
            r = 0
        }
        return out
    }
}
