import BylineCore
import Foundation
import GRDB

/// An article of the library, as the library pane lists it.
public struct LibraryArticle: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// Absolute path of the file.
    public var path: String
    public var headline: String
    public var date: CivilDate?
    public var quoteCount: Int
    /// The publication or feed it came from, and its own address: filled by the queries that
    /// list articles (`articles`, `article(id:)`, `article(path:)`, `libraryPage`), nil from
    /// those that list quotations, speakers or dates.
    public var site: String?
    public var url: String?
    /// The instant of publication when the source gave a time (`PublishedTime`): filled by the
    /// queries that list articles and by the echo queries.
    public var published: String?
}

/// A speaker across the library: one person, organisation or (per article) anonymous source.
public struct LibrarySpeaker: Sendable, Hashable, Identifiable {
    /// Stable while the speaker exists in the library (across updates).
    public var id: Int64
    public var name: String
    public var kind: SpeakerKind
    public var description: String?
    /// Other names the speaker goes by in the library's articles.
    public var aliases: [String]
    public var articleCount: Int
    public var quoteCount: Int
    public var mentionCount: Int

    /// The same fields as a `Speaker`, for `SpeakerQuery`.
    public var asSpeaker: Speaker {
        Speaker(id: Int(id), name: name, kind: kind, description: description, aliases: aliases)
    }
}

/// A quotation with its article, as library-wide lists show it.
public struct LibraryQuotation: Sendable, Hashable {
    public var article: LibraryArticle
    /// `Quote.id`: position among the article's quotations.
    public var ordinal: Int
    public var span: TextSpan
    public var parts: [TextSpan]
    /// The quoted words without marks; paragraphs joined by a newline.
    public var text: String
    public var kind: QuoteKind
    /// The speaker's name as the article gives it, and the library speaker it was merged into.
    public var speakerName: String?
    public var speakerID: Int64?
    public var speakerMention: TextSpan?
    public var speakerMentionText: String?
    public var cue: String?
    public var detectionRule: String
    public var attributionRule: String?
    /// Where the speaker ranker overrode the rules (`Quote.attributionRanking`).
    public var attributionRanking: String? = nil
    /// The inner source of a nested attribution (`Quote.via`): `According to X, Y said "…"` is
    /// X's, through Y.
    public var via: String?
}

/// An article in which a library speaker appears.
public struct SpeakerAppearance: Sendable, Hashable {
    public var article: LibraryArticle
    /// The name the article uses.
    public var name: String
    public var mentions: [TextSpan]
    public var quoteCount: Int
}

/// One dated event of the library timeline.
public struct LibraryTimelineEntry: Sendable, Hashable {
    public var article: LibraryArticle
    /// First and last day the expression covers.
    public var start: CivilDate
    public var end: CivilDate
    /// Index into the article's time expressions.
    public var expressionOrdinal: Int
    public var span: TextSpan
    public var text: String
    public var type: TimexType
    public var value: String
    public var mod: TimexMod?
    public var anchored: Bool
    /// The year was taken from the text: the article has no date.
    public var inferred: Bool
    /// The sentence holding the expression (index and span in the article).
    public var sentence: Int
    public var sentenceSpan: TextSpan
    /// The quotation in that sentence, if any, and its speaker.
    public var quoteOrdinal: Int?
    public var speakerName: String?
    public var speakerID: Int64?
}

/// A time expression with no place on the calendar (a duration, a set, an unanchored date).
public struct LibraryTimeExpression: Sendable, Hashable {
    public var article: LibraryArticle
    public var ordinal: Int
    public var span: TextSpan
    public var text: String
    public var type: TimexType
    public var value: String
    public var mod: TimexMod?
    public var anchored: Bool
    public var inferred: Bool
    public var sentenceSpan: TextSpan
}

/// How many of each the library holds.
public struct LibraryCounts: Sendable, Hashable {
    public var articles: Int
    public var speakers: Int
    public var quotations: Int
    public var timelineEntries: Int
}

public enum LibraryArticleOrder: Sendable {
    /// By path (the order `ArticleFinder` lists files in, for one folder).
    case path
    /// By publication date (undated last), then path.
    case date
}

extension LibraryIndex {
    static let articleColumns = "a.id, a.path, a.headline, a.day, a.quote_count"
    /// Undated articles after dated ones, then by path.
    static let articleOrder = "a.day IS NULL, a.day, a.path"

