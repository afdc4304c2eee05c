import Testing

@testable import BylineCore

/// Attribution through the shapes of news sentences: nouns for jobs before names, appositive
/// names after descriptions, parentheticals, relative clauses, headlines. Invented sentences.
@Suite struct AttributionStructureTests {
    @Test func aJobNounBetweenAnInstitutionAndAName() {
        let a = Analyzed("\"This is the calmest harbour we have found,\" said Lund University astronomer Maja Ekdahl.")
        #expect(a.speakerName(0) == "Maja Ekdahl")
        #expect(a.speaker(named: "Lund University") == nil)
    }

    @Test func aVerbIsNotAJobNoun() {
        let a = Analyzed("Berg openly admires Finnish President Ilkka Salo as a \u{201C}strong leader,\u{201D} comparing him to the mayor.")
        #expect(a.speakerName(0) == "Berg")
        #expect(a.quotes.first?.cue == "admires")
    }

    @Test func aDescriptionWithANameInApposition() {
        let body = """
            The new governor of the region, Tomas Berglund, during his speech to the assembly on Monday, \
            proposed a new tax: "We will invest in the hospitals first."
            """
        let a = Analyzed(body)
        #expect(a.speakerName(0) == "Tomas Berglund")
        #expect(a.quotes[0].cue == "proposed")
        #expect(a.speakers.allSatisfy { $0.kind != .anonymous })
    }

    @Test func aParentheticalBetweenSubjectAndVerb() {
        let a = Analyzed("The Coastal Safety Agency has, in a statement, called on sailors to \"stay in port until the wind drops.\"")
        #expect(a.speakerName(0) == "Coastal Safety Agency")
    }

    @Test func aDashInsideANameSeparatesNoClauses() {
        let a = Analyzed("On the Kessler\u{2013}Brandt scale used by forecasters, at level five, \"severe flooding will occur\". The agency has issued warnings.")
        #expect(a.speakerName(0) == nil)
        #expect(a.speaker(named: "Brandt") == nil)
    }

    @Test func oneOfAGroup() {
        let a = Analyzed("One of the members said \"this is yet another reason to leave the forum\".")
        #expect(a.speakerName(0) == "One of the members")
        #expect(a.speakers.first?.kind == .anonymous)
    }

    @Test func aRelativeClauseWithoutWho() {
        let a = Analyzed("Some of the marchers the Herald interviewed said they had come to \"protect the park for our children\".")
        #expect(a.mentionText(0) == "Some of the marchers")
        #expect(a.speaker(named: "Herald")?.quotes.isEmpty ?? true)
    }

    @Test func aHeadlineSubjectVerbAndObjectBeforeAColon() {
        let a = Analyzed("Ann Berg threw her support behind Tom Lee.", headline: "Ann Berg Endorses Tom Lee: I Am \u{2018}Proud\u{2019} Of Him")
        #expect(a.speakerName(0) == "Ann Berg")
        #expect(a.quotes[0].attributionRule == "label")
    }

    @Test func theCueOfASentenceSubjectIsItsVerb() {
        let a = Analyzed("Mick Ortega of the Blue Hills band reacted on his website, \"Sad news, a great player has gone.\"")
        #expect(a.speakerName(0) == "Mick Ortega")
        #expect(a.quotes[0].cue == "reacted")
    }
}
