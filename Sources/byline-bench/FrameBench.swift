import ArgumentParser
import BylineCore
import BylineIndex
import BylineUI
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The reader's time per frame — `update`, layout and drawing into the `Screen`, as the event
/// loop does for every key — over a scripted session (scrolls, quotation jumps, a speaker
/// filter, a search, resizes), and the time from process start to the first full draw of
/// `byline seeds/` in a pseudo-terminal.
struct FrameBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frame",
        abstract: "Measure the reader's time per frame and time to the first frame (release build).",
        discussion: """
            Each input file is read as one article, however large (the bundled seed when none \
            is given and ../shared/corpus is missing). Targets: p99 ≤ 5 ms per frame at 200×60, \
            first frame ≤ 100 ms. "p99 best" takes each step's best time over the rounds, so that a \
            frame delayed by another process on a busy machine does not count as the reader's.
            """)

    @Option(help: "Screen width.") var width = 200
    @Option(help: "Screen height.") var height = 60
    @Option(help: "Times the key script is played per article (frames are pooled).") var rounds = 3
    @Option(help: "Runs of `byline` for the time to the first frame (the median is reported).") var launches = 15
    @Option(help: "What `byline` opens for the first-frame measurement.") var firstFramePath = "seeds/"
    @Option(help: "The byline binary (default: beside byline-bench).") var byline: String?
    @Flag(help: "Skip the first-frame measurement.") var noLaunch = false
    @Flag(help: "List the slowest frames of each article with the step that caused them.") var details = false

    @Argument(help: "Article files. Default: the seed and ../shared/corpus/stress/01 and 03.")
    var paths: [String] = []

    func run() throws {
        let size = Size(width: width, height: height)
        var inputs: [(String, Article)] = []
        let defaults = ["../shared/corpus/stress/01_longest_article.txt", "../shared/corpus/stress/03_all_articles_concatenated.txt"]
        if paths.isEmpty {
            inputs.append(("seed", BundledSeed.article()))
            for path in defaults where FileManager.default.fileExists(atPath: path) {
                inputs.append(((path as NSString).lastPathComponent, try ArticleReader.read(path: path)))
            }
        } else {
            for path in paths { inputs.append(((path as NSString).lastPathComponent, try ArticleReader.read(path: path))) }
        }
        print("frame = update + layout + draw into the Screen, at \(size.width)×\(size.height); \(rounds) rounds of the key script")
        func column(_ text: String, _ width: Int, left: Bool = false) -> String {
            let pad = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + pad : pad + text
        }
        print(column("article", 34, left: true) + column("size", 10) + column("frames", 8) + column("first", 10)
              + column("p50", 10) + column("p99", 10) + column("max", 10) + column("p99 best", 10) + column("analysis", 11))
        for (name, article) in inputs {
            let analysisStart = Clock.now
            let analysis = Analyzer.analyze(article)
            let analysisTime = Clock.since(analysisStart)
            let result = Self.measure(analysis, size: size, rounds: rounds)
            func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }
            print(column(name, 34, left: true) + column(String(format: "%.0f KB", Double(article.text.utf8.count) / 1000), 10)
                  + column(String(result.frames.count), 8) + column(ms(result.first), 10) + column(ms(result.percentile(0.5)), 10)
                  + column(ms(result.percentile(0.99)), 10) + column(ms(result.frames.max() ?? 0), 10)
                  + column(ms(result.bestPercentile(0.99, rounds: rounds)), 10)
                  + column(String(format: "%.0f ms", analysisTime * 1000), 11))
            if let slowest = result.slowest {
                print("    slowest frame: \(slowest.0) (\(ms(slowest.1))); \(analysis.quotes.count) quotations, "
                      + "\(analysis.speakers.count) speakers, \(analysis.timeline.entries.count) timeline entries")
            }
            if details {
                let perRound = max(1, result.steps.count / max(1, rounds))
                for (index, step) in result.steps.enumerated().sorted(by: { $0.element.1 > $1.element.1 }).prefix(12) {
                    print("      step \(index % perRound) \(step.0): \(ms(step.1))")
                }
            }
        }
        if !noLaunch { try measureFirstFrame(size: size) }
    }

    // MARK: Frames

    struct Result {
        var first: Double
        var frames: [Double]
        var slowest: (String, Double)?
        var steps: [(String, Double)] = []

        func percentile(_ p: Double) -> Double { Self.percentile(frames, p) }

        /// The percentile over each step's best time across the rounds: a frame delayed
        /// because another process had the core is not the reader's cost.
        func bestPercentile(_ p: Double, rounds: Int) -> Double {
            let perRound = frames.count / max(1, rounds)
            guard perRound > 0 else { return 0 }
            let best = (0..<perRound).map { step in (0..<rounds).map { frames[$0 * perRound + step] }.min()! }
            return Self.percentile(best, p)
        }

        static func percentile(_ values: [Double], _ p: Double) -> Double {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
        }
    }

    /// The scripted session: what a reader does in a minute or two.
    static func script(_ analysis: AnalyzedArticle, size: Size) -> [(String, Action)] {
        var steps: [(String, Action)] = []
        func keys(_ names: String...) { for n in names { steps.append((n, .key(Key(name: n)!))) } }
        func repeatKey(_ n: Int, _ name: String) { for _ in 0..<n { keys(name) } }
        func type(_ text: String) { for c in text { steps.append(("type \(c)", .key(.character(c)))) } }
        repeatKey(30, "j")
        repeatKey(10, "ctrl-d")
        repeatKey(10, "pgdn")
        keys("G")
        repeatKey(10, "pgup")
        keys("g")
        repeatKey(20, "]")
        repeatKey(5, "[")
        keys("3")
        repeatKey(10, "j")
        keys("2")
        let speaker = analysis.speakers.max { $0.quotes.count < $1.quotes.count }
        keys("f")
        type(String((speaker?.name ?? "a").split(separator: " ").last?.prefix(4) ?? "a").lowercased())
        keys("enter")
        repeatKey(10, "]")
        keys("F")
        keys("/")
        type("the")
        keys("enter")
        repeatKey(20, "n")
        repeatKey(5, "N")
        keys("esc")
        for s in [Size(width: 160, height: 50), Size(width: 120, height: 40), Size(width: 80, height: 24), size] {
            steps.append(("resize \(s)", .resize(s)))
            repeatKey(3, "j")
        }
        keys("4")
        repeatKey(10, "j")
        keys("G", "enter", "2")
        repeatKey(10, "k")
        keys("?", "j", "q")
        return steps
    }

    static func measure(_ analysis: AnalyzedArticle, size: Size, rounds: Int) -> Result {
        var sink = 0
        // The reader reads through an index: here an in-memory one holding the analysis.
        let library = try! ReaderLibrary.holding([analysis])
        var frames: [Double] = []
        var steps: [(String, Double)] = []
        var first = 0.0
        var slowest: (String, Double)?
        for round in 0..<rounds {
            var driver = ReaderDriver(library: library, size: size)
            let start = Clock.now
            driver.start()
            sink &+= Reader.render(driver.state).cells.count
            if round == 0 { first = Clock.since(start) }
            for (name, action) in script(analysis, size: size) {
                let elapsed = driver.frame(action, sink: &sink)
                frames.append(elapsed)
                steps.append((name, elapsed))
                if elapsed > (slowest?.1 ?? 0) { slowest = (name, elapsed) }
            }
        }
        if sink == 42 { print("") }  // keeps the work from being optimised away
        return Result(first: first, frames: frames, slowest: slowest, steps: steps)
    }

    // MARK: First frame

    func measureFirstFrame(size: Size) throws {
        guard let binary = FirstFrame.binary(byline) else { return }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("byline-frame-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // The reader reads folders through their index: built first, so the launches open a warm cache.
        let index = scratch.appendingPathComponent("index.sqlite").path
        try LibraryIndex.open(at: index).update(paths: [firstFramePath])
        guard let times = try FirstFrame.launch(binary, ["--index", index, firstFramePath], size: size, launches: launches,
                                                scratch: scratch)
        else { return }
        print(String(format: "first frame of `byline %@` (warm index) in a %d×%d pty, %d launches: median %.1f ms (min %.1f, "
                     + "max %.1f) from process start to the first full draw; %.1f ms to exit", firstFramePath as NSString,
                     size.width, size.height, launches, times.median, times.min, times.max, times.exit))
    }
}

