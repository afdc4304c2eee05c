import BylineTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Drives the real `byline` binary in tmux, as a user would: keys in, screen text out.
///
/// Each test runs its own tmux server on a private socket (`-L`), with a shell whose
/// environment is fixed (TERM, LANG=C.UTF-8, SWIFT_BACKTRACE=enable=no, XDG folders in a
/// temporary directory), and kills the server at the end. Every wait polls `capture-pane`
/// until the expected text appears or a deadline passes: no fixed sleeps.
///
/// A frame may still reach the pane in pieces (a frame larger than ncurses' output buffer takes
/// two writes, and the reader can be descheduled between them on a loaded machine), so one
/// capture may show the top of a new frame over the rest of the old one. A test therefore never asserts on a capture what its
/// wait did not check: everything a step expects of the screen goes into the wait's condition.
struct TmuxSession {
    static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static var available: Bool { tmux != nil }

    /// The `byline` built beside the test bundle (`swift test` builds both into one folder).
    static var binary: String {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("byline")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            folder = folder.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/byline").path
    }

    /// tmux's own terminal type when this machine knows it.
    static var term: String {
        let known = ["/usr/share/terminfo/t/tmux-256color", "/lib/terminfo/t/tmux-256color", "/etc/terminfo/t/tmux-256color"]
        return known.contains { FileManager.default.fileExists(atPath: $0) } ? "tmux-256color" : "screen-256color"
    }

    let socket = "byline-e2e-\(UUID().uuidString.prefix(8))"
    let home: URL
    let target = "reader"

