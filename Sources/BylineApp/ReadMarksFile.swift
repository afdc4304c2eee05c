import BylineCore
import BylineUI
import Foundation

/// Which articles have been read, kept between runs in `$XDG_STATE_HOME/byline/read.tsv`
/// (default `~/.local/state/byline/`), beside the reading positions. After a header line,
/// one line a mark: when it was read (seconds since 1970), the article's path and its web
/// address, separated by tabs (a tab, a line break or a backslash inside a field is written
/// `\t`, `\n`, `\\`). Lines rather than JSON, scanned once and hashed as they are read
/// (`ReadKey`), because the file is read before the first frame and can hold a library's
/// worth of marks.
///
/// A missing file is a first run; an unreadable or damaged one is ignored with a warning
/// (every article then shows as unread), and the next save replaces it.
public enum ReadMarksFile {
    /// Most marks kept; past it, the oldest are dropped (those articles show as unread again).
    public static let limit = 50_000

    static let header = "# byline read marks 1: read at (seconds since 1970), path, address"

    struct Stored {
        var at: Int64
        var path: String
        var url: String?
    }

    public static func path(environment: [String: String]) -> String {
        XDG.bylineFolder(.state, environment: environment) + "/read.tsv"
    }

    public static func load(path: String) -> (marks: ReadMarks, warning: String?) {
        guard FileManager.default.fileExists(atPath: path) else { return (ReadMarks(), nil) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (ReadMarks(), "\(path) cannot be read; unread marks start afresh")
        }
        var keys = Set<UInt64>()
        let problem = scan(data) { _, path, url in
            keys.insert(key(.path, path))
            if !url.isEmpty { keys.insert(key(.url, url)) }
        }
        if let problem { return (ReadMarks(), "\(path) \(problem); unread marks start afresh") }
        return (ReadMarks(keys: keys), nil)
    }

    /// Adds the marks made in this run (`marks.added`) to what the file holds now (so two
    /// readers lose nothing), and writes it atomically. Returns a warning instead of failing;
    /// writes nothing when nothing was marked.
    public static func save(_ marks: ReadMarks, path: String, now: Date = Date()) -> String? {
        guard !marks.added.isEmpty else { return nil }
        var entries: [Stored] = []
        if let data = FileManager.default.contents(atPath: path) {
            let problem = scan(data) { at, path, url in
                entries.append(Stored(at: at, path: string(path), url: url.isEmpty ? nil : string(url)))
            }
            if problem != nil { entries = [] }  // a damaged file is replaced
        }
        var positions: [String: Int] = [:]
        for (i, entry) in entries.enumerated() { positions[entry.path] = i }
        for mark in marks.added {
            let entry = Stored(at: Int64(now.timeIntervalSince1970), path: mark.path, url: mark.url)
            if let i = positions[mark.path] {
                entries[i] = entry
            } else {
                positions[mark.path] = entries.count
                entries.append(entry)
            }
        }
        if entries.count > limit {
            // The newest, in the order they were written.
            let cutoff = entries.map(\.at).sorted(by: >)[limit - 1]
            var kept = entries.filter { $0.at > cutoff }
            kept += entries.filter { $0.at == cutoff }.prefix(limit - kept.count)
            entries = kept
        }
        var text = header + "\n"
        for entry in entries { text += "\(entry.at)\t\(escaped(entry.path))\t\(escaped(entry.url ?? ""))\n" }
        do {
            try FileManager.default.createDirectory(atPath: FilePaths.parent(of: path), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            return nil
        } catch {
            return "cannot save unread marks to \(path): \(error.localizedDescription)"
        }
    }

    // MARK: The format

    /// Calls `line` with each mark's time and its path and address as written (escaped);
    /// returns what is wrong with the file, or nil.
    static func scan(_ data: Data, _ line: (Int64, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void) -> String? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let tab = UInt8(ascii: "\t")
            let newline = UInt8(ascii: "\n")
            let headerBytes = Array(header.utf8)
            guard bytes.count > headerBytes.count, bytes.starts(with: headerBytes), bytes[headerBytes.count] == newline else {
                return "is not a read-marks file of this version"
            }
            var i = headerBytes.count + 1
            var number = 1
            while i < bytes.count {
                number += 1
                var at: Int64 = 0
                let start = i
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, i - start < 18 {
                    at = at * 10 + Int64(bytes[i] - 0x30)
                    i += 1
                }
                guard i > start, i < bytes.count, bytes[i] == tab else { return "is damaged at line \(number)" }
                i += 1
                let pathStart = i
                while i < bytes.count, bytes[i] != tab, bytes[i] != newline { i += 1 }
                guard i > pathStart, i < bytes.count, bytes[i] == tab else { return "is damaged at line \(number)" }
                let path = UnsafeBufferPointer(rebasing: bytes[pathStart..<i])
                i += 1
                let urlStart = i
                while i < bytes.count, bytes[i] != tab, bytes[i] != newline { i += 1 }
                guard i < bytes.count, bytes[i] == newline else { return "is damaged at line \(number)" }
                line(at, path, UnsafeBufferPointer(rebasing: bytes[urlStart..<i]))
                i += 1
            }
            return nil
        }
    }

    /// The key of a field as written (unescaping as it goes).
    static func key(_ field: ReadKey.Field, _ written: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key = ReadKey(field)
        forEachByte(unescaping: written) { key.add($0) }
        return key.value
    }

    static func string(_ written: UnsafeBufferPointer<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(written.count)
        forEachByte(unescaping: written) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func forEachByte(unescaping written: UnsafeBufferPointer<UInt8>, _ body: (UInt8) -> Void) {
        var escaping = false
        for byte in written {
            if escaping {
                body(byte == UInt8(ascii: "t") ? 0x09 : byte == UInt8(ascii: "n") ? 0x0A : byte)
                escaping = false
            } else if byte == UInt8(ascii: "\\") {
                escaping = true
            } else {
                body(byte)
            }
        }
    }

    static func escaped(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x5C }) else { return field }
        var out = ""
        for c in field.unicodeScalars {
            switch c {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
