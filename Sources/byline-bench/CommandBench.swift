import ArgumentParser
import BylineCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `byline-bench command`: a command of the built `byline` over a library, against `cat | wc -w`
/// over the same files in the same run: wall time, CPU time and peak memory of each.
struct CommandBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "command",
        abstract: "Time a byline command over a library beside cat | wc -w over the same files.",
        discussion: """
            Runs `byline ARGUMENTS... LIBRARY` (output thrown away) and `cat FILES | wc -w`, each \
            --runs times alternately, and reports the best wall time, its CPU time and the peak \
            memory (maximum resident set) of each, and the ratio of the two wall times.
            """)

    @Option(help: "The library: a folder of articles (the 10,000 that `byline-bench index --keep` leaves in LIBRARY/articles).")
    var library: String = "/tmp/byline-bench-lib/articles"

    @Option(help: "The byline binary (default: the one beside this benchmark).")
    var binary: String?

    @Option(help: "Runs of each, alternately; the best is reported.")
    var runs = 3

    @Argument(help: "The byline command and its options (default: quotes --format jsonl).")
    var arguments: [String] = ["quotes", "--format", "jsonl"]

    struct Measure {
        var wall: Double
        var cpu: Double
        var peakKB: Int
    }

    func run() throws {
        let byline = binary ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("byline").path
        let files = try ArticleFinder.files(in: [library])
        let bytes = files.reduce(0) { $0 + (FileStamp.of($1)?.size ?? 0) }
        // The file list goes to cat through a file, so the shell's command line stays short.
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("byline-bench-files-\(getpid())")
        try Data(files.map { $0 + "\u{0}" }.joined().utf8).write(to: list)
        defer { try? FileManager.default.removeItem(at: list) }
        print("library: \(files.count) files, \(String(format: "%.1f", Double(bytes) / 1e6)) MB in \(library)")

        var best: (byline: Measure?, cat: Measure?) = (nil, nil)
        for _ in 0..<runs {
            let b = try measure(byline, arguments + [library])
            let c = try measure("/bin/sh", ["-c", "xargs -0 cat < '\(list.path)' | wc -w > /dev/null"])
            if best.byline == nil || b.wall < best.byline!.wall { best.byline = b }
            if best.cat == nil || c.wall < best.cat!.wall { best.cat = c }
        }
        guard let b = best.byline, let c = best.cat else { return }
        func line(_ name: String, _ m: Measure) -> String {
            String(format: "%@ wall %6.2f s   CPU %6.2f s   peak memory %6.1f MB", name, m.wall, m.cpu, Double(m.peakKB) / 1024)
        }
        print(line("byline \(arguments.joined(separator: " ")):".padding(toLength: 36, withPad: " ", startingAt: 0), b))
        print(line("cat | wc -w:".padding(toLength: 36, withPad: " ", startingAt: 0), c))
        print(String(format: "ratio of wall times: %.1f x (best of %d)", b.wall / c.wall, runs))
    }

    /// Runs a program with its output thrown away; its wall time, and the CPU time and peak
    /// memory of the process and the children it waited for (`wait4`'s accounting).
    private func measure(_ program: String, _ arguments: [String]) throws -> Measure {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw ValidationError("cannot run \(program): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        guard status == 0 else {
            throw ValidationError("\(program) \(arguments.joined(separator: " ")) failed (status \(status))")
        }
        return Measure(wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime), peakKB: Int(usage.ru_maxrss))
    }
}
