import Testing

@testable import BylineUI

/// Inputs the fuzz targets `fuzz-wrap` and `fuzz-keys` (Fuzz/, Scripts/fuzz.sh) stopped on,
/// minimized, with what they showed.
@Suite struct WrapFuzzRegressionTests {
    /// U+FFFD (an invalid byte) followed by a wide spacing mark (U+302F) is one cluster three
    /// columns wide. On a line one column wide it is not cut: it takes a line of its own, as
    /// wide as it is, and is drawn as one glyph of three columns.
    @Test func aClusterWiderThanTwoColumnsTakesALineOfItsOwn() {
        let scalars = Array("\u{FFFD}\u{302F}".unicodeScalars)
        let lines = Wrapper.wrap(scalars, 0..<scalars.count, width: 0)
        #expect(lines == [WrappedLine(start: 0, end: 2, width: 3)])
        let placed = LineText.render(scalars, lines[0])
        #expect(placed.map(\.width) == [3])
        var screen = Screen(width: 5, height: 1)
        #expect(screen.put(grapheme: placed[0].text, width: 3, x: 1, y: 0, style: .plain) == 3)
        #expect(screen.glyphWidth(x: 1, y: 0) == 3)
    }
}

extension WrapFuzzRegressionTests {
    /// A zero-width space between two white space runs started a word of no width, so the
    /// line counted two spaces where it draws one: its width said 4 columns for the 3 drawn.
    @Test func aZeroWidthSpaceBetweenSpacesCountsNoSecondSpace() {
        for text in ["\u{0}\n\u{200B}\n.", "a \u{200B} b", "a \u{200B}\u{200B}  b"] {
            let scalars = Array(text.unicodeScalars)
            let lines = Wrapper.wrap(scalars, 0..<scalars.count, width: 37)
            #expect(lines.count == 1, "\(text.debugDescription)")
            let drawn = LineText.render(scalars, lines[0]).reduce(0) { $0 + $1.width }
            #expect(drawn == 3 && lines[0].width == drawn, "\(text.debugDescription): \(lines[0].width) for \(drawn) drawn")
        }
        // Where the line breaks, the zero-width space goes with the white space around it.
        let scalars = Array("abc \u{200B} def".unicodeScalars)
        #expect(Wrapper.wrap(scalars, 0..<scalars.count, width: 4).map(\.width) == [3, 3])
    }
}
