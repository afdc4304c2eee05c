import Foundation
import Testing

@testable import BylineCore
@testable import BylineIndex

@Suite struct QueryTests {
    let library: TemporaryLibrary
    let index: LibraryIndex

    init() throws {
        (library, index) = try IndexedFixtures.make()
    }

    private func name(_ article: LibraryArticle) -> String { (article.path as NSString).lastPathComponent }

    @Test func aSpeakersQuotationsComeByArticleDateThenPosition() throws {
        let daalder = try #require(try index.speakers(matching: "daalder").first)
        let quotes = try index.quotations(of: daalder.id)
        #expect(quotes.map { name($0.article) } == [
            "2011-11-15_daalder.txt", "2011-11-15_daalder.txt", "2011-12-02_daalder.txt", "2011-12-02_daalder.txt",
            "daalder-alone.txt",
        ])
        #expect(quotes.map(\.ordinal) == [0, 1, 0, 1, 0])
        #expect(quotes.map(\.text) == [
            "Talks are open,", "We meet again on 2011-11-20,", "We are running out of time,", "The deadline is 2011-12-31,",
            "The alliance holds,",
        ])
        // The name each article used, and the merged speaker.
        #expect(quotes.map(\.speakerName) == ["Ivo Daalder", "Ivo Daalder", "Ivo Daalder", "Ivo Daalder", "Daalder"])
        #expect(Set(quotes.map(\.speakerID)) == [daalder.id])
        #expect(quotes[1].speakerMentionText == "Daalder")
    }

    @Test func theSpeakerPickerListsMostQuotedFirstAndNarrowsByPrefix() throws {
        let all = try index.speakers()
        #expect(all.first?.name == "Ivo Daalder")
        #expect(all.map(\.quoteCount) == all.map(\.quoteCount).sorted(by: >))
        #expect(all.contains { $0.kind == .anonymous && $0.name == "senior administration official" })
        #expect(all.contains { $0.kind == .organization && $0.name == "NATO" })
        #expect(try index.speakers(matching: "iv daa", prefix: true).map(\.name) == ["Ivo Daalder"])
        #expect(try index.speakers(matching: "iv daa").isEmpty, "whole words unless typing")
        #expect(try index.speakers(matching: "U.S. Ambassador to NATO").map(\.name) == ["Ivo Daalder"])
    }

    @Test func theArticlesASpeakerAppearsIn() throws {
        let daalder = try #require(try index.speakers(matching: "Ivo Daalder").first)
        let appearances = try index.appearances(of: daalder.id)
        #expect(appearances.map { name($0.article) } == ["2011-11-15_daalder.txt", "2011-12-02_daalder.txt", "daalder-alone.txt"])
        #expect(appearances.map(\.name) == ["Ivo Daalder", "Ivo Daalder", "Daalder"])
        #expect(appearances.map(\.mentions.count) == [2, 2, 1])
    }

    @Test func theLibraryTimelineIsOneChronologicalOrder() throws {
        let timeline = try index.timeline()
        #expect(timeline.map(\.value) == ["2011-11-20", "2011-11-30", "2011-12-01", "2011-12-31", "2012-01-15"])
        #expect(timeline.map { name($0.article) } == [
            "2011-11-15_daalder.txt", "2011-12-01_nato.txt", "2011-12-05_biden.txt", "2011-12-02_daalder.txt",
            "2011-12-02_daalder.txt",
        ])
        #expect(timeline[0].speakerName == "Ivo Daalder")
        #expect(timeline[4].speakerName == "senior administration official")
        let article = try #require(try index.analyzedArticle(id: timeline[0].article.id))
        #expect(article.article.string(timeline[0].span) == "2011-11-20")
        #expect(article.article.string(timeline[0].sentenceSpan).hasPrefix("“We meet again"))

        let daalder = try #require(try index.speakers(matching: "Ivo Daalder").first)
        #expect(try index.timeline(speaker: daalder.id).map(\.value) == ["2011-11-20", "2011-12-31"])
        #expect(try index.timeline(from: CivilDate(year: 2011, month: 12, day: 1), through: CivilDate(year: 2011, month: 12, day: 31))
            .map(\.value) == ["2011-12-01", "2011-12-31"])
    }

    @Test func theLibraryPaneListsEveryArticleWithItsQuotationCount() throws {
        let byDate = try index.articles(order: .date)
        #expect(byDate.map(name) == [
            "2011-11-15_daalder.txt", "2011-12-01_nato.txt", "2011-12-02_daalder.txt", "2011-12-05_biden.txt", "daalder-alone.txt",
        ])
        #expect(byDate.map(\.quoteCount) == [2, 1, 3, 1, 1])
        #expect(byDate[0].headline == "NATO talks open")
        #expect(byDate.last?.date == nil)
    }

    @Test func searchRanksHeadlineAndFrequentMatchesFirstWithSnippets() throws {
        try library.write("2011-12-10_once.txt", "Other news\n\nA report mentions troops once, in passing, among many other things.")
        try library.write("2011-12-11_often.txt", "Other news\n\nTroops here, troops there: troops everywhere, said the report.")
        try library.write("2011-12-12_headline.txt", "Troops come home\n\nThe soldiers landed on Friday.")
        try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())

        let results = try index.search("troops")
        #expect(results.articles.map { name($0.article) } == ["2011-12-12_headline.txt", "2011-12-11_often.txt", "2011-12-10_once.txt"])
        #expect(results.articleMatches == 3)
        #expect(results.articles.map(\.score) == results.articles.map(\.score).sorted(by: >))
        let snippet = results.articles[1].snippet
        #expect(snippet.segments.filter(\.isMatch).map { $0.text.lowercased() } == ["troops", "troops", "troops"])
        #expect(snippet.plainText.contains("Troops here, troops there"))
    }

    @Test func searchFindsQuotationsPhrasesAndPrefixesAndTakesAnyInputLiterally() throws {
        let quotes = try index.search("\"running out\"", scope: .quotations)
        #expect(quotes.quotations.map(\.quotation.text) == ["We are running out of time,"])
        #expect(quotes.quotations.first?.quotation.speakerName == "Ivo Daalder")
        #expect(quotes.articles.isEmpty)

        #expect(try index.search("alli*").articleMatches == 2)
        #expect(try index.search("alliance OR deadline").articleMatches == 3)
        #expect(try index.search("U.S.").articleMatches == 1)
        // FTS5 syntax and stray punctuation are words, never errors.
        for input in ["(", "\"unclosed", "NEAR(a b)", "a:b", "*", "-", "AND OR NOT", "“curly”"] {
            _ = try index.search(input)
        }
        #expect(try index.search("  ").expression == nil)
    }

    @Test func searchMatchesPointAtTheWordsInTheArticle() throws {
        let hit = try #require(try index.search("deadline").articles.first)
        let spans = try index.searchMatches("deadline", inArticle: hit.article.id)
        let article = try #require(try index.analyzedArticle(id: hit.article.id))
        #expect(spans.map { article.article.string($0) } == ["deadline"])
    }
}

