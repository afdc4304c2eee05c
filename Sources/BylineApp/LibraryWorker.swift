import BylineUI
import Foundation

/// Answers the reader's requests on a thread of its own, in the order they come; the answers
/// wait in an inbox the event loop drains. The reader keeps at most one request of a kind on
/// its way, so the queue stays short.
public final class LibraryWorker: @unchecked Sendable {
    private let library: ReaderLibrary
    private let condition = NSCondition()
    private var queue: [LibraryRequest] = []
    private var answers: [LibraryAnswer] = []
    private var running = false
    private var stopped = false
    private var started = false

    public init(library: ReaderLibrary) { self.library = library }

    public func submit(_ request: LibraryRequest) {
        condition.lock()
        queue.append(request)
        if !started {
            started = true
            let thread = Thread { [self] in work() }
            thread.qualityOfService = .userInitiated
            thread.start()
        }
        condition.signal()
        condition.unlock()
    }

    public var isBusy: Bool {
        condition.lock()
        defer { condition.unlock() }
        return !queue.isEmpty || running || !answers.isEmpty
    }

    public func takeAnswers() -> [LibraryAnswer] {
        condition.lock()
        defer { condition.unlock() }
        let taken = answers
        answers = []
        return taken
    }

    public func stop() {
        condition.lock()
        stopped = true
        queue = []
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while !stopped, queue.isEmpty { condition.wait() }
            if stopped {
                condition.unlock()
                return
            }
            let request = queue.removeFirst()
            running = true
            condition.unlock()
            let answer = library.answer(request)
            condition.lock()
            running = false
            if !stopped { answers.append(answer) }
            condition.unlock()
        }
    }
}