/// The reader driven in process as the event loop drives it, with the library's answers
/// given at once: `frame` times the UI's work for one action (update, applying the answers it
/// asked for, drawing into the `Screen`), not the index's queries, which the event loop runs
/// on a worker thread.
struct ReaderDriver {
    let library: ReaderLibrary
    var state: AppState

    init(library: ReaderLibrary, size: Size) {
        self.library = library
        state = AppState(size: size, generation: library.generation)
    }

    mutating func start() {
        let effects = Reader.start(&state)
        _ = Reader.settle(effects, &state) { library.answer($0) }
    }

    /// Applies `action` and the answers it leads to; returns the seconds the UI spent (the
    /// index's time to answer left out).
    mutating func frame(_ action: Action, sink: inout Int) -> Double {
        var answering = 0.0
        let t = Clock.now
        let effects = Reader.apply(action, to: &state)
        _ = Reader.settle(effects, &state) { [library] request in
            let a = Clock.now
            defer { answering += Clock.since(a) }
            return library.answer(request)
        }
        sink &+= Reader.render(state).cells.count
        return Clock.since(t) - answering
    }
}

/// Times from process start to the first full draw of `byline` in a pseudo-terminal.
enum FirstFrame {
    struct Times {
        var median: Double
        var min: Double
        var max: Double
        /// Median milliseconds to the process's exit (after the first frame).
        var exit: Double
    }

