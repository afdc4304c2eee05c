import BylineCore
import GRDB

/// The index's tables, created and upgraded by GRDB migrations: one per schema version. A
/// migration that has shipped is never edited; a change to the schema is a new migration
/// appended here. (The four versions written while the index was first developed were folded
/// into "v1" before any release: no cache in users' hands holds an older schema.)
///
/// Offsets are Unicode-scalar offsets into the article's text, as everywhere in Byline. Days are
/// `CivilDate.dayNumber` values, so dates sort as integers.
enum IndexSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createVersion1)
        migrator.registerMigration("v2-timeline-order", migrate: addTimelineOrder)
        migrator.registerMigration("v3-sources", migrate: addSources)
        migrator.registerMigration("v5-echoes", migrate: addEchoes)
        migrator.registerMigration("v6-quote-via", migrate: addQuoteVia)
        migrator.registerMigration("v7-published", migrate: addPublished)
        migrator.registerMigration("v8-quote-ranking", migrate: addQuoteRanking)
        return migrator
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(sql: """
            -- Key/value facts about the whole index: analysis version, generation counter.
            CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;

            -- One small row per article file, for listing, opening and joins; the texts are
            -- in article_texts.
            CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,          -- absolute, standardised
                size INTEGER NOT NULL,              -- bytes on disk
                mtime INTEGER NOT NULL,             -- modification time, nanoseconds since 1970
                content_hash INTEGER NOT NULL,      -- FNV-1a 64 of the bytes
                date TEXT,                          -- reference date used by the analysis (YYYY-MM-DD)
                day INTEGER,                        -- the same as a day number, for ordering
                date_source TEXT,                   -- override | catalog | fileName
                headline TEXT NOT NULL,
                quote_count INTEGER NOT NULL,
                unplaced TEXT NOT NULL,             -- Timeline.unplaced (IntList)
                warnings TEXT                       -- read warnings, one per line
            );
            CREATE INDEX articles_by_day ON articles(day, path);

            -- The texts: the content of the full-text index, the source of snippets, and what an
            -- article's analysis is rebuilt from without touching the file.
            CREATE TABLE article_texts (
                id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                headline TEXT NOT NULL,
                text TEXT NOT NULL,                 -- the article as read (decoded UTF-8)
                quotes_text TEXT NOT NULL           -- its quotations, separated by U+001F
            );

            -- One search row per article with a third column for its quotations: FTS5's cost per
            -- row dominates a build, so quotations get no rows of their own.
            CREATE VIRTUAL TABLE article_search USING fts5(
                headline, text, quotes_text, content='article_texts', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2');
            CREATE TRIGGER article_texts_search_insert AFTER INSERT ON article_texts BEGIN
                INSERT INTO article_search(rowid, headline, text, quotes_text)
                    VALUES (new.id, new.headline, new.text, new.quotes_text);
            END;
            CREATE TRIGGER article_texts_search_delete AFTER DELETE ON article_texts BEGIN
                INSERT INTO article_search(article_search, rowid, headline, text, quotes_text)
                    VALUES ('delete', old.id, old.headline, old.text, old.quotes_text);
            END;
            CREATE TRIGGER article_texts_search_update AFTER UPDATE ON article_texts BEGIN
                INSERT INTO article_search(article_search, rowid, headline, text, quotes_text)
                    VALUES ('delete', old.id, old.headline, old.text, old.quotes_text);
                INSERT INTO article_search(rowid, headline, text, quotes_text)
                    VALUES (new.id, new.headline, new.text, new.quotes_text);
            END;

            -- Speakers as each article has them (AnalyzedArticle.speakers), and the person of
            -- the library they were merged into.
            CREATE TABLE speakers (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,           -- Speaker.id
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                description TEXT,
                aliases TEXT NOT NULL,              -- separated by U+001F
                mentions BLOB NOT NULL,             -- SpanCoding
                mention_count INTEGER NOT NULL,
                quote_ordinals TEXT NOT NULL,       -- Speaker.quotes (IntList)
                quote_count INTEGER NOT NULL,
                person_id INTEGER REFERENCES persons(id) ON DELETE SET NULL
            );
            CREATE INDEX speakers_by_article ON speakers(article_id, ordinal);
            CREATE INDEX speakers_by_person ON speakers(person_id);

            -- Speakers merged across the library (see SpeakerMerge). `key` names the merge group.
            -- Ids are never reused (AUTOINCREMENT), so an id the reader holds never comes to name
            -- another speaker.
            CREATE TABLE persons (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                key TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                description TEXT,
                aliases TEXT NOT NULL,              -- separated by U+001F
                article_count INTEGER NOT NULL,
                quote_count INTEGER NOT NULL,
                mention_count INTEGER NOT NULL
            );
            CREATE INDEX persons_by_quotes ON persons(quote_count DESC, name);

            -- Names for the speaker picker and --speaker: small, so it keeps its own content.
            CREATE VIRTUAL TABLE person_search USING fts5(
                name, aliases, description, tokenize='unicode61 remove_diacritics 2');

            CREATE TABLE quotes (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,           -- Quote.id
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                parts BLOB NOT NULL,                -- SpanCoding
                kind TEXT NOT NULL,
                speaker_id INTEGER,                 -- speakers.id (same article), or NULL
                speaker_ordinal INTEGER,            -- Speaker.id
                mention_start INTEGER,
                mention_end INTEGER,
                mention_text TEXT,
                cue TEXT,
                detection_rule TEXT NOT NULL,
                attribution_rule TEXT,
                text TEXT NOT NULL                  -- the quoted words, parts joined by a newline
            );
            CREATE INDEX quotes_by_article ON quotes(article_id, ordinal);
            CREATE INDEX quotes_by_speaker ON quotes(speaker_id);

            -- Each time expression; `entry` and the columns after it are its place on the
            -- article's timeline, NULL for an unplaced one (a duration, a set, unanchored).
            -- One table for both: an expression has at most one entry.
            CREATE TABLE times (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,           -- index into AnalyzedArticle.timeExpressions
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text TEXT NOT NULL,
                type TEXT NOT NULL,
                value TEXT NOT NULL,
                mod TEXT,
                anchored INTEGER NOT NULL,
                inferred INTEGER NOT NULL,
                sentence INTEGER NOT NULL,
                sentence_start INTEGER NOT NULL,
                sentence_end INTEGER NOT NULL,
                rule TEXT NOT NULL,
                entry INTEGER,                      -- position in the article's timeline
                start_day INTEGER,
                end_day INTEGER,
                entry_sentence INTEGER,
                quote_ordinal INTEGER,
                speaker_ordinal INTEGER,
                speaker_id INTEGER                  -- speakers.id (same article), or NULL
            );
            CREATE INDEX times_by_article ON times(article_id, ordinal);
            CREATE INDEX times_by_day ON times(start_day, end_day) WHERE start_day IS NOT NULL;
            CREATE INDEX times_by_speaker ON times(speaker_id) WHERE speaker_id IS NOT NULL;

            -- Catalog files (index.jsonl) met while scanning: a change re-dates their articles.
            CREATE TABLE catalogs (path TEXT PRIMARY KEY NOT NULL, size INTEGER NOT NULL, mtime INTEGER NOT NULL)
                WITHOUT ROWID;
            """)
    }
}

