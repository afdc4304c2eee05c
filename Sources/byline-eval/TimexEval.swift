import ArgumentParser
import BylineCore

struct TimexEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timex", abstract: "Score time expressions TempEval-3 style against gold JSONL files.")

    @Argument(help: "Gold time expressions (JSON Lines).")
    var gold: [String]

    func run() throws {
        throw ValidationError("not implemented yet")
    }
}

struct DucklingEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duckling", abstract: "Value accuracy on Duckling's English time phrases.")

    @Argument(help: "duckling_en_time.jsonl")
    var gold: String

    func run() throws {
        throw ValidationError("not implemented yet")
    }
}
