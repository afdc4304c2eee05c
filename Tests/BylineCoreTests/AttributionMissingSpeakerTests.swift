import Testing

@testable import BylineCore

/// Quotations once left with no speaker although a cue one paragraph or a few words away names
/// one (issue 10 §1, "speaker missing"), and the structures that must keep theirs. Invented
/// people, places and events.
@Suite struct AttributionMissingSpeakerTests {
    // MARK: A signature in the paragraph below

    @Test func aDashAndANameInTheParagraphBelowSignTheQuotation() {
        let a = Analyzed("""
            The harbour board met on Monday.

            "The ferry must run all winter, whatever it costs the town."

            — Ann Lee, Port Elden.

            "Nobody asked the fishermen what they needed."

            -Tom Berg.
            """)
        #expect(a.quotes.count == 2)
        #expect(a.speakerName(0) == "Ann Lee")
        #expect(a.speakerName(1) == "Tom Berg")
        #expect(a.quotes[0].attributionRule == AttributionRule.dashSignature.rawValue)
    }

    @Test func aListItemOpeningWithADashAndANameIsNoSignature() {
        let a = Analyzed("""
            The harbour board met on Monday.

            "The ferry must run all winter, whatever it costs the town."

            - Ann Lee will present the winter timetable at noon.
            """)
        #expect(a.quotes.count == 1)
        #expect(a.speakerName(0) == nil)
    }

    // MARK: The attribution of the quotation in the next paragraph

    @Test func aWholeParagraphQuotationGoesOnIntoTheAttributedOneBelow() {
        let a = Analyzed("""
            Dock workers gathered on the quay before dawn.

            "The ferry plan will not work. It never did."

            "We have said so for months and nobody listened," Kim Ortiz notes.
            """)
        #expect(a.quotes.count == 2)
        #expect(a.speakerName(0) == "Kim Ortiz")
        #expect(a.speakerName(1) == "Kim Ortiz")
    }

    @Test func aQuotationAfterAnAttributedOneKeepsTheSpeakerBefore() {
        let a = Analyzed("""
            Dock workers gathered on the quay before dawn.

            "We will not move," Tom Berg said.

            "The ferry plan will not work. It never did."

            "We have said so for months and nobody listened," Kim Ortiz notes.
            """)
        #expect(a.quotes.count == 3)
        #expect(a.speakerName(1) == "Tom Berg")
        #expect(a.speakerName(2) == "Kim Ortiz")
    }

    @Test func aParagraphThatIntroducesAQuotationKeepsIt() {
        let a = Analyzed("""
            Tom Berg said the board had ignored the port for years.

            "The ferry plan will not work. It never did."

            "We have said so for months and nobody listened," Kim Ortiz notes.
            """)
        #expect(a.speakerName(0) == "Tom Berg")
    }

    // MARK: A subject set off from its verb by dashes

    @Test func anAppositiveBetweenDashesStandsBetweenTheSubjectAndItsVerb() {
        let a = Analyzed("Tom Baker — chairman of the town's water board — told reporters on Friday that the vote was \"a serious mistake.\"")
        #expect(a.speakerName(0) == "Tom Baker")
        let b = Analyzed("On Friday, Ines Varga – named by the Ledger as the likely pick – told a radio host that \"you have to take it seriously.\"")
        #expect(b.speakerName(0) == "Ines Varga")
    }

    @Test func theSentenceBeforeNamesItsSubjectPastDashes() {
        let a = Analyzed("""
            Ann Lee — a teacher from Elm Grove — says she changed her mind at the last minute. "It was a big deal for me."
            """)
        #expect(a.speakerName(0) == "Ann Lee")
    }

    @Test func aDashJoiningWordsIsNoAppositive() {
        let a = Analyzed("The 2015–16 budget was, Mara Quist said, \"a disaster for the harbour.\"")
        #expect(a.speakerName(0) == "Mara Quist")
    }

    // MARK: Labels

    @Test func aVerbOfSayingBeforeItsSubjectIntroducesTheNextParagraph() {
        let a = Analyzed("""
            The council heard from the harbour master on Tuesday.

            Stated Tom Berg:

            "The stakes are high this winter. Everyone on the quay knows it."
            """)
        #expect(a.speakerName(0) == "Tom Berg")
    }

    @Test func aLabelNameMayCarryAParenthesis() {
        let a = Analyzed("""
            The hearing went on past midnight.

            Rep. Ann Moss (R-Ohio): "I have not heard anyone cite that figure before today."

            Sen. Tom Berg (D-Maine):"Who told you that figure?"
            """)
        #expect(a.speakerName(0) == "Ann Moss")
        #expect(a.speakerName(1) == "Tom Berg")
    }
}

/// The rules for a quotation that nothing nearer attributes (`FallbackRules`).
@Suite struct AttributionFallbackTests {
    @Test func aVerbOfSayingFarBackInALongSentenceStillAttributes() {
        let a = Analyzed("""
            Sara Diaz, who ran the harbour office for a decade before she moved to the coast, said in a long interview \
            with a local radio station in the harbour town of Port Elden on a cold and windy evening late last week that, \
            after many years of neglect and of broken promises from the harbour board and from the town's mayors, the \
            council had "lost its way."
            """)
        #expect(a.speakerName(0) == "Sara Diaz")
    }

    @Test func theSubjectOfAClauseOpenedByThatOrWhySpeaks() {
        let a = Analyzed("It has not helped that the harbour board has cycled through slogans, from \"ferries for all\" to \"a port that works.\"")
        #expect(a.mentionText(0) == "the harbour board")
        let b = Analyzed("The fishermen felt ignored. That is why Ann Lee wanted to \"go an extra step\" for them.")
        #expect(b.speakerName(0) == "Ann Lee")
    }

    @Test func aClauseAfterAVerbOfSayingIsTheReportersNotItsSubjects() {
        let a = Analyzed("Tom Berg said that the harbour board had been \"asleep at the wheel\" for years.")
        #expect(a.speakerName(0) == "Tom Berg")
    }
}

/// A quotation in a one-sentence headline that no rule attributes (`LabelRule.headlineSubject`).
@Suite struct AttributionHeadlineTests {
    @Test func theHeadlinesOpeningNameSpeaksItsQuotation() {
        let a = Analyzed("The harbour board meets again on Monday.", headline: "Ann Lee 'ready to fight' for the harbour.")
        #expect(a.speakerName(0) == "Ann Lee")
    }

    @Test func aHeadlineOpeningWithTheQuotationNamesNoSpeaker() {
        let a = Analyzed("The harbour board meets again on Monday.", headline: "'Ready to fight' for the harbour, says nobody yet.")
        #expect(a.speakerName(0) == nil)
    }
}
