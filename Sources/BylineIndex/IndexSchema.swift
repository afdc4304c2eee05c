import GRDB

/// The index's tables, created and upgraded by GRDB migrations (one per schema version; a
/// released migration is never edited, a new one is appended).
///
/// Offsets are Unicode-scalar offsets into `articles.text`, as everywhere in Byline. Days are
/// `CivilDate.dayNumber` values, so dates sort as integers.
enum IndexSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createVersion1)
        migrator.registerMigration("v2", migrate: migrateToVersion2)
        migrator.registerMigration("v3", migrate: migrateToVersion3)
        migrator.registerMigration("v4", migrate: migrateToVersion4)
        return migrator
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(sql: """
            -- Key/value facts about the whole index: analysis version, generation counter.
            CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;

            -- One row per article file. `text` is the article as read (decoded UTF-8): the
            -- content of the full-text index, the source of snippets, and what an article's
            -- analysis is rebuilt from without touching the file.
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
                text TEXT NOT NULL,
                quote_count INTEGER NOT NULL,
                unplaced TEXT NOT NULL,             -- Timeline.unplaced (IntList)
                warnings TEXT                       -- read warnings, one per line
            );
            CREATE INDEX articles_by_day ON articles(day, path);

            -- Speakers as each article's analysis found them; `person_id` is the speaker across
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

            -- Speakers merged across the library (see SpeakerMerge). `key` names the merge group;
            -- ids stay the same as long as the group exists.
            CREATE TABLE persons (
                id INTEGER PRIMARY KEY,
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

            CREATE TABLE time_expressions (
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
                rule TEXT NOT NULL
            );
            CREATE INDEX time_expressions_by_article ON time_expressions(article_id, ordinal);

            -- Each article's timeline entries (unplaced expressions are the time_expressions
            -- without an entry).
            CREATE TABLE timeline (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,           -- position in the article's timeline
                expression_id INTEGER NOT NULL,     -- time_expressions.id
                expression_ordinal INTEGER NOT NULL,
                start_day INTEGER NOT NULL,
                end_day INTEGER NOT NULL,
                sentence INTEGER NOT NULL,
                quote_ordinal INTEGER,
                speaker_ordinal INTEGER,
                speaker_id INTEGER                  -- speakers.id (same article), or NULL
            );
            CREATE INDEX timeline_by_day ON timeline(start_day, end_day);
            CREATE INDEX timeline_by_article ON timeline(article_id, ordinal);
            CREATE INDEX timeline_by_speaker ON timeline(speaker_id);
            CREATE INDEX timeline_by_expression ON timeline(expression_id);

            -- Catalog files (index.jsonl) that gave articles their dates: a change re-checks dates.
            CREATE TABLE catalogs (path TEXT PRIMARY KEY NOT NULL, size INTEGER NOT NULL, mtime INTEGER NOT NULL)
                WITHOUT ROWID;

            -- Full-text search. External content: the text lives once, in articles and quotes;
            -- triggers keep the indexes in step (a delete must pass the old values).
            CREATE VIRTUAL TABLE article_search USING fts5(
                headline, text, content='articles', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2');
            CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
                INSERT INTO article_search(rowid, headline, text) VALUES (new.id, new.headline, new.text);
            END;
            CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
                INSERT INTO article_search(article_search, rowid, headline, text)
                    VALUES ('delete', old.id, old.headline, old.text);
            END;
            CREATE TRIGGER articles_search_update AFTER UPDATE OF headline, text ON articles BEGIN
                INSERT INTO article_search(article_search, rowid, headline, text)
                    VALUES ('delete', old.id, old.headline, old.text);
                INSERT INTO article_search(rowid, headline, text) VALUES (new.id, new.headline, new.text);
            END;

            CREATE VIRTUAL TABLE quote_search USING fts5(
                text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
            CREATE TRIGGER quotes_search_insert AFTER INSERT ON quotes BEGIN
                INSERT INTO quote_search(rowid, text) VALUES (new.id, new.text);
            END;
            CREATE TRIGGER quotes_search_delete AFTER DELETE ON quotes BEGIN
                INSERT INTO quote_search(quote_search, rowid, text) VALUES ('delete', old.id, old.text);
            END;
            CREATE TRIGGER quotes_search_update AFTER UPDATE OF text ON quotes BEGIN
                INSERT INTO quote_search(quote_search, rowid, text) VALUES ('delete', old.id, old.text);
                INSERT INTO quote_search(rowid, text) VALUES (new.id, new.text);
            END;

            -- Names for the speaker picker and --speaker: small, so it keeps its own content.
            CREATE VIRTUAL TABLE person_search USING fts5(
                name, aliases, description, tokenize='unicode61 remove_diacritics 2');
            """)
    }
}

