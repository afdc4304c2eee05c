import ArgumentParser
import BylineApp
import BylineCore
import BylineIndex
import BylineUI
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The reader on a large library (the one `byline-bench index --keep` generates): time to the
/// first frame of `byline` with a warm index and with a cold one (the first frame while
/// indexing starts), and the time per frame of a scripted session while a cold build of the
/// index runs in the background.
struct ReaderBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reader",
        abstract: "Measure the reader on a large library: first frame (warm and cold index), frames while indexing (release build).",
        discussion: """
            --library is a folder made by `byline-bench index --keep` (articles/ and index.sqlite). \
            The index is copied and brought up to date by this build first (a build whose analysis \
            differs analyses everything again), so the warm launches open an index that needs no work. \
            A cold launch opens a new, empty index file. Frames are timed in process, as the event \
            loop makes them (update, applying the index's answers, drawing into the Screen), while \
            the index's queries run on a worker thread and a cold build runs in the background; the \
            CPU column is the thread's CPU time, the UI's work without the waits for a core. \
            Targets: first frame <= 100 ms warm; p99 <= 5 ms per frame.
            """)

    @Option(help: "The generated library (with articles/ and index.sqlite).") var library = "/tmp/byline-bench-lib"
    @Option(help: "Screen width.") var width = 200
    @Option(help: "Screen height.") var height = 60
    @Option(help: "Launches of `byline` per first-frame measurement (the median is reported).") var launches = 9
    @Option(help: "The byline binary (default: beside byline-bench).") var byline: String?
    @Option(help: "Longest time the session runs while the index is built (seconds).") var seconds = 30.0
    @Flag(help: "Skip the launches of `byline`.") var noLaunch = false

    func run() throws {
        let fm = FileManager.default
        let articles = (library as NSString).appendingPathComponent("articles")
        let cached = (library as NSString).appendingPathComponent("index.sqlite")
        guard fm.fileExists(atPath: articles) else {
            throw ValidationError("""
                no library at \(library): generate it with `byline-bench index --corpus ../shared/corpus/wikinews/articles \
                --library \(library) --keep`
                """)
        }
        let size = Size(width: width, height: height)
        let scratch = fm.temporaryDirectory.appendingPathComponent("byline-reader-bench-\(getpid())")
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: scratch) }

        // The warm index: a copy of the library's, brought up to date by this build.
        let warm = scratch.appendingPathComponent("warm.sqlite").path
        for suffix in ["", "-wal"] where fm.fileExists(atPath: cached + suffix) {
            try fm.copyItem(atPath: cached + suffix, toPath: warm + suffix)
        }
        let prepare = Clock.now
        let summary = try LibraryIndex.open(at: warm).update(paths: [articles])
        let counts = try LibraryIndex.open(at: warm).counts()
        print(String(format: "library: %d articles, %d speakers, %d quotations, %d dated events; warm index ready in %.1f s "
                     + "(%d analysed)", counts.articles, counts.speakers, counts.quotations, counts.timelineEntries,
                     Clock.since(prepare), summary.analyzed))

        if !noLaunch, let binary = FirstFrame.binary(byline) {
            if let times = try FirstFrame.launch(binary, ["--index", warm, articles], size: size, launches: launches,
                                                 scratch: scratch)
            {
                print(String(format: "first frame, warm index:  median %6.1f ms (min %.1f, max %.1f) from process start to the "
                             + "first full draw; %.1f ms to exit", times.median, times.min, times.max, times.exit))
            }
            let cold = scratch.appendingPathComponent("cold.sqlite").path
            let removeCold = { for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: cold + suffix) } }
            if let times = try FirstFrame.launch(binary, ["--index", cold, articles], size: size, launches: launches,
                                                 scratch: scratch, before: removeCold)
            {
                print(String(format: "first frame, cold index:  median %6.1f ms (min %.1f, max %.1f): a new index, indexing "
                             + "starts; %.1f ms to exit", times.median, times.min, times.max, times.exit))
            }
        }

        let warmLibrary = ReaderLibrary(index: LibraryIndex.open(at: warm))
        let speaker = try warmLibrary.index.speakers(limit: 1).first?.name ?? "a"
        let script = Self.script(speaker: speaker, size: size)
        print("frame = update + applying the index's answers + drawing into the Screen, at \(size.width)×\(size.height); "
              + "wall time (and the thread's CPU time)")
        let quiet = ReaderSession.run(warmLibrary, script: script, size: size, indexing: nil, seconds: seconds)
        quiet.print("warm index, no indexing")

        let busyPath = scratch.appendingPathComponent("busy.sqlite").path
        let busyIndex = LibraryIndex.open(at: busyPath)
        let task = busyIndex.startUpdate(paths: [articles])
        let busy = ReaderSession.run(ReaderLibrary(index: busyIndex), script: script, size: size, indexing: task,
                                     seconds: seconds)
        let progress = task.progress
        task.cancel()
        task.wait()
        busy.print("while a cold build runs")
        print(String(format: "    the build reached %d of %d articles (%.0f/s) during the session", progress.analyzed,
                     progress.toAnalyze, progress.articlesPerSecond ?? 0))
    }

    /// What a reader does in a large library: browse it, open articles, a speaker across the
    /// library, the library timeline, a search, resizes.
    static func script(speaker: String, size: Size) -> [(String, Action)] {
        var steps: [(String, Action)] = []
        func keys(_ names: String...) { for n in names { steps.append((n, .key(Key(name: n)!))) } }
        func repeatKey(_ n: Int, _ name: String) { for _ in 0..<n { keys(name) } }
        func type(_ text: String) { for c in text { steps.append(("type \(c)", .key(.character(c)))) } }
        keys("1")
        repeatKey(40, "j")
        repeatKey(5, "pgdn")
        keys("G")
        repeatKey(3, "pgup")
        keys("enter", "2")
        repeatKey(5, "]")
        repeatKey(5, "}")
        repeatKey(2, "{")
        keys("1", "g", "enter")
        keys("f")
        type(String(speaker.split(separator: " ").last?.prefix(5) ?? "a").lowercased())
        keys("enter", "A")
        repeatKey(20, "j")
        keys("enter", "G", "enter")
        keys("T")
        repeatKey(20, "j")
        repeatKey(3, "pgdn")
        keys("enter", "F", "T")
        repeatKey(10, "j")
        keys("esc", "S")
        type("president")
        keys("enter")
        repeatKey(10, "j")
        keys("enter", "n", "n", "n", "1", "esc")
        for s in [Size(width: 160, height: 50), Size(width: 120, height: 40), Size(width: 80, height: 24), size] {
            steps.append(("resize \(s)", .resize(s)))
            repeatKey(3, "j")
        }
        return steps
    }
}

