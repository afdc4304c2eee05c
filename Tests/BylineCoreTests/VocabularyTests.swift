import Testing

@testable import BylineCore

/// The definitions every module shares (one of each): the stable hash, quotation-mark classes,
/// name folding and speaker matching.
@Suite struct VocabularyTests {
    @Test func fnv1aMatchesThePublishedTestVectors() {
        #expect(FNV1a().value == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.of(utf8: "a") == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.of(utf8: "foobar") == 0x8594_4171_f739_67e8)
        var pieces = FNV1a()
        pieces.combine(utf8: "foo")
        "bar".utf8.withContiguousStorageIfAvailable { pieces.combine(UnsafeRawBufferPointer($0)) }
        #expect(pieces.value == FNV1a.of(utf8: "foobar"))
    }

    @Test func wordHashesAreFNV1aOfTheFoldedWord() {
        // ASCII capitals and the curly apostrophe fold before hashing: `Biden’s` is `biden's`.
        let folded = FNV1a.of(utf8: "biden's")
        #expect(WordHash.of("Biden’s") == WordHash.finish(folded))
        #expect(WordHash.of("BIDEN'S") == WordHash.of("biden's"))
    }

    @Test func theGlyphClassesAreWhatTheDetectorReadsFromAGlyphAlone() {
        // Between two spaces a mark has no flanking to go by: the detector takes its role from
        // the glyph, so its answer must agree with the classes the other passes use.
        var checked = 0
        for v in UInt32(0)..<0x3100 {
            guard let c = Unicode.Scalar(v) else { continue }
            let text: [Unicode.Scalar] = [" ", c, " "]
            let mark = text.withUnsafeBufferPointer { QuotationMarks.mark($0, at: 1, in: TextSpan(0, 3)) }
            #expect((mark != nil) == QuotationMarks.isMark(v), "U+\(String(v, radix: 16))")
            guard let mark else { continue }
            checked += 1
            #expect(mark.canOpen == QuotationMarks.canOpen(v), "U+\(String(v, radix: 16))")
            #expect(mark.canClose == QuotationMarks.canClose(v), "U+\(String(v, radix: 16))")
        }
        #expect(checked == 13)
    }
}
