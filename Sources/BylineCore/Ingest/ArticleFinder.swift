import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's size and modification time: the cheap test of whether it changed.
public struct FileStamp: Equatable, Sendable {
    public var size: Int64
    /// Nanoseconds since 1970.
    public var mtime: Int64

    public init(size: Int64, mtime: Int64) {
        self.size = size
        self.mtime = mtime
    }

    /// The stamp of the file at `path` (links followed), or nil when it cannot be read.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    init(_ info: stat) {
        #if canImport(Darwin)
        let seconds = Int64(info.st_mtimespec.tv_sec)
        let nanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
        let seconds = Int64(info.st_mtim.tv_sec)
        let nanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
        self.init(size: Int64(info.st_size), mtime: seconds * 1_000_000_000 + nanoseconds)
    }
}

/// Turns the command line's PATHs (files or folders, read recursively) into article files: the
/// one walk of a library, for the commands and the index alike.
///
/// Folders are read in one `readdir` pass with one `stat` per entry (FileManager takes about
/// 200 ms for 10,000 files). Hidden files and folders are skipped, as is the catalog file.
/// Symbolic links are followed as careful tools follow them: each folder is entered once
/// (remembered by device and inode), a link back to a folder being walked or to one of its
/// ancestors is a loop and is not entered, and each file is listed once, under the first of its
/// paths in path order, however many links lead to it.
public enum ArticleFinder {
    public struct File: Sendable, Equatable {
        /// The path as found: the PATH given, with names appended below a folder.
        public var path: String
        /// The folder it was found in (`FilePaths.parent(of: path)` for a PATH that is a file).
        public var folder: String
        public var stamp: FileStamp
    }

    /// Article files under `paths`, in a stable order: each PATH in turn, each folder's files
    /// sorted by path. A file reached twice (through two PATHs, or through links) is listed once.
    public static func files(in paths: [String], extensions: Set<String> = ArticleReader.articleExtensions)
        throws(ReadError) -> [String]
    {
        try scan(paths, extensions: extensions).map(\.path)
    }

    /// As `files(in:)`, with each file's folder and stamp.
    public static func scan(_ paths: [String], extensions: Set<String> = ArticleReader.articleExtensions)
        throws(ReadError) -> [File]
    {
        var result: [File] = []
        var seenFiles = Set<FileIdentity>()
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                var own = stat()
                // A dangling link exists but leads nowhere: say so rather than "no such file".
                if lstat(path, &own) == 0 { throw .unreadable(path, reason: "a symbolic link to nothing") }
                throw .notFound(path)
            }
            if !isDirectory(info) {
                if seenFiles.insert(FileIdentity(info)).inserted {
                    result.append(File(path: path, folder: FilePaths.parent(of: path), stamp: FileStamp(info)))
                }
                continue
            }
            guard access(path, R_OK) == 0 else { throw .unreadable(path, reason: "permission denied") }
            var walk = Walk(extensions: extensions)
            walk.enterAncestors(of: path)
            walk.collect(folder: path, identity: FileIdentity(info), depth: 0)
            if walk.found.isEmpty { throw .noArticles(path) }
            walk.found.sort { $0.file.path < $1.file.path }
            for (file, identity) in walk.found where seenFiles.insert(identity).inserted {
                result.append(file)
            }
        }
        return result
    }

    /// Whether a folder holds at least one article file: stops at the first, so it is cheap
    /// even for a library of many thousands (the reader checks before taking the terminal).
    public static func containsArticles(in folder: String, extensions: Set<String> = ArticleReader.articleExtensions) -> Bool {
        var info = stat()
        guard stat(folder, &info) == 0, isDirectory(info) else { return false }
        var walk = Walk(extensions: extensions, stopAtFirst: true)
        walk.enterAncestors(of: folder)
        walk.collect(folder: folder, identity: FileIdentity(info), depth: 0)
        return !walk.found.isEmpty
    }

    /// A file or folder as the system knows it, whatever path leads to it.
    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private struct Walk {
        let extensions: Set<String>
        var stopAtFirst = false
        var found: [(file: File, identity: FileIdentity)] = []
        /// Folders entered, and the ancestors of the folder walked: entering one again would
        /// list its files twice, or loop.
        var entered = Set<FileIdentity>()

        init(extensions: Set<String>, stopAtFirst: Bool = false) {
            self.extensions = extensions
            self.stopAtFirst = stopAtFirst
        }

        /// Marks every folder above `folder` (links resolved) as entered, so a link to `..` or
        /// to any ancestor is not followed out of the folder the user named.
        mutating func enterAncestors(of folder: String) {
            guard let resolved = realpath(folder, nil) else { return }
            var path = String(cString: resolved)
            free(resolved)
            while path != "/" {
                path = FilePaths.parent(of: path)
                var info = stat()
                if stat(path, &info) == 0 { entered.insert(FileIdentity(info)) }
            }
        }

        mutating func collect(folder: String, identity: FileIdentity, depth: Int) {
            // Deep enough for any real library.
            guard depth < 64, entered.insert(identity).inserted, let directory = opendir(folder) else { return }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if !name.hasPrefix("."), name != Catalog.fileName { names.append(name) }
            }
            closedir(directory)
            // In name order, so which of two paths to one folder is walked does not depend on
            // the order the file system lists them in.
            for name in names.sorted() {
                let path = FilePaths.joined(folder, name)
                var info = stat()
                // stat follows links; a dangling link is skipped.
                guard stat(path, &info) == 0 else { continue }
                if isDirectory(info) {
                    collect(folder: path, identity: FileIdentity(info), depth: depth + 1)
                } else if ArticleReader.isArticleName(name, extensions: extensions) {
                    // A pipe or device with an article's name is listed, and refused by name when read.
                    found.append((File(path: path, folder: folder, stamp: FileStamp(info)), FileIdentity(info)))
                }
                if stopAtFirst, !found.isEmpty { return }
            }
        }
    }

    private static func isDirectory(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFDIR }
}