/// A scripted session as the event loop runs it: each key is applied and drawn, the index's
/// answers come from a worker thread and are applied as they arrive, and a background update's
/// progress is polled between keys (keys come every 15 ms, faster than anyone types).
struct ReaderSession {
    var frames: [(wall: Double, cpu: Double)] = []
    var keys = 0
    var answers = 0
    var progressReports = 0
    var slowest: (String, Double)?

    static func run(_ library: ReaderLibrary, script: [(String, Action)], size: Size, indexing: IndexingTask?,
                    seconds: Double) -> ReaderSession {
        var session = ReaderSession()
        var state = AppState(size: size, generation: library.generation)
        let worker = LibraryWorker(library: library)  // the event loop's own worker
        defer { worker.stop() }
        var sink = 0
        // Before the first frame the loop answers at once, as `byline` does.
        let pending = Reader.start(&state)
        _ = Reader.settle(pending, &state) { library.answer($0) }
        func frame(_ name: String, _ action: Action) {
            let wall = Clock.now
            let cpu = Clock.threadCPU
            for case .fetch(let request) in Reader.apply(action, to: &state) { worker.submit(request) }
            sink &+= Reader.render(state).cells.count
            let elapsed = (Clock.since(wall), Clock.threadCPU - cpu)
            session.frames.append(elapsed)
            if elapsed.0 > (session.slowest?.1 ?? 0) { session.slowest = (name, elapsed.0) }
        }
        let start = Clock.now
        var lastProgress: IndexProgress?
        var step = 0
        while Clock.since(start) < seconds, step < script.count || (indexing.map { !$0.isFinished } ?? false) {
            let (name, action) = script[step % script.count]
            frame(name, action)
            session.keys += 1
            step += 1
            usleep(15_000)
            for answer in worker.takeAnswers() {
                frame("answer", .answered(answer))
                session.answers += 1
            }
            if let indexing, indexing.progress != lastProgress {
                lastProgress = indexing.progress
                frame("progress", .indexing(indexing.progress))
                session.progressReports += 1
            }
        }
        if sink == 42 { Swift.print("") }  // keeps the work from being optimised away
        return session
    }

    func print(_ title: String) {
        let wall = frames.map(\.wall).sorted()
        let cpu = frames.map(\.cpu).sorted()
        func p(_ values: [Double], _ q: Double) -> Double {
            values.isEmpty ? 0 : values[min(values.count - 1, Int((Double(values.count) * q).rounded(.up)) - 1)] * 1000
        }
        Swift.print(String(format: "%@: %d frames (%d keys, %d answers, %d progress reports): p50 %.2f ms, p99 %.2f ms "
                           + "(CPU %.2f ms), max %.2f ms", title, frames.count, keys, answers, progressReports, p(wall, 0.5),
                           p(wall, 0.99), p(cpu, 0.99), (wall.last ?? 0) * 1000))
        if let slowest { Swift.print(String(format: "    slowest frame: %@ (%.2f ms)", slowest.0, slowest.1 * 1000)) }
    }
}

extension Clock {
    /// The calling thread's CPU time in seconds.
    static var threadCPU: Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