extension IndexSchema {
    /// Version 2, for a faster build:
    /// - time expressions and timeline entries in one table (an expression has at most one
    ///   entry), with partial indexes: a third fewer rows and index entries to write;
    /// - one search index with a third column, an article's quotations (separated by U+001F),
    ///   instead of one search row per quotation: FTS5's cost per row dominated.
    /// The stored analysis is declared stale, so the next update analyses every file again.
    fileprivate static func migrateToVersion2(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE timeline;
            DROP TABLE time_expressions;

            DROP TRIGGER quotes_search_insert;
            DROP TRIGGER quotes_search_delete;
            DROP TRIGGER quotes_search_update;
            DROP TABLE quote_search;
            DROP TRIGGER articles_search_insert;
            DROP TRIGGER articles_search_delete;
            DROP TRIGGER articles_search_update;
            DROP TABLE article_search;

            ALTER TABLE articles ADD COLUMN quotes_text TEXT NOT NULL DEFAULT '';
            CREATE VIRTUAL TABLE article_search USING fts5(
                headline, text, quotes_text, content='articles', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2');
            CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
                INSERT INTO article_search(rowid, headline, text, quotes_text)
                    VALUES (new.id, new.headline, new.text, new.quotes_text);
            END;
            CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
                INSERT INTO article_search(article_search, rowid, headline, text, quotes_text)
                    VALUES ('delete', old.id, old.headline, old.text, old.quotes_text);
            END;
            CREATE TRIGGER articles_search_update AFTER UPDATE OF headline, text, quotes_text ON articles BEGIN
                INSERT INTO article_search(article_search, rowid, headline, text, quotes_text)
                    VALUES ('delete', old.id, old.headline, old.text, old.quotes_text);
                INSERT INTO article_search(rowid, headline, text, quotes_text)
                    VALUES (new.id, new.headline, new.text, new.quotes_text);
            END;

            -- Each time expression; `entry` and the columns after it are its place on the
            -- article's timeline, NULL for an unplaced one (a duration, a set, unanchored).
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

            INSERT INTO meta (key, value) VALUES ('\(MetaKey.analysisVersion)', 'stale: schema v2')
                ON CONFLICT(key) DO UPDATE SET value = excluded.value;
            """)
    }
}

extension IndexSchema {
    /// Version 3: person ids are never reused (AUTOINCREMENT), so an id the reader holds
    /// never comes to name another speaker. The merge runs again at the next update.
    fileprivate static func migrateToVersion3(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE speakers SET person_id = NULL;
            DROP TABLE person_search;
            DROP TABLE persons;
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
            CREATE VIRTUAL TABLE person_search USING fts5(
                name, aliases, description, tokenize='unicode61 remove_diacritics 2');
            INSERT INTO meta (key, value) VALUES ('persons_dirty', '1')
                ON CONFLICT(key) DO UPDATE SET value = excluded.value;
            """)
    }
}

extension IndexSchema {
    /// Version 4: the texts (headline, article, quotations) in a table of their own, the
    /// content of the search index. An article row is then a few hundred bytes: listing the
    /// library, scanning it on open and joining quotations to their articles no longer walk
    /// through kilobytes of text per article.
    fileprivate static func migrateToVersion4(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER articles_search_insert;
            DROP TRIGGER articles_search_delete;
            DROP TRIGGER articles_search_update;
            DROP TABLE article_search;

            CREATE TABLE article_texts (
                id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                headline TEXT NOT NULL,
                text TEXT NOT NULL,                 -- the article as read (decoded UTF-8)
                quotes_text TEXT NOT NULL           -- its quotations, separated by U+001F
            );
            INSERT INTO article_texts (id, headline, text, quotes_text) SELECT id, headline, text, quotes_text FROM articles;
            ALTER TABLE articles DROP COLUMN text;
            ALTER TABLE articles DROP COLUMN quotes_text;

            CREATE VIRTUAL TABLE article_search USING fts5(
                headline, text, quotes_text, content='article_texts', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2');
            INSERT INTO article_search (article_search) VALUES ('rebuild');
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
            """)
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
