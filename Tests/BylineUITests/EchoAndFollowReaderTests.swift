import BylineCore
import BylineIndex
import Foundation
import Testing

@testable import BylineUI

/// Echoes and follows in the reader: `also in N articles` beside a quotation, its echoes in the
/// library pane (Enter opens one at the quotation), the most echoed quotations of a period, and
/// the followed speakers with their unread quotations. The articles are invented, indexed with
/// the UI fixture's small analysis (`“…,” said NAME.`).
@Suite struct EchoAndFollowReaderTests {
    static let wide = Size(width: 200, height: 50)
    static let terminal = "The new ferry terminal will open in the spring and serve every island"

    /// The ferry quotation in three articles (the third gives it to someone else), the dam
    /// quotation in two articles of the year before, and an article of its own; with a
    /// `catalog` (`index.jsonl`) written beside them before they are indexed.
    static func library(catalog: String? = nil) throws -> LibraryFixture {
        let fixture = try LibraryFixture(count: 0)
        try fixture.write("2024-05-01_port.txt", "Port news\n\n“\(terminal),” said Maria Lopez. Work starts soon.\n")
        try fixture.write("2024-05-02_wire.txt", "Ferry terminal\n\n“\(terminal),” said Maria Lopez. The board agreed.\n")
        try fixture.write("2024-05-03_gazette.txt", "Gazette\n\n“\(terminal),” said Tom Berg. Critics were not sure.\n")
        try fixture.write("2023-01-10_dam.txt", "Dam works\n\n“The dam will be repaired before the rains come back,” said Jane Okafor.\n")
        try fixture.write("2023-01-11_dam.txt", "Dam again\n\n“The dam will be repaired before the rains come back,” said Jane Okafor.\n")
        try fixture.write("2024-05-04_snow.txt", "Snow\n\n“The roads will open again tomorrow morning at seven,” said Maria Lopez.\n")
        if let catalog { try fixture.write("index.jsonl", catalog) }
        try fixture.update()
        return fixture
    }

    static func entries(_ h: Harness) -> [String] { LibraryReaderTests.entries(h) }
    static func details(_ h: Harness) -> [String] { LibraryReaderTests.details(h) }

    /// Opens the article whose headline is `headline` from the library pane.
    static func open(_ headline: String, _ h: inout Harness) throws {
        h.press("1")
        let position = try #require((0..<h.state.articleCount).first { h.state.articles.row($0)?.headline == headline })
        h.press("g")
        for _ in 0..<position { h.press("j") }
        h.press("enter")
    }

    @Test func aQuotationWithEchoesSaysWhereElseAndWhetherSpeakersDisagree() throws {
        let fixture = try Self.library()
        var h = Harness(library: fixture.library, size: Self.wide)
        try Self.open("Port news", &h)
        let first = h.paneLines(.quotes).first ?? ""
        #expect(first.contains("Maria Lopez · also in 2 articles, speakers disagree"), "\(first)")
        try Self.open("Snow", &h)
        #expect(h.paneLines(.quotes).first?.contains("also in") == false, "a quotation of its own")
    }

    @Test func theEchoesKeyListsEveryAppearanceAndEnterOpensOne() throws {
        let fixture = try Self.library()
        var h = Harness(library: fixture.library, size: Self.wide)
        try Self.open("Port news", &h)
        h.press("]")
        h.press("e")
        #expect(h.text.contains("Echoes · 3 articles · speakers disagree"))
        #expect(Self.entries(h).map { String($0.drop { $0 != "·" }.dropFirst(2)) } == ["Port news", "Ferry terminal", "Gazette"])
        #expect(Self.details(h).map { $0.prefix(while: { $0 != ":" }) } == ["Maria Lopez", "Maria Lopez", "Tom Berg"])
        // Enter on the third opens its article at the quotation.
        h.press("j", "j", "enter")
        #expect(h.document.article.headlineText == "Gazette")
        #expect(h.state.view.selectedQuote == 0)

        // A quotation of its own has no echoes to list.
        try Self.open("Snow", &h)
        h.press("]")
        h.press("e")
        #expect(h.state.message?.text == "This quotation appears in no other article")
    }

