import BylineCore
import BylineSources
import BylineUI
import Foundation

/// `byline update` run on a background thread for the reader (`u`): the event loop polls
/// `progress` and `report` between keys, as it polls the index's update, so no key waits for
/// the network. A feed that fails is one line of the report; nothing here can stop the reader.
public final class FeedUpdateTask: @unchecked Sendable {
    private let lock = NSLock()
    private var latest = FeedUpdateProgress()
    private var finished: FeedUpdateReport?
    private var notes: [String] = []
    private var cancelled = false
    private let done = DispatchSemaphore(value: 0)
    /// Where the update stores new articles.
    public let libraryFolder: String

    /// Starts the update of every feed in `updater`'s list.
    public init(updater: FeedUpdater) {
        libraryFolder = updater.libraryFolder
        Thread.detachNewThread { [self] in
            let (report, notes) = Self.run(updater, progress: { progress in
                self.lock.withLock {
                    self.latest = FeedUpdateProgress(feedsDone: progress.feedsDone, feedsTotal: progress.feedsTotal,
                                                     itemsAdded: progress.itemsAdded)
                }
            }, shouldContinue: { [self] in !lock.withLock { cancelled } })
            lock.withLock {
                finished = report
                self.notes = notes
            }
            done.signal()
        }
    }

    /// The last progress reported.
    public var progress: FeedUpdateProgress { lock.withLock { latest } }

    /// Nil while running; then how it ended.
    public var report: FeedUpdateReport? { lock.withLock { finished } }

    /// What to print when the reader exits: each failed feed with its error, notes on feeds
    /// (teasers kept, items left for later) and warnings about the list (one line each, as
    /// the network gave them: make them terminal-safe before printing).
    public var exitNotes: [String] { lock.withLock { notes } }

    /// Stops between feeds and items; what was stored stays.
    public func cancel() { lock.withLock { cancelled = true } }

    /// Waits up to `seconds` for the update to stop; true if it did.
    @discardableResult
    public func wait(seconds: Double) -> Bool {
        guard done.wait(timeout: .now() + seconds) == .success else { return false }
        done.signal()
        return true
    }

    static func run(_ updater: FeedUpdater, progress: @escaping @Sendable (UpdateProgress) -> Void,
                    shouldContinue: @escaping @Sendable () -> Bool) -> (FeedUpdateReport, [String]) {
        do throws(SubscriptionError) {
            let list = try FeedList.load(path: updater.feedListPath)
            guard !list.subscriptions.isEmpty else { return (FeedUpdateReport(outcome: .noFeeds), list.warnings) }
            let summary = try updater.run(list, progress: progress, shouldContinue: shouldContinue)
            var notes = summary.warnings
            var failures: [FeedUpdateReport.Failure] = []
            for result in summary.results {
                if case .failed(let message) = result.outcome {
                    failures.append(FeedUpdateReport.Failure(feed: result.displayName, reason: message))
                    notes.append("\(result.displayName): \(message)")
                }
                notes += result.notes.map { "\(result.displayName): \($0)" }
            }
            return (FeedUpdateReport(outcome: .finished, feeds: summary.results.count, added: summary.added, failures: failures),
                    notes)
        } catch {
            return (FeedUpdateReport(outcome: .notStarted(error.description)), [])
        }
    }
}
