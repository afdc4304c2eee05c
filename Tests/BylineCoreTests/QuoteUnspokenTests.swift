import Testing

@testable import BylineCore

/// Quoted words no one says: titles cited as sources, names, labels and words mentioned are
/// left out unless someone is found saying them; marks a stray space separates still pair.
/// Invented sentences.
@Suite struct QuoteUnspokenTests {
    @Test func aClosingMarkAfterAStraySpace() {
        let a = Analyzed("\"I sat down and one of them said, 'We have got a drummer', and I thought, 'I am a drummer' \", he recalled.")
        #expect(a.quotes.count == 1)
        #expect(a.quoteTexts.first?.hasSuffix("drummer' \"") == true)
        #expect(a.quotes.first?.detectionRule == "straight")
    }

    @Test func aSpacedEllipsisStillOpens() {
        let a = Analyzed("He flew to the rally. \". . . I just want somebody who speaks like we do.\"")
        #expect(a.quotes.count == 1)
    }

    @Test func titlesCitedAsSourcesAreNotSpeech() {
        let body = """
            "Harbour document found on rainy street" \u{2014} The Coastal Post, August 15, 2008

            Ann Lee. "Council calls for inquiry" \u{2014} Harbour Sun, August 16, 2008
            """
        let a = Analyzed(body)
        #expect(a.quotes.isEmpty)
        let signed = Analyzed("\"The bridge changed our town.\" \u{2015} Ana Lima")
        #expect(signed.quotes.count == 1)
    }

    @Test func namesLabelsAndMentionedWordsWithNoSpeakerAreLeftOut() {
        let body = """
            The attack was launched from an account named "Anonymous". The "History" section of the site explains it. \
            The suspect's identity is restricted to 'Stefan W' under privacy law. The file added the words "and Emergency" to the name.
            """
        let a = Analyzed(body)
        #expect(a.quotes.isEmpty, "\(a.quoteTexts)")
    }

    @Test func mentionedWordsThatSomeoneSaysAreKept() {
        let a = Analyzed("Mayor Tom Reyes has used the phrase \"harbour first\" often in his campaign.")
        #expect(a.quotes.count == 1)
        #expect(a.speakerName(0) == "Tom Reyes")
    }
}