    static func article(_ row: Row, from offset: Int) throws -> LibraryArticle {
        LibraryArticle(id: try row.decode(atIndex: offset), path: try row.decode(atIndex: offset + 1),
                       headline: try row.decode(atIndex: offset + 2),
                       date: (try row.decode(Int?.self, atIndex: offset + 3)).map(CivilDate.init(dayNumber:)),
                       quoteCount: try row.decode(atIndex: offset + 4))
    }

    /// `articleColumns` with the article's site, url and published, for the queries that list articles.
    static let listedArticleColumns = articleColumns + ", a.site, a.url, a.published"

    static func listedArticle(_ row: Row) throws -> LibraryArticle {
        var article = try article(row, from: 0)
        article.site = try row.decode(atIndex: 5)
        article.url = try row.decode(atIndex: 6)
        article.published = try row.decode(atIndex: 7)
        return article
    }

    /// Rows mapped as they are read (no copy of each row, unlike `Row.fetchAll`).
    static func fetch<T>(_ db: Database, _ sql: String, _ arguments: StatementArguments = [],
                         _ map: (Row) throws -> T) throws -> [T]
    {
        var result: [T] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() { result.append(try map(row)) }
        return result
    }

    // MARK: Articles

    /// The articles, for the library pane: all of them, or a page of `limit` from `offset`.
    public func articles(order: LibraryArticleOrder = .path, limit: Int? = nil,
                         offset: Int = 0) throws(LibraryIndexError) -> [LibraryArticle]
    {
        let orderBy = order == .path ? "a.path" : LibraryIndex.articleOrder
        let page = limit.map { " LIMIT \($0) OFFSET \(offset)" } ?? ""
        return try read { db in
            try LibraryIndex.fetch(db, "SELECT \(LibraryIndex.listedArticleColumns) FROM articles a ORDER BY \(orderBy)\(page)") {
                try LibraryIndex.listedArticle($0)
            }
        }
    }

