import ArgumentParser
import BylineCore

struct QuotesEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes", abstract: "Score quotations and speakers against a gold JSONL file.")

    @Argument(help: "Gold quotations (JSON Lines, the format of shared/README.md).")
    var gold: String

    func run() throws {
        throw ValidationError("not implemented yet")
    }
}
