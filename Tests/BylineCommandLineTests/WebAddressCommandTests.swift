import BylineTestSupport
import FlyingFox
import Foundation
import Testing

/// Web addresses as PATHs through the built binary, fetched from a real HTTP server on
/// loopback: the seed served as a web page gives the plain file's quotations and speakers, a
/// missing page is a clear error, and an index refuses addresses with a message.
@Suite struct WebAddressCommandTests {
    /// The seed's text as a plain web page: its headline in <h1>, each paragraph in <p>.
    static func seedPage() throws -> String {
        let text = try String(contentsOfFile: BylineProcess.packageRoot + "/seeds/000_32905e9c967a98d8.txt", encoding: .utf8)
        var paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        let headline = paragraphs.removeFirst()
        func escaped(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(escaped(headline))</title>
            <meta property="article:published_time" content="2011-12-02T09:00:00Z"></head>
            <body><article><h1>\(escaped(headline))</h1>
            \(paragraphs.map { "<p>\(escaped($0))</p>" }.joined(separator: "\n"))
            </article></body></html>
            """
    }

    /// `speaker` of each JSON line, in order.
    static func speakers(_ jsonl: String) throws -> [String?] {
        try jsonl.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return object["speaker"] as? String
        }
    }

    @Test func theSeedServedAsAPageGivesThePlainFilesQuotations() async throws {
        let page = try Self.seedPage()
        let server = try await LoopbackServer.start([
            ("/story", { _ in HTTPResponse(.ok, page, headers: [("Content-Type", "text/html; charset=utf-8")]) }),
        ])
        defer { Task { await server.stop() } }
        let address = server.url("/story")

        let fromWeb = try await offPool { try BylineProcess.run(["quotes", "--format", "jsonl", address], timeout: 60) }
        #expect(fromWeb.status == 0, "\(fromWeb.stderr)")
        let fromFile = try BylineProcess.run(["quotes", "--format", "jsonl", "seeds"])
        let lines = fromWeb.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"article\": \"\(address)\"") })
        #expect(try Self.speakers(fromWeb.stdout) == Self.speakers(fromFile.stdout))

        // The page's date dates the timeline, with no --date.
        let timeline = try await offPool { try BylineProcess.run(["timeline", "--format", "jsonl", address], timeout: 60) }
        #expect(timeline.status == 0)
        #expect(timeline.stdout.contains("\"value\": \"2011-11-15\""), "Nov. 15 is placed in 2011")

        // An index keeps files only, and is not even created for an address.
        let index = FileManager.default.temporaryDirectory.path + "/byline-never-written-\(UUID().uuidString).sqlite"
        let indexed = try await offPool { try BylineProcess.run(["quotes", "--index", index, address], timeout: 60) }
        #expect(indexed.status != 0)
        #expect(indexed.stderr.contains("cannot go into an index"))
        #expect(!FileManager.default.fileExists(atPath: index))
    }

    @Test func aMissingPageIsAClearError() async throws {
        let server = try await LoopbackServer.start([])
        defer { Task { await server.stop() } }
        let address = server.url("/gone")
        let result = try await offPool { try BylineProcess.run(["quotes", address], timeout: 60) }
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(address) && result.stderr.contains("404"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }
}
