import BylineCore
import Foundation

/// The library `byline update` fills: `$XDG_DATA_HOME/byline/library/<feed>/`, one folder per
/// feed, each item a plain-text file in the one text shape (headline, blank line, paragraphs)
/// named `YYYY-MM-DD_slug.txt`, and the folder's `index.jsonl` catalog holding what the feed
/// said about it (date, title, link, authors, site, guid, feed). Plain files a person can
/// grep, read and back up; Byline only ever adds to them.
public enum Library {
    /// `$XDG_DATA_HOME/byline/library` (else `~/.local/share/byline/library`).
    public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        FilePaths.joined(XDG.bylineFolder(.data, environment: environment), "library")
    }

    /// How many items the folder's catalog lists.
    public static func articleCount(inFeedFolder folder: String) -> Int {
        Catalog.load(folder: folder)?.entries.count ?? 0
    }
}

/// One feed's folder in the library, open for adding items. Knows which items it holds by
/// its catalog: an item is stored once, by its guid or its link.
final class FeedFolder {
    let path: String
    let feed: String
    private var guids: Set<String> = []
    private var links: Set<String> = []
    /// Titles of items that had neither guid nor link: their only identity.
    private var bareTitles: Set<String> = []
    private(set) var count = 0

    /// Opens (creating it if need be) the folder at `path` for the feed at `feed`.
    init(path: String, feed: String) throws(SubscriptionError) {
        self.path = path
        self.feed = feed
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path, reason: FileFailure.reason(error))
        }
        if let catalog = Catalog.load(folder: path) {
            for entry in catalog.entries.values { remember(guid: entry.guid, link: entry.url, title: entry.title) }
            count = catalog.entries.count
        }
    }

    /// Whether an item like `article` (by its guid, else its link, else its title) is stored.
    func holds(_ article: Article) -> Bool {
        let (guid, link) = (article.metadata.feedItemID, article.metadata.url)
        if let guid, guids.contains(guid) { return true }
        if let link, links.contains(link) { return true }
        if guid == nil && link == nil { return bareTitles.contains(Self.title(of: article)) }
        return false
    }

    private func remember(guid: String?, link: String?, title: String?) {
        if let guid { guids.insert(guid) }
        if let link { links.insert(link) }
        if guid == nil && link == nil, let title { bareTitles.insert(title) }
    }

    private static func title(of article: Article) -> String {
        article.metadata.title ?? article.headlineText
    }

    /// Writes `article` as a new file (never replacing one) and appends its catalog line.
    /// An undated item is dated `today`, the day it was first seen. Returns the file's name.
    @discardableResult
    func store(_ article: Article, today: CivilDate) throws(SubscriptionError) -> String {
        let date = article.date ?? today
        let title = Self.title(of: article)
        let stem = "\(date.iso)_\(Slug.make(title, maximumLength: 60, fallback: "item"))"
        let name = try createFile(stem: stem, contents: Data((article.text + "\n").utf8))
        let m = article.metadata
        let entry = Catalog.Entry(file: name, date: date, title: title.isEmpty ? nil : title, url: m.url, authors: m.authors,
                                  site: m.site, guid: m.feedItemID, feed: feed, language: m.language)
        try appendToCatalog(entry.jsonLine)
        remember(guid: m.feedItemID, link: m.url, title: title)
        count += 1
        return name
    }

    /// Creates `stem.txt`, else `stem-2.txt`, `stem-3.txt`…: `O_EXCL`, so an existing file is
    /// never opened for writing, whoever made it.
    private func createFile(stem: String, contents: Data) throws(SubscriptionError) -> String {
        for n in 1...10_000 {
            let name = n == 1 ? "\(stem).txt" : "\(stem)-\(n).txt"
            let file = FilePaths.joined(path, name)
            let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw .unwritable(file, reason: String(cString: strerror(errno)))
            }
            defer { close(fd) }
            if let failure = Self.writeAll(fd, contents) {
                unlink(file)
                throw .unwritable(file, reason: failure)
            }
            return name
        }
        throw .unwritable(FilePaths.joined(path, stem + ".txt"), reason: "10,000 files already have this name")
    }

    /// Appends one line in a single `write` to the catalog opened with `O_APPEND`. If an
    /// earlier crash left a half line, a newline ends it first, so that line stays a bad line
    /// of its own (skipped with a warning) and never spoils this one.
    private func appendToCatalog(_ line: String) throws(SubscriptionError) {
        let file = FilePaths.joined(path, Catalog.fileName)
        let fd = open(file, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw .unwritable(file, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var text = line + "\n"
        let size = lseek(fd, 0, SEEK_END)
        if size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, size - 1) == 1, last != UInt8(ascii: "\n") { text = "\n" + text }
        }
        if let failure = Self.writeAll(fd, Data(text.utf8)) { throw .unwritable(file, reason: failure) }
    }

    /// Writes all of `data`, retrying short writes; the error's words on failure.
    private static func writeAll(_ fd: Int32, _ data: Data) -> String? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> String? in
            var offset = 0
            while offset < bytes.count {
                let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }
}
