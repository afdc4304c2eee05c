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
        let analyzed = try ArticleLoading.loadAndAnalyze(articles)
        var records: [JSON] = []
        var text = ""
        for item in analyzed {
            let order = item.timeline.entries.map(\.expression) + item.timeline.unplaced
            if format.format == .text {
                text += QuoteText.header(item) + "\n"
                if item.article.date == nil {
                    text += "  (no publication date: relative expressions stay unanchored; use --date)\n"
                }
                if order.isEmpty { text += "  (no time expressions)\n" }
            }
            for index in order {
                let t = item.timeExpressions[index]
                let sentence = item.article.sentences[t.sentence].span
                switch format.format {
                case .text:
                    let value = TimeRecord.label(value: t.value, mod: t.mod, inferred: t.inferred)
                    let pad = String(repeating: " ", count: max(1, 26 - value.count))
                    text += "  \(value)\(pad)\(TerminalSafe.line(item.article.string(t.span)))\n"
                case .json, .jsonl:
                    records.append(TimeRecord(article: item.article.source, span: t.span, text: item.article.string(t.span),
                                              type: t.type, value: t.value, mod: t.mod, anchored: t.anchored,
                                              inferred: t.inferred, sentence: sentence).json)
                }
            }
            if format.format == .text { text += "\n" }
        }
        switch format.format {
        case .text: print(text, terminator: "")
        case .json: print(JSON.array(records).serialized(pretty: true))
        case .jsonl: records.forEach { print($0.serialized()) }
        }
    }
}

/// One time expression as the commands print it, from a fresh analysis or from the index.
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

    /// The value as the text output shows it: `2011 (END)`, `2011-11-15 (inferred)`.
    static func label(value: String, mod: TimexMod?, inferred: Bool) -> String {
        value + (mod.map { " (\($0.rawValue))" } ?? "") + (inferred ? " (inferred)" : "")
    }
}
