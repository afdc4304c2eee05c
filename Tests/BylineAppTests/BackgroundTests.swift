import BylineApp
import BylineIndex
import BylineSources
import BylineTestSupport
import BylineUI
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The reader's background work: the feed update behind `u`, the index updates after it,
/// and where the feeds' library stands to what the reader shows.
@Suite struct FeedLibraryPlaceTests {
    let library = "/data/byline/library"

    @Test func theLibraryIsShownWhenARootHoldsItOrIsInsideIt() {
        #expect(FeedLibraryPlace.of(library, roots: [library + "/"]) == .shown)
        #expect(FeedLibraryPlace.of(library, roots: ["/home/me/articles", "/data"]) == .shown)
        #expect(FeedLibraryPlace.of(library, roots: [library + "/river-gazette"]) == .shown)
        #expect(FeedLibraryPlace.of(library, roots: ["/"]) == .shown)
        #expect(FeedLibraryPlace.of(library + "/../library", roots: [library]) == .shown)
    }

    @Test func otherFoldersAreElsewhere() {
        #expect(FeedLibraryPlace.of(library, roots: ["/home/me/articles", "/data/byline/lib"]) == .elsewhere(library))
        #expect(FeedLibraryPlace.of(library, roots: []) == .elsewhere(library))
    }
}

@Suite(.serialized) struct FeedUpdateTaskTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-feeds-\(UUID().uuidString)")

    var updater: FeedUpdater {
        FeedUpdater(feedListPath: folder.appendingPathComponent("config/feeds").path,
                    statePath: folder.appendingPathComponent("state/feeds.json").path,
                    libraryFolder: folder.appendingPathComponent("data/library").path)
    }

    func finished(_ task: FeedUpdateTask) throws -> FeedUpdateReport {
        #expect(task.wait(seconds: 30))
        return try #require(task.report)
    }

    /// A port on 127.0.0.1 where nothing listens.
    func closedPort() -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                _ = bind(fd, pointer, length)
                _ = getsockname(fd, pointer, &length)
            }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    @Test func noFeedsIsSaidAndNothingIsFetched() async throws {
        try await offPool { try self.noFeedsIsSaidAndNothingIsFetchedSteps() }
    }

    func noFeedsIsSaidAndNothingIsFetchedSteps() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try finished(FeedUpdateTask(updater: updater))
        #expect(report.outcome == .noFeeds)
        #expect(report.message.text == "no feeds: add one with byline feeds add URL")
    }

    @Test func aFeedThatFailsIsOneLineOfTheReport() async throws {
        try await offPool { try self.aFeedThatFailsIsOneLineOfTheReportSteps() }
    }

    func aFeedThatFailsIsOneLineOfTheReportSteps() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("config"), withIntermediateDirectories: true)
        let address = "http://127.0.0.1:\(closedPort())/feed.xml"
        try "\(address) Hill Post\n".write(toFile: updater.feedListPath, atomically: true, encoding: .utf8)
        let task = FeedUpdateTask(updater: updater)
        let report = try finished(task)
        #expect(report.outcome == .finished)
        #expect(report.feeds == 1 && report.added == 0)
        #expect(report.failures.map(\.feed) == ["Hill Post"])
        #expect(report.failures.first?.reason.isEmpty == false)
        #expect(task.exitNotes.contains { $0.hasPrefix("Hill Post: ") })
        #expect(task.progress == FeedUpdateProgress(feedsDone: 1, feedsTotal: 1, itemsAdded: 0))
        #expect(task.libraryFolder == updater.libraryFolder)
    }

    @Test func anotherUpdateRunningIsSaid() async throws {
        try await offPool { try self.anotherUpdateRunningIsSaidSteps() }
    }

    func anotherUpdateRunningIsSaidSteps() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("config"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("state"), withIntermediateDirectories: true)
        try "http://127.0.0.1:\(closedPort())/feed.xml\n".write(toFile: updater.feedListPath, atomically: true, encoding: .utf8)
        // What `byline update` holds while it runs.
        let lock = open(updater.statePath + ".lock", O_RDWR | O_CREAT, 0o644)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        let report = try finished(FeedUpdateTask(updater: updater))
        guard case .notStarted(let why) = report.outcome else {
            Issue.record("the update ran: \(report)")
            return
        }
        #expect(why.contains("another byline update is running"))
    }
}

@Suite struct IndexRefresherTests {
    @Test func anUpdateAskedForWhileOneRunsRunsAfterIt() async throws {
        try await offPool { try self.anUpdateAskedForWhileOneRunsRunsAfterItSteps() }
    }

    func anUpdateAskedForWhileOneRunsRunsAfterItSteps() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-refresh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func write(_ name: String) throws {
            try "Harbour news \(name)\n\n\"The boats are back,\" said Mara Lind.\n".write(
                to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("a.txt")
        let index = LibraryIndex.inMemory()
        let refresher = IndexRefresher(index: index, paths: [folder.path], referenceDate: nil)
        var warnings: [String] = []
        #expect(refresher.poll(exitWarnings: &warnings).isEmpty && !refresher.isBusy, "nothing asked, nothing runs")

        refresher.request()
        #expect(refresher.isBusy)
        var actions = refresher.poll(exitWarnings: &warnings)
        // Asked again while it runs (a feed update stored an article): one more run, after it.
        try write("b.txt")
        refresher.request()
        refresher.request()
        let deadline = Date().addingTimeInterval(30)
        while refresher.isBusy, Date() < deadline {
            actions += refresher.poll(exitWarnings: &warnings)
            usleep(10_000)
        }
        actions += refresher.poll(exitWarnings: &warnings)
        #expect(!refresher.isBusy)
        let finished = actions.compactMap { action -> IndexProgress? in
            if case .indexing(let progress) = action, progress.phase == .finished { return progress }
            return nil
        }
        #expect(finished.count == 2, "two runs, each reported once")
        #expect(finished.last?.files == 2)
        #expect(try index.articles().count == 2)
        #expect(warnings.isEmpty)
    }
}
