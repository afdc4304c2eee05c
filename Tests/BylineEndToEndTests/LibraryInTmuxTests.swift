import BylineTestSupport
import Foundation
import Testing

/// The real `byline` on a folder of articles, through its library index, in tmux: a speaker's
/// quotations from two articles, a library search opened at its hit, a cache that cannot be
/// written. The articles are written by the test; the analysis is the real one.
@Suite(.serialized, .enabled(if: TmuxSession.available, "tmux is not installed: the end-to-end tests need it"))
struct LibraryInTmuxTests {
    static let articles: [(name: String, text: String)] = [
        ("2011-11-15_nato-talks.txt", """
            NATO opens talks on the training mission in Iraq

            BRUSSELS — NATO ambassadors met on Tuesday to discuss the future of the alliance's training mission in Iraq.

            "We are ready to keep our trainers in Iraq if the government asks us to," said Ivo Daalder, the U.S. ambassador to NATO.

            "The decision belongs to the Iraqi parliament," Daalder added.
            """),
        ("2011-11-20_blizzard.txt", """
            Blizzard closes mountain roads in Montana

            A blizzard closed the main mountain roads in western Montana on Sunday, stranding hundreds of drivers.

            "We have never seen snow like this in November," said Karen Hill, a spokeswoman for the state transport department.
            """),
        ("2011-12-02_deadline.txt", """
            NATO running out of time on the Iraq mission

            "We are running out of time to reach an agreement," said Ivo Daalder, the U.S. ambassador to NATO, on Friday.

            Iraqi lawmakers have not voted on immunity for the trainers, and the mission ends on December 31.
            """),
    ]

    /// Writes the articles into the session's folder; returns the library folder.
    static func writeLibrary(in session: TmuxSession) throws -> URL {
        let folder = session.home.appendingPathComponent("library")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for article in articles {
            try Data(article.text.utf8).write(to: folder.appendingPathComponent(article.name))
        }
        return folder
    }

    @Test func aSpeakerAcrossTheLibraryAndALibrarySearch() async throws {
        try await offPool { try self.aSpeakerAcrossTheLibraryAndALibrarySearchSteps() }
    }

    func aSpeakerAcrossTheLibraryAndALibrarySearchSteps() throws {
        let session = try TmuxSession(width: 160, height: 40)
        defer { session.close() }
        let library = try Self.writeLibrary(in: session)
        let index = session.home.appendingPathComponent("cache/library.sqlite").path
        try session.shell("'\(TmuxSession.binary)' --index '\(index)' '\(library.path)'; echo \"byline exited $?\"")

        // The library is indexed in the background and fills the library column.
        try session.waitFor("the library of three articles, the first open") {
            $0.contains("Library · 3") && $0.contains("NATO opens talks on the training mission in Iraq") && $0.contains("Article 1/3")
        }

        // Ivo Daalder speaks in two articles: pick him, then list his quotations across the library.
        try session.keys("f")
        try session.waitFor("the speaker picker") { $0.contains("Filter by speaker") && $0.contains("3 in 2 art.") }
        try session.literal("daalder")
        try session.keys("Enter")
        try session.waitFor("the filter") { $0.contains("speaker: Ivo Daalder") }
        try session.keys("A")
        try session.waitFor("his quotations across the library, each under its article's date and headline") {
            let left = TmuxSession.columns($0, from: 0, to: 48).joined(separator: "\n")
            return $0.contains("Ivo Daalder · 3 quotations in 2 articles") && $0.contains("We are running out of time")
                && left.contains("15 Nov 2011 · NATO opens talks") && left.contains("2 Dec 2011 · NATO running out of time")
                && left.contains("We are ready to keep our trainers") && left.contains("The decision belongs to the Iraqi")
        }
        // The third opens the other article at that quotation.
        try session.keys("j", "j", "Enter")
        try session.waitFor("the second article of the speaker, at that quotation") {
            $0.contains("Article 3/3") && $0.contains("quotation 1/1")
                && TmuxSession.columns($0, from: 48, to: 110).joined().contains("NATO running out of time on the Iraq mission")
        }

        // Search the library, and open the hit at its matches.
        try session.keys("S")
        try session.waitFor("the search prompt") { $0.contains("Search the library:") }
        try session.literal("blizzard")
        try session.keys("Enter")
        try session.waitFor("the search results") { $0.contains("Search · blizzard · 1 article") }
        try session.keys("Enter")
        try session.waitFor("the article of the hit, at its matches") {
            $0.contains("Article 2/3") && $0.contains("/blizzard 1/2")
                && TmuxSession.columns($0, from: 48, to: 110).joined().contains("A blizzard closed the main mountain roads")
        }

        // q quits, and the terminal is back in its normal mode.
        try session.keys("q")
        let screen = try session.waitFor("the exit status") { $0.contains("byline exited 0") }
        #expect(try session.display("#{alternate_on}") == "0")
        #expect(!screen.contains("Library · 3"), "the alternate screen is gone")
    }

    @Test func aCacheThatCannotBeWrittenIsSaidAndTheLibraryStillOpens() async throws {
        try await offPool { try self.aCacheThatCannotBeWrittenIsSaidAndTheLibraryStillOpensSteps() }
    }

    func aCacheThatCannotBeWrittenIsSaidAndTheLibraryStillOpensSteps() throws {
        let session = try TmuxSession(width: 160, height: 40)
        defer { session.close() }
        let library = try Self.writeLibrary(in: session)
        // No folder can be made under /proc: the index lives in memory for this run.
        try session.shell("XDG_CACHE_HOME=/proc/byline-cache '\(TmuxSession.binary)' '\(library.path)'; echo \"byline exited $?\"")
        try session.waitFor("the library and the notice") {
            $0.contains("Library · 3") && $0.contains("indexing in memory for this run")
                && $0.contains("NATO opens talks on the training mission in Iraq")
        }
        try session.keys("q")
        try session.waitFor("the exit status") { $0.contains("byline exited 0") }
    }
}
