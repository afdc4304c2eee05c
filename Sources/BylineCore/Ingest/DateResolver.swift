import Foundation

/// The publication date of each article: the `--date` override, else the nearest catalog with
/// an entry for the file (its folder's, else the folder above: see `Catalog`), else the date
/// the article's own metadata gives (a page's `datePublished`, a feed item's date, front
/// matter), else a `YYYY-MM-DD` prefix of the file's name. Each folder's catalog is read and
/// parsed once, so one resolver serves a whole library, from any number of threads.
public final class DateResolver: @unchecked Sendable {
    /// The `--date` override, which dates every article.
    public let override: CivilDate?
    /// Guards `catalogs`.
    private let lock = NSLock()
    private var catalogs: [String: Catalog?] = [:]

    public init(override: CivilDate? = nil) {
        self.override = override
    }

    public func date(for path: String, metadata: CivilDate? = nil) -> (date: CivilDate?, source: DateSource?) {
        if let override { return (override, .override) }
        if let date = catalogEntry(for: path)?.date { return (date, .catalog) }
        if let metadata { return (metadata, .metadata) }
        if let date = ArticleReader.dateFromFileName(FilePaths.name(of: path)) { return (date, .fileName) }
        return (nil, nil)
    }

    /// The entry for the article at `path` in the nearest catalog that has one: its folder's,
    /// else the folder above's.
    public func catalogEntry(for path: String) -> Catalog.Entry? {
        let folder = FilePaths.parent(of: path)
        let parent = FilePaths.parent(of: folder)
        for candidate in [folder, parent] {
            if let entry = catalog(in: candidate)?.entry(forArticleAt: path) { return entry }
        }
        return nil
    }

    /// The catalog in `folder`, parsed once.
    public func catalog(in folder: String) -> Catalog? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = catalogs[folder] { return cached }
        let loaded = Catalog.load(folder: folder)
        catalogs[folder] = loaded
        return loaded
    }
}
