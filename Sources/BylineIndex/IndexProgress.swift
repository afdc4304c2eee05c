import BylineCore
import Foundation

/// The analysis an index stores, and its version: a different version makes stored rows stale.
public struct IndexAnalysis: Sendable {
    public var version: String
    public var analyze: @Sendable (Article) -> AnalyzedArticle
    /// Whether the index finds echoes (the same quotation in several articles) as it stores
    /// quotations. Off only to measure what they cost: an update with them on finds them all.
    public var echoes = true

    public init(version: String, analyze: @escaping @Sendable (Article) -> AnalyzedArticle) {
        self.version = version
        self.analyze = analyze
    }

    /// Byline's analysis (`Analyzer.analyze`), versioned by `AnalysisVersion.current`.
    public static var standard: IndexAnalysis {
        IndexAnalysis(version: AnalysisVersion.current, analyze: { Analyzer.analyze($0) })
    }
}

/// Where an update is, reported after the scan and after each committed batch.
public struct IndexProgress: Sendable, Equatable {
    public enum Phase: String, Sendable {
        /// Listing files and comparing them with the index.
        case scanning
        /// Analysing new and changed files; each report follows a committed batch.
        case analyzing
        case finished
    }

    public var phase: Phase
    /// Article files in the library.
    public var files = 0
    /// Files the index already holds as they are.
    public var unchanged = 0
    /// Articles dropped because their file is gone (or no longer under the library's paths).
    public var removed = 0
    /// Files to read and analyse, and how many are done.
    public var toAnalyze = 0
    public var analyzed = 0
    public var bytesToAnalyze: Int64 = 0
    public var bytesAnalyzed: Int64 = 0
    /// Seconds since the update started, and since analysis started.
    public var elapsed: Double = 0
    public var analyzingElapsed: Double = 0
    /// Moves whenever the update committed something: a reader re-queries when it changes.
    public var generation: Int64 = 0

    public init(phase: Phase) {
        self.phase = phase
    }

    public var articlesPerSecond: Double? {
        analyzingElapsed > 0.05 && analyzed > 0 ? Double(analyzed) / analyzingElapsed : nil
    }

    /// Estimated from the bytes still to analyse at the rate so far.
    public var secondsLeft: Double? {
        guard phase == .analyzing, analyzingElapsed > 0.2, bytesAnalyzed > 0 else { return nil }
        let rate = Double(bytesAnalyzed) / analyzingElapsed
        return Double(bytesToAnalyze - bytesAnalyzed) / rate
    }

    public var fractionDone: Double {
        toAnalyze == 0 ? 1 : Double(analyzed) / Double(toAnalyze)
    }
}

/// A file that could not be indexed.
public struct IndexFailure: Sendable, Equatable {
    public var path: String
    public var error: ReadError
    /// The file was named as a path of the library (not found inside a folder).
    public var explicit: Bool
}

/// What an update did.
public struct IndexUpdateSummary: Sendable {
    public var files = 0
    public var unchanged = 0
    /// Files read and analysed again (new or edited).
    public var analyzed = 0
    /// Files whose size or time changed but whose content did not: not analysed again.
    public var sameContent = 0
    public var removed = 0
    public var failures: [IndexFailure] = []
    /// Warnings from reading the analysed files (invalid UTF-8 replaced, ...).
    public var warnings: [String] = []
    /// The stored analysis came from another analysis version and was discarded.
    public var discardedOldAnalysis = false
    public var seconds: Double = 0
    /// Where the time went (for benchmarks): the writer's transactions (inserting rows and
    /// the search index), merging speakers, and the writer waiting for analysed batches.
    public var writingSeconds: Double = 0
    public var mergingSeconds: Double = 0
    public var waitingSeconds: Double = 0
    /// CPU time the writer's transactions took (less than `writingSeconds` when other
    /// processes compete for the cores).
    public var writingCPUSeconds: Double = 0
    /// CPU time of the writer spent finding echoes (part of `writingCPUSeconds`).
    public var echoCPUSeconds: Double = 0

    public var changedAnything: Bool { analyzed + sameContent + removed + failures.count > 0 || discardedOldAnalysis }

    public init() {}
}

/// Stops an update between batches; what was committed stays.
public final class IndexCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }
}
