import Testing

@testable import BylineCore

/// The speaker of the clause that holds the quotation's cue: the subject of that clause, not of
/// a relative clause or a first clause before it; the reporter a sentence names around the
/// clause (`according to X`, a closing `X reported`, an inverted `said X`). Invented people,
/// places and outlets.
@Suite struct AttributionClauseTests {
    @Test func aRelativeClauseAfterACommaIsNoClauseSubject() {
        let a = Analyzed("In Veldmark, which votes next week, Ona Brandt praised the mayor but called the bridge plan a \"costly detour.\"")
        #expect(a.speakerName(0) == "Ona Brandt")
        let b = Analyzed("""
            In rejecting the appeal, which reached the court in May, the harbour commission agreed that the law must be \
            "the same for everyone."
            """)
        #expect(b.mentionText(0) == "the harbour commission")
    }

    @Test func aCapitalisedParticipleOpeningTheSentenceIsNoSubject() {
        let a = Analyzed("""
            Facing criticism from the harbour board, Ona Brandt released a statement on Friday, describing the pier as old \
            but insisting that it was "never unsafe."
            """)
        #expect(a.speakerName(0) == "Ona Brandt")
    }

    @Test func aSubjectAfterItsVerbOfSayingIsTheSpeaker() {
        let a = Analyzed("""
            Ona Brandt will need to start "mending fences" with Tomas Reyl, said Ilse Varga, a former adviser to the mayor.
            """)
        #expect(a.speakerName(0) == "Ilse Varga")
        let b = Analyzed("\"This will be a hard winter\" for Tomas Reyl, said Ilse Varga.")
        #expect(b.speakerName(0) == "Ilse Varga")
    }

    @Test func aNameEndingARelativeClauseInAnAppositiveIsNoSubject() {
        let a = Analyzed("Ona Brandt, a former pilot who now runs the Veldmark Ferry Company, labelled the plan \"unfit for the island.\"")
        #expect(a.speakerName(0) == "Ona Brandt")
    }

    @Test func aPlaceInAParentheticalAfterTheSubjectIsNoSubject() {
        let a = Analyzed("Ona Brandt, during a town hall meeting in Portmoss, Maine, said she was \"going to close the pier.\"")
        #expect(a.speakerName(0) == "Ona Brandt")
    }

    @Test func theObjectOfAPrepositionBeforeTheCommaIsNoSubject() {
        let a = Analyzed("The letter, sent to the harbour board and forwarded to Tomas Reyl, called the delay \"unacceptable.\"")
        #expect(a.mentionText(0) == "The letter")
    }

    @Test func theObjectOfAParticipleBeforeTheVerbIsNoSubject() {
        let a = Analyzed("A harbour pilot speaking to the Veldmark Courier said, \"The rocks have moved.\"")
        #expect(a.mentionText(0) == "A harbour pilot")
    }

    @Test func aRelativeClauseInsideAReportedClauseReachesTheReporter() {
        let a = Analyzed("""
            Ilse Varga, a harbour pilot, said the way the board treated workers who complained about the shifts \
            "would end any career."
            """)
        #expect(a.speakerName(0) == "Ilse Varga")
    }

    @Test func aRelativeClauseWithNoReporterKeepsItsOwnSubject() {
        let a = Analyzed("The board thanked Tomas Reyl, who said the shifts were \"far too long.\"")
        #expect(a.speakerName(0) == "Tomas Reyl")
        let b = Analyzed("The ferry company hired a pilot who called the harbour \"a maze of rocks.\"")
        #expect(b.mentionText(0) != "The ferry company")
    }

    @Test func accordingToOpeningTheSentenceCoversEveryVerbOfSayingInIt() {
        let a = Analyzed("""
            According to the Harbour Ledger, chief pilot Ona Brandt said the ferry was "safe," which she called "a promise to the island."
            """)
        #expect(a.quotes.count == 2)
        #expect(a.mentionText(0) == "Harbour Ledger")
        #expect(a.mentionText(1) == "Harbour Ledger")
        #expect(a.quotes.first?.via == "Ona Brandt")
    }

    @Test func accordingToRightBeforeTheSubjectNamesTheSource() {
        let a = Analyzed("""
            The mayor will attend the debate, because, according to Tomas Reyl, the papers would call her a "coward" if she stayed away.
            """)
        #expect(a.speakerName(0) == "Tomas Reyl")
    }

    @Test func respondentsSpeakThroughThePoll() {
        let a = Analyzed("In a Harbour Ledger poll released Sunday, 60 percent of voters said the ferry was \"too slow.\"")
        #expect(a.mentionText(0)?.contains("poll") == true)
        // No count of respondents: the person speaks.
        let b = Analyzed("In the harbour office, Ona Brandt said the ferry was \"too slow.\"")
        #expect(b.speakerName(0) == "Ona Brandt")
    }

    @Test func aParticipleAfterTheObjectGoesWithTheSubject() {
        let a = Analyzed("The harbour master emailed voters saying: \"The channel is closed.\"")
        #expect(a.mentionText(0) == "The harbour master")
        // A name before the participle is still the one it describes.
        let b = Analyzed("The council showed a clip of Ona Brandt saying, \"The channel is closed.\"")
        #expect(b.speakerName(0) == "Ona Brandt")
    }

    @Test func aClauseJoinedByButHasItsOwnSubject() {
        let a = Analyzed("Ona Brandt proposed a debate on Friday - but the Reyl campaign rejected the idea as \"absurd\" within hours.")
        #expect(a.mentionText(0) == "the Reyl campaign")
    }

    @Test func aReportingClauseClosingTheSentenceNamesTheSource() {
        let a = Analyzed("Ona Brandt said she was \"glad to see\" the ferry return, according to the Harbour Ledger.")
        #expect(a.mentionText(0) == "Harbour Ledger")
        #expect(a.quotes.first?.via == "Ona Brandt")
        let b = Analyzed("Dock workers also chanted, \"Fair pay now,\" as they marched past the town hall, the Veldmark Courier reports.")
        #expect(b.mentionText(0) == "Veldmark Courier")
        let c = Analyzed("""
            Tomas Reyl mocked the ferry as "a floating relic" on his weekly show, "Harbour Hour," the Veldmark Courier first reported.
            """)
        #expect(c.mentionText(0) == "Veldmark Courier")
        // A closing clause with no reporting verb names no source.
        let d = Analyzed("Ona Brandt said she was \"glad to see\" the ferry return, the first in a decade.")
        #expect(d.speakerName(0) == "Ona Brandt")
    }
}
