import BylineCore
import Foundation
import GRDB

/// A page of the library as the reader's library pane shows it, read in one transaction so
/// that the count, the rows and the positions agree.
public struct LibraryPage: Sendable, Hashable {
    /// Articles in the library.
    public var count: Int
    /// The position of the first row.
    public var offset: Int
    public var articles: [LibraryArticle]
    /// The position of each article asked about that is in the library (an article whose file
    /// was removed has none).
    public var positions: [Int64: Int]
}

/// Queries the reader needs besides those the commands share: pages of the library with the
/// positions of the articles it shows, the library speakers of an article's speakers, and
/// counts for lists it shows a window of.
extension LibraryIndex {
    /// `limit` articles from `offset` in path order (the order `ArticleFinder` lists files in),
    /// the number of articles, and the positions of the articles `positionsOf` names.
    public func libraryPage(limit: Int, offset: Int, positionsOf ids: [Int64] = []) throws(LibraryIndexError) -> LibraryPage {
        try read { db in
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0
            let articles = try LibraryIndex.fetch(db, """
                SELECT \(LibraryIndex.listedArticleColumns) FROM articles a ORDER BY a.path LIMIT ? OFFSET ?
                """, [max(0, limit), max(0, offset)]) { try LibraryIndex.listedArticle($0) }
            var positions: [Int64: Int] = [:]
            for id in Set(ids) {
                // The unique index on path makes this a count over an index range.
                if let position = try Int.fetchOne(db, sql: """
                    SELECT (SELECT count(*) FROM articles b WHERE b.path < a.path) FROM articles a WHERE a.id = ?
                    """, arguments: [id])
                {
                    positions[id] = position
                }
            }
            return LibraryPage(count: count, offset: max(0, offset), articles: articles, positions: positions)
        }
    }

    /// The library speaker each of an article's speakers was merged into, by `Speaker.id`
    /// (speakers not merged yet, while an update runs, are missing).
    public func speakerPersons(article id: Int64) throws(LibraryIndexError) -> [Int: Int64] {
        try read { db in
            var persons: [Int: Int64] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT ordinal, person_id FROM speakers WHERE article_id = ? AND person_id IS NOT NULL
                """, arguments: [id])
            while let row = try rows.next() { persons[try row.decode(atIndex: 0)] = try row.decode(atIndex: 1) }
            return persons
        }
    }

    /// How many entries `timeline(speaker:)` lists.
    public func timelineCount(speaker speakerID: Int64? = nil) throws(LibraryIndexError) -> Int {
        try read { db in
            if let speakerID {
                return try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM times t JOIN speakers s ON s.id = t.speaker_id
                    WHERE t.start_day IS NOT NULL AND s.person_id = ?
                    """, arguments: [speakerID]) ?? 0
            }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM times WHERE start_day IS NOT NULL") ?? 0
        }
    }
}

extension LibraryIndex {
    /// Stores analyses made elsewhere as articles keyed by `article.source` (replacing any
    /// stored under the same name), then merges speakers again: for the bundled seed, which is
    /// no file of a library, and for fixtures. Meant for an index that `update` does not
    /// manage: an update removes the articles outside its paths.
    public func store(_ analyses: [AnalyzedArticle]) throws(LibraryIndexError) {
        let prepared = analyses.map { (source: $0.article.source, text: $0.article.text, rows: PreparedArticle($0)) }
        do {
            try database.write { db in
                let persons = PersonSync()
                try persons.load(db)
                let echoes = EchoSync(enabled: true)
                try echoes.load(db)
                for article in prepared {
                    if let old = try ArticleRows.delete(key: article.source, db: db, echoes: echoes) { persons.removedArticle(old) }
                    let bytes = Data(article.text.utf8)
                    let file = ArticleFileInfo(path: article.source, stamp: FileStamp(size: Int64(bytes.count), mtime: 0),
                                               hash: ContentHash.of(bytes))
                    let (_, speakers) = try ArticleRows.insert(article.rows, file: file, db: db, echoes: echoes,
                                                               person: persons.predictedPerson)
                    persons.added(speakers)
                }
                try persons.sync(db)
                try IndexMeta.set(IndexMeta.personsDirtyKey, "0", db)
                try IndexMeta.set(IndexMeta.mergeVersionKey, String(SpeakerMerge.version), db)
                try IndexMeta.set(MetaKey.generation, String(try IndexMeta.generation(db) + 1), db)
            }
        } catch {
            throw LibraryIndexError(error)
        }
    }
}
