import Foundation
import Testing

/// `byline follow` with a name that could be two people, on a terminal: it asks which one.
/// (Without a terminal the name is refused with the candidates listed: the command-line tests.)
@Suite(.serialized, .enabled(if: TmuxSession.available, "tmux is not installed: the end-to-end tests need it"))
struct FollowInTmuxTests {
    @Test func anAmbiguousNameAsksWhichSpeakerToFollow() throws {
        let session = try TmuxSession(width: 120, height: 30)
        defer { session.close() }
        let library = session.home.appendingPathComponent("library")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        try Data("""
            Library hours extended

            "The reading room will stay open until ten on weekdays from next month," said Joe Brandt, the head librarian.
            """.utf8).write(to: library.appendingPathComponent("2024-04-01_library.txt"))
        try Data("""
            Bridge repairs start

            "The old bridge will be closed to cars for six weeks while the deck is replaced," said Mina Brandt, the city engineer.
            """.utf8).write(to: library.appendingPathComponent("2024-04-02_bridge.txt"))

        try session.shell("'\(TmuxSession.binary)' follow Brandt '\(library.path)'; echo \"byline exited $?\"")
        let screen = try session.waitFor("the question") { $0.contains("Which one (1-2, Enter for none)?") }
        #expect(screen.contains("\"Brandt\" could be:"))
        #expect(screen.contains("1. Joe Brandt (1 quotation)"))
        #expect(screen.contains("2. Mina Brandt (1 quotation)"))
        try session.literal("2")
        try session.keys("Enter")
        try session.waitFor("the answer") { $0.contains("following Mina Brandt") && $0.contains("byline exited 0") }
        let follows = try String(contentsOf: session.home.appendingPathComponent("config/byline/follows"), encoding: .utf8)
        #expect(follows.hasSuffix("\nMina Brandt\n"))

        // Enter alone follows nobody.
        try session.shell("clear; '\(TmuxSession.binary)' follow Brandt '\(library.path)'; echo \"byline exited $?\"")
        try session.waitFor("the question again") { $0.contains("Which one (1-2, Enter for none)?") }
        try session.keys("Enter")
        try session.waitFor("the refusal") { $0.contains("byline: nothing followed") && $0.contains("byline exited 1") }
    }
}
