import BylineCore
import Foundation

extension DateResolver {
    /// The catalog files that could date articles in these folders, with their stamps.
    static func catalogStamps(forFolders folders: Set<String>) -> [String: FileStamp] {
        var candidates = Set<String>()
        for folder in folders {
            candidates.insert(folder)
            candidates.insert(FilePaths.parent(of: folder))
        }
        var stamps: [String: FileStamp] = [:]
        for folder in candidates {
            let path = FilePaths.joined(folder, Catalog.fileName)
            if let stamp = FileStamp.of(path) { stamps[path] = stamp }
        }
        return stamps
    }
}
