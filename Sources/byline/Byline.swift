import ArgumentParser
import BylineCore
import Foundation

/// `byline`: read news in the terminal and see who said what, and when.
struct Byline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "byline",
        abstract: "A terminal reader for news: who said what, and when.",
        discussion: """
            With no command, opens the reader on the given articles (files or folders, read \
            recursively), or on the bundled seed article when no PATH is given.
            """,
        version: BylineVersion.number,
        subcommands: [Read.self, Quotes.self, Speakers.self, TimelineCommand.self, TextCommand.self, IndexCommand.self, Search.self,
                      FeedsCommand.self, UpdateCommand.self, EchoesCommand.self, FollowCommand.self,
                      UnfollowCommand.self, FollowsCommand.self],
        defaultSubcommand: Read.self)
}

/// An error in the input (a file that cannot be read, a folder with no articles): exit 1.
struct InputError: Error, CustomStringConvertible {
    var description: String
}

@main
enum Main {
    static func main() {
        do {
            var command = try Byline.parseAsRoot()
            try command.run()
        } catch let error as InputError {
            FileHandle.standardError.write(Data("byline: \(error.description)\n".utf8))
            exit(1)
        } catch let error as ReadError {
            FileHandle.standardError.write(Data("byline: \(error.description)\n".utf8))
            exit(1)
        } catch {
            let code = Byline.exitCode(for: error)
            if code == .success {
                // --help and --version
                print(Byline.fullMessage(for: error))
                exit(0)
            }
            if let cleanExit = error as? ExitCode {
                exit(cleanExit.rawValue)
            }
            FileHandle.standardError.write(Data((Byline.fullMessage(for: error) + "\n").utf8))
            // Usage errors exit 2, as shells and scripts expect (ArgumentParser's default is 64).
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Writes a warning line to stderr.
func warn(_ message: String) {
    FileHandle.standardError.write(Data("byline: warning: \(message)\n".utf8))
}
