import ArgumentParser
import BylineCore
import Foundation

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "List the time expressions in articles: dated ones in time order, then durations and sets.",
        discussion: """
            Relative expressions ("Thursday", "this week") are anchored to the article's date \
            (its metadata, or --date). JSONL prints one object per expression:
            {"article", "start", "end", "text", "type", "value", "mod", "anchored", "inferred", "sentence": {"start", "end"}}
            "inferred" is true when the year was taken from the text because the article has no date.
            """)

    @OptionGroup var format: FormatOption
    @OptionGroup var library: IndexOption
    @OptionGroup var articles: ArticleOptions

    func run() throws {
        if library.index != nil {
            // One chronological order for the whole library.
            try IndexedTimeline.run(library, articles, format: format.format)
            return
        }
        let writer = RecordWriter(format.format)
        try CommandInput.forEachAnalyzed(articles) { item in
            let a = item.article
            writer.text(QuoteText.header(path: a.source, headline: a.headlineText, date: a.date) + "\n")
            if a.date == nil {
                writer.text("  (no publication date: relative expressions stay unanchored; use --date)\n")
            }
            let order = item.timeline.entries.map(\.expression) + item.timeline.unplaced
            if order.isEmpty { writer.text("  (no time expressions)\n") }
            for index in order {
                let t = item.timeExpressions[index]
                let record = TimeRecord(article: a.source, span: t.span, text: a.string(t.span), type: t.type, value: t.value,
                                        mod: t.mod, anchored: t.anchored, inferred: t.inferred,
                                        sentence: a.sentences[t.sentence].span)
                writer.text(record.textRow(withArticle: false))
                writer.record(record.json)
            }
            writer.text("\n")
            writer.endOfArticle()
        }
        writer.finish()
    }
}

struct TimeRecord {
    var article: String
    var span: TextSpan
    var text: String
    var type: TimexType
    var value: String
    var mod: TimexMod?
    var anchored: Bool
    var inferred: Bool
    var sentence: TextSpan

    var json: JSON {
        .object([
            ("article", .string(article)),
            ("start", .int(span.start)),
            ("end", .int(span.end)),
            ("text", .string(text)),
            ("type", .string(type.rawValue)),
            ("value", .string(value)),
            ("mod", JSON(mod?.rawValue)),
            ("anchored", .bool(anchored)),
            ("inferred", .bool(inferred)),
            ("sentence", .object([("start", .int(sentence.start)), ("end", .int(sentence.end))])),
        ])
    }

    /// One row of the text format: the value in a 26-column field, the words, and the article
    /// when rows of several articles are mixed.
    func textRow(withArticle: Bool) -> String {
        let value = TimeRecord.label(value: value, mod: mod, inferred: inferred)
        let pad = String(repeating: " ", count: max(1, 26 - value.count))
        let source = withArticle ? "  [\(TerminalSafe.line(article))]" : ""
        return "  \(value)\(pad)\(TerminalSafe.line(text))\(source)\n"
    }

    /// The value as the text output shows it: `2011 (END)`, `2011-11-15 (inferred)`.
    static func label(value: String, mod: TimexMod?, inferred: Bool) -> String {
        value + (mod.map { " (\($0.rawValue))" } ?? "") + (inferred ? " (inferred)" : "")
    }
}
