import Foundation
import GRDB
import Testing

@testable import BylineCore
@testable import BylineIndex

/// The library timeline is in the order of an article's timeline (`TimelineOrderKey`), with
/// several articles interleaved by that order, and a cache written before the key existed gets
/// it when it is opened.
@Suite struct TimelineOrderTests {
    /// Invented articles with periods, parts of periods and days, analysed for real.
    static let articles: [(name: String, date: String, text: String)] = [
        ("2011-12-05_harbour.txt", "2011-12-05", """
            Harbour works run late

            The quay, promised for early 2011, will open by the end of 2011, the harbour board said. \
            Repairs began in November and the crane arrived on Dec. 1.

            “We lost most of this month to storms,” said Mara Quill, the harbour master. Crews work \
            again in mid-December.
            """),
        ("2011-12-02_bridge.txt", "2011-12-02", """
            Bridge toll rises this year

            Drivers paid more this year, and the toll rises again on Dec. 20. “The end of 2011 is \
            our deadline,” said Tomas Vey, the bridge warden, on Thursday. The bridge closed in 2010.
            """),
    ]

    static func analyses() -> [AnalyzedArticle] {
        articles.map { article in
            Analyzer.analyze(Article(text: article.text, source: "library/" + article.name,
                                     date: CivilDate(iso: article.date)))
        }
    }

    private func texts(_ entries: [LibraryTimelineEntry]) -> [String] { entries.map(\.text) }

    @Test func theLibraryTimelineInterleavesArticlesInTimelineOrder() throws {
        let analyses = Self.analyses()
        let index = LibraryIndex.inMemory()
        try index.store(analyses)
        let timeline = try index.timeline()
        #expect(texts(timeline) == [
            "2010", "this year", "this year", "early 2011", "November", "this month", "Thursday", "Dec. 1",
            "mid-December", "Dec. 20", "The end of 2011", "the end of 2011",
        ])
        // (The bridge article says `this year` in its headline and its text; `this month` contains
        // the first of December; on equal keys the earlier article comes first.)
        // Each article's entries keep the order of its own timeline.
        for analyzed in analyses {
            let own = timeline.filter { $0.article.path == analyzed.article.source }.map(\.expressionOrdinal)
            #expect(own == analyzed.timeline.entries.map(\.expression), "\(analyzed.article.source)")
        }
        // The whole list is in key order, ties in article date order.
        let keys = timeline.map { entry in
            TimelineOrderKey(start: entry.start, end: entry.end, mod: entry.mod, value: entry.value)
        }
        for (a, b) in zip(keys.indices, keys.indices.dropFirst()) {
            #expect(!(keys[b] < keys[a]), "\(timeline[a].text) before \(timeline[b].text)")
            if keys[a] == keys[b] { #expect(timeline[a].article.date! <= timeline[b].article.date!) }
        }
        // A window, a range of days and a speaker's entries are cut from the same order.
        #expect(try index.timeline(limit: 3, offset: 4) == Array(timeline[4..<7]))
        let december = try index.timeline(from: CivilDate(year: 2011, month: 12, day: 1),
                                           through: CivilDate(year: 2011, month: 12, day: 31))
        #expect(december == timeline.filter { $0.end >= CivilDate(year: 2011, month: 12, day: 1)! })
        let vey = try #require(try index.speakers(matching: "Tomas Vey").first)
        let his = try index.timeline(speaker: vey.id)
        #expect(texts(his) == ["Thursday", "The end of 2011"])
    }

    /// An index written before `order_key` existed (schema "v1" only, entries in the order of
    /// first day) is given the key and the new positions when it is opened.
    @Test func aCacheFromBeforeTheOrderKeyIsReorderedWhenOpened() throws {
        let library = try TemporaryLibrary()
        let path = library.indexPath
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let analyzed = Self.analyses()[0]
        do {
            let queue = try DatabaseQueue(path: path)
            try IndexSchema.migrator.migrate(queue, upTo: "v1")
            try queue.write { db in try Self.writeAsVersion1(analyzed, db) }
            try queue.close()
        }
        let index = LibraryIndex.open(at: path)
        #expect(index.storage == .file(path))
        #expect(index.notices.isEmpty)
        let order = analyzed.timeline.entries.map(\.expression)
        #expect(try index.timeline().map(\.expressionOrdinal) == order)
        let article = try #require(try index.articles().first)
        #expect(try index.analyzedArticle(id: article.id)?.timeline.entries.map(\.expression) == order)
        // Keys stored by the migration are the keys a new analysis stores.
        let stored = try index.database.read { db in
            try Int64.fetchAll(db, sql: "SELECT order_key FROM times WHERE entry IS NOT NULL ORDER BY entry")
        }
        #expect(stored == analyzed.timeline.entries.map {
            TimelineOrderKey($0, of: analyzed.timeExpressions[$0.expression]).packed
        })
    }

    /// The rows "v1" held for an article, with the timeline in the former order (first day,
    /// then the shorter extent): `the end of 2011` and `early 2011` with 1 January.
    private static func writeAsVersion1(_ analyzed: AnalyzedArticle, _ db: Database) throws {
        let prepared = PreparedArticle(analyzed)
        try db.execute(sql: """
            INSERT INTO articles (path, size, mtime, content_hash, date, day, date_source, headline, quote_count, unplaced)
            VALUES (?, ?, 0, 0, ?, ?, 'override', ?, ?, ?)
            """, arguments: [analyzed.article.source, prepared.text.utf8.count, prepared.date?.iso, prepared.date?.dayNumber,
                             prepared.headline, prepared.quotes.count, prepared.unplaced])
        let id = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO article_texts (id, headline, text, quotes_text) VALUES (?, ?, ?, ?)",
                       arguments: [id, prepared.headline, prepared.text, prepared.quotesText])
        let placed = prepared.times.filter { $0.entry != nil }
            .sorted { ($0.startDay!, $0.endDay!, $0.ordinal) < ($1.startDay!, $1.endDay!, $1.ordinal) }
        let formerPosition = Dictionary(uniqueKeysWithValues: placed.enumerated().map { ($1.ordinal, $0) })
        #expect(placed.map(\.ordinal) != analyzed.timeline.entries.map(\.expression), "the fixture must need reordering")
        for time in prepared.times {
            try db.execute(sql: """
                INSERT INTO times (article_id, ordinal, start, "end", text, type, value, mod, anchored, inferred, sentence,
                                   sentence_start, sentence_end, rule, entry, start_day, end_day, entry_sentence,
                                   quote_ordinal, speaker_ordinal)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    id, time.ordinal, time.span.start, time.span.end, time.text, time.type, time.value, time.mod,
                    time.anchored, time.inferred, time.sentence, time.sentenceSpan.start, time.sentenceSpan.end, time.rule,
                    formerPosition[time.ordinal], time.startDay, time.endDay, time.entrySentence, time.quoteOrdinal,
                    time.speakerOrdinal,
                ])
        }
    }
}
