/// A colour as the terminal understands it: the terminal's default, or a palette index
/// (0–7 the basic ANSI colours, 8–15 their bright forms, 16–255 the 256-colour cube and greys).
public enum Color: Hashable, Sendable {
    case `default`
    case indexed(UInt8)
}

/// Text attributes a terminal can show without colour.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let underline = Attributes(rawValue: 1 << 2)
    public static let reverse = Attributes(rawValue: 1 << 3)
    public static let italic = Attributes(rawValue: 1 << 4)
}

/// How a cell is drawn.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()

    public func adding(_ extra: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }
}

/// One column of the screen: a grapheme cluster and its style. A glyph two columns wide
/// occupies its cell and the next, which holds the empty string (a continuation).
public struct Cell: Hashable, Sendable {
    public var grapheme: String
    public var style: Style

    public init(_ grapheme: String = " ", style: Style = .plain) {
        self.grapheme = grapheme
        self.style = style
    }

    public static let blank = Cell()
    public var isContinuation: Bool { grapheme.isEmpty }
}

public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
    public var description: String { "\(width)×\(height)" }
}

/// A rectangle of cells: column `x`, row `y`, counted from the top left.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

    /// The first `n` rows, and the rest.
    public func splitTop(_ n: Int) -> (top: Rect, rest: Rect) {
        let n = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: n), Rect(x: x, y: y + n, width: width, height: height - n))
    }

    /// The first `n` columns, and the rest.
    public func splitLeft(_ n: Int) -> (left: Rect, rest: Rect) {
        let n = min(max(0, n), width)
        return (Rect(x: x, y: y, width: n, height: height), Rect(x: x + n, y: y, width: width - n, height: height))
    }

    public func inset(horizontal: Int, vertical: Int = 0) -> Rect {
        Rect(x: x + horizontal, y: y + vertical, width: width - 2 * horizontal, height: height - 2 * vertical)
    }

    public var description: String { "(\(x),\(y) \(width)×\(height))" }
}

/// A grid of cells that widgets draw into; the terminal backend draws what changed between
/// two screens, and tests read it as text.
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public init(size: Size) { self.init(width: size.width, height: size.height) }

    public var size: Size { Size(width: width, height: height) }
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    /// Fills a rectangle with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, with grapheme: String = " ") {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        let cell = Cell(grapheme, style: style)
        for y in clipped.y..<clipped.maxY {
            let row = y * width
            // A wide glyph cut by either edge loses its other part too.
            if cells[row + clipped.x].isContinuation { clearGlyph(before: clipped.x, row: row) }
            clearContinuations(after: clipped.maxX - 1, row: row)
            for x in clipped.x..<clipped.maxX { cells[row + x] = cell }
        }
    }

    /// Sets the style of every cell in a rectangle, keeping the text.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            let row = y * width
            for x in clipped.x..<clipped.maxX { cells[row + x].style = transform(cells[row + x].style) }
        }
    }

    /// Puts one grapheme of display width `glyphWidth` at (x, y), within `limit` (the
    /// exclusive right edge): its first cell holds it, the next `glyphWidth - 1` are
    /// continuations (a CJK ideograph takes 2, a Devanagari conjunct can take 3). A glyph that
    /// would cross the edge becomes blanks, and a glyph partly overwritten is cleared whole,
    /// so nothing is ever drawn in part. Returns the columns used.
    @discardableResult
    public mutating func put(grapheme: String, width glyphWidth: Int, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
        let edge = min(limit ?? width, width)
        guard y >= 0, y < height, x >= 0, x < edge, glyphWidth > 0 else { return 0 }
        if x + glyphWidth > edge {
            for c in x..<edge { setCell(x: c, y: y, Cell(" ", style: style)) }
            return edge - x
        }
        setCell(x: x, y: y, Cell(grapheme, style: style))
        for c in 1..<glyphWidth { setCell(x: x + c, y: y, Cell("", style: style)) }
        return glyphWidth
    }

    /// Columns the glyph starting at (x, y) takes: 1 plus its continuation cells.
    public func glyphWidth(x: Int, y: Int) -> Int {
        var w = 1
        while x + w < width, cells[y * width + x + w].isContinuation { w += 1 }
        return w
    }

    /// Writes `text` from (x, y), clipped to `maxWidth` columns (and the screen). Controls in
    /// `text` are shown as placeholders. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            // Printable ASCII, the common case: one cell per byte.
            guard y >= 0, y < height, x >= 0 else { return 0 }
            for byte in text.utf8 {
                if column >= limit { break }
                setCell(x: column, y: y, Cell(String(UnicodeScalar(byte)), style: style))
                column += 1
            }
            return column - x
        }
        for glyph in Glyphs.of(text) {
            if column >= limit { break }
            column += put(grapheme: glyph.text, width: glyph.width, x: column, y: y, style: style, limit: limit)
        }
        return column - x
    }

    private mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        let row = y * width
        let old = cells[row + x]
        if old.isContinuation, !cell.isContinuation { clearGlyph(before: x, row: row) }
        if !old.isContinuation || !cell.isContinuation { clearContinuations(after: x, row: row) }
        cells[row + x] = cell
    }

    /// Blanks the head and earlier continuations of the glyph a continuation at `x` belongs to.
    private mutating func clearGlyph(before x: Int, row: Int) {
        var h = x - 1
        while h >= 0, cells[row + h].isContinuation {
            cells[row + h].grapheme = " "
            h -= 1
        }
        if h >= 0 { cells[row + h].grapheme = " " }
    }

    /// Blanks the continuations that follow `x` (they belonged to the glyph being replaced).
    private mutating func clearContinuations(after x: Int, row: Int) {
        var c = x + 1
        while c < width, cells[row + c].isContinuation {
            cells[row + c].grapheme = " "
            c += 1
        }
    }

    private func clip(_ rect: Rect) -> Rect {
        let x0 = max(0, rect.x)
        let y0 = max(0, rect.y)
        let x1 = min(width, rect.maxX)
        let y1 = min(height, rect.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// One row as text: continuations skipped, trailing blanks kept (rows have equal width).
    public func line(_ y: Int) -> String {
        var out = ""
        for x in 0..<width {
            let cell = cells[y * width + x]
            if !cell.isContinuation { out += cell.grapheme }
        }
        return out
    }

    /// Every row as text, trailing blanks trimmed: what a snapshot compares.
    public var lines: [String] {
        (0..<height).map { y in
            var s = line(y)
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    /// The whole screen as text, one row a line.
    public var text: String { lines.joined(separator: "\n") }
}
