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
            {"article", "start", "end", "text", "type", "value", "mod", "anchored", "sentence": {"start", "end"}}
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
                    let value = t.value + (t.mod.map { " (\($0.rawValue))" } ?? "")
                    let pad = String(repeating: " ", count: max(1, 26 - value.count))
                    text += "  \(value)\(pad)\(TerminalSafe.line(item.article.string(t.span)))\n"
                case .json, .jsonl:
                    records.append(.object([
                        ("article", .string(item.article.source)),
                        ("start", .int(t.span.start)),
                        ("end", .int(t.span.end)),
                        ("text", .string(item.article.string(t.span))),
                        ("type", .string(t.type.rawValue)),
                        ("value", .string(t.value)),
                        ("mod", JSON(t.mod?.rawValue)),
                        ("anchored", .bool(t.anchored)),
                        ("sentence", .object([("start", .int(sentence.start)), ("end", .int(sentence.end))])),
                    ]))
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
