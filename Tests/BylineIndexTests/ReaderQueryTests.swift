import Foundation
import Testing

@testable import BylineCore
@testable import BylineIndex

/// The queries the reader adds: pages of the library with positions, an article's speakers'
/// library speakers, timeline windows, and analyses stored without a file.
@Suite struct ReaderQueryTests {
    let library: TemporaryLibrary
    let index: LibraryIndex

    init() throws {
        (library, index) = try IndexedFixtures.make()
    }

    private func name(_ article: LibraryArticle) -> String { (article.path as NSString).lastPathComponent }

    @Test func aPageOfTheLibraryWithTheCountAndPositions() throws {
        let all = try index.articles(order: .path)
        #expect(all.count == 5)
        let page = try index.libraryPage(limit: 2, offset: 1, positionsOf: [all[4].id, all[0].id, 999])
        #expect(page.count == 5)
        #expect(page.offset == 1)
        #expect(page.articles == Array(all[1...2]), "the same order as articles(order: .path)")
        #expect(page.positions == [all[4].id: 4, all[0].id: 0], "an unknown article has no position")
        let beyond = try index.libraryPage(limit: 10, offset: 4)
        #expect(beyond.articles.map(name) == ["daalder-alone.txt"])
        // A new file sorting first moves every position by one.
        try library.write("2011-01-01_first.txt", Articles.bidenAlone)
        try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        let moved = try index.libraryPage(limit: 1, offset: 0, positionsOf: [all[4].id])
        #expect(moved.count == 6 && moved.positions[all[4].id] == 5)
        #expect(moved.articles.map(name) == ["2011-01-01_first.txt"])
    }

    @Test func theLibrarySpeakersOfAnArticlesSpeakers() throws {
        let daalder = try #require(try index.speakers(matching: "Ivo Daalder").first)
        for appearance in try index.appearances(of: daalder.id) {
            let analysis = try #require(try index.analyzedArticle(id: appearance.article.id))
            let persons = try index.speakerPersons(article: appearance.article.id)
            let ordinal = try #require(analysis.speakers.first { $0.name == appearance.name }?.id)
            #expect(persons[ordinal] == daalder.id)
        }
    }

    @Test func theTimelineInWindowsWithItsCount() throws {
        let all = try index.timeline()
        #expect(try index.timelineCount() == all.count)
        #expect(all.count >= 4)
        let window = try index.timeline(limit: 2, offset: 1)
        #expect(window == Array(all[1...2]))
        let daalder = try #require(try index.speakers(matching: "Ivo Daalder").first)
        let his = try index.timeline(speaker: daalder.id)
        #expect(try index.timelineCount(speaker: daalder.id) == his.count)
        #expect(!his.isEmpty && his.allSatisfy { $0.speakerID == daalder.id })
    }

    @Test func analysesStoredWithoutAFileReadBackAsTheyWere() throws {
        let memory = LibraryIndex.inMemory()
        let before = try memory.generation()
        let first = FixtureAnalysis.analyze(Article(text: Articles.daalderNov, source: "seeds/one.txt",
                                                    date: CivilDate(year: 2011, month: 11, day: 15)))
        let second = FixtureAnalysis.analyze(Article(text: Articles.daalderDec, source: "seeds/two.txt",
                                                     date: CivilDate(year: 2011, month: 12, day: 2)))
        try memory.store([first, second])
        #expect(try memory.generation() > before)
        let stored = try memory.articles()
        #expect(stored.map(\.path) == ["seeds/one.txt", "seeds/two.txt"])
        let read = try #require(try memory.analyzedArticle(id: stored[0].id))
        #expect(read.article.text == first.article.text)
        #expect(read.quotes == first.quotes)
        #expect(read.speakers == first.speakers)
        #expect(read.timeExpressions == first.timeExpressions)
        #expect(read.timeline == first.timeline)
        // Speakers are merged across the stored articles.
        let daalder = try #require(try memory.speakers(matching: "Ivo Daalder").first)
        #expect(daalder.articleCount == 2 && daalder.quoteCount == 4)
        // Storing under the same name replaces.
        try memory.store([first])
        #expect(try memory.articles().count == 2)
        #expect(try memory.speakers(matching: "Ivo Daalder").first?.quoteCount == 4)
    }
}
