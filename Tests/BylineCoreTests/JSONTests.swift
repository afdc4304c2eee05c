import Foundation
import Testing

@testable import BylineCore

/// The command line's JSON: escapes where JSON and JavaScript need them, and nothing else.
@Suite struct JSONTests {
    @Test func stringsAreEscapedExactlyWhereNeeded() {
        let cases: [(String, String)] = [
            ("plain", "\"plain\""),
            ("\u{201C}Curly\u{201D} é 東京", "\"\u{201C}Curly\u{201D} é 東京\""),
            ("\"We will,\" she said", "\"\\\"We will,\\\" she said\""),
            ("a\\b", "\"a\\\\b\""),
            ("line\nnext\r\ttab", "\"line\\nnext\\r\\ttab\""),
            ("\u{01}\u{1F}\u{7F}", "\"\\u0001\\u001f\\u007f\""),
            ("js\u{2028}line\u{2029}para", "\"js\\u2028line\\u2029para\""),
            // The lead byte of U+2028 in other characters is left alone.
            ("\u{2027}\u{202A}\u{20AC}\"", "\"\u{2027}\u{202A}\u{20AC}\\\"\""),
        ]
        for (value, expected) in cases {
            #expect(JSON.string(value).serialized() == expected)
        }
    }

    @Test func everyEscapedStringReadsBackAsItself() throws {
        var random = SeededRandom(seed: 7)
        let pieces = ["\"", "\\", "\n", "\u{0}", "\u{1B}", "\u{7F}", "\u{2028}", "\u{2029}", "é", "東", "🇺🇳", "a", " ", "\u{E2}"]
        for _ in 0..<300 {
            let value = (0..<random.below(20)).map { _ in pieces[random.below(pieces.count)] }.joined()
            let line = JSON.array([.string(value)]).serialized()
            let read = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String]
            #expect(read == [value], "\(line)")
        }
    }
}
