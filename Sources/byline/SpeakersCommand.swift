import ArgumentParser
import BylineCore
import BylineIndex
import Foundation

struct Speakers: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the people, organisations and anonymous sources in articles.",
        discussion: """
            JSONL prints one object per speaker:
            {"name", "kind", "description", "aliases", "quotes", "mentions": [{"article", "start", "end"}]}
            """)

    @OptionGroup var format: FormatOption
    @OptionGroup var library: IndexOption
    @OptionGroup var articles: ArticleOptions

    func run() throws {
        let merged: [SpeakerListing]
        if library.index != nil {
            merged = try IndexedSpeakers.listings(library, articles)
        } else {
            merged = SpeakerListing.merge(try ArticleLoading.loadAndAnalyze(articles))
        }
        switch format.format {
        case .text:
            for s in merged {
                let description = s.description.map { ", \($0)" } ?? ""
                let aliases = s.aliases.isEmpty ? "" : " (also \(s.aliases.joined(separator: ", ")))"
                let count = s.quotes == 1 ? "1 quotation" : "\(s.quotes) quotations"
                let mentions = s.mentions.count == 1 ? "1 mention" : "\(s.mentions.count) mentions"
                print(TerminalSafe.line("\(s.name)\(description)\(aliases): \(s.kind.rawValue), \(count), \(mentions)"))
            }
        case .json: print(JSON.array(merged.map(\.json)).serialized(pretty: true))
        case .jsonl: merged.forEach { print($0.json.serialized()) }
        }
    }
}

/// Speakers of several articles listed together, merged as the library index merges them
/// (`SpeakerMerge`: the same person under a full or a shortened name is one entry, people who
/// share a surname are not, anonymous sources never are), in order of first appearance.
struct SpeakerListing {
    var name: String
    var kind: SpeakerKind
    var description: String?
    var aliases: [String]
    var quotes: Int
    var mentions: [(article: String, span: TextSpan)]

    static func merge(_ analyzed: [AnalyzedArticle]) -> [SpeakerListing] {
        var inputs: [SpeakerMergeInput] = []
        var owners: [(item: AnalyzedArticle, speaker: Speaker)] = []
        for (n, item) in analyzed.enumerated() {
            for s in item.speakers {
                inputs.append(SpeakerMergeInput(s, article: n))
                owners.append((item, s))
            }
        }
        return SpeakerMerge.merge(inputs).map { group in
            let members = group.members.map { owners[$0] }
            return SpeakerListing(name: group.name, kind: group.kind, description: group.description, aliases: group.aliases,
                                  quotes: members.reduce(0) { $0 + $1.speaker.quotes.count },
                                  mentions: members.flatMap { m in m.speaker.mentions.map { (m.item.article.source, $0) } })
        }
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
