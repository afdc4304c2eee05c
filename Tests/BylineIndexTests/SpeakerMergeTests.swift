import Testing

@testable import BylineCore
@testable import BylineIndex

@Suite struct SpeakerMergeTests {
    private func person(_ article: Int, _ name: String, description: String? = nil, aliases: [String] = []) -> SpeakerMergeInput {
        SpeakerMergeInput(article: article, ordinal: 0, name: name, kind: .person, description: description, aliases: aliases)
    }

    /// True when the inputs at these positions got the same key.
    private func together(_ keys: [String], _ positions: Int...) -> Bool {
        Set(positions.map { keys[$0] }).count == 1
    }

    @Test func theSameNameInFiveArticlesIsOneSpeaker() {
        let inputs = (0..<5).map { person($0, "Ivo Daalder") }
        let merged = SpeakerMerge.merge(inputs)
        #expect(merged.count == 1)
        #expect(merged[0].name == "Ivo Daalder")
        #expect(merged[0].members == [0, 1, 2, 3, 4])
    }

    @Test func caseDiacriticsAndHonorificsDoNotCount() {
        let keys = SpeakerMerge.keys([person(0, "José Ramos-Horta"), person(1, "jose ramos-horta"), person(2, "Dr. José Ramos-Horta")])
        #expect(together(keys, 0, 1, 2))
    }

    @Test func aSurnameAloneJoinsTheOnlyPersonWithThatSurname() {
        let keys = SpeakerMerge.keys([person(0, "Ivo Daalder"), person(1, "Ivo Daalder"), person(2, "Daalder"), person(3, "Mr. Daalder")])
        #expect(together(keys, 0, 1, 2, 3))
    }

    @Test func peopleSharingASurnameAreKeptApart() {
        let inputs = [person(0, "Joe Biden"), person(1, "Hunter Biden"), person(2, "Biden"), person(3, "Biden")]
        let keys = SpeakerMerge.keys(inputs)
        #expect(Set(keys).count == 4)
        // `Biden` alone is ambiguous: not merged with either, nor with the `Biden` of another article.
        #expect(keys[2] != keys[3])
        #expect(keys[2].hasPrefix("ambiguous:"))
    }

    @Test func aDescriptionSettlesAnAmbiguousSurname() {
        let inputs = [
            person(0, "Joe Biden", description: "Vice President"), person(1, "Hunter Biden", description: "businessman"),
            person(2, "Biden", description: "Vice President"),
        ]
        let keys = SpeakerMerge.keys(inputs)
        #expect(together(keys, 0, 2))
        #expect(keys[1] != keys[0])
    }

    @Test func aTitleAndASurnameAreASurname() {
        let inputs = [
            person(0, "Donald Trump", description: "President"), person(1, "Ivanka Trump", description: "adviser"),
            person(2, "President Trump", description: "President"), person(3, "Mr. Trump"),
            person(4, "U.S. President Donald Trump"),
        ]
        let keys = SpeakerMerge.keys(inputs)
        #expect(together(keys, 0, 2, 4))
        #expect(keys[1] != keys[0])
        #expect(keys[3].hasPrefix("ambiguous:"), "no description: it could be either")
        // Titles are a person's: an organisation keeps its words.
        let organisations = SpeakerMerge.keys([
            SpeakerMergeInput(article: 0, ordinal: 0, name: "General Motors", kind: .organization, description: nil, aliases: []),
            SpeakerMergeInput(article: 1, ordinal: 0, name: "Motors", kind: .organization, description: nil, aliases: []),
        ])
        #expect(organisations[0] != organisations[1])
    }

    @Test func aTitleIsWhatTheNameFinderTakesForOne() {
        // A qualified title (`Defense Secretary`) comes off as a bare one does; a place in front
        // is no title, but the longer-name rule still finds the person.
        let keys = SpeakerMerge.keys([person(0, "Ann Lee"), person(1, "Defense Secretary Lee"), person(2, "Secretary Lee"),
                                      person(3, "Veldra Prime Minister Ann Lee")])
        #expect(together(keys, 0, 1, 2, 3))
        // Qualifiers with no title among them are part of the name.
        let grand = SpeakerMerge.keys([person(0, "Ann Lee"), person(1, "Grand Lee")])
        #expect(grand[0] != grand[1])
    }

    @Test func aLongerNameChainLeadsToOneRoot() {
        // `Hunter Biden` is the end of `Robert Hunter Biden`; `Biden` still has two roots.
        let keys = SpeakerMerge.keys([person(0, "Robert Hunter Biden"), person(1, "Hunter Biden"), person(2, "Joe Biden"),
                                      person(3, "Biden")])
        #expect(together(keys, 0, 1))
        #expect(keys[2] != keys[0])
        #expect(keys[3].hasPrefix("ambiguous:"))
    }

    @Test func anonymousSourcesAreNeverMergedAcrossArticles() {
        let inputs = [
            SpeakerMergeInput(article: 0, ordinal: 0, name: "senior administration official", kind: .anonymous,
                              description: nil, aliases: []),
            SpeakerMergeInput(article: 1, ordinal: 0, name: "senior administration official", kind: .anonymous,
                              description: nil, aliases: []),
        ]
        #expect(Set(SpeakerMerge.keys(inputs)).count == 2)
    }

    @Test func organisationsMergeByNameAndByAnAliasButNotBySurname() {
        let inputs = [
            SpeakerMergeInput(article: 0, ordinal: 0, name: "North Atlantic Treaty Organization", kind: .organization,
                              description: nil, aliases: ["NATO"]),
            SpeakerMergeInput(article: 1, ordinal: 0, name: "NATO", kind: .organization, description: nil, aliases: []),
            SpeakerMergeInput(article: 2, ordinal: 0, name: "Apple", kind: .organization, description: nil, aliases: []),
            person(3, "Fiona Apple"),
        ]
        let keys = SpeakerMerge.keys(inputs)
        #expect(together(keys, 0, 1))
        #expect(keys[2] != keys[3])
    }

    @Test func theResultDoesNotDependOnTheOrderOfArticles() {
        let inputs = [person(0, "Joe Biden"), person(1, "Biden"), person(2, "Ivo Daalder"), person(3, "Daalder"),
                      person(4, "Hunter Biden"), person(5, "Joe Biden")]
        let forward = SpeakerMerge.keys(inputs)
        let backward = Array(SpeakerMerge.keys(inputs.reversed()).reversed())
        #expect(forward == backward)
    }

    @Test func theGroupShowsTheFullNameTheCommonestDescriptionAndAliases() {
        let inputs = [
            person(0, "Ivo Daalder", description: "U.S. Ambassador to NATO", aliases: ["Daalder"]),
            person(1, "Ivo Daalder", description: "U.S. Ambassador to NATO"), person(2, "Daalder", description: "ambassador"),
        ]
        let merged = SpeakerMerge.merge(inputs)
        #expect(merged.count == 1)
        #expect(merged[0].name == "Ivo Daalder")
        #expect(merged[0].description == "U.S. Ambassador to NATO")
        #expect(merged[0].aliases == ["Daalder"])
    }
}
