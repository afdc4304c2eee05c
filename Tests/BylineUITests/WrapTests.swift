import BylineCore
import Testing

@testable import BylineUI

/// Word wrap by display width, and the screen grid that wide glyphs go into.
@Suite struct WrapTests {
    @Test func wrapsAtSpacesAndCollapsesThem() {
        #expect(Wrapper.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
        #expect(Wrapper.wrap("a   b\n\tc", width: 10) == ["a b c"])
        #expect(Wrapper.wrap("exactly ten", width: 11) == ["exactly ten"])
        #expect(Wrapper.wrap("", width: 5) == [""])
    }

    @Test func cutsWordsLongerThanTheLine() {
        #expect(Wrapper.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(Wrapper.wrap("to antidisestablishment", width: 8) == ["to", "antidise", "stablish", "ment"])
    }

    @Test func breaksAfterHyphensAndDashes() {
        #expect(Wrapper.wrap("a post-2011 troop presence", width: 9) == ["a post-", "2011", "troop", "presence"])
        #expect(Wrapper.wrap("yes—and no", width: 5) == ["yes—", "and", "no"])
    }

    @Test func wrapsCJKBetweenIdeographsByWidth() {
        #expect(Wrapper.wrap("日本語のテキスト", width: 6) == ["日本語", "のテキ", "スト"])
        #expect(Wrapper.wrap("日本語のテキスト", width: 5) == ["日本", "語の", "テキ", "スト"])
        #expect(Wrapper.wrap("Tokyo 「橋を楽しみに」", width: 8) == ["Tokyo", "「橋を楽", "しみに」"])
    }

    @Test func keepsClustersWhole() {
        #expect(Wrapper.wrap("👍🏽👍🏽👍🏽", width: 4) == ["👍🏽👍🏽", "👍🏽"])
        #expect(Wrapper.wrap("cafe\u{301} cafe\u{301}", width: 4) == ["cafe\u{301}", "cafe\u{301}"])
        #expect(Wrapper.wrap("🇺🇸🇫🇷🇩🇪", width: 5) == ["🇺🇸🇫🇷", "🇩🇪"])
    }

    /// A Devanagari word is not an ideograph: two-column syllables do not open breaks.
    @Test func keepsDevanagariWordsWhole() {
        #expect(Wrapper.wrap("ये day ही ख़राब निकलें।", width: 18) == ["ये day ही ख़राब", "निकलें।"])
        #expect(Wrapper.wrap("क्या हो", width: 4) == ["क्या", "हो"])
    }

    @Test func showsControlsAsPlaceholders() {
        #expect(Wrapper.wrap("inserted \u{1B}[2J here", width: 40) == ["inserted ␛[2J here"])
    }

    /// Nothing lost, nothing wider than the line: every visible glyph on exactly one line.
    @Test(arguments: [1, 2, 3, 7, 13, 40])
    func nothingLostOrTooWide(width: Int) {
        let text = "Visitors from Tokyo left a note: 「橋を楽しみにしています」 👍🏽 — and a café owner wrote “très bien”, "
            + "e\u{301}\u{301} a post-2011 antidisestablishmentarianism क्षत्रिय 🇺🇸 end."
        let scalars = Array(text.unicodeScalars)
        let lines = Wrapper.wrap(scalars, 0..<scalars.count, width: width)
        var seen = ""
        for line in lines {
            let glyphs = LineText.render(scalars, line)
            let lineWidth = glyphs.reduce(0) { $0 + $1.width }
            #expect(lineWidth == line.width)
            // A glyph wider than the whole line may stand alone on it (width 1, a wide glyph).
            #expect(lineWidth <= width || glyphs.count == 1)
            seen += glyphs.filter { $0.text != " " }.map(\.text).joined()
        }
        let expected = Glyphs.of(text).filter { !$0.isWhitespace && $0.width > 0 }.map(\.text).joined()
        #expect(seen == expected)
    }

    @Test func wrappedLinesMapBackToOffsets() {
        let text = "one two three four"
        let scalars = Array(text.unicodeScalars)
        let lines = Wrapper.wrap(scalars, 0..<scalars.count, width: 9)
        #expect(lines.map { [$0.start, $0.end] } == [[0, 7], [8, 13], [14, 18]])
    }
}

@Suite struct ScreenTests {
    @Test func wideGlyphsTakeTwoCellsAndNeverHang() {
        var screen = Screen(width: 5, height: 1)
        screen.put("日本語", x: 0, y: 0)
        #expect(screen.line(0) == "日本 ")
        #expect(screen[1, 0].isContinuation && screen[3, 0].isContinuation)
        #expect(screen[4, 0].grapheme == " ")
    }

    @Test func overwritingHalfAWideGlyphClearsTheOtherHalf() {
        var screen = Screen(width: 4, height: 1)
        screen.put("日本", x: 0, y: 0)
        screen.put("x", x: 1, y: 0)
        #expect(screen.line(0) == " x本")
        screen.put("y", x: 2, y: 0)
        #expect(screen.line(0) == " xy ")
    }

    @Test func glyphsWiderThanTwoColumnsGetAllTheirCells() {
        var screen = Screen(width: 6, height: 1)
        screen.put("क्या हो", x: 0, y: 0)
        #expect(screen.line(0) == "क्या हो")
        #expect(screen.glyphWidth(x: 0, y: 0) == 3)
        #expect(screen[1, 0].isContinuation && screen[2, 0].isContinuation && !screen[3, 0].isContinuation)
        screen.put("x", x: 2, y: 0)
        #expect(screen.line(0) == "  x हो")
    }

    @Test func fillingOverHalfAWideGlyphClearsIt() {
        var screen = Screen(width: 6, height: 1)
        screen.put("日本語", x: 0, y: 0)
        screen.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: "│")
        #expect(screen.line(0) == " ││ 語")
        #expect(!screen[3, 0].isContinuation)
    }

    @Test func clipsToMaxWidthAndScreen() {
        var screen = Screen(width: 6, height: 2)
        let used = screen.put("abcdefgh", x: 2, y: 1, maxWidth: 3)
        #expect(used == 3)
        #expect(screen.lines == ["", "  abc"])
        screen.put("zz", x: 5, y: 0)
        #expect(screen.lines[0] == "     z")
        screen.put("out", x: 0, y: 5)
        #expect(screen.lines.count == 2)
    }

    @Test func textNeverCarriesControls() {
        var screen = Screen(width: 20, height: 1)
        screen.put("a\u{1B}[31mred\u{7}", x: 0, y: 0)
        #expect(screen.lines == ["a␛[31mred␇"])
        #expect(!screen.cells.contains { $0.grapheme.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
    }
}
