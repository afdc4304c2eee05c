import Foundation

/// The system's own words for a failed file operation (`Permission denied`) rather than
/// Foundation's generic sentence: one wording for every file Byline reads or writes.
public enum FileFailure {
    public static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError {
            if underlying.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(underlying.code))) }
            return underlying.localizedDescription
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }
}

/// A list the user keeps in a plain file, one entry a line (the feeds, the followed speakers):
/// the user's to edit, grep and diff. `#` comments and blank lines stay as the user left them;
/// adding appends one line, removing takes out only the entry's own line, and saving replaces
/// the file atomically (a crash leaves the old list or the new).
public struct UserListFile<Entry: Sendable>: Sendable {
    /// Why the file could not be read (by `text(at:)`) or written (by `save()`).
    public struct Failure: Error, Sendable {
        public let reason: String
    }

    public let path: String
    /// The file's lines, as read.
    private var lines: [String]
    /// Each entry with the number of its line (from 0).
    private var entries: [(entry: Entry, line: Int)]

    public var all: [Entry] { entries.map(\.entry) }

    /// The text of the file at `path`; empty when it does not exist yet.
    public static func text(at path: String) throws(Failure) -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "" }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(reason: "permission denied or not a file")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The list in `text`. `entry` reads each line that is neither blank nor a comment (given
    /// trimmed, with its number from 0); nil skips the line, which stays in the file.
    public init(path: String, text: String, entry: (_ line: String, _ number: Int) -> Entry?) {
        self.path = path
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        entries = []
        for (number, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if let read = entry(trimmed, number) { entries.append((read, number)) }
        }
    }

    /// Appends `entry`, written as `line`. A new file starts with `header` (comments).
    public mutating func append(_ entry: Entry, as line: String, header: [String]) {
        if lines.isEmpty { lines = header }
        lines.append(line)
        entries.append((entry, lines.count - 1))
    }

    /// Removes the entry at `index` (in `all`) and its line.
    @discardableResult
    public mutating func remove(at index: Int) -> Entry {
        let removed = entries.remove(at: index)
        lines.remove(at: removed.line)
        for i in entries.indices where entries[i].line > removed.line { entries[i].line -= 1 }
        return removed.entry
    }

    /// Writes the list, replacing the file atomically.
    public func save() throws(Failure) {
        do {
            try FileManager.default.createDirectory(atPath: FilePaths.parent(of: path), withIntermediateDirectories: true)
            try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Failure(reason: FileFailure.reason(error))
        }
    }
}
