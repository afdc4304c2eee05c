import BylineTestSupport
import Foundation
import Testing

/// Echoes and follows through the real binary in tmux: `byline follow` asking which speaker an
/// ambiguous name means (without a terminal it refuses: the command-line tests), and the
/// reader's echoes and followed speakers, whose read state outlives the run.
@Suite(.serialized, .enabled(if: TmuxSession.available, "tmux is not installed: the end-to-end tests need it"))
struct EchoesAndFollowsInTmuxTests {
    static func write(_ articles: [(String, String)], in session: TmuxSession) throws -> URL {
        let library = session.home.appendingPathComponent("library")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        for (name, text) in articles { try Data(text.utf8).write(to: library.appendingPathComponent(name)) }
        return library
    }

    @Test func anAmbiguousNameAsksWhichSpeakerToFollow() async throws {
        try await offPool { try self.anAmbiguousNameAsksWhichSpeakerToFollowSteps() }
    }

    func anAmbiguousNameAsksWhichSpeakerToFollowSteps() throws {
        let session = try TmuxSession(width: 120, height: 30)
        defer { session.close() }
        let library = try Self.write([
            ("2024-04-01_library.txt", """
                Library hours extended

                "The reading room will stay open until ten on weekdays from next month," said Joe Brandt, the head librarian.
                """),
            ("2024-04-02_bridge.txt", """
                Bridge repairs start

                "The old bridge will be closed to cars for six weeks while the deck is replaced," said Mina Brandt, the city engineer.
                """),
        ], in: session)

        try session.shell("'\(TmuxSession.binary)' follow Brandt '\(library.path)'; echo \"byline exited $?\"")
        try session.waitFor("the question after both candidates") {
            $0.contains("\"Brandt\" could be:") && $0.contains("1. Joe Brandt (1 quotation)")
                && $0.contains("2. Mina Brandt (1 quotation)") && $0.contains("Which one (1-2, Enter for none)?")
        }
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

    @Test func theReaderShowsEchoesAndTheNewQuotationsOfFollowedSpeakers() async throws {
        try await offPool { try self.theReaderShowsEchoesAndTheNewQuotationsOfFollowedSpeakersSteps() }
    }

    func theReaderShowsEchoesAndTheNewQuotationsOfFollowedSpeakersSteps() throws {
        let session = try TmuxSession(width: 160, height: 40)
        defer { session.close() }
        let ferry = "The new ferry terminal will open in the spring and serve every island in the bay"
        let library = try Self.write([
            ("2024-05-01_port.txt", "Port news\n\n\"\(ferry),\" said Ann Lee, the harbour master.\n"),
            ("2024-05-02_wire.txt", "Ferry terminal to open\n\n\"\(ferry),\" said Tom Berg, a councillor.\n"),
            ("2024-05-03_fares.txt", "Fares stay the same\n\n\"Fares will not rise this year, whatever the price of fuel does,\" said Ann Lee.\n"),
        ], in: session)
        // Ann Lee is followed, and nothing of hers has been seen yet.
        let config = session.home.appendingPathComponent("config/byline")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "Ann Lee\n".write(to: config.appendingPathComponent("follows"), atomically: true, encoding: .utf8)
        let state = session.home.appendingPathComponent("state/byline")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try "{\"version\": 1, \"seen\": {\"Ann Lee\": []}}".write(to: state.appendingPathComponent("follows.json"), atomically: true,
                                                              encoding: .utf8)
        let index = session.home.appendingPathComponent("cache/library.sqlite").path
        try session.shell("'\(TmuxSession.binary)' --index '\(index)' '\(library.path)'; echo \"byline exited $?\"")
        // The article itself, not only its row in the library: `]` before it is read moves nothing.
        try session.waitFor("the library and its first article") {
            $0.contains("Library · 3") && $0.contains("the harbour master.") && $0.contains("quotation –/1")
        }

        // The first article's quotation appears in another article, given to someone else.
        try session.keys("]")
        try session.waitFor("the echo note") { $0.contains("also in 1 article, speakers disagree") && $0.contains("quotation 1/1") }
        try session.keys("e")
        try session.waitFor("the echoes") { $0.contains("Echoes · 2 articles · speakers disagree") && $0.contains("Tom Berg:") }

        // The followed speaker has two new quotations; opening one marks it read.
        try session.keys("w")
        try session.waitFor("the followed speakers") { $0.contains("Following · 1 speaker") && $0.contains("2 new · 2 quotations") }
        try session.keys("Enter")
        try session.waitFor("her new quotations") { $0.contains("Ann Lee · 2 new") }
        try session.keys("j", "Enter")
        try session.waitFor("the article at her quotation") { $0.contains("Fares stay the same") && $0.contains("quotation 1/1") }
        try session.keys("q")
        try session.waitFor("the exit status") { $0.contains("byline exited 0") }
        let saved = try String(contentsOf: state.appendingPathComponent("follows.json"), encoding: .utf8)
        #expect(saved.contains("\"Ann Lee\":[\""), "one quotation is seen now: \(saved)")

        // The next run and the command line agree: one new quotation left.
        try session.shell("clear; '\(TmuxSession.binary)' follows --index '\(index)'")
        try session.waitFor("the count") { $0.contains("Ann Lee: 2 quotations, 1 new") }
    }
}
