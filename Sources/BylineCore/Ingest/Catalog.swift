import Foundation

/// Metadata for articles, kept beside them so the article files stay exactly as published.
///
/// A catalog is a file named `index.jsonl` in an article's folder or the folder above it: one
/// JSON object per line with at least `file` (the article's file name, or its path relative to
/// the catalog's folder) and `date` (`YYYY-MM-DD`, the publication date). Optional: `title`,
/// `url`, `authors` (a list of names, or one name), `site` (the publication), `guid` (a feed
/// item's identity), `feed` (the address of the feed it came from), `language` and `published`
/// (the instant of publication, `2024-03-05T15:00:00Z`: see `PublishedTime`). Lines that
/// cannot be parsed are skipped with a warning. `byline update` writes one for each feed's folder.
public struct Catalog: Sendable {
    public static let fileName = "index.jsonl"

    public struct Entry: Sendable, Equatable {
        public var file: String
        public var date: CivilDate?
        public var title: String?
        public var url: String?
        public var authors: [String]
        public var site: String?
        /// A feed item's identity across fetches (see `ArticleMetadata.feedItemID`).
        public var guid: String?
        /// The address of the feed the article came from.
        public var feed: String?
        public var language: String?
        /// The instant of publication (`PublishedTime`), when the source gave a time.
        public var published: String?

        public init(file: String, date: CivilDate? = nil, title: String? = nil, url: String? = nil, authors: [String] = [],
                    site: String? = nil, guid: String? = nil, feed: String? = nil, language: String? = nil,
                    published: String? = nil) {
            self.file = file
            self.date = date
            self.title = title
            self.url = url
            self.authors = authors
            self.site = site
            self.guid = guid
            self.feed = feed
            self.language = language
            self.published = published
        }

        /// The entry as one catalog line (without its newline), fields in a fixed order and
        /// absent ones left out.
        public var jsonLine: String {
            var members: [(String, JSON)] = [("file", .string(file))]
            if let date { members.append(("date", .string(date.iso))) }
            if let title { members.append(("title", .string(title))) }
            if let url { members.append(("url", .string(url))) }
            if !authors.isEmpty { members.append(("authors", .array(authors.map(JSON.string)))) }
            if let site { members.append(("site", .string(site))) }
            if let guid { members.append(("guid", .string(guid))) }
            if let feed { members.append(("feed", .string(feed))) }
            if let language { members.append(("language", .string(language))) }
            if let published { members.append(("published", .string(published))) }
            return JSON.object(members).serialized()
        }

        /// Fills `metadata` with what the entry knows: a catalog speaks for the article's
        /// publication, so its fields win over what the file itself said.
        public func apply(to metadata: inout ArticleMetadata) {
            if let title { metadata.title = title }
            if let url { metadata.url = url }
            if !authors.isEmpty { metadata.authors = authors }
            if let site { metadata.site = site }
            if let guid { metadata.feedItemID = guid }
            if let feed { metadata.feed = feed }
            if let language { metadata.language = language }
            if let published { metadata.published = published }
        }
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
            var published: String?
            if let raw = object["published"], !(raw is NSNull) {
                published = raw as? String
                if published.map(PublishedTime.isCanonical) != true {
                    published = nil
                    warnings.append("\(folder)/\(fileName):\(number + 1): published \"\(raw)\" is not YYYY-MM-DDTHH:MM:SSZ")
                }
            }
            let authors: [String]
            switch object["authors"] ?? object["author"] {
            case let list as [Any]: authors = list.compactMap { $0 as? String }
            case let name as String: authors = [name]
            default: authors = []
            }
            entries.append(Entry(file: file, date: date, title: object["title"] as? String,
                                 url: (object["url"] as? String) ?? (object["url_or_id"] as? String), authors: authors,
                                 site: object["site"] as? String, guid: object["guid"] as? String,
                                 feed: object["feed"] as? String, language: object["language"] as? String,
                                 published: published))
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
