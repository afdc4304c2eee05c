import ArgumentParser
import BylineCore
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl
}

/// Options shared by the commands that read articles.
struct ArticleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The publication date (reference for \"Thursday\", \"this week\"), overriding the articles' metadata.", valueName: "YYYY-MM-DD"))
    var date: String?

    @Argument(help: ArgumentHelp("Article files or folders (read recursively). Default: the bundled seed article.", valueName: "PATH"))
    var paths: [String] = []

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
