import ArgumentParser

struct AnalysisBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analysis")

    func run() throws {
        throw ValidationError("not implemented yet")
    }
}
