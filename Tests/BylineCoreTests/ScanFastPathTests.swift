import Testing

@testable import BylineCore

/// The fast paths of the per-scalar passes answer exactly what the plain tests they replace
/// answer.
@Suite struct ScanFastPathTests {
    /// Each scalar, in every lane of a block among neutral letters, is found exactly when it is
    /// one of the values looked for (folded values included), and in no other lane.
    @Test func blockScanFindsExactlyTheValuesLookedFor() {
        let marks: Set<UInt32> = [0x22, 0x27, 0xAB, 0xBB, 0x201C, 0x201D]
        let values = Array(0...0xD7FF as ClosedRange<UInt32>) + Array(0xE000...0x10FFFF as ClosedRange<UInt32>)
        var mismatches: [UInt32] = []
        var scalars = [Unicode.Scalar](repeating: "a", count: ScalarBlockScan.width)
        for v in values {
            // Each value in one lane (the lanes taking turns), the others neutral.
            let lane = Int(v) % ScalarBlockScan.width
            scalars[lane] = Unicode.Scalar(v)!
            let found = scalars.withUnsafeBufferPointer { ScalarBlockScan.quotationMarkLanes(ScalarBlockScan.block($0, at: 0)) }
            scalars[lane] = "a"
            let expected = marks.contains(v)
            if found[lane] != expected || (0..<ScalarBlockScan.width).contains(where: { $0 != lane && found[$0] }) {
                mismatches.append(v)
            }
        }
        #expect(mismatches.isEmpty)
    }

    /// Sentences and the quotations that hold a break are found alike whichever lane of a
    /// block each mark falls in: the same paragraph after a prefix of 0 to 8 scalars.
    @Test func sentenceBreaksDoNotDependOnWhereBlocksStart() {
        let body = "Rain fell. \u{201C}We waited. Then we left,\u{201D} she said. \"It rose. It fell,\" he said! Why? "
            + "«Non. Oui», dit-il… Fin. ''Yes. No,'' they said. Done."
        var expected: [String]?
        for prefix in (0...8).map({ String("Abcdefgh".prefix($0)) }) {
            let article = Article(text: "Headline\n\n" + prefix + body)
            var sentences = article.sentences.dropFirst().map { article.string($0.span) }
            sentences[0] = String(sentences[0].dropFirst(prefix.count))
            if let expected { #expect(sentences == expected) } else { expected = sentences }
        }
        #expect(expected?.count == 8, "\(expected ?? [])")
    }

    /// The search from a hint finds the first token starting at or after an offset, as a walk
    /// from the hint would, near the hint and far from it.
    @Test func tokenSearchFromAHintIsTheFirstMatch() {
        let tokens = (0..<300).map { Token(start: $0 * 3, end: $0 * 3 + 2, hash: 0, kind: .word, flags: []) }
        for hint in [0, 1, 5, 31, 32, 33, 100, 299, 300] {
            for offset in 0...905 {
                let walked = (hint..<tokens.count).first { tokens[$0].start >= offset } ?? tokens.count
                #expect(tokens.firstIndex(startingAtOrAfter: offset, from: hint) == walked)
            }
        }
    }

    /// Lines are found whichever lane of a block a line break falls in.
    @Test func linesDoNotDependOnWhereBlocksStart() {
        for prefix in (0...8).map({ String("Abcdefgh".prefix($0)) }) {
            let article = Article(text: prefix + "Headline\n\nOne.\u{2029}\u{2029}Two\nthree.\n\n\nFour.")
            #expect(article.paragraphs.map { article.string($0.span) } == [prefix + "Headline", "One.", "Two\nthree.", "Four."])
        }
    }
}
