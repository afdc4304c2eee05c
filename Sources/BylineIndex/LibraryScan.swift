import BylineCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's size and modification time: the cheap test of whether it changed.
struct FileStamp: Equatable, Sendable {
    var size: Int64
    /// Nanoseconds since 1970.
    var mtime: Int64

    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let seconds = Int64(info.st_mtimespec.tv_sec)
        let nanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
        let seconds = Int64(info.st_mtim.tv_sec)
        let nanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
        return FileStamp(size: Int64(info.st_size), mtime: seconds * 1_000_000_000 + nanoseconds)
    }
}

/// Paths as the index keys them: absolute and standardised, so `lib/a.txt` and
/// `./lib/a.txt` are one article.
enum LibraryPath {
    static func absolute(_ path: String, in folder: String = FileManager.default.currentDirectoryPath) -> String {
        let joined = path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }
}

/// The publication date of each article, found as `ArticleReader.read` finds it (the override,
/// else the nearest catalog with an entry for the file, else a `YYYY-MM-DD` file-name prefix),
/// with each folder's catalog parsed once.
final class DateResolver {
    private let override: CivilDate?
    private var catalogs: [String: Catalog?] = [:]

    init(override: CivilDate?) {
        self.override = override
    }

    func date(for path: String) -> (date: CivilDate?, source: DateSource?) {
        if let override { return (override, .override) }
        let folder = (path as NSString).deletingLastPathComponent
        let parent = (folder as NSString).deletingLastPathComponent
        for candidate in [folder, parent] {
            if let catalog = catalog(in: candidate), catalog.entry(forArticleAt: path) != nil {
                if let date = catalog.date(forArticleAt: path) { return (date, .catalog) }
                break
            }
        }
        if let date = ArticleReader.dateFromFileName((path as NSString).lastPathComponent) { return (date, .fileName) }
        return (nil, nil)
    }

    private func catalog(in folder: String) -> Catalog? {
        if let cached = catalogs[folder] { return cached }
        let loaded = Catalog.load(folder: folder.isEmpty ? "/" : folder)
        catalogs[folder] = loaded
        return loaded
    }

    /// The catalog files that could date articles in these folders, with their stamps.
    static func catalogStamps(forFolders folders: Set<String>) -> [String: FileStamp] {
        var candidates = Set<String>()
        for folder in folders {
            candidates.insert(folder)
            candidates.insert((folder as NSString).deletingLastPathComponent)
        }
        var stamps: [String: FileStamp] = [:]
        for folder in candidates {
            let path = (folder as NSString).appendingPathComponent(Catalog.fileName)
            if let stamp = FileStamp.of(path) { stamps[path] = stamp }
        }
        return stamps
    }
}
