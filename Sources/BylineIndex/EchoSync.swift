import BylineCore
import Foundation
import GRDB

/// A quotation's echo words and shingles, computed on the analysis threads so the writer only
/// looks up and binds values. Nil for a quotation too short to echo.
struct EchoPrint: Sendable {
    var words: EchoWords
    /// `EchoWords.shingles`: sorted, so the first is the anchor.
    var shingles: [Int64]
    /// `words.encoded`, the value the writer binds.
    var encodedWords: Data

    init?(text: String) {
        self.init(words: EchoWords(text))
    }

    init?(words: EchoWords) {
        guard words.canEcho else { return nil }
        self.words = words
        shingles = words.shingles
        if shingles.isEmpty { return nil }
        encodedWords = words.encoded
    }

    var anchor: Int64 { shingles[0] }
}

/// Keeps `echo_quotes` in step with the quotations, in the same transactions: a quotation's
/// echo row is written with it and deleted with it.
///
/// A new quotation finds its echoes through two look-ups, never a comparison with every other:
/// those it contains have their anchor among its shingles (a look-up in the anchors), and
/// those that contain it hold its anchor among their shingles (a look-up in the shingles). Each
/// candidate is then verified on the words, except one already in a cluster the new quotation
/// joined. Clusters are the connected components of verified echoes: joining merges them
/// (renaming the larger ids to the smallest), and removing a quotation splits its cluster again
/// if it held it together, by comparing the cluster's remaining members among themselves.
///
/// The anchors and the shingles are held in memory during an update, read from the stored rows
/// (the shingles computed again from the words, only once a new quotation needs them). A table
/// of shingles in the index cost the writer more than the rest of a build put together: one
/// B-tree insert per shingle at a random place, and every page of it written again to the WAL
/// by every batch.
final class EchoSync {
    /// A stored echo row as the writer looks it up for every candidate: plain values only
    /// (the words are apart, so a look-up copies no reference).
    private struct Entry {
        var article: Int64
        var anchor: Int64
        var cluster: Int64?
    }

    /// Whether echoes are kept at all (`IndexAnalysis.echoes`); when not, the table is emptied.
    let enabled: Bool
    private var entries = Int64Map<Entry>()
    /// The words of the rows read (with the shingles) or written in this update.
    private var words = Int64Map<EchoWords>()
    private var byAnchor = Int64Map<[Int64]>()
    private var members: [Int64: [Int64]] = [:]
    private var shingles = ShingleIndex()
    private var shinglesLoaded = false
    /// CPU time of the calling thread spent here (`IndexUpdateSummary.echoCPUSeconds`).
    private(set) var cpuSeconds: Double = 0

    /// Runs `body`, adding its CPU time to `cpuSeconds`.
    private func timed<T>(_ body: () throws -> T) rethrows -> T {
        let start = ThreadClock.cpuSeconds()
        defer { cpuSeconds += ThreadClock.cpuSeconds() - start }
        return try body()
    }

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// What `IndexMeta.echoVersionKey` holds when the echo rows are complete for these rules.
    var storedVersion: String { Self.storedVersion(enabled: enabled) }

    static func storedVersion(enabled: Bool) -> String { enabled ? String(EchoWords.version) : "off" }

    /// Whether the stored echo rows were made by other rules, or not at all (a new index, one
    /// made before echoes, or one built with echoes off): the next write computes them again.
    static func isStale(_ db: Database, enabled: Bool) throws -> Bool {
        try IndexMeta.value(IndexMeta.echoVersionKey, db) != storedVersion(enabled: enabled)
    }

    /// Reads the echo rows (once per update, and again if another process wrote); computes them
    /// all again from the stored quotations when they are stale.
    func load(_ db: Database) throws {
        entries = Int64Map()
        words = Int64Map()
        byAnchor = Int64Map()
        members = [:]
        shingles = ShingleIndex()
        shinglesLoaded = false
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

    /// Empties the echo table and, when echoes are kept, finds them again for every stored
    /// quotation, in the order they were stored.
    private func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM echo_quotes")
        shinglesLoaded = true
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
        byAnchor.update(entry.anchor, initial: []) { $0.append(id) }
        if let cluster = entry.cluster { members[cluster, default: []].append(id) }
    }

    /// The words and shingles of every stored echo row.
    private func loadShingles(_ db: Database) throws {
        shinglesLoaded = true
        let rows = try Row.fetchCursor(db, sql: "SELECT quote_id, words FROM echo_quotes")
        while let row = try rows.next() {
            let id: Int64 = try row.decode(atIndex: 0)
            let stored = try EchoSync.words(row, 1)
            shingles.add(stored.shingles, quote: id)
            words[id] = stored
        }
    }

    private static func words(_ row: Row, _ index: Int) throws -> EchoWords {
        guard let words = EchoWords(encoded: try row.decode(atIndex: index)) else {
            throw LibraryIndexError.damaged("a stored quotation's echo words cannot be read")
        }
        return words
    }

    // MARK: Adding

