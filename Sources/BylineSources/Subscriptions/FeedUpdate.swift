import BylineCore
import Foundation

/// How an update is going, for a progress bar: reported after each feed, from whichever
/// thread finished it (one report at a time).
public struct UpdateProgress: Sendable, Equatable {
    public var feedsDone: Int
    public var feedsTotal: Int
    /// Items stored so far, all feeds together.
    public var itemsAdded: Int
    /// The feed just finished (its name, else its address).
    public var lastFeed: String?

    public var fractionDone: Double { feedsTotal == 0 ? 1 : Double(feedsDone) / Double(feedsTotal) }
}

/// What an update did, feed by feed, in the order of the list.
public struct UpdateSummary: Sendable {
    public struct FeedResult: Sendable, Equatable {
        public enum Outcome: Sendable, Equatable {
            /// Fetched and read; `added` new items stored (possibly none).
            case updated
            /// The server answered `304 Not Modified`.
            case unchanged
            /// The feed could not be fetched, read or stored: why.
            case failed(String)
        }

        public var subscription: Subscription
        /// The user's name for the feed, else its title, else its address.
        public var displayName: String
        /// The feed's folder in the library, once it has one.
        public var folder: String?
        public var outcome: Outcome
        public var added: Int
        /// What the user should know besides (teasers kept, items left for the next update).
        public var notes: [String]

        public var failed: Bool {
            if case .failed = outcome { return true }
            return false
        }
    }

    public var results: [FeedResult]
    /// Problems with the list of feeds or the saved state that did not stop the update.
    public var warnings: [String]
    public var libraryFolder: String

    public var added: Int { results.reduce(0) { $0 + $1.added } }
    /// `byline update` exits 1 only then.
    public var everyFeedFailed: Bool { !results.isEmpty && results.allSatisfy(\.failed) }
}

/// `byline update`: fetches every feed in the list, a few at a time, with conditional GETs, and
/// stores each new item once in the library (`Library`, `FeedFolder`); a teaser's page is
/// fetched and read in its place (`Teaser`). A feed that fails is reported and the others go
/// on. Only adds files: nothing stored earlier is touched. Per-feed state (validators, last
/// update, last error) is saved after each feed, so an interrupted update keeps what it did.
///
/// Bounded per feed and per update: at most `maximumNewItemsPerFeed` items stored (the newest)
/// and `maximumPagesPerFeed` pages fetched for teasers; what is left waits for the next update
/// (the feed is then fetched in full, not conditionally, so it is seen again).
public struct FeedUpdater: Sendable {
    public struct Options: Sendable {
        public var fetch: HTTPFetcher.Options
        public var concurrentFeeds: Int
        public var maximumNewItemsPerFeed: Int
        public var maximumPagesPerFeed: Int
        /// After this many pages in a row fail for one feed, its remaining teasers wait.
        public var maximumPageFailuresInARow: Int

        public init(fetch: HTTPFetcher.Options = HTTPFetcher.Options(), concurrentFeeds: Int = 4,
                    maximumNewItemsPerFeed: Int = 1000, maximumPagesPerFeed: Int = 50, maximumPageFailuresInARow: Int = 3) {
            self.fetch = fetch
            self.concurrentFeeds = concurrentFeeds
            self.maximumNewItemsPerFeed = maximumNewItemsPerFeed
            self.maximumPagesPerFeed = maximumPagesPerFeed
            self.maximumPageFailuresInARow = maximumPageFailuresInARow
        }
    }

    public var feedListPath: String
    public var statePath: String
    public var libraryFolder: String
    public var options: Options

    public init(feedListPath: String, statePath: String, libraryFolder: String, options: Options = Options()) {
        self.feedListPath = feedListPath
        self.statePath = statePath
        self.libraryFolder = libraryFolder
        self.options = options
    }

