import BylineTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Feeds in the real reader, in tmux: `u` fetches a feed served on loopback (Python's
/// `http.server`, started in a window of the test's own tmux server, so it ends with it), the
/// new articles appear with their feed's name and unread marks, read marks outlive the run,
/// and `o` hands the article's address to a fake `$BROWSER` that writes it to a file. Every
/// XDG folder is in the session's temporary home; the feed and its articles are invented.
@Suite(.serialized, .enabled(if: TmuxSession.available && Python.path != nil,
                             "tmux and /usr/bin/python3 are needed to serve a feed on loopback"))
struct FeedsInTmuxTests {
    struct Item {
        var id: Int
        var title: String
        var day: Int
        var body: String
    }

    static let items = [
        Item(id: 1, title: "Ferry service returns to the north harbour", day: 6, body: """
            The ferry between the north harbour and the island returned on Monday after a week of storms kept \
            the boats tied up. “The first crossing left at seven and it was full,” said Mara Lind, the harbour \
            master. Crews spent the weekend checking the landing stages, and the council said the timetable \
            would stay as it was before the storms. Traders on the island had waited for deliveries since the \
            previous Tuesday. “We ran out of bread on Thursday and milk on Friday,” said Tomas Berg, who runs \
            the island shop. The operator said it would add an evening boat for the rest of the month so that \
            the backlog of freight could be cleared, and that tickets bought for cancelled crossings could be \
            used until the end of the season.
            """),
        Item(id: 2, title: "Orchard growers brace for a late harvest", day: 7, body: """
            Apple growers in the valley expect to pick two weeks later than usual after a cold spring slowed \
            the blossom. “The fruit is there, it is just taking its time,” said Ines Varga, who chairs the \
            growers' cooperative. Pickers have been told to expect work from the middle of September instead \
            of the start of the month. The cooperative said it had asked the regional office for help with \
            storage, because a late harvest often meets the first frosts. Several farms have already covered \
            their youngest trees. “If October is kind to us, nobody will notice the delay,” Varga said. The \
            cider press in the village plans to open its doors a week later than last year and to stay open \
            into November for the last of the crop.
            """),
        Item(id: 3, title: "Library opens a reading room by the river", day: 8, body: """
            The town library opened a reading room in the old boathouse by the river on Saturday, with a \
            collection of maps and local newspapers going back a century. “People asked for a quiet place \
            near the water, and this building was empty,” said Petra Holm, the librarian. Volunteers repaired \
            the roof and the windows over the winter, and a local carpenter built the shelves from timber \
            saved from the old jetty. The room will be open four afternoons a week, and school classes can \
            book mornings for projects on the history of the river. The library said it would lend a small \
            number of bicycles from the boathouse in the summer so that visitors could follow the map of the \
            old towpath described in one of the collection's oldest guides.
            """),
    ]

    static func rss(port: Int, _ items: [Item]) -> String {
        let entries = items.map { item in
            """
            <item><title>\(item.title)</title><link>http://127.0.0.1:\(port)/items/\(item.id).html</link>
            <guid isPermaLink="false">river-gazette-\(item.id)</guid><pubDate>Mon, 0\(item.day) May 2024 09:00:00 +0000</pubDate>
            <description><![CDATA[<p>\(item.body)</p>]]></description></item>
            """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>River Gazette</title><link>http://127.0.0.1:\(port)/</link>
            \(entries.joined(separator: "\n"))
            </channel></rss>
            """
    }

    /// Serves `folder` on 127.0.0.1 from a second window of the session; returns the port.
    static func serve(_ folder: URL, in session: TmuxSession) throws -> Int {
        let log = session.home.appendingPathComponent("server.log")
        try session.tmux(["new-window", "-d", "-t", session.target,
                          "'\(Python.path!)' -u -m http.server 0 --bind 127.0.0.1 --directory '\(folder.path)' > '\(log.path)' 2>&1"])
        let deadline = Date().addingTimeInterval(TmuxSession.patience)
        while Date() < deadline {
            // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
            if let text = try? String(contentsOf: log, encoding: .utf8), let range = text.range(of: " port ") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits) { return port }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxSession.Timeout(description: "the feed server did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }

    /// A browser that prints what must never reach the screen, then writes its arguments to
    /// `opened.txt`: once that file is there, its output has been written wherever it goes.
    static func fakeBrowser(in session: TmuxSession) throws -> URL {
        let script = session.home.appendingPathComponent("fake-browser")
        let opened = session.home.appendingPathComponent("opened.txt").path
        try writeExecutable("""
            #!/bin/sh
            echo "FAKE BROWSER NOISE"
            echo "FAKE BROWSER ERROR" >&2
            printf '%s\\n' "$@" > '\(opened).partial' && mv '\(opened).partial' '\(opened)'
            """, to: script.path)
        return script
    }

    /// The first row of the library pane that holds `headline` (columns 0..<width).
    static func libraryRow(_ screen: String, _ headline: String, width: Int = 48) -> String? {
        TmuxSession.columns(screen, from: 0, to: width).first { $0.contains(headline) }
    }

    @Test func updatingAFeedFromTheReaderOpeningAnArticleAndKeepingWhatWasRead() async throws {
        try await offPool { try self.updatingAFeedFromTheReaderOpeningAnArticleAndKeepingWhatWasReadSteps() }
    }

    func updatingAFeedFromTheReaderOpeningAnArticleAndKeepingWhatWasReadSteps() throws {
        let session = try TmuxSession(width: 160, height: 40)
        defer { session.close() }
        let www = session.home.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        let port = try Self.serve(www, in: session)
        let feed = www.appendingPathComponent("feed.xml")
        try Self.rss(port: port, Array(Self.items.prefix(2))).write(to: feed, atomically: true, encoding: .utf8)
        let browser = try Self.fakeBrowser(in: session)
        let reader = "BROWSER='\(browser.path) %s' '\(TmuxSession.binary)'; echo \"byline exited $?\""

        // No feeds yet: u says how to add one.
        try session.shell(reader)
        try session.waitFor("the seed") { $0.contains("NATO running out of time to negotiate troop extension in Iraq") }
        try session.keys("u")
        try session.waitFor("the hint") { $0.contains("no feeds: add one with byline feeds add URL") }
        try session.keys("q")
        try session.waitFor("the exit") { $0.contains("byline exited 0") }
        try session.shell("clear; '\(TmuxSession.binary)' feeds add http://127.0.0.1:\(port)/feed.xml; echo \"added $?\"")
        try session.waitFor("the feed added") { $0.contains("added 0") }

        // The library is still empty, so the reader shows the seed; u fills the library and the
        // reader moves to it as the index takes the new articles in.
        try session.shell("clear; " + reader)
        try session.waitFor("the seed") { $0.contains("NATO running out of time to negotiate troop extension in Iraq") }
        try session.keys("u")
        try session.waitFor("the summary and the new articles, the seed gone") {
            $0.contains("Feeds updated: 2 new articles from 1 feed") && $0.contains("Library · 2")
                && $0.contains("• Orchard growers brace for a") && !$0.contains("NATO running out of time")
        }

        // The library, focused: each article with its feed's name; the one not opened is unread.
        // Both rows are waited for: the frame that widens the library reaches the pane row by row.
        try session.keys("1")
        var screen = try session.waitFor("the feed's name beside both headlines, the orchard one unread") {
            Self.libraryRow($0, "Ferry service returns")?.hasSuffix(" · River Gazette ") == true
                && Self.libraryRow($0, "Orchard growers").map {
                    $0.contains("• Orchard growers brace for a") && $0.contains(" · River Gazette")
                } == true
        }

        // Open it (read now), then o hands its address to the browser, and nothing the browser
        // prints reaches the screen.
        let orchardRow = try #require(screen.components(separatedBy: "\n").firstIndex { $0.contains("Orchard growers") })
        let ferryRow = try #require(screen.components(separatedBy: "\n").firstIndex { $0.contains("Ferry service") })
        try session.keys(orchardRow > ferryRow ? "j" : "k", "Enter")
        try session.waitFor("the orchard article open") {
            $0.contains("● Orchard growers") && TmuxSession.columns($0, from: 48, to: 110).joined().contains("Apple growers in the valley")
        }
        try session.keys("o")
        let opened = session.home.appendingPathComponent("opened.txt")
        let deadline = Date().addingTimeInterval(TmuxSession.patience)
        while !FileManager.default.fileExists(atPath: opened.path), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(try String(contentsOf: opened, encoding: .utf8) == "http://127.0.0.1:\(port)/items/2.html\n")
        try session.waitFor("the browser's start said") { $0.contains("Opened in fake-browser") && $0.contains("Library · 2") }
        // The browser printed before it wrote opened.txt: watch the screen for a second, time
        // enough for tmux to show that output had it reached the terminal.
        let breach = try session.firstBreach(within: 1) { !$0.contains("FAKE BROWSER") && $0.contains("Library · 2") }
        #expect(breach == nil, "the browser's output never reaches the terminal, and the reader stays intact: \(breach ?? "")")
        try session.keys("q")
        try session.waitFor("the exit") { $0.contains("byline exited 0") }

        // Next run: the library opens at once; what was read stays read, the rest unread.
        try session.shell("clear; " + reader)
        try session.waitFor("the library") { $0.contains("Library · 2") }
        try session.keys("1")
        screen = try session.waitFor("the library focused, the orchard row drawn in full") {
            Self.libraryRow($0, "Orchard growers")?.contains(" · River Gazette") == true
        }
        let orchardAgain = try #require(Self.libraryRow(screen, "Orchard growers"))
        #expect(!orchardAgain.contains("•"), "read in the last run: \(orchardAgain)")

        // A new item in the feed: u brings it in and the index adds it.
        try Self.rss(port: port, Self.items).write(to: feed, atomically: true, encoding: .utf8)
        try session.keys("u")
        try session.waitFor("the third article, new, so unread") {
            $0.contains("Feeds updated: 1 new article from 1 feed") && $0.contains("Library · 3")
                && Self.libraryRow($0, "Library opens a reading")?.contains("• Library opens") == true
        }
        try session.keys("u")
        try session.waitFor("nothing new") { $0.contains("Feeds updated: nothing new from 1 feed") }
        try session.keys("q")
        try session.waitFor("the exit") { $0.contains("byline exited 0") }
        #expect(try session.display("#{alternate_on}") == "0")
    }

    @Test func aFeedThatFailsIsASummaryAndTheReaderGoesOn() async throws {
        try await offPool { try self.aFeedThatFailsIsASummaryAndTheReaderGoesOnSteps() }
    }

    func aFeedThatFailsIsASummaryAndTheReaderGoesOnSteps() throws {
        let session = try TmuxSession(width: 160, height: 40)
        defer { session.close() }
        let www = session.home.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        let port = try Self.serve(www, in: session)
        try Self.rss(port: port, Array(Self.items.prefix(1))).write(to: www.appendingPathComponent("feed.xml"), atomically: true,
                                                                   encoding: .utf8)
        try session.shell("'\(TmuxSession.binary)' feeds add http://127.0.0.1:\(port)/feed.xml --name 'River Gazette'"
                          + " && '\(TmuxSession.binary)' feeds add http://127.0.0.1:\(port)/missing.xml --name 'Hill Post'; echo \"added $?\"")
        try session.waitFor("the feeds added") { $0.contains("added 0") }
        try session.shell("clear; '\(TmuxSession.binary)'; echo \"byline exited $?\"")
        try session.waitFor("the seed") { $0.contains("NATO running out of time to negotiate troop extension in Iraq") }
        try session.keys("u")
        try session.waitFor("the summary and the article") {
            $0.contains("Feeds updated: 1 new article from 1 of 2 feeds; failed: Hill Post (404") && $0.contains("article 1/1")
                && $0.contains("Ferry service returns to the north harbour")
        }
        try session.keys("q")
        let after = try session.waitFor("the exit") { $0.contains("byline exited 0") }
        #expect(after.contains("Hill Post: 404"), "each failed feed is named on exit")
    }
}

/// Python, for its `http.server`.
enum Python {
    static let path: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
}
