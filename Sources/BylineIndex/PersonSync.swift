import BylineCore
import GRDB

/// Keeps `persons` (speakers merged across the library) and `speakers.person_id` in step with
/// the articles' speakers. It holds every speaker row in memory during an update, so merging
/// again after each batch costs a pass over names, not a read of the table; it writes only
/// what changed, so person ids stay stable while their group exists.
///
/// A group is left alone only when its members are the ones of the last merge and none of
/// them was removed or added since: SQLite hands a deleted speaker's row id to the next new
/// row, and new rows carry a predicted person, so equal ids alone do not mean equal members.
final class PersonSync {
    private struct CachedSpeaker {
        var input: SpeakerMergeInput
        var quoteCount: Int
        var mentionCount: Int
        var personID: Int64?
    }

    private struct PersonRow: Equatable {
        var id: Int64
        var name: String
        var kind: String
        var description: String?
        var aliases: String
        var articleCount: Int
        var quoteCount: Int
        var mentionCount: Int
    }

    private var speakers: [Int64: CachedSpeaker] = [:]
    private var speakersByArticle: [Int64: [Int64]] = [:]
    private var persons: [String: PersonRow] = [:]
    private var membersByKey: [String: Set<Int64>] = [:]
    private var keyByPersonID: [Int64: String] = [:]
    /// Groups that lost or gained a speaker since the last merge.
    private var changedKeys = Set<String>()
    /// "kind|folded name" → the group key it had at the last merge: a prediction for new rows,
    /// which the next merge corrects where it was wrong.
    private var keyByName: [String: String] = [:]
    private(set) var isLoaded = false

    /// Reads every speaker and person (once per update, and again if another process wrote).
    func load(_ db: Database) throws {
        speakers = [:]
        speakersByArticle = [:]
        persons = [:]
        membersByKey = [:]
        keyByPersonID = [:]
        changedKeys = []
        let speakerRows = try Row.fetchCursor(db, sql: """
            SELECT id, article_id, ordinal, name, kind, description, aliases, quote_count, mention_count, person_id
            FROM speakers
            """)
        while let r = try speakerRows.next() {
            let id: Int64 = try r.decode(atIndex: 0)
            let articleID: Int64 = try r.decode(atIndex: 1)
            let kind = SpeakerKind(rawValue: try r.decode(atIndex: 4)) ?? .person
            let input = SpeakerMergeInput(article: Int(articleID), ordinal: try r.decode(atIndex: 2),
                                          name: try r.decode(atIndex: 3), kind: kind,
                                          description: try r.decode(atIndex: 5),
                                          aliases: NameList.decode(try r.decode(atIndex: 6)))
            speakers[id] = CachedSpeaker(input: input, quoteCount: try r.decode(atIndex: 7),
                                         mentionCount: try r.decode(atIndex: 8), personID: try r.decode(atIndex: 9))
            speakersByArticle[articleID, default: []].append(id)
        }
        let personRows = try Row.fetchCursor(db, sql: """
            SELECT id, key, name, kind, description, aliases, article_count, quote_count, mention_count FROM persons
            """)
        while let r = try personRows.next() {
            let row = PersonRow(id: try r.decode(atIndex: 0), name: try r.decode(atIndex: 2), kind: try r.decode(atIndex: 3),
                                description: try r.decode(atIndex: 4), aliases: try r.decode(atIndex: 5),
                                articleCount: try r.decode(atIndex: 6), quoteCount: try r.decode(atIndex: 7),
                                mentionCount: try r.decode(atIndex: 8))
            let key: String = try r.decode(atIndex: 1)
            persons[key] = row
            keyByPersonID[row.id] = key
        }
        // Speakers stored since the last merge (by a writer that stopped, or another process)
        // carry predicted persons: then no group's members can be trusted, and all are merged
        // again (rows are still written only where they differ).
        let merged = try IndexMeta.value(IndexMeta.personsDirtyKey, db) != "1"
        if merged {
            for (id, speaker) in speakers {
                if let personID = speaker.personID, let key = keyByPersonID[personID] {
                    membersByKey[key, default: []].insert(id)
                }
            }
        }
        isLoaded = true
    }

    func added(_ inserted: [InsertedSpeaker]) {
        for s in inserted {
            speakers[s.rowID] = CachedSpeaker(input: s.input, quoteCount: s.quoteCount, mentionCount: s.mentionCount,
                                              personID: s.personID)
            speakersByArticle[Int64(s.input.article), default: []].append(s.rowID)
            if let personID = s.personID, let key = keyByPersonID[personID] { changedKeys.insert(key) }
        }
    }

