import Foundation
import Testing

@testable import BylineCore
@testable import BylineIndex

@Suite struct IndexUpdateTests {
    let library: TemporaryLibrary
    let log = FixtureAnalysis.Log()

    init() throws {
        library = try TemporaryLibrary()
        try library.write("2011-11-15_daalder.txt", Articles.daalderNov)
        try library.write("2011-12-02_daalder.txt", Articles.daalderDec)
        try library.write("notes/daalder-alone.txt", Articles.daalderAlone)
    }

    @discardableResult
    private func update(_ index: LibraryIndex, version: String = "fixture-1") throws -> IndexUpdateSummary {
        try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis(version: version, log: log))
    }

    @Test func anUnchangedLibraryIsReadFromTheCacheAndNothingIsAnalysed() throws {
        let first = try update(LibraryIndex.open(at: library.indexPath))
        #expect(first.analyzed == 3)
        #expect(log.take() == ["2011-11-15_daalder.txt", "2011-12-02_daalder.txt", "daalder-alone.txt"])

        // A new process would open the file afresh: do the same.
        let reopened = LibraryIndex.open(at: library.indexPath)
        #expect(reopened.notices.isEmpty)
        #expect(reopened.storage == .file(library.indexPath))
        let generation = try reopened.generation()
        let second = try update(reopened)
        #expect(try reopened.generation() == generation, "nothing was written")
        #expect(second.analyzed == 0)
        #expect(second.unchanged == 3)
        #expect(log.take() == [])
        #expect(try reopened.articles().count == 3)
    }

    @Test func anEditedAnAddedAndARemovedFileAreTheOnlyOnesAnalysedAgain() throws {
        let index = LibraryIndex.open(at: library.indexPath)
        try update(index)
        _ = log.take()

        try library.write("2011-12-02_daalder.txt", Articles.daalderDec.replacingOccurrences(of: "running out of time", with: "out of time"))
        try library.write("2011-12-05_biden.txt", Articles.joeBiden)
        try library.remove("notes/daalder-alone.txt")

        let summary = try update(index)
        #expect(log.take() == ["2011-12-02_daalder.txt", "2011-12-05_biden.txt"])
        #expect(summary.analyzed == 2)
        #expect(summary.removed == 1)
        #expect(summary.unchanged == 1)
        let paths = try index.articles().map { ($0.path as NSString).lastPathComponent }
        #expect(paths == ["2011-11-15_daalder.txt", "2011-12-02_daalder.txt", "2011-12-05_biden.txt"])
        // The edit reached the search index, and the old text left it.
        #expect(try index.search("\"out of time\"").quotations.count == 1)
        #expect(try index.search("running").articleMatches == 0)
    }

    @Test func aTouchedFileWithTheSameContentIsNotAnalysedAgain() throws {
        let index = LibraryIndex.open(at: library.indexPath)
        try update(index)
        _ = log.take()
        try library.touch("2011-11-15_daalder.txt", modified: Date(timeIntervalSince1970: 1_700_000_000))

        let summary = try update(index)
        #expect(log.take() == [])
        #expect(summary.sameContent == 1)
        // The new stamp was stored: the next update does not even read the file.
        let next = try update(index)
        #expect(next.sameContent == 0 && next.unchanged == 3)
    }

    @Test func aCatalogThatChangesAnArticlesDateMakesItAnalysedAgain() throws {
        let index = LibraryIndex.open(at: library.indexPath)
        try update(index)
        _ = log.take()
        #expect(try index.article(path: library.articles.appendingPathComponent("notes/daalder-alone.txt").path)?.date == nil)

        try Data(#"{"file": "daalder-alone.txt", "date": "2011-10-01"}"#.utf8)
            .write(to: library.articles.appendingPathComponent("notes/index.jsonl"))
        try update(index)
        #expect(log.take() == ["daalder-alone.txt"])
        let article = try index.article(path: library.articles.appendingPathComponent("notes/daalder-alone.txt").path)
        #expect(article?.date == CivilDate(year: 2011, month: 10, day: 1))
    }

    @Test func aNewAnalysisVersionDiscardsTheOldAnalysis() throws {
        let index = LibraryIndex.open(at: library.indexPath)
        try update(index)
        _ = log.take()
        let summary = try update(index, version: "fixture-2")
        #expect(summary.discardedOldAnalysis)
        #expect(log.take().count == 3)
        #expect(try index.counts().articles == 3)
    }

    @Test func anArticlesAnalysisComesBackExactlyAsStored() throws {
        let index = LibraryIndex.open(at: library.indexPath)
        try update(index)
        let path = library.articles.appendingPathComponent("2011-12-02_daalder.txt").path
        let stored = try #require(try index.article(path: path))
        let loaded = try #require(try index.analyzedArticle(id: stored.id))
        let original = FixtureAnalysis.analyze(try ArticleReader.read(path: path))
        #expect(loaded.article.text == original.article.text)
        #expect(loaded.article.source == path)
        #expect(loaded.article.date == CivilDate(year: 2011, month: 12, day: 2))
        #expect(loaded.quotes == original.quotes)
        #expect(loaded.speakers == original.speakers)
        #expect(loaded.timeExpressions == original.timeExpressions)
        #expect(loaded.timeline == original.timeline)
        #expect(loaded.quotes.count == 3)
        #expect(stored.quoteCount == 3)
    }

    @Test func aSpeakerIsMergedAcrossArticlesAndSplitWhenANewArticleMakesHisNameAmbiguous() throws {
        try library.write("2011-12-05_joe-biden.txt", Articles.joeBiden)
        try library.write("2011-12-06_biden.txt", Articles.bidenAlone)
        let index = LibraryIndex.open(at: library.indexPath)
        try update(index)

        let daalder = try #require(try index.speakers(matching: "Ivo Daalder").first)
        #expect(daalder.articleCount == 3)
        #expect(daalder.quoteCount == 5)
        #expect(daalder.aliases == ["Daalder"])
        #expect(daalder.description == "U.S. Ambassador to NATO")
        // `Biden` alone joins Joe Biden while he is the only Biden.
        let joe = try #require(try index.speakers(matching: "Joe Biden").first)
        #expect(joe.quoteCount == 2)

        try library.write("2011-12-07_hunter.txt", Articles.hunterBiden)
        try update(index)
        let joeAfter = try #require(try index.speaker(id: joe.id))
        #expect(joeAfter.quoteCount == 1, "Biden alone no longer names one person")
        let bidens = try index.speakers(matching: "Biden").map(\.name).sorted()
        #expect(bidens == ["Biden", "Hunter Biden", "Joe Biden"])
        // Ivo Daalder kept his id through both updates.
        #expect(try index.speaker(id: daalder.id)?.name == "Ivo Daalder")
    }

    @Test func aSpeakerWhoseGroupIsReplacedKeepsAllHisQuotationsAndOldIdsAreNotReused() throws {
        try library.remove("2011-11-15_daalder.txt")
        try library.remove("2011-12-02_daalder.txt")
        let index = LibraryIndex.open(at: library.indexPath)
        try update(index)
        let alone = try #require(try index.speakers(matching: "Daalder").first)
        #expect(alone.name == "Daalder")

        // Now `Daalder` joins Ivo Daalder: his group replaces the one of `Daalder` alone.
        try library.write("2011-11-15_daalder.txt", Articles.daalderNov)
        try update(index)
        let merged = try index.speakers(matching: "Daalder")
        #expect(merged.map(\.name) == ["Ivo Daalder"])
        #expect(merged.first?.id != alone.id)
        #expect(try index.speaker(id: alone.id) == nil)
        #expect(try index.quotations(of: try #require(merged.first).id).count == 3)
    }

    @Test func anEditedLastArticleUpdatesItsSpeakersLibraryCounts() throws {
        // The edited article was written last, so SQLite gives its new speaker rows the ids the
        // old ones had: the same members, but not the same counts.
        let index = LibraryIndex.open(at: library.indexPath)
        try update(index)
        let before = try #require(try index.speakers(matching: "Ivo Daalder").first)
        #expect(before.quoteCount == 5)
        try library.write("notes/daalder-alone.txt", Articles.daalderAlone + "\n\n“It will hold for years,” said Daalder.")
        try update(index)
        let after = try #require(try index.speakers(matching: "Ivo Daalder").first)
        #expect(after.id == before.id)
        #expect(after.quoteCount == 6)
        #expect(try index.quotations(of: after.id).count == 6)
    }

    @Test func removingASpeakersLastArticleRemovesTheSpeaker() throws {
        try library.write("2011-12-05_joe-biden.txt", Articles.joeBiden)
        let index = LibraryIndex.open(at: library.indexPath)
        try update(index)
        #expect(try index.speakers(matching: "Biden").count == 1)
        try library.remove("2011-12-05_joe-biden.txt")
        try update(index)
        #expect(try index.speakers(matching: "Biden").isEmpty)
        #expect(try index.search("word").articlesWithMatchingQuotations == 0)
    }

    @Test func anIndexWithoutPathsUpdatesTheLibraryItWasLastGiven() throws {
        let index = LibraryIndex.open(at: library.indexPath)
        #expect(throws: LibraryIndexError.self) { try index.update(paths: nil, analysis: FixtureAnalysis.analysis()) }
        try update(index)
        try library.write("2011-12-05_biden.txt", Articles.joeBiden)
        let summary = try index.update(paths: nil, analysis: FixtureAnalysis.analysis(log: log))
        #expect(summary.analyzed == 1)
        #expect(try index.libraryPaths() == [library.articles.path])
    }

    @Test func aMissingPathChangesNothing() throws {
        let index = LibraryIndex.open(at: library.indexPath)
        try update(index)
        let missing = library.root.appendingPathComponent("nowhere").path
        let error = #expect(throws: LibraryIndexError.self) {
            try index.update(paths: [missing], analysis: FixtureAnalysis.analysis())
        }
        #expect(error?.description == "\(missing): no such file or folder")
        #expect(try index.counts().articles == 3)
    }

    @Test func anUnreadableFileInsideAFolderIsReportedAndLeftOut() throws {
        try Data([0x41, 0x00, 0x42]).write(to: library.articles.appendingPathComponent("binary.txt"))
        let index = LibraryIndex.open(at: library.indexPath)
        let summary = try update(index)
        #expect(summary.failures.map(\.path) == [library.articles.appendingPathComponent("binary.txt").path])
        #expect(summary.failures.first?.explicit == false)
        #expect(try index.counts().articles == 3)
    }

    @Test func theUpdateReportsProgressAndCanRunInTheBackground() throws {
        for n in 0..<80 {
            try library.write("bulk/2011-10-\(String(format: "%02d", n % 28 + 1))_bulk\(n).txt",
                              "Bulk \(n)\n\n“Item \(n) is here,” said Ivo Daalder.")
        }
        let index = LibraryIndex.open(at: library.indexPath)
        let task = index.startUpdate(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        let summary = try task.wait().get()
        #expect(summary.analyzed == 83)
        let progress = task.progress
        #expect(progress.phase == .finished)
        #expect(progress.analyzed == 83 && progress.toAnalyze == 83)
        #expect(progress.generation == (try index.generation()))
        #expect(try index.speakers(matching: "Daalder").first?.quoteCount == 85)
    }

    @Test func aCancelledUpdateKeepsWhatItCommittedAndTheNextOneFinishes() throws {
        for n in 0..<200 {
            try library.write("bulk/bulk\(n).txt", "Bulk \(n)\n\n“Item \(n),” said Ivo Daalder.")
        }
        let index = LibraryIndex.open(at: library.indexPath)
        let cancellation = IndexCancellation()
        #expect(throws: LibraryIndexError.self) {
            try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis(),
                             cancellation: cancellation) { progress in
                if progress.phase == .analyzing { cancellation.cancel() }
            }
        }
        let committed = try index.counts().articles
        #expect(committed > 0 && committed < 203)
        let summary = try update(index)
        #expect(summary.analyzed == 203 - committed)
        #expect(try index.speakers(matching: "Daalder").first?.quoteCount == 205)
    }
}
