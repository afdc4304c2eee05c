import Testing

@testable import BylineCore

/// The classes of attribution error seen on articles the rules were not written on, one test
/// (or a few) per class, on invented sentences: capitalised words that are no speaker, cues
/// that are no speech, descriptions that speak, speakers left missing, and pronouns resolved
/// against agreement. Invented people, places and events.
@Suite struct AttributionGeneralisationTests {
    // MARK: Capitalised words and names nearby that are no speaker

    @Test func aRelativeClauseBetweenCommasBelongsToTheSubjectBeforeIt() {
        let a = Analyzed("Mara Quist, who grew up near Port Elden, told the council that the ferry was \"too slow to save anyone.\"")
        #expect(a.speakerName(0) == "Mara Quist")
    }

    @Test func aParticipialPhraseBetweenCommasNamesNoSubject() {
        let a = Analyzed("Tomas Reyl, recalling his years with Ines Varga, described the harbour plan as \"a gamble.\"")
        #expect(a.speakerName(0) == "Tomas Reyl")
        let b = Analyzed("Tomas Reyl, asked about Ines Varga, had said, \"We never met.\"")
        #expect(b.speakerName(0) == "Tomas Reyl")
    }

    @Test func anAgeAndAPlaceInAppositivesAreNoSpeaker() {
        let a = Analyzed("Cory Lund, 22, of Brenton, Ohio, said he was \"done waiting\" for the bus line.")
        #expect(a.speakerName(0) == "Cory Lund")
    }

    @Test func aNameInsideAnAppositiveIsNotTheSubject() {
        let a = Analyzed("Petra Holm, the editor of the city's weekly, the Harbour Ledger, said the paper was \"not for sale.\"")
        #expect(a.speakerName(0) == "Petra Holm")
    }

    @Test(arguments: ["Given", "Unless", "Amid", "Despite", "Following"])
    func aFunctionWordOpeningASentenceIsNoName(word: String) {
        let a = Analyzed("\(word) the storm warnings, the ferry kept to its \"normal timetable\" on Friday.")
        #expect(a.speakers.allSatisfy { $0.name != word })
    }

    // MARK: Speaker missing

    @Test func theSubjectOpeningTheSentenceSpeaksWhenNoVerbOfSayingDoes() {
        let a = Analyzed("Democrats on the harbour committee plan to release transcripts to rebut claims of \"major progress\" in the inquiry.")
        #expect(a.mentionText(0) == "Democrats")
        let b = Analyzed("Attorneys for the port appeared to oppose the move, arguing in court files that the log was \"never public.\"")
        #expect(b.speakerName(0) != nil)
    }

    @Test func anotherQuotationOfTheSentenceComesBeforeItsOpeningWords() {
        let a = Analyzed("The program was a \"good thing\" that yielded \"useful results,\" he remarked, and Tom Berg agreed.")
        #expect(a.quotes.count == 2)
        #expect(a.mentionText(0) == "he")
    }

    // MARK: Cues that are not speech

    @Test func aNounThatLooksLikeAVerbOfSayingIsNoCue() {
        let a = Analyzed("Lena Ortiz delivered a snappy retort: \"No one is leaving the island.\"")
        #expect(a.speakerName(0) == "Lena Ortiz")
        let b = Analyzed("Dock workers joined in a thunderous chant of \"Fair pay now!\" as Lena Ortiz spoke.")
        #expect(b.mentionText(0) != "a thunderous")
    }

    @Test func theSubjectOfAPassiveVerbOfSayingIsNoSpeaker() {
        let a = Analyzed("Ines Varga wrote a long post. Her post was retweeted thousands of times, leading Tomas Reyl to answer that it was \"a stunt.\"")
        #expect(a.mentionText(0) != "Her post")
    }

    @Test func aVerbInAClosedSubordinateClauseDoesNotIntroduceTheQuotation() {
        let a = Analyzed("When Ann Berg suggested that the bridge could wait, Tomas Reyl fired back: \"It cannot wait another winter.\"")
        #expect(a.speakerName(0) == "Tomas Reyl")
        let b = Analyzed("After Mayor Ann Berg criticized the budget, Ines Varga shot back, \"I wrote half of it.\"")
        #expect(b.speakerName(0) == "Ines Varga")
    }

    @Test func coordinatedParticiplesShareTheMainSubject() {
        let a = Analyzed("Ines Varga released a statement, praising the Ruiz brothers' son but insisting that the port had \"no choice.\"")
        #expect(a.speakerName(0) == "Ines Varga")
    }

    @Test func aParticipleAfterAVerbOfSayingGoesOnWithItsSubject() {
        let a = Analyzed("Tom Berg expects the ferry to run until May, Ines Varga said Tuesday, adding that fares would \"stay the same.\"")
        #expect(a.speakerName(0) == "Ines Varga")
    }

