import BylineCore
import BylineIndex
import Foundation

/// `quotes`, `speakers` and `timeline` with `--index`: the same records as without it, read
/// from the library index, in library order.
enum IndexedQuotes {
    /// Without `--speaker`: every article (by path) with its quotations, as without `--index`.
    /// With it: that speaker's quotations across the library, by article date then position.
    static func run(_ library: IndexOption, _ articles: ArticleOptions, speaker: String?, explain: Bool,
                    format: OutputFormat) throws
    {
        let (entries, quotations) = try LibraryAccess.withLibrary(library, articles) { index in
            if let speaker {
                return ([LibraryArticle](), try index.quotations(bySpeakerMatching: speaker))
            }
            return (try index.articles(), try index.allQuotations())
        }
        let writer = RecordWriter(format)
        var byArticle: [Int64: [LibraryQuotation]] = [:]
        var order: [LibraryArticle] = entries
        for q in quotations {
            if byArticle[q.article.id] == nil, speaker != nil { order.append(q.article) }
            byArticle[q.article.id, default: []].append(q)
        }
        for article in order {
            writer.text(DisplayPath.header(article) + "\n")
            let quotes = byArticle[article.id] ?? []
            if quotes.isEmpty { writer.text("  (no quotations)\n") }
            for q in quotes {
                let record = record(q)
                writer.text(record.textLines(explain: explain))
                writer.record(record.json(explain: explain))
            }
            writer.text("\n")
        }
        writer.finish()
        if let speaker, quotations.isEmpty {
            warn("no quotations by a speaker matching \"\(speaker)\" in the library")
        }
    }

    static func record(_ q: LibraryQuotation) -> QuotationRecord {
        QuotationRecord(
            article: DisplayPath.of(q.article.path), id: q.ordinal, span: q.span, text: q.text, speaker: q.speakerName,
            mention: q.speakerMention.map { ($0, q.speakerMentionText ?? "") }, cue: q.cue, kind: q.kind,
            detectionRule: q.detectionRule, attributionRule: q.attributionRule, attributionRanking: q.attributionRanking, via: q.via)
    }
}

enum IndexedSpeakers {
    /// The library's speakers, merged across articles, most quoted first.
    static func listings(_ library: IndexOption, _ articles: ArticleOptions) throws -> [SpeakerListing] {
        try LibraryAccess.withLibrary(library, articles) { index in
            let appearances = try index.appearancesBySpeaker()
            return try index.speakers().map { s in
                SpeakerListing(name: s.name, kind: s.kind, description: s.description, aliases: s.aliases,
                               quotes: s.quoteCount,
                               mentions: (appearances[s.id] ?? []).flatMap { a in
                                   a.mentions.map { (DisplayPath.of(a.article.path), $0) }
                               })
            }
        }
    }
}

enum IndexedTimeline {
    /// Every article's dated events in one chronological order, then the expressions that
    /// have no place on the calendar, by article.
    static func run(_ library: IndexOption, _ articles: ArticleOptions, format: OutputFormat) throws {
        let (entries, unplaced) = try LibraryAccess.withLibrary(library, articles) { index in
            (try index.timeline(), try index.unplacedTimeExpressions())
        }
        let writer = RecordWriter(format)
        if entries.isEmpty && unplaced.isEmpty { writer.text("(no time expressions)\n") }
        for e in entries {
            let record = TimeRecord(article: DisplayPath.of(e.article.path), span: e.span, text: e.text, type: e.type,
                                    value: e.value, mod: e.mod, anchored: e.anchored, inferred: e.inferred,
                                    sentence: e.sentenceSpan)
            writer.text(record.textRow(withArticle: true))
            writer.record(record.json)
        }
        if !unplaced.isEmpty {
            if !entries.isEmpty { writer.text("\n") }
            writer.text("Not on the calendar:\n")
            for t in unplaced {
                let record = TimeRecord(article: DisplayPath.of(t.article.path), span: t.span, text: t.text, type: t.type,
                                        value: t.value, mod: t.mod, anchored: t.anchored, inferred: t.inferred,
                                        sentence: t.sentenceSpan)
                writer.text(record.textRow(withArticle: true))
                writer.record(record.json)
            }
        }
        writer.finish()
    }
}
