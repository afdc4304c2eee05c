import Testing

@testable import BylineCore

/// Speakers: one identity per person, the fullest name, descriptions, aliases, every mention,
/// and the name shapes the analysis must read.
@Suite struct SpeakerIdentityTests {
    @Test func fullNameSurnameAndPronounAreOnePerson() {
        let body = """
            "The harbour will reopen," Yusuf Demir, the port director, said on Monday.

            Demir said the cranes were repaired. He thanked the crews.

            "We owe them a great deal," said Demir.
            """
        let a = Analyzed(body)
        let matches = a.speakers.filter { $0.name.contains("Demir") }
        #expect(matches.count == 1)
        let demir = matches[0]
        #expect(demir.name == "Yusuf Demir")
        #expect(demir.kind == .person)
        #expect(demir.description == "port director")
        #expect(demir.aliases == ["Demir"])
        #expect(demir.quotes == [0, 1])
        #expect(a.mentionTexts(of: demir) == ["Yusuf Demir", "Demir", "He", "Demir"])
    }

    @Test func titlesBecomeTheDescription() {
        let a = Analyzed("Prime Minister Elena Varga met Vice President Tomas Reed. \"We agreed,\" Varga said.")
        #expect(a.speaker(named: "Elena Varga")?.description == "Prime Minister")
        #expect(a.speaker(named: "Tomas Reed")?.description == "Vice President")
        #expect(a.speaker(named: "Tomas Reed")?.quotes == [])
    }

    @Test(arguments: [
        ("Officials said Nouri al-Hakim would attend.", "Nouri al-Hakim"),
        ("Officials said Abdullah bin Rashid would attend.", "Abdullah bin Rashid"),
        ("Officials said Pieter van der Linde would attend.", "Pieter van der Linde"),
        ("Officials said Ana de Souza would attend.", "Ana de Souza"),
        ("Officials said Sen. Patrick O'Neill would attend.", "Patrick O'Neill"),
        ("Officials said Dr. Fiona McAllister would attend.", "Fiona McAllister"),
        ("Officials said George W. Bush would attend.", "George W. Bush"),
    ])
    func nameShapes(text: String, name: String) {
        let a = Analyzed(text)
        let speaker = a.speaker(named: name)
        #expect(speaker != nil, "\(a.speakers.map(\.name))")
        #expect(speaker?.kind == .person)
        #expect(speaker?.quotes == [])
    }

    @Test func titlesAreNotPartOfTheName() {
        let a = Analyzed("Sen. Patrick O'Neill and Dr. Fiona McAllister spoke. \"Agreed,\" O'Neill said.")
        #expect(a.speaker(named: "Patrick O'Neill")?.description == "Sen.")
        #expect(a.speaker(named: "Fiona McAllister")?.description == "Dr.")
        #expect(a.speakerName(0) == "Patrick O'Neill")
    }

    @Test func peopleWhoAreNotQuotedAreListedWithTheirMentions() {
        let body = """
            President Maria Olsen will visit the plant. Olsen has praised its workers.

            "We are ready for her," the plant manager said.
            """
        let a = Analyzed(body)
        let olsen = a.speaker(named: "Maria Olsen")
        #expect(olsen?.kind == .person)
        #expect(olsen?.quotes == [])
        #expect(olsen.map { a.mentionTexts(of: $0) } == ["Maria Olsen", "Olsen"])
    }

    @Test func twoPeopleWithOneSurnameStayApart() {
        let body = """
            Anna Kessler and her brother Paul Kessler run the bakery.

            "We bake at four," Mrs. Kessler said.
            """
        let a = Analyzed(body)
        #expect(a.speaker(named: "Anna Kessler") != nil)
        #expect(a.speaker(named: "Paul Kessler") != nil)
        #expect(a.speakerName(0) == "Anna Kessler")
    }

    @Test func anonymousSourcesAreNamedByTheirDescription() {
        let body = """
            "The talks have stalled," a senior trade official said.

            "Nobody wants to move first," the official added.
            """
        let a = Analyzed(body)
        let anonymous = a.speakers.filter { $0.kind == .anonymous }
        #expect(anonymous.count == 1)
        #expect(anonymous.first?.name == "senior trade official")
        #expect(anonymous.first?.quotes == [0, 1])
    }
}
