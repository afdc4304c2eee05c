import BylineCore
import BylineSources
import Foundation

/// The command line's PATHs as a stream of articles: each file, page, feed or standard input
/// read (a feed gives one article per item), dated, transformed (analysed, for most commands)
/// on every core, and handed back in a stable order — PATH by PATH, files in path order — each
/// as soon as it and everything before it are done. Memory stays bounded however large the
/// library: only a window of results waits.
///
/// This is the record source of every command without `--index`; with `--index` the same
/// records come from the `LibraryIndex`, which reads files through the same `SourceReader`.
public enum ArticleStream {
    /// Where articles come from.
    public struct Source: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case file
            /// An `http` or `https` address, fetched (through the HTTP cache) when read.
            case web
            /// The seed article embedded in the binary, read when no PATH is given.
            case bundledSeed
            /// `-`: the bytes, read once before the stream starts.
            case standardInput(Data)
        }

        public var kind: Kind
        /// The path as found (a PATH, or a path below a PATH that is a folder), or `-`.
        public var location: String
        /// Named on the command line itself, not found in a folder: an error reading it stops
        /// the command instead of being skipped with a warning.
        public var explicit: Bool
    }

    /// The sources for PATHs: files, folders (read recursively, `ArticleFinder`), web addresses,
    /// `-` (standard input, read now). Throws for a PATH that does not exist or a folder without
    /// articles.
    public static func sources(for paths: [String], standardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() })
        throws(ReadError) -> [Source]
    {
        var sources: [Source] = []
        var seen = Set<String>()
        for path in paths {
            if path == "-" {
                sources.append(Source(kind: .standardInput(standardInput()), location: "-", explicit: true))
                continue
            }
            if WebAddress.looksLikeURL(path) {
                sources.append(Source(kind: .web, location: path, explicit: true))
                continue
            }
            let files = try ArticleFinder.scan([path])
            let explicit = files.count == 1 && files[0].path == path
            // One file met under two PATHs is read once.
            for file in files where seen.insert(FilePaths.absolute(file.path)).inserted {
                sources.append(Source(kind: .file, location: file.path, explicit: explicit))
            }
        }
        return sources
    }

    /// The bundled seed, as the one source of a command given no PATH.
    public static let bundledSeed = Source(kind: .bundledSeed, location: BundledSeed.source, explicit: true)

    /// What reading a source gave: its articles, and what the user should be told besides
    /// (a web page's cached copy used while offline).
    public struct Reading<T: Sendable>: Sendable {
        public var items: [T]
        public var notices: [String]
    }

    /// Reads the articles of one source, dated by `dates`; web addresses through `web`.
    public static func read(_ source: Source, dates: DateResolver, web: WebSource) throws(ReadError) -> Reading<Article> {
        switch source.kind {
        case .file:
            return Reading(items: try SourceReader.read(path: source.location, dates: dates), notices: [])
        case .web:
            let (articles, notices) = try web.articles(at: source.location)
            return Reading(items: SourceReader.dated(articles, path: source.location, dates: dates), notices: notices)
        case .bundledSeed:
            return Reading(items: [BundledSeed.article(date: dates.override)], notices: [])
        case .standardInput(let data):
            let articles = SourceReader.dated(try SourceReader.read(data, source: source.location), path: source.location,
                                              dates: dates)
            return Reading(items: articles, notices: [])
        }
    }

    /// Reads every source and applies `transform` to each article on every core, then calls
    /// `body` on this thread for each source in order with its results or the error that
    /// stopped it.
    public static func forEach<T: Sendable>(
        _ sources: [Source], dates: DateResolver, web: WebSource = WebSource(), transform: @escaping @Sendable (Article) -> T,
        body: (Source, Result<Reading<T>, ReadError>) throws -> Void
    ) rethrows {
        try OrderedParallel.forEach(count: sources.count, window: 32, transform: { i in
            Result { () throws(ReadError) -> Reading<T> in
                let reading = try read(sources[i], dates: dates, web: web)
                return Reading(items: reading.items.map(transform), notices: reading.notices)
            }
        }, consume: { i, result in try body(sources[i], result) })
    }
}
