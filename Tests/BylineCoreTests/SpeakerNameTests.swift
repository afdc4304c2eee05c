import Testing

@testable import BylineCore

/// The shapes of names around titles, places and headlines: what is a person, what is a
/// title or a place. Invented people and places.
@Suite struct SpeakerNameTests {
    @Test func aTitleOfAPlaceBeforeAName() {
        let a = Analyzed("The Mayor of Koszalin Piotr Jedlinski visited the site. \"We will rebuild,\" Jedlinski said.")
        let mayor = a.speaker(named: "Piotr Jedlinski")
        #expect(mayor?.kind == .person)
        #expect(mayor?.description == "Mayor of Koszalin")
        #expect(a.speakerName(0) == "Piotr Jedlinski")
        #expect(a.speaker(named: "Koszalin Piotr Jedlinski") == nil)
    }

    @Test func aNameWhoseLastTwoWordsAreTheSame() {
        // Found by fuzzing: `Lee` filed twice for one person once made an endless chain.
        let a = Analyzed("\"We go,\" said Ann Lee Lee. Lee left early.")
        #expect(a.speakerName(0) == "Ann Lee Lee")
        #expect(a.speaker(named: "Ann Lee Lee").map { a.mentionTexts(of: $0) } == ["Ann Lee Lee", "Lee"])
    }

    @Test func aTitleOfAPlaceAloneIsNoPerson() {
        let body = """
            Politicians and the Archbishop of Vardenik were reported to have visited the hospital. \
            Paul Maric, the mayor of the city of Vardenik, was stabbed last night. He died today.
            """
        let a = Analyzed(body)
        #expect(a.speaker(named: "Vardenik") == nil)
        #expect(a.speaker(named: "Paul Maric").map { a.mentionTexts(of: $0) }?.contains("He") == true)
    }

    @Test func titlesWithNoNameAreNoPeople() {
        let a = Analyzed("Joe Hart served as Vice President until 2016. One of the country's Vice Presidents, Ann Dole, also spoke. The President said nothing.")
        #expect(a.speaker(named: "President") == nil)
        #expect(a.speaker(named: "Presidents") == nil)
        #expect(a.speaker(named: "Ann Dole") != nil)
    }

    @Test func aPersonOfAPlaceIsThePerson() {
        let a = Analyzed("\"We will not wait,\" said Senator Amy Lund of Maine.")
        #expect(a.speakerName(0) == "Amy Lund")
    }

    @Test func englishPrefixesAreNotNameParticles() {
        let a = Analyzed("Regina Oyelaran from the pro-Beijing camp said in a press conference: \"The vote was fair.\"")
        #expect(a.speakerName(0) == "Regina Oyelaran")
        #expect(a.speakers.allSatisfy { !$0.name.hasPrefix("pro-") })
        let particle = Analyzed("Officials said Nouri al-Hakim would attend.")
        #expect(particle.speaker(named: "Nouri al-Hakim") != nil)
    }

    @Test func aNounForARoleBeforeATwoWordName() {
        let a = Analyzed("Legislator Tanya Oduya spoke to the press: \"Please step down.\"")
        #expect(a.speakerName(0) == "Tanya Oduya")
        #expect(a.speaker(named: "Tanya Oduya")?.description == "Legislator")
        let program = Analyzed("No Child Left Behind was passed in 2002. Critics said it \"failed the poorest schools.\"")
        #expect(program.speaker(named: "Left Behind") == nil)
    }

    @Test func aLaterTitleInATitleRunIsTheTitle() {
        let a = Analyzed("\"The search is complete,\" Deputy Emergency Situations Minister Alexander Chupin told reporters.")
        #expect(a.speakerName(0) == "Alexander Chupin")
    }

    @Test func aVerbInATitleCaseHeadlineEndsAName() {
        let a = Analyzed("The result was close.", headline: "Ann Berg Wins Seat In Harbour Vote")
        #expect(a.speaker(named: "Ann Berg") != nil)
        #expect(a.speakers.allSatisfy { !$0.name.contains("Wins") })
    }

    @Test func pluralCommonNounsOpeningASentenceAreNotNames() {
        let a = Analyzed("Reports said both were showing \"mild symptoms\". Millions watched the broadcast.")
        #expect(a.speaker(named: "Reports")?.kind != .person)
        #expect(a.speaker(named: "Millions") == nil)
    }

    @Test func placeNamesAreNotPeople() {
        let a = Analyzed("General Santos City reported two new cases. The town of Vardenik reported none.")
        #expect(a.speakers.allSatisfy { $0.kind != .person })
    }

    @Test func anInterviewLabelIsNotPartOfTheSentence() {
        let body = """
            ((WN)) Previously you had mentioned, "no federation is perfect". Is there anything you would change?

            ((Mira Lund)) Many things.
            """
        let a = Analyzed(body)
        #expect(a.speaker(named: "Previously") == nil)
    }

    @Test func contractedPronounsAreSubjects() {
        let a = Analyzed("Catholic Republicans differ from the base. They're less hostile to regulation and agree richer people should pay \"a lot\" more.")
        #expect(a.mentionText(0) == "They're")
    }
    @Test func aQualifierOpeningTheSentenceIsNoPartOfTheNameAfterIt() {
        let body = """
            Governor Dana Pruitt spoke in Ohio. Former Pruitt adviser Karl Mott said "She will run again." \
            Pruitt said "I have not decided."
            """
        let a = Analyzed(body)
        #expect(a.speakerName(0) == "Karl Mott")
        #expect(a.speakerName(1) == "Dana Pruitt")
        #expect(a.speaker(named: "Former Pruitt") == nil)
        let title = Analyzed("Former President Ada Lund said \"We were right.\"")
        #expect(title.speakerName(0) == "Ada Lund")
    }
}
