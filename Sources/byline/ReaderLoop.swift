import BylineApp
import BylineCore
import BylineIndex
import BylineSources
import BylineTerminal
import BylineUI
import Foundation

/// The reader's event loop: read an event, `update`, run the effects, `render`, draw. The
/// library index answers on a worker thread; background updates of the index and of the feeds
/// run beside it and are polled here, so no key ever waits for indexing or the network.
enum ReaderLoop {
    /// Runs the reader until the user quits or a quit signal arrives; returns the exit status.
    /// `reopen` opens the library again (after a feed update filled the feeds' library while
    /// the reader showed the bundled seed).
    static func run(_ opened: OpenedLibrary, reopen: () throws -> OpenedLibrary, noColor: Bool) throws -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let (config, configWarnings) = ReaderConfig.load(environment: environment)
        let positionsPath = ReadingMemory.path(environment: environment)
        let (remembered, positionsWarning) = ReadingMemory.load(path: positionsPath)
        let readMarksPath = ReadMarksFile.path(environment: environment)
        let (readMarks, readMarksWarning) = ReadMarksFile.load(path: readMarksPath)
        let (follows, followsWarnings) = FollowsFile.load(environment: environment)
        var warnings = configWarnings + [positionsWarning, readMarksWarning].compactMap { $0 } + followsWarnings

        let noColorRequested = noColor || !(environment["NO_COLOR"] ?? "").isEmpty
        let terminal: Terminal
        do {
            terminal = try Terminal.start(colors: noColorRequested ? .monochrome : config.colorMode, mouse: config.mouse)
        } catch let error as TerminalError {
            throw InputError(description: error.description)
        }

        var library = opened.library
        var feeds = opened.feeds
        var state = AppState(size: terminal.size, theme: config.theme(terminal.colorMode), keymap: config.keymap,
                             remembered: remembered, readMarks: readMarks, follows: follows, generation: library.generation)
        let startup = warnings.map { "warning: " + $0 } + opened.notices.map(TerminalSafe.line)
        if !startup.isEmpty {
            state.message = StatusMessage(startup.joined(separator: " · "), kind: .warning, sticky: true)
        }
        // What the cache holds is read before the first frame (a page of articles, the first
        // article: a few milliseconds), so the reader opens on an article with its highlights.
        var pending = Reader.start(&state)
        // The background index update of an opened library, if it has one.
        func refresher(_ opened: OpenedLibrary, _ library: ReaderLibrary) -> IndexRefresher? {
            opened.update.map { IndexRefresher(index: library.index, paths: $0.paths, referenceDate: $0.referenceDate) }
        }
        var indexing = refresher(opened, library)
        if indexing != nil {
            // Said from the first frame: an empty library is one still being indexed.
            pending += Reader.apply(.indexing(IndexProgress(phase: .scanning)), to: &state)
        }
        pending = Reader.settle(pending, &state, rounds: 4) { library.answer($0) }
        // Benchmark and test hooks, once the first frame is on screen: report the time since
        // the given clock reading (CLOCK_MONOTONIC nanoseconds, taken by the benchmark before it
        // started this process) and leave; or crash, to check that the terminal is restored.
        let firstFrameReport = environment["BYLINE_FIRST_FRAME_REPORT"].flatMap(FirstFrameReport.init)
        let crashAfterFirstFrame = environment["BYLINE_CRASH_AFTER_FIRST_FRAME"] == "1"

        var worker = LibraryWorker(library: library)
        var feedUpdate: FeedUpdateTask?
        let browser = BrowserLauncher()
        var exitWarnings: [String] = []
        var dirty = true
        var forceRedraw = false
        var quitSignal: Int32?
        var firstFrame = true
        // Actions for the next turn of the loop (what an effect said).
        var actions: [Action] = []

        /// Runs an effect; false for `.quit`.
        func perform(_ effect: Effect) -> Bool {
            switch effect {
            case .fetch(let request): worker.submit(request)
            case .redraw: forceRedraw = true
            case .quit: return false
            case .updateFeeds: feedUpdate = FeedUpdateTask(updater: FeedUpdater(environment: environment))
            case .openInBrowser(let address):
                switch browser.open(address, environment: environment) {
                case .started(let program):
                    actions.append(.notify(StatusMessage("Opened in \(FilePaths.name(of: program)): \(address)")))
                case .failed(let why):
                    actions.append(.notify(StatusMessage("Could not start a browser: \(why)", kind: .warning)))
                }
            }
            return true
        }

        /// A feed update ended: its articles appear (the index takes them in, or the reader
        /// leaves the seed for the library they filled), or the report says where they went.
        func feedsUpdated(_ task: FeedUpdateTask, _ report: FeedUpdateReport) {
            var report = report
            exitWarnings += task.exitNotes.map(TerminalSafe.line)
            if report.added > 0 {
                switch feeds {
                case .shown: indexing?.request()
                case .elsewhere(let folder): report.storedElsewhere = folder
                case .seedInstead:
                    if let reopened = try? reopen(), reopened.feeds == .shown {
                        worker.stop()
                        indexing?.stop()
                        library = reopened.library
                        feeds = reopened.feeds
                        worker = LibraryWorker(library: library)
                        indexing = refresher(reopened, library)
                        indexing?.request()
                        pending += Reader.switchLibrary(&state, generation: library.generation)
                    } else {
                        report.storedElsewhere = task.libraryFolder
                    }
                }
            }
            actions.append(.feedUpdateFinished(report))
        }

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
            if firstFrame {
                firstFrame = false
                indexing?.request()
            }
            let effects = pending
            pending = []
            for effect in effects {
                if !perform(effect) { break loop }
            }
            if let indexing { actions += indexing.poll(exitWarnings: &exitWarnings) }
            if let task = feedUpdate {
                let progress = task.progress
                if progress != state.feedUpdate, progress.feedsTotal > 0 { actions.append(.feedUpdate(progress)) }
                if let report = task.report {
                    feedUpdate = nil
                    feedsUpdated(task, report)
                }
            }
            actions += browser.takeFailures().map { .notify(StatusMessage(TerminalSafe.line($0), kind: .warning)) }
            actions += worker.takeAnswers().map(Action.answered)
            if let signal = terminal.takeQuitSignal() {
                quitSignal = signal
                break
            }
            let busy = worker.isBusy || (indexing?.isBusy ?? false) || feedUpdate != nil || !pending.isEmpty
            if let event = terminal.read(timeout: actions.isEmpty && pending.isEmpty ? (busy ? 40 : 200) : 0) {
                switch event {
                case .key(let key): actions.append(.key(key))
                case .mouse(let mouse): actions.append(.mouse(mouse))
                case .resize(let size): actions.append(.resize(size))
                }
                actions += worker.takeAnswers().map(Action.answered)
            }
            let current = actions
            actions = []
            for action in current {
                dirty = true
                for effect in Reader.apply(action, to: &state) {
                    if !perform(effect) { break loop }
                }
            }
        }
        terminal.stop()
        worker.stop()
        indexing?.stop()
        if let feedUpdate {
            // Stopped between feeds or items, so no item is left half stored.
            feedUpdate.cancel()
            feedUpdate.wait(seconds: 1)
        }
        if let warning = ReadingMemory.save(state.rememberedViews, path: positionsPath) { warnings.append(warning) }
        if let warning = ReadMarksFile.save(state.readMarks, path: readMarksPath) { warnings.append(warning) }
        if let warning = FollowsFile.save(state.follows, environment: environment) { warnings.append(warning) }
        for warning in warnings + exitWarnings { warn(warning) }
        if let quitSignal { return 128 + quitSignal }
        return 0
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
