import BylineCore
import BylineIndex
import BylineUI
import Foundation

/// The reader's background updates of its index: the one it starts with, and one more each
/// time it is asked (after a feed update stored articles), never two at once. The event loop
/// polls it between keys, as `IndexingTask` is meant to be polled.
public final class IndexRefresher {
    private let index: LibraryIndex
    private let paths: [String]?
    private let referenceDate: CivilDate?
    private var task: IndexingTask?
    private var lastProgress: IndexProgress?
    private var reported = false
    private var wanted = false

    /// For `index`, brought up to date with `paths` (nil: its own).
    public init(index: LibraryIndex, paths: [String]?, referenceDate: CivilDate?) {
        self.index = index
        self.paths = paths
        self.referenceDate = referenceDate
    }

    /// Asks for an update: it starts at the next `poll`, or after the one running.
    public func request() { wanted = true }

    /// Whether an update runs or waits to.
    public var isBusy: Bool { wanted || (task.map { !$0.isFinished } ?? false) }

    /// Starts a wanted update when none runs, and returns what the reader should hear: the
    /// progress when it moved, and the outcome once. Details for the exit go to `exitWarnings`.
    public func poll(exitWarnings: inout [String]) -> [Action] {
        var actions: [Action] = []
        if let task, !reported {
            let progress = task.progress
            if progress != lastProgress {
                lastProgress = progress
                actions.append(.indexing(progress))
            }
            if let result = task.result {
                reported = true
                actions += Self.outcome(result, exitWarnings: &exitWarnings)
            }
        }
        if wanted, task?.isFinished ?? true {
            wanted = false
            task = index.startUpdate(paths: paths, referenceDate: referenceDate)
            lastProgress = nil
            reported = false
        }
        return actions
    }

    /// Stops the update: what was committed stays. Waits a little for the batch being
    /// written; a write cut short by the exit is rolled back by SQLite.
    public func stop() {
        wanted = false
        guard let task else { return }
        task.cancel()
        let deadline = DispatchTime.now().uptimeNanoseconds + 500_000_000
        while !task.isFinished, DispatchTime.now().uptimeNanoseconds < deadline { usleep(5_000) }
    }

    /// What the reader shows when an update ends: files it skipped, or the error that stopped
    /// it. The details are printed on exit too.
    static func outcome(_ result: Result<IndexUpdateSummary, LibraryIndexError>, exitWarnings: inout [String]) -> [Action] {
        switch result {
        case .success(let summary):
            let skipped = summary.failures.map { TerminalSafe.line("skipped \($0.error.description)") }
            exitWarnings += skipped + summary.warnings.map(TerminalSafe.line)
            guard let first = skipped.first else { return [] }
            let more = skipped.count > 1 ? " (and \(skipped.count - 1) more, listed on exit)" : ""
            return [.notify(StatusMessage(first + more, kind: .warning, sticky: true))]
        case .failure(.cancelled):
            return []
        case .failure(let error):
            let hint = error.isDamage ? "; run `byline index --rebuild` with the same folders" : ""
            exitWarnings.append(TerminalSafe.line("indexing stopped: \(error.description)\(hint)"))
            return [.indexingFailed(TerminalSafe.line(error.description + hint))]
        }
    }
}
