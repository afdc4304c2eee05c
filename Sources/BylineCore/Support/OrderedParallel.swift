import Foundation

/// The one order-keeping parallel map: work items run on several threads, and their results
/// come back in item order, each as soon as it and every item before it are done. Commands use
/// it to stream analyses as they finish; the index uses it to analyse a batch.
public enum OrderedParallel {
    /// Runs `transform` for every index in `0..<count` on `threads` threads, and calls `consume`
    /// on the calling thread with each result in index order. At most `window` results are done
    /// but not yet consumed, which bounds memory however long the run. If `consume` throws, no
    /// new item starts, the running ones finish, and the error is rethrown.
    public static func forEach<T: Sendable>(
        count: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount, window: Int = 64,
        transform: @escaping @Sendable (Int) -> T, consume: (Int, T) throws -> Void
    ) rethrows {
        guard count > 0 else { return }
        let workers = max(1, min(threads, count))
        if workers == 1 {
            // No thread to hand work to: the calling thread does it, in order.
            for i in 0..<count { try consume(i, transform(i)) }
            return
        }
        let state = SharedState<T>(count: count, window: max(window, workers))
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global(qos: .userInitiated).async(group: group) {
                while let i = state.claim() {
                    state.finish(i, transform(i))
                }
            }
        }
        defer {
            state.cancel()
            group.wait()
        }
        for i in 0..<count {
            try consume(i, state.take(i))
        }
    }

    /// The results of `transform` for `0..<count`, in order, computed on `threads` threads.
    public static func map<T: Sendable>(count: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                        transform: @escaping @Sendable (Int) -> T) -> [T] {
        var results: [T] = []
        results.reserveCapacity(count)
        forEach(count: count, threads: threads, window: count, transform: transform) { _, result in results.append(result) }
        return results
    }

    /// What the workers and the consumer share, behind one condition variable.
    private final class SharedState<T: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private let count: Int
        private let window: Int
        private var nextToClaim = 0
        private var nextToTake = 0
        private var done: [Int: T] = [:]
        private var cancelled = false

        init(count: Int, window: Int) {
            self.count = count
            self.window = window
        }

        /// The next item to work on, waiting while `window` results wait to be taken; nil when
        /// there is none left or the run was cancelled.
        func claim() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while !cancelled, nextToClaim < count, nextToClaim >= nextToTake + window { condition.wait() }
            guard !cancelled, nextToClaim < count else { return nil }
            nextToClaim += 1
            return nextToClaim - 1
        }

        func finish(_ i: Int, _ result: T) {
            condition.lock()
            done[i] = result
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for item `i`'s result and takes it.
        func take(_ i: Int) -> T {
            condition.lock()
            defer { condition.unlock() }
            while done[i] == nil { condition.wait() }
            nextToTake = i + 1
            condition.broadcast()
            return done.removeValue(forKey: i)!
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
