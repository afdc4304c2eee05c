import ArgumentParser
import BylineCore
import BylineIndex
import Foundation

/// `byline index`: build or update the library index.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or update the library index of articles.",
        discussion: """
            The index holds every article under the given folders, their quotations, speakers \
            (merged across articles), time expressions and a full-text search index. It lives \
            in $XDG_CACHE_HOME/byline/ (default ~/.cache/byline/), one file per set of folders, \
            or at --index PATH. Only new and changed files are analysed again; files that are \
            gone leave the index. Progress shows on stderr.
            """)

    @Flag(name: .long, help: "Discard the index and build it again from the files.")
    var rebuild = false

    @OptionGroup var library: IndexOption
    @OptionGroup var articles: ArticleOptions

    func validate() throws {
        if articles.hasTransientPaths { throw ArticleOptions.transientPathsInIndex }
        if library.index == nil, articles.readPaths.isEmpty {
            throw ValidationError("give the article files or folders to index (PATH...), or an index to update with --index PATH")
        }
    }

    func run() throws {
        let display = ProgressDisplay.forStandardError(otherwise: .lines)
        let (index, summary) = try LibraryAccess.open(library, articles, progress: display, rebuild: rebuild)
        let counts = try index.counts()
        var parts = ["\(summary.files) articles", "\(summary.analyzed) analysed"]
        if summary.sameContent > 0 { parts.append("\(summary.sameContent) touched but unchanged") }
        parts.append("\(summary.unchanged) unchanged")
        if summary.removed > 0 { parts.append("\(summary.removed) removed") }
        if !summary.failures.isEmpty { parts.append("\(summary.failures.count) skipped") }
        print("\(parts.joined(separator: ", ")) in \(String(format: "%.2f", summary.seconds)) s")
        print("\(counts.speakers) speakers, \(counts.quotations) quotations, \(counts.timelineEntries) dated events")
        print("index: \(TerminalSafe.line(index.storage.description))")
        if summary.discardedOldAnalysis { warn("the index held an older analysis: every article was analysed again") }
    }
}

/// `byline search`: ranked full-text search over a library.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search the articles and quotations of a library.",
        discussion: """
            Every word must occur (case and accents do not count); "a phrase" in quotes, word* \
            for a prefix, OR between two terms. Results are ranked (BM25, headline words count \
            most) and shown with a snippet. The library is indexed first (see `byline index`). \
            JSONL prints one object per hit:
            {"kind": "article", "rank", "score", "article", "headline", "date", "snippet", "highlights": [{"start", "end"}]}
            {"kind": "quotation", "rank", "score", "article", "id", "start", "end", "text", "speaker", "snippet", "highlights"}
            Highlight offsets are Unicode-scalar offsets into the snippet.
            """)

    enum Scope: String, ExpressibleByArgument, CaseIterable {
        case all, articles, quotations

        var searchScope: SearchScope {
            switch self {
            case .all: return .all
            case .articles: return .articles
            case .quotations: return .quotations
            }
        }
    }

    @Option(name: .customLong("in"), help: "Where to search: all, articles or quotations.")
    var scope: Scope = .all

    @Option(name: .long, help: "How many articles and how many quotations to show at most.")
    var limit = 20

    @OptionGroup var format: FormatOption
    @OptionGroup var library: IndexOption

    @Argument(help: ArgumentHelp("What to search for.", valueName: "QUERY"))
    var query: String

    @OptionGroup var articles: ArticleOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1 (got \(limit))") }
        if library.index == nil, articles.readPaths.isEmpty {
            throw ValidationError("give the article files or folders to search (PATH...), or an index with --index PATH")
        }
    }

    func run() throws {
        let results = try LibraryAccess.withLibrary(library, articles) { index in
            try index.search(query, scope: scope.searchScope, limit: limit)
        }
        switch format.format {
        case .text: print(SearchOutput.text(results, query: query), terminator: "")
        case .json: print(JSON.array(SearchOutput.records(results)).serialized(pretty: true))
        case .jsonl: SearchOutput.records(results).forEach { print($0.serialized()) }
        }
    }
}

