import BylineTestSupport
import Foundation
import Testing

/// `byline feeds` and `byline update` through the built binary, with every XDG folder (and
/// HOME) in a temporary folder: the tests never touch the real home.
@Suite final class FeedsCommandTests {
    let temporary: TemporaryFolder
    let folder: URL
    let environment: [String: String]

    init() throws {
        temporary = try TemporaryFolder()
        folder = temporary.url
        environment = temporary.isolatedEnvironment
    }

    private func byline(_ arguments: String...) throws -> BylineProcess.Output {
        try BylineProcess.run(arguments, environment: environment, in: folder, timeout: 60)
    }

    @Test func addListRemoveImportExport() throws {
        var result = try byline("feeds", "add", "https://harbour.example/feed.xml", "--name", "Harbour News")
        #expect(result.status == 0)
        #expect(result.stdout == "added Harbour News (https://harbour.example/feed.xml)\n")
        #expect(try byline("feeds", "add", "http://127.0.0.1:8080/atom").status == 0)
        result = try byline("feeds", "add", "https://harbour.example/feed.xml")
        #expect(result.status == 1)
        #expect(result.stderr == "byline: https://harbour.example/feed.xml is already in the list of feeds\n")
        result = try byline("feeds", "add", "ftp://harbour.example/feed.xml")
        #expect(result.status == 1)
        #expect(result.stderr.contains("only http and https"))

        let list = try String(contentsOfFile: folder.path + "/config/byline/feeds", encoding: .utf8)
        #expect(list.hasSuffix("https://harbour.example/feed.xml Harbour News\nhttp://127.0.0.1:8080/atom\n"))

        result = try byline("feeds", "list")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("NAME"))
        #expect(lines[1].hasPrefix("Harbour News") && lines[1].contains("never") && lines[1].contains("https://harbour.example/feed.xml"))
        result = try byline("feeds", "list", "--format", "jsonl")
        #expect(result.stdout.split(separator: "\n").first
                == "{\"name\": \"Harbour News\", \"url\": \"https://harbour.example/feed.xml\", \"title\": null, \"folder\": null, \"articles\": 0, \"last_update\": null, \"last_error\": null}")

        let exported = try byline("feeds", "export")
        #expect(exported.status == 0)
        #expect(exported.stdout.contains("xmlUrl=\"https://harbour.example/feed.xml\""))
        let opml = folder.appendingPathComponent("feeds.opml")
        try exported.stdout.write(to: opml, atomically: true, encoding: .utf8)

        result = try byline("feeds", "remove", "harbour news")
        #expect(result.status == 0)
        #expect(result.stdout == "removed Harbour News (https://harbour.example/feed.xml)\n")
        result = try byline("feeds", "remove", "Nowhere")
        #expect(result.status == 1)
        #expect(result.stderr == "byline: no feed has the address or name \"Nowhere\" (see byline feeds list)\n")

        result = try byline("feeds", "import", opml.path)
        #expect(result.status == 0)
        #expect(result.stdout == "imported 1 feed from \(opml.path); 1 already in the list\n")
        #expect(try byline("feeds", "list", "--format", "jsonl").stdout.split(separator: "\n").count == 2)
        // The export of the list after the round trip names the same feeds.
        #expect(try byline("feeds", "export").stdout.split(separator: "\n").filter { $0.contains("xmlUrl") }.count == 2)
    }

    @Test func importRefusesWhatIsNotOPML() throws {
        let file = folder.appendingPathComponent("notes.opml")
        try "just some notes".write(to: file, atomically: true, encoding: .utf8)
        let result = try byline("feeds", "import", file.path)
        #expect(result.status == 1)
        #expect(result.stderr == "byline: \(file.path): not an OPML file (it is not well-formed XML)\n")
        #expect(try byline("feeds", "import", folder.path + "/missing.opml").status == 1)
    }

    @Test func updateWithNoFeedsSaysHowToAddOne() throws {
        let result = try byline("update")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("byline: no feeds to update: add one with byline feeds add URL"))
    }

    @Test func updateWhenEveryFeedFailsNamesThemAndExitsOne() throws {
        let port = try closedPort()
        #expect(try byline("feeds", "add", "http://127.0.0.1:\(port)/feed.xml", "--name", "Gone Gazette").status == 0)
        let result = try byline("update", "--timeout", "3")
        #expect(result.status == 1)
        #expect(result.stderr.contains("byline: warning: Gone Gazette: connection refused by 127.0.0.1:\(port)"))
        #expect(result.stdout.contains("0 new items from 0 of 1 feeds; failed: Gone Gazette"))
        let list = try byline("feeds", "list")
        #expect(list.stdout.contains("connection refused by 127.0.0.1:\(port)"))
    }

    @Test func aTimeoutMustBeSeconds() throws {
        let result = try byline("update", "--timeout", "0")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--timeout must be a number of seconds"))
    }

    /// A port on 127.0.0.1 where nothing listens: bound, then closed.
    private func closedPort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        #expect(bound)
        return UInt16(bigEndian: address.sin_port)
    }
}
