import Testing

@testable import BylineCore

/// One test per attribution pattern the analysis must know, on invented sentences.
@Suite struct AttributionPatternTests {
    @Test func quoteThenNameThenVerb() {
        let a = Analyzed("Lars Ekholm runs the ferry.\n\n\"The crossing is safe,\" Ekholm said.")
        #expect(a.speakerName(0) == "Lars Ekholm")
        #expect(a.mentionText(0) == "Ekholm")
        #expect(a.quotes[0].cue == "said")
        #expect(a.quotes[0].attributionRule == "quote-speaker-cue")
    }

    @Test func quoteThenVerbThenName() {
        let a = Analyzed("\"The crossing is safe,\" said Lars Ekholm.")
        #expect(a.speakerName(0) == "Lars Ekholm")
        #expect(a.quotes[0].attributionRule == "quote-cue-speaker")
    }

    @Test func nameWithAppositiveSaysThenColonQuote() {
        let a = Analyzed("Mira Castellanos, the regional director of health, said at a press briefing on Friday: \"The clinics will stay open.\"")
        #expect(a.speakerName(0) == "Mira Castellanos")
        let speaker = a.speaker(named: "Mira Castellanos")
        #expect(speaker?.description == "regional director of health")
    }

    @Test func quoteThenNameWithAppositiveThenTold() {
        let a = Analyzed("\"The same problem faces us again this winter,\" Karim el-Sayed, a member of the port's safety board, told the Coastal Herald on Thursday.")
        #expect(a.speakerName(0) == "Karim el-Sayed")
        #expect(a.quotes[0].cue == "told")
        #expect(a.speaker(named: "Karim el-Sayed")?.description == "member of the port's safety board")
    }

    @Test func anonymousSource() {
        let a = Analyzed("\"There is no plan to close the base,\" a senior defence official told reporters travelling with the minister.")
        #expect(a.speakerName(0) == "senior defence official")
        #expect(a.mentionText(0) == "a senior defence official")
        #expect(a.speakers.first?.kind == .anonymous)
    }

    @Test func pronounLaterInALongSentence() {
        let body = """
            That contradicts what Transport Minister Ruth Adeyemi told the budget committee on March 3, \
            when she said, "We hope to open the tunnel next year."
            """
        let a = Analyzed(body)
        #expect(a.speakerName(0) == "Ruth Adeyemi")
        #expect(a.mentionText(0) == "she")
        #expect(a.quotes[0].cue == "said")
    }

    @Test func accordingTo() {
        let a = Analyzed("\"The river will crest tonight,\" according to the National Flood Office.")
        #expect(a.speakerName(0) == "National Flood Office")
        #expect(a.quotes[0].cue == "according to")
        let before = Analyzed("According to Dana Whitfield, \"the levee held.\"")
        #expect(before.speakerName(0) == "Dana Whitfield")
    }

    @Test func nameColonQuote() {
        let a = Analyzed("The debate ended late.", headline: "Whitfield: \"We held the line\"")
        #expect(a.speakerName(0) == "Whitfield")
        #expect(a.quotes[0].attributionRule == "label")
    }

    @Test(arguments: [
        ("\"We will appeal,\" Noor Haddad added.", "added"),
        ("\"Will the bridge be safe?\" Noor Haddad asked.", "asked"),
        ("Noor Haddad explained: \"The steel was tested twice.\"", "explained"),
        ("Noor Haddad wrote on her blog: \"The vote was fair.\"", "wrote"),
        ("Noor Haddad tweeted: \"Proud of our volunteers.\"", "tweeted"),
        ("Noor Haddad insisted the money was \"already set aside.\"", "insisted"),
    ])
    func verbsOfSaying(text: String, cue: String) {
        let a = Analyzed(text)
        #expect(a.quotes.count == 1)
        #expect(a.speakerName(0) == "Noor Haddad")
        #expect(a.quotes[0].cue == cue)
    }

    @Test func aParagraphThatIsOnlyAQuotationContinuesTheSpeaker() {
        let body = """
            "We checked every pipe," said Hugo Lindqvist, the chief engineer.

            "The leak was in the oldest section, under the square."
            """
        let a = Analyzed(body)
        #expect(a.quotes.count == 2)
        #expect(a.speakerName(1) == "Hugo Lindqvist")
        #expect(a.quotes[1].attributionRule == "continuation-paragraph")
    }

    @Test func theNextSentenceInTheParagraphContinuesTheSpeaker() {
        let a = Analyzed("\"We checked every pipe,\" Hugo Lindqvist said. \"The leak was under the square.\"")
        #expect(a.speakerName(1) == "Hugo Lindqvist")
    }