extension IndexSchema {
    /// `times.order_key`: the entry's `TimelineOrderKey.packed`, so that the library timeline
    /// is ordered in SQL exactly as an article's timeline is ordered in Swift. Rows stored
    /// before get their key from their days, modifier and value, and their position in the
    /// article's timeline (`entry`) in that order, as a new analysis would store them.
    /// Articles from any source: a file may hold several (a feed's items), so `path` becomes the
    /// article's key (the file's path, or the file's path, `#` and the item's id) and `file`
    /// names the file; and what the source says of the article (format, title, authors, url,
    /// site, language, feed item id) is kept for the panes.
    fileprivate static func addSources(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE articles ADD COLUMN file TEXT;                     -- the file read (absolute, standardised)
            UPDATE articles SET file = path;
            CREATE INDEX articles_by_file ON articles(file);
            ALTER TABLE articles ADD COLUMN format TEXT NOT NULL DEFAULT 'text';  -- SourceFormat
            ALTER TABLE articles ADD COLUMN title TEXT;                    -- as published, plain text
            ALTER TABLE articles ADD COLUMN authors TEXT;                  -- separated by U+001F
            ALTER TABLE articles ADD COLUMN url TEXT;
            ALTER TABLE articles ADD COLUMN site TEXT;
            ALTER TABLE articles ADD COLUMN language TEXT;
            ALTER TABLE articles ADD COLUMN item_id TEXT;                  -- a feed item's guid or id
            """)
    }

    fileprivate static func addTimelineOrder(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE times ADD COLUMN order_key INTEGER")
        var entries: [Int64: [(row: Int64, ordinal: Int, key: Int64)]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, article_id, ordinal, start_day, end_day, mod, value FROM times
            WHERE entry IS NOT NULL AND start_day IS NOT NULL AND end_day IS NOT NULL
            """)
        while let row = try rows.next() {
            let key = TimelineOrderKey(start: CivilDate(dayNumber: try row.decode(atIndex: 3)),
                                       end: CivilDate(dayNumber: try row.decode(atIndex: 4)),
                                       mod: (try row.decode(String?.self, atIndex: 5)).flatMap(TimexMod.init(rawValue:)),
                                       value: try row.decode(atIndex: 6))
            entries[try row.decode(atIndex: 1), default: []]
                .append((try row.decode(atIndex: 0), try row.decode(atIndex: 2), key.packed))
        }
        let update = try db.makeStatement(sql: "UPDATE times SET order_key = ?, entry = ? WHERE id = ?")
        for article in entries.values {
            let ordered = article.sorted { $0.key != $1.key ? $0.key < $1.key : $0.ordinal < $1.ordinal }
            for (position, entry) in ordered.enumerated() {
                try update.execute(arguments: [entry.key, position, entry.row])
            }
        }
        try db.execute(sql: "CREATE INDEX times_in_order ON times(order_key) WHERE start_day IS NOT NULL")
    }
}

