import Testing

@testable import BylineCore

/// Which mention of the speaker a quotation reports when its clause holds both a name and a
/// pronoun for the same identity: the subject nearer the quotation, with the name as its
/// resolution. Invented people and events.
@Suite struct SpeakerMentionChoiceTests {
    @Test func aPronounSubjectOfTheNextClauseIsTheMention() {
        let a = Analyzed("Ines Varga has opposed the ferry for years, but in 2019, as mayor, she signed a bill to fund \"a faster boat.\"")
        #expect(a.speakerName(0) == "Ines Varga")
        #expect(a.mentionText(0) == "she")
    }

    @Test func aPronounSubjectOfTheVerbOfSayingInARelativeClauseIsTheMention() {
        let a = Analyzed("Ines Varga has railed against what she calls \"the harbour cartel.\"")
        #expect(a.speakerName(0) == "Ines Varga")
        #expect(a.mentionText(0) == "she")
    }

    @Test func aPronounWithItsOwnVerbOfSayingInsideTheNamesClauseIsTheMention() {
        let a = Analyzed("Tom Berg says that though he doubts the count, he actually thinks the result is \"final.\"")
        #expect(a.speakerName(0) == "Tom Berg")
        let second = a.span(of: "he actually")
        #expect(second != nil && a.quotes.first?.speakerMention?.start == second?.start)
    }

    @Test func aPronounInTheClauseANameGovernsLeavesTheName() {
        // `she` is the subject of `was`, inside what Ann Lee said: Ann Lee is the cue's subject.
        let a = Analyzed("Ann Lee said she was \"calm and ready.\"")
        #expect(a.mentionText(0) == "Ann Lee")
    }

    @Test func aPronounForSomeoneElseLeavesTheName() {
        // `he` cannot be Ines Varga: it is never her mention.
        let a = Analyzed("Ines Varga has opposed the ferry for years, and when Tom Berg left, he signed a bill to fund \"a faster boat.\"")
        #expect(!(a.speakerName(0) == "Ines Varga" && a.mentionText(0) == "he"))
    }

    @Test func aContinuationReportsThePronounThatSpokeBetweenTheQuotations() {
        // The second quotation goes on with Ann Lee; between the two, `she added` names her last.
        let a = Analyzed("\"We waited all day,\" Ann Lee told the paper, and she added that the crowd was calm. \"Nobody told us why.\"")
        #expect(a.quotes.count == 2)
        #expect(a.speakerName(1) == "Ann Lee")
        #expect(a.mentionText(1) == "she")
    }

    @Test func aContinuationKeepsTheNameWhenNoPronounSpokeBetween() {
        let a = Analyzed("\"We waited all day,\" Ann Lee told the paper, and the crowd was calm. \"Nobody told us why.\"")
        #expect(a.speakerName(1) == "Ann Lee")
        #expect(a.mentionText(1) == "Ann Lee")
    }
}