    @Test func pronounsFollowGender() {
        let body = """
            Governor Alan Price met the union leader Sofia Brandt on Monday.

            "We are close to a deal," she said after the meeting.

            "There is more work to do," he said.
            """
        let a = Analyzed(body)
        #expect(a.speakerName(0) == "Sofia Brandt")
        #expect(a.speakerName(1) == "Alan Price")
    }

    @Test func organisationsSpeak() {
        let a = Analyzed("The White House said it was \"monitoring the situation closely.\"")
        #expect(a.speakerName(0) == "White House")
        #expect(a.speakers.first?.kind == .organization)
        let ministry = Analyzed("\"The border stays open,\" the Interior Ministry said in a statement.")
        #expect(ministry.speakerName(0) == "Interior Ministry")
    }

    @Test func interruptedQuotationKeepsItsSpeaker() {
        let a = Analyzed("\"The first vote failed,\" Marek Zielinski said, \"but the second one will pass.\"")
        #expect(a.quotes.count == 2)
        #expect(a.speakerName(0) == "Marek Zielinski")
        #expect(a.speakerName(1) == "Marek Zielinski")
    }

    @Test func reportedSpeechGoesToTheOuterReporter() {
        let a = Analyzed("Councillor Beth Ayala said the mayor had called the report \"deeply flawed.\"")
        #expect(a.speakerName(0) == "Beth Ayala")
    }

    @Test func possessiveSpeechNouns() {
        let a = Analyzed("Governor Alan Price toured the dam. His campaign slogan is \"Build it right.\"")
        #expect(a.speakerName(0) == "Alan Price")
        #expect(a.mentionText(0) == "His")
        #expect(a.quotes[0].attributionRule == "possessive")
    }

    @Test func aSentenceEndingWithAColonIntroducesTheNextParagraph() {
        let a = Analyzed("Mayor Tom Reyes released the following statement:\n\n\"Our thoughts are with the families.\"")
        #expect(a.speakerName(0) == "Tom Reyes")
        #expect(a.quotes[0].attributionRule == "introduced-by-colon")
    }

    @Test func aNameSignedAfterADash() {
        let a = Analyzed("\"The bridge changed our town.\" \u{2015} Ana Lima\n\n\"We waited ten years.\" \u{2015} Omar Haddad")
        #expect(a.speakerName(0) == "Ana Lima")
        #expect(a.speakerName(1) == "Omar Haddad")
        #expect(a.quotes[0].attributionRule == "dash-signature")
    }

    @Test func aStatementSpeaksForWhoeverReleasedIt() {
        let body = """
            The Valdora Heritage Council criticised the plan to pull down the old mill. They released a statement \
            which said, "The mill belongs to the town's history."
            """
        let a = Analyzed(body)
        #expect(a.speakerName(0) == "Valdora Heritage Council")
        #expect(a.mentionText(0) == "They")
        #expect(a.quotes[0].attributionRule == "issuer")
        let named = Analyzed("Marlow Foods released a statement which read, in part, \"We are saddened by the news.\"")
        #expect(named.speakerName(0) == "Marlow Foods")
    }

    @Test func aDocumentSpeaksForItsOwnerOrAgent() {
        let owner = Analyzed("Judge Edda Lindqvist ruled on Monday. Judge Lindqvist's statement reads \"The law treats both alike.\"")
        #expect(owner.speakerName(0) == "Edda Lindqvist")
        #expect(owner.quotes[0].attributionRule == "issuer")
        let agent = Analyzed("According to a memo posted online by Senator Ivo Brandt, \"the hearing is cancelled.\"")
        #expect(agent.speakerName(0) == "Ivo Brandt")
        let outlet = Analyzed("A tweet sent from Rosa Quint's Twitter account repeated the pledge, saying \"We will win.\"")
        #expect(outlet.speakerName(0) == "Rosa Quint")
    }

    @Test func aDocumentWithNoIssuerNamedStaysTheSpeaker() {
        let a = Analyzed("The statement said \"The bridge will reopen in May.\"")
        #expect(a.speakerName(0) == "statement")
        #expect(a.quotes[0].attributionRule != "issuer")
    }

    @Test func aNameInIngOpeningASentenceWhenTheArticleCapitalisesItElsewhere() {
        let body = """
            Reporters contacted Halving for comment. Halving did not release any details, telling reporters the \
            firm "regrets the delay."
            """
        let a = Analyzed(body)
        #expect(a.speakerName(0) == "Halving")
        #expect(a.quotes[0].cue == "telling")
        // With no other mention it stays a participle: `Speaking at a rally, …`.
        let participle = Analyzed("Speaking at a rally, the mayor said \"We will rebuild.\"")
        #expect(participle.speakerName(0) == "mayor")
    }

