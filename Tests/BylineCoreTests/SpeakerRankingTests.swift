import Testing

@testable import BylineCore

/// The speaker ranker: its shipped weights match the features the code computes, it ranks only
/// quotations the rules found no speaker for, and it names one only when it is clearly surer
/// than leaving the quotation to the neighbour rules. Invented people and events.
@Suite struct SpeakerRankingTests {
    @Test func theShippedWeightsNameTheFeaturesTheCodeComputes() {
        #expect(SpeakerRankerWeights.featureNames == SpeakerRanking.featureNames)
        #expect(SpeakerRankerWeights.weights.count == RankFeature.count)
        #expect(RankFeature.names.count == RankFeature.count)
    }

    @Test func aQuotationWhoseSiblingTheRulesAttributeIsNotRanked() {
        // The sentence's cue speaks for both quotations: the neighbour rules give the first its
        // speaker, so the ranker has nothing to choose.
        let text = "Local news\n\nThe plan was a \"good start\" and \"a fair deal,\" Ann Lee said on Monday."
        let lists = SpeakerRanking.candidates(Article(text: text))
        #expect(lists.count == 2)
        #expect(lists.allSatisfy { $0.candidates.isEmpty })
        let a = Analyzed(text)
        #expect(a.speakerName(0) == "Ann Lee")
        #expect(a.speakerName(1) == "Ann Lee")
        // A quotation alone in its sentence with no speaker found by the rules is ranked.
        let alone = SpeakerRanking.candidates(Article(text: "Local news\n\nAnn Lee chairs the board. The plan is \"a good start\" for the port."))
        #expect(alone.count == 1)
        #expect(alone.first?.candidates.last?.source == "none")
    }

    @Test func aSpeakerTheRulesFoundIsNeverRanked() {
        let lists = SpeakerRanking.candidates(Article(text: "Local news\n\nAnn Lee said the plan was \"a good start.\""))
        #expect(lists.count == 1)
        #expect(lists.first?.candidates.isEmpty == true)
    }

    @Test func aNameInsideACompoundModifierIsNoCandidate() {
        let article = Article(text: "Local news\n\nOn the Kessler\u{2013}Brandt scale, at level five, \"the river will flood\" by noon.")
        let lists = SpeakerRanking.candidates(article)
        #expect(lists.count == 1)
        #expect(lists.first?.candidates.contains { $0.source == "name-before" } == false)
    }

    @Test func theRulesHoldUnlessTheRankerIsClearlySurer() {
        #expect(SpeakerRanking.overrideMargin > 0)
        // A name in a clause that closed before the quotation: the rules' answer (none here,
        // for the neighbour rules) stands.
        let closed = Analyzed("A guard was hurt after Officer Tim Rudd fired, and the other guard was in \"stable\" condition.")
        #expect(closed.speakerName(0) != "Tim Rudd")
    }
}
