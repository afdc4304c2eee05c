import BylineCore
import BylineTestSupport
import FlyingFox
import Foundation
import Testing

@testable import BylineSources

/// Whether this build reads feeds. The RSS, Atom and JSON Feed readers are written in parallel
/// with `byline update`; the tests that need them run once they are merged (then this trait
/// should go, so the tests can never be skipped).
enum FeedReaders {
    static let available: Bool = {
        let probe = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>P</title>"
            + "<item><title>Probe</title><guid>p-1</guid></item></channel></rss>"
        return (try? SourceReader.read(Data(probe.utf8), source: "probe.xml"))?.first?.metadata.format == .rss
    }()
}

/// An RSS 2.0 feed of invented items.
struct FeedItem: Sendable {
    var guid: String
    var title: String
    var link: String
    var body: String
    var date: String

    static func full(_ n: Int, date: String = "Fri, 02 Dec 2011 10:00:00 +0000") -> FeedItem {
        let sentence = "Councillor Ann Lee said the ferry timetable for route \(n) would change in the spring. "
        return FeedItem(guid: "tag:harbour.example,2011:\(n)", title: "Ferry route \(n) changes",
                        link: "http://127.0.0.1:9/ferry-\(n)", body: "<p>" + String(repeating: sentence, count: 10) + "</p>",
                        date: date)
    }

