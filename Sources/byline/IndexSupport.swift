import ArgumentParser
import BylineCore
import BylineIndex
import Foundation

/// `--index PATH`: read the articles through the library index at PATH.
struct IndexOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Read the articles through the library index at PATH (an SQLite file, created or brought up to date first; a folder holds it as library.sqlite). With no article PATH, the folders the index was last given.",
        valueName: "PATH"))
    var index: String?

    /// The index file: PATH, or `PATH/library.sqlite` when PATH is a folder.
    var indexFile: String? {
        guard let index else { return nil }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: index, isDirectory: &isDirectory), isDirectory.boolValue {
            return FilePaths.joined(index, "library.sqlite")
        }
        return index
    }
}

/// How update progress shows on stderr.
enum ProgressDisplay {
    /// A bar redrawn in place (stderr is a terminal).
    case bar
    /// A plain line now and then (stderr is a file or a pipe).
    case lines
    case none

    /// The bar on a terminal; elsewhere `otherwise`.
    static func forStandardError(otherwise: ProgressDisplay) -> ProgressDisplay {
        isatty(STDERR_FILENO) == 1 ? .bar : otherwise
    }
}

/// Opens the library index for a command and brings it up to date, reporting on stderr what
/// the user should know: notices about the cache, files skipped, progress.
enum LibraryAccess {
    /// Web addresses and standard input are read anew on every run, never kept in `--index`:
    /// analysed now, into an index in memory for this run. Returns it and how many articles it holds.
    static func transientIndex(_ option: IndexOption, _ articles: ArticleOptions) throws -> (LibraryIndex, Int) {
        if option.index != nil { throw ArticleOptions.transientPathsInIndex }
        var analyzed: [AnalyzedArticle] = []
        try CommandInput.forEachAnalyzed(articles) { analyzed.append($0) }
        let index = LibraryIndex.inMemory()
        do {
            try index.store(analyzed)
        } catch {
            throw InputError(description: error.description)
        }
        return (index, analyzed.count)
    }

    /// The index at `--index`, else the default cache for `articles.paths`, updated with the
    /// articles under those paths (or, with `--index` and no path, the folders it was last given).
    static func open(_ option: IndexOption, _ articles: ArticleOptions, progress display: ProgressDisplay,
                     rebuild: Bool = false) throws -> (LibraryIndex, IndexUpdateSummary)
    {
        if articles.hasTransientPaths {
            let (index, count) = try transientIndex(option, articles)
            var summary = IndexUpdateSummary()
            summary.files = count
            summary.analyzed = count
            return (index, summary)
        }
        let paths = articles.indexPaths(with: option)
        if option.index == nil, paths.isEmpty {
            throw ValidationError("give the article files or folders (PATH...), or an index with --index PATH")
        }
        let path = option.indexFile ?? LibraryIndex.defaultPath(forLibrary: paths)
        if rebuild { removeIndexFiles(at: path) }
        var index = LibraryIndex.open(at: path)
        index.notices.map(TerminalSafe.line).forEach(warn)
        let summary: IndexUpdateSummary
        do {
            summary = try update(index, paths, articles, display: display)
        } catch let error as LibraryIndexError where error.isDamage {
            index = index.reopenedAfterDamage(error)
            index.notices.map(TerminalSafe.line).forEach(warn)
            summary = try update(index, paths, articles, display: display)
        } catch LibraryIndexError.locked {
            warn("the index \(path) is locked by another process; indexing in memory for this run")
            index = LibraryIndex.inMemory()
            summary = try update(index, paths, articles, display: display)
        }
        for failure in summary.failures {
            if failure.explicit { throw failure.error }
            warn(TerminalSafe.line("skipped \(failure.error.description)"))
        }
        summary.warnings.map(TerminalSafe.line).forEach(warn)
        return (index, summary)
    }