    @Test func aPersonOfTheOrganisationSpeaksNotTheOrganisation() {
        let before = Analyzed("Lucy Fane of the Valdora Times told reporters, \"He was released a year ago.\"")
        #expect(before.speakerName(0) == "Lucy Fane")
        let after = Analyzed("\"He was released a year ago,\" Tom Baird of the Harbour Ministry said.")
        #expect(after.speakerName(0) == "Tom Baird")
    }

    @Test func aTimeWordInsideANameIsTheName() {
        let a = Analyzed("In a 2004 interview with the magazine The Porch, singer Ada Day said, \"I never planned any of it.\"")
        #expect(a.speakerName(0) == "Ada Day")
    }

    @Test func aNameAfterAPrepositionBeforeAColonIsWhereItWasSaid() {
        let a = Analyzed("Mayor Lina Ortiz took a parting shot on Twitter: \"The bridge will be rebuilt.\"")
        #expect(a.speakerName(0) == "Lina Ortiz")
        #expect(a.quotes[0].attributionRule == "label")
    }

    @Test func aStatementIssuedTheSentenceBeforeIntroducesTheQuotation() {
        let body = """
            Senator Owen Marsh, Republican from Ohio, issued a statement on the closure of the plant. \
            "Like many in Dayton, I am disappointed by this decision."
            """
        let a = Analyzed(body)
        #expect(a.speakerName(0) == "Owen Marsh")
        #expect(a.quotes[0].attributionRule == "previous-sentence")
    }

    @Test func aTitleOfTheOrganisationInAnAppositiveIsNoSpeaker() {
        let a = Analyzed("Nadia Brook, a Senior Staff Attorney of the Civic Rights Fund (CRF), said \"The takedown was unlawful.\"")
        #expect(a.speakerName(0) == "Nadia Brook")
    }

    @Test func readRightBeforeAQuotationIsTheVerb() {
        let a = Analyzed("Bishop Anton Keller met the families. The letter signed by Bishop Keller read \"We ask for your forgiveness.\"")
        #expect(a.speakerName(0) == "Anton Keller")
        #expect(a.quotes[0].cue == "read")
    }

    @Test func accordingToOpeningTheSentenceIsTheSourceTheQuotationCameThrough() {
        let a = Analyzed("According to the Valdora Herald, one harbour sign read, \"Slow down, seals ahead.\"")
        #expect(a.speakerName(0) == "Valdora Herald")
        #expect(a.quotes[0].attributionRule == "according-to")
    }

    @Test func aStatementIssuedRightBeforeTheQuotationIsTheIssuers() {
        let a = Analyzed("The Harbour Council issued a short statement on Monday: \"We will appeal the ruling.\"")
        #expect(a.speakerName(0) == "Harbour Council")
        #expect(a.quotes[0].attributionRule == "issuer")
        let letter = Analyzed("Governor Rafe Dunn toured the plant. He released a letter from his doctor that says he is \"in excellent health.\"")
        #expect(letter.speakerName(0) == "Rafe Dunn")
    }

    @Test func theGoverningBodyOfAPlaceSpeaksNotThePlace() {
        let a = Analyzed("The government of American Tolvania said \"We will not sign the treaty.\"")
        #expect(a.speakerName(0) == "government of American Tolvania")
    }

    @Test func inTheWordsOfIsLikeAccordingTo() {
        let a = Analyzed("By the end, in the words of the Crown prosecutor, Mara Voss, \"the child spent months in pain.\"")
        #expect(a.speakerName(0) == "Mara Voss")
        #expect(a.quotes[0].cue == "in the words of")
        let plain = Analyzed("In the words of Ivo Brandt, \"it was a mistake.\"")
        #expect(plain.speakerName(0) == "Ivo Brandt")
    }

    @Test func anAdverbBetweenANameAndItsParticiple() {
        let a = Analyzed("The crowd cheered, with Mayor Ann Holt reportedly yelling: \"Get out of here!\"")
        #expect(a.speakerName(0) == "Ann Holt")
    }

    @Test func aVerbOfSayingOpeningTheSentenceBeforeItsSpeaker() {
        let a = Analyzed("Remarked Harbour Trust biologist Tia Curry, \"This reprieve is a gift.\"")
        #expect(a.speakerName(0) == "Tia Curry")
        #expect(a.quotes[0].attributionRule == "cue-speaker-quote")
        let colon = Analyzed("Senator Rolf Borg spoke on the radio. Stated Borg: \"I think the stakes are high.\"")
        #expect(colon.speakerName(0) == "Rolf Borg")
    }

