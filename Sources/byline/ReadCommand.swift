import ArgumentParser
import BylineApp
import BylineCore
import BylineIndex
import BylineSources
import BylineUI
import Foundation

/// Opens the reader; when stdout is not a terminal, prints the articles as plain text.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the reader (the default command).",
        discussion: """
            Panes: the library, the article, its quotations and its timeline. The library is \
            read through its index (see `byline index`): what the cache holds shows at once, \
            and new or changed articles appear as they are analysed. Press ? in the reader for \
            every key (u updates the feeds, o opens the article's address in $BROWSER). Keys \
            and colours can be set in $XDG_CONFIG_HOME/byline/config.toml; reading positions \
            and read marks are kept in $XDG_STATE_HOME/byline/. When stdout is not a \
            terminal, the articles are printed as plain text instead.
            """)

    @OptionGroup var library: IndexOption
    @OptionGroup var articles: ArticleOptions

    @Flag(name: .long, help: "Draw without colours (as with NO_COLOR): bold, underline and reverse only.")
    var noColor = false

    func run() throws {
        guard isatty(STDOUT_FILENO) == 1 else {
            try printPlain()
            return
        }
        let opened = try ReaderOpening.open(library, articles)
        let code = try ReaderLoop.run(opened, reopen: { [library, articles] in try ReaderOpening.open(library, articles) },
                                      noColor: noColor)
        if code != 0 { throw ExitCode(code) }
    }

    /// The articles as plain text, one after another, as they are read.
    private func printPlain() throws {
        let writer = RecordWriter(.text)
        var first = true
        try CommandInput.forEach(articles, transform: { $0 }) { article in
            var text = first ? "" : "\n"
            text += TerminalSafe.line(article.headlineText) + "\n"
            for p in article.bodyParagraphs { text += "\n" + TerminalSafe.line(article.string(p.span)) + "\n" }
            writer.text(text)
            first = false
        }
        writer.finish()
    }
}

/// The library the reader opens, and how to bring it up to date.
struct OpenedLibrary {
    var library: ReaderLibrary
    /// The paths to update the index with in the background (nil: the index's own), or no
    /// update at all (the bundled seed).
    var update: (paths: [String]?, referenceDate: CivilDate?)?
    /// What the user should know about the cache (moved aside, in memory).
    var notices: [String]
    /// Whether the articles `u` stores (in the feeds' library) show in this reader.
    var feeds: FeedLibraryPlace
}

/// Finds the index for the reader: the bundled seed in memory when no path is given, else the
/// cache of the given folders (or `--index`).
enum ReaderOpening {
    static func open(_ option: IndexOption, _ articles: ArticleOptions) throws -> OpenedLibrary {
        if articles.hasTransientPaths {
            // Read now and kept in memory for this run, as the seed is.
            let (index, _) = try LibraryAccess.transientIndex(option, articles)
            return OpenedLibrary(library: ReaderLibrary(index: index), update: nil, notices: [], feeds: .elsewhere(Library.folder()))
        }
        let paths = articles.indexPaths(with: option)
        if paths.isEmpty, option.index == nil {
            // The seed is no file of a library: analysed here and kept in memory, so it opens
            // from any folder, with or without a writable cache.
            return try holding([Analyzer.analyze(BundledSeed.article(date: articles.referenceDate))], feeds: .seedInstead)
        }
        // A missing path or a folder with no articles is an error before the terminal is taken
        // over (the update would only find it in the background).
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw ReadError.notFound(path) }
            if isFolder.boolValue, !ArticleFinder.containsArticles(in: path) { throw ReadError.noArticles(path) }
        }
        let file = option.indexFile ?? LibraryIndex.defaultPath(forLibrary: paths)
        let index = LibraryIndex.open(at: file)
        var roots = paths
        if paths.isEmpty {
            roots = (try? index.libraryPaths()) ?? []
            if roots.isEmpty {
                let why = index.notices.isEmpty ? "" : " (\(index.notices.joined(separator: "; ")))"
                throw InputError(description: "the index \(file) holds no library yet\(why): give the article files or folders to read")
            }
        }
        return OpenedLibrary(library: ReaderLibrary(index: index),
                             update: (paths.isEmpty ? nil : paths, articles.referenceDate),
                             notices: index.notices, feeds: FeedLibraryPlace.of(Library.folder(), roots: roots))
    }

    /// Articles analysed already, in an index in memory.
    private static func holding(_ analyzed: [AnalyzedArticle], feeds: FeedLibraryPlace) throws -> OpenedLibrary {
        do {
            return OpenedLibrary(library: try ReaderLibrary.holding(analyzed), update: nil, notices: [], feeds: feeds)
        } catch {
            throw InputError(description: error.description)
        }
    }
}