    public func article(id: Int64) throws(LibraryIndexError) -> LibraryArticle? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(LibraryIndex.listedArticleColumns) FROM articles a WHERE a.id = ?",
                             arguments: [id])
                .map { try LibraryIndex.listedArticle($0) }
        }
    }

    /// The article stored for a file (any spelling of its path), or for a feed item (the
    /// feed's path, `#` and the item's id, which is kept as it is).
    public func article(path: String) throws(LibraryIndexError) -> LibraryArticle? {
        var keys = [FilePaths.absolute(path)]
        if let hash = path.firstIndex(of: "#") {
            keys.append(FilePaths.absolute(String(path[..<hash])) + path[hash...])
        }
        return try read { db in
            try Row.fetchOne(db, sql: "SELECT \(LibraryIndex.listedArticleColumns) FROM articles a WHERE a.path IN (?, ?)",
                             arguments: [keys[0], keys.last!])
                .map { try LibraryIndex.listedArticle($0) }
        }
    }

    /// An article's analysis, rebuilt from the index (no file is read, nothing is analysed):
    /// the text as it was indexed and exactly the quotations, speakers and times the index
    /// lists for it, so the article view agrees with the library panes even if the file has
    /// changed since. Nil for an unknown id.
    public func analyzedArticle(id: Int64) throws(LibraryIndexError) -> AnalyzedArticle? {
        try read { db in try ArticleRows.analyzedArticle(id: id, db: db) }
    }

    /// Moves whenever an update commits: poll it to know when to query again.
    public func generation() throws(LibraryIndexError) -> Int64 {
        try read { db in try IndexMeta.generation(db) }
    }

    public func counts() throws(LibraryIndexError) -> LibraryCounts {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM persons),
                       (SELECT count(*) FROM quotes), (SELECT count(*) FROM times WHERE start_day IS NOT NULL)
                """)!
            return LibraryCounts(articles: try row.decode(atIndex: 0), speakers: try row.decode(atIndex: 1),
                                 quotations: try row.decode(atIndex: 2), timelineEntries: try row.decode(atIndex: 3))
        }
    }

    // MARK: Speakers

    static let speakerColumns = "p.id, p.name, p.kind, p.description, p.aliases, p.article_count, p.quote_count, p.mention_count"

    static func speaker(_ row: Row) throws -> LibrarySpeaker {
        LibrarySpeaker(id: try row.decode(atIndex: 0), name: try row.decode(atIndex: 1),
                       kind: SpeakerKind(rawValue: try row.decode(atIndex: 2)) ?? .person,
                       description: try row.decode(atIndex: 3), aliases: NameList.decode(try row.decode(atIndex: 4)),
                       articleCount: try row.decode(atIndex: 5), quoteCount: try row.decode(atIndex: 6),
                       mentionCount: try row.decode(atIndex: 7))
    }

    /// The library's speakers, most quoted first (then by name). With `matching`, only those
    /// the query names (`SpeakerQuery.matches`: a name, part of one, an alias, a description),
    /// or with `prefix`, those whose words start with the typed words (the picker as one types).
    public func speakers(matching query: String? = nil, prefix: Bool = false,
                         limit: Int? = nil) throws(LibraryIndexError) -> [LibrarySpeaker]
    {
        let speakerQuery = query.map(SpeakerQuery.init)
        let limitClause = limit.map { " LIMIT \($0)" } ?? ""
        return try read { db in
            guard let speakerQuery, !speakerQuery.isEmpty else {
                return try LibraryIndex.fetch(db, """
                    SELECT \(LibraryIndex.speakerColumns) FROM persons p ORDER BY p.quote_count DESC, p.name\(limitClause)
                    """, [], LibraryIndex.speaker)
            }
            // The name index narrows; SpeakerQuery decides, exactly as it does for one article.
            guard let match = SearchQuery.nameMatch(speakerQuery.raw, prefix: prefix) else { return [] }
            var found = try LibraryIndex.fetch(db, """
                SELECT \(LibraryIndex.speakerColumns) FROM persons p
                WHERE p.id IN (SELECT rowid FROM person_search WHERE person_search MATCH ?)
                ORDER BY p.quote_count DESC, p.name
                """, [match], LibraryIndex.speaker)
            found = found.filter { prefix ? speakerQuery.prefixMatches($0.asSpeaker) : speakerQuery.matches($0.asSpeaker) }
            if let limit { found = Array(found.prefix(limit)) }
            return found
        }
    }

    public func speaker(id: Int64) throws(LibraryIndexError) -> LibrarySpeaker? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(LibraryIndex.speakerColumns) FROM persons p WHERE p.id = ?", arguments: [id])
                .map(LibraryIndex.speaker)
        }
    }

    /// The library speaker an article's speaker was merged into.
    public func speakerID(article: Int64, speakerOrdinal: Int) throws(LibraryIndexError) -> Int64? {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT person_id FROM speakers WHERE article_id = ? AND ordinal = ?",
                               arguments: [article, speakerOrdinal])
        }
    }

    // MARK: Quotations

    /// What `quotation(_:)` reads, from `quotes q`, `articles a` and `speakers s`.
    static let quotationColumns = """
        \(articleColumns), q.ordinal, q.start, q."end", q.parts, q.kind, s.name, s.person_id,
        q.mention_start, q.mention_end, q.mention_text, q.cue, q.detection_rule, q.attribution_rule, q.text, q.via,
        q.attribution_ranking, q.id
        """

    static let quotationSelect = """
        SELECT \(quotationColumns)
        FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
        """

    /// The column of `quotationSelect` holding the quotation's row id.
    static let quotationIDColumn = 21

    static func quotation(_ row: Row) throws -> LibraryQuotation {
        let start: Int = try row.decode(atIndex: 6)
        let end: Int = try row.decode(atIndex: 7)
        guard start <= end, let parts = SpanCoding.decode(try row.decode(atIndex: 8)),
            let kind = QuoteKind(rawValue: try row.decode(atIndex: 9))
        else { throw LibraryIndexError.damaged("a stored quotation cannot be read") }
        let mentionStart: Int? = try row.decode(atIndex: 12)
        let mentionEnd: Int? = try row.decode(atIndex: 13)
        var mention: TextSpan?
        if let mentionStart, let mentionEnd, mentionStart <= mentionEnd { mention = TextSpan(mentionStart, mentionEnd) }
        return LibraryQuotation(article: try article(row, from: 0), ordinal: try row.decode(atIndex: 5),
                                span: TextSpan(start, end), parts: parts, text: try row.decode(atIndex: 18), kind: kind,
                                speakerName: try row.decode(atIndex: 10), speakerID: try row.decode(atIndex: 11),
                                speakerMention: mention, speakerMentionText: try row.decode(atIndex: 14),
                                cue: try row.decode(atIndex: 15), detectionRule: try row.decode(atIndex: 16),
                                attributionRule: try row.decode(atIndex: 17), attributionRanking: try row.decode(atIndex: 20),
                                via: try row.decode(atIndex: 19))
    }

    /// Everything a library speaker said, ordered by article date (undated last), then article,
    /// then position in the article.
    public func quotations(of speakerID: Int64) throws(LibraryIndexError) -> [LibraryQuotation] {
        try quotations(of: [speakerID])
    }

    public func quotations(of speakerIDs: [Int64]) throws(LibraryIndexError) -> [LibraryQuotation] {
        if speakerIDs.isEmpty { return [] }
        let list = speakerIDs.map(String.init).joined(separator: ",")
        return try read { db in
            try LibraryIndex.fetch(db, """
                \(LibraryIndex.quotationSelect)
                WHERE q.speaker_id IN (SELECT id FROM speakers WHERE person_id IN (\(list)))
                ORDER BY \(LibraryIndex.articleOrder), q.start, q.ordinal
                """, [], LibraryIndex.quotation)
        }
    }

    /// The quotations of every library speaker `SpeakerQuery` matches with `name`, in the
    /// order of `quotations(of:)`. Empty when no speaker matches.
    public func quotations(bySpeakerMatching name: String) throws(LibraryIndexError) -> [LibraryQuotation] {
        try quotations(of: speakers(matching: name).map(\.id))
    }

    /// Every quotation in the library: articles in `order`, quotations in article order.
    public func allQuotations(order: LibraryArticleOrder = .path) throws(LibraryIndexError) -> [LibraryQuotation] {
        let orderBy = order == .path ? "a.path" : LibraryIndex.articleOrder
        return try read { db in
            try LibraryIndex.fetch(db, "\(LibraryIndex.quotationSelect) ORDER BY \(orderBy), q.ordinal", [],
                                   LibraryIndex.quotation)
        }
    }

    /// The articles a library speaker appears in (mentioned or quoted), by date then path.
    public func appearances(of speakerID: Int64) throws(LibraryIndexError) -> [SpeakerAppearance] {
        try read { db in
            try LibraryIndex.fetch(db, """
                SELECT \(LibraryIndex.articleColumns), s.name, s.mentions, s.quote_count, s.person_id
                FROM speakers s JOIN articles a ON a.id = s.article_id
                WHERE s.person_id = ?
                ORDER BY \(LibraryIndex.articleOrder), s.ordinal
                """, [speakerID], LibraryIndex.appearance)
        }
    }

    /// Every speaker's appearances at once (for listing all speakers with their mentions).
    public func appearancesBySpeaker() throws(LibraryIndexError) -> [Int64: [SpeakerAppearance]] {
        try read { db in
            var result: [Int64: [SpeakerAppearance]] = [:]
            _ = try LibraryIndex.fetch(db, """
                SELECT \(LibraryIndex.articleColumns), s.name, s.mentions, s.quote_count, s.person_id
                FROM speakers s JOIN articles a ON a.id = s.article_id
                WHERE s.person_id IS NOT NULL
                ORDER BY \(LibraryIndex.articleOrder), s.ordinal
                """) { row in
                result[try row.decode(atIndex: 8), default: []].append(try LibraryIndex.appearance(row))
            }
            return result
        }
    }

    private static func appearance(_ row: Row) throws -> SpeakerAppearance {
        guard let mentions = SpanCoding.decode(try row.decode(atIndex: 6)) else {
            throw LibraryIndexError.damaged("a stored speaker cannot be read")
        }
        return SpeakerAppearance(article: try article(row, from: 0), name: try row.decode(atIndex: 5), mentions: mentions,
                                 quoteCount: try row.decode(atIndex: 7))
    }

    // MARK: Timeline

    /// Every article's dated events in one chronological order, the order of an article's
    /// timeline (`TimelineOrderKey`, stored as `order_key`), then article date, article and
    /// position in the article's timeline. Optionally only the events in quotations of one
    /// speaker, or overlapping a range of days; a page of `limit` from `offset`.
    public func timeline(speaker speakerID: Int64? = nil, from: CivilDate? = nil, through: CivilDate? = nil,
                         limit: Int? = nil, offset: Int = 0) throws(LibraryIndexError) -> [LibraryTimelineEntry]
    {
        var conditions = ["t.start_day IS NOT NULL"]
        var arguments: StatementArguments = []
        if let speakerID {
            conditions.append("t.speaker_id IS NOT NULL AND s.person_id = ?")
            arguments += [speakerID]
        }
        if let from {
            conditions.append("t.end_day >= ?")
            arguments += [from.dayNumber]
        }
        if let through {
            conditions.append("t.start_day <= ?")
            arguments += [through.dayNumber]
        }
        let limitClause = limit.map { " LIMIT \($0) OFFSET \(max(0, offset))" } ?? ""
        return try read { db in
            try LibraryIndex.fetch(db, """
                SELECT \(LibraryIndex.articleColumns), t.start_day, t.end_day, t.ordinal, t.start, t."end",
                       t.text, t.type, t.value, t.mod, t.entry_sentence, t.sentence_start, t.sentence_end, t.quote_ordinal,
                       s.name, s.person_id, t.anchored, t.inferred
                FROM times t
                JOIN articles a ON a.id = t.article_id
                LEFT JOIN speakers s ON s.id = t.speaker_id
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY t.order_key, \(LibraryIndex.articleOrder), t.entry
                \(limitClause)
                """, arguments) { row in
                guard let type = TimexType(rawValue: try row.decode(atIndex: 11)) else {
                    throw LibraryIndexError.damaged("a stored time expression cannot be read")
                }
                return LibraryTimelineEntry(
                    article: try LibraryIndex.article(row, from: 0),
                    start: CivilDate(dayNumber: try row.decode(atIndex: 5)), end: CivilDate(dayNumber: try row.decode(atIndex: 6)),
                    expressionOrdinal: try row.decode(atIndex: 7),
                    span: try LibraryIndex.span(row, 8), text: try row.decode(atIndex: 10), type: type,
                    value: try row.decode(atIndex: 12),
                    mod: (try row.decode(String?.self, atIndex: 13)).flatMap(TimexMod.init(rawValue:)),
                    anchored: try row.decode(atIndex: 20), inferred: try row.decode(atIndex: 21),
                    sentence: try row.decode(atIndex: 14),
                    sentenceSpan: try LibraryIndex.span(row, 15),
                    quoteOrdinal: try row.decode(atIndex: 17), speakerName: try row.decode(atIndex: 18),
                    speakerID: try row.decode(atIndex: 19))
            }
        }
    }

    /// Time expressions with no place on a timeline (durations, sets, unanchored), by article
    /// then position.
    public func unplacedTimeExpressions(order: LibraryArticleOrder = .path) throws(LibraryIndexError) -> [LibraryTimeExpression] {
        let orderBy = order == .path ? "a.path" : LibraryIndex.articleOrder
        return try read { db in
            try LibraryIndex.fetch(db, """
                SELECT \(LibraryIndex.articleColumns), e.ordinal, e.start, e."end", e.text, e.type, e.value, e.mod,
                       e.anchored, e.sentence_start, e.sentence_end, e.inferred
                FROM times e JOIN articles a ON a.id = e.article_id
                WHERE e.entry IS NULL
                ORDER BY \(orderBy), e.ordinal
                """) { row in
                guard let type = TimexType(rawValue: try row.decode(atIndex: 9)) else {
                    throw LibraryIndexError.damaged("a stored time expression cannot be read")
                }
                return LibraryTimeExpression(
                    article: try LibraryIndex.article(row, from: 0), ordinal: try row.decode(atIndex: 5),
                    span: try LibraryIndex.span(row, 6), text: try row.decode(atIndex: 8), type: type,
                    value: try row.decode(atIndex: 10),
                    mod: (try row.decode(String?.self, atIndex: 11)).flatMap(TimexMod.init(rawValue:)),
                    anchored: try row.decode(atIndex: 12), inferred: try row.decode(atIndex: 15),
                    sentenceSpan: try LibraryIndex.span(row, 13))
            }
        }
    }

    static func span(_ row: Row, _ index: Int) throws -> TextSpan {
        let start: Int = try row.decode(atIndex: index)
        let end: Int = try row.decode(atIndex: index + 1)
        guard start >= 0, start <= end else { throw LibraryIndexError.damaged("a stored span cannot be read") }
        return TextSpan(start, end)
    }
}
