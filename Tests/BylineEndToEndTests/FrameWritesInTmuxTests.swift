import BylineTestSupport
import Foundation
import Testing

/// Each frame reaches the terminal whole: the reader answers a key with one write (two when a
/// frame outgrows ncurses' output buffer), not one write per row, which a slow link shows as
/// a half-drawn screen. Watched with strace, in a real terminal (tmux).
@Suite(.serialized, .enabled(if: TmuxSession.available && Strace.canTrace, "needs tmux, and strace allowed to trace"))
struct FrameWritesInTmuxTests {
    @Test func eachKeyIsAnsweredByOneWholeFrame() async throws {
        try await offPool { try self.eachKeyIsAnsweredByOneWholeFrameSteps() }
    }

    func eachKeyIsAnsweredByOneWholeFrameSteps() throws {
        let session = try TmuxSession()
        defer { session.close() }
        let trace = session.home.appendingPathComponent("reader.strace").path
        try session.shell("'\(Strace.path!)' -qq -e trace=read,write -o '\(trace)' '\(TmuxSession.binary)'; echo \"byline exited $?\"")
        try session.waitFor("the seed, opened") { $0.contains("Quotes · 6") && $0.contains("quotation –/6") }

        // Each of these keys changes many rows at once: the sidebar's selection, the article
        // scrolled to the quotation, the status line; the last replaces the sidebar.
        try session.keys("]")
        try session.waitFor("the first quotation") { $0.contains("quotation 1/6") }
        try session.keys("]")
        try session.waitFor("the second quotation") { $0.contains("quotation 2/6") }
        try session.keys("4")
        try session.waitFor("the timeline") { $0.contains("Timeline") && $0.contains("Nov. 15") }
        try session.keys("q")
        try session.waitFor("the reader to quit") { $0.contains("byline exited 0") }

        let answers = Strace.writesAnsweringEachKey(in: try String(contentsOfFile: trace, encoding: .utf8))
        // The three keys above, then q (which leaves the screen: not a frame).
        try #require(answers.count >= 3, "the trace shows \(answers.count) keys read")
        for (key, writes) in answers.prefix(3).enumerated() {
            #expect(writes.count >= 1 && writes.count <= 2,
                    "key \(key + 1) was answered by \(writes.count) writes of \(writes) bytes")
        }
    }
}

/// strace, when installed and allowed to trace here (a container may forbid ptrace).
enum Strace {
    static let path: String? = ["/usr/bin/strace", "/bin/strace", "/usr/local/bin/strace"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static let canTrace: Bool = {
        guard let path else { return false }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("strace-probe-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        return (try? Spawn.run([path, "-qq", "-o", "/dev/null", "/bin/true"], output: output)) == 0
    }()

    /// For each key the program read from standard input (a read of fd 0 that returned bytes),
    /// the sizes of the writes to standard output that followed it before the next key.
    static func writesAnsweringEachKey(in trace: String) -> [[Int]] {
        var answers: [[Int]] = []
        for line in trace.split(separator: "\n") {
            guard let result = line.range(of: " = ", options: .backwards),
                  let value = Int(line[result.upperBound...].prefix { $0.isNumber || $0 == "-" }), value > 0 else { continue }
            if line.hasPrefix("read(0,") {
                answers.append([])
            } else if line.hasPrefix("write(1,"), !answers.isEmpty {
                answers[answers.count - 1].append(value)
            }
        }
        return answers
    }
}
