import ArgumentParser
import BylineCore
import BylineIndex
import BylineSources
import Foundation

/// `byline update`: fetch every feed and store what is new in the library.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Fetch every feed and store its new items in the library.",
        discussion: """
            Feeds (see byline feeds) are fetched a few at a time, with conditional GETs. Each \
            new item is stored once, by its guid or link, as a text file in \
            $XDG_DATA_HOME/byline/library/<feed>/ (default ~/.local/share/byline/library/), with \
            its date, title, link and authors in that folder's index.jsonl. An item that carries \
            only a teaser has its page fetched and read instead (the teaser is kept if that \
            fails). Nothing stored before is changed. A feed that fails is named and the others \
            go on; the exit status is 1 only when every feed failed. The library index is \
            brought up to date at the end, and the new quotations of the speakers you follow \
            (see byline follow) are listed.
            """)

    @OptionGroup var fetch: FetchOption

    func run() throws {
        let updater = FeedUpdater(options: FeedUpdater.Options(fetch: fetch.options))
        let summary = try reportingSubscriptionErrors { () throws -> UpdateSummary in
            let list = try FeedList.load(path: updater.feedListPath)
            if list.subscriptions.isEmpty {
                list.warnings.map(TerminalSafe.line).forEach(warn)
                throw InputError(description: "no feeds to update: add one with byline feeds add URL (the list is \(updater.feedListPath))")
            }
            let bar = UpdateProgressBar(display: .forStandardError(otherwise: .none))
            defer { bar.finish() }
            return try updater.run(list, progress: bar.show)
        }
        summary.warnings.map(TerminalSafe.line).forEach(warn)
        for result in summary.results {
            let name = TerminalSafe.line(result.displayName)
            switch result.outcome {
            case .failed(let message): warn(TerminalSafe.line("\(result.displayName): \(message)"))
            case .unchanged: print("\(name): unchanged")
            case .updated: print("\(name): \(result.added) new")
            }
            result.notes.map { TerminalSafe.line("\(result.displayName): \($0)") }.forEach(warn)
        }
        let failed = summary.results.filter(\.failed)
        var line = "\(summary.added) new item\(summary.added == 1 ? "" : "s") from \(summary.results.count - failed.count) of \(summary.results.count) feeds"
        if !failed.isEmpty { line += "; failed: " + failed.map(\.displayName).joined(separator: ", ") }
        print(TerminalSafe.line(line))
        if FileManager.default.fileExists(atPath: summary.libraryFolder) {
            let index = try Self.refreshIndex(ofLibrary: summary.libraryFolder)
            let follows = try reportingFollowErrors { try FollowList.load() }
            if !follows.names.isEmpty {
                print("")
                let writer = RecordWriter(.text)
                try FollowedNews.report(follows, index: index, writer: writer)
                writer.finish()
            }
        }
        if summary.everyFeedFailed { throw ExitCode(1) }
    }

    /// Brings the library's index (the default one for `folder`) up to date, as `byline index
    /// FOLDER` does: progress on a terminal, skipped files and notices as warnings.
    static func refreshIndex(ofLibrary folder: String) throws -> LibraryIndex {
        try LibraryAccess.open(try IndexOption.parse([]), try ArticleOptions.parse([folder]),
                               progress: .forStandardError(otherwise: .none)).0
    }
}

/// `updating ████░░░░ 3/10 feeds  12 new` on stderr while an update runs on a terminal.
final class UpdateProgressBar: @unchecked Sendable {
    private let display: ProgressDisplay
    private let lock = NSLock()
    private var drawn = false

    init(display: ProgressDisplay) {
        self.display = display
    }

    func show(_ progress: UpdateProgress) {
        guard display == .bar else { return }
        let width = 24
        let filled = Int((progress.fractionDone * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "updating  \(bar)  \(progress.feedsDone)/\(progress.feedsTotal) feeds  \(progress.itemsAdded) new"
        lock.withLock {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            drawn = true
        }
    }

    func finish() {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            drawn = false
        }
    }
}