extension IndexSchema {
    /// Echoes: the same quotation in several articles (`EchoWords`). Each quotation long enough
    /// to echo has a row with its words (the fingerprint echoes are verified on, and its
    /// shingles are computed from) and the smallest hash of its shingles (its anchor: a
    /// quotation that contains another holds the other's anchor among its shingles, so finding
    /// echoes never compares every pair; see `EchoSync`). Quotations that echo each other,
    /// directly or through others, form a cluster, named by its smallest quotation id. The rows
    /// are filled by the next update, for the quotations already stored too.
    fileprivate static func addEchoes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE echo_quotes (
                quote_id INTEGER PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
                article_id INTEGER NOT NULL,        -- the quotation's article (no two echoes share one)
                words BLOB NOT NULL,                -- EchoWords.encoded
                anchor INTEGER NOT NULL,            -- the smallest of its shingles
                cluster INTEGER                     -- the smallest quote_id of its cluster; NULL: no echo
            );
            CREATE INDEX echo_quotes_by_cluster ON echo_quotes(cluster) WHERE cluster IS NOT NULL;
            """)
    }
}

extension IndexSchema {
    /// Nested sources: in `According to X, Y said "…"` the speaker is X and `via` names Y
    /// (`Quote.via`). Rows stored before it have NULL until their article is analysed again
    /// (a new analysis version re-analyses every article).
    fileprivate static func addQuoteVia(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE quotes ADD COLUMN via TEXT")
    }
}

/// Keys of the `meta` table.
enum MetaKey {
    /// `AnalysisVersion.current` of the analysis that produced the stored rows.
    static let analysisVersion = "analysis_version"
    /// Incremented by every transaction that changes articles: readers re-query when it moves,
    /// and an updater knows whether another process wrote in between.
    static let generation = "generation"
}

extension IndexSchema {
    /// `articles.published`: the instant of publication when the source gave a time
    /// (`ArticleMetadata.published`, canonical UTC, so text order is time order), for ordering
    /// the appearances of an echo within a day. Articles indexed before have none until they
    /// are read again.
    fileprivate static func addPublished(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE articles ADD COLUMN published TEXT")
    }

    /// v8: where the speaker ranker overrode the rules (`Quote.attributionRanking`), which v1–v7
    /// kept in `attribution_rule` instead of the rule's name. Rows written before it are analysed
    /// again anyway (the analysis version changed with it).
    fileprivate static func addQuoteRanking(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE quotes ADD COLUMN attribution_ranking TEXT")
    }
}