    init(width: Int = 120, height: Int = 40) throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: home.appendingPathComponent("config"), withIntermediateDirectories: true)
        var environment = [
            "TERM=\(Self.term)", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "SWIFT_BACKTRACE=enable=no", "PS1=$ ",
            "HOME=\(home.path)", "XDG_STATE_HOME=\(home.path)/state", "XDG_CONFIG_HOME=\(home.path)/config",
        ]
        // Under Scripts/sanitize.sh, the sanitizers' options (LeakSanitizer's suppressions) reach
        // the binary run in tmux too.
        for name in ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"] {
            if let value = ProcessInfo.processInfo.environment[name] { environment.append("\(name)=\(value)") }
        }
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", "-c", home.path,
                  "env -i PATH=/usr/bin:/bin " + environment.map { "'\($0)'" }.joined(separator: " ") + " sh"])
        do {
            _ = try waitFor("the shell prompt") { $0.contains("$") }
            try shell("ulimit -c 0; clear")  // a crash test must not leave a core file
        } catch {
            close()
            throw error
        }
    }

    /// Kills the server and removes the temporary folder.
    func close() {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: home)
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(folder)/tmux-\(getuid())/\(socket)")
    }

    /// Runs a tmux command and returns its output.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = home.appendingPathComponent("tmux-output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let status = try Spawn.run([Self.tmux!, "-L", socket] + arguments, output: output.path)
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        if status != 0, arguments.first != "kill-server" {
            throw Timeout(description: "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(text)")
        }
        return text
    }

    /// Types a shell command line and presses Enter.
    func shell(_ line: String) throws { try tmux(["send-keys", "-t", target, "-l", line]); try tmux(["send-keys", "-t", target, "Enter"]) }

    /// Sends keys by tmux's names (`Enter`, `Up`, `C-c`), or literal text with `literal`.
    func keys(_ names: String...) throws { try tmux(["send-keys", "-t", target] + names) }
    func literal(_ text: String) throws { try tmux(["send-keys", "-t", target, "-l", text]) }

    /// The pane's text; with `styled`, with its colours and attributes as escape sequences.
    func capture(styled: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p"] + (styled ? ["-e"] : []) + ["-t", target])
    }
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(_ width: Int, _ height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    /// How long a wait lasts before it fails: generous, for a debug build on a loaded machine.
    static let patience: Double = 30

    /// Polls the screen (`styled`: with escape sequences) until `condition` holds; throws,
    /// showing the last screen, after `seconds`.
    @discardableResult
    func waitFor(_ what: String, seconds: Double = TmuxSession.patience, styled: Bool = false,
                 _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = ""
        repeat {
            screen = try capture(styled: styled)
            if condition(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        throw Timeout(description: "timed out waiting for \(what); the screen was:\n\(screen)")
    }

    /// Watches the screen for `seconds`; returns the first capture on which `condition` fails,
    /// nil if it held on every one: for what must never appear, which no wait can check.
    func firstBreach(within seconds: Double, of condition: (String) -> Bool) throws -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            let screen = try capture()
            if !condition(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        return nil
    }

    /// Columns `from..<to` of each row of a screen capture (wide glyphs count two columns).
    static func columns(_ screen: String, from: Int, to: Int) -> [String] {
        screen.components(separatedBy: "\n").map { row in
            var column = 0
            var out = ""
            for c in row {
                if column >= from && column < to { out.append(c) }
                column += width(c)
            }
            return out
        }
    }

    static func width(_ c: Character) -> Int {
        guard let s = c.unicodeScalars.first else { return 0 }
        if s.properties.isEmojiPresentation { return 2 }
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0xFFE0...0xFFE6: return 2
        default: return 1
        }
    }
}

/// Starts programs with every signal unblocked and at its default action. Foundation's
/// `Process` passes on the test runner's signal mask, which blocks nearly everything: a tmux
/// server started that way cannot be stopped, and the reader inside it would never see a
/// resize or a SIGTERM. Output goes to a file (the server that `new-session` starts would
/// keep a pipe open for ever).
enum Spawn {
    static func run(_ arguments: [String], output: String) throws -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let error = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard error == 0 else { throw TmuxSession.Timeout(description: "cannot start \(arguments[0]): error \(error)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}

@Suite(.serialized, .enabled(if: TmuxSession.available, "tmux is not installed: the end-to-end tests need it"))
struct ReaderInTmuxTests {
    @Test func readingTheSeedFromOpenToQuit() async throws {
        try await offPool { try self.readingTheSeedFromOpenToQuitSteps() }
    }

    func readingTheSeedFromOpenToQuitSteps() throws {
        let session = try TmuxSession()
        defer { session.close() }
        try session.shell("'\(TmuxSession.binary)'; echo \"byline exited $?\"")

        // Opens on the seed: the headline and the quotations sidebar.
        // The status line may show a start-up note for a frame or two, so it is waited for too.
        try session.waitFor("the headline, the sidebar with Ivo Daalder, and the status line") {
            $0.contains("NATO running out of time to negotiate troop extension in Iraq") && $0.contains("Quotes · 6")
                && $0.contains("Ivo Daalder") && $0.contains("quotation –/6")
        }

        // ] three times: the third quotation, with the article scrolled to it.
        try session.keys("]", "]", "]")
        try session.waitFor("the third quotation, with the article scrolled away from the top to it") {
            let article = TmuxSession.columns($0, from: 0, to: 79)
            return $0.contains("quotation 3/6") && article.contains { $0.contains("\"The same immunity problem of the American trainers") }
                && article.count > 1 && !article[1].contains("NATO running out of time")
        }

        // f, type daalder, Enter: exactly his three quotations in the sidebar.
        try session.keys("f")
        try session.waitFor("the speaker picker") { $0.contains("Filter by speaker") }
        try session.literal("daalder")
        try session.keys("Enter")
        try session.waitFor("the filter: Quotes · 3 of 6, three entries, each Ivo Daalder's, and no one else's") { screen in
            guard screen.contains("speaker: Ivo Daalder"), !screen.contains("Filter by speaker") else { return false }
            let sidebar = TmuxSession.columns(screen, from: 80, to: 120)
            guard let headerRow = sidebar.firstIndex(where: { $0.contains("Quotes · 3 of 6") }) else { return false }
            let lowerTitle = sidebar.indices.first { $0 > headerRow && sidebar[$0].hasPrefix("─") } ?? sidebar.count
            let entries = sidebar[(headerRow + 1)..<lowerTitle].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            let speakers = entries.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            return speakers.count == 3 && speakers.allSatisfy { $0.contains("Ivo Daalder") }
                && !entries.joined().contains("Qassim") && !entries.joined().contains("Panetta")
        }

        // F clears the filter; 4 opens the timeline: Nov. 15 comes before Dec. 31.
        try session.keys("F", "4")
        try session.waitFor("the timeline with Nov. 15 before Dec. 31") {
            let side = TmuxSession.columns($0, from: 80, to: 120)
            guard side.contains(where: { $0.contains("Timeline") }),
                  let nov15 = side.firstIndex(where: { $0.contains("Nov. 15") }),
                  let dec31 = side.firstIndex(where: { $0.contains("Dec. 31") }) else { return false }
            return nov15 < dec31
        }

        // Resizes: 120×40 → 80×24 → 40×12 → back, re-laid out at once, no crash.
        try session.resize(80, 24)
        try session.waitFor("the 80×24 arrangement") { $0.contains("1 Library  2 Article  3 Quotes  4 Timeline") }
        try session.resize(40, 12)
        try session.waitFor("the 40×12 arrangement") { $0.contains("1 Libr") }
        try session.resize(24, 6)
        try session.waitFor("the request for a larger terminal") { $0.contains("Enlarge") }
        try session.resize(120, 40)
        var screen = try session.waitFor("the 120×40 arrangement again") { $0.contains("─ Article") && $0.contains("Quotes · 6") }
        #expect(!screen.contains("byline exited"))

        // q quits, and the terminal is back in its normal mode.
        try session.keys("q")
        screen = try session.waitFor("the exit status") { $0.contains("byline exited 0") }
        #expect(!screen.contains("─ Article"), "the alternate screen is gone")
        #expect(try session.display("#{alternate_on}") == "0")
        #expect(try session.display("#{cursor_flag}") == "1")
        try session.shell("stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo")
        screen = try session.waitFor("stty's answer") { $0.contains("icanon echo") || $0.contains("-icanon") || $0.contains("-echo ") }
        #expect(screen.contains("icanon echo"))
    }

    /// SIGTERM, Ctrl-C (SIGINT) and a crash each leave the terminal as it was.
    @Test(arguments: ["term", "interrupt", "crash"])
    func theTerminalIsRestoredOnEveryWayOut(way: String) async throws {
        try await offPool { try self.theTerminalIsRestoredOnEveryWayOutSteps(way: way) }
    }

    func theTerminalIsRestoredOnEveryWayOutSteps(way: String) throws {
        let session = try TmuxSession(width: 100, height: 30)
        defer { session.close() }
        let crash = way == "crash" ? "BYLINE_CRASH_AFTER_FIRST_FRAME=1 " : ""
        try session.shell("\(crash)'\(TmuxSession.binary)'; echo \"byline exited $?\"")
        switch way {
        case "term":
            try session.waitFor("the reader") { $0.contains("Quotes · 6") }
            let shell = try session.display("#{pane_pid}")
            let scratch = session.home.appendingPathComponent("kill-output").path
            _ = try Spawn.run(["/bin/sh", "-c", "kill -TERM $(ps -o pid= --ppid \(shell))"], output: scratch)
            try session.waitFor("the exit status") { $0.contains("byline exited 143") }
        case "interrupt":
            try session.waitFor("the reader") { $0.contains("Quotes · 6") }
            try session.keys("C-c")
            try session.waitFor("the exit status") { $0.contains("byline exited 130") }
        default:
            try session.waitFor("the exit status after the crash") { $0.contains("byline exited 132") || $0.contains("byline exited 133") }
        }
        #expect(try session.display("#{alternate_on}") == "0")
        #expect(try session.display("#{cursor_flag}") == "1")
        try session.shell("stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo")
        let screen = try session.waitFor("stty's answer") { $0.contains("icanon echo") || $0.contains("-icanon") || $0.contains("-echo ") }
        #expect(screen.contains("icanon echo"))
    }

    /// Speakers in 256 colours on this terminal; with NO_COLOR (or --no-color) attributes only.
    @Test(arguments: ["", "NO_COLOR=1 ", "--no-color"])
    func coloursFollowTheTerminalAndNoColor(setting: String) async throws {
        try await offPool { try self.coloursFollowTheTerminalAndNoColorSteps(setting: setting) }
    }

    func coloursFollowTheTerminalAndNoColorSteps(setting: String) throws {
        let session = try TmuxSession()
        defer { session.close() }
        let (prefix, flag) = setting.hasPrefix("--") ? ("", " " + setting) : (setting, "")
        try session.shell("\(prefix)'\(TmuxSession.binary)'\(flag); echo \"byline exited $?\"")
        try session.waitFor("the reader") { $0.contains("Quotes · 6") }
        try session.keys("]")
        func hasColour(_ styled: String) -> Bool {
            styled.contains("38;5;") || styled.range(of: "[\\[;]3[0-7][m;]", options: .regularExpression) != nil
        }
        // tmux merges attributes into one SGR sequence: look for the parameters 1 and 7.
        func hasAttribute(_ n: Int, _ styled: String) -> Bool {
            styled.range(of: "\u{1B}\\[([0-9]+;)*\(n)(;[0-9]+)*m", options: .regularExpression) != nil
        }
        if setting.isEmpty {
            try session.waitFor("the first quotation, speakers drawn in colour", styled: true) {
                $0.contains("quotation 1/6") && hasColour($0)
            }
        } else {
            // Once bold and reverse mark the speakers and the selection, the frame is drawn: no colour in it.
            let styled = try session.waitFor("the first quotation, bold and reverse marking speakers and the selection",
                                             styled: true) {
                $0.contains("quotation 1/6") && hasAttribute(1, $0) && hasAttribute(7, $0)
            }
            #expect(!hasColour(styled), "no colour with \(setting)")
        }
        try session.keys("q")
        try session.waitFor("the exit") { $0.contains("byline exited 0") }
    }

    @Test func anUnknownOrMissingTermIsAClearErrorNotACrash() async throws {
        try await offPool { try self.anUnknownOrMissingTermIsAClearErrorNotACrashSteps() }
    }

    func anUnknownOrMissingTermIsAClearErrorNotACrashSteps() throws {
        let session = try TmuxSession(width: 100, height: 30)
        defer { session.close() }
        try session.shell("TERM=no-such-terminal '\(TmuxSession.binary)'; echo \"exit $?\"")
        var screen = try session.waitFor("the error") { $0.contains("exit 1") }
        #expect(screen.contains("unknown terminal type \"no-such-terminal\""))
        try session.shell("clear; env -u TERM '\(TmuxSession.binary)'; echo \"without TERM: exit $?\"")
        screen = try session.waitFor("the error") { $0.contains("without TERM: exit 1") }
        #expect(screen.contains("TERM is not set"))
    }

    /// Reading positions are remembered: quit on the fourth quotation, open again, it is still selected.
    @Test func theReadingPositionIsRemembered() async throws {
        try await offPool { try self.theReadingPositionIsRememberedSteps() }
    }

    func theReadingPositionIsRememberedSteps() throws {
        let session = try TmuxSession()
        defer { session.close() }
        try session.shell("'\(TmuxSession.binary)'; echo \"byline exited $?\"")
        try session.waitFor("the reader") { $0.contains("Quotes · 6") }
        try session.keys("]", "]", "]", "]")
        try session.waitFor("the fourth quotation") { $0.contains("quotation 4/6") }
        try session.keys("q")
        try session.waitFor("the exit") { $0.contains("byline exited 0") }
        try session.shell("clear; '\(TmuxSession.binary)'; echo \"byline exited $?\"")
        try session.waitFor("the fourth quotation again") { $0.contains("quotation 4/6") }
        try session.keys("q")
        try session.waitFor("the exit") { $0.components(separatedBy: "byline exited 0").count > 1 }
    }
}

/// Without a terminal on stdout, `byline PATH` prints the article as plain text.
@Suite struct PlainOutputTests {
    @Test func pipedOutputIsPlainSanitisedText() async throws {
        try await offPool { try self.pipedOutputIsPlainSanitisedTextSteps() }
    }

    func pipedOutputIsPlainSanitisedTextSteps() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("escape.txt")
        try Data("A headline\n\nText with \u{1B}[2J an escape and a bell \u{7}.\n".utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        process.arguments = [file.path]
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(text == "A headline\n\nText with ␛[2J an escape and a bell ␇.\n")
    }
}
