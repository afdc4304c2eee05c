import Testing

@testable import BylineCore

/// The seed article's must-show: exactly six quotations with their speakers, and the people
/// it names listed once each with all their mentions.
@Suite struct QuoteSeedTests {
    let seed = Analyzed(article: BundledSeed.article())

    @Test func exactlySixQuotationsWithExactSpansAndSpeakers() throws {
        let expected: [(String, String)] = [
            ("\"Prime Minister Nouri al-Maliki has repeatedly asked NATO to stay,\"", "Ivo Daalder"),
            ("\"We are trying to make that desire for the NATO training mission to stay a reality,\"", "Ivo Daalder"),
            ("\"The same immunity problem of the American trainers\u{2019} agreement is facing us today with NATO,\"", "Qassim al-Aaraji"),
            ("\"We are working it hard. Time is running out,\"", "Ivo Daalder"),
            ("\"There is no discussion, no contemplation, no thought of returning U.S. troops to Iraq,\"", "senior administration official"),
            ("\"Our hope would be that this isn\u{2019}t just a State Department presence, but that ultimately we\u{2019}ll be able to negotiate a further presence for the military as well.\"", "Leon Panetta"),
        ]
        #expect(seed.quotes.count == expected.count)
        for (i, (text, speaker)) in expected.enumerated() where i < seed.quotes.count {
            let span = try #require(seed.span(of: text))
            #expect(seed.quotes[i].span == span, "quotation \(i)")
            #expect(seed.speakerName(i) == speaker, "quotation \(i)")
        }
        #expect(seed.quotes.allSatisfy { $0.kind == .direct })
    }

    @Test func mentionsThatAttribute() {
        #expect(seed.mentionText(0) == "Ivo Daalder")
        #expect(seed.mentionText(1) == "Daalder")
        #expect(seed.mentionText(4) == "a senior administration official")
        #expect(seed.mentionText(5) == "he")
        #expect(seed.quotes[2].cue == "told")
    }

    @Test func daalderIsListedOnceWithHisDescriptionAndAlias() throws {
        let daalders = seed.speakers.filter { $0.name.contains("Daalder") }
        #expect(daalders.count == 1)
        let daalder = try #require(daalders.first)
        #expect(daalder.name == "Ivo Daalder")
        #expect(daalder.kind == .person)
        #expect(daalder.description == "U.S. Ambassador to NATO")
        #expect(daalder.aliases.contains("Daalder"))
        #expect(daalder.quotes == [0, 1, 3])
        // The full name, every `Daalder`, and the `he` of "but he did say".
        #expect(seed.mentionTexts(of: daalder) == ["Ivo Daalder", "Daalder", "Daalder", "Daalder", "he", "Daalder"])
    }

    @Test func thePeopleTheSeedNamesAreListedWithAllTheirMentions() throws {
        let expected: [(String, [String], String?)] = [
            ("Nouri al-Maliki", ["Nouri al-Maliki"], "Prime Minister"),
            ("Barack Obama", ["Barack Obama", "Obama", "Obama"], "President"),
            ("Joe Biden", ["Joe Biden", "him", "Biden"], "Vice President"),
            ("Leon Panetta", ["Leon Panetta", "he"], "Defense Secretary"),
            ("Qassim al-Aaraji", ["Qassim al-Aaraji"], nil),
        ]
        for (name, mentions, title) in expected {
            let speaker = try #require(seed.speaker(named: name), "\(name) is listed")
            #expect(speaker.kind == .person)
            #expect(seed.mentionTexts(of: speaker) == mentions, "\(name)")
            if let title { #expect(speaker.description == title) }
            #expect(seed.speakers.filter { $0.name == name }.count == 1)
        }
        #expect(seed.speaker(named: "Qassim al-Aaraji")?.description?.hasPrefix("member of the COR") == true)
    }

    @Test func theAnonymousSourceIsOneSpeaker() {
        let anonymous = seed.speakers.filter { $0.kind == .anonymous }
        #expect(anonymous.map(\.name) == ["senior administration official"])
        #expect(anonymous.first?.quotes == [4])
    }
}