    /// The updater for the default places, as `environment`'s XDG variables set them.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, options: Options = Options()) {
        self.init(feedListPath: FeedList.defaultPath(environment: environment),
                  statePath: FeedStates.defaultPath(environment: environment),
                  libraryFolder: Library.folder(environment: environment), options: options)
    }

    /// Updates every feed of `list`: the list at `feedListPath`, read by the caller, which
    /// has looked at it already (is it empty?), so it is read once. `progress` is called after
    /// each feed; `shouldContinue` is asked between feeds and items (false: the update stops
    /// early, keeping what it stored). Safe to call from a background thread. Throws only when
    /// the update cannot start (another update holds the lock).
    public func run(_ list: FeedList, progress: @escaping @Sendable (UpdateProgress) -> Void = { _ in },
                    shouldContinue: @escaping @Sendable () -> Bool = { true }) throws(SubscriptionError) -> UpdateSummary {
        let lock = try UpdateLock(path: statePath + ".lock")
        defer { lock.release() }
        let (loaded, stateWarning) = FeedStates.load(path: statePath)
        let shared = SharedState(states: loaded, feedCount: list.subscriptions.count)
        var warnings = list.warnings
        if let stateWarning { warnings.append(stateWarning) }

        let subscriptions = list.subscriptions
        let results = SlotArray<UpdateSummary.FeedResult>(count: subscriptions.count)
        let next = SharedCounter()
        let group = DispatchGroup()
        // Worker threads of their own: each spends most of its time waiting on the network.
        for _ in 0..<max(1, min(options.concurrentFeeds, subscriptions.count)) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while shouldContinue() {
                    let index = next.take()
                    guard index < subscriptions.count else { return }
                    let result = update(subscriptions[index], shared: shared, shouldContinue: shouldContinue)
                    results[index] = result
                    shared.finished(result, save: statePath, progress: progress)
                }
            }
        }
        group.wait()
        let saveWarnings = shared.saveWarnings
        var finished: [UpdateSummary.FeedResult] = []
        for (index, subscription) in subscriptions.enumerated() {
            finished.append(results[index] ?? UpdateSummary.FeedResult(
                subscription: subscription, displayName: subscription.name ?? subscription.url, folder: nil,
                outcome: .failed("not updated: the update was stopped"), added: 0, notes: []))
        }
        return UpdateSummary(results: finished, warnings: warnings + saveWarnings, libraryFolder: libraryFolder)
    }

    /// One feed: fetch, read, store what is new.
    private func update(_ subscription: Subscription, shared: SharedState,
                        shouldContinue: @Sendable () -> Bool) -> UpdateSummary.FeedResult {
        let now = Date()
        var state = shared.state(for: subscription.url)
        state.lastAttempt = now
        var result = UpdateSummary.FeedResult(subscription: subscription,
                                              displayName: subscription.name ?? state.title ?? subscription.url,
                                              folder: state.folder, outcome: .updated, added: 0, notes: [])
        func fail(_ message: String) -> UpdateSummary.FeedResult {
            state.lastError = message
            shared.setState(state, for: subscription.url)
            result.outcome = .failed(message)
            return result
        }

        let response: HTTPFetcher.Response
        do throws(FetchError) {
            response = try HTTPFetcher(options: options.fetch).fetch(try WebAddress.url(subscription.url),
                                                                     validators: state.validators)
        } catch {
            return fail(error.description)
        }
        if response.isNotModified {
            state.lastUpdate = now
            state.lastError = nil
            shared.setState(state, for: subscription.url)
            result.outcome = .unchanged
            return result
        }
        let items: [Article]
        do throws(ReadError) {
            items = try SourceReader.read(response.body, source: subscription.url, contentType: response.contentType)
        } catch {
            return fail(Self.reason(error))
        }
        if let page = items.first(where: { ![.rss, .atom, .jsonfeed].contains($0.metadata.format) }) {
            return fail("this is \(page.metadata.format == .html ? "a web page" : "a \(page.metadata.format.rawValue) document"), not a feed")
        }
        if let title = items.first?.metadata.site, !title.isEmpty {
            state.title = title
            if subscription.name == nil { result.displayName = title }
        }
        let folderName = shared.folder(for: subscription, title: state.title, library: libraryFolder)
        state.folder = folderName
        result.folder = FilePaths.joined(libraryFolder, folderName)
        let folder: FeedFolder
        do throws(SubscriptionError) {
            folder = try FeedFolder(path: FilePaths.joined(libraryFolder, folderName), feed: subscription.url)
        } catch {
            return fail(error.description)
        }

        let stored = store(items, in: folder, result: &result, shouldContinue: shouldContinue)
        if case .failed(let message) = stored.outcome { return fail(message) }
        // Items left over must be seen again: the next fetch is a full one.
        state.validators = stored.leftOver ? Validators() : response.validators
        state.lastUpdate = now
        state.lastError = nil
        shared.setState(state, for: subscription.url)
        return result
    }

    /// Stores the items `folder` does not hold, oldest first, within this update's bounds.
    private func store(_ items: [Article], in folder: FeedFolder, result: inout UpdateSummary.FeedResult,
                       shouldContinue: @Sendable () -> Bool) -> (outcome: UpdateSummary.FeedResult.Outcome, leftOver: Bool) {
        var fresh: [Article] = []
        for item in items where !folder.holds(item) { fresh.append(item) }
        var leftOver = false
        if fresh.count > options.maximumNewItemsPerFeed {
            // The newest first (undated items, in feed order, after dated ones), then the bound.
            let ordered = fresh.enumerated().sorted { a, b in
                switch (a.element.date, b.element.date) {
                case let (x?, y?) where x != y: return x > y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.offset < b.offset
                }
            }
            result.notes.append("stored the \(options.maximumNewItemsPerFeed) newest of \(fresh.count) new items; "
                                + "the rest wait for the next update")
            fresh = ordered.prefix(options.maximumNewItemsPerFeed).sorted { $0.offset < $1.offset }.map(\.element)
            leftOver = true
        }
        // Feeds list the newest first: the oldest is stored first, so files are made in order.
        let ordered = fresh.reversed()

        let pages = WebSource(options: options.fetch, cache: nil)
        var pagesFetched = 0
        var failuresInARow = 0
        var teasersKept = 0
        var firstPageFailure: String?
        var waiting = 0
        let today = Self.today()
        for item in ordered {
            guard shouldContinue() else {
                leftOver = true
                break
            }
            if folder.holds(item) { continue }
            var article = item
            if Teaser.isTeaser(item), let link = item.metadata.url {
                if pagesFetched >= options.maximumPagesPerFeed || failuresInARow >= options.maximumPageFailuresInARow {
                    waiting += 1
                    leftOver = true
                    continue
                }
                pagesFetched += 1
                do throws(ReadError) {
                    if let page = try pages.articles(at: link).articles.first, let expanded = Teaser.expanded(item, with: page) {
                        article = expanded
                    }
                    failuresInARow = 0
                } catch {
                    failuresInARow += 1
                    teasersKept += 1
                    if firstPageFailure == nil { firstPageFailure = error.description }
                }
            }
            do throws(SubscriptionError) {
                try folder.store(article, today: today)
                result.added += 1
            } catch {
                return (.failed(error.description + (result.added > 0 ? " (after storing \(result.added) new items)" : "")), true)
            }
        }
        if teasersKept > 0, let firstPageFailure {
            result.notes.append("kept the teaser of \(teasersKept) item\(teasersKept == 1 ? "" : "s") whose page could not be read "
                                + "(\(firstPageFailure))")
        }
        if waiting > 0 {
            result.notes.append("\(waiting) teaser\(waiting == 1 ? "" : "s") wait for the next update to fetch their pages")
        }
        return (.updated, leftOver)
    }

    static func reason(_ error: ReadError) -> String {
        switch error {
        case .notAnArticle(_, let kind): return "this is \(kind), not a feed"
        case .malformed(_, let reason): return reason
        case .empty: return "the feed is empty"
        case .binary: return "this is a binary file, not a feed"
        default: return error.description
        }
    }

    /// The local calendar date now: an undated item's date is the day it was first seen.
    static func today(_ now: Date = Date()) -> CivilDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: now)
        return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)!
    }
}

