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
        return LibraryScanner.stamp(info)
    }
}

/// The article files of a library with their stamps, found exactly as `ArticleFinder.files`
/// finds them (the same rules and order: a test checks that they agree) but in one `readdir`
/// pass with one `stat` per file. `ArticleFinder` walks with FileManager, which takes about
/// 200 ms for 10,000 files: most of the time a warm open may take.
enum LibraryScanner {
    struct File {
        var path: String
        var folder: String
        var stamp: FileStamp
    }

    /// `roots` are absolute and standardised (`LibraryPath.absolute`).
    static func scan(_ roots: [String]) throws(ReadError) -> [File] {
        var result: [File] = []
        // As ArticleFinder, a file met twice (through two roots, or through a symbolic link)
        // is listed once: keyed by its path with links resolved.
        var seen = Set<String>()
        for root in roots {
            var info = stat()
            guard stat(root, &info) == 0 else { throw .notFound(root) }
            let resolvedRoot = (root as NSString).standardizingPath
            if !isDirectory(info) {
                if seen.insert(resolvedRoot).inserted {
                    result.append(File(path: root, folder: (root as NSString).deletingLastPathComponent, stamp: stamp(info)))
                }
                continue
            }
            guard access(root, R_OK) == 0 else { throw .unreadable(root, reason: "permission denied") }
            var found: [(file: File, throughLink: Bool)] = []
            collect(folder: root, throughLink: false, into: &found, depth: 0)
            if found.isEmpty { throw .noArticles(root) }
            found.sort { $0.file.path < $1.file.path }
            for (file, throughLink) in found {
                let key = throughLink ? (file.path as NSString).standardizingPath
                    : resolvedRoot + file.path.dropFirst(root.count)
                if seen.insert(key).inserted { result.append(file) }
            }
        }
        return result
    }

    private static func collect(folder: String, throughLink: Bool, into found: inout [(file: File, throughLink: Bool)],
                                depth: Int)
    {
        // As ArticleFinder: deep enough for any library, and a guard against symlink loops.
        guard depth < 32, let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard !name.hasPrefix("."), name != Catalog.fileName else { continue }
            let path = prefix + name
            var info = stat()
            // stat follows links, as FileManager.fileExists does.
            guard stat(path, &info) == 0 else { continue }
            var linked = throughLink
            if !linked {
                let type = entry.pointee.d_type
                if type == directoryEntryLink {
                    linked = true
                } else if type == directoryEntryUnknown {
                    var own = stat()
                    linked = lstat(path, &own) == 0 && (own.st_mode & S_IFMT) == S_IFLNK
                }
            }
            if isDirectory(info) {
                collect(folder: path, throughLink: linked, into: &found, depth: depth + 1)
            } else if ArticleReader.articleExtensions.contains(pathExtension(name).lowercased()) {
                found.append((File(path: path, folder: folder, stamp: stamp(info)), linked))
            }
        }
    }

    /// `d_type` values (dirent.h).
    private static let directoryEntryUnknown: UInt8 = 0
    private static let directoryEntryLink: UInt8 = 10

    /// As `NSString.pathExtension`: after the last dot, if the dot is not the first character.
    private static func pathExtension(_ name: String) -> Substring {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...]
    }

    private static func isDirectory(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFDIR }

    static func stamp(_ info: stat) -> FileStamp {
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

extension DateResolver {
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
