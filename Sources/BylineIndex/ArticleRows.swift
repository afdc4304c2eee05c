import BylineCore
import Foundation
import GRDB

/// File facts stored with an article's analysis. Every article read from one file (a feed's
/// items) carries the same.
struct ArticleFileInfo: Sendable {
    /// The file's path (absolute, standardised).
    var path: String
    var stamp: FileStamp
    var hash: UInt64
}

/// A speaker row as inserted, for the cross-article merge.
struct InsertedSpeaker {
    var rowID: Int64
    var input: SpeakerMergeInput
    var quoteCount: Int
    var mentionCount: Int
    var personID: Int64?
}

/// An article's quotations as one search column, in order, separated by U+001F (which the
/// tokenizer treats as a separator, so words never join across quotations).
enum QuotationColumn {
    static let separator: Unicode.Scalar = "\u{1F}"

    static func join(_ quotes: [String]) -> String {
        quotes.map { quote in
            quote.utf8.contains(UInt8(separator.value)) ? quote.replacingOccurrences(of: String(separator), with: " ") : quote
        }.joined(separator: String(separator))
    }
}

/// An analysed article turned into the values of its rows. Built on the analysis threads, so
/// the single writer only binds values (it is the slower side of an update).
struct PreparedArticle: Sendable {
    struct SpeakerRow: Sendable {
        var ordinal: Int
        var name: String
        var kind: String
        var description: String?
        var aliases: String
        var mentions: Data
        var mentionCount: Int
        var quoteOrdinals: String
        var quoteCount: Int
        var input: SpeakerMergeInput
    }

    struct QuoteRow: Sendable {
        var ordinal: Int
        var span: TextSpan
        var parts: Data
        var kind: String
        var speakerOrdinal: Int?
        var mention: TextSpan?
        var mentionText: String?
        var cue: String?
        var detectionRule: String
        var attributionRule: String?
        var attributionRanking: String?
        var via: String?
        var text: String
        /// Its words as echoes compare them, nil when it is too short to echo.
        var echo: EchoPrint?
    }

    struct TimeRow: Sendable {
        var ordinal: Int
        var span: TextSpan
        var text: String
        var type: String
        var value: String
        var mod: String?
        var anchored: Bool
        var inferred: Bool
        var sentence: Int
        var sentenceSpan: TextSpan
        var rule: String
        /// The timeline entry: position in the article's timeline and the entry itself.
        var entry: Int?
        var startDay: Int?
        var endDay: Int?
        /// `TimelineOrderKey.packed` of the entry.
        var orderKey: Int64?
        var entrySentence: Int?
        var quoteOrdinal: Int?
        var speakerOrdinal: Int?
    }

    /// The article's key in the index: its file's path, or for a feed item the file's path,
    /// `#` and the item's id (`Article.source`).
    var key: String
    var headline: String
    var text: String
    var date: CivilDate?
    var dateSource: DateSource?
    var metadata: ArticleMetadata
    var warnings: [String]
    var unplaced: String
    var quotesText: String
    var speakers: [SpeakerRow]
    var quotes: [QuoteRow]
    var times: [TimeRow]

    /// `echoes`: whether to compute the quotations' echo words (`IndexAnalysis.echoes`).
    init(_ analyzed: AnalyzedArticle, echoes: Bool = true) {
        let article = analyzed.article
        key = article.source
        headline = article.headlineText
        text = article.text
        date = article.date
        dateSource = article.dateSource
        metadata = article.metadata
        warnings = article.warnings
        unplaced = IntList.encode(analyzed.timeline.unplaced)
        speakers = analyzed.speakers.map { speaker in
            SpeakerRow(ordinal: speaker.id, name: speaker.name, kind: speaker.kind.rawValue, description: speaker.description,
                       aliases: NameList.encode(speaker.aliases), mentions: SpanCoding.encode(speaker.mentions),
                       mentionCount: speaker.mentions.count, quoteOrdinals: IntList.encode(speaker.quotes),
                       quoteCount: speaker.quotes.count, input: SpeakerMergeInput(speaker, article: 0))
        }
        quotes = analyzed.quotes.map { quote in
            let text = quote.parts.map { ArticleRows.text(article, $0) }.joined(separator: "\n")
            return QuoteRow(ordinal: quote.id, span: quote.span, parts: SpanCoding.encode(quote.parts), kind: quote.kind.rawValue,
                            speakerOrdinal: quote.speaker, mention: quote.speakerMention,
                            mentionText: quote.speakerMention.map { ArticleRows.text(article, $0) }, cue: quote.cue,
                            detectionRule: quote.detectionRule, attributionRule: quote.attributionRule,
                            attributionRanking: quote.attributionRanking, via: quote.via, text: text,
                            echo: echoes ? EchoPrint(text: text) : nil)
        }
        quotesText = QuotationColumn.join(quotes.map(\.text))
        // Each expression with its timeline entry, if it has one.
        var entries: [Int: (position: Int, entry: TimelineEntry)] = [:]
        for (position, entry) in analyzed.timeline.entries.enumerated() where entries[entry.expression] == nil {
            entries[entry.expression] = (position, entry)
        }
        times = analyzed.timeExpressions.enumerated().map { ordinal, expression in
            let sentence = article.sentences.indices.contains(expression.sentence)
                ? article.sentences[expression.sentence].span : expression.span
            let placed = entries[ordinal]
            return TimeRow(ordinal: ordinal, span: expression.span, text: ArticleRows.text(article, expression.span),
                           type: expression.type.rawValue, value: expression.value, mod: expression.mod?.rawValue,
                           anchored: expression.anchored, inferred: expression.inferred, sentence: expression.sentence,
                           sentenceSpan: sentence, rule: expression.rule, entry: placed?.position,
                           startDay: placed?.entry.start.dayNumber, endDay: placed?.entry.end.dayNumber,
                           orderKey: placed.map { TimelineOrderKey($0.entry, of: expression).packed },
                           entrySentence: placed?.entry.sentence, quoteOrdinal: placed?.entry.quote,
                           speakerOrdinal: placed?.entry.speaker)
        }
    }
}

