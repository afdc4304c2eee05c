import BylineIndex

/// The speakers the reader follows (`FollowList`'s names) and what has been seen of them
/// (`FollowState`, the same read state `byline follows --new` keeps): the event loop reads
/// both when the reader opens and writes what changed when it quits.
///
/// A quotation of a followed speaker is unread until it is opened from that speaker's list of
/// new quotations. A name never looked at (written into the file by hand) starts with every
/// quotation it has in the library counted as seen, as on the command line.
public struct Follows: Sendable, Equatable {
    public private(set) var names: [String]
    public private(set) var seen: FollowState
    /// Whether anything was marked in this run (the event loop then writes the state).
    public private(set) var changed = false

    public init(names: [String] = [], seen: FollowState = FollowState()) {
        self.names = names
        self.seen = seen
    }

    /// The quotations of `name` not seen yet, in the order given (article date).
    public func unread(_ quotations: [LibraryQuotation], of name: String) -> [LibraryQuotation] {
        seen.hasLooked(at: name) ? seen.unseen(quotations, of: name) : []
    }

    /// Whether the quotation with this key (`FollowState.key(of:)`) is unread.
    public func isUnread(key: String, of name: String) -> Bool {
        seen.hasLooked(at: name) && !(seen.seen[name] ?? []).contains(key)
    }

    /// Counts as seen.
    mutating func markSeen(_ quotations: [LibraryQuotation], of name: String) {
        let before = seen.seen[name]
        seen.markSeen(quotations, of: name)
        if seen.seen[name] != before { changed = true }
    }

    /// The names never looked at start now: what the library holds of them counts as seen.
    mutating func startLooking(_ lists: [FollowedQuotations]) {
        for list in lists where !seen.hasLooked(at: list.name) { markSeen(list.quotations, of: list.name) }
    }
}
