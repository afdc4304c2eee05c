import ArgumentParser

struct IndexBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "index")

    func run() throws {
        throw ValidationError("not implemented yet")
    }
}
