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
            var gathered = SpeakerListing.Gathering()
            try CommandInput.forEachAnalyzed(articles, time: false) { gathered.add($0) }
            merged = gathered.merged()
        }
        let writer = RecordWriter(format.format)
        for s in merged {
            let description = s.description.map { ", \($0)" } ?? ""
            let aliases = s.aliases.isEmpty ? "" : " (also \(s.aliases.joined(separator: ", ")))"
            let count = s.quotes == 1 ? "1 quotation" : "\(s.quotes) quotations"
            let mentions = s.mentions.count == 1 ? "1 mention" : "\(s.mentions.count) mentions"
            writer.text(TerminalSafe.line("\(s.name)\(description)\(aliases): \(s.kind.rawValue), \(count), \(mentions)") + "\n")
            writer.record(s.json)
        }
        writer.finish()
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

    /// The speakers of articles met one at a time, kept only as the merge needs them.
    struct Gathering {
        private var inputs: [SpeakerMergeInput] = []
        private var owners: [(article: String, quotes: Int, mentions: [TextSpan])] = []
        private var articles = 0

        mutating func add(_ item: AnalyzedArticle) {
            for s in item.speakers {
                inputs.append(SpeakerMergeInput(s, article: articles))
                owners.append((item.article.source, s.quotes.count, s.mentions))
            }
            articles += 1
        }

        func merged() -> [SpeakerListing] {
            SpeakerMerge.merge(inputs).map { group in
                let members = group.members.map { owners[$0] }
                return SpeakerListing(name: group.name, kind: group.kind, description: group.description,
                                      aliases: group.aliases, quotes: members.reduce(0) { $0 + $1.quotes },
                                      mentions: members.flatMap { m in m.mentions.map { (m.article, $0) } })
            }
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
