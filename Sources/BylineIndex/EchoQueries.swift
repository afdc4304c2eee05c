import BylineCore
import Foundation
import GRDB

/// A speaker an echo cluster names: the library speakers its quotations are attributed to,
/// merged again within the cluster (`SpeakerMerge`: `Biden` in one article is `Joe Biden` in
/// another when the cluster names no other Biden).
public struct EchoSpeaker: Sendable, Hashable {
    /// The library speakers merged into this one (`LibrarySpeaker.id`).
    public var ids: [Int64]
    public var name: String
    public var kind: SpeakerKind
}

/// The same quotation in several articles: a quotation, its reprints, fragments and elided
/// forms (`EchoWords`), connected by verified echoes.
public struct EchoCluster: Sendable, Hashable, Identifiable {
    /// Stable while the cluster keeps its first-stored quotation.
    public var id: Int64
    /// The earliest appearance first: by article date (undated last), then article, then
    /// position in the article.
    public let quotations: [LibraryQuotation]
    /// The speakers named for it, in order of appearance; unattributed quotations name none.
    public var speakers: [EchoSpeaker]
    /// Two or more named speakers (people or organisations; an anonymous source names nobody):
    /// a possible misattribution.
    public var disagree: Bool
    /// In how many articles it appears (counted once: lists sort and filter by it, and the
    /// reader draws it every frame).
    public let articleCount: Int

    init(id: Int64, quotations: [LibraryQuotation], speakers: [EchoSpeaker], disagree: Bool) {
        self.id = id
        self.quotations = quotations
        self.speakers = speakers
        self.disagree = disagree
        articleCount = Set(quotations.map(\.article.id)).count
    }

    /// The earliest appearance.
    public var first: LibraryQuotation { quotations[0] }

    /// The longest form of the quotation (the earliest of equal length).
    public var text: String {
        quotations.max { a, b in a.text.unicodeScalars.count < b.text.unicodeScalars.count }?.text ?? ""
    }
}

/// What the reader shows beside a quotation that has echoes.
public struct EchoSummary: Sendable, Hashable {
    public var cluster: Int64
    /// Articles other than the quotation's own that hold it.
    public var otherArticles: Int
    public var disagree: Bool
}

extension LibraryIndex {
    /// The echoes of a quotation (its article and `Quote.id`): its whole cluster, itself
    /// included; nil when it echoes nothing.
    public func echoes(article: Int64, ordinal: Int) throws(LibraryIndexError) -> EchoCluster? {
        try read { db in
            guard let cluster = try Int64.fetchOne(db, sql: """
                SELECT e.cluster FROM quotes q JOIN echo_quotes e ON e.quote_id = q.id
                WHERE q.article_id = ? AND q.ordinal = ?
                """, arguments: [article, ordinal])
            else { return nil }
            return try LibraryIndex.echoClusters(db, where: "e.cluster = ?", [cluster]).first
        }
    }

    /// The library's echo clusters that appear in `minimumArticles` articles or more (only those
    /// whose speakers disagree, with `disagreeing`; only those first seen between `from` and
    /// `through`, when given), the most echoed first, then by first appearance.
    public func echoClusters(minimumArticles: Int = 2, disagreeing: Bool = false, from: CivilDate? = nil,
                             through: CivilDate? = nil) throws(LibraryIndexError) -> [EchoCluster]
    {
        let clusters = try read { db in try LibraryIndex.echoClusters(db, where: "e.cluster IS NOT NULL", []) }
        return clusters.filter { cluster in
            if cluster.articleCount < minimumArticles || (disagreeing && !cluster.disagree) { return false }
            if from == nil && through == nil { return true }
            guard let date = cluster.first.article.date else { return false }
            return (from.map { date >= $0 } ?? true) && (through.map { date <= $0 } ?? true)
        }.sorted { a, b in
            if a.articleCount != b.articleCount { return a.articleCount > b.articleCount }
            if let order = LibraryIndex.appearanceOrder(a.first, b.first) { return order }
            return a.id < b.id
        }
    }