    /// The byline binary: the one given, or the one beside byline-bench.
    static func binary(_ given: String?) -> String? {
        let binary = given ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("byline").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("first frame: no byline binary at \(binary) (build it: swift build -c release --product byline)")
            return nil
        }
        return binary
    }

    /// Launches `binary arguments` `launches` times (HOME and the XDG folders in `scratch`),
    /// each time preparing with `before` first; nil when byline does not report.
    static func launch(_ binary: String, _ arguments: [String], size: Size, launches: Int, scratch: URL,
                       before: () throws -> Void = {}) throws -> Times? {
        var toFrame: [Double] = []
        var toExit: [Double] = []
        for i in 0..<launches {
            try before()
            let report = scratch.appendingPathComponent("report-\(i)").path
            let wall = try PseudoTerminal.run(binary, arguments, size: size, environment: [
                "TERM=xterm-256color", "LANG=C.UTF-8", "SWIFT_BACKTRACE=enable=no", "HOME=\(scratch.path)",
                "XDG_STATE_HOME=\(scratch.path)/state", "XDG_CONFIG_HOME=\(scratch.path)/config",
                "XDG_CACHE_HOME=\(scratch.path)/cache",
            ], report: report)
            guard let text = try? String(contentsOfFile: report, encoding: .utf8),
                let ms = Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
            else {
                print("first frame: byline did not report (is it the same build as byline-bench?)")
                return nil
            }
            toFrame.append(ms)
            toExit.append(wall * 1000)
        }
        toFrame.sort()
        toExit.sort()
        return Times(median: toFrame[toFrame.count / 2], min: toFrame[0], max: toFrame[toFrame.count - 1],
                     exit: toExit[toExit.count / 2])
    }
}

enum Clock {
    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }
    static func since(_ start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    /// CLOCK_MONOTONIC in nanoseconds: what `byline` compares its first frame against.
    static var monotonic: UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}

/// Runs a program on a fresh pseudo-terminal of a given size, draining its output, and
/// returns the seconds until it exits.
enum PseudoTerminal {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ binary: String, _ arguments: [String], size: Size, environment: [String], report: String) throws -> Double {
        // posix_openpt and friends are not in Swift's Glibc module: the Linux ioctls instead.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw Failure(description: "cannot open /dev/ptmx") }
        defer { close(master) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, UInt(0x4004_5431), &unlock) == 0,  // TIOCSPTLCK
            ioctl(master, UInt(0x8004_5430), &number) == 0  // TIOCGPTN
        else { throw Failure(description: "cannot set up a pseudo-terminal") }
        var window = winsize(ws_row: UInt16(size.height), ws_col: UInt16(size.width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &window)
        let slavePath = "/dev/pts/\(number)"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, slavePath, O_RDWR, 0) }
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        // POSIX_SPAWN_SETSID (0x80, a GNU extension): a new session, so the terminal becomes its own.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK) | 0x80)

        let start = Clock.monotonic
        let env = environment + ["BYLINE_FIRST_FRAME_REPORT=\(start),\(report)"]
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let error = posix_spawn(&pid, binary, &actions, &attributes, argv, envp)
        guard error == 0 else { throw Failure(description: "cannot start \(binary): error \(error)") }
        // Drain the output until the terminal closes (the reader has exited).
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n > 0 { continue }
            if n < 0, errno == EINTR { continue }
            break
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return Double(Clock.monotonic - start) / 1e9
    }
}
