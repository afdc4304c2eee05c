import BylineTestSupport
import FlyingFox
import Foundation
import Testing

/// `byline echoes`, `follow`, `unfollow` and `follows`, and the new quotations of followed
/// speakers after `byline update`, through the built binary, with every XDG folder (and HOME) in
/// a temporary folder. The articles are invented.
@Suite struct EchoAndFollowCommandTests: IsolatedHomeSuite {
    let temporary: TemporaryFolder

    init() throws {
        temporary = try TemporaryFolder()
    }

    private func write(_ name: String, _ text: String) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The same words in three articles: a whole quotation, a fragment under a shortened name,
    /// and an elided form given to someone else.
    private func writeFerryLibrary() throws {
        try write("news/2024-03-01_harbour.txt", """
            Harbour council delays ferry vote

            The harbour council delayed its vote on the ferry timetable on Friday.

            "We are working on the timetable every day. The ferries will run on time by the summer," said Mayor Ann Lee.
            """)
        try write("news/2024-03-02_wire.txt", """
            Ferry timetable vote put off

            The vote on the ferry timetable was put off again.

            "We are working on the timetable every day," Lee said. She added that the city would publish a plan.
            """)
        try write("news/2024-03-03_gazette.txt", """
            Council under fire over ferries

            Critics attacked the council this week.

            "We are working on the timetable … the ferries will run on time by the summer," said councillor Bob Hart.
            """)
    }

    private func objects(_ jsonl: String) throws -> [[String: Any]] {
        try jsonl.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func echoesListsEachClusterWithItsFirstAppearanceAndFlagsDisagreement() throws {
        try writeFerryLibrary()
        let result = try byline("echoes", "--format", "jsonl", "news")
        #expect(result.status == 0, "\(result.stderr)")
        let clusters = try objects(result.stdout)
        #expect(clusters.count == 1)
        let cluster = try #require(clusters.first)
        #expect(cluster["text"] as? String == "We are working on the timetable every day. The ferries will run on time by the summer,")
        let quotes = try #require(cluster["quotes"] as? [[String: Any]])
        #expect(quotes.map { $0["article"] as? String } == [
            "news/2024-03-01_harbour.txt", "news/2024-03-02_wire.txt", "news/2024-03-03_gazette.txt",
        ])
        #expect(quotes.map { $0["speaker"] as? String } == ["Ann Lee", "Lee", "Bob Hart"])
        #expect(quotes.map { $0["date"] as? String } == ["2024-03-01", "2024-03-02", "2024-03-03"])
        #expect(quotes.allSatisfy { $0["id"] is Int && $0["start"] is Int && $0["end"] is Int && $0.keys.contains("site") })
        let first = try #require(cluster["first"] as? [String: Any])
        #expect(first["article"] as? String == "news/2024-03-01_harbour.txt")
        #expect(first["date"] as? String == "2024-03-01")
        #expect(cluster["speakers"] as? [String] == ["Ann Lee", "Bob Hart"], "Lee is Ann Lee")
        #expect(cluster["disagree"] as? Bool == true)

