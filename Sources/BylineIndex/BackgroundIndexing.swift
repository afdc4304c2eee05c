import BylineCore
import Foundation

/// An update running on a background thread, for a reader that shows the library at once and
/// fills it as indexing goes: poll `progress` (cheap, no database access) from the event loop
/// and query the index again when `progress.generation` moves.
public final class IndexingTask: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private let cancellation = IndexCancellation()
    private var latest = IndexProgress(phase: .scanning)
    private var outcome: Result<IndexUpdateSummary, LibraryIndexError>?

    fileprivate init() {}

    /// The last progress reported.
    public var progress: IndexProgress {
        lock.lock()
        defer { lock.unlock() }
        return latest
    }

    /// Nil while running; then the summary or the error.
    public var result: Result<IndexUpdateSummary, LibraryIndexError>? {
        lock.lock()
        defer { lock.unlock() }
        return outcome
    }

    public var isFinished: Bool { result != nil }

    /// Stops after the batch being written; what was committed stays in the index.
    public func cancel() { cancellation.cancel() }

    /// Blocks until the update ends.
    @discardableResult
    public func wait() -> Result<IndexUpdateSummary, LibraryIndexError> {
        done.wait()
        done.signal()
        return result!
    }

    fileprivate func start(_ index: LibraryIndex, paths: [String]?, referenceDate: CivilDate?, analysis: IndexAnalysis,
                           onProgress: (@Sendable (IndexProgress) -> Void)?)
    {
        Thread.detachNewThread { [self] in
            let result: Result<IndexUpdateSummary, LibraryIndexError>
            do throws(LibraryIndexError) {
                result = .success(try index.update(paths: paths, referenceDate: referenceDate, analysis: analysis,
                                                   cancellation: cancellation) { progress in
                    self.lock.lock()
                    self.latest = progress
                    self.lock.unlock()
                    onProgress?(progress)
                })
            } catch {
                result = .failure(error)
            }
            lock.lock()
            outcome = result
            lock.unlock()
            done.signal()
        }
    }
}

extension LibraryIndex {
    /// Starts `update` on a background thread and returns at once. `onProgress`, if given, is
    /// called on that thread after the scan and after each committed batch.
    public func startUpdate(paths: [String]? = nil, referenceDate: CivilDate? = nil, analysis: IndexAnalysis = .standard,
                            onProgress: (@Sendable (IndexProgress) -> Void)? = nil) -> IndexingTask
    {
        let task = IndexingTask()
        task.start(self, paths: paths, referenceDate: referenceDate, analysis: analysis, onProgress: onProgress)
        return task
    }

    /// The same as a stream: one element per progress report, finishing when the update
    /// ends (throwing its error). Ending the iteration early cancels the update.
    public func updates(paths: [String]? = nil, referenceDate: CivilDate? = nil,
                        analysis: IndexAnalysis = .standard) -> AsyncThrowingStream<IndexProgress, any Error>
    {
        AsyncThrowingStream { continuation in
            let task = startUpdate(paths: paths, referenceDate: referenceDate, analysis: analysis) { progress in
                continuation.yield(progress)
            }
            continuation.onTermination = { _ in task.cancel() }
            Thread.detachNewThread {
                switch task.wait() {
                case .success: continuation.finish()
                case .failure(let error): continuation.finish(throwing: error)
                }
            }
        }
    }
}
