import BylineCore
import Foundation
import GRDB

/// File facts stored with an article's analysis.
struct ArticleFileInfo: Sendable {
    var path: String
    var stamp: FileStamp
    var hash: UInt64
}

/// A speaker row as inserted, for the cross-article merge.
struct InsertedSpeaker {
    var rowID: Int64
    var articleID: Int64
    var speaker: Speaker
}

/// Writes one analysed article into the tables (prepared statements, reused across a batch).
enum ArticleRows {
    /// Inserts the article and everything found in it; returns its id and its speakers' rows.
    static func insert(_ analyzed: AnalyzedArticle, file: ArticleFileInfo, db: Database) throws
        -> (articleID: Int64, speakers: [InsertedSpeaker])
    {
        let article = analyzed.article
        let insertArticle = try db.cachedStatement(sql: """
            INSERT INTO articles (path, size, mtime, content_hash, date, day, date_source, headline, text,
                                  quote_count, unplaced, warnings)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try insertArticle.execute(arguments: [
            file.path, file.stamp.size, file.stamp.mtime, ContentHash.stored(file.hash),
            article.date?.iso, article.date?.dayNumber, article.dateSource?.rawValue,
            article.headlineText, article.text, analyzed.quotes.count,
            IntList.encode(analyzed.timeline.unplaced),
            article.warnings.isEmpty ? nil : article.warnings.joined(separator: "\n"),
        ])
        let articleID = db.lastInsertedRowID

        let insertSpeaker = try db.cachedStatement(sql: """
            INSERT INTO speakers (article_id, ordinal, name, kind, description, aliases, mentions, mention_count,
                                  quote_ordinals, quote_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var speakerRows: [Int: Int64] = [:]
        var inserted: [InsertedSpeaker] = []
        for speaker in analyzed.speakers {
            try insertSpeaker.execute(arguments: [
                articleID, speaker.id, speaker.name, speaker.kind.rawValue, speaker.description,
                NameList.encode(speaker.aliases), SpanCoding.encode(speaker.mentions), speaker.mentions.count,
                IntList.encode(speaker.quotes), speaker.quotes.count,
            ])
            let rowID = db.lastInsertedRowID
            speakerRows[speaker.id] = rowID
            inserted.append(InsertedSpeaker(rowID: rowID, articleID: articleID, speaker: speaker))
        }

        let insertQuote = try db.cachedStatement(sql: """
            INSERT INTO quotes (article_id, ordinal, start, "end", parts, kind, speaker_id, speaker_ordinal,
                                mention_start, mention_end, mention_text, cue, detection_rule, attribution_rule, text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for quote in analyzed.quotes {
            let mention = quote.speakerMention
            try insertQuote.execute(arguments: [
                articleID, quote.id, quote.span.start, quote.span.end, SpanCoding.encode(quote.parts),
                quote.kind.rawValue, quote.speaker.flatMap { speakerRows[$0] }, quote.speaker,
                mention?.start, mention?.end, mention.map { article.string($0) }, quote.cue,
                quote.detectionRule, quote.attributionRule, quote.parts.map { article.string($0) }.joined(separator: "\n"),
            ])
        }

        let insertExpression = try db.cachedStatement(sql: """
            INSERT INTO time_expressions (article_id, ordinal, start, "end", text, type, value, mod, anchored, inferred,
                                          sentence, sentence_start, sentence_end, rule)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var expressionRows: [Int64] = []
        for (ordinal, expression) in analyzed.timeExpressions.enumerated() {
            let sentence = article.sentences.indices.contains(expression.sentence)
                ? article.sentences[expression.sentence].span : expression.span
            try insertExpression.execute(arguments: [
                articleID, ordinal, expression.span.start, expression.span.end, article.string(expression.span),
                expression.type.rawValue, expression.value, expression.mod?.rawValue, expression.anchored,
                expression.inferred, expression.sentence, sentence.start, sentence.end, expression.rule,
            ])
            expressionRows.append(db.lastInsertedRowID)
        }

        let insertEntry = try db.cachedStatement(sql: """
            INSERT INTO timeline (article_id, ordinal, expression_id, expression_ordinal, start_day, end_day, sentence,
                                  quote_ordinal, speaker_ordinal, speaker_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (ordinal, entry) in analyzed.timeline.entries.enumerated() where expressionRows.indices.contains(entry.expression) {
            try insertEntry.execute(arguments: [
                articleID, ordinal, expressionRows[entry.expression], entry.expression, entry.start.dayNumber,
                entry.end.dayNumber, entry.sentence, entry.quote, entry.speaker, entry.speaker.flatMap { speakerRows[$0] },
            ])
        }
        return (articleID, inserted)
    }

    /// Deletes the article stored for `path` (its rows and search entries go with it).
    /// Returns the deleted article's id.
    static func delete(path: String, db: Database) throws -> Int64? {
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM articles WHERE path = ?"),
                                          arguments: [path])
        else { return nil }
        try delete(id: id, db: db)
        return id
    }

    static func delete(id: Int64, db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM articles WHERE id = ?").execute(arguments: [id])
    }

    /// The file changed on disk but not in content: only its stamp is updated.
    static func restamp(path: String, stamp: FileStamp, db: Database) throws {
        try db.cachedStatement(sql: "UPDATE articles SET size = ?, mtime = ? WHERE path = ?")
            .execute(arguments: [stamp.size, stamp.mtime, path])
    }

    // MARK: Reading an article back

    /// The article's analysis as stored: the text and everything found in it. The document
    /// layout (paragraphs, sentences) is computed again from the text, as reading would.
    /// Nil when no article has this id; throws when a row is damaged.
    static func analyzedArticle(id: Int64, db: Database) throws -> AnalyzedArticle? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT path, text, date, date_source, unplaced, warnings FROM articles WHERE id = ?
            """, arguments: [id])
        else { return nil }
        let date = (try row.decode(String?.self, atIndex: 2)).flatMap(CivilDate.init(iso:))
        let dateSource = (try row.decode(String?.self, atIndex: 3)).flatMap(DateSource.init(rawValue:))
        let warnings = (try row.decode(String?.self, atIndex: 5)).map { $0.components(separatedBy: "\n") } ?? []
        let article = Article(text: try row.decode(atIndex: 1), source: try row.decode(atIndex: 0), date: date,
                              dateSource: dateSource, warnings: warnings)
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
                   detection_rule, attribution_rule
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
                                detectionRule: try r.decode(atIndex: 9), attributionRule: try r.decode(atIndex: 10)))
        }

        var expressions: [TimeExpression] = []
        for r in try Row.fetchAll(db, sql: """
            SELECT start, "end", type, value, mod, anchored, inferred, sentence, rule
            FROM time_expressions WHERE article_id = ? ORDER BY ordinal
            """, arguments: [id])
        {
            guard let type = TimexType(rawValue: try r.decode(atIndex: 2)),
                let span = spanOrNil(try r.decode(atIndex: 0), try r.decode(atIndex: 1))
            else { throw damaged("time expression of article \(id)") }
            let mod = (try r.decode(String?.self, atIndex: 4)).flatMap(TimexMod.init(rawValue:))
            expressions.append(TimeExpression(span: span, type: type, value: try r.decode(atIndex: 3), mod: mod,
                                              anchored: try r.decode(atIndex: 5), inferred: try r.decode(atIndex: 6),
                                              sentence: try r.decode(atIndex: 7), rule: try r.decode(atIndex: 8)))
        }

        var entries: [TimelineEntry] = []
        for r in try Row.fetchAll(db, sql: """
            SELECT expression_ordinal, start_day, end_day, sentence, quote_ordinal, speaker_ordinal
            FROM timeline WHERE article_id = ? ORDER BY ordinal
            """, arguments: [id])
        {
            entries.append(TimelineEntry(expression: try r.decode(atIndex: 0),
                                         start: CivilDate(dayNumber: try r.decode(atIndex: 1)),
                                         end: CivilDate(dayNumber: try r.decode(atIndex: 2)),
                                         sentence: try r.decode(atIndex: 3), quote: try r.decode(atIndex: 4),
                                         speaker: try r.decode(atIndex: 5)))
        }
        return AnalyzedArticle(article: article, quotes: quotes, speakers: speakers, timeExpressions: expressions,
                               timeline: Timeline(entries: entries, unplaced: unplaced))
    }

    private static func spanOrNil(_ start: Int?, _ end: Int?) -> TextSpan? {
        guard let start, let end, start <= end, start >= 0 else { return nil }
        return TextSpan(start, end)
    }

    private static func damaged(_ what: String) -> LibraryIndexError {
        .damaged("a stored \(what) cannot be read")
    }
}
