/// Draws a `TextField` on one row: the part around the cursor that fits (an ellipsis where the
/// text is cut on the left), and the cursor as a reversed cell.
enum TextFieldView {
    /// Draws `field` from `x` in at most `width` columns; returns the columns used.
    @discardableResult
    static func draw(_ screen: inout Screen, _ field: TextField, x: Int, y: Int, width: Int, style: Style) -> Int {
        guard width > 1 else { return 0 }
        let glyphs = field.text.map(Glyphs.glyph)
        // The cursor is the cell in reverse: on a reversed bar (the status line), the plain style.
        let cursorStyle = style.attributes.contains(.reverse) ? Style(attributes: []) : style.adding(.reverse)
        // The columns left for text: one is the cursor's when it is after the last character.
        var first = 0
        var used = glyphs.prefix(field.cursor).reduce(0) { $0 + $1.width } + 1
        // Drop glyphs from the left until the text up to the cursor (and an ellipsis) fits.
        while used > width, first < field.cursor {
            used -= glyphs[first].width
            first += 1
            if first == 1 { used += 1 }  // the ellipsis
        }
        var column = x
        let limit = x + width
        if first > 0 { column += screen.put("…", x: column, y: y, style: style, maxWidth: 1) }
        for index in first..<glyphs.count {
            let glyph = glyphs[index]
            guard glyph.width > 0 else { continue }
            if column + glyph.width > limit { break }
            column += screen.put(grapheme: glyph.text, width: glyph.width, x: column, y: y,
                                 style: index == field.cursor ? cursorStyle : style, limit: limit)
        }
        if field.cursor == glyphs.count, column < limit {
            column += screen.put(" ", x: column, y: y, style: cursorStyle, maxWidth: 1)
        }
        return column - x
    }
}
