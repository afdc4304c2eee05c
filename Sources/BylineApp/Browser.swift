import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The programs that open a web address: `$BROWSER`, else `xdg-open`.
public enum BrowserCommand {
    /// The commands to try, in order, each a program and its arguments (never a shell line).
    /// `$BROWSER` is a list of commands separated by `:`, each split into words at spaces;
    /// in each, `%s` stands for the address and `%%` for a percent sign, and a command without
    /// `%s` gets the address as its last argument. With `$BROWSER` unset or empty:
    /// `xdg-open ADDRESS`.
    public static func candidates(for address: String, browser: String?) -> [[String]] {
        let commands = (browser ?? "").split(separator: ":").map { entry in
            entry.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        }.filter { !$0.isEmpty }
        guard !commands.isEmpty else { return [["xdg-open", address]] }
        return commands.map { words in
            var substituted = false
            var arguments = words.map { word in substitute(word, address, &substituted) }
            if !substituted { arguments.append(address) }
            return arguments
        }
    }

    /// `word` with `%s` replaced by the address and `%%` by `%`; any other `%` stays.
    static func substitute(_ word: String, _ address: String, _ substituted: inout Bool) -> String {
        guard word.contains("%") else { return word }
        var out = ""
        var rest = Substring(word)
        while let percent = rest.firstIndex(of: "%") {
            out += rest[..<percent]
            let next = rest.index(after: percent)
            if next < rest.endIndex, rest[next] == "s" {
                out += address
                substituted = true
                rest = rest[rest.index(after: next)...]
            } else if next < rest.endIndex, rest[next] == "%" {
                out += "%"
                rest = rest[rest.index(after: next)...]
            } else {
                out += "%"
                rest = rest[next...]
            }
        }
        return out + rest
    }
}

/// Starts the browser for the reader, detached: in a process group of its own (so the
/// terminal's signals and its hangup do not reach it), with standard input, output and error
/// on `/dev/null` (so nothing it prints can reach the reader's screen, and it cannot read the
/// keys), default signal dispositions and an empty signal mask. The reader does not wait for
/// it; a thread collects its exit status, and a failure shows in the status line.
public final class BrowserLauncher: @unchecked Sendable {
    public enum Outcome: Equatable, Sendable {
        /// The program that was started (the first of the candidates that could be).
        case started(program: String)
        /// Why no candidate could be started.
        case failed(String)
    }

    private let lock = NSLock()
    private var failures: [String] = []

    public init() {}

    /// Opens `address` with the first command of `BrowserCommand.candidates` that starts.
    public func open(_ address: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> Outcome {
        var problems: [String] = []
        for command in BrowserCommand.candidates(for: address, browser: environment["BROWSER"]) {
            let program = command[0]
            switch Self.spawn(command) {
            case .success(let pid):
                watch(pid, program: program)
                return .started(program: program)
            case .failure(let error):
                problems.append("\(program): \(String(cString: strerror(error.code)))")
            }
        }
        let hint = environment["BROWSER"].map { $0.isEmpty ? "" : " (BROWSER=\($0))" } ?? "; set BROWSER to your browser"
        return .failed(problems.joined(separator: "; ") + hint)
    }

    /// Browsers that ended with a failure since the last call, one line each.
    public func takeFailures() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let taken = failures
        failures = []
        return taken
    }

    struct SpawnError: Error {
        var code: Int32
    }

    /// `posix_spawnp` (a `PATH` search, no shell) with the detaching described above.
    static func spawn(_ command: [String]) -> Result<pid_t, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        // Signals the reader ignores or handles go back to their defaults in the browser.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD, SIGWINCH] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let arguments: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        var pid = pid_t()
        let status = posix_spawnp(&pid, command[0], &actions, &attributes, arguments, environ)
        return status == 0 ? .success(pid) : .failure(SpawnError(code: status))
    }

    /// Collects the child's exit status on a thread of its own (no zombie is left), keeping a
    /// line for a failure.
    private func watch(_ pid: pid_t, program: String) {
        Thread.detachNewThread { [self] in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            let exited = status & 0x7F == 0
            let code = (status >> 8) & 0xFF
            guard !exited || code != 0 else { return }
            let why = exited ? "exit status \(code)" : "signal \(status & 0x7F)"
            lock.lock()
            failures.append("\(program) could not open the address (\(why))")
            lock.unlock()
        }
    }
}
