import BylineApp
import BylineTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Opening an article's address: which commands are tried (pure), and starting one for real.
@Suite struct BrowserCommandTests {
    let address = "https://gazette.example/2024/ferry?id=7&from=feed"

    @Test func withoutBrowserItIsXdgOpen() {
        #expect(BrowserCommand.candidates(for: address, browser: nil) == [["xdg-open", address]])
        #expect(BrowserCommand.candidates(for: address, browser: "") == [["xdg-open", address]])
        #expect(BrowserCommand.candidates(for: address, browser: " : ") == [["xdg-open", address]])
    }

    @Test func browserIsAListOfCommandsWithTheAddressAppendedOrSubstituted() {
        #expect(BrowserCommand.candidates(for: address, browser: "firefox") == [["firefox", address]])
        #expect(BrowserCommand.candidates(for: address, browser: "firefox --new-tab:chromium %s --incognito:w3m")
                == [["firefox", "--new-tab", address], ["chromium", address, "--incognito"], ["w3m", address]])
        #expect(BrowserCommand.candidates(for: address, browser: "open-url --url=%s --label=100%%:x %d")
                == [["open-url", "--url=" + address, "--label=100%"], ["x", "%d", address]])
        #expect(BrowserCommand.candidates(for: "https://a.example/%s", browser: "b %s%s")
                == [["b", "https://a.example/%shttps://a.example/%s"]], "an address's own %s is not substituted again")
    }

    @Test func theAddressIsOneArgumentWhateverItHolds() {
        let odd = "https://a.example/x?q=$(touch /tmp/no)&b=`id`;c|d 'e\""
        #expect(BrowserCommand.candidates(for: odd, browser: "sh -c") == [["sh", "-c", odd]])
        #expect(BrowserCommand.candidates(for: odd, browser: nil) == [["xdg-open", odd]])
    }
}

/// Starts fake browsers (shell scripts written by the test) and checks what they received.
@Suite(.serialized) struct BrowserLauncherTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-browser-\(UUID().uuidString)")

    /// A script that records its arguments, its standard input and its process group, prints
    /// to its output and error, and exits with `status`.
    func fakeBrowser(_ name: String, status: Int = 0) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent(name)
        let out = folder.appendingPathComponent("\(name).out").path
        try writeExecutable("""
            #!/bin/sh
            input=$(readlink /proc/$$/fd/0)
            output=$(readlink /proc/$$/fd/1)
            group=$(cut -d' ' -f5 /proc/$$/stat)
            for argument in "$@" "$input" "$output" "$group"; do printf '%s\\n' "$argument"; done > '\(out).partial'
            mv '\(out).partial' '\(out)'
            echo "this must not reach a terminal"
            echo "nor this" >&2
            exit \(status)
            """, to: script.path)
        return script
    }

    func waitForFile(_ path: String) throws -> [String] {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { return text.split(separator: "\n").map(String.init) }
            usleep(20_000)
        }
        throw CocoaError(.fileNoSuchFile)
    }

    @Test func theBrowserGetsTheAddressAloneDetachedAndSilenced() async throws {
        try await offPool { try self.theBrowserGetsTheAddressAloneDetachedAndSilencedSteps() }
    }

    func theBrowserGetsTheAddressAloneDetachedAndSilencedSteps() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let browser = try fakeBrowser("fake-browser")
        let address = "https://a.example/x?q=$(touch \(folder.path)/pwned)&b=`id`;c d"
        let launcher = BrowserLauncher()
        #expect(launcher.open(address, environment: ["BROWSER": "\(browser.path) --tab %s"]) == .started(program: browser.path))
        let lines = try waitForFile(browser.path + ".out")
        #expect(lines.count == 5)
        #expect(Array(lines.prefix(2)) == ["--tab", address], "the address arrives as one argument, untouched")
        #expect(lines[2] == "/dev/null" && lines[3] == "/dev/null")
        #expect(Int32(lines[4]) != getpgrp(), "the browser runs in a process group of its own")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("pwned").path), "no shell ran the address")
        usleep(200_000)
        #expect(launcher.takeFailures().isEmpty)
    }

    @Test func theFirstCommandThatStartsIsUsedAndAFailureLaterIsReported() async throws {
        try await offPool { try self.theFirstCommandThatStartsIsUsedAndAFailureLaterIsReportedSteps() }
    }

    func theFirstCommandThatStartsIsUsedAndAFailureLaterIsReportedSteps() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let failing = try fakeBrowser("failing-browser", status: 3)
        let launcher = BrowserLauncher()
        let outcome = launcher.open("https://a.example/", environment: ["BROWSER": "/nonexistent/browser:\(failing.path)"])
        #expect(outcome == .started(program: failing.path))
        _ = try waitForFile(failing.path + ".out")
        var failures: [String] = []
        let deadline = Date().addingTimeInterval(10)
        while failures.isEmpty, Date() < deadline {
            failures = launcher.takeFailures()
            usleep(20_000)
        }
        #expect(failures == ["\(failing.path) could not open the address (exit status 3)"])
    }

    @Test func noBrowserAtAllIsAClearMessage() {
        let launcher = BrowserLauncher()
        guard case .failed(let why) = launcher.open("https://a.example/", environment: ["BROWSER": "/nonexistent/a:/nonexistent/b"])
        else {
            Issue.record("a browser started")
            return
        }
        #expect(why == "/nonexistent/a: No such file or directory; /nonexistent/b: No such file or directory "
                + "(BROWSER=/nonexistent/a:/nonexistent/b)")
    }
}
