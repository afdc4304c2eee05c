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

    // MARK: Labels

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

