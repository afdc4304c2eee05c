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

    @Test func theWordHashConstantsAreTheHashesOfTheirWords() {
        // `Hashes` holds constants (no lazy initialisation on every read): each must stay the
        // hash of the word it is named after.
        let constants: [(UInt64, String)] = [
            (Hashes.of, "of"),
            (Hashes.united, "united"),
            (Hashes.states, "states"),
            (Hashes.new, "new"),
            (Hashes.the, "the"),
            (Hashes.according, "according"),
            (Hashes.to, "to"),
            (Hashes.who, "who"),
            (Hashes.whose, "whose"),
            (Hashes.whom, "whom"),
            (Hashes.and, "and"),
            (Hashes.which, "which"),
            (Hashes.that, "that"),
            (Hashes.said, "said"),
            (Hashes.`in`, "in"),
            (Hashes.statement, "statement"),
            (Hashes.by, "by"),
            (Hashes.from, "from"),
            (Hashes.`as`, "as"),
            (Hashes.put, "put"),
            (Hashes.it, "it"),
            (Hashes.went, "went"),
            (Hashes.on, "on"),
            (Hashes.pointed, "pointed"),
            (Hashes.out, "out"),
            (Hashes.only, "only"),
            (Hashes.calls, "calls"),
            (Hashes.says, "says"),
            (Hashes.he, "he"),
            (Hashes.she, "she"),
            (Hashes.they, "they"),
            (Hashes.him, "him"),
            (Hashes.them, "them"),
            (Hashes.its, "its"),
        ]
        for (constant, word) in constants {
            #expect(constant == WordHash.of(word), "Hashes.\(word)")
        }
    }

    @Test func aWordHashSetHoldsWhatASetOfTheSameHashesHolds() {
        // Grown well past its first capacity, with repeats and the hash zero (its empty-slot mark).
        var generator = SystemRandomNumberGenerator()
        var hashes: [UInt64] = [0, 1, 0xFFFF_FFFF, WordHash.of("Sterling")]
        for _ in 0..<3000 { hashes.append(UInt64(UInt32.random(in: .min ... .max, using: &generator))) }
        hashes += hashes.prefix(500)
        var set = WordHashSet(minimumCapacity: 4)
        var reference = Set<UInt64>()
        for (n, h) in hashes.enumerated() where n % 2 == 0 {
            set.insert(h)
            reference.insert(h)
        }
        for h in hashes + (0..<2000).map({ _ in UInt64(UInt32.random(in: .min ... .max, using: &generator)) }) {
            #expect(set.contains(h) == reference.contains(h), "\(h)")
        }
        #expect(set.contains(0) && !WordHashSet(minimumCapacity: 1).contains(0))
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

    @Test func namesFoldToLowerCaseWordsWithoutDiacriticsOrPunctuation() {
        #expect(NameFolding.fold("Qassim al-Aaraji") == "qassim al-aaraji")
        #expect(NameFolding.fold("  QASSIM   AL-AARAJI. ") == "qassim al-aaraji")
        #expect(NameFolding.fold("José Ramos-Horta") == "jose ramos-horta")
        #expect(NameFolding.fold("Jose\u{301} Ramos") == "jose ramos", "a decomposed accent folds as a composed one")
        #expect(NameFolding.fold("Dan O’Neill") == "dan o'neill")
        // A virama survives diacritic folding: it stays inside its word instead of splitting it.
        #expect(NameFolding.words("अमित शर्मा").count == 2)
        #expect(NameKey("Ann  LEE").words == ["ann", "lee"])
    }

    @Test func aPersonIsComparedWithoutTheTitleTheNameFinderWouldSplitOff() {
        #expect(NameFolding.words("U.S. President Donald Trump", person: true) == ["donald", "trump"])
        #expect(NameFolding.words("Former Gov. Ann Lee", person: true) == ["ann", "lee"])
        #expect(NameFolding.words("Mr. Daalder", person: true) == ["daalder"])
        // A run of qualifiers with no title in it is part of the name; a title alone stays.
        #expect(NameFolding.words("Grand Harbour Lee", person: true) == ["grand", "harbour", "lee"])
        #expect(NameFolding.words("President", person: true) == ["president"])
        // Only a person's name loses its title: `General Motors` keeps its words.
        #expect(NameFolding.words("General Motors", person: false) == ["general", "motors"])
        #expect(NameFolding.words("General Motors", person: true) == ["motors"])
    }

    @Test func theQueryAndTheFilterMatchSpeakersByTheSameRules() {
        func speaker(_ name: String, aliases: [String] = [], description: String? = nil) -> Speaker {
            Speaker(id: 0, name: name, kind: .person, description: description, aliases: aliases, mentions: [], quotes: [])
        }
        let daalder = speaker("Ivo Daalder", aliases: ["Daalder"], description: "U.S. Ambassador to NATO")
        #expect(SpeakerQuery("daalder").matches(daalder))
        #expect(SpeakerQuery("IVO  daalder").matches(daalder))
        #expect(SpeakerQuery("u.s. ambassador to nato").matches(daalder))
        #expect(!SpeakerQuery("ivo lee").matches(daalder))
        #expect(SpeakerQuery("").matches(daalder))
        // A speaker chosen in the picker brings the other names it goes by.
        let lone = speaker("Ambassador")
        #expect(!SpeakerQuery("Ivo Daalder").matches(lone))
        #expect(SpeakerQuery("Ivo Daalder", aliases: ["Ambassador"]).matches(lone))
        #expect(SpeakerQuery("iv da").prefixMatches(daalder))
        #expect(!SpeakerQuery("iv lee").prefixMatches(daalder))
    }
}
