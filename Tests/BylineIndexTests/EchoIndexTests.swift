import Foundation
import GRDB
import Testing

@testable import BylineCore
@testable import BylineIndex

/// Invented quotations for the echo tests, in the fixture analysis's form (`“…,” said NAME.`).
enum EchoArticles {
    static let terminal = "The new ferry terminal will open in the spring and serve every island in the bay"

    static func article(_ headline: String, _ quote: String, by speaker: String?, after: String = "The board met again.") -> String {
        let attribution = speaker.map { " said \($0)." } ?? " The board did not say who wrote it."
        return "\(headline)\n\n\u{201C}\(quote),\u{201D}\(attribution) \(after)\n"
    }
}

@Suite struct EchoIndexTests {
    /// The library `files` (name and text) indexed in memory with the fixture analysis.
    private func indexed(_ files: [(String, String)]) throws -> (TemporaryLibrary, LibraryIndex) {
        let library = try TemporaryLibrary()
        for (name, text) in files { try library.write(name, text) }
        let index = LibraryIndex.inMemory()
        try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        return (library, index)
    }

    private func name(_ q: LibraryQuotation) -> String { (q.article.path as NSString).lastPathComponent }

    /// Each cluster as the sorted names of its articles.
    private func shapes(_ clusters: [EchoCluster]) -> Set<[String]> {
        Set(clusters.map { $0.quotations.map(name).sorted() })
    }

