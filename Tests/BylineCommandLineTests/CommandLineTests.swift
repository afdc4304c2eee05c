import BylineTestSupport
import Foundation
import Testing

import BylineCore

/// Runs the real `byline` binary built beside the tests.
struct BylineProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        // The test bundle and the package's executables share one build folder.
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("byline")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: packageRoot + "/.build/debug/byline")
    }

    /// A home for the runs of this test process, removed by the system's temporary-file cleaning.
    static let scratchHome = FileManager.default.temporaryDirectory.appendingPathComponent("byline-cli-home-\(getpid())")

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Runs `byline` in `directory` (the package's root by default). A run that outlasts
    /// `timeout` seconds is killed and reported as status -1, so a hang fails its test.
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
                    timeout: Double = 120, input: Data? = nil) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? URL(fileURLWithPath: packageRoot)
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        // Byline's own folders in a scratch home of this test process, never the user's: a
        // library that `byline update` filled on this machine must not stand in for the seed.
        for (variable, folder) in [("HOME", "home"), ("XDG_CONFIG_HOME", "config"), ("XDG_STATE_HOME", "state"),
                                   ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache")] {
            env[variable] = scratchHome.appendingPathComponent(folder).path
        }
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            // A child that exits before reading all its input must not take this process with
            // it: writing to the closed pipe then fails with EPIPE instead of raising SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            // Written from another thread, so a large input cannot block against a full output pipe.
            DispatchQueue.global().async {
                try? stdin.fileHandleForWriting.write(contentsOf: input)
                try? stdin.fileHandleForWriting.close()
            }
        }
        let watchdog = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM
        return Output(status: killed ? -1 : process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

@Suite final class CommandLineTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    @Test(arguments: [["--help"], ["quotes", "--help"], ["speakers", "--help"], ["timeline", "--help"], ["read", "--help"]])
    func everyCommandHasHelp(arguments: [String]) throws {
        let result = try BylineProcess.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE:"))
    }

    @Test func missingPathExitsOneWithAMessage() throws {
        let result = try BylineProcess.run(["quotes", "no/such/article.txt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no/such/article.txt: no such file or folder"))
        #expect(result.stdout.isEmpty)
    }

    @Test func usageErrorsExitTwo() throws {
        let badDate = try BylineProcess.run(["quotes", "--date", "2011-13-45", "seeds"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("YYYY-MM-DD"))
        let badFormat = try BylineProcess.run(["quotes", "--format", "xml", "seeds"])
        #expect(badFormat.status == 2)
        let badOption = try BylineProcess.run(["speakers", "--frobnicate"])
        #expect(badOption.status == 2)
    }

    @Test func folderWithoutArticlesSaysSo() throws {
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let result = try BylineProcess.run(["quotes", empty.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no articles here"))
    }

    @Test func binaryAndEmptyFilesAreRefusedClearly() throws {
        let binary = folder.appendingPathComponent("a.txt")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1]).write(to: binary)
        let result = try BylineProcess.run(["quotes", binary.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("binary"))
        let empty = folder.appendingPathComponent("e.txt")
        try Data().write(to: empty)
        let second = try BylineProcess.run(["timeline", empty.path])
        #expect(second.status == 1)
        #expect(second.stderr.contains("empty"))
    }

    @Test func aBadFileInsideAFolderIsSkippedWithAWarning() throws {
        try Data("Good\n\n\"Fine,\" she said.".utf8).write(to: folder.appendingPathComponent("good.txt"))
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        let result = try BylineProcess.run(["quotes", "--format", "jsonl", folder.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: skipped"))
        #expect(result.stderr.contains("empty.txt"))
    }

    @Test func jsonLinesAreOneValidObjectPerLine() throws {
        for command in ["quotes", "speakers", "timeline"] {
            let result = try BylineProcess.run([command, "--format", "jsonl", "seeds"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            for line in result.stdout.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(object != nil, "\(command): \(line)")
            }
            let json = try BylineProcess.run([command, "--format", "json", "seeds"])
            #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [Any])
        }
    }

    /// `According to X, Y said "…"`: speaker X, and `"via": "Y"`; null for a plain attribution.
    @Test func aNestedSourceIsNamedInTheJSONAsVia() throws {
        let path = folder.appendingPathComponent("nested.txt")
        try Data("""
            Ferry delays

            According to the Harbour Ledger, Mara Quist said the ferry was "too slow to save anyone."

            "We will add a boat," said Tomas Reyl.
            """.utf8).write(to: path)
        let result = try BylineProcess.run(["quotes", "--format", "jsonl", path.path])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(records.count == 2)
        #expect(records.first?["speaker"] as? String == "Harbour Ledger")
        #expect(records.first?["via"] as? String == "Mara Quist")
        #expect(records.last?["speaker"] as? String == "Tomas Reyl")
        #expect(records.last?["via"] is NSNull)
        #expect(records.allSatisfy { Set($0.keys) == ["article", "id", "start", "end", "text", "speaker", "speaker_mention", "cue", "kind", "via"] })
        let text = try BylineProcess.run(["quotes", path.path])
        #expect(text.stdout.contains("Harbour Ledger via Mara Quist"))
    }

    @Test func noPathReadsTheBundledSeed() throws {
        let fromDisk = try BylineProcess.run(["quotes", "--format", "jsonl", "seeds"])
        let bundled = try BylineProcess.run(["quotes", "--format", "jsonl"])
        #expect(bundled.status == 0)
        #expect(bundled.stdout == fromDisk.stdout)
    }

    @Test func controlCharactersInArticlesNeverReachTheTerminalRaw() throws {
        let path = folder.appendingPathComponent("evil.txt")
        try Data("Evil\u{1B}[2J headline\n\n\"Hello\u{1B}]0;pwned\u{07} there,\" said Mallory Smith.".utf8).write(to: path)
        for command in ["quotes", "speakers", "timeline"] {
            let result = try BylineProcess.run([command, path.path])
            #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(command)")
        }
    }

    @Test func theIndexGivesTheSameQuotationsAsAFreshAnalysis() throws {
        let index = folder.appendingPathComponent("library.sqlite").path
        let fresh = try BylineProcess.run(["quotes", "--format", "jsonl", "--explain", "seeds"])
        let indexed = try BylineProcess.run(["quotes", "--format", "jsonl", "--explain", "--index", index, "seeds"])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        #expect(!fresh.stdout.isEmpty)
        #expect(indexed.stdout == fresh.stdout)
        let text = try BylineProcess.run(["quotes", "--index", index, "--speaker", "Daalder", "seeds"])
        #expect(text.stdout.components(separatedBy: "Ivo Daalder, said").count - 1 == 3)
    }

    /// `byline timeline` lists the seed in timeline order (as the README shows), and the index
    /// gives the same records in the same order; with a second article the seed's records keep
    /// their order among the other's.
    @Test func theTimelineIsInTimelineOrderWithAndWithoutTheIndex() throws {
        func texts(_ output: String) throws -> [String] {
            try output.split(separator: "\n").map {
                let record = try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
                let fromSeed = record["article"] as? String == "seeds/000_32905e9c967a98d8.txt"
                return (record["text"] as? String ?? "") + (fromSeed ? "" : " *")  // * marks the other article
            }
        }
        let fresh = try BylineProcess.run(["timeline", "--format", "jsonl", "seeds"])
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(try texts(fresh.stdout) == [
            "this year", "Nov. 15", "this week", "Wednesday", "this month", "Thursday", "today", "Friday morning",
            "the end of 2011", "Dec. 31", "post-2011", "now", "now", "less than one month",
        ])
        let index = folder.appendingPathComponent("library.sqlite").path
        let indexed = try BylineProcess.run(["timeline", "--format", "jsonl", "--index", index, "seeds"])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        #expect(indexed.stdout == fresh.stdout)

        let other = folder.appendingPathComponent("2011-12-05_ferry.txt")
        try Data("Ferry service resumes\n\nThe ferry returns in mid-December, the port said on Wednesday.".utf8).write(to: other)
        let library = folder.appendingPathComponent("two.sqlite").path
        let both = try BylineProcess.run(["timeline", "--format", "jsonl", "--index", library, "seeds", other.path])
        #expect(both.status == 0, "\(both.stderr)")
        // mid-December is 16 December; equal places keep the earlier article first.
        #expect(try texts(both.stdout) == [
            "this year", "Nov. 15", "this week", "Wednesday", "Wednesday *", "this month", "Thursday", "today",
            "Friday morning", "mid-December *", "the end of 2011", "Dec. 31", "post-2011", "now", "now",
            "less than one month",
        ])
    }

    @Test func withoutADateTheYearIsInferredAndMarkedSo() throws {
        let path = folder.appendingPathComponent("undated.txt")
        try Data("Talks\n\nOn Dec. 3, 2009, the talks began. They will end on Dec. 15, officials said.".utf8).write(to: path)
        let result = try BylineProcess.run(["timeline", "--format", "jsonl", path.path])
        let records = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let dec15 = try #require(records.first { $0["text"] as? String == "Dec. 15" })
        #expect(dec15["value"] as? String == "2009-12-15")
        #expect(dec15["inferred"] as? Bool == true)
        let explicit = try #require(records.first { $0["text"] as? String == "Dec. 3, 2009" })
        #expect(explicit["inferred"] as? Bool == false)
    }
}

/// `-` reads an article from standard input, whatever its kind.
@Suite struct StandardInputTests {
    @Test func theSeedPipedInGivesTheSameQuotations() throws {
        let seed = try Data(contentsOf: URL(fileURLWithPath: BylineProcess.packageRoot + "/seeds/000_32905e9c967a98d8.txt"))
        let piped = try BylineProcess.run(["quotes", "--format", "jsonl", "--date", "2011-12-02", "-"], input: seed)
        let fromFile = try BylineProcess.run(["quotes", "--format", "jsonl", "seeds"])
        #expect(piped.status == 0, "\(piped.stderr)")
        let strip = { (text: String) in text.split(separator: "\n").map { $0.replacingOccurrences(of: #""article": "[^"]*", "#, with: "", options: .regularExpression) } }
        #expect(strip(piped.stdout).count == 6)
        #expect(strip(piped.stdout) == strip(fromFile.stdout))
        #expect(piped.stdout.contains("\"article\": \"-\""))
    }

    @Test func aPagePipedInIsReadAsAPage() throws {
        let page = "<!DOCTYPE html><html><head><title>Harbour</title></head><body><p>\"It reopens,\" said Cy Moss.</p></body></html>"
        let result = try BylineProcess.run(["text", "--format", "jsonl", "-"], input: Data(page.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"format\": \"html\""))
        #expect(result.stdout.contains("Harbour\\n\\n\\\"It reopens,\\\" said Cy Moss."))
    }

    @Test func anIndexRefusesStandardInputAndWebAddressesWithAMessage() throws {
        for path in ["-", "https://example.invalid/news"] {
            let result = try BylineProcess.run(["quotes", "--index", "/nonexistent/i.sqlite", path], input: Data("x".utf8))
            #expect(result.status == 2, "\(path)")
            #expect(result.stderr.contains("cannot go into an index"), "\(path)")
        }
    }
}

/// A suite whose runs of the built binary have a home of their own: every XDG folder, and
/// HOME, in the suite's temporary folder, so they never touch the real home nor each other.
protocol IsolatedHomeSuite {
    var temporary: TemporaryFolder { get }
}

extension IsolatedHomeSuite {
    var folder: URL { temporary.url }
    var environment: [String: String] { temporary.isolatedEnvironment }

    /// Runs `byline` in the temporary folder, with its home there.
    func byline(_ arguments: String...) throws -> BylineProcess.Output {
        try BylineProcess.run(arguments, environment: environment, in: folder, timeout: 60)
    }
}