    /// For each of an article's quotations that echoes (by `Quote.id`): how many other articles
    /// hold it and whether their speakers disagree.
    public func echoSummaries(article: Int64) throws(LibraryIndexError) -> [Int: EchoSummary] {
        try read { db in
            var clusterOf: [Int: Int64] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT q.ordinal, e.cluster FROM quotes q JOIN echo_quotes e ON e.quote_id = q.id
                WHERE q.article_id = ? AND e.cluster IS NOT NULL
                """, arguments: [article])
            while let row = try rows.next() { clusterOf[try row.decode(atIndex: 0)] = try row.decode(atIndex: 1) }
            if clusterOf.isEmpty { return [:] }
            let ids = Set(clusterOf.values).map(String.init).joined(separator: ",")
            var clusters: [Int64: EchoCluster] = [:]
            for cluster in try LibraryIndex.echoClusters(db, where: "e.cluster IN (\(ids))", []) { clusters[cluster.id] = cluster }
            return clusterOf.compactMapValues { id in
                clusters[id].map { cluster in
                    EchoSummary(cluster: id, otherArticles: Set(cluster.quotations.map(\.article.id)).subtracting([article]).count,
                                disagree: cluster.disagree)
                }
            }
        }
    }

    /// Whether `a` appeared before `b` (by article date, undated last; within a day, those with
    /// an instant of publication first, by that instant; then article path and position); nil
    /// when they are the same quotation.
    static func appearanceOrder(_ a: LibraryQuotation, _ b: LibraryQuotation) -> Bool? {
        switch (a.article.date, b.article.date) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        // Within a day, those with a time of publication first, by that instant (canonical UTC
        // `PublishedTime`: string order is time order), then those without: one total order,
        // where comparing by time only when both have one would not be transitive.
        switch (a.article.published, b.article.published) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if a.article.path != b.article.path { return a.article.path < b.article.path }
        if a.ordinal != b.ordinal { return a.ordinal < b.ordinal }
        return nil
    }

    /// The clusters of the echo rows `condition` selects (on `echo_quotes e`), in cluster order.
    private static func echoClusters(_ db: Database, where condition: String,
                                     _ arguments: StatementArguments) throws -> [EchoCluster]
    {
        struct Member {
            var quotation: LibraryQuotation
            var person: (id: Int64, name: String, kind: SpeakerKind, description: String?, aliases: [String])?
        }
        var grouped: [(cluster: Int64, members: [Member])] = []
        // The columns after those of `quotation(_:)`.
        let extra = quotationIDColumn + 1
        _ = try fetch(db, """
            SELECT \(quotationColumns), a.site, a.url, e.cluster, p.id, p.name, p.kind, p.description, p.aliases, a.published
            FROM echo_quotes e
            JOIN quotes q ON q.id = e.quote_id
            JOIN articles a ON a.id = q.article_id
            LEFT JOIN speakers s ON s.id = q.speaker_id
            LEFT JOIN persons p ON p.id = s.person_id
            WHERE \(condition)
            ORDER BY e.cluster
            """, arguments) { row -> Void in
            var quotation = try LibraryIndex.quotation(row)
            quotation.article.site = try row.decode(atIndex: extra)
            quotation.article.url = try row.decode(atIndex: extra + 1)
            quotation.article.published = try row.decode(atIndex: extra + 8)
            let cluster: Int64 = try row.decode(atIndex: extra + 2)
            var member = Member(quotation: quotation, person: nil)
            if let personID: Int64 = try row.decode(atIndex: extra + 3) {
                member.person = (personID, try row.decode(atIndex: extra + 4),
                                 SpeakerKind(rawValue: try row.decode(atIndex: extra + 5)) ?? .person,
                                 try row.decode(atIndex: extra + 6), NameList.decode(try row.decode(atIndex: extra + 7)))
            }
            if grouped.last?.cluster == cluster {
                grouped[grouped.count - 1].members.append(member)
            } else {
                grouped.append((cluster, [member]))
            }
        }
        return grouped.map { cluster, members in
            let ordered = members.sorted { a, b in appearanceOrder(a.quotation, b.quotation) ?? false }
            // The library speakers named, in order of appearance, merged within the cluster.
            var persons: [(id: Int64, name: String, kind: SpeakerKind, description: String?, aliases: [String])] = []
            for member in ordered {
                if let person = member.person, !persons.contains(where: { $0.id == person.id }) { persons.append(person) }
            }
            let inputs = persons.enumerated().map { index, p in
                SpeakerMergeInput(article: index, ordinal: 0, name: p.name, kind: p.kind, description: p.description,
                                  aliases: p.aliases)
            }
            var speakers: [EchoSpeaker] = []
            var positionOfKey: [String: Int] = [:]
            for (person, key) in zip(persons, SpeakerMerge.keys(inputs)) {
                if let position = positionOfKey[key] {
                    speakers[position].ids.append(person.id)
                    // The fuller name stands for the group.
                    if person.name.count > speakers[position].name.count { speakers[position].name = person.name }
                } else {
                    positionOfKey[key] = speakers.count
                    speakers.append(EchoSpeaker(ids: [person.id], name: person.name, kind: person.kind))
                }
            }
            let named = speakers.filter { $0.kind != .anonymous }
            return EchoCluster(id: cluster, quotations: ordered.map(\.quotation), speakers: speakers, disagree: named.count > 1)
        }
    }
}
