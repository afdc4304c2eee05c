import Foundation
import GRDB
import Testing

@testable import BylineCore
@testable import BylineIndex

/// The instant of publication in the index: stored from the catalog or the article's own
/// metadata, read back, and used to order the appearances of an echo within a day.
@Suite struct PublishedTimeIndexTests {
    private func name(_ q: LibraryQuotation) -> String { (q.article.path as NSString).lastPathComponent }

    private func catalog(_ entries: [(file: String, date: String, published: String?)]) -> String {
        entries.map { Catalog.Entry(file: $0.file, date: CivilDate(iso: $0.date), published: $0.published).jsonLine + "\n" }
            .joined()
    }

    /// The same quotation in each file, dated and timed by a catalog, indexed at `indexPath`
    /// when given, else in memory.
    private func indexed(_ entries: [(file: String, date: String, published: String?)],
                         onDisk: Bool = false) throws -> (TemporaryLibrary, LibraryIndex) {
        let library = try TemporaryLibrary()
        for (n, entry) in entries.enumerated() {
            try library.write(entry.file, EchoArticles.article("Story \(n + 1)", EchoArticles.terminal, by: "Maria Lopez"))
        }
        try library.write(Catalog.fileName, catalog(entries))
        let index = onDisk ? LibraryIndex.open(at: library.indexPath) : LibraryIndex.inMemory()
        try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        return (library, index)
    }

    @Test func onTheSameDateTheArticlePublishedEarlierComesFirstWhateverItsPath() throws {
        let (_, index) = try indexed([
            ("a-harbour.txt", "2024-05-01", "2024-05-01T14:00:00Z"),
            ("b-wire.txt", "2024-05-01", "2024-05-01T09:30:00Z"),
        ])
        let cluster = try #require(try index.echoClusters().first)
        #expect(cluster.quotations.map(name) == ["b-wire.txt", "a-harbour.txt"])
        #expect(cluster.first.article.published == "2024-05-01T09:30:00Z")
        #expect(cluster.quotations.map(\.article.published) == ["2024-05-01T09:30:00Z", "2024-05-01T14:00:00Z"])
    }

    @Test func withinADayTheTimedComeFirstThenThePathDecidesAndTheDateStillComesFirst() throws {
        let (_, index) = try indexed([
            ("a-harbour.txt", "2024-05-01", nil),
            ("b-wire.txt", "2024-05-01", "2024-05-01T09:30:00Z"),
            // A later date printed at an earlier hour is still later.
            ("c-early.txt", "2024-05-02", "2024-05-01T23:00:00Z"),
            ("d-late.txt", "2024-04-30", "2024-05-01T03:00:00Z"),
        ])
        let cluster = try #require(try index.echoClusters().first)
        #expect(cluster.quotations.map(name) == ["d-late.txt", "b-wire.txt", "a-harbour.txt", "c-early.txt"])
        let (_, untimed) = try indexed([("a-harbour.txt", "2024-05-01", nil), ("b-wire.txt", "2024-05-01", nil)])
        let plain = try #require(try untimed.echoClusters().first)
        #expect(plain.quotations.map(name) == ["a-harbour.txt", "b-wire.txt"])
        #expect(plain.first.article.published == nil)
    }

    /// Timed and untimed on one day, where comparing times only when both have one would go
    /// round in a circle (z before a by time, a before m and m before z by path): one order.
    @Test func timedAndUntimedOnOneDayHaveOneOrder() throws {
        let (_, index) = try indexed([
            ("a-later.txt", "2024-05-01", "2024-05-01T16:00:00Z"),
            ("m-untimed.txt", "2024-05-01", nil),
            ("z-earlier.txt", "2024-05-01", "2024-05-01T08:00:00Z"),
        ])
        let cluster = try #require(try index.echoClusters().first)
        #expect(cluster.quotations.map(name) == ["z-earlier.txt", "a-later.txt", "m-untimed.txt"])
        #expect(name(cluster.first) == "z-earlier.txt")
    }

    @Test func theInstantIsStoredReadBackAndFollowsTheCatalog() throws {
        let (library, index) = try indexed([
            ("a-harbour.txt", "2024-05-01", "2024-05-01T14:00:00Z"),
            ("b-wire.txt", "2024-05-01", nil),
        ])
        // From the article's own metadata too: Markdown front matter with a time.
        try library.write("c-notes.md", "---\ntitle: Notes\ndate: 2024-05-01T08:00:00-04:00\n---\n\nThe board met again.\n")
        try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        /// Each article's file name and instant (`-` for none), in path order.
        func published() throws -> [String] {
            try index.articles().map { "\(($0.path as NSString).lastPathComponent) \($0.published ?? "-")" }
        }
        #expect(try published() == ["a-harbour.txt 2024-05-01T14:00:00Z", "b-wire.txt -", "c-notes.md 2024-05-01T12:00:00Z"])
        let harbour = try #require(try index.articles().first)
        #expect(try index.article(id: harbour.id)?.published == "2024-05-01T14:00:00Z")

        // A catalog that gives a new time re-describes its articles.
        try library.write(Catalog.fileName, catalog([
            ("a-harbour.txt", "2024-05-01", nil),
            ("b-wire.txt", "2024-05-01", "2024-05-01T07:00:00Z"),
        ]))
        try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        #expect(try published() == ["a-harbour.txt -", "b-wire.txt 2024-05-01T07:00:00Z", "c-notes.md 2024-05-01T12:00:00Z"])
    }

    /// An index from before the migration (no `published` column, no "v7-published" row) gains
    /// the column as null when opened, and is read and updated as before.
    @Test func anIndexFromBeforeThePublishedTimeGainsTheColumnAsNull() throws {
        let (library, index) = try indexed([
            ("a-harbour.txt", "2024-05-01", "2024-05-01T14:00:00Z"),
            ("b-wire.txt", "2024-05-01", "2024-05-01T09:30:00Z"),
        ], onDisk: true)
        #expect(try index.articles().allSatisfy { $0.published != nil })
        let queue = try DatabaseQueue(path: library.indexPath)
        let oldColumns = try queue.write { db throws -> [String] in
            try db.execute(sql: """
                ALTER TABLE articles DROP COLUMN published;
                DELETE FROM grdb_migrations WHERE identifier = 'v7-published';
                """)
            return try db.columns(in: "articles").map(\.name)
        }
        #expect(!oldColumns.contains("published"))
        try queue.close()

        let reopened = LibraryIndex.open(at: library.indexPath)
        #expect(reopened.notices.isEmpty)
        #expect(try reopened.articles().map(\.published) == [nil, nil])
        let check = try DatabaseQueue(path: library.indexPath)
        let (columns, migrations, untimed) = try check.read { db throws -> ([String], [String], Int?) in
            (try db.columns(in: "articles").map(\.name), try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM articles WHERE published IS NULL"))
        }
        try check.close()
        #expect(columns.last == "published")
        #expect(migrations.contains("v7-published"))
        #expect(untimed == 2)
        // Unchanged files are not read again: the old rows keep no time, and the path decides.
        try reopened.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        let cluster = try #require(try reopened.echoClusters().first)
        #expect(cluster.quotations.map(name) == ["a-harbour.txt", "b-wire.txt"])
    }
}