    @Test func theMostEchoedQuotationsOfAPeriod() throws {
        let fixture = try Self.library()
        var h = Harness(library: fixture.library, size: Self.wide)
        h.press("E")
        #expect(h.text.contains("Most echoed · all · 2"))
        #expect(LibraryReaderTests.fit(Self.entries(h), [
            "3 articles · first 1 May 2024 · speakers disagree · Maria Lopez, Tom Berg",
            "2 articles · first 10 Jan 2023 · Jane Okafor",
        ]))
        #expect(h.state.message?.text == "Most echoed quotations: all (E again: last 7 days)")
        // Again: the week up to the last first appearance (1 May 2024) leaves out the dam.
        h.press("E")
        #expect(h.text.contains("Most echoed · last 7 days · 1"))
        #expect(Self.entries(h).count == 1)
        // Enter opens the first appearance at the quotation.
        h.press("enter")
        #expect(h.document.article.headlineText == "Port news")
        #expect(h.state.view.selectedQuote == 0)
    }

    @Test func theEchoesShowEachAppearancesLocalTimeOfPublicationInEightyColumns() throws {
        let fixture = try Self.library(catalog: """
            {"file": "2024-05-01_port.txt", "date": "2024-05-01", "published": "2024-05-01T23:30:00Z"}
            {"file": "2024-05-02_wire.txt", "date": "2024-05-02", "published": "2024-05-02T06:05:00Z"}

            """)
        var h = Harness(library: fixture.library, size: Size(width: 80, height: 24))
        h.state.timeZone = try #require(DisplayZone(identifier: "Asia/Tokyo"))
        try Self.open("Port news", &h)
        h.press("]")
        h.press("e")
        // Written late on the 1st in UTC, read on the morning of the 2nd in Tokyo; the third
        // article gave no time.
        #expect(Self.entries(h) == ["2 May 2024 08:30 · Port news", "2 May 2024 15:05 · Ferry terminal", "3 May 2024 · Gazette"],
                "\(h.paneLines(.library))")
        #expect(LibraryReaderTests.fit(Self.details(h), [
            "Maria Lopez: “\(Self.terminal),”", "Maria Lopez: “\(Self.terminal),”", "Tom Berg: “\(Self.terminal),”",
        ]))
    }

    /// The requests for the library's echo clusters among `effects`.
    static func clusterFetches(_ effects: [Effect]) -> Int {
        effects.filter { effect in
            if case .fetch(let request) = effect { return request.kind == .echoClusters }
            return false
        }.count
    }

    @Test func eachPeriodIsFilteredFromTheClustersAtHandAndTheIndexIsAskedOncePerGeneration() throws {
        let fixture = try Self.library()
        var h = Harness(library: fixture.library, size: Self.wide)
        h.press("E")
        #expect(Self.clusterFetches(h.effects) == 1)
        #expect(Self.entries(h).count == 2)
        // Every other period, and back to all: the clusters at hand, filtered.
        h.effects = []
        h.press("E")
        #expect(h.text.contains("Most echoed · last 7 days · 1"))
        h.press("E", "E")
        #expect(h.text.contains("Most echoed · last 365 days · 1"))
        h.press("E")
        #expect(h.text.contains("Most echoed · all · 2"))
        #expect(Self.clusterFetches(h.effects) == 0)

        // The index moves on (a third appearance of the dam quotation, and the snow one twice):
        // asked again once, and the period shown is filtered from the new answer.
        try fixture.write("2024-05-06_dam.txt", "Dam once more\n\n“The dam will be repaired before the rains come back,” said Jane Okafor.\n")
        try fixture.write("2024-05-07_snow.txt", "More snow\n\n“The roads will open again tomorrow morning at seven,” said Maria Lopez.\n")
        h.send(.indexing(try fixture.update()))
        #expect(Self.clusterFetches(h.effects) == 1)
        #expect(h.text.contains("Most echoed · all · 3"))
        h.press("E")
        #expect(h.text.contains("Most echoed · last 7 days · 2"))
        #expect(Self.clusterFetches(h.effects) == 1)
    }

    @Test func followedSpeakersShowTheirUnreadQuotationsAndReadingMarksThem() throws {
        let fixture = try Self.library()
        // Maria Lopez was followed after the port article: the wire and snow ones are new.
        let port = try #require(try fixture.index.quotations(followed: "Maria Lopez").first { $0.article.headline == "Port news" })
        var seen = FollowState()
        seen.markSeen([port], of: "Maria Lopez")
        var h = Harness(library: fixture.library, size: Self.wide,
                        follows: Follows(names: ["Maria Lopez", "Jane Okafor"], seen: seen))
        h.press("w")
        #expect(h.text.contains("Following · 2 speakers"))
        #expect(Self.entries(h) == ["Maria Lopez", "Jane Okafor"])
        // Jane Okafor was never looked at: what the library holds of her counts as seen.
        #expect(Self.details(h) == ["2 new · 3 quotations in the library", "0 new · 2 quotations in the library"])

        h.press("enter")
        #expect(h.text.contains("Maria Lopez · 2 new"))
        #expect(LibraryReaderTests.fit(Self.details(h), [
            "Maria Lopez: “\(Self.terminal),”", "Maria Lopez: “The roads will open again tomorrow morning at seven,”",
        ]))
        h.press("enter")
        #expect(h.document.article.headlineText == "Ferry terminal")
        #expect(h.state.view.selectedQuote == 0)
        #expect(h.state.follows.changed)
        #expect(h.state.follows.unread(try fixture.index.quotations(followed: "Maria Lopez"), of: "Maria Lopez").count == 1)

        // Esc goes back to the followed speakers, now with one unread.
        h.press("1", "esc")
        h.press("w")
        #expect(Self.details(h).first == "1 new · 3 quotations in the library")
    }

    @Test func theFollowedSpeakersCountsAreKeptWithTheirDataNotWorkedOutAsTheyAreDrawn() throws {
        let fixture = try Self.library()
        var h = Harness(library: fixture.library, size: Self.wide, follows: Follows(names: ["Maria Lopez", "Jane Okafor"]))
        h.press("w")
        // Never looked at: all counted as seen, once the index answered.
        #expect(h.state.library.followCounts == [
            "Maria Lopez": FollowCount(quotations: 3, unread: 0), "Jane Okafor": FollowCount(quotations: 2, unread: 0),
        ])
        // The index moves on with a new quotation of each: counted again from the new answer.
        try fixture.write("2024-05-08_rain.txt", "Rain\n\n“The harbour will stay closed until the wind drops,” said Maria Lopez.\n")
        try fixture.write("2024-05-09_dam.txt", "Dam news\n\n“The dam is now safe for the whole valley downstream,” said Jane Okafor.\n")
        h.send(.indexing(try fixture.update()))
        #expect(h.state.library.followCounts["Maria Lopez"] == FollowCount(quotations: 4, unread: 1))
        #expect(Self.details(h) == ["1 new · 4 quotations in the library", "1 new · 3 quotations in the library"])
        // Reading one from the speaker's list counts again: the list keeps it, without its mark.
        h.press("j", "enter")
        #expect(h.paneLines(.library).first?.trimmingSpaces.hasPrefix("•") == true)
        let entry = try #require(h.state.library.unread.first)
        h.press("enter")
        #expect(h.document.article.headlineText == "Dam news")
        #expect(h.state.library.followCounts["Jane Okafor"] == FollowCount(quotations: 3, unread: 0))
        #expect(h.state.library.followCounts["Maria Lopez"] == FollowCount(quotations: 4, unread: 1))
        #expect(!h.state.follows.isUnread(key: entry.key, of: "Jane Okafor"))
        h.press("1", "esc")
        h.press("w")
        #expect(Self.details(h) == ["1 new · 4 quotations in the library", "0 new · 3 quotations in the library"])
    }
}
