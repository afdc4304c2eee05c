import BylineCore
import BylineTerminal
import BylineUI
import Foundation

/// The reader's event loop: read an event, `update`, run the effects, `render`, draw.
enum ReaderLoop {
    /// Runs the reader until the user quits or a quit signal arrives; returns the exit status.
    static func run(source: any ReaderSource, noColor: Bool) throws -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let (config, configWarnings) = ReaderConfig.load(environment: environment)
        let positionsPath = ReadingMemory.path(environment: environment)
        let (remembered, positionsWarning) = ReadingMemory.load(path: positionsPath)
        var warnings = configWarnings + (positionsWarning.map { [$0] } ?? [])

        let noColorRequested = noColor || !(environment["NO_COLOR"] ?? "").isEmpty
        let terminal: Terminal
        do {
            terminal = try Terminal.start(colors: noColorRequested ? .monochrome : config.colorMode, mouse: config.mouse)
        } catch let error as TerminalError {
            throw InputError(description: error.description)
        }

        var state = AppState(entries: source.entries, size: terminal.size, theme: config.theme(terminal.colorMode),
                             keymap: config.keymap, remembered: remembered)
        if !warnings.isEmpty {
            state.message = StatusMessage("warning: " + warnings.joined(separator: " · "), kind: .warning, sticky: true)
        }
        let loader = BackgroundLoader(source: source)
        // The first article is analysed before the first frame, so it opens with its highlights.
        for effect in Reader.start(&state) {
            if case .load(let index) = effect { _ = Reader.apply(loader.loadNow(index), to: &state) }
        }
        // Benchmark and test hooks, once the first frame is on screen: report the time since
        // the given clock reading (CLOCK_MONOTONIC nanoseconds, taken by the benchmark before it
        // started this process) and leave; or crash, to check that the terminal is restored.
        let firstFrameReport = environment["BYLINE_FIRST_FRAME_REPORT"].flatMap(FirstFrameReport.init)
        let crashAfterFirstFrame = environment["BYLINE_CRASH_AFTER_FIRST_FRAME"] == "1"

        var forceRedraw = false
        var prefetched = false
        var quitSignal: Int32?
        loop: while true {
            terminal.draw(Reader.render(state), force: forceRedraw)
            forceRedraw = false
            if let firstFrameReport {
                firstFrameReport.write()
                break
            }
            if crashAfterFirstFrame { fatalError("crash requested by BYLINE_CRASH_AFTER_FIRST_FRAME") }
            if !prefetched {
                // Analyse the rest of the library in the background, for its counts and the picker.
                loader.prefetch(state.entries.indices.filter { state.documents[$0] == nil && !state.loading.contains($0) })
                prefetched = true
            }
            var actions = loader.takeResults()
            if let signal = terminal.takeQuitSignal() {
                quitSignal = signal
                break
            }
            if let event = terminal.read(timeout: loader.isBusy ? 40 : 200) {
                switch event {
                case .key(let key): actions.append(.key(key))
                case .mouse(let mouse): actions.append(.mouse(mouse))
                case .resize(let size): actions.append(.resize(size))
                }
                actions += loader.takeResults()
            }
            for action in actions {
                for effect in Reader.apply(action, to: &state) {
                    switch effect {
                    case .load(let index): loader.request(index)
                    case .redraw: forceRedraw = true
                    case .quit: break loop
                    }
                }
            }
        }
        terminal.stop()
        loader.cancel()
        if let warning = ReadingMemory.save(state.rememberedViews, path: positionsPath) { warnings.append(warning) }
        for warning in warnings { warn(warning) }
        if let quitSignal { return 128 + quitSignal }
        return 0
    }
}

/// Analyses articles off the event loop's thread: first what the reader asks for, then the
/// rest of the library (prefetch), on every core; results wait in an inbox the loop drains.
final class BackgroundLoader: @unchecked Sendable {
    private let source: any ReaderSource
    private let condition = NSCondition()
    private var urgent: [Int] = []
    private var background: [Int] = []
    private var running: Set<Int> = []
    private var results: [Action] = []
    private var cancelled = false
    private var workersStarted = false

    init(source: any ReaderSource) { self.source = source }

    /// Analyses an article on the calling thread (the first one, before the first frame).
    func loadNow(_ index: Int) -> Action {
        do {
            return .loaded(index: index, analysis: try source.analyzedArticle(at: index))
        } catch {
            return .loadFailed(index: index, message: "\(error)")
        }
    }

    func request(_ index: Int) {
        condition.lock()
        if !urgent.contains(index), !running.contains(index) { urgent.append(index) }
        background.removeAll { $0 == index }
        startWorkersLocked()
        condition.signal()
        condition.unlock()
    }

    func prefetch(_ indices: [Int]) {
        guard !indices.isEmpty else { return }
        condition.lock()
        background.append(contentsOf: indices)
        startWorkersLocked()
        condition.broadcast()
        condition.unlock()
    }

    var isBusy: Bool {
        condition.lock()
        defer { condition.unlock() }
        return !urgent.isEmpty || !background.isEmpty || !running.isEmpty || !results.isEmpty
    }

    func takeResults() -> [Action] {
        condition.lock()
        defer { condition.unlock() }
        let taken = results
        results = []
        return taken
    }

    func cancel() {
        condition.lock()
        cancelled = true
        urgent = []
        background = []
        condition.broadcast()
        condition.unlock()
    }

    private func startWorkersLocked() {
        guard !workersStarted else { return }
        workersStarted = true
        for _ in 0..<max(1, ProcessInfo.processInfo.activeProcessorCount) {
            let thread = Thread { [self] in work() }
            thread.qualityOfService = .utility
            thread.start()
        }
    }

    private func work() {
        while true {
            condition.lock()
            while !cancelled, urgent.isEmpty, background.isEmpty { condition.wait() }
            if cancelled {
                condition.unlock()
                return
            }
            let index = urgent.isEmpty ? background.removeFirst() : urgent.removeFirst()
            running.insert(index)
            condition.unlock()
            let action = loadNow(index)
            condition.lock()
            running.remove(index)
            if !cancelled { results.append(action) }
            condition.unlock()
        }
    }
}

/// `BYLINE_FIRST_FRAME_REPORT=<start>,<path>`: writes the milliseconds from `<start>` (a
/// CLOCK_MONOTONIC reading in nanoseconds) to the first full draw into `<path>`.
struct FirstFrameReport {
    let start: UInt64
    let path: String

    init?(_ value: String) {
        let parts = value.split(separator: ",", maxSplits: 1)
        guard parts.count == 2, let start = UInt64(parts[0]) else { return nil }
        self.start = start
        path = String(parts[1])
    }

    func write() {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nanoseconds = UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
        let milliseconds = Double(nanoseconds &- start) / 1e6
        try? String(format: "%.3f\n", milliseconds).write(toFile: path, atomically: true, encoding: .utf8)
    }
}