    @Test func aReportingClauseSetOffByCommasNamesTheSource() {
        let a = Analyzed("The Harbour Times, Ines Varga said, called the closure \"a betrayal of the town.\"")
        #expect(a.speakerName(0) == "Ines Varga")
        // Unless a verb right before the quotation introduces it.
        let b = Analyzed("As the crowd cheered, the Harbour Times's Tom Berg reported, his sister whispered to him: \"They are still here.\"")
        #expect(b.mentionText(0) == "his sister")
    }

    @Test func aVerbOfSayingInAClauseOnANounReportsThroughTheMainSubject() {
        let a = Analyzed("Ines Varga pointed to reports that Tom Berg called the harbour \"a swamp.\"")
        #expect(a.speakerName(0) == "Ines Varga")
    }

    @Test func aVerbOfSayingInThePastMayOpenTheSentence() {
        let a = Analyzed("Said Varga, \"The port will reopen in May.\"")
        #expect(a.speakerName(0) == "Varga")
    }

    // MARK: Descriptions that speak

    @Test(arguments: [
        ("\"We ran out of ice by noon,\" a bartender told reporters.", "a bartender"),
        ("The radioman said the storm was \"the worst in a decade.\"", "The radioman"),
        ("\"Prices will fall,\" the survey said.", "the survey"),
        ("Another commenter wrote, \"We deserve better roads.\"", "Another commenter"),
        ("Several said they would \"wait and see.\"", "Several"),
    ])
    func aDescriptionNextToItsCueSpeaks(text: String, mention: String) {
        let a = Analyzed(text)
        #expect(a.quotes.count == 1)
        #expect(a.mentionText(0) == mention)
        #expect(a.quotes[0].speaker != nil)
    }

    @Test func whatAReportFindsIsItsWords() {
        let a = Analyzed("A 2019 Coastal Safety Board report found \"no sign of a leak\" in the hull.")
        #expect(a.mentionText(0)?.hasSuffix("report") == true)
        // A person who finds something says nothing.
        let b = Analyzed("Police found a note that read \"back soon\" on the door.")
        #expect(b.mentionText(0) != "Police")
    }

    @Test func aThingThatSpeaksThroughARelativeThat() {
        let a = Analyzed("The ferry office posted a notice that read \"Closed until spring.\"")
        #expect(a.mentionText(0) == "that" || a.mentionText(0) == "The ferry office")
        #expect(a.speakerName(0) != nil)
        // Whoever runs or releases the piece speaks through it.
        let b = Analyzed("The Harbour Times recently ran a piece that noted the plan \"would cost twice as much.\"")
        #expect(b.speakerName(0) == "Harbour Times")
        let c = Analyzed("Her campaign is planning to reprint a Harbour Times editorial that accuses Berg of \"hiding the costs.\"")
        #expect(c.mentionText(0) == "Her campaign")
    }

    @Test func anOrganisationWordEndingANameStaysInIt() {
        let a = Analyzed("Harbour Watch stated in a release that the port \"hid the spill for a week.\"")
        #expect(a.speakerName(0) == "Harbour Watch")
    }

    // MARK: Pronouns and agreement

    @Test func sheIsNeitherAManNorAnOrganisation() {
        let a = Analyzed("Senator Tom Berg met Ann Lee at the pier. She said the pier was \"a disgrace.\"")
        #expect(a.speakerName(0) == "Ann Lee")
        let b = Analyzed("The Harbour Trust met Tom Berg on Monday. \"We will rebuild,\" she said.")
        #expect(b.speakerName(0) == nil)
        #expect(b.mentionText(0) == "she")
    }

    @Test func heIsNoOrganisation() {
        let a = Analyzed("The Harbour Trust thanked Tom Berg for the loan. He said the trust was \"generous.\"")
        #expect(a.speakerName(0) == "Tom Berg")
    }

    @Test func itIsABodyThatWasTheSubject() {
        let a = Analyzed("Lund Shipping announced a loan on Monday. It said the deal was \"generous.\"")
        #expect(a.speakerName(0) == "Lund Shipping")
        #expect(a.speakers.first { $0.name == "Lund Shipping" }?.kind == .organization)
    }

    @Test func theLastSubjectBeforeANearerName() {
        let a = Analyzed("Tom Berg met Lars Ekholm at the pier on Monday. He said the boats were \"ready to sail.\"")
        #expect(a.speakerName(0) == "Tom Berg")
    }

    @Test func aKnownFirstNameAloneHasItsGender() {
        let a = Analyzed("Anna Berg and her husband Tom visited the port. He said it was \"too small.\"")
        #expect(a.speakerName(0) == "Tom")
    }

    @Test func aDescriptionAfterAPrepositionIsNoSubject() {
        let a = Analyzed("Kim Ostrova, who has in the past described the mayor as \"a bully,\" did not comment.")
        #expect(a.mentionText(0) != "the past")
    }
}
