import BylineApp
import BylineCore
import BylineIndex
import BylineTerminal
import BylineUI
import Foundation

/// The reader's event loop: read an event, `update`, run the effects, `render`, draw. The
/// library index answers on a worker thread; a background update of the index runs beside it
/// and is polled here, so no key ever waits for indexing.
enum ReaderLoop {
    /// Runs the reader until the user quits or a quit signal arrives; returns the exit status.
    static func run(_ opened: OpenedLibrary, noColor: Bool) throws -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let (config, configWarnings) = ReaderConfig.load(environment: environment)
        let positionsPath = ReadingMemory.path(environment: environment)
        let (remembered, positionsWarning) = ReadingMemory.load(path: positionsPath)
        let readMarksPath = ReadMarksFile.path(environment: environment)
        let (readMarks, readMarksWarning) = ReadMarksFile.load(path: readMarksPath)
        var warnings = configWarnings + [positionsWarning, readMarksWarning].compactMap { $0 }

        let noColorRequested = noColor || !(environment["NO_COLOR"] ?? "").isEmpty
        let terminal: Terminal
        do {
            terminal = try Terminal.start(colors: noColorRequested ? .monochrome : config.colorMode, mouse: config.mouse)
        } catch let error as TerminalError {
            throw InputError(description: error.description)
        }

        let library = opened.library
        var state = AppState(size: terminal.size, theme: config.theme(terminal.colorMode), keymap: config.keymap,
                             remembered: remembered, readMarks: readMarks, generation: library.generation)
        let startup = warnings.map { "warning: " + $0 } + opened.notices.map(TerminalSafe.line)
        if !startup.isEmpty {
            state.message = StatusMessage(startup.joined(separator: " · "), kind: .warning, sticky: true)
        }
        // What the cache holds is read before the first frame (a page of articles, the first
        // article: a few milliseconds), so the reader opens on an article with its highlights.
        var pending = Reader.start(&state)
        if opened.update != nil {
            // Said from the first frame: an empty library is one still being indexed.
            pending += Reader.apply(.indexing(IndexProgress(phase: .scanning)), to: &state)
        }
        pending = Reader.settle(pending, &state, rounds: 4) { library.answer($0) }
        // Benchmark and test hooks, once the first frame is on screen: report the time since
        // the given clock reading (CLOCK_MONOTONIC nanoseconds, taken by the benchmark before it
        // started this process) and leave; or crash, to check that the terminal is restored.
        let firstFrameReport = environment["BYLINE_FIRST_FRAME_REPORT"].flatMap(FirstFrameReport.init)
        let crashAfterFirstFrame = environment["BYLINE_CRASH_AFTER_FIRST_FRAME"] == "1"

        let worker = LibraryWorker(library: library)
        var indexing: IndexingTask?
        var lastProgress: IndexProgress?
        var indexingReported = false
        var exitWarnings: [String] = []
        var dirty = true
        var forceRedraw = false
        var quitSignal: Int32?
        loop: while true {
            if dirty || forceRedraw {
                terminal.draw(Reader.render(state), force: forceRedraw)
                dirty = false
                forceRedraw = false
            }
            if let firstFrameReport {
                firstFrameReport.write()
                break
            }
            if crashAfterFirstFrame { fatalError("crash requested by BYLINE_CRASH_AFTER_FIRST_FRAME") }
            if let update = opened.update, indexing == nil {
                indexing = library.index.startUpdate(paths: update.paths, referenceDate: update.referenceDate)
            }
            for effect in pending {
                if case .fetch(let request) = effect { worker.submit(request) }
            }
            pending = []
            var actions: [Action] = []
            if let task = indexing, !indexingReported {
                let progress = task.progress
                if progress != lastProgress {
                    lastProgress = progress
                    actions.append(.indexing(progress))
                }
                if let result = task.result {
                    indexingReported = true
                    actions += outcome(result, exitWarnings: &exitWarnings)
                }
            }
            actions += worker.takeAnswers().map(Action.answered)
            if let signal = terminal.takeQuitSignal() {
                quitSignal = signal
                break
            }
            let busy = worker.isBusy || (indexing.map { !$0.isFinished } ?? false) || !actions.isEmpty
            if let event = terminal.read(timeout: actions.isEmpty ? (busy ? 40 : 200) : 0) {
                switch event {
                case .key(let key): actions.append(.key(key))
                case .mouse(let mouse): actions.append(.mouse(mouse))
                case .resize(let size): actions.append(.resize(size))
                }
                actions += worker.takeAnswers().map(Action.answered)
            }
            for action in actions {
                dirty = true
                for effect in Reader.apply(action, to: &state) {
                    switch effect {
                    case .fetch(let request): worker.submit(request)
                    case .redraw: forceRedraw = true
                    case .quit: break loop
                    }
                }
            }
        }
        terminal.stop()
        worker.stop()
        if let indexing { stop(indexing) }
        if let warning = ReadingMemory.save(state.rememberedViews, path: positionsPath) { warnings.append(warning) }
        if let warning = ReadMarksFile.save(state.readMarks, path: readMarksPath) { warnings.append(warning) }
        for warning in warnings + exitWarnings { warn(warning) }
        if let quitSignal { return 128 + quitSignal }
        return 0
    }

    /// What the reader shows when the background update ends: files it skipped, or the error
    /// that stopped it. The details are printed on exit too.
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

    /// Stops the background update: what was committed stays. Waits a little for the batch
    /// being written; a write cut short by the exit is rolled back by SQLite.
    static func stop(_ task: IndexingTask) {
        task.cancel()
        let deadline = DispatchTime.now().uptimeNanoseconds + 500_000_000
        while !task.isFinished, DispatchTime.now().uptimeNanoseconds < deadline { usleep(5_000) }
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
