import ArgumentParser
import BylineCore
import Foundation

struct Quotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the quotations in articles, with their speakers.",
        discussion: """
            Offsets (start, end) are Unicode-scalar offsets into the file's text and cover the \
            quotation including its marks. JSONL prints one object per quotation:
            {"article", "id", "start", "end", "text", "speaker", "speaker_mention", "cue", "kind", "via"}
            "via" names the inner source of a nested attribution (According to X, Y said "…": \
            speaker X, via Y), or is null.
            """)

    @Option(name: .long, help: ArgumentHelp("Only quotations by this speaker (a name, part of one, or an alias).", valueName: "NAME"))
    var speaker: String?

    @Flag(name: .long, help: "Show which rule found each quotation and which attributed it.")
    var explain = false

    @OptionGroup var format: FormatOption
    @OptionGroup var library: IndexOption
    @OptionGroup var articles: ArticleOptions

    func run() throws {
        if library.index != nil {
            // Across the library: a speaker's quotations from every article, by date.
            try IndexedQuotes.run(library, articles, speaker: speaker, explain: explain, format: format.format)
            return
        }
        let query = speaker.map(SpeakerQuery.init)
        let writer = RecordWriter(format.format)
        var printed = 0
        try CommandInput.forEachAnalyzed(articles, time: false) { item in
            let quotes = item.quotes.filter { q in
                guard let query else { return true }
                guard let id = q.speaker else { return false }
                return query.matches(item.speakers[id])
            }
            if quotes.isEmpty, query != nil { return }
            let a = item.article
            writer.text(QuoteText.header(path: a.source, headline: a.headlineText, date: a.date) + "\n")
            if quotes.isEmpty { writer.text("  (no quotations)\n") }
            for q in quotes {
                let record = QuotationRecord(q, in: item)
                writer.text(record.textLines(explain: explain))
                writer.record(record.json(explain: explain))
            }
            writer.text("\n")
            writer.endOfArticle()
            printed += quotes.count
        }
        writer.finish()
        if let query, printed == 0 {
            warn("no quotations by a speaker matching \"\(query.raw)\"")
        }
    }
}

/// One quotation as the commands print it, whether it comes from a fresh analysis or from the
/// library index: one JSON record and one text layout for both.
struct QuotationRecord {
    var article: String
    var id: Int
    var span: TextSpan
    /// The quoted words without their outer marks.
    var text: String
    var speaker: String?
    var mention: (span: TextSpan, text: String)?
    var cue: String?
    var kind: QuoteKind
    var detectionRule: String
    var attributionRule: String?
    /// Where the speaker ranker overrode the rules (`Quote.attributionRanking`).
    var attributionRanking: String?
    /// The inner source of a nested attribution (`Quote.via`).
    var via: String?

    init(_ q: Quote, in item: AnalyzedArticle) {
        let article = item.article
        self.article = article.source
        id = q.id
        span = q.span
        text = QuoteText.inner(q, in: article)
        speaker = q.speaker.map { item.speakers[$0].name }
        mention = q.speakerMention.map { ($0, article.string($0)) }
        cue = q.cue
        kind = q.kind
        detectionRule = q.detectionRule
        attributionRule = q.attributionRule
        attributionRanking = q.attributionRanking
        via = q.via
    }

    init(article: String, id: Int, span: TextSpan, text: String, speaker: String?, mention: (span: TextSpan, text: String)?,
         cue: String?, kind: QuoteKind, detectionRule: String, attributionRule: String?, attributionRanking: String?, via: String?) {
        self.article = article
        self.id = id
        self.span = span
        self.text = text
        self.speaker = speaker
        self.mention = mention
        self.cue = cue
        self.kind = kind
        self.detectionRule = detectionRule
        self.attributionRule = attributionRule
        self.attributionRanking = attributionRanking
        self.via = via
    }

    func json(explain: Bool) -> JSON {
        let mentionJSON: JSON = mention.map { m in
            .object([("start", .int(m.span.start)), ("end", .int(m.span.end)), ("text", .string(m.text))])
        } ?? .null
        var members: [(String, JSON)] = [
            ("article", .string(article)),
            ("id", .int(id)),
            ("start", .int(span.start)),
            ("end", .int(span.end)),
            ("text", .string(text)),
            ("speaker", JSON(speaker)),
            ("speaker_mention", mentionJSON),
            ("cue", JSON(cue)),
            ("kind", .string(kind.rawValue)),
            ("via", JSON(via)),
        ]
        if explain {
            members.append(("rules", .object([("detection", .string(detectionRule)), ("attribution", JSON(attributionRule)),
                                              ("ranking", JSON(attributionRanking))])))
        }
        return .object(members)
    }

    /// Two lines (three with `explain`): number, speaker and cue, then the words.
    func textLines(explain: Bool) -> String {
        let who = (speaker ?? "(unattributed)") + (via.map { " via \($0)" } ?? "")
        let cueText = cue.map { ", \($0)" } ?? ""
        let kindText = kind == .partial ? " [partial]" : ""
        var s = "  \(id + 1). \(TerminalSafe.line(who))\(TerminalSafe.line(cueText))\(kindText)\n"
        s += "     \u{201C}\(TerminalSafe.line(text))\u{201D}\n"
        if explain {
            s += "     found by \(detectionRule); attributed by \(attributionRule ?? "none")"
                + (attributionRanking.map { " (\($0))" } ?? "") + "\n"
        }
        return s
    }
}

enum QuoteText {
    /// The quotation without its outer marks; paragraphs of a multi-paragraph quotation are
    /// joined by a newline.
    static func inner(_ q: Quote, in article: Article) -> String {
        q.parts.map { article.string($0) }.joined(separator: "\n")
    }

    /// The line that names an article in the text format: `path: headline (date)`.
    static func header(path: String, headline: String, date: CivilDate?) -> String {
        let date = date.map { " (\($0.iso))" } ?? ""
        return "\(TerminalSafe.line(path)): \(TerminalSafe.line(headline))\(date)"
    }
}