enum SearchOutput {
    /// Matches stand out on a terminal; in a file they are marked `**like this**`.
    static func text(_ results: SearchResults, query: String) -> String {
        if results.articles.isEmpty && results.quotations.isEmpty {
            return "No matches for \(TerminalSafe.line(query)).\n"
        }
        var out = ""
        if !results.articles.isEmpty {
            out += "Articles (\(results.articles.count) of \(results.articleMatches)):\n"
            for (n, hit) in results.articles.enumerated() {
                out += "  \(n + 1). \(DisplayPath.header(hit.article))\n"
                out += "     \(snippet(hit.snippet))\n"
            }
        }
        if !results.quotations.isEmpty {
            if !out.isEmpty { out += "\n" }
            let articles = results.articlesWithMatchingQuotations
            out += "Quotations (\(results.quotations.count), from \(articles) articles with a matching quotation):\n"
            for (n, hit) in results.quotations.enumerated() {
                let q = hit.quotation
                let who = TerminalSafe.line(q.speakerName ?? "(unattributed)")
                out += "  \(n + 1). \(who), in \(DisplayPath.header(q.article))\n"
                out += "     \u{201C}\(snippet(hit.snippet))\u{201D}\n"
            }
        }
        return out
    }

    private static let onTerminal = isatty(STDOUT_FILENO) == 1

    /// The snippet on one line, made terminal-safe as a whole (so the spaces around matches
    /// stay), with the matches marked.
    private static func snippet(_ snippet: SearchSnippet) -> String {
        let open = "\u{E000}"
        let close = "\u{E001}"
        let marked = snippet.segments.map { $0.isMatch ? open + $0.text + close : $0.text }.joined()
        let safe = TerminalSafe.line(marked)
        if onTerminal {
            return safe.replacingOccurrences(of: open, with: "\u{1B}[1;4m")
                .replacingOccurrences(of: close, with: "\u{1B}[22;24m") + "\u{1B}[22;24m"
        }
        return safe.replacingOccurrences(of: open, with: "**").replacingOccurrences(of: close, with: "**")
    }

    static func records(_ results: SearchResults) -> [JSON] {
        var records: [JSON] = []
        for (n, hit) in results.articles.enumerated() {
            let a = hit.article
            records.append(.object([
                ("kind", .string("article")), ("rank", .int(n + 1)), ("score", .double(rounded(hit.score))),
                ("article", .string(DisplayPath.of(a.path))), ("headline", .string(a.headline)), ("date", JSON(a.date?.iso)),
                ("snippet", .string(hit.snippet.plainText)), ("highlights", highlights(hit.snippet)),
            ]))
        }
        for (n, hit) in results.quotations.enumerated() {
            let q = hit.quotation
            records.append(.object([
                ("kind", .string("quotation")), ("rank", .int(n + 1)), ("score", .double(rounded(hit.score))),
                ("article", .string(DisplayPath.of(q.article.path))), ("id", .int(q.ordinal)), ("start", .int(q.span.start)),
                ("end", .int(q.span.end)), ("text", .string(q.text)), ("speaker", JSON(q.speakerName)),
                ("snippet", .string(hit.snippet.plainText)), ("highlights", highlights(hit.snippet)),
            ]))
        }
        return records
    }

    private static func rounded(_ score: Double) -> Double { (score * 1000).rounded() / 1000 }

    private static func highlights(_ snippet: SearchSnippet) -> JSON {
        var spans: [JSON] = []
        var offset = 0
        for segment in snippet.segments {
            let length = segment.text.unicodeScalars.count
            if segment.isMatch { spans.append(.object([("start", .int(offset)), ("end", .int(offset + length))])) }
            offset += length
        }
        return .array(spans)
    }
}
