import BylineCore

/// An article that has been read, known by its path (the index's key for it) and its web
/// address: a mark outlives the index (rebuilt, or moved aside), and an item stored again under
/// another name is still known by its address.
public struct ReadMark: Hashable, Sendable {
    public var path: String
    public var url: String?

    public init(path: String, url: String?) {
        self.path = path
        self.url = url
    }
}

/// Which articles have been read: those of earlier runs, and those marked in this one.
///
/// An article is marked read once its text has been shown in the article pane after you chose
/// it: opened from the library or a list across the library (Enter, a click), reached with
/// `}` / `{`, or, for the article the reader opens on by itself, once you scroll its text or
/// move between its quotations (`]` `[`). An article on screen only because the reader started
/// there, or whose analysis could not be read, stays unread.
///
/// Marks are kept as 64-bit hashes of the paths and addresses (`ReadKey`), so a library's worth
/// of them loads before the first frame without making a string of each.
public struct ReadMarks: Sendable {
    private var keys: Set<UInt64>
    /// Marked in this run, in order: what the event loop adds to the file on disk.
    public private(set) var added: [ReadMark] = []

    public init(_ marks: [ReadMark] = []) {
        keys = []
        for mark in marks { remember(mark) }
    }

    /// Marks given by their keys (`ReadKey`: the path's, and the address's when there is one).
    public init(keys: Set<UInt64>) {
        self.keys = keys
    }

    public func contains(path: String, url: String?) -> Bool {
        if keys.contains(ReadKey.of(.path, path)) { return true }
        if let url, !url.isEmpty, keys.contains(ReadKey.of(.url, url)) { return true }
        return false
    }

    public func contains(_ entry: LibraryEntry) -> Bool { contains(path: entry.source, url: entry.url) }

    /// Marks an article read (once).
    mutating func mark(_ mark: ReadMark) {
        guard !contains(path: mark.path, url: mark.url) else { return }
        remember(mark)
        added.append(mark)
    }

    private mutating func remember(_ mark: ReadMark) {
        keys.insert(ReadKey.of(.path, mark.path))
        if let url = mark.url, !url.isEmpty { keys.insert(ReadKey.of(.url, url)) }
    }
}

/// The key of a read mark: `FNV1a` over a byte saying which field it is and the field's UTF-8.
/// Built a byte at a time, so a file can be hashed as it is scanned.
public struct ReadKey: Sendable {
    public enum Field: UInt8, Sendable {
        case path = 1
        case url = 2
    }

    public var hash = FNV1a()

    @inlinable
    public init(_ field: Field) {
        add(field.rawValue)
    }

    @inlinable
    public mutating func add(_ byte: UInt8) {
        hash.value = FNV1a.step(hash.value, UInt64(byte))
    }

    public var value: UInt64 { hash.value }

    public static func of(_ field: Field, _ text: String) -> UInt64 {
        var key = ReadKey(field)
        key.hash.combine(utf8: text)
        return key.value
    }
}