    static func rss(title: String, _ items: [FeedItem]) -> String {
        let entries = items.map { item in
            """
            <item><title>\(item.title)</title><link>\(item.link)</link><guid isPermaLink="false">\(item.guid)</guid>
            <pubDate>\(item.date)</pubDate><description><![CDATA[\(item.body)]]></description></item>
            """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>\(title)</title><link>https://harbour.example/</link>
            \(entries.joined(separator: "\n"))
            </channel></rss>
            """
    }
}

/// A feed list, state, and library in a temporary folder, and an updater over them.
struct UpdateFixture {
    let folder: TemporaryFolder
    let updater: FeedUpdater

    init(feeds: [Subscription], options: FeedUpdater.Options = FeedUpdater.Options(fetch: HTTPFetcher.Options(timeout: 20))) throws {
        folder = try TemporaryFolder()
        let root = folder.url.path
        var list = try FeedList.load(path: root + "/config/byline/feeds")
        for feed in feeds { try list.add(feed) }
        try list.save()
        updater = FeedUpdater(feedListPath: list.path, statePath: root + "/state/byline/feeds.json",
                              libraryFolder: root + "/data/byline/library", options: options)
    }

    func run() async throws -> UpdateSummary {
        let updater = self.updater
        return try await offPool { try updater.run(try FeedList.load(path: updater.feedListPath)) }
    }

    /// The text files in the feed folder `name`, sorted.
    func files(in name: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: updater.libraryFolder + "/" + name)
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

    func states() -> FeedStates { FeedStates.load(path: updater.statePath).states }
}

@Suite struct UpdateFailureTests {
    @Test func aDeadFeedIsNamedAndItsErrorKept() async throws {
        let port = try closedLoopbackPort()
        let dead = "http://127.0.0.1:\(port)/feed.xml"
        let fixture = try UpdateFixture(feeds: [Subscription(url: dead, name: "Gone Gazette")])
        let summary = try await fixture.run()
        #expect(summary.results.count == 1)
        #expect(summary.results[0].displayName == "Gone Gazette")
        #expect(summary.results[0].outcome == .failed("connection refused by 127.0.0.1:\(port)"))
        #expect(summary.everyFeedFailed)
        let state = try #require(fixture.states().feeds[dead])
        #expect(state.lastError == "connection refused by 127.0.0.1:\(port)")
        #expect(state.lastAttempt != nil)
        #expect(state.lastUpdate == nil)
    }

    @Test func aWebPageIsNotAFeed() async throws {
        let server = try await LoopbackServer.start([
            ("/", { _ in HTTPResponse(.ok, FetchTests.page, headers: [("Content-Type", "text/html")]) }),
        ])
        defer { Task { await server.stop() } }
        let fixture = try UpdateFixture(feeds: [Subscription(url: server.url("/"))])
        let summary = try await fixture.run()
        #expect(summary.results[0].outcome == .failed("this is a web page, not a feed"))
    }

    @Test func aSecondUpdateAtOnceIsRefused() async throws {
        let fixture = try UpdateFixture(feeds: [Subscription(url: "http://127.0.0.1:1/feed")])
        let lockPath = fixture.updater.statePath + ".lock"
        try FileManager.default.createDirectory(atPath: FilePaths.parent(of: lockPath), withIntermediateDirectories: true)
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        defer { close(fd) }
        await #expect(throws: SubscriptionError.busy(lockPath)) { try await fixture.run() }
    }

    /// The caller reads the list once and the update works from it: a list changed on disk
    /// since is not read again.
    @Test func theListGivenIsTheListUpdated() async throws {
        let port = try closedLoopbackPort()
        let feeds = (1...2).map { Subscription(url: "http://127.0.0.1:\(port)/feed\($0).xml") }
        let fixture = try UpdateFixture(feeds: feeds)
        let updater = fixture.updater
        let list = try FeedList.load(path: updater.feedListPath)
        var emptied = list
        for feed in feeds { _ = try emptied.remove(feed.url) }
        try emptied.save()
        #expect(try FeedList.load(path: updater.feedListPath).subscriptions.isEmpty)
        let summary = try await offPool { try updater.run(list) }
        #expect(summary.results.map(\.subscription.url) == feeds.map(\.url))
    }

    @Test func progressIsReportedForEveryFeed() async throws {
        let port = try closedLoopbackPort()
        let feeds = (1...3).map { Subscription(url: "http://127.0.0.1:\(port)/feed\($0).xml") }
        let fixture = try UpdateFixture(feeds: feeds)
        let reports = Reports()
        let updater = fixture.updater
        _ = try await offPool { try updater.run(try FeedList.load(path: updater.feedListPath), progress: { reports.add($0) }) }
        #expect(reports.all.map(\.feedsDone) == [1, 2, 3])
        #expect(reports.all.allSatisfy { $0.feedsTotal == 3 })
    }
}

final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [UpdateProgress] = []
    func add(_ report: UpdateProgress) { lock.withLock { reports.append(report) } }
    var all: [UpdateProgress] { lock.withLock { reports } }
}

/// A feed whose items and ETag a test changes between updates.
final class ChangingFeed: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [FeedItem]
    private var version = 1
    let title: String

    init(title: String, items: [FeedItem]) {
        self.title = title
        self.items = items
    }

    func publish(_ newItems: [FeedItem]) {
        lock.withLock {
            items = newItems
            version += 1
        }
    }

    func respond(_ request: HTTPRequest) -> HTTPResponse {
        lock.withLock {
            let etag = "\"v\(version)\""
            if request.headers[.ifNoneMatch] == etag { return HTTPResponse(.notModified, headers: [("ETag", etag)]) }
            return HTTPResponse(.ok, FeedItem.rss(title: title, items),
                                headers: [("Content-Type", "application/rss+xml"), ("ETag", etag)])
        }
    }
}

@Suite(.enabled(if: FeedReaders.available, "needs the RSS reader (merged separately)"))
struct UpdateTests {
    @Test func eachItemIsStoredOnceAndASecondUpdateAddsOnlyNewItems() async throws {
        let feed = ChangingFeed(title: "Harbour News", items: [FeedItem.full(2, date: "Sat, 03 Dec 2011 09:00:00 +0000"),
                                                               FeedItem.full(1)])
        let server = try await LoopbackServer.start([("/feed.xml", { feed.respond($0) })])
        defer { Task { await server.stop() } }
        let fixture = try UpdateFixture(feeds: [Subscription(url: server.url("/feed.xml"))])

        let first = try await fixture.run()
        #expect(first.results[0].outcome == .updated)
        #expect(first.results[0].added == 2)
        #expect(first.results[0].displayName == "Harbour News")
        #expect(try fixture.files(in: "harbour-news") == ["2011-12-02_ferry-route-1-changes.txt",
                                                          "2011-12-03_ferry-route-2-changes.txt"])
        let folder = fixture.updater.libraryFolder + "/harbour-news"
        let firstFile = folder + "/2011-12-02_ferry-route-1-changes.txt"
        let before = try Data(contentsOf: URL(fileURLWithPath: firstFile))
        let stored = try #require(SourceReader.read(path: firstFile).first)
        #expect(stored.headlineText == "Ferry route 1 changes")
        #expect(stored.metadata.feedItemID == "tag:harbour.example,2011:1")
        #expect(stored.metadata.feed == server.url("/feed.xml"))
        #expect(stored.dateSource == .catalog)

        // Nothing new: a conditional GET and a 304.
        let second = try await fixture.run()
        #expect(second.results[0].outcome == .unchanged)
        #expect(server.requests(to: "/feed.xml").last?.headers[.ifNoneMatch] == "\"v1\"")

        // One new item among the old ones: only it is added, and the old files stay as they were.
        feed.publish([FeedItem.full(3, date: "Mon, 05 Dec 2011 08:00:00 +0000"), FeedItem.full(2), FeedItem.full(1)])
        let third = try await fixture.run()
        #expect(third.results[0].added == 1)
        #expect(try fixture.files(in: "harbour-news").count == 3)
        #expect(try Data(contentsOf: URL(fileURLWithPath: firstFile)) == before)
        #expect(Catalog.load(folder: folder)?.entries.count == 3)
        #expect(fixture.states().feeds[server.url("/feed.xml")]?.validators.etag == "\"v2\"")
    }

    @Test func aServerWithoutValidatorsStillGetsEachItemOnce() async throws {
        let body = FeedItem.rss(title: "Valley Courier", [FeedItem.full(7), FeedItem.full(8)])
        let server = try await LoopbackServer.start([
            ("/rss", { _ in HTTPResponse(.ok, body, headers: [("Content-Type", "application/rss+xml")]) }),
        ])
        defer { Task { await server.stop() } }
        let fixture = try UpdateFixture(feeds: [Subscription(url: server.url("/rss"), name: "Valley")])
        #expect(try await fixture.run().added == 2)
        #expect(try await fixture.run().added == 0)
        #expect(try fixture.files(in: "valley").count == 2)
    }

    @Test func aDeadFeedIsNamedWhileTheOthersUpdate() async throws {
        let body = FeedItem.rss(title: "Harbour News", [FeedItem.full(1)])
        let server = try await LoopbackServer.start([
            ("/feed.xml", { _ in HTTPResponse(.ok, body, headers: [("Content-Type", "application/rss+xml")]) }),
        ])
        defer { Task { await server.stop() } }
        let port = try closedLoopbackPort()
        let fixture = try UpdateFixture(feeds: [Subscription(url: "http://127.0.0.1:\(port)/rss", name: "Gone Gazette"),
                                                Subscription(url: server.url("/feed.xml"))])
        let summary = try await fixture.run()
        #expect(summary.results.map(\.displayName) == ["Gone Gazette", "Harbour News"])
        #expect(summary.results[0].failed)
        #expect(summary.results[1].added == 1)
        #expect(!summary.everyFeedFailed)
    }

    @Test func aTeaserHasItsPageFetchedAndReadAndKeptWhenThePageFails() async throws {
        let port = Port()
        let page = """
            <!DOCTYPE html><html><head><title>Lighthouse keeper retires | Harbour News</title></head><body>
            <nav><a href="/">Home</a></nav><article><h1>Lighthouse keeper retires</h1>
            """ + String(repeating: "<p>\"I have watched every ship come in for forty years,\" said Tom Reed, the keeper, on Friday.</p>\n", count: 12)
            + "</article></body></html>"
        let server = try await LoopbackServer.start([
            ("/feed.xml", { _ in
                let items = [
                    FeedItem(guid: "t-1", title: "Lighthouse keeper retires", link: "http://127.0.0.1:\(port.value)/lighthouse",
                             body: "<p>After forty years, the keeper hands over the lamp.</p>", date: "Fri, 02 Dec 2011 10:00:00 +0000"),
                    FeedItem(guid: "t-2", title: "Pier closes", link: "http://127.0.0.1:\(port.value)/missing",
                             body: "<p>The pier closes for the winter…</p>", date: "Fri, 02 Dec 2011 11:00:00 +0000"),
                ]
                return HTTPResponse(.ok, FeedItem.rss(title: "Harbour News", items), headers: [("Content-Type", "application/rss+xml")])
            }),
            ("/lighthouse", { _ in HTTPResponse(.ok, page, headers: [("Content-Type", "text/html")]) }),
        ])
        defer { Task { await server.stop() } }
        port.value = server.port
        let fixture = try UpdateFixture(feeds: [Subscription(url: server.url("/feed.xml"))])
        let summary = try await fixture.run()
        #expect(summary.results[0].added == 2)
        #expect(summary.results[0].notes == ["kept the teaser of 1 item whose page could not be read "
                                             + "(\(server.url("/missing")): cannot be read (404 Not Found))"])
        let folder = fixture.updater.libraryFolder + "/harbour-news"
        let expanded = try String(contentsOfFile: folder + "/2011-12-02_lighthouse-keeper-retires.txt", encoding: .utf8)
        #expect(expanded.hasPrefix("Lighthouse keeper retires\n\n"))
        #expect(expanded.contains("said Tom Reed"))
        #expect(!expanded.contains("hands over the lamp"))
        let kept = try String(contentsOfFile: folder + "/2011-12-02_pier-closes.txt", encoding: .utf8)
        #expect(kept == "Pier closes\n\nThe pier closes for the winter…\n")
    }

    @Test func aHugeFeedIsStoredInBoundedStepsNewestFirst() async throws {
        let items = (1...12).reversed().map { FeedItem.full($0, date: "Fri, \(String(format: "%02d", $0)) Dec 2011 10:00:00 +0000") }
        let feed = ChangingFeed(title: "Harbour News", items: items)
        let server = try await LoopbackServer.start([("/feed.xml", { feed.respond($0) })])
        defer { Task { await server.stop() } }
        let options = FeedUpdater.Options(fetch: HTTPFetcher.Options(timeout: 20), maximumNewItemsPerFeed: 5)
        let fixture = try UpdateFixture(feeds: [Subscription(url: server.url("/feed.xml"))], options: options)
        let first = try await fixture.run()
        #expect(first.results[0].added == 5)
        #expect(first.results[0].notes == ["stored the 5 newest of 12 new items; the rest wait for the next update"])
        #expect(try fixture.files(in: "harbour-news").first == "2011-12-08_ferry-route-8-changes.txt")
        // What waits is fetched again in full (no conditional GET could hide it).
        let second = try await fixture.run()
        #expect(server.requests(to: "/feed.xml").last?.headers[.ifNoneMatch] == nil)
        #expect(second.results[0].added == 5)
        #expect(try await fixture.run().results[0].added == 2)
        #expect(try await fixture.run().results[0].outcome == .unchanged)
        #expect(try fixture.files(in: "harbour-news").count == 12)
    }
}

/// A port number learnt after the server starts, read by its handlers.
final class Port: @unchecked Sendable {
    private let lock = NSLock()
    private var port: UInt16 = 0
    var value: UInt16 {
        get { lock.withLock { port } }
        set { lock.withLock { port = newValue } }
    }
}
