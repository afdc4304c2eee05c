import Testing

@testable import BylineCore

/// Who `the senator`, `the company`, `he` and `they` stand for, and one identity for the spellings
/// of a name. Invented people and events.
@Suite struct SpeakerCoreferenceTests {
    @Test func aDefiniteDescriptionIsTheTitledPersonNamedBefore() {
        let body = """
            Sen. Ann Lindqvist of Maine said the vote would wait. Rep. Tom Oduya agreed.

            "We need more time," the senator said.

            Governor Paul Reyes was silent until Friday, when the governor said he would "review the plan."
            """
        let a = Analyzed(body)
        #expect(a.speakerName(0) == "Ann Lindqvist")
        #expect(a.mentionText(0) == "the senator")
        #expect(a.speakerName(1) == "Paul Reyes")
        #expect(a.speakers.allSatisfy { $0.kind != .anonymous })
        #expect(a.speaker(named: "Ann Lindqvist").map { a.mentionTexts(of: $0) }?.contains("the senator") == true)
    }

    @Test func aQualifiedTitleIsAnotherRole() {
        let body = """
            Former Vice President Joan Okafor met President Luis Serrat on Monday.

            The president later vowed to keep fighting "the good fight" in court.
            """
        let a = Analyzed(body)
        #expect(a.speakerName(0) == "Luis Serrat")
    }

    @Test func theCompanyIsTheOrganisationNamedBefore() {
        let a = Analyzed("Acme Robotics laid off 200 workers. \"The market has changed,\" the company said in a statement.")
        #expect(a.speakerName(0) == "Acme Robotics")
        #expect(a.speakers.first?.kind == .organization)
    }

    @Test func theNewspaperIsANewsOrganisation() {
        let body = """
            The Harbour Times reported that the Coastal Union had rejected the offer.

            "The talks are over," the newspaper quoted a union member as saying.
            """
        let a = Analyzed(body)
        #expect(a.speakerName(0) == "Harbour Times")
    }

    @Test func theSameDescriptionTwiceIsOneSource() {
        let a = Analyzed("The agency's takedown notice alleged the tool was built to \"bypass the lock\". Later the agency's takedown notice alleged it could \"copy recordings\".")
        #expect(a.quotes.count == 2)
        #expect(a.quotes[0].speaker != nil)
        #expect(a.quotes[0].speaker == a.quotes[1].speaker)
    }

    @Test func accentedAndPlainSpellingsAreOnePerson() {
        let body = """
            Jarosław Kaczyński spoke first. Later Jaroslaw Kaczynski said: "We will win the vote."

            "It was a good day," Kaczyński added.
            """
        let a = Analyzed(body)
        let matches = a.speakers.filter { $0.name.contains("Kaczy") }
        #expect(matches.count == 1)
        #expect(matches.first?.quotes == [0, 1])
    }

    @Test func aShortFormOfAThreeWordName() {
        let body = """
            Peter Okello Ajak, the minister for trade, died yesterday. Okello had been ill for a year.

            "Peter Okello gave his life to this country," his deputy said.
            """
        let a = Analyzed(body)
        let matches = a.speakers.filter { $0.name.contains("Okello") }
        #expect(matches.count == 1)
        #expect(matches.first?.name == "Peter Okello Ajak")
    }

    @Test func aPronounOpeningASentenceContinuesTheSubjectBefore() {
        let body = """
            Thomas Okello died on Monday. He had been ill for a year.

            Michael Odhiambo, the health minister, paid tribute to Okello. He said on the radio "It is a great loss to the country."
            """
        let a = Analyzed(body)
        #expect(a.speakerName(0) == "Michael Odhiambo")
        #expect(a.mentionText(0) == "He")
    }

    @Test func aPronounAfterAQuotationGoesToTheSentenceSubject() {
        let body = """
            "In breaking news," Dan Arkin tweeted, "the mayor wins the backing of her own aide," after Arkin praised the mayor. \
            Arkin often praises her. Arkin spoke again on Friday.

            Brian Fell fired back: "As a friend of the city," he wrote, "we know you want her to win."
            """
        let a = Analyzed(body)
        #expect(a.speakerName(2) == "Brian Fell")
        #expect(a.speakerName(3) == "Brian Fell")
    }

    @Test func theyStandsForAGroupAndItForAnOrganisation() {
        let body = """
            Officials said the bridge would stay "closed for weeks". They added that repairs would "take a month."

            The Harbour Authority met on Tuesday. It said the port was "open for business."
            """
        let a = Analyzed(body)
        #expect(a.speakerName(0) == "Officials")
        #expect(a.speakerName(1) == "Officials")
        #expect(a.mentionText(1) == "They")
        #expect(a.speakerName(2) == "Harbour Authority")
        #expect(a.mentionText(2) == "It")
    }
    @Test func firstPersonInAnInterviewAnswerIsWhoseTurnItIs() {
        let body = """
            Wikinews spoke with the sculptor Ilse Varga about her new work.

            ((WN)) Did the council ever object?

            ((Ilse Varga)) Once. So I said, "No, the statue stays where it is."

            Later I told them, "Come and see it first."

            ((WN)) And the organisers?

            ((Ilse Varga)) They were kind. They said "We will find a place."
            """
        let a = Analyzed(body)
        #expect(a.speakerName(0) == "Ilse Varga")
        #expect(a.mentionText(0) == "I")
        #expect(a.speakerName(1) == "Ilse Varga")
        // The interviewer's label is no antecedent of `they` in an answer.
        #expect(a.speakerName(2) != "WN")
    }
    @Test func aPronounOpeningASentenceGoesOnWithTheDescribedSubjectBefore() {
        let body = """
            The survey was published in the Nordic Journal of Medicine on Monday. The researchers say the \
            results are worrying. They call for "a national screening programme."
            """
        let a = Analyzed(body)
        #expect(a.speakerName(0) == "researchers")
        #expect(a.mentionText(0) == "They")
        // Only when it agrees: `she` after `the researchers` is someone else.
        let other = Analyzed("Dr Vera Holm led the survey. The researchers say the results are worrying. She called it \"a warning.\"")
        #expect(other.speakerName(0) == "Vera Holm")
    }
    @Test func theStatementIsTheWordsOfWhoeverReleasedItBefore() {
        let body = """
            On Friday, the Harbour Safety Board released a statement about the fire at the docks.

            "Nobody was hurt," read the statement. "We thank the crews."
            """
        let a = Analyzed(body)
        #expect(a.speakerName(0) == "Harbour Safety Board")
        #expect(a.mentionText(0) == "the statement")
        #expect(a.speakerName(1) == "Harbour Safety Board")
    }

    @Test func theyAfterAPluralDescriptionThatDidNotSpeak() {
        let a = Analyzed("Some dock workers came from the northern islands. They said, \"We cannot live on these wages.\"")
        #expect(a.speakerName(0) == "dock workers")
        // Past a sentence opening with the same `they`.
        let b = Analyzed("Some dock workers came from the northern islands. They left their boats there. They said, \"We cannot live on these wages.\"")
        #expect(b.speakerName(0) == "dock workers")
    }
}