    @Test func anExactReprintIsOneClusterFirstSeenInTheEarliestArticle() throws {
        let (_, index) = try indexed([
            ("2024-05-02_wire.txt", EchoArticles.article("Ferry terminal to open", EchoArticles.terminal, by: "Maria Lopez")),
            ("2024-05-01_port.txt", EchoArticles.article("Port news", EchoArticles.terminal, by: "Maria Lopez",
                                                          after: "Work starts in March.")),
            ("2024-05-03_other.txt", EchoArticles.article("Dam repairs", "The dam will be repaired before the rains come back", by: "Jane Okafor")),
        ])
        let clusters = try index.echoClusters()
        #expect(clusters.count == 1)
        let cluster = try #require(clusters.first)
        #expect(cluster.quotations.map(name) == ["2024-05-01_port.txt", "2024-05-02_wire.txt"])
        #expect(cluster.first.article.date == CivilDate(year: 2024, month: 5, day: 1))
        #expect(cluster.text == EchoArticles.terminal + ",")
        #expect(cluster.speakers.map(\.name) == ["Maria Lopez"])
        #expect(!cluster.disagree)
        #expect(cluster.articleCount == 2)

        // From either quotation, the same cluster; an unrelated quotation has none.
        let wire = cluster.quotations[1]
        #expect(try index.echoes(article: wire.article.id, ordinal: wire.ordinal)?.id == cluster.id)
        let other = try #require(try index.articles().first { $0.path.hasSuffix("other.txt") })
        #expect(try index.echoes(article: other.id, ordinal: 0) == nil)
        #expect(try index.echoSummaries(article: other.id).isEmpty)
        #expect(try index.echoSummaries(article: wire.article.id)
            == [0: EchoSummary(cluster: cluster.id, otherArticles: 1, disagree: false)])
    }

    @Test func aFragmentEchoesTheWholeQuotationAndNameVariantsAreOneSpeaker() throws {
        let (_, index) = try indexed([
            ("2024-05-01_port.txt", EchoArticles.article("Port news", EchoArticles.terminal, by: "Maria Lopez")),
            ("2024-05-04_column.txt", EchoArticles.article("A column", "serve every island in the bay", by: "Lopez")),
        ])
        let cluster = try #require(try index.echoClusters().first)
        #expect(cluster.quotations.map(\.text) == [EchoArticles.terminal + ",", "serve every island in the bay,"])
        #expect(cluster.text == EchoArticles.terminal + ",", "the longest form")
        #expect(cluster.quotations.map(\.speakerName) == ["Maria Lopez", "Lopez"])
        #expect(cluster.speakers.map(\.name) == ["Maria Lopez"])
        #expect(!cluster.disagree)
    }

    @Test func anElidedQuotationAndABracketedInsertionEchoTheWhole() throws {
        let (_, index) = try indexed([
            ("2024-05-01_port.txt", EchoArticles.article("Port news", EchoArticles.terminal, by: "Maria Lopez")),
            ("2024-05-05_digest.txt", EchoArticles.article("Digest", "The new ferry terminal will open … every island in the bay",
                                                            by: "Maria Lopez")),
            ("2024-05-06_radio.txt", EchoArticles.article("Radio", "[The harbour board] will open in the spring and serve every island",
                                                           by: "Maria Lopez")),
        ])
        let clusters = try index.echoClusters()
        #expect(shapes(clusters) == [["2024-05-01_port.txt", "2024-05-05_digest.txt", "2024-05-06_radio.txt"]])
        #expect(clusters.first?.articleCount == 3)
        #expect(try index.echoClusters(minimumArticles: 4).isEmpty)
    }

    /// "We will not back down" in two unrelated stories: they share a phrase, not all their
    /// words, so they are no echo; a whole quotation of that phrase alone is five words, too
    /// short to echo; one of six words that lies whole in another is an echo.
    @Test func aSharedPhraseIsNoEcho() throws {
        let (_, index) = try indexed([
            ("2024-06-01_strike.txt", EchoArticles.article("Strike goes on", "We will not back down from the fight for fair wages at the plant",
                                                            by: "Rosa Diaz")),
            ("2024-06-02_dam.txt", EchoArticles.article("Valley waits", "We will not back down until the dam is repaired and the valley is safe",
                                                         by: "Jane Okafor")),
            ("2024-06-03_rally.txt", EchoArticles.article("Rally", "We will not back down", by: "Sam Reed")),
        ])
        #expect(try index.echoClusters().isEmpty)

        let (_, six) = try indexed([
            ("2024-06-01_strike.txt", EchoArticles.article("Strike goes on", "We will not back down now, whatever the plant says",
                                                            by: "Rosa Diaz")),
            ("2024-06-03_rally.txt", EchoArticles.article("Rally", "We will not back down now", by: "Rosa Diaz")),
        ])
        #expect(try six.echoClusters().count == 1)
    }

    @Test func theSameWordsGivenToTwoPeopleAreFlagged() throws {
        let (_, index) = try indexed([
            ("2024-05-01_port.txt", EchoArticles.article("Port news", EchoArticles.terminal, by: "Maria Lopez")),
            ("2024-05-02_gazette.txt", EchoArticles.article("Gazette", EchoArticles.terminal, by: "Tom Berg")),
            // Agreeing: a named speaker, an anonymous one and an unattributed quotation.
            ("2024-05-03_dam.txt", EchoArticles.article("Dam", "The dam will be repaired before the rains come back", by: "Jane Okafor")),
            ("2024-05-04_dam.txt", EchoArticles.article("Dam again", "The dam will be repaired before the rains come back",
                                                         by: "a council engineer")),
            ("2024-05-05_dam.txt", EchoArticles.article("Dam notes", "The dam will be repaired before the rains come back", by: nil)),
        ])
        let clusters = try index.echoClusters()
        #expect(clusters.count == 2)
        let ferry = try #require(clusters.first { $0.text.hasPrefix("The new ferry") })
        #expect(ferry.disagree)
        #expect(ferry.speakers.map(\.name) == ["Maria Lopez", "Tom Berg"])
        let dam = try #require(clusters.first { $0.text.hasPrefix("The dam") })
        #expect(!dam.disagree, "anonymous and unattributed quotations name nobody")
        #expect(dam.quotations.map(\.speakerName) == ["Jane Okafor", "council engineer", nil])
        #expect(try index.echoClusters(disagreeing: true).map(\.id) == [ferry.id])
        // The most echoed first.
        #expect(clusters.map(\.articleCount) == [3, 2])
        #expect(try index.echoClusters(from: CivilDate(year: 2024, month: 5, day: 2)).map(\.id) == [dam.id])
    }

    @Test func clustersFollowUpdatesAndSplitWhenTheirLinkGoes() throws {
        let library = try TemporaryLibrary()
        let index = LibraryIndex.inMemory()
        func update() throws { try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis()) }
        // Two fragments that share no words, each inside the whole.
        try library.write("2024-05-02_first-half.txt", EchoArticles.article("Half", "The new ferry terminal will open in the spring", by: "Maria Lopez"))
        try library.write("2024-05-03_second-half.txt", EchoArticles.article("Half", "serve every island in the bay", by: "Maria Lopez"))
        try update()
        #expect(try index.echoClusters().isEmpty)

        try library.write("2024-05-01_port.txt", EchoArticles.article("Port news", EchoArticles.terminal, by: "Maria Lopez"))
        try update()
        #expect(shapes(try index.echoClusters()) == [["2024-05-01_port.txt", "2024-05-02_first-half.txt", "2024-05-03_second-half.txt"]])

        // An edit that changes the whole quotation leaves the fragments apart.
        try library.write("2024-05-01_port.txt", EchoArticles.article("Port news", "The terminal will not open this year after all", by: "Maria Lopez"))
        try update()
        #expect(try index.echoClusters().isEmpty)

        try library.write("2024-05-04_reprint.txt", EchoArticles.article("Reprint", "serve every island in the bay", by: "Maria Lopez"))
        try library.write("2024-05-01_port.txt", EchoArticles.article("Port news", EchoArticles.terminal, by: "Maria Lopez"))
        try update()
        #expect(shapes(try index.echoClusters()) == [[
            "2024-05-01_port.txt", "2024-05-02_first-half.txt", "2024-05-03_second-half.txt", "2024-05-04_reprint.txt",
        ]])
        // The whole goes: the second half and its reprint still echo each other.
        try library.remove("2024-05-01_port.txt")
        try update()
        #expect(shapes(try index.echoClusters()) == [["2024-05-03_second-half.txt", "2024-05-04_reprint.txt"]])
    }

    /// Whatever the order of additions, edits and removals, the clusters an index keeps are the
    /// ones a new index finds in the same files.
    @Test func incrementalClustersEqualAFreshBuild() throws {
        let forms = [
            EchoArticles.terminal, "The new ferry terminal will open in the spring", "serve every island in the bay",
            "The new ferry terminal will open … every island in the bay", "The dam will be repaired before the rains come back",
            "the dam will be repaired before the rains", "We will not back down now, whatever the plant says",
            "We will not back down now", "An unrelated remark about the weather on the coast today",
        ]
        let speakers = ["Maria Lopez", "Tom Berg", "Lopez", nil]
        var random = SeededRandom(seed: 12)
        let library = try TemporaryLibrary()
        let index = LibraryIndex.inMemory()
        var present = Set<Int>()
        for step in 0..<40 {
            for _ in 0..<3 {
                let slot = random.below(10)
                if present.contains(slot), random.below(3) == 0 {
                    try library.remove("2024-07-\(String(format: "%02d", slot + 1))_story-\(slot).txt")
                    present.remove(slot)
                } else {
                    let text = EchoArticles.article("Story \(slot) at step \(step)", forms[random.below(forms.count)],
                                                    by: speakers[random.below(speakers.count)])
                    try library.write("2024-07-\(String(format: "%02d", slot + 1))_story-\(slot).txt", text)
                    present.insert(slot)
                }
            }
            if present.isEmpty { continue }
            try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
            let fresh = LibraryIndex.inMemory()
            try fresh.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
            let kept = try index.echoClusters()
            let found = try fresh.echoClusters()
            #expect(shapes(kept) == shapes(found), "step \(step)")
            #expect(Set(kept.map(\.disagree)) == Set(found.map(\.disagree)), "step \(step)")
        }
    }

    @Test func echoesOffThenOnAreFoundForTheStoredQuotations() throws {
        let library = try TemporaryLibrary()
        try library.write("2024-05-01_port.txt", EchoArticles.article("Port news", EchoArticles.terminal, by: "Maria Lopez"))
        try library.write("2024-05-02_wire.txt", EchoArticles.article("Wire", EchoArticles.terminal, by: "Maria Lopez"))
        let index = LibraryIndex.inMemory()
        var analysis = FixtureAnalysis.analysis()
        analysis.echoes = false
        try index.update(paths: [library.articles.path], analysis: analysis)
        #expect(try index.echoClusters().isEmpty)
        let log = FixtureAnalysis.Log()
        try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis(log: log))
        #expect(log.take().isEmpty, "nothing is analysed again")
        #expect(try index.echoClusters().count == 1)
    }

    /// An index written before echoes existed (schema v3) gets the tables, and its next update
    /// finds the echoes of the quotations it already holds.
    @Test func anIndexFromBeforeEchoesFindsThemAtItsNextUpdate() throws {
        let library = try TemporaryLibrary()
        try library.write("2024-05-01_port.txt", EchoArticles.article("Port news", EchoArticles.terminal, by: "Maria Lopez"))
        try library.write("2024-05-02_wire.txt", EchoArticles.article("Wire", EchoArticles.terminal, by: "Tom Berg"))
        try LibraryIndex.open(at: library.indexPath).update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        // Back to schema v3: no echo tables, no echo version.
        let queue = try DatabaseQueue(path: library.indexPath)
        try queue.write { db in
            try db.execute(sql: """
                DROP TABLE echo_quotes;
                DELETE FROM grdb_migrations WHERE identifier = 'v5-echoes';
                DELETE FROM meta WHERE key = 'echo_version';
                """)
        }
        try queue.close()
        let reopened = LibraryIndex.open(at: library.indexPath)
        #expect(reopened.notices.isEmpty)
        let log = FixtureAnalysis.Log()
        try reopened.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis(log: log))
        #expect(log.take().isEmpty)
        let cluster = try #require(try reopened.echoClusters().first)
        #expect(cluster.disagree)
    }
}
