import Foundation
import Testing

@testable import BylineIndex

/// What counts as the same words (`EchoWords`), without an index.
@Suite struct EchoWordsTests {
    private func words(_ text: String) -> EchoWords { EchoWords(text) }

    @Test func caseMarksPunctuationAndApostrophesDoNotCount() {
        let plain = words("We don't know what the council will decide, he said")
        #expect(words("WE DON’T KNOW what the Council will decide — he said!") == plain)
        #expect(words("\u{201C}We don't know what the council will decide, he said\u{201D}") == plain)
        #expect(words("'We don't know what the council will decide,' he said.") == plain)
        #expect(plain.wordCount == 10)
        #expect(words("Café owners said") == words("cafe owners said"), "diacritics do not count")
        #expect(words("a long-term plan") == words("a long term plan"), "a hyphen separates words")
        #expect(words("1,000 ferries and 3.5 ships") != words("1 000 ferries and 3 5 ships"), "digit groups stay one word")
        #expect(words("1,000 ferries and 3.5 ships").wordCount == 5)
        #expect(words("We are ready") != words("We were ready"))
    }

    @Test func elisionsAndBracketedInsertionsAreGaps() {
        let gap = EchoWords.gap
        for elided in ["We are ready … we will sail", "We are ready... we will sail", "We are ready . . . we will sail",
                       "We are ready [...] we will sail", "We are ready […] we will sail", "We are ready [the crew] we will sail"] {
            let hashes = words(elided).hashes
            #expect(hashes.count == 7, "\(elided)")
            #expect(hashes[3] == gap, "\(elided)")
            #expect(words(elided).wordCount == 6)
        }
        // No gap at either end, never two in a row.
        #expect(!words("… we will sail …").hashes.contains(gap))
        #expect(words("[The mayor] will sail … … today").hashes.filter { $0 == gap }.count == 1)
        // An unclosed bracket is punctuation.
        #expect(words("We will [sail today").wordCount == 4)
    }

    @Test func aQuotationContainsItsFragmentsInOrderButNotAcrossAGap() {
        let whole = words("We are working on the timetable every day. The ferries will run on time by summer.")
        #expect(whole.contains(words("the ferries will run on time")))
        #expect(whole.contains(whole))
        #expect(whole.contains(words("We are working on the timetable … the ferries will run on time")))
        #expect(!whole.contains(words("the ferries will run on time … we are working on the timetable")), "order counts")
        #expect(!whole.contains(words("the ferries will not run on time")))
        // A gap in the container stands for unknown words: a run of the other may not cross it.
        let elided = words("We are working on the timetable … the ferries will run on time by summer")
        #expect(!elided.contains(words("on the timetable every day the ferries")))
        #expect(elided.contains(words("the ferries will run on time")))
        #expect(!elided.contains(whole))
    }

    /// The line between an echo and a shared phrase: all the words of one quotation must lie in
    /// the other, and it must have six words or more.
    @Test func aCommonPhraseIsNoEchoUnlessAWholeQuotationOfSixWordsLiesInTheOther() {
        let strike = words("We will not back down from the fight for fair wages at the plant")
        let dam = words("We will not back down until the dam is repaired and the valley is safe")
        #expect(!strike.echoes(dam), "they share a phrase, not all their words")
        let short = words("We will not back down.")
        #expect(short.wordCount == 5)
        #expect(strike.contains(short))
        #expect(!short.canEcho && !short.echoes(strike), "five words are below the minimum")
        let six = words("We will not back down now.")
        #expect(six.echoes(words("The mayor said: we will not back down now, whatever the cost.")))
    }

    @Test func shinglesAreRunsOfFourWordsInsideRuns() {
        let w = words("one two three four five … six seven eight nine")
        // Two shingles in the first run, one in the second; none across the gap.
        #expect(w.shingles.count == 3)
        #expect(Set(w.shingles).isDisjoint(with: words("four five six seven").shingles))
        #expect(Set(words("two three four five").shingles).isSubset(of: Set(w.shingles)))
        #expect(words("one two three … four five six").shingles.isEmpty)
        #expect(!words("one two three … four five six").canEcho, "no run of four words: it could not be found")
    }

    @Test func theEncodingRoundTrips() throws {
        let w = words("We are ready … we will sail at dawn")
        #expect(EchoWords(encoded: w.encoded) == w)
        #expect(EchoWords(encoded: Data([1, 2, 3])) == nil)
    }
}
