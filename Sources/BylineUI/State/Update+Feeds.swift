import BylineCore

/// How far a feed update is: after each feed (BylineSources' `UpdateProgress`, as the event
/// loop passes it on).
public struct FeedUpdateProgress: Hashable, Sendable {
    public var feedsDone: Int
    /// 0 until the update has read the list of feeds.
    public var feedsTotal: Int
    /// New articles stored so far.
    public var itemsAdded: Int

    public init(feedsDone: Int = 0, feedsTotal: Int = 0, itemsAdded: Int = 0) {
        self.feedsDone = feedsDone
        self.feedsTotal = feedsTotal
        self.itemsAdded = itemsAdded
    }
}

/// How a feed update ended, for the status line (the details of each failed feed are printed
/// when the reader exits).
public struct FeedUpdateReport: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        /// The list of feeds is empty.
        case noFeeds
        /// The update could not start (the list unreadable, another update running): why.
        case notStarted(String)
        case finished
    }

    /// A feed that failed, and why (one line).
    public struct Failure: Hashable, Sendable {
        public var feed: String
        public var reason: String

        public init(feed: String, reason: String) {
            self.feed = feed
            self.reason = reason
        }
    }

    public var outcome: Outcome
    public var feeds: Int
    public var added: Int
    public var failures: [Failure]
    /// Where the new articles were stored when the reader shows other articles (nil: they
    /// appear in this reader's library).
    public var storedElsewhere: String?

    public init(outcome: Outcome, feeds: Int = 0, added: Int = 0, failures: [Failure] = [], storedElsewhere: String? = nil) {
        self.outcome = outcome
        self.feeds = feeds
        self.added = added
        self.failures = failures
        self.storedElsewhere = storedElsewhere
    }

    /// One line for the status line.
    public var message: StatusMessage {
        switch outcome {
        case .noFeeds:
            return StatusMessage("no feeds: add one with byline feeds add URL", kind: .warning)
        case .notStarted(let why):
            return StatusMessage("Feeds not updated: \(why)", kind: .warning, sticky: true)
        case .finished:
            let new = added == 0 ? "nothing new" : counted(added, "new article")
            let from = failures.isEmpty ? "from \(counted(feeds, "feed"))" : "from \(feeds - failures.count) of \(feeds) feeds"
            var text = "Feeds updated: \(new) \(from)"
            if let first = failures.first {
                text += "; failed: \(first.feed) (\(first.reason))"
                if failures.count > 1 { text += " and \(failures.count - 1) more, listed on exit" }
            }
            if let folder = storedElsewhere, added > 0 { text += "; stored in \(folder) (byline with no PATH reads it)" }
            return StatusMessage(text, kind: failures.isEmpty ? .info : .warning, sticky: !failures.isEmpty)
        }
    }
}

extension Reader {
    /// `u`: starts a feed update, unless one runs.
    static func updateFeeds(_ state: inout AppState) -> [Effect] {
        if let running = state.feedUpdate {
            let done = running.feedsTotal > 0 ? " (\(running.feedsDone) of \(running.feedsTotal) feeds done)" : ""
            state.message = StatusMessage("The feeds are being updated\(done)")
            return []
        }
        state.feedUpdate = FeedUpdateProgress()
        return [.updateFeeds]
    }

    /// `o`: the web address of the article under the library's cursor (when the library pane
    /// lists articles and has the focus), else of the open article, for the browser.
    static func openLink(_ state: inout AppState) -> [Effect] {
        let address: String?
        if state.libraryFocused, state.library.view == .articles {
            guard let entry = state.articles.row(state.libraryCursor) else { return [] }
            address = entry.url ?? (entry.id == state.currentID ? state.document?.article.metadata.url : nil)
        } else {
            address = state.currentEntry?.url ?? state.document?.article.metadata.url
        }
        guard let address, !address.isEmpty else {
            state.message = StatusMessage("This article has no web address")
            return []
        }
        guard WebLink.isWebAddress(address) else {
            state.message = StatusMessage("Not a web address, so not opened: \(address)", kind: .warning)
            return []
        }
        state.message = StatusMessage("Opening \(address)")
        return [.openInBrowser(address)]
    }
}

extension Reader {
    /// The reader now reads another library (the feeds' library, once an update filled it,
    /// instead of the bundled seed): what was read from the old one goes; the size, settings,
    /// reading positions, read marks, the focus, the message and a running feed update stay.
    /// Returns the effects that start reading the new one.
    public static func switchLibrary(_ state: inout AppState, generation: Int64) -> [Effect] {
        var fresh = AppState(size: state.size, theme: state.theme, keymap: state.keymap, remembered: state.rememberedViews,
                             readMarks: state.readMarks, follows: state.follows, generation: generation)
        fresh.focus = state.focus
        fresh.secondary = state.secondary
        fresh.message = state.message
        fresh.feedUpdate = state.feedUpdate
        fresh.quitting = state.quitting
        state = fresh
        return start(&state)
    }
}
