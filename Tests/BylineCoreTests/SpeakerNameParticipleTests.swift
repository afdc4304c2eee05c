import Testing

@testable import BylineCore

/// A word in -ing opening a sentence before a lower-case word: a participle (`Flying home that
/// night, she …`), not a name, unless the article capitalises it inside a sentence too.
/// Invented people and events.
@Suite struct SpeakerNameParticipleTests {
    @Test func anIngWordOpeningASentenceBeforeALowerCaseWordIsNoName() {
        let body = "Susan Varga ran the shipyard for a decade. Flying home one night, she told her husband the merger would be \"a long, ugly fight.\""
        let a = Analyzed(body)
        #expect(a.speakers.allSatisfy { $0.name != "Flying" })
        #expect(a.speakerName(0) == "Susan Varga")
        #expect(a.mentionText(0) == "she")
    }

    @Test func anIngSurnameTheArticleCapitalisesElsewhereStaysAName() {
        let body = "The yard hired Tom Sterling in May. Sterling spent the night at the dock and called the shift \"endless.\""
        let a = Analyzed(body)
        #expect(a.speakerName(0) == "Tom Sterling")
    }

    @Test func anIngSurnameBeforeAVerbOfSayingStaysAName() {
        let a = Analyzed("Browning told the board the plan was \"sound.\"")
        #expect(a.speakerName(0) == "Browning")
    }
}