    /// Runs `body` on an index brought up to date; if the index turns out damaged while it
    /// is read, it is rebuilt and `body` runs again.
    static func withLibrary<T>(_ option: IndexOption, _ articles: ArticleOptions,
                               _ body: (LibraryIndex) throws -> T) throws -> T
    {
        let (index, _) = try open(option, articles, progress: .forStandardError(otherwise: .none))
        do {
            return try body(index)
        } catch let error as LibraryIndexError where error.isDamage {
            let rebuilt = index.reopenedAfterDamage(error)
            rebuilt.notices.map(TerminalSafe.line).forEach(warn)
            _ = try update(rebuilt, articles.indexPaths(with: option), articles, display: .forStandardError(otherwise: .none))
            do {
                return try body(rebuilt)
            } catch let error as LibraryIndexError {
                throw InputError(description: error.description)
            }
        } catch let error as LibraryIndexError {
            throw InputError(description: error.description)
        }
    }

    /// Brings `index` up to date with `paths` (nil or empty: the paths it was last given).
    private static func update(_ index: LibraryIndex, _ paths: [String], _ articles: ArticleOptions,
                               display: ProgressDisplay) throws -> IndexUpdateSummary
    {
        let bar = IndexProgressBar(display: display)
        defer { bar.finish() }
        do {
            return try index.update(paths: paths.isEmpty ? nil : paths, referenceDate: articles.referenceDate,
                                    progress: bar.show)
        } catch LibraryIndexError.read(let error) {
            throw error
        } catch LibraryIndexError.noLibrary {
            throw InputError(description: "the index \(index.storage) holds no library yet: give the article files or folders to index")
        } catch let error where error.isDamage {
            throw error
        } catch LibraryIndexError.locked {
            throw LibraryIndexError.locked
        } catch {
            throw InputError(description: error.description)
        }
    }

    private static func removeIndexFiles(at path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

/// Paths as the user sees them: relative to the current folder when inside it.
enum DisplayPath {
    private static let currentFolder = FileManager.default.currentDirectoryPath

    static func of(_ path: String) -> String {
        let prefix = currentFolder.hasSuffix("/") ? currentFolder : currentFolder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    static func header(_ article: LibraryArticle) -> String {
        QuoteText.header(path: of(article.path), headline: article.headline, date: article.date)
    }
}

/// The progress of an update on stderr: a bar with count, rate and time left on a terminal,
/// a plain line every few seconds elsewhere.
final class IndexProgressBar {
    private let display: ProgressDisplay
    private var lastDraw: UInt64 = 0
    private var drawn = false

    init(display: ProgressDisplay) {
        self.display = display
    }

    func show(_ progress: IndexProgress) {
        guard display != .none, progress.phase == .analyzing, progress.toAnalyze > 0 else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let interval: UInt64 = display == .bar ? 100_000_000 : 2_000_000_000
        let last = progress.analyzed == progress.toAnalyze
        guard last || now - lastDraw >= interval else { return }
        lastDraw = now
        let counts = "\(progress.analyzed)/\(progress.toAnalyze) articles"
        let rate = progress.articlesPerSecond.map { "\(Int($0.rounded()))/s" } ?? ""
        let left = progress.secondsLeft.map { "\(IndexProgressBar.duration($0)) left" } ?? ""
        switch display {
        case .bar:
            let width = 24
            let filled = Int((progress.fractionDone * Double(width)).rounded(.down))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let line = ["indexing", bar, counts, rate, left].filter { !$0.isEmpty }.joined(separator: "  ")
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            drawn = true
        case .lines:
            let details = [rate, left].filter { !$0.isEmpty }.joined(separator: ", ")
            let line = "byline: indexed \(counts)" + (details.isEmpty ? "" : " (\(details))")
            FileHandle.standardError.write(Data((line + "\n").utf8))
        case .none:
            break
        }
    }

    /// Clears the bar so what follows starts on a clean line.
    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        return s < 60 ? "\(s) s" : "\(s / 60) min \(s % 60) s"
    }
}