/// The states of all feeds and the progress, shared by the workers.
private final class SharedState: @unchecked Sendable {
    private let lock = NSLock()
    private var states: FeedStates
    private var done = 0
    private var added = 0
    private let feedCount: Int
    private(set) var saveWarnings: [String] = []

    init(states: FeedStates, feedCount: Int) {
        self.states = states
        self.feedCount = feedCount
    }

    func state(for url: String) -> FeedState { lock.withLock { states.feeds[url] ?? FeedState() } }

    func setState(_ state: FeedState, for url: String) { lock.withLock { states.feeds[url] = state } }

    /// The feed's folder name: the one it has, else a new one from its name, its title or its
    /// host, not used by another feed (`-2`, `-3`… when it is).
    func folder(for subscription: Subscription, title: String?, library: String) -> String {
        lock.withLock {
            if let existing = states.feeds[subscription.url]?.folder { return existing }
            let host = URL(string: subscription.url)?.host
            let base = Slug.make(subscription.name ?? title ?? host ?? subscription.url, maximumLength: 60, fallback: "feed")
            let taken = Set(states.feeds.filter { $0.key != subscription.url }.compactMap(\.value.folder))
            var candidate = base
            var n = 1
            while taken.contains(candidate) || Self.holdsAnotherFeed(FilePaths.joined(library, candidate), subscription.url) {
                n += 1
                candidate = "\(base)-\(n)"
            }
            states.feeds[subscription.url, default: FeedState()].folder = candidate
            return candidate
        }
    }

    /// Whether a folder on disk already holds items of another feed (its state was lost).
    private static func holdsAnotherFeed(_ folder: String, _ url: String) -> Bool {
        guard let catalog = Catalog.load(folder: folder) else { return false }
        return catalog.entries.values.contains { $0.feed != nil && $0.feed != url }
    }

    /// Records a finished feed, saves every state (so an interrupted update keeps its work)
    /// and reports progress.
    func finished(_ result: UpdateSummary.FeedResult, save path: String, progress: @Sendable (UpdateProgress) -> Void) {
        lock.withLock {
            done += 1
            added += result.added
            do throws(SubscriptionError) {
                try states.save(path: path)
            } catch {
                if saveWarnings.isEmpty { saveWarnings.append(error.description) }
            }
            progress(UpdateProgress(feedsDone: done, feedsTotal: feedCount, itemsAdded: added, lastFeed: result.displayName))
        }
    }
}

/// One result slot per feed, each written by one worker.
private final class SlotArray<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> T? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }
}

private final class SharedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take() -> Int { lock.withLock { defer { value += 1 }; return value } }
}

/// An exclusive `flock` on a file beside the state, held while an update runs: two updates at
/// once would store the same new items twice.
private final class UpdateLock {
    private let fd: Int32

    init(path: String) throws(SubscriptionError) {
        try? FileManager.default.createDirectory(atPath: FilePaths.parent(of: path), withIntermediateDirectories: true)
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw .unwritable(path, reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            throw .busy(path)
        }
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
