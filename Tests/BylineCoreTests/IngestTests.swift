import Foundation
import Testing

@testable import BylineCore

/// Reading files: bad input gets a clear error, never a crash or a hang.
@Suite final class IngestTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    private func write(_ name: String, _ data: Data) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url.path
    }

    @Test func emptyAndBlankFilesAreRefused() throws {
        let empty = try write("empty.txt", Data())
        #expect(throws: ReadError.empty(empty)) { try ArticleReader.read(path: empty) }
        let blank = try write("blank.txt", Data(" \n\t\r\n\n".utf8))
        #expect(throws: ReadError.empty(blank)) { try ArticleReader.read(path: blank) }
    }

    @Test func binaryFileIsRefused() throws {
        var bytes = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        bytes.append(contentsOf: (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let path = try write("picture.txt", bytes)
        #expect(throws: ReadError.binary(path)) { try ArticleReader.read(path: path) }
        #expect(ReadError.binary(path).description.contains("binary"))
    }

    @Test func pipesAndDevicesAreRefusedWithoutBeingOpened() throws {
        // Opening a pipe with no writer would block: it must be refused before any read.
        let pipe = folder.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(pipe, 0o600) == 0)
        #expect(throws: ReadError.notAFile(pipe, kind: "a pipe or other special file")) {
            try ArticleReader.read(path: pipe)
        }
        #expect(throws: ReadError.notAFile("/dev/null", kind: "a device")) { try ArticleReader.read(path: "/dev/null") }
        #expect(ReadError.notAFile("/dev/null", kind: "a device").description == "/dev/null: this is a device, not an article file")
        // A link to an article is read as the article.
        let target = try write("real.txt", Data("Headline\n\nText.".utf8))
        let link = folder.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try ArticleReader.read(path: link).headlineText == "Headline")
    }

    @Test func invalidUTF8BecomesReplacementCharactersWithAWarning() throws {
        var bytes = Data("Headline\n\nA caf".utf8)
        bytes.append(contentsOf: [0xE9, 0x20, 0xFF])  // Latin-1 é, a space, a stray byte
        bytes.append(contentsOf: Data(" opened.".utf8))
        let path = try write("latin1.txt", bytes)
        let article = try ArticleReader.read(path: path)
        #expect(article.text == "Headline\n\nA caf\u{FFFD} \u{FFFD} opened.")
        #expect(article.warnings.count == 1)
        #expect(article.warnings[0].contains("2 invalid UTF-8"))
    }

    @Test func missingFileAndFolderWithoutArticles() throws {
        let missing = folder.appendingPathComponent("nope.txt").path
        #expect(throws: ReadError.notFound(missing)) { try ArticleReader.read(path: missing) }
        let emptyFolder = folder.appendingPathComponent("nothing")
        try FileManager.default.createDirectory(at: emptyFolder, withIntermediateDirectories: true)
        _ = try write("nothing/notes.pdf", Data("x".utf8))
        #expect(throws: ReadError.noArticles(emptyFolder.path)) { try ArticleFinder.files(in: [emptyFolder.path]) }
        #expect(!ArticleFinder.containsArticles(in: emptyFolder.path))
        _ = try write("nothing/deep/er/story.txt", Data("S\n\ns".utf8))
        #expect(ArticleFinder.containsArticles(in: emptyFolder.path))
    }

    @Test func foldersAreReadRecursivelyInOrderSkippingHiddenFilesAndCatalogs() throws {
        _ = try write("lib/b.txt", Data("B\n\nb".utf8))
        _ = try write("lib/sub/a.md", Data("A\n\na".utf8))
        _ = try write("lib/.hidden.txt", Data("H\n\nh".utf8))
        _ = try write("lib/index.jsonl", Data("{\"file\": \"b.txt\", \"date\": \"2020-01-02\"}\n".utf8))
        let files = try ArticleFinder.files(in: [folder.appendingPathComponent("lib").path])
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["b.txt", "a.md"])
    }

    @Test func publicationDateFromCatalogFileNameOrOverride() throws {
        let cataloged = try write("lib/b.txt", Data("B\n\nb".utf8))
        _ = try write("lib/index.jsonl", Data("not json\n{\"file\": \"b.txt\", \"date\": \"2020-01-02\"}\n".utf8))
        let named = try write("lib/2019-05-06_story.txt", Data("S\n\ns".utf8))
        let a = try ArticleReader.read(path: cataloged)
        #expect(a.date?.iso == "2020-01-02")
        #expect(a.dateSource == .catalog)
        let b = try ArticleReader.read(path: named)
        #expect(b.date?.iso == "2019-05-06")
        #expect(b.dateSource == .fileName)
        let c = try ArticleReader.read(path: cataloged, dates: DateResolver(override: CivilDate(iso: "2001-09-11")))
        #expect(c.date?.iso == "2001-09-11")
        #expect(c.dateSource == .override)
        let catalog = try #require(Catalog.load(folder: folder.appendingPathComponent("lib").path))
        #expect(catalog.warnings.count == 1)
    }

    @Test func aFiveMegabyteFileIsReadWhole() throws {
        var text = "A very long article\n\n"
        let paragraph = "\"We will not stop,\" said Jane Roe, a spokeswoman, on Monday. The talks went on for 48 hours.\n\n"
        while text.utf8.count < 5 * 1_048_576 { text += paragraph }
        let path = try write("big.txt", Data(text.utf8))
        let article = try ArticleReader.read(path: path)
        #expect(article.scalars.count == text.unicodeScalars.count)
        #expect(article.bodyParagraphs.count > 50_000)
        #expect(article.sentences.count > 100_000)
    }

    @Test func articleFilesAreNeverWritten() throws {
        let path = try write("keep.txt", Data("Keep\n\n\"Fine,\" she said.".utf8))
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        _ = Analyzer.analyze(try ArticleReader.read(path: path))
        let after = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(before == after)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("Keep\n\n\"Fine,\" she said.".utf8))
    }
}
