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

    /// Text of one token per scalar (punctuation) in paragraphs of growing length: every token
    /// is kept while the tokenizer's storage grows, in order, each in its paragraph.
    @Test func tokenStorageGrowsToOneTokenPerScalar() {
        let paragraphs = (1...6).map { String(repeating: "!?", count: 40 * $0) }
        let article = Article(text: "Headline\n\n" + paragraphs.joined(separator: "\n\n"))
        let tokens = TimeTokenizer.tokenize(article)
        #expect(tokens.count == 1 + paragraphs.reduce(0) { $0 + $1.unicodeScalars.count })
        #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.end <= $1.start && $0.block <= $1.block })
        #expect(tokens.last.map { Int($0.block) } == paragraphs.count)
        #expect(tokens.dropFirst().allSatisfy { $0.kind == .punct && $0.end - $0.start == 1 })
    }

    /// Numbers formatted for TIMEX values: at least `width` digits, zeros before, a minus sign
    /// before them, as joining the pieces as strings gives.
    @Test func paddedNumbersMatchThePlainFormat() {
        for n in [0, 1, 7, 9, 10, 42, 99, 100, 999, 1000, 2011, 12345, 1_000_000, -1, -9, -10, -200, -2011, Int.max] {
            for width in 0...5 {
                let plain = (n < 0 ? "-" : "") + String(repeating: "0", count: Swift.max(0, width - String(n.magnitude).count))
                    + String(n.magnitude)
                #expect(pad(n, width) == plain, "\(n) \(width)")
            }
        }
    }
}

extension ClosedRange where Bound == UInt32 {
    fileprivate func concatenated(with other: ClosedRange<UInt32>) -> [UInt32] { Array(self) + Array(other) }
}
