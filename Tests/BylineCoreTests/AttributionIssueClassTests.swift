import Testing

@testable import BylineCore

/// The remaining examples of issue 10's section 1 that the other attribution suites do not
/// show, one test per example, on invented sentences. Invented people, places and outlets.
@Suite struct AttributionIssueClassTests {
    // MARK: Capitalised words taken as names

    @Test func aTitleCasedHeadlineQuotedInASentenceIsNoSpeaker() {
        let a = Analyzed("The memo, titled Senator Releases Budget Leak Report, said the plan was \"dead on arrival.\"")
        #expect(a.speakerName(0) != "Senator Releases Budget Leak Report")
        #expect(a.speakers.allSatisfy { !$0.name.contains("Releases") })
    }

    @Test(arguments: ["headlined", "entitled", "titled"])
    func aTitleAfterAWordForTitlesIsNoSpeaker(introducer: String) {
        let a = Analyzed("The blog post, \(introducer) Mayor Sells Old Ferry, drew \"a storm of letters\" by noon.")
        #expect(a.speakers.allSatisfy { !$0.name.contains("Sells") && !$0.name.contains("Mayor") && !$0.name.contains("Ferry") })
    }

    @Test func aTitleCalledLikeAHeadlineIsNoSpeaker() {
        let a = Analyzed("Her essay, called Governor Wants Another Bridge Tax, was \"pure satire,\" Tom Berg said.")
        #expect(a.speakerName(0) == "Tom Berg")
        #expect(a.speakers.allSatisfy { !$0.name.contains("Wants") })
    }

    @Test func aNameAfterCalledIsStillAName() {
        let a = Analyzed("A fisherman called Tom Berg said the catch was \"the worst in years.\"")
        #expect(a.speaker(named: "Tom Berg")?.kind == .person)
    }

    @Test func aNationalityAdjectiveIsNoSpeaker() {
        let a = Analyzed("The U.S.-Russian talks ended early, and the envoys called them \"a waste of a week.\"")
        #expect(a.speakers.allSatisfy { !$0.name.hasPrefix("U.S.") && $0.name != "Russian" })
    }

    @Test(arguments: ["Franco-German", "Sino-Canadian", "Iranian-backed", "U.K.-Irish"])
    func aNationalCompoundBeforeANounIsNoSpeaker(compound: String) {
        let a = Analyzed("The \(compound) plan stalled on Friday, and the delegates called it \"a dead letter.\"")
        let parts = compound.split(separator: "-").map(String.init)
        #expect(a.speakers.allSatisfy { $0.name != compound && !parts.contains($0.name) })
    }

    @Test func aHyphenatedSurnameIsStillAName() {
        let a = Analyzed("Ann Smith-Berg said the harbour toll was \"a tax on fishermen.\"")
        #expect(a.speakerName(0) == "Ann Smith-Berg")
    }

    @Test func aPlaceIsNoSpeakerNearAQuotation() {
        let a = Analyzed("In Dallas on Monday, the ferry union called the plan \"a betrayal of every deckhand.\"")
        #expect(a.speakerName(0) != "Dallas")
    }

    @Test func aPlaceSpeaksWhereItStandsForItsGovernment() {
        let a = Analyzed("Ohio argued in its brief that the rule was \"plainly unlawful.\"")
        #expect(a.speakerName(0) == "Ohio")
    }

    @Test func aSectionWordIsNoSpeaker() {
        let a = Analyzed("Reporting by Ann Lee; editing by Tom Berg. The mayor called the vote \"a disgrace.\"")
        #expect(a.speakerName(0) != "Reporting")
    }

    // MARK: Cues that are not speech

    @Test(arguments: ["market", "majority", "comments"])
    func aNounIsNoCue(noun: String) {
        let a = Analyzed("Ann Lee watched the \(noun) \"fall apart\" on Monday.")
        #expect(a.quotes.first?.cue != noun)
    }

    @Test(arguments: ["hugged", "crippled"])
    func aVerbThatIsNotSayingIsNoCue(verb: String) {
        let a = Analyzed("\"We made it,\" the coach said. Ann Lee \(verb) the \"small miracle\" of a team.")
        #expect(a.quotes.last?.cue == nil)
        // Still hers: the subject of the sentence, with no cue.
        #expect(a.mentionText(1) == "Ann Lee")
    }

    @Test(arguments: ["praised", "mocked", "welcomed", "doubted", "applauds", "dismissed", "questioned"])
    func aVerbThatCommunicatesIsTheCue(verb: String) {
        let a = Analyzed("\"We made it,\" the coach said. Ann Lee \(verb) the \"small miracle\" of a team.")
        #expect(a.quotes.last?.cue == verb)
        #expect(a.mentionText(1) == "Ann Lee")
    }

    @Test func communicativeVerbsHoldTheCuesAndTheirKin() {
        for verb in ["said", "told", "called", "saying", "proposed", "reacted", "outlined", "disputed", "admires", "thought",
                     "worries", "applauding", "rebutted"] {
            #expect(Lexicon.communicativeVerbs.contains(WordHash.of(verb)), "\(verb)")
        }
        for verb in ["hugged", "crippled", "painted", "walked", "market", "majority"] {
            #expect(!Lexicon.communicativeVerbs.contains(WordHash.of(verb)), "\(verb)")
        }
    }

    @Test func regularInflections() {
        #expect(Lexicon.inflections(of: "propose") == ["propose", "proposes", "proposed", "proposing"])
        #expect(Lexicon.inflections(of: "worry") == ["worry", "worries", "worried", "worrying"])
        #expect(Lexicon.inflections(of: "push") == ["push", "pushes", "pushed", "pushing"])
        #expect(Lexicon.inflections(of: "agree") == ["agree", "agrees", "agreed", "agreeing"])
        #expect(Lexicon.inflections(of: "obey") == ["obey", "obeys", "obeyed", "obeying"])
        #expect(Lexicon.inflections(of: "tie") == ["tie", "ties", "tied", "tying"])
    }

    // MARK: Descriptions that speak

    @Test func theNewspaperIsTheNamedNewspaperThroughCoreference() {
        let a = Analyzed("""
            The Harbour Ledger published the port's accounts on Monday. The newspaper wrote that the port had "hidden the losses for years."
            """)
        #expect(a.mentionText(0) == "The newspaper")
        #expect(a.speakerName(0) != "Monday")
    }

    @Test func theEmailThatReadSpeaks() {
        let a = Analyzed("The email read \"Do not open the gates before noon.\"")
        #expect(a.mentionText(0) == "The email")
    }
}