        let text = try byline("echoes", "--disagree", "news")
        #expect(text.stdout.contains("in 3 articles, first on 2024-03-01; speakers disagree: Ann Lee, Bob Hart"))
        let none = try byline("echoes", "--min", "4", "--format", "json", "news")
        #expect(none.status == 0)
        #expect(none.stdout == "[]\n")
        let bad = try byline("echoes", "--min", "0", "news")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--min"))
    }

    /// Two articles of one day, timed by their catalog: the one published earlier is first,
    /// though its path comes later; `text` gives the instant as its last field.
    @Test func echoesOfOneDayAreOrderedByTheTimeOfPublication() throws {
        try write("timed/a-evening.txt", "Ferry vote\n\n\"The ferries will run on time by the summer,\" said Ann Lee.\n")
        try write("timed/b-morning.txt", "Ferry plan\n\n\"The ferries will run on time by the summer,\" said Ann Lee.\n")
        try write("timed/index.jsonl", """
            {"file": "a-evening.txt", "date": "2024-03-05", "published": "2024-03-05T19:00:00Z"}
            {"file": "b-morning.txt", "date": "2024-03-05", "published": "2024-03-05T07:45:00Z"}

            """)
        let result = try byline("echoes", "--format", "jsonl", "timed")
        #expect(result.status == 0, "\(result.stderr)")
        let cluster = try #require(try objects(result.stdout).first)
        let first = try #require(cluster["first"] as? [String: Any])
        #expect(first["article"] as? String == "timed/b-morning.txt")
        #expect(first["date"] as? String == "2024-03-05")
        #expect(first["published"] as? String == "2024-03-05T07:45:00Z")
        let quotes = try #require(cluster["quotes"] as? [[String: Any]])
        #expect(quotes.map { $0["article"] as? String } == ["timed/b-morning.txt", "timed/a-evening.txt"])
        // Each appearance with its local day and time of publication (the evening one is
        // already the 6th in Tokyo), and the first's instant in UTC.
        var tokyo = environment
        tokyo["TZ"] = "Asia/Tokyo"
        let text = try BylineProcess.run(["echoes", "timed"], environment: tokyo, in: folder, timeout: 60)
        #expect(text.stdout.contains("""
              in 2 articles, first on 2024-03-05 16:45 (2024-03-05T07:45:00Z); said by Ann Lee
              2024-03-05 16:45  timed/b-morning.txt #1: Ann Lee
              2024-03-06 04:00  timed/a-evening.txt #1: Ann Lee

            """), "\(text.stdout)")

        let record = try byline("text", "--format", "jsonl", "timed/b-morning.txt")
        #expect(record.status == 0, "\(record.stderr)")
        #expect(record.stdout.hasSuffix(", \"body_start\": 12, \"published\": \"2024-03-05T07:45:00Z\"}\n"))
        // Unknown: null.
        try write("plain/2024-03-06_note.txt", "Note\n\nThe board met again.\n")
        let untimed = try byline("text", "--format", "jsonl", "plain/2024-03-06_note.txt")
        #expect(untimed.stdout.hasSuffix(", \"published\": null}\n"))
    }

    @Test func followGoesThroughTheSpeakerMergeAndRefusesAnAmbiguousName() throws {
        try writeFerryLibrary()
        try write("news/2024-04-01_library.txt", """
            Library hours extended

            "The reading room will stay open until ten on weekdays from next month," said Joe Brandt, the head librarian.
            """)
        try write("news/2024-04-02_bridge.txt", """
            Bridge repairs start

            "The old bridge will be closed to cars for six weeks while the deck is replaced," said Mina Brandt, the city engineer.
            """)
        var result = try byline("follow", "Lee", "news")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "following Ann Lee (2 quotations in the library so far; new ones are listed after byline update)\n")
        result = try byline("follow", "Brandt", "news")
        #expect(result.status == 1)
        #expect(result.stderr == "byline: \"Brandt\" could be Joe Brandt (1 quotation); Mina Brandt (1 quotation): give the full name\n")
        #expect(try byline("follow", "Mina Brandt", "news").status == 0)
        result = try byline("follow", "Nobody", "news")
        #expect(result.status == 1)
        #expect(result.stderr.contains("no speaker in the library matches \"Nobody\""))
        let list = try String(contentsOf: folder.appendingPathComponent("config/byline/follows"), encoding: .utf8)
        #expect(list.hasSuffix("Ann Lee\nMina Brandt\n"))

        result = try byline("follows", "--format", "jsonl", "news")
        #expect(result.stdout == "{\"name\": \"Ann Lee\", \"quotes\": 2, \"new\": 0}\n{\"name\": \"Mina Brandt\", \"quotes\": 1, \"new\": 0}\n")
        result = try byline("unfollow", "brandt")
        #expect(result.stdout == "stopped following Mina Brandt\n")
        #expect(try byline("unfollow", "Brandt").status == 1)
    }

    @Test func updateListsTheNewQuotationsOfFollowedSpeakersFromAFeedOnLoopback() async throws {
        let feed = try await FeedServer.start()
        defer { Task { await feed.stop() } }
        let first = FeedServer.Item(guid: "harbour-1", date: "Fri, 01 Mar 2024 09:00:00 +0000", title: "Ferry timetable changes",
                                    quote: "“The new ferry timetable starts on the first of May,” said Ann Lee, the harbour master.")
        feed.serve([first])
        func run(_ arguments: String...) async throws -> BylineProcess.Output {
            let environment = self.environment
            let folder = self.folder
            return try await offPool { try BylineProcess.run(arguments, environment: environment, in: folder, timeout: 60) }
        }
        #expect(try await run("feeds", "add", feed.url, "--name", "Harbour News").status == 0)
        var result = try await run("update")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Harbour News: 1 new"))
        #expect(!result.stdout.contains("new quotation"), "nobody is followed yet")

        result = try await run("follow", "Lee")
        #expect(result.stdout.hasPrefix("following Ann Lee (1 quotation"), "\(result.stderr)")

        let second = FeedServer.Item(guid: "harbour-2", date: "Tue, 05 Mar 2024 09:00:00 +0000", title: "Ferry fares",
                                     quote: "“Fares will not rise this year, whatever the price of fuel does,” Lee said at the harbour office.")
        let third = FeedServer.Item(guid: "harbour-3", date: "Tue, 05 Mar 2024 10:00:00 +0000", title: "Dock works",
                                    quote: "“The dock will be dredged in the autumn,” said Tom Berg, the port engineer.")
        feed.serve([first, second, third])
        result = try await run("update")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Harbour News: 2 new"))
        #expect(result.stdout.contains("Ann Lee: 1 new quotation"))
        #expect(result.stdout.contains("\u{201C}Fares will not rise this year, whatever the price of fuel does,\u{201D}"))
        #expect(result.stdout.contains(", as Lee"))
        #expect(!result.stdout.contains("ferry timetable starts"), "seen before")
        #expect(!result.stdout.contains("dredged"), "not followed")

        result = try await run("follows", "--new")
        #expect(result.stdout == "no new quotations by the speaker you follow\n")
        result = try await run("follows", "--format", "jsonl")
        #expect(result.stdout == "{\"name\": \"Ann Lee\", \"quotes\": 2, \"new\": 0}\n")
    }
}

/// An RSS feed of invented items on 127.0.0.1, whose items a test changes between updates.
final class FeedServer: Sendable {
    struct Item {
        var guid: String
        var date: String
        var title: String
        var quote: String
    }

    /// The feed's current text, read by the server's handler and changed by `serve`.
    private final class Body: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        var current: String {
            get { lock.withLock { text } }
            set { lock.withLock { text = newValue } }
        }
    }

    private let server: LoopbackServer
    private let body: Body

    var url: String { server.url("/feed.xml") }

    private init(server: LoopbackServer, body: Body) {
        self.server = server
        self.body = body
    }

    static func start() async throws -> FeedServer {
        let body = Body()
        let server = try await LoopbackServer.start([
            ("GET /feed.xml", { _ in HTTPResponse(.ok, body.current, headers: [("Content-Type", "application/rss+xml; charset=utf-8")]) }),
        ])
        return FeedServer(server: server, body: body)
    }

    /// Serves these items from now on. Each body is long enough (over 100 words) to be kept as
    /// the article, not taken for a teaser.
    func serve(_ items: [Item]) {
        let filler = String(repeating: "The harbour board met on Monday to discuss the timetable, the fares and the works. ", count: 8)
        let entries = items.map { item in
            """
            <item><title>\(item.title)</title><guid isPermaLink="false">\(item.guid)</guid><pubDate>\(item.date)</pubDate>
            <description><![CDATA[<p>\(filler)</p><p>\(item.quote)</p><p>\(filler)</p>]]></description></item>
            """
        }
        body.current = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Harbour News</title><link>https://harbour.example/</link>
            \(entries.joined(separator: "\n"))
            </channel></rss>
            """
    }

    func stop() async { await server.stop() }
}
