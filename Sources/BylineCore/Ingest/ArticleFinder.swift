import Foundation

/// Turns the command line's PATHs (files or folders, read recursively) into article files.
public enum ArticleFinder {
    /// Article files under `paths`, in a stable order: each PATH in turn, folders sorted by
    /// path. Hidden files and folders are skipped, as is the catalog file.
    public static func files(in paths: [String]) throws(ReadError) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
            if !isDirectory.boolValue {
                if seen.insert((path as NSString).standardizingPath).inserted { result.append(path) }
                continue
            }
            guard fm.isReadableFile(atPath: path) else { throw .unreadable(path, reason: "permission denied") }
            var found: [String] = []
            collect(folder: path, into: &found, depth: 0)
            if found.isEmpty { throw .noArticles(path) }
            for file in found.sorted() where seen.insert((file as NSString).standardizingPath).inserted {
                result.append(file)
            }
        }
        return result
    }

    /// Whether a folder holds at least one article file: stops at the first, so it is cheap
    /// even for a library of many thousands (the reader checks before taking the terminal).
    public static func containsArticles(in folder: String) -> Bool {
        var found: [String] = []
        collect(folder: folder, into: &found, depth: 0, stopAtFirst: true)
        return !found.isEmpty
    }

    private static func collect(folder: String, into found: inout [String], depth: Int, stopAtFirst: Bool = false) {
        // Deep enough for any real library, and a guard against symlink loops.
        guard depth < 32 else { return }
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !name.hasPrefix(".") && name != Catalog.fileName {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                collect(folder: path, into: &found, depth: depth + 1, stopAtFirst: stopAtFirst)
            } else if ArticleReader.articleExtensions.contains((name as NSString).pathExtension.lowercased()) {
                found.append(path)
            }
            if stopAtFirst, !found.isEmpty { return }
        }
    }
}
