import Testing

@testable import BylineCore

/// Nested sources: `According to X, Y said "…"` is X's quotation (as PolNeAR has it), and the
/// inner source Y is kept as `Quote.via`. Invented people and outlets.
@Suite struct NestedSourceTests {
    @Test func accordingToBeforeTheInnerSpeakerKeepsTheOuterSourceAndNamesTheInner() {
        let a = Analyzed("According to the Harbour Ledger, Mara Quist said the ferry was \"too slow to save anyone.\"")
        #expect(a.mentionText(0) == "Harbour Ledger")
        #expect(a.quotes.first?.via == "Mara Quist")
    }

    @Test func accordingToAfterTheInnerSpeakerKeepsTheOuterSourceAndNamesTheInner() {
        let a = Analyzed("\"We never saw the report,\" Tomas Reyl said, according to the Portmoss Courier.")
        #expect(a.mentionText(0) == "Portmoss Courier")
        #expect(a.quotes.first?.via == "Tomas Reyl")
    }

    @Test func theInnerSourceGoesByItsFullestName() {
        let a = Analyzed("""
            Mara Quist runs the ferry company.

            According to the Harbour Ledger, Quist said the boats were "ready to sail."
            """)
        #expect(a.quotes.first?.via == "Mara Quist")
    }

    @Test func aPronounInnerSourceIsResolved() {
        let a = Analyzed("""
            Peter Reyl left the meeting early. According to the Portmoss Courier, he said the plan was "a gamble."
            """)
        #expect(a.mentionText(0) == "Portmoss Courier")
        #expect(a.quotes.first?.via == "Peter Reyl")
    }

    @Test func aPlainAttributionHasNoInnerSource() {
        let a = Analyzed("""
            "The pier is safe," Tomas Reyl said on Monday. According to the Portmoss Courier, the pier is "safe for now."
            """)
        #expect(a.speakerName(0) == "Tomas Reyl")
        #expect(a.quotes.allSatisfy { $0.via == nil })
    }
}
