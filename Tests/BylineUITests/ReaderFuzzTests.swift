import BylineCore
import Testing

@testable import BylineUI

/// The reader driven at random, with a fixed seed: articles made of text that is hard to lay
/// out (wide, combining, joined and control characters, long words, tabs, quotation marks
/// with names and dates, so the real analysis finds speakers and times in them), and a long
/// run of keys, commands, clicks, wheel turns and resizes down to one cell. After every step
/// the frame must hold: the screen's size, no control character in any cell, and every wide
/// character followed by its continuation cell.
@Suite struct ReaderFuzzTests {
    static let pieces: [String] = [
        "\"We will go,\" said Ann Lee. ", "\u{201C}Never,\u{201D} Tom Berg told reporters on Thursday. ",
        "Lee said on Dec. 31 that ", "a senior official said ", "\"", "\u{2019}", " ", " ", " ", "\n", "\n\n",
        "\t", "word ", "another ", "Supercalifragilisticexpialidociousandthensomemoreletters",
        "\u{4E2D}\u{6587}\u{5B57}", "\u{1F44D}\u{1F3FD}", "\u{1F469}\u{200D}\u{1F467}", "e\u{301}\u{302}", "\u{1B}[2J",
        "\u{07}", "\u{9B}", "\u{202E}", "\u{200B}", "\u{FFFD}", "caf\u{E9} ", "\u{0928}\u{092E}\u{0938}\u{094D}\u{0924}\u{0947}",
        "last week ", "the end of 2011 ", "3 p.m. ",
    ]

    static func analysis(_ g: inout SeededRandom, index: Int) -> AnalyzedArticle {
        var text = "Headline \(index) \u{4E2D}\u{1F44D}\n\n"
        for _ in 0..<(1 + g.below(300)) { text += pieces[g.below(pieces.count)] }
        let article = Article(text: text, source: "fuzz/2011-12-0\(1 + index % 9)_article-\(index).txt",
                              date: CivilDate(year: 2011, month: 12, day: 1 + index % 9))
        return Analyzer.analyze(article)
    }

    static let keys: [Key] = [
        .character("j"), .character("k"), .character("]"), .character("["), .character("}"), .character("{"),
        .character("f"), .character("F"), .character("/"), .character("n"), .character("N"), .character("g"),
        .character("G"), .character("1"), .character("2"), .character("3"), .character("4"), .character("A"),
        .character("T"), .character("S"), .character("?"), .character("e"), .character("\u{4E2D}"),
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace, .tab, .backTab,
        .control("d"), .control("u"), .control("f"), .control("b"), .control("l"),
    ]

    static func check(_ screen: Screen, _ size: Size, step: Int) {
        #expect(screen.width == size.width && screen.height == size.height, "step \(step)")
        for y in 0..<screen.height {
            for x in 0..<screen.width {
                let cell = screen[x, y]
                if cell.isContinuation {
                    #expect(x > 0 && DisplayWidth.of(screen[x - 1, y].grapheme) == 2, "step \(step): stray continuation at \(x),\(y)")
                    continue
                }
                #expect(!cell.grapheme.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                        "step \(step): control character at \(x),\(y)")
                if DisplayWidth.of(cell.grapheme) == 2 {
                    #expect(x + 1 < screen.width && screen[x + 1, y].isContinuation, "step \(step): wide cell at \(x),\(y)")
                }
            }
        }
    }

    @Test func aLongRandomSessionKeepsEveryFrameWhole() {
        var g = SeededRandom(seed: 424_242)
        let analyses = (0..<6).map { Self.analysis(&g, index: $0) } + [Analyzer.analyze(BundledSeed.article())]
        var size = Size(width: 120, height: 40)
        var h = Harness(analyses, size: size)
        for step in 0..<600 {
            switch g.below(10) {
            case 0:
                size = g.below(4) == 0
                    ? Size(width: 1 + g.below(12), height: 1 + g.below(6))
                    : Size(width: 20 + g.below(180), height: 6 + g.below(55))
                h.send(.resize(size))
            case 1:
                let kinds: [MouseEvent.Kind] = [.press, .wheelUp, .wheelDown]
                h.send(.mouse(MouseEvent(x: g.below(size.width + 2), y: g.below(size.height + 2),
                                         kind: kinds[g.below(kinds.count)])))
            case 2:
                let command = Command.allCases[g.below(Command.allCases.count)]
                if command != .quit { h.run(command) }
            default:
                h.send(.key(Self.keys[g.below(Self.keys.count)]))
            }
            Self.check(h.screen, size, step: step)
        }
    }
}
