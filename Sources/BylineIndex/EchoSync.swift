import BylineCore
import Foundation
import GRDB

/// A quotation's echo words and shingles, computed on the analysis threads so the writer only
/// looks up and binds values. Nil for a quotation too short to echo.
struct EchoPrint: Sendable {
    var words: EchoWords
    /// `EchoWords.shingles`: sorted, so the first is the anchor.
    var shingles: [Int64]

    init?(text: String) {
        let words = EchoWords(text)
        guard words.canEcho else { return nil }
        self.words = words
        shingles = words.shingles
        if shingles.isEmpty { return nil }
    }

    var anchor: Int64 { shingles[0] }
}

/// Keeps the echo tables (`echo_quotes`, `echo_shingles`) in step with the quotations, in the
/// same transactions: a quotation's echo rows are written with it and deleted with it.
///
/// A new quotation finds its echoes through two look-ups, never a comparison with every other:
/// the quotations that contain it hold its anchor among their shingles (a look-up in
/// `echo_shingles`), and those it contains have their anchor among its shingles (a look-up in
/// the anchors, which this object holds in memory during an update). Each candidate is then
/// verified on the words (`EchoWords.echoes`), except one already in a cluster the new quotation
/// joined. Clusters are the connected components of verified echoes: joining merges them
/// (renaming the larger ids to the smallest), and removing a quotation splits its cluster again
/// if it held it together, by comparing the cluster's remaining members among themselves.
final class EchoSync {
    private struct Entry {
        var article: Int64
        var anchor: Int64
        var cluster: Int64?
    }

    /// Whether echoes are kept at all (`IndexAnalysis.echoes`); when not, the tables are emptied.
    let enabled: Bool
    private var entries: [Int64: Entry] = [:]
    private var byAnchor: [Int64: [Int64]] = [:]
    private var members: [Int64: [Int64]] = [:]
    private(set) var isLoaded = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// What `IndexMeta.echoVersionKey` holds when the echo rows are complete for these rules.
    var storedVersion: String { enabled ? String(EchoWords.version) : "off" }

    /// Whether the stored echo rows were made by other rules, or not at all (a new index, one
    /// made before echoes, or one built with echoes off): the next write computes them again.
    static func isStale(_ db: Database, enabled: Bool) throws -> Bool {
        try IndexMeta.value(IndexMeta.echoVersionKey, db) != EchoSync(enabled: enabled).storedVersion
    }

    /// Reads the echo rows (once per update, and again if another process wrote); computes them
    /// all again from the stored quotations when they are stale.
    func load(_ db: Database) throws {
        entries = [:]
        byAnchor = [:]
        members = [:]
        isLoaded = true
        if try EchoSync.isStale(db, enabled: enabled) {
            try rebuild(db)
            return
        }
        guard enabled else { return }
        let rows = try Row.fetchCursor(db, sql: "SELECT quote_id, article_id, anchor, cluster FROM echo_quotes")
        while let row = try rows.next() {
            let id: Int64 = try row.decode(atIndex: 0)
            let entry = Entry(article: try row.decode(atIndex: 1), anchor: try row.decode(atIndex: 2),
                              cluster: try row.decode(atIndex: 3))
            remember(id, entry)
        }
    }