/// Writes one prepared article into the tables (prepared statements, reused across a batch).
enum ArticleRows {
    /// Inserts the article and everything found in it, its quotations' echoes too; returns its
    /// id and its speakers' rows. `person` gives a speaker's library speaker when it is already
    /// known (the next merge corrects it if not), so most speaker rows need no second write.
    static func insert(_ article: PreparedArticle, file: ArticleFileInfo, db: Database, echoes: EchoSync,
                       person: (SpeakerMergeInput) -> Int64? = { _ in nil }) throws
        -> (articleID: Int64, speakers: [InsertedSpeaker])
    {
        let insertArticle = try db.cachedStatement(sql: """
            INSERT INTO articles (path, file, size, mtime, content_hash, date, day, date_source, headline, quote_count,
                                  unplaced, warnings, format, title, authors, url, site, language, item_id, published)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let m = article.metadata
        try insertArticle.execute(arguments: [
            article.key, file.path, file.stamp.size, file.stamp.mtime, ContentHash.stored(file.hash),
            article.date?.iso, article.date?.dayNumber, article.dateSource?.rawValue,
            article.headline, article.quotes.count, article.unplaced,
            article.warnings.isEmpty ? nil : article.warnings.joined(separator: "\n"),
            m.format.rawValue, m.title, m.authors.isEmpty ? nil : NameList.encode(m.authors), m.url, m.site, m.language,
            m.feedItemID, m.published,
        ])
        let articleID = db.lastInsertedRowID
        // The texts, and through a trigger the search index.
        try db.cachedStatement(sql: "INSERT INTO article_texts (id, headline, text, quotes_text) VALUES (?, ?, ?, ?)")
            .execute(arguments: [articleID, article.headline, article.text, article.quotesText])

        let insertSpeaker = try db.cachedStatement(sql: """
            INSERT INTO speakers (article_id, ordinal, name, kind, description, aliases, mentions, mention_count,
                                  quote_ordinals, quote_count, person_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var speakerRows: [Int: Int64] = [:]
        var inserted: [InsertedSpeaker] = []
        for speaker in article.speakers {
            var input = speaker.input
            input.article = Int(articleID)
            let personID = person(input)
            try insertSpeaker.execute(arguments: [
                articleID, speaker.ordinal, speaker.name, speaker.kind, speaker.description, speaker.aliases,
                speaker.mentions, speaker.mentionCount, speaker.quoteOrdinals, speaker.quoteCount, personID,
            ])
            let rowID = db.lastInsertedRowID
            speakerRows[speaker.ordinal] = rowID
            inserted.append(InsertedSpeaker(rowID: rowID, input: input, quoteCount: speaker.quoteCount,
                                            mentionCount: speaker.mentionCount, personID: personID))
        }

        let insertQuote = try db.cachedStatement(sql: """
            INSERT INTO quotes (article_id, ordinal, start, "end", parts, kind, speaker_id, speaker_ordinal,
                                mention_start, mention_end, mention_text, cue, detection_rule, attribution_rule, text, via,
                                attribution_ranking)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for quote in article.quotes {
            try insertQuote.execute(arguments: [
                articleID, quote.ordinal, quote.span.start, quote.span.end, quote.parts, quote.kind,
                quote.speakerOrdinal.flatMap { speakerRows[$0] }, quote.speakerOrdinal, quote.mention?.start,
                quote.mention?.end, quote.mentionText, quote.cue, quote.detectionRule, quote.attributionRule, quote.text,
                quote.via, quote.attributionRanking,
            ])
            try echoes.insert(quote: db.lastInsertedRowID, article: articleID, quote.echo, db: db)
        }

        let insertTime = try db.cachedStatement(sql: """
            INSERT INTO times (article_id, ordinal, start, "end", text, type, value, mod, anchored, inferred, sentence,
                               sentence_start, sentence_end, rule, entry, start_day, end_day, order_key,
                               entry_sentence, quote_ordinal, speaker_ordinal, speaker_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for time in article.times {
            try insertTime.execute(arguments: [
                articleID, time.ordinal, time.span.start, time.span.end, time.text, time.type, time.value, time.mod,
                time.anchored, time.inferred, time.sentence, time.sentenceSpan.start, time.sentenceSpan.end, time.rule,
                time.entry, time.startDay, time.endDay, time.orderKey, time.entrySentence, time.quoteOrdinal, time.speakerOrdinal,
                time.speakerOrdinal.flatMap { speakerRows[$0] },
            ])
        }
        return (articleID, inserted)
    }

    /// The text of a span, encoded straight to UTF-8 (appending scalars one by one to a String
    /// is several times slower, and the writer does this for every quotation).
    static func text(_ article: Article, _ span: TextSpan) -> String {
        guard span.start >= 0, span.end <= article.scalars.count, span.start < span.end else { return "" }
        let scalars = article.scalars[span.start..<span.end]
        var count = 0
        for s in scalars { count += UTF8.width(s) }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var i = 0
            for s in scalars {
                for byte in UTF8.encode(s)! {
                    buffer[i] = byte
                    i += 1
                }
            }
            return i
        }
    }

    /// Deletes the articles read from the file at `path` (their rows and search entries go with
    /// them). Returns the deleted articles' ids.
    static func delete(file path: String, db: Database, echoes: EchoSync) throws -> [Int64] {
        let ids = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM articles WHERE file = ?"), arguments: [path])
        for id in ids { try delete(id: id, db: db, echoes: echoes) }
        return ids
    }

    static func exists(key: String, db: Database) throws -> Bool {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM articles WHERE path = ?"), arguments: [key]) != nil
    }

    /// Deletes the article stored under `key`. Returns its id.
    static func delete(key: String, db: Database, echoes: EchoSync) throws -> Int64? {
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM articles WHERE path = ?"),
                                          arguments: [key])
        else { return nil }
        try delete(id: id, db: db, echoes: echoes)
        return id
    }

    /// Deletes an article: its quotations' echoes, then every row of it (through the foreign keys).
    static func delete(id: Int64, db: Database, echoes: EchoSync) throws {
        try echoes.removeArticle(id, db: db)
        try db.cachedStatement(sql: "DELETE FROM articles WHERE id = ?").execute(arguments: [id])
    }

    /// The file changed on disk but not in content: only its stamp is updated.
    static func restamp(file path: String, stamp: FileStamp, db: Database) throws {
        try db.cachedStatement(sql: "UPDATE articles SET size = ?, mtime = ? WHERE file = ?")
            .execute(arguments: [stamp.size, stamp.mtime, path])
    }

    // MARK: Reading an article back

    /// The article's analysis as stored: the text and everything found in it. The document
    /// layout (paragraphs, sentences) is computed again from the text, as reading would.
    /// Nil when no article has this id; throws when a row is damaged.
    static func analyzedArticle(id: Int64, db: Database) throws -> AnalyzedArticle? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT a.path, t.text, a.date, a.date_source, a.unplaced, a.warnings,
                   a.format, a.title, a.authors, a.url, a.site, a.language, a.item_id, a.published
            FROM articles a JOIN article_texts t ON t.id = a.id WHERE a.id = ?
            """, arguments: [id])
        else { return nil }
        let date = (try row.decode(String?.self, atIndex: 2)).flatMap(CivilDate.init(iso:))
        let dateSource = (try row.decode(String?.self, atIndex: 3)).flatMap(DateSource.init(rawValue:))
        let warnings = (try row.decode(String?.self, atIndex: 5)).map { $0.components(separatedBy: "\n") } ?? []
        let article = Article(text: try row.decode(atIndex: 1), source: try row.decode(atIndex: 0), date: date,
                              dateSource: dateSource, warnings: warnings, metadata: try metadata(row, from: 6))
        guard let unplaced = IntList.decode(try row.decode(atIndex: 4)) else { throw damaged("timeline of article \(id)") }

        var speakers: [Speaker] = []
        for r in try Row.fetchAll(db, sql: """
            SELECT ordinal, name, kind, description, aliases, mentions, quote_ordinals
            FROM speakers WHERE article_id = ? ORDER BY ordinal
            """, arguments: [id])
        {
            guard let kind = SpeakerKind(rawValue: try r.decode(atIndex: 2)),
                let mentions = SpanCoding.decode(try r.decode(atIndex: 5)),
                let quotes = IntList.decode(try r.decode(atIndex: 6))
            else { throw damaged("speaker of article \(id)") }
            speakers.append(Speaker(id: try r.decode(atIndex: 0), name: try r.decode(atIndex: 1), kind: kind,
                                    description: try r.decode(atIndex: 3), aliases: NameList.decode(try r.decode(atIndex: 4)),
                                    mentions: mentions, quotes: quotes))
        }

        var quotes: [Quote] = []
        for r in try Row.fetchAll(db, sql: """
            SELECT ordinal, start, "end", parts, kind, speaker_ordinal, mention_start, mention_end, cue,
                   detection_rule, attribution_rule, via, attribution_ranking
            FROM quotes WHERE article_id = ? ORDER BY ordinal
            """, arguments: [id])
        {
            guard let kind = QuoteKind(rawValue: try r.decode(atIndex: 4)),
                let parts = SpanCoding.decode(try r.decode(atIndex: 3)),
                let span = spanOrNil(try r.decode(atIndex: 1), try r.decode(atIndex: 2))
            else { throw damaged("quotation of article \(id)") }
            let mention = spanOrNil(try r.decode(atIndex: 6), try r.decode(atIndex: 7))
            quotes.append(Quote(id: try r.decode(atIndex: 0), span: span, parts: parts, kind: kind,
                                speaker: try r.decode(atIndex: 5), speakerMention: mention, cue: try r.decode(atIndex: 8),
                                detectionRule: try r.decode(atIndex: 9), attributionRule: try r.decode(atIndex: 10),
                                attributionRanking: try r.decode(atIndex: 12), via: try r.decode(atIndex: 11)))
        }

        var expressions: [TimeExpression] = []
        var entries: [(position: Int, entry: TimelineEntry)] = []
        for r in try Row.fetchAll(db, sql: """
            SELECT start, "end", type, value, mod, anchored, inferred, sentence, rule,
                   entry, start_day, end_day, entry_sentence, quote_ordinal, speaker_ordinal
            FROM times WHERE article_id = ? ORDER BY ordinal
            """, arguments: [id])
        {
            guard let type = TimexType(rawValue: try r.decode(atIndex: 2)),
                let span = spanOrNil(try r.decode(atIndex: 0), try r.decode(atIndex: 1))
            else { throw damaged("time expression of article \(id)") }
            let mod = (try r.decode(String?.self, atIndex: 4)).flatMap(TimexMod.init(rawValue:))
            if let position: Int = try r.decode(atIndex: 9) {
                guard let start: Int = try r.decode(atIndex: 10), let end: Int = try r.decode(atIndex: 11),
                    let sentence: Int = try r.decode(atIndex: 12)
                else { throw damaged("timeline entry of article \(id)") }
                entries.append((position, TimelineEntry(expression: expressions.count, start: CivilDate(dayNumber: start),
                                                        end: CivilDate(dayNumber: end), sentence: sentence,
                                                        quote: try r.decode(atIndex: 13), speaker: try r.decode(atIndex: 14))))
            }
            expressions.append(TimeExpression(span: span, type: type, value: try r.decode(atIndex: 3), mod: mod,
                                              anchored: try r.decode(atIndex: 5), inferred: try r.decode(atIndex: 6),
                                              sentence: try r.decode(atIndex: 7), rule: try r.decode(atIndex: 8)))
        }
        entries.sort { $0.position < $1.position }
        return AnalyzedArticle(article: article, quotes: quotes, speakers: speakers, timeExpressions: expressions,
                               timeline: Timeline(entries: entries.map(\.entry), unplaced: unplaced))
    }

    /// `ArticleMetadata` from the columns `format, title, authors, url, site, language, item_id,
    /// published`.
    static func metadata(_ row: Row, from offset: Int) throws -> ArticleMetadata {
        ArticleMetadata(format: SourceFormat(rawValue: try row.decode(atIndex: offset)) ?? .text,
                        title: try row.decode(atIndex: offset + 1),
                        authors: (try row.decode(String?.self, atIndex: offset + 2)).map(NameList.decode) ?? [],
                        url: try row.decode(atIndex: offset + 3), site: try row.decode(atIndex: offset + 4),
                        language: try row.decode(atIndex: offset + 5), feedItemID: try row.decode(atIndex: offset + 6),
                        published: try row.decode(atIndex: offset + 7))
    }

    private static func spanOrNil(_ start: Int?, _ end: Int?) -> TextSpan? {
        guard let start, let end, start <= end, start >= 0 else { return nil }
        return TextSpan(start, end)
    }

    private static func damaged(_ what: String) -> LibraryIndexError {
        .damaged("a stored \(what) cannot be read")
    }
}
