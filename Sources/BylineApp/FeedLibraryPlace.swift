import BylineCore

/// Where the feeds' library (`Library.folder()`, which `u` and `byline update` fill) stands
/// to what the reader shows.
public enum FeedLibraryPlace: Equatable, Sendable {
    /// Among the reader's folders: an update's articles appear as the index takes them in.
    case shown
    /// No PATH was given and the library was empty, so the bundled seed is shown: once an
    /// update stores articles, the reader opens the library instead.
    case seedInstead
    /// The reader shows other articles: an update's articles are stored there, not shown.
    case elsewhere(String)

    /// Where `folder` stands to `roots` (article folders and files).
    public static func of(_ folder: String, roots: [String]) -> FeedLibraryPlace {
        let library = FilePaths.standardized(FilePaths.absolute(folder))
        let covered = roots.contains { root in
            let root = FilePaths.standardized(FilePaths.absolute(root))
            return root == "/" || library == root || library.hasPrefix(root + "/") || root.hasPrefix(library + "/")
        }
        return covered ? .shown : .elsewhere(library)
    }
}