    /// Empties the echo tables and, when echoes are kept, finds them again for every stored
    /// quotation, in the order they were stored.
    private func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM echo_shingles")
        try db.execute(sql: "DELETE FROM echo_quotes")
        if enabled {
            let rows = try Row.fetchCursor(db, sql: "SELECT id, article_id, text FROM quotes ORDER BY id")
            while let row = try rows.next() {
                guard let print = EchoPrint(text: try row.decode(atIndex: 2)) else { continue }
                try insert(quote: try row.decode(atIndex: 0), article: try row.decode(atIndex: 1), print, db: db)
            }
        }
        try IndexMeta.set(IndexMeta.echoVersionKey, storedVersion, db)
    }

    private func remember(_ id: Int64, _ entry: Entry) {
        entries[id] = entry
        byAnchor[entry.anchor, default: []].append(id)
        if let cluster = entry.cluster { members[cluster, default: []].append(id) }
    }

    // MARK: Adding

    /// Writes the echo rows of a new quotation and joins it to the clusters of its echoes.
    func insert(quote id: Int64, article: Int64, _ print: EchoPrint?, db: Database) throws {
        guard enabled, let print else { return }
        var clusters = Set<Int64>()
        var singles = Set<Int64>()
        let wordsOf = try db.cachedStatement(sql: "SELECT words FROM echo_quotes WHERE quote_id = ?")

        func consider(_ candidate: Int64) throws {
            guard candidate != id, let entry = entries[candidate], entry.article != article else { return }
            if let cluster = entry.cluster {
                if clusters.contains(cluster) { return }
            } else if singles.contains(candidate) {
                return
            }
            guard let data = try Data.fetchOne(wordsOf, arguments: [candidate]), let words = EchoWords(encoded: data),
                print.words.echoes(words)
            else { return }
            if let cluster = entry.cluster { clusters.insert(cluster) } else { singles.insert(candidate) }
        }

        // Quotations that contain this one hold its anchor.
        let containing = try Int64.fetchAll(db.cachedStatement(sql: "SELECT quote_id FROM echo_shingles WHERE hash = ?"),
                                            arguments: [print.anchor])
        for candidate in containing { try consider(candidate) }
        // Quotations this one contains: their anchor is one of its shingles.
        for shingle in print.shingles {
            for candidate in byAnchor[shingle] ?? [] { try consider(candidate) }
        }

        let cluster = clusters.isEmpty && singles.isEmpty ? nil : ([id] + Array(clusters) + Array(singles)).min()!
        try db.cachedStatement(sql: "INSERT INTO echo_quotes (quote_id, article_id, words, anchor, cluster) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [id, article, print.words.encoded, print.anchor, cluster])
        let insertShingle = try db.cachedStatement(sql: "INSERT INTO echo_shingles (hash, quote_id) VALUES (?, ?)")
        for shingle in print.shingles { try insertShingle.execute(arguments: [shingle, id]) }
        remember(id, Entry(article: article, anchor: print.anchor, cluster: cluster))
        guard let cluster else { return }
        for other in clusters where other != cluster { try rename(cluster: other, to: cluster, db: db) }
        for single in singles { try assign([single], to: cluster, db: db) }
    }

    private func rename(cluster old: Int64, to new: Int64, db: Database) throws {
        try db.cachedStatement(sql: "UPDATE echo_quotes SET cluster = ? WHERE cluster = ?").execute(arguments: [new, old])
        let moved = members.removeValue(forKey: old) ?? []
        for id in moved { entries[id]?.cluster = new }
        members[new, default: []].append(contentsOf: moved)
    }

    /// Puts quotations that were in no cluster (or are being regrouped) into `cluster`.
    private func assign(_ ids: [Int64], to cluster: Int64?, db: Database) throws {
        let update = try db.cachedStatement(sql: "UPDATE echo_quotes SET cluster = ? WHERE quote_id = ?")
        for id in ids {
            try update.execute(arguments: [cluster, id])
            entries[id]?.cluster = cluster
            if let cluster { members[cluster, default: []].append(id) }
        }
    }

    // MARK: Removing

    /// Deletes the echo rows of an article's quotations, before the article is deleted, and
    /// regroups the clusters they were in.
    func removeArticle(_ article: Int64, db: Database) throws {
        guard enabled else { return }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.quote_id, e.words, e.cluster FROM quotes q JOIN echo_quotes e ON e.quote_id = q.id
            WHERE q.article_id = ?
            """), arguments: [article])
        if rows.isEmpty { return }
        var touched = Set<Int64>()
        let deleteShingle = try db.cachedStatement(sql: "DELETE FROM echo_shingles WHERE hash = ? AND quote_id = ?")
        let deleteQuote = try db.cachedStatement(sql: "DELETE FROM echo_quotes WHERE quote_id = ?")
        for row in rows {
            let id: Int64 = try row.decode(atIndex: 0)
            guard let words = EchoWords(encoded: try row.decode(atIndex: 1)) else {
                throw LibraryIndexError.damaged("a stored quotation's echo words cannot be read")
            }
            for shingle in words.shingles { try deleteShingle.execute(arguments: [shingle, id]) }
            try deleteQuote.execute(arguments: [id])
            if let entry = entries.removeValue(forKey: id) {
                byAnchor[entry.anchor]?.removeAll { $0 == id }
                if byAnchor[entry.anchor]?.isEmpty == true { byAnchor[entry.anchor] = nil }
            }
            if let cluster: Int64 = try row.decode(atIndex: 2) { touched.insert(cluster) }
        }
        let removed = Set(try rows.map { try $0.decode(Int64.self, atIndex: 0) })
        for cluster in touched {
            let remaining = (members.removeValue(forKey: cluster) ?? []).filter { !removed.contains($0) }
            try regroup(remaining, db: db)
        }
    }

    /// The connected components of verified echoes among `ids` (what is left of a cluster),
    /// each named by its smallest id; a quotation left alone is in no cluster.
    private func regroup(_ ids: [Int64], db: Database) throws {
        if ids.isEmpty { return }
        let wordsOf = try db.cachedStatement(sql: "SELECT words FROM echo_quotes WHERE quote_id = ?")
        var words: [EchoWords] = []
        for id in ids {
            guard let data = try Data.fetchOne(wordsOf, arguments: [id]), let decoded = EchoWords(encoded: data) else {
                throw LibraryIndexError.damaged("a stored quotation's echo words cannot be read")
            }
            words.append(decoded)
        }
        var parent = Array(ids.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        for i in ids.indices {
            for j in (i + 1)..<ids.count where root(i) != root(j) {
                guard entries[ids[i]]?.article != entries[ids[j]]?.article, words[i].echoes(words[j]) else { continue }
                parent[root(j)] = root(i)
            }
        }
        var components: [Int: [Int64]] = [:]
        for i in ids.indices { components[root(i), default: []].append(ids[i]) }
        for component in components.values {
            let cluster = component.count > 1 ? component.min() : nil
            try assign(component, to: cluster, db: db)
        }
    }
}
