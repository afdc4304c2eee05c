import Testing

@testable import BylineCore

/// The time tokenizer's fast paths answer exactly what the plain look-ups answer.
@Suite struct TimeTokenizerFastPathTests {
    /// The capital test the time tokenizer (and the speaker analysis) uses, `Letters.isUpper`,
    /// is `properties.isUppercase` for every scalar.
    @Test func theCapitalTestIsTheUnicodeProperty() {
        var mismatches: [UInt32] = []
        for v in (0...0xD7FF as ClosedRange<UInt32>).concatenated(with: 0xE000...0x10FFFF) {
            let c = Unicode.Scalar(v)!
            if Letters.isUpper(c) != c.properties.isUppercase { mismatches.append(v) }
        }
        #expect(mismatches.isEmpty)
    }

    /// Every time word is still found through the lexicon's filter, and other words are not.
    @Test func lexiconFilterKeepsEveryTimeWord() {
        let table = TimeLexicon.table
        for word in ["december", "dec", "monday", "tuesdays", "yesterday", "the", "ago", "decade", "twentieth",
                     "morning", "christmas", "midnight", "said", "will", "is"] {
            #expect(table.lookup(TimeLexicon.key(word)) != .none, "\(word)")
        }
        for word in ["table", "river", "parliament", "zebra"] {
            #expect(table.lookup(TimeLexicon.key(word)) == .none, "\(word)")
        }
    }
}

extension ClosedRange where Bound == UInt32 {
    fileprivate func concatenated(with other: ClosedRange<UInt32>) -> [UInt32] { Array(self) + Array(other) }
}
