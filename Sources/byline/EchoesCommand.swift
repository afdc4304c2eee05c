import ArgumentParser
import BylineCore
import BylineIndex
import Foundation

/// `byline echoes`: the same quotation in several articles.
struct EchoesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "echoes",
        abstract: "List the quotations that appear in several articles, and where outlets disagree on who said them.",
        discussion: """
            Two quotations echo each other when all the words of one appear, in order, in the \
            other: a reprint, a fragment of six words or more, an elided form (… or [...]) or \
            one with a bracketed insertion ([the mayor]). Case, punctuation and the kind of \
            quotation marks do not count. Echoes are found in the library index (see byline \
            index), as it is built. Quotations that echo each other form a cluster; its first \
            appearance is the earliest by publication date, then by time where both articles \
            give one ("published": the instant in UTC, null when unknown; the text gives each \
            appearance's local date and time of publication where known). When the speakers named for a \
            cluster differ (variants of one name are one speaker; anonymous and unattributed \
            quotations name nobody), it is flagged as a possible misattribution. The most \
            echoed come first. JSONL prints one object per cluster:
            {"text", "quotes": [{"article", "id", "start", "end", "speaker", "date", "site"}], "first": {"article", "date", "published"}, "speakers", "disagree"}
            """)

    @Option(name: .long, help: ArgumentHelp("Only quotations found in at least N articles.", valueName: "N"))
    var min = 2

    @Flag(name: .long, help: "Only the quotations whose articles name different speakers for them.")
    var disagree = false

    @OptionGroup var format: FormatOption
    @OptionGroup var library: IndexOption
    @OptionGroup var articles: ArticleOptions

    func validate() throws {
        if min < 1 { throw ValidationError("--min must be a number of articles, 1 or more (got \(min))") }
    }

    func run() throws {
        let clusters = try LibraryAccess.withLibrary(library, articles) { index in
            try index.echoClusters(minimumArticles: min, disagreeing: disagree)
        }
        let writer = RecordWriter(format.format)
        if clusters.isEmpty {
            writer.text(disagree ? "(no echoes with disagreeing speakers)\n" : "(no echoes)\n")
        }
        for cluster in clusters {
            let record = EchoRecord(cluster)
            writer.text(record.textLines)
            writer.record(record.json)
        }
        writer.finish()
    }
}

/// One echo cluster as `byline echoes` prints it.
struct EchoRecord {
    var cluster: EchoCluster
    /// The zone of the times of publication in the text (the system's).
    var zone: DisplayZone

    init(_ cluster: EchoCluster, zone: DisplayZone = .current) {
        self.cluster = cluster
        self.zone = zone
    }

    var json: JSON {
        let first = cluster.first
        return .object([
            ("text", .string(cluster.text)),
            ("quotes", .array(cluster.quotations.map { q in
                .object([
                    ("article", .string(DisplayPath.of(q.article.path))),
                    ("id", .int(q.ordinal)),
                    ("start", .int(q.span.start)),
                    ("end", .int(q.span.end)),
                    ("speaker", JSON(q.speakerName)),
                    ("date", JSON(q.article.date?.iso)),
                    ("site", JSON(q.article.site)),
                ])
            })),
            ("first", .object([("article", .string(DisplayPath.of(first.article.path))), ("date", JSON(first.article.date?.iso)),
                               ("published", JSON(first.article.published))])),
            ("speakers", .array(cluster.speakers.map { .string($0.name) })),
            ("disagree", .bool(cluster.disagree)),
        ])
    }

    /// The longest form, a summary line, then one line per appearance (earliest first), with the
    /// form it takes there when that is shorter. Each appearance has its date, with the local
    /// time of publication where known (as the reader's echoes show it); the first's instant
    /// in UTC follows it in the summary.
    var textLines: String {
        let longest = cluster.text
        let count = cluster.articleCount
        let when = cluster.quotations.map { quotation in
            PublicationMoment(quotation.article, in: zone).map { $0.date.iso + ($0.time.map { " " + $0 } ?? "") }
        }
        var summary = "in \(count) article\(count == 1 ? "" : "s")"
        if let first = when.first ?? nil {
            summary += ", first on \(first)"
            if let published = cluster.first.article.published { summary += " (\(published))" }
        }
        if !cluster.speakers.isEmpty {
            let names = cluster.speakers.map(\.name).joined(separator: ", ")
            summary += cluster.disagree ? "; speakers disagree: \(names)" : "; said by \(names)"
        }
        var s = "\u{201C}\(TerminalSafe.line(longest))\u{201D}\n  \(TerminalSafe.line(summary))\n"
        // The dates in a column as wide as the widest.
        let column = when.map { $0?.count ?? 0 }.max() ?? 0
        for (q, when) in zip(cluster.quotations, when) {
            var line = "\(DisplayPath.of(q.article.path)) #\(q.ordinal + 1)"
            if let site = q.article.site { line += " (\(site))" }
            line += ": \(q.speakerName ?? "(unattributed)")"
            if q.text != longest { line += " \u{201C}\(q.text)\u{201D}" }
            s += "  \((when ?? "undated").padding(toLength: max(column, 10), withPad: " ", startingAt: 0))  \(TerminalSafe.line(line))\n"
        }
        return s + "\n"
    }
}
