import ArgumentParser

struct FrameBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "frame")

    func run() throws {
        throw ValidationError("not implemented yet")
    }
}
