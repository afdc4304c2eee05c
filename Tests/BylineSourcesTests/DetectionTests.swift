import BylineCore
import BylineTestSupport
import Foundation
import Testing

@testable import BylineSources

/// The kind of a document comes from its content; the name and the HTTP type only decide what
/// the content leaves open.
@Suite struct DetectionTests {
    private func format(_ text: String, name: String = "x", type: String? = nil) throws -> SourceFormat {
        try SourceDetection.format(of: Data(text.utf8), name: name, contentType: type)
    }

    @Test func feedsArePickedOutByTheirRootElementWhateverTheName() throws {
        #expect(try format("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>", name: "news.txt") == .rss)
        #expect(try format("<?xml version='1.0'?><!-- a comment --><rdf:RDF xmlns:rdf=\"x\"/>") == .rss)
        #expect(try format("\u{FEFF}  <feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", name: "feed") == .atom)
        #expect(try format("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", name: "f.json") == .jsonfeed)
    }

    @Test func aJSONFeedIsToldByItsVersionWithoutParsingItWhole() throws {
        // Escaped slashes, as some writers emit them; the rest of the file is not valid JSON,
        // which only a full parse would notice (reading it then reports it).
        #expect(try format("{\"version\" : \"https:\\/\\/jsonfeed.org\\/version\\/1\", \"items\": [", name: "f") == .jsonfeed)
        // The URL elsewhere is not a version.
        let package = "{\"version\": \"1.0.0\", \"description\": \"see https://jsonfeed.org/version/1.1\"}"
        #expect(throws: ReadError.notAnArticle("p.json", kind: "a JSON file that is not a JSON Feed")) { try format(package, name: "p.json") }
    }

    @Test func utf16MarkupIsToldByItsContentToo() throws {
        let feed = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel/></rss>"
        let page = "<html><body><p>Caf\u{E9}</p></body></html>"
        #expect(try SourceDetection.format(of: Data([0xFF, 0xFE]) + feed.data(using: .utf16LittleEndian)!, name: "f.txt") == .rss)
        #expect(try SourceDetection.format(of: Data([0xFE, 0xFF]) + feed.data(using: .utf16BigEndian)!, name: "f") == .rss)
        // No BOM: `<` beside a NUL byte.
        #expect(try SourceDetection.format(of: page.data(using: .utf16LittleEndian)!, name: "p") == .html)
        #expect(try SourceDetection.format(of: page.data(using: .utf16BigEndian)!, name: "p") == .html)
    }

    @Test func pagesAreHTMLWhateverTheNameOrType() throws {
        #expect(try format("<!DOCTYPE html><html><body><p>Hi</p></body></html>", name: "page.txt", type: "text/plain") == .html)
        #expect(try format("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"></html>") == .html)
        #expect(try format("<p>Just a fragment</p>") == .html)
        #expect(try format("Served as a page", type: "text/html; charset=utf-8") == .html)
    }

    @Test func markdownByNameTypeOrFrontMatterElsePlainText() throws {
        #expect(try format("# Title\n\nBody", name: "a.md") == .markdown)
        #expect(try format("Title\n\nBody", type: "text/markdown") == .markdown)
        #expect(try format("---\ntitle: A\n---\nBody", name: "a.txt") == .markdown)
        #expect(try format("+++\ntitle = \"A\"\n+++\nBody", name: "notes") == .markdown)
        #expect(try format("Title\n\nBody", name: "a.txt") == .text)
        #expect(try format("--- not front matter", name: "a.txt") == .text)
    }

    @Test func documentsThatAreNotArticlesAreNamed() throws {
        #expect(throws: ReadError.notAnArticle("x", kind: "a PDF document")) { try format("%PDF-1.7\n...") }
        #expect(throws: ReadError.notAnArticle("x", kind: "a JSON file that is not a JSON Feed")) { try format("{\"a\": 1}") }
        #expect(throws: ReadError.self) { try format("<?xml version=\"1.0\"?><urlset><url/></urlset>") }
        #expect(throws: ReadError.self) { try format("GIF89a....", type: "image/gif") }
        #expect(throws: ReadError.self) { try format("whatever", type: "image/png") }
    }

    @Test func theCharsetOfAContentType() {
        #expect(SourceDetection.charset(ofContentType: "text/html; charset=\"Shift_JIS\"") == "Shift_JIS")
        #expect(SourceDetection.charset(ofContentType: "text/html;charset=windows-1252") == "windows-1252")
        #expect(SourceDetection.charset(ofContentType: "text/html") == nil)
    }
}

@Suite struct GzipTests {
    @Test func compressedFilesAreReadAsWhatTheyHold() throws {
        let folder = try TemporaryFolder()
        let page = "<html><head><title>Bridge opens</title></head><body><p>\"It is done,\" said Ann Lee.</p></body></html>"
        let path = try folder.write("page.html.gz", gzipped(Data(page.utf8)))
        let articles = try SourceReader.read(path: path)
        #expect(articles.count == 1)
        #expect(articles[0].text == "Bridge opens\n\n\"It is done,\" said Ann Lee.")
        #expect(articles[0].metadata.format == .html)
    }

    @Test func aGzipBombIsRefusedAtTheCap() throws {
        // 80 MB of zeros compress to some 80 KB.
        let bomb = gzipped(Data(count: 80 * 1_048_576), level: 9)
        #expect(bomb.count < 200_000)
        #expect(throws: Gzip.Failure.tooLarge(limit: 1_048_576)) { try Gzip.decompress(bomb, limit: 1_048_576) }
        #expect(throws: ReadError.self) { try SourceReader.read(bomb, source: "bomb.txt.gz") }
    }

    @Test func truncatedAndDamagedDataAreErrors() throws {
        let whole = gzipped(Data(String(repeating: "Some words of an article. ", count: 400).utf8))
        #expect(throws: Gzip.Failure.self) { try Gzip.decompress(whole.prefix(whole.count / 2), limit: 1 << 20) }
        var damaged = whole
        damaged[20] ^= 0xFF
        damaged[21] ^= 0xFF
        #expect(throws: Gzip.Failure.self) { try Gzip.decompress(damaged, limit: 1 << 20) }
    }
}

@Suite struct HTMLBlocksTests {
    @Test func theStructureOfAFragmentIsKept() {
        let html = """
            <h2>Sub&shy;heading</h2><p>One &amp; two<br>three &eacute;</p>
            <ul><li>First <b>item</b></li><li>Second</li></ul>
            <blockquote><p>Quoted words</p></blockquote>
            <p>She said <q>no <q>never</q></q> twice.</p>
            <script>var x = "<p>not text</p>";</script><style>p { color: red }</style>
            <table><tr><td>Cell</td></tr></table>
            """
        let blocks = HTMLBlocks.blocks(fromFragment: html)
        #expect(blocks == [
            TextBlock(kind: .heading(level: 2), text: "Subheading"),
            TextBlock(kind: .paragraph, text: "One & two\nthree \u{E9}"),
            TextBlock(kind: .listItem, text: "First item"),
            TextBlock(kind: .listItem, text: "Second"),
            TextBlock(kind: .quotation, text: "Quoted words"),
            TextBlock(kind: .paragraph, text: "She said \u{201C}no \u{2018}never\u{2019}\u{201D} twice."),
            TextBlock(kind: .tableCell, text: "Cell"),
        ])
    }
}