    @Test func aSubordinateClauseHoldingTheQuotationHasItsOwnSubject() {
        let a = Analyzed("Inspector Lyle Crane closed the case even though the auditor Pia Moss found \"clear evidence\" of fraud.")
        #expect(a.speakerName(0) == "Pia Moss")
        #expect(a.quotes[0].attributionRule == "sentence-subject")
        // Not a clause that ended before it.
        let b = Analyzed("A guard was hurt after Officer Tim Rudd fired, and the other guard was in \"stable\" condition.")
        #expect(b.speakerName(0) != "Tim Rudd")
    }

    @Test func aQuotationInsideAWhileClauseIsNotTheMainSubjects() {
        let a = Analyzed("While Tomas Berg calls the plan a \"clever piece of work,\" Ilse Varga fixates on its cost.")
        #expect(a.speakerName(0) == "Tomas Berg")
        // The main clause after the comma holds it: `Although …, it referenced "…"`.
        let main = Analyzed("The Harbour Fund praised the port. Although the Harbour Fund did not name the mayor, it referenced \"local tensions\" in its report.")
        #expect(main.speakerName(0) == "Harbour Fund")
    }

    @Test func officialBodiesWithoutAnInstitutionWordSpeak() {
        let city = Analyzed("The levy was dropped. The town argued, \"the ferry is a public service, not a business.\"")
        #expect(city.speakerName(0) == "town")
        let palace = Analyzed("The palace issued a short note from the queen: \"The visit is postponed.\"")
        #expect(palace.speakerName(0) == "palace")
        let decree = Analyzed("The decree said the harbour \"shall stay closed until spring.\"")
        #expect(decree.speakerName(0) == "decree")
    }

    @Test func anAcronymForAThingIsNoBody() {
        let a = Analyzed("The Harbour Aid Foundation fears that HIV is spreading on the coast. It warned, \"The clinics cannot cope.\"")
        #expect(a.speakerName(0) == "Harbour Aid Foundation")
        #expect(a.speaker(named: "HIV") == nil)
        // A thing said to speak is a description next to its cue (`the survey said`), never an
        // organisation named by the acronym.
        let dvd = Analyzed("The DVD said the tour was \"a triumph for the band.\"")
        #expect(dvd.mentionText(0) == "The DVD")
        #expect(dvd.speakers.allSatisfy { $0.kind != .organization })
        // An acronym is not the verb after a role noun: `A campaign TV ad … accuses`.
        let ad = Analyzed("A campaign TV ad released on Monday accuses Ola Brandt of \"selling the harbour.\"")
        #expect(ad.speakerName(0) == "campaign TV ad released on Monday" || ad.mentionText(0)?.hasPrefix("A campaign TV ad") == true)
    }

    @Test func aPlaceInsideAnAppositiveIsNotTheSpeaker() {
        let a = Analyzed("Greta Holm, keeper of maps at the University of Veldra, Portmoss, said, \"These charts were never meant to survive.\"")
        #expect(a.speakerName(0) == "Greta Holm")
    }

    @Test func aPronounHoldingABeliefInsideARelativeClauseIsNoSpeaker() {
        let a = Analyzed("The stalls hung \"Bienvenidos\" boards for shoppers who they believe speak Spanish.")
        #expect(a.quotes.count == 1)
        #expect(a.quotes.first?.cue != "speak")
    }

    @Test func aReflexiveAfterTheSubjectIsNotItsVerb() {
        let a = Analyzed("The survey itself outlined the danger: \"Most boats leave the harbour overloaded.\"")
        #expect(a.quotes.first?.cue == "outlined")
    }

    @Test func theVerbAfterAPersonOfANamedInstitution() {
        let a = Analyzed("Greta Holm of the Portmoss Maritime Heritage Study Institute disputed the claim: \"The wreck is far older.\"")
        #expect(a.speakerName(0) == "Greta Holm")
        #expect(a.quotes.first?.cue == "disputed")
        let place = Analyzed("Greta Holm of the University of Veldra, Portmoss disputed the claim: \"The wreck is far older.\"")
        #expect(place.speakerName(0) == "Greta Holm")
        #expect(place.quotes.first?.cue == "disputed")
    }

    @Test func peopleFromTwoCoordinatedBodiesSpeakTogether() {
        let a = Analyzed("Researchers from the Veldra Marine Institute and Portmoss Shark Trust said the bay was \"empty of sharks.\"")
        #expect(a.mentionText(0) == "Researchers from the Veldra Marine Institute and Portmoss Shark Trust")
        #expect(a.speakerName(0) != "Portmoss Shark Trust")
    }

    @Test func theRuleThatAttributedIsNamed() {
        let a = Analyzed("\"Done,\" said Ivo Petrak.\n\nPetrak said: \"We are finished.\"")
        #expect(a.quotes.allSatisfy { $0.attributionRule != nil })
        #expect(a.quotes.allSatisfy { !$0.detectionRule.isEmpty })
    }
}
