import Foundation

/// Metadata for articles, kept beside them so the article files stay exactly as published.
///
/// A catalog is a file named `index.jsonl` in an article's folder or the folder above it: one
/// JSON object per line with at least `file` (the article's file name, or its path relative to
/// the catalog's folder) and `date` (`YYYY-MM-DD`, the publication date). `title` and `url`
/// are optional. Lines that cannot be parsed are skipped with a warning.
public struct Catalog: Sendable {
    public static let fileName = "index.jsonl"

    public struct Entry: Sendable, Equatable {
        public var file: String
        public var date: CivilDate?
        public var title: String?
        public var url: String?
    }

    /// The folder holding the catalog.
    public let folder: String
    public let entries: [String: Entry]
    public let warnings: [String]

    public init(folder: String, entries: [Entry], warnings: [String] = []) {
        self.folder = folder
        var map: [String: Entry] = [:]
        for entry in entries { map[entry.file] = entry }
        self.entries = map
        self.warnings = warnings
    }

    /// Parses catalog text (JSON Lines).
    public static func parse(_ text: String, folder: String) -> Catalog {
        var entries: [Entry] = []
        var warnings: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any],
                let file = object["file"] as? String
            else {
                warnings.append("\(folder)/\(fileName):\(number + 1): not a catalog entry (needs a \"file\" field)")
                continue
            }
            var date: CivilDate?
            if let raw = object["date"] as? String {
                date = CivilDate(iso: String(raw.prefix(10)))
                if date == nil { warnings.append("\(folder)/\(fileName):\(number + 1): date \"\(raw)\" is not YYYY-MM-DD") }
            }
            entries.append(Entry(file: file, date: date, title: object["title"] as? String,
                                 url: (object["url"] as? String) ?? (object["url_or_id"] as? String)))
        }
        return Catalog(folder: folder, entries: entries, warnings: warnings)
    }

    public static func load(folder: String) -> Catalog? {
        let path = FilePaths.joined(folder, fileName)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return parse(String(decoding: data, as: UTF8.self), folder: folder)
    }

    public func entry(forArticleAt path: String) -> Entry? {
        let name = FilePaths.name(of: path)
        if let e = entries[name] { return e }
        let standardized = FilePaths.absolute(path)
        let root = FilePaths.absolute(folder)
        let prefix = root.hasSuffix("/") ? root : root + "/"
        if standardized.hasPrefix(prefix) {
            return entries[String(standardized.dropFirst(prefix.count))]
        }
        return nil
    }

    public func date(forArticleAt path: String) -> CivilDate? { entry(forArticleAt: path)?.date }
}
