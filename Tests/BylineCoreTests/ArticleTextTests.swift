import Foundation
import Testing

@testable import BylineCore

/// The one text shape, and the white-space collapse every source goes through.
@Suite struct ArticleTextTests {
    /// The rule spelled out scalar by scalar, as a reference for the byte-level collapse.
    private func reference(_ text: String, keepingLineBreaks: Bool) -> String {
        let spaces: Set<UInt32> = [0x09, 0x20, 0x85, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000]
        let breaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x2028, 0x2029]
        let invisible: Set<UInt32> = [0xAD, 0x200B, 0x2060, 0xFEFF]
        var out = String.UnicodeScalarView()
        var space = false
        var lineBreak = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if invisible.contains(v) { continue }
            if breaks.contains(v) {
                if keepingLineBreaks { lineBreak = true } else { space = true }
                continue
            }
            if spaces.contains(v) || (0x2000...0x200A).contains(v) {
                space = true
                continue
            }
            if !out.isEmpty { if lineBreak { out.append("\n") } else if space { out.append(" ") } }
            space = false
            lineBreak = false
            out.append(scalar)
        }
        return String(out)
    }

    @Test func everyKindOfSpaceAndInvisibleCharacterAgainstTheReference() {
        let pieces = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{A0}", "\u{85}", "\u{AD}", "\u{1680}", "\u{2002}",
                      "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{3000}",
                      "\u{FEFF}", "word", "é", "“", "日本", "😀", "\u{2010}", "\u{2030}", "\u{E000}", "x"]
        var random = SeededRandom(seed: 7)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<random.below(12) { text += pieces[random.below(pieces.count)] }
            for keeping in [true, false] {
                #expect(ArticleText.collapse(text, keepingLineBreaks: keeping) == reference(text, keepingLineBreaks: keeping),
                        "\(Array(text.unicodeScalars)) keeping \(keeping)")
            }
        }
    }

    @Test func theShapeIsAHeadlineABlankLineAndParagraphs() {
        #expect(ArticleText.compose(headline: "  Bridge\u{A0}opens ", paragraphs: ["One\u{AD}way\n street.", "", " \n ", "Two"])
            == "Bridge opens\n\nOneway\nstreet.\n\nTwo")
        #expect(ArticleText.compose(headline: "", paragraphs: ["First", "Second"]) == "First\n\nSecond")
    }
}
