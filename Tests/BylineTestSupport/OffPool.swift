import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a test's blocking work (a synchronous fetch, waiting on tmux, a child process or an
/// update) on a thread of its own instead of one of the few threads of the cooperative pool,
/// which the loopback servers' tasks need to answer in time. The work stays in the test's task
/// (a task executor preference, not a detached thread), so its expectations are recorded
/// against the test.
public func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withTaskExecutorPreference(ThreadPerJobExecutor()) { try work() }
}

/// Runs each job on a new thread.
public final class ThreadPerJobExecutor: TaskExecutor {
    public init() {}

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        Thread.detachNewThread { job.runSynchronously(on: executor) }
    }
}

/// Writes an executable script with a descriptor closed on exec: a program another test starts
/// meanwhile cannot inherit it and keep the file busy (`ETXTBSY` when it is run).
public func writeExecutable(_ text: String, to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission) }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    guard write(fd, bytes, bytes.count) == bytes.count else { throw CocoaError(.fileWriteUnknown) }
}
