import ArgumentParser
import BylineCore
import BylineSources
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl
}

/// Options shared by the commands that read articles.
struct ArticleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The publication date (reference for \"Thursday\", \"this week\"), overriding the articles' metadata.", valueName: "YYYY-MM-DD"))
    var date: String?

    @Argument(help: ArgumentHelp(
        "Article files or folders (read recursively), web addresses (http, https), or - for standard input. Default: the library that `byline update` fills, or the bundled seed article while it is empty.",
        valueName: "PATH"))
    var paths: [String] = []

    @OptionGroup var fetch: FetchOption

    /// The PATHs to read: those given; with none, the subscriptions' library when it holds
    /// articles; else none (the bundled seed is read).
    var readPaths: [String] {
        if !paths.isEmpty { return paths }
        let library = Library.folder()
        return ArticleFinder.containsArticles(in: library) ? [library] : []
    }

    /// The PATHs an index is brought up to date with: those given; with none, the index's own
    /// (empty) when `--index` names one, else the subscriptions' library.
    func indexPaths(with option: IndexOption) -> [String] {
        if !paths.isEmpty || option.index != nil { return paths }
        return readPaths
    }

    /// The error for web addresses or standard input given with `--index`.
    static let transientPathsInIndex = ValidationError(
        "web addresses and - (standard input) are read anew each time and cannot go into an index: leave out --index, or subscribe to a feed with `byline feeds add URL`")

    /// Whether a PATH is read anew on every run rather than kept in a library index: a web
    /// address or standard input.
    var hasTransientPaths: Bool { paths.contains { $0 == "-" || WebAddress.looksLikeURL($0) } }

    func validate() throws {
        if let date, CivilDate(iso: date) == nil {
            throw ValidationError("--date must be a calendar date written YYYY-MM-DD, for example 2011-12-02 (got \"\(date)\")")
        }
    }

    var referenceDate: CivilDate? { date.flatMap(CivilDate.init(iso:)) }
}

struct FormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: text (for reading), json (one document) or jsonl (one object per line).")
    var format: OutputFormat = .text
}
