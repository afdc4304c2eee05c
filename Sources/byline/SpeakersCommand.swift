import ArgumentParser
import BylineCore
import Foundation

struct Speakers: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the people, organisations and anonymous sources in articles.",
        discussion: """
            JSONL prints one object per speaker:
            {"name", "kind", "description", "aliases", "quotes", "mentions": [{"article", "start", "end"}]}
            """)

    @OptionGroup var format: FormatOption
    @OptionGroup var articles: ArticleOptions

    func run() throws {
        let analyzed = try ArticleLoading.loadAndAnalyze(articles)
        let merged = SpeakerListing.merge(analyzed)
        switch format.format {
        case .text:
            for s in merged {
                let description = s.description.map { ", \($0)" } ?? ""
                let aliases = s.aliases.isEmpty ? "" : " (also \(s.aliases.joined(separator: ", ")))"
                let count = s.quotes == 1 ? "1 quotation" : "\(s.quotes) quotations"
                print(TerminalSafe.line("\(s.name)\(description)\(aliases): \(s.kind.rawValue), \(count), \(s.mentions.count) mentions"))
            }
        case .json: print(JSON.array(merged.map(\.json)).serialized(pretty: true))
        case .jsonl: merged.forEach { print($0.json.serialized()) }
        }
    }
}

/// Speakers of several articles listed together: the same name and kind is one entry.
struct SpeakerListing {
    var name: String
    var kind: SpeakerKind
    var description: String?
    var aliases: [String]
    var quotes: Int
    var mentions: [(article: String, span: TextSpan)]

    static func merge(_ analyzed: [AnalyzedArticle]) -> [SpeakerListing] {
        var order: [String] = []
        var byKey: [String: SpeakerListing] = [:]
        for item in analyzed {
            for s in item.speakers {
                let key = s.kind.rawValue + "\u{1F}" + s.name.lowercased()
                let mentions = s.mentions.map { (item.article.source, $0) }
                if var existing = byKey[key] {
                    existing.quotes += s.quotes.count
                    existing.mentions += mentions
                    existing.description = existing.description ?? s.description
                    for alias in s.aliases where !existing.aliases.contains(alias) { existing.aliases.append(alias) }
                    byKey[key] = existing
                } else {
                    order.append(key)
                    byKey[key] = SpeakerListing(name: s.name, kind: s.kind, description: s.description,
                                                aliases: s.aliases, quotes: s.quotes.count, mentions: mentions)
                }
            }
        }
        return order.map { byKey[$0]! }
    }

    var json: JSON {
        .object([
            ("name", .string(name)),
            ("kind", .string(kind.rawValue)),
            ("description", JSON(description)),
            ("aliases", .array(aliases.map(JSON.string))),
            ("quotes", .int(quotes)),
            ("mentions", .array(mentions.map { m in
                .object([("article", .string(m.article)), ("start", .int(m.span.start)), ("end", .int(m.span.end))])
            })),
        ])
    }
}
