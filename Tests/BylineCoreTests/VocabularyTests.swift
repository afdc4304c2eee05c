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
}
