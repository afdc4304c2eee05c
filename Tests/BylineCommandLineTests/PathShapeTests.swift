import Foundation
import Testing

/// PATHs as people type them, and folders with symbolic links: every command finishes promptly
/// and lists each article once.
///
/// The library:
/// ```
/// ROOT/
///   other/c.txt
///   other/back -> ROOT               a link to an ancestor, met through another link
///   Lib é x/a.txt                    a folder whose name has a space and an accent
///   Lib é x/sub/b.txt
///   Lib é x/sub/up -> ..             a link to `..`
///   Lib é x/linked -> ../other       a linked folder: its article is read, once
///   Lib é x/root -> ROOT             a link to an ancestor that holds other links
/// ```
@Suite final class PathShapeTests {
    let root: URL
    let library: URL

    init() throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("byline-paths-\(UUID().uuidString)")
        library = root.appendingPathComponent("Lib é x")
        try fm.createDirectory(at: library.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("other"), withIntermediateDirectories: true)
        for (path, speaker) in [("Lib é x/a.txt", "Ann Lee"), ("Lib é x/sub/b.txt", "Bo Park"), ("other/c.txt", "Cy Moss")] {
            let article = "Story by \(speaker)\n\n\"We will finish the bridge,\" \(speaker) said on Monday.\n"
            try Data(article.utf8).write(to: root.appendingPathComponent(path))
        }
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("other/back").path, withDestinationPath: root.path)
        try fm.createSymbolicLink(atPath: library.appendingPathComponent("sub/up").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: library.appendingPathComponent("linked").path, withDestinationPath: "../other")
        try fm.createSymbolicLink(atPath: library.appendingPathComponent("root").path, withDestinationPath: root.path)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The speakers quoted in `quotes --format jsonl` output, one per quotation.
    private func quotedSpeakers(_ output: String) throws -> [String] {
        try output.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(object["speaker"] as? String)
        }.sorted()
    }

    /// (PATH, folder to run in, the speakers of the articles it holds)
    private var cases: [(path: String, directory: URL, speakers: [String])] {
        [
            (".", library, ["Ann Lee", "Bo Park", "Cy Moss"]),
            ("./a.txt", library, ["Ann Lee"]),
            ("./sub/b.txt", library, ["Bo Park"]),
            ("sub/", library, ["Bo Park"]),
            ("../Lib é x", library, ["Ann Lee", "Bo Park", "Cy Moss"]),
            ("../linked", library.appendingPathComponent("sub"), ["Cy Moss"]),
            ("../../other", library.appendingPathComponent("sub"), ["Cy Moss"]),
            ("Lib é x/", root, ["Ann Lee", "Bo Park", "Cy Moss"]),
            ("Lib é x/linked", root, ["Cy Moss"]),
        ]
    }

    @Test func quotesListsEachArticleOnceForEveryShapeOfPath() throws {
        for (path, directory, speakers) in cases {
            for extra in [[], ["--index", root.appendingPathComponent("index.sqlite").path]] {
                let result = try BylineProcess.run(["quotes", "--format", "jsonl"] + extra + [path], in: directory, timeout: 60)
                #expect(result.status == 0, "quotes \(path) \(extra): \(result.stderr)")
                #expect(try quotedSpeakers(result.stdout) == speakers, "quotes \(path) \(extra)")
            }
        }
    }

    @Test func speakersAndTimelineFinishWithEachArticleOnce() throws {
        for (path, directory, speakers) in cases {
            let listed = try BylineProcess.run(["speakers", "--format", "jsonl", path], in: directory, timeout: 60)
            #expect(listed.status == 0, "speakers \(path): \(listed.stderr)")
            let records = try listed.stdout.split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
            let quoted = records.filter { ($0["quotes"] as? Int ?? 0) > 0 }
            #expect(quoted.compactMap { $0["name"] as? String }.sorted() == speakers, "speakers \(path)")
            #expect(quoted.allSatisfy { $0["quotes"] as? Int == 1 }, "speakers \(path)")

            let timeline = try BylineProcess.run(["timeline", "--format", "jsonl", "--date", "2020-01-08", path],
                                                 in: directory, timeout: 60)
            #expect(timeline.status == 0, "timeline \(path): \(timeline.stderr)")
            let mondays = timeline.stdout.split(separator: "\n").filter { $0.contains("\"Monday\"") }
            #expect(mondays.count == speakers.count, "timeline \(path)")
        }
    }

    @Test func theReaderPrintsALinkedLibraryWhenNotOnATerminal() throws {
        // Without a terminal, `byline PATH` prints the articles: each once.
        let result = try BylineProcess.run(["."], in: library, timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        for headline in ["Story by Ann Lee", "Story by Bo Park", "Story by Cy Moss"] {
            #expect(result.stdout.components(separatedBy: headline).count - 1 == 1, "\(headline)")
        }
    }
}

/// The commands give the same records whether they analyse the files now or read the library
/// index: one record source, one writer per format.
@Suite final class PipelineEqualityTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-pipeline-\(UUID().uuidString)")
        let library = folder.appendingPathComponent("library")
        try FileManager.default.createDirectory(at: library.appendingPathComponent("more"), withIntermediateDirectories: true)
        let seed = try Data(contentsOf: URL(fileURLWithPath: BylineProcess.packageRoot + "/seeds/000_32905e9c967a98d8.txt"))
        try seed.write(to: library.appendingPathComponent("2011-12-02_seed.txt"))
        let stories = [
            ("more/2020-03-04_bridge.txt", "Bridge opens\n\n\"We finished early,\" said Ann Lee, the city engineer, on Tuesday. Lee added that the toll starts next month.\n\n\"It is a good day,\" Mayor Bo Park told reporters.\n"),
            ("more/2020-03-05_rain.txt", "Rain ahead\n\nForecasters expect rain this week. \"Bring an umbrella,\" Ann Lee said on Thursday.\n"),
            ("more/page.html", "<html><head><title>Harbour news</title><meta property=\"article:published_time\" content=\"2020-03-06T09:00:00Z\"></head><body><article><p>\"The harbour reopens on Monday,\" said Cy Moss.</p></article></body></html>"),
        ]
        for (name, text) in stories { try Data(text.utf8).write(to: library.appendingPathComponent(name)) }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    private func lines(_ arguments: [String]) throws -> [String] {
        let result = try BylineProcess.run(arguments, in: folder, timeout: 120)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func quotesSpeakersAndTimelineAgreeWithAndWithoutAnIndex() throws {
        let index = ["--index", folder.appendingPathComponent("library.sqlite").path]
        for command in [["quotes", "--explain"], ["speakers"], ["timeline"]] {
            let fresh = try lines(command + ["--format", "jsonl", "library"])
            let indexed = try lines(command + ["--format", "jsonl"] + index + ["library"])
            #expect(fresh.count > 3, "\(command)")
            if command[0] == "quotes" {
                // Both list articles by path and quotations in text order.
                #expect(indexed == fresh, "\(command)")
            } else {
                // Speakers are ordered by appearance or by the library's counts, and the library
                // timeline interleaves articles: the same records, in another order.
                #expect(indexed.sorted() == fresh.sorted(), "\(command)")
            }
        }
    }
}
