import Testing

@testable import BylineCore

/// The speaker ranker: its shipped weights match the features the code computes, its
/// candidates carry the context it learns from, and it replaces the rules' answer only when it
/// is clearly surer. Invented people and events.
@Suite struct SpeakerRankingTests {
    @Test func theShippedWeightsNameTheFeaturesTheCodeComputes() {
        #expect(SpeakerRankerWeights.featureNames == SpeakerRanking.featureNames)
        #expect(SpeakerRankerWeights.weights.count == RankFeature.count)
        #expect(RankFeature.names.count == RankFeature.count)
    }

    @Test func aQuotationWhoseSiblingTheRulesAttributeIsFlagged() {
        let article = Article(text: "Local news\n\nThe plan was a \"good start\" and \"a fair deal,\" Ann Lee said on Monday.")
        let lists = SpeakerRanking.candidates(article)
        #expect(lists.count == 2)
        let sibling = RankFeature.flag(.siblingAttributed, .none)
        let none = lists.first?.candidates.first { $0.source == "none" }
        #expect(none?.features.contains(sibling) == true)
        // A quotation alone in its sentence has no sibling.
        let alone = SpeakerRanking.candidates(Article(text: "Local news\n\nAnn Lee said the plan was \"a good start.\""))
        #expect(alone.count == 1)
        #expect(alone.first?.candidates.contains { $0.features.contains(sibling) } == false)
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
