import ArgumentParser
import BylineCore
import Foundation

struct Quotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the quotations in articles, with their speakers.",
        discussion: """
            Offsets (start, end) are Unicode-scalar offsets into the file's text and cover the \
            quotation including its marks. JSONL prints one object per quotation:
            {"article", "id", "start", "end", "text", "speaker", "speaker_mention", "cue", "kind"}
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
        let analyzed = try ArticleLoading.loadAndAnalyze(articles)
        let query = speaker.map(SpeakerQuery.init)
        var records: [JSON] = []
        var text = ""
        for item in analyzed {
            let quotes = item.quotes.filter { q in
                guard let query else { return true }
                guard let id = q.speaker else { return false }
                return query.matches(item.speakers[id])
            }
            switch format.format {
            case .text:
                if quotes.isEmpty, query != nil { continue }
                text += QuoteText.header(item) + "\n"
                if quotes.isEmpty { text += "  (no quotations)\n" }
                for q in quotes { text += QuoteText.line(q, in: item, explain: explain) }
                text += "\n"
            case .json, .jsonl:
                records += quotes.map { QuoteJSON.record($0, in: item, explain: explain) }
            }
        }
        switch format.format {
        case .text: print(text, terminator: "")
        case .json: print(JSON.array(records).serialized(pretty: true))
        case .jsonl: records.forEach { print($0.serialized()) }
        }
        if let query, records.isEmpty, text.isEmpty {
            warn("no quotations by a speaker matching \"\(query.raw)\"")
        }
    }
}

enum QuoteJSON {
    static func record(_ q: Quote, in item: AnalyzedArticle, explain: Bool) -> JSON {
        let article = item.article
        let mention: JSON = q.speakerMention.map { m in
            .object([("start", .int(m.start)), ("end", .int(m.end)), ("text", .string(article.string(m)))])
        } ?? .null
        var members: [(String, JSON)] = [
            ("article", .string(article.source)),
            ("id", .int(q.id)),
            ("start", .int(q.span.start)),
            ("end", .int(q.span.end)),
            ("text", .string(QuoteText.inner(q, in: article))),
            ("speaker", JSON(q.speaker.map { item.speakers[$0].name })),
            ("speaker_mention", mention),
            ("cue", JSON(q.cue)),
            ("kind", .string(q.kind.rawValue)),
        ]
        if explain {
            members.append(("rules", .object([("detection", .string(q.detectionRule)), ("attribution", JSON(q.attributionRule))])))
        }
        return .object(members)
    }
}

enum QuoteText {
    /// The quotation without its outer marks; paragraphs of a multi-paragraph quotation are
    /// joined by a newline.
    static func inner(_ q: Quote, in article: Article) -> String {
        q.parts.map { article.string($0) }.joined(separator: "\n")
    }

    static func header(_ item: AnalyzedArticle) -> String {
        let a = item.article
        let date = a.date.map { " (\($0.iso))" } ?? ""
        return "\(TerminalSafe.line(a.source)): \(TerminalSafe.line(a.headlineText))\(date)"
    }

    static func line(_ q: Quote, in item: AnalyzedArticle, explain: Bool) -> String {
        let who = q.speaker.map { item.speakers[$0].name } ?? "(unattributed)"
        let cue = q.cue.map { ", \($0)" } ?? ""
        let kind = q.kind == .partial ? " [partial]" : ""
        var s = "  \(q.id + 1). \(TerminalSafe.line(who))\(TerminalSafe.line(cue))\(kind)\n"
        s += "     \u{201C}\(TerminalSafe.line(inner(q, in: item.article)))\u{201D}\n"
        if explain {
            s += "     found by \(q.detectionRule); attributed by \(q.attributionRule ?? "none")\n"
        }
        return s
    }
}
