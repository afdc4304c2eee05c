import BylineApp
import Foundation
import Testing

@testable import BylineUI

/// `$XDG_STATE_HOME/byline/read.tsv`: the unread marks' file.
@Suite struct ReadMarksFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-read-\(UUID().uuidString)")

    func marked(_ marks: [ReadMark], onTopOf earlier: ReadMarks = ReadMarks()) -> ReadMarks {
        // What a session leaves: the earlier marks, and the ones it made.
        var session = earlier
        for mark in marks { session.mark(mark) }
        return session
    }

    @Test func pathFollowsXDG() {
        #expect(ReadMarksFile.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/byline/read.tsv")
        #expect(ReadMarksFile.path(environment: ["HOME": "/h"]) == "/h/.local/state/byline/read.tsv")
    }

    @Test func marksRoundTripAndTwoReadersAddUp() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state/byline/read.tsv").path
        let ferry = ReadMark(path: "/library/gazette/ferry.txt", url: "https://gazette.example/ferry")
        // Tabs, line breaks and backslashes are escaped in the file.
        let note = ReadMark(path: "/notes/a\tnote\n\\ 日本.txt", url: nil)
        #expect(ReadMarksFile.save(marked([ferry]), path: path) == nil)
        // A second reader, started before the first saved, marks another article.
        #expect(ReadMarksFile.save(marked([note]), path: path) == nil)
        let (loaded, warning) = ReadMarksFile.load(path: path)
        #expect(warning == nil)
        #expect(loaded.contains(path: ferry.path, url: nil))
        #expect(loaded.contains(path: "/moved/ferry.txt", url: "https://gazette.example/ferry"))
        #expect(loaded.contains(path: note.path, url: nil))
        #expect(!loaded.contains(path: "/library/gazette/market.txt", url: "https://gazette.example/market"))
        #expect(loaded.added.isEmpty, "what was loaded is not saved again")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3, "a header and a line a mark")
        #expect(lines[1].hasSuffix("\t/library/gazette/ferry.txt\thttps://gazette.example/ferry"))
        #expect(lines[2].hasSuffix("\t/notes/a\\tnote\\n\\\\ 日本.txt\t"))
    }

    @Test func nothingMarkedWritesNothing() {
        let path = folder.appendingPathComponent("read.tsv").path
        #expect(ReadMarksFile.save(ReadMarks([ReadMark(path: "/a.txt", url: nil)]), path: path) == nil)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aDamagedFileIsAWarningAndTheNextSaveReplacesIt() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("read.tsv")
        let header = "# byline read marks 1: read at (seconds since 1970), path, address\n"
        for damaged in ["{\"version\": 1}", header + "1700000000\t/a.txt\n", header + "soon\t/a.txt\t\n",
                        header + "1700000000\t\thttps://a.example/\n", "# byline read marks 9\n"] {
            try Data(damaged.utf8).write(to: file)
            let (marks, warning) = ReadMarksFile.load(path: file.path)
            #expect(!marks.contains(path: "/a.txt", url: nil))
            #expect(warning?.hasPrefix(file.path) == true)
            #expect(warning?.hasSuffix("unread marks start afresh") == true)
        }
        #expect(ReadMarksFile.save(marked([ReadMark(path: "/a.txt", url: nil)]), path: file.path) == nil)
        let reloaded = ReadMarksFile.load(path: file.path)
        #expect(reloaded.warning == nil && reloaded.marks.contains(path: "/a.txt", url: nil))
    }

    @Test func theOldestMarksGoPastTheLimit() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("read.tsv").path
        let old = (0..<ReadMarksFile.limit).map { ReadMark(path: "/old/\($0).txt", url: nil) }
        #expect(ReadMarksFile.save(marked(old), path: path, now: Date(timeIntervalSince1970: 1_000)) == nil)
        #expect(ReadMarksFile.save(marked([ReadMark(path: "/new.txt", url: nil)]), path: path,
                                   now: Date(timeIntervalSince1970: 2_000)) == nil)
        let loaded = ReadMarksFile.load(path: path).marks
        #expect(loaded.contains(path: "/new.txt", url: nil))
        #expect((0..<ReadMarksFile.limit).filter { loaded.contains(path: "/old/\($0).txt", url: nil) }.count == ReadMarksFile.limit - 1)
    }

    @Test func anUnwritableFolderIsAWarningNotACrash() {
        let warning = ReadMarksFile.save(marked([ReadMark(path: "/a.txt", url: nil)]),
                                         path: "/proc/byline-cannot-write-here/read.tsv")
        #expect(warning?.contains("cannot save unread marks") == true)
    }
}