    /// Writes the echo row of a new quotation and joins it to the clusters of its echoes.
    func insert(quote id: Int64, article: Int64, _ print: EchoPrint?, db: Database) throws {
        guard enabled, let print else { return }
        try timed {
            if !shinglesLoaded { try loadShingles(db) }
            // The clusters and the unclustered quotations it echoes (a few at most: arrays).
            var clusters: [Int64] = []
            var singles: [Int64] = []

            func consider(_ candidate: Int64) throws {
                guard candidate != id, let entry = entries[candidate], entry.article != article else { return }
                if let cluster = entry.cluster {
                    if clusters.contains(cluster) { return }
                } else if singles.contains(candidate) {
                    return
                }
                // Both are long enough (stored rows are): whether one holds the other decides.
                let other = try words[candidate] ?? storedWords(candidate, db: db)
                guard print.words.contains(other) || other.contains(print.words) else { return }
                if let cluster = entry.cluster { clusters.append(cluster) } else { singles.append(candidate) }
            }

            // Quotations that contain this one hold its anchor.
            try shingles.forEachQuote(with: print.anchor, consider)
            // Quotations this one contains: their anchor is one of its shingles.
            for shingle in print.shingles {
                guard let anchored = byAnchor[shingle] else { continue }
                for candidate in anchored { try consider(candidate) }
            }

            let cluster = clusters.isEmpty && singles.isEmpty ? nil : min(id, clusters.min() ?? id, singles.min() ?? id)
            try db.cachedStatement(sql: "INSERT INTO echo_quotes (quote_id, article_id, words, anchor, cluster) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [id, article, print.encodedWords, print.anchor, cluster])
            shingles.add(print.shingles, quote: id)
            remember(id, Entry(article: article, anchor: print.anchor, cluster: cluster))
            words[id] = print.words
            guard let cluster else { return }
            for other in clusters where other != cluster { try rename(cluster: other, to: cluster, db: db) }
            try assign(singles, to: cluster, db: db)
        }
    }

    private func storedWords(_ id: Int64, db: Database) throws -> EchoWords {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT words FROM echo_quotes WHERE quote_id = ?"),
                                         arguments: [id])
        else { throw LibraryIndexError.damaged("a quotation's echo row is missing") }
        let stored = try EchoSync.words(row, 0)
        words[id] = stored
        return stored
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
    /// regroups the clusters they were in. (Their shingles stay in memory until the update
    /// ends: a quotation that is gone is no candidate, and a new one that reuses its id is
    /// verified on its own words.)
    func removeArticle(_ article: Int64, db: Database) throws {
        guard enabled else { return }
        try timed { try remove(article, db: db) }
    }

    private func remove(_ article: Int64, db: Database) throws {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.quote_id, e.cluster FROM quotes q JOIN echo_quotes e ON e.quote_id = q.id
            WHERE q.article_id = ?
            """), arguments: [article])
        if rows.isEmpty { return }
        var touched = Set<Int64>()
        var removed = Set<Int64>()
        let deleteQuote = try db.cachedStatement(sql: "DELETE FROM echo_quotes WHERE quote_id = ?")
        for row in rows {
            let id: Int64 = try row.decode(atIndex: 0)
            removed.insert(id)
            try deleteQuote.execute(arguments: [id])
            words[id] = nil
            if let entry = entries[id] {
                entries[id] = nil
                if var anchored = byAnchor[entry.anchor] {
                    anchored.removeAll { $0 == id }
                    byAnchor[entry.anchor] = anchored.isEmpty ? nil : anchored
                }
            }
            if let cluster: Int64 = try row.decode(atIndex: 1) { touched.insert(cluster) }
        }
        for cluster in touched {
            let remaining = (members.removeValue(forKey: cluster) ?? []).filter { !removed.contains($0) }
            try regroup(remaining, db: db)
        }
    }

    /// The connected components of verified echoes among `ids` (what is left of a cluster),
    /// each named by its smallest id; a quotation left alone is in no cluster.
    private func regroup(_ ids: [Int64], db: Database) throws {
        if ids.isEmpty { return }
        let words = try ids.map { try self.words[$0] ?? storedWords($0, db: db) }
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
                // Stored rows all passed `canEcho`: containment alone decides, as in `insert`.
                guard entries[ids[i]]?.article != entries[ids[j]]?.article,
                      words[i].contains(words[j]) || words[j].contains(words[i]) else { continue }
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

/// Which quotations hold a shingle: a multimap kept in arrays (a chain of pairs per shingle),
/// some 20 bytes per shingle, where a dictionary of arrays would cost an allocation for each.
struct ShingleIndex {
    /// The last pair of each shingle.
    private var last = Int64Map<Int32>()
    private var quotes: [Int64] = []
    /// The pair before, with the same shingle; -1 for the first.
    private var previous: [Int32] = []

    mutating func add(_ shingles: [Int64], quote: Int64) {
        for shingle in shingles {
            let pair = Int32(quotes.count)
            quotes.append(quote)
            previous.append(last[shingle] ?? -1)
            last[shingle] = pair
        }
    }

    /// The quotations holding `shingle`, the most recent first.
    func forEachQuote(with shingle: Int64, _ body: (Int64) throws -> Void) rethrows {
        var pair = last[shingle] ?? -1
        while pair >= 0 {
            try body(quotes[Int(pair)])
            pair = previous[Int(pair)]
        }
    }
}