    /// The library speaker a new article's speaker most likely joins: the group its name
    /// joined at the last merge. Nil for a new name, an ambiguous one, or an anonymous source.
    func predictedPerson(_ input: SpeakerMergeInput) -> Int64? {
        guard input.kind != .anonymous, let key = keyByName[input.kind.rawValue + "|" + input.nameKey] else { return nil }
        return persons[key]?.id
    }

    func removedArticle(_ id: Int64) {
        for row in speakersByArticle.removeValue(forKey: id) ?? [] {
            if let personID = speakers[row]?.personID, let key = keyByPersonID[personID] { changedKeys.insert(key) }
            speakers[row] = nil
        }
    }

    /// Merges all speakers again and writes the differences.
    func sync(_ db: Database) throws {
        let ids = Array(speakers.keys)
        let inputs = ids.map { speakers[$0]!.input }
        let keys = SpeakerMerge.keys(inputs)
        var groups: [String: [Int]] = [:]
        for (index, key) in keys.enumerated() { groups[key, default: []].append(index) }
        keyByName = [:]
        for (input, key) in zip(inputs, keys) where key.hasPrefix("name:") {
            keyByName[input.kind.rawValue + "|" + input.nameKey] = key
        }

        for key in persons.keys where groups[key] == nil {
            let id = persons.removeValue(forKey: key)!.id
            keyByPersonID[id] = nil
            // Deleting the person clears its speakers' person_id (ON DELETE SET NULL).
            for speakerID in membersByKey[key] ?? [] where speakers[speakerID] != nil {
                speakers[speakerID]!.personID = nil
            }
            membersByKey[key] = nil
            try db.cachedStatement(sql: "DELETE FROM persons WHERE id = ?").execute(arguments: [id])
            try db.cachedStatement(sql: "DELETE FROM person_search WHERE rowid = ?").execute(arguments: [id])
        }

        for (key, members) in groups {
            let memberIDs = Set(members.map { ids[$0] })
            let existing = persons[key]
            // Counts change only with membership: an unchanged group needs no work.
            if existing != nil, membersByKey[key] == memberIDs, !changedKeys.contains(key) { continue }
            let merged = SpeakerMerge.summarize(key: key, members: members, inputs: inputs)
            var articles = Set<Int>()
            var quoteCount = 0
            var mentionCount = 0
            for index in members {
                let s = speakers[ids[index]]!
                articles.insert(s.input.article)
                quoteCount += s.quoteCount
                mentionCount += s.mentionCount
            }
            var row = PersonRow(id: existing?.id ?? 0, name: merged.name, kind: merged.kind.rawValue,
                                description: merged.description, aliases: NameList.encode(merged.aliases),
                                articleCount: articles.count, quoteCount: quoteCount, mentionCount: mentionCount)
            if let existing {
                if existing != row {
                    try db.cachedStatement(sql: """
                        UPDATE persons SET name = ?, kind = ?, description = ?, aliases = ?, article_count = ?,
                                           quote_count = ?, mention_count = ?
                        WHERE id = ?
                        """).execute(arguments: [row.name, row.kind, row.description, row.aliases, row.articleCount,
                                                 row.quoteCount, row.mentionCount, row.id])
                    if existing.name != row.name || existing.aliases != row.aliases || existing.description != row.description {
                        try db.cachedStatement(sql: "DELETE FROM person_search WHERE rowid = ?").execute(arguments: [row.id])
                        try insertSearchRow(row, db: db)
                    }
                }
            } else {
                try db.cachedStatement(sql: """
                    INSERT INTO persons (key, name, kind, description, aliases, article_count, quote_count, mention_count)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [key, row.name, row.kind, row.description, row.aliases, row.articleCount,
                                             row.quoteCount, row.mentionCount])
                row.id = db.lastInsertedRowID
                try insertSearchRow(row, db: db)
            }
            persons[key] = row
            keyByPersonID[row.id] = key
            membersByKey[key] = memberIDs
            let assign = try db.cachedStatement(sql: "UPDATE speakers SET person_id = ? WHERE id = ?")
            for speakerID in memberIDs where speakers[speakerID]!.personID != row.id {
                try assign.execute(arguments: [row.id, speakerID])
                speakers[speakerID]!.personID = row.id
            }
        }
        changedKeys = []
    }

    private func insertSearchRow(_ row: PersonRow, db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO person_search (rowid, name, aliases, description) VALUES (?, ?, ?, ?)")
            .execute(arguments: [row.id, row.name, row.aliases, row.description])
    }
}
