import Testing

@testable import BylineCore

/// Quotations once left with no speaker although a cue one paragraph or a few words away names
/// one (issue 10 §1, "speaker missing"), and the structures that must keep theirs. Invented
/// people, places and events.
@Suite struct AttributionMissingSpeakerTests {
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