/// The inner source of a nested attribution (`Quote.via`) is stored ("v6-quote-via") and read
/// back both as the article's analysis and by the quotation queries.
@Suite struct QuoteViaIndexTests {
    @Test func theInnerSourceIsStoredAndReadBack() throws {
        let library = try TemporaryLibrary()
        try library.write("2024-03-02_ferry.txt", """
            Ferry delays

            According to the Harbour Ledger, Mara Quist said the ferry was "too slow to save anyone."

            "We will add a boat," said Tomas Reyl.
            """)
        let index = LibraryIndex.inMemory()
        try index.update(paths: [library.articles.path], analysis: .standard)
        let article = try #require(try index.articles().first)
        let analyzed = try #require(try index.analyzedArticle(id: article.id))
        #expect(analyzed.quotes.map(\.via) == ["Mara Quist", nil])
        let fresh = Analyzer.analyze(analyzed.article)
        #expect(analyzed.quotes == fresh.quotes)
        let ledger = try #require(try index.speakers(matching: "Harbour Ledger").first)
        #expect(try index.quotations(of: ledger.id).map(\.via) == ["Mara Quist"])
        let reyl = try #require(try index.speakers(matching: "Tomas Reyl").first)
        #expect(try index.quotations(of: reyl.id).map(\.via) == [nil])
    }

    /// Where the speaker ranker overrode the rules, the quotation keeps the rule's name as its
    /// attribution rule and the ranker's note apart ("v8-quote-ranking"), in the index as in a
    /// fresh analysis.
    @Test func theRankersNoteIsKeptApartFromTheRuleName() throws {
        let library = try TemporaryLibrary()
        try library.write("2024-03-04_council.txt", """
            Council night

            The Harbour Council, after a long night, "the ferry stays."
            """)
        let index = LibraryIndex.inMemory()
        try index.update(paths: [library.articles.path], analysis: .standard)
        let article = try #require(try index.articles().first)
        let analyzed = try #require(try index.analyzedArticle(id: article.id))
        let quote = try #require(analyzed.quotes.first)
        #expect(quote.attributionRule == "sentence-subject")
        #expect(quote.attributionRanking?.hasPrefix("ranked over none by ") == true)
        #expect(analyzed.quotes == Analyzer.analyze(analyzed.article).quotes)
        let council = try #require(try index.speakers(matching: "Harbour Council").first)
        let stored = try index.quotations(of: council.id)
        #expect(stored.map(\.attributionRule) == ["sentence-subject"])
        #expect(stored.map(\.attributionRanking) == [quote.attributionRanking])
    }

    @Test func theMigrationComesAfterTheEchoes() throws {
        let migrations = IndexSchema.migrator.migrations
        #expect(migrations == ["v1", "v2-timeline-order", "v3-sources", "v5-echoes", "v6-quote-via", "v7-published", "v8-quote-ranking"])
    }
}
