import BylineCore
import Testing

@testable import BylineUI

/// The one width function, per grapheme cluster.
@Suite struct WidthTests {
    @Test(arguments: [
        ("a", 1), ("Z", 1), ("é", 1), ("e\u{301}", 1), ("A\u{30A}", 1), ("n\u{303}\u{323}", 1),
        ("日", 2), ("語", 2), ("、", 2), ("Ａ", 2), ("ｱ", 1), ("한", 2), ("\u{1100}\u{1161}\u{11A8}", 2),
        ("👍", 2), ("👍🏽", 2), ("🗞️", 2), ("🗞", 1), ("☺", 1), ("☺️", 2), ("☺︎", 1), ("🇺🇸", 2), ("1️⃣", 2),
        ("👨‍👩‍👧", 2), ("👩🏽‍💻", 2), ("\u{200B}", 0), ("\u{200D}", 0), ("\u{AD}", 0), ("\u{FE0F}", 0),
        ("कि", 2), ("क्ष", 2), ("\u{1B}", 1), ("\u{7F}", 1), ("\u{85}", 1),
    ])
    func clusterWidth(text: String, width: Int) {
        #expect(text.count == 1, "fixture \(text.unicodeScalars.map { String($0.value, radix: 16) }) should be one cluster")
        #expect(DisplayWidth.of(Character(text)) == width)
    }

    @Test func stringWidthSumsClusters() {
        #expect(DisplayWidth.of("Hello, 世界") == 11)
        #expect(DisplayWidth.of("café") == 4)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
        #expect(DisplayWidth.of("👍🏽 ok") == 5)
        #expect(DisplayWidth.of("「橋」") == 6)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func controlsBecomeVisiblePlaceholders() {
        #expect(Glyphs.of("a\u{1B}[2Jb").map(\.text) == ["a", "␛", "[", "2", "J", "b"])
        #expect(Glyphs.of("\u{7}").map(\.text) == ["␇"])
        #expect(Glyphs.of("\u{9B}").map(\.text) == ["␦"])
        #expect(Glyphs.of("\u{202E}x").map(\.text) == ["\u{FFFD}", "x"])
        #expect(Glyphs.of("a\tb\nc").map(\.text) == ["a", " ", "b", " ", "c"])
    }

    @Test func loneMarksSitOnADottedCircleAndFormatCharactersVanish() {
        let mark = Glyphs.glyph(Character("\u{301}"))
        #expect(mark.text == "◌\u{301}" && mark.width == 1)
        let zwsp = Glyphs.glyph(Character("\u{200B}"))
        #expect(zwsp.width == 0)
        let onSpace = Glyphs.glyph(Character(" \u{308}"))
        #expect(onSpace.text == "◌\u{308}" && onSpace.width == 1 && !onSpace.isWhitespace)
        #expect(Wrapper.wrap("a lone mark \u{308} here", width: 40) == ["a lone mark◌\u{308} here"])
    }

    /// The scalar walk (ASCII fast path, segmented runs) gives the standard library's clusters.
    @Test(arguments: ["plain ascii text", "cafe\u{301} au lait", "日本語とEnglish混在", "👍🏽👍🏽 two", "a\u{1B}b\r\nc",
                      "🇺🇸🇫🇷 flags", "x\u{200D}y", "क्षत्रिय", "e\u{301}\u{301}\u{301}", "tab\there"])
    func scalarWalkMatchesGraphemes(text: String) {
        let scalars = Array(text.unicodeScalars)
        var clusters: [String] = []
        Glyphs.forEach(in: scalars, 0..<scalars.count) { _, offset, length in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[offset..<(offset + length)])
            clusters.append(String(view))
            return true
        }
        let expected = text.map(String.init).flatMap { c -> [String] in
            c == "\r\n" ? ["\r", "\n"] : [c]  // CR LF is white space either way
        }
        #expect(clusters == expected)
    }

    @Test func shortenNeverExceedsTheColumnsOrSplitsAWideGlyph() {
        #expect(TextFit.shorten("日本語のテキスト", to: 5) == "日本…")
        #expect(DisplayWidth.of(TextFit.shorten("日本語のテキスト", to: 6)) <= 6)
        #expect(TextFit.shorten("short", to: 10) == "short")
        #expect(TextFit.shorten("exactly ten", to: 11) == "exactly ten")
        #expect(TextFit.shorten("a longer line of text", to: 8) == "a longe…")
        #expect(TextFit.shorten("  spaced   out\ttext ", to: 20) == "spaced out text")
        #expect(TextFit.shorten("👍🏽👍🏽👍🏽", to: 5) == "👍🏽👍🏽…")
        #expect(TextFit.shorten("anything", to: 0) == "")
        for n in 1...12 { #expect(DisplayWidth.of(TextFit.shorten("混在 mixed テキスト 👍🏽 text", to: n)) <= n) }
    }

    /// What goes to ncurses: pieces whose C-library widths add up to ours, or the base glyph padded.
    @Test func terminalPiecesKeepColumnsAligned() {
        let glibc: (Unicode.Scalar) -> Int = { s in
            switch s.value {
            case 0x1F44D, 0x1F3FD, 0x1F468, 0x1F469, 0x65E5: return 2
            case 0xFE0F, 0x200D, 0x301, 0x94D: return 0
            case 0x1F5DE, 0x915, 0x93F, 0x61: return 1
            default: return 1
            }
        }
        func texts(_ g: String, _ w: Int) -> [String] {
            TerminalCells.pieces(for: g, width: w, systemWidth: glibc).map { String(String.UnicodeScalarView($0.scalars)) }
        }
        #expect(texts("a", 1) == ["a"])
        #expect(texts("日", 2) == ["日"])
        #expect(texts("e\u{301}", 1) == ["e\u{301}"])
        #expect(texts("कि", 2) == ["क", "ि"])
        #expect(texts("👍🏽", 2) == ["👍"])  // glibc: 2 + 2 ≠ 2, so the base alone
        #expect(texts("🗞️", 2) == ["🗞", " "])  // glibc: 1 + 0 ≠ 2, so the base and a space
        #expect(texts("👨‍👩‍👧", 2) == ["👨"])
        let widths = TerminalCells.pieces(for: "🗞️", width: 2, systemWidth: glibc).map(\.width)
        #expect(widths.reduce(0, +) == 2)
    }
}
