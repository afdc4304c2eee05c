import BylineCore
import BylineTestSupport
import Foundation
import Testing

@testable import BylineSources

/// A catalogued folder (what `byline update` writes) gives its files their metadata.
@Suite struct CatalogMetadataTests {
    @Test func anEntryRoundTripsThroughItsLine() {
        let entry = Catalog.Entry(file: "2011-12-02_bridge.txt", date: CivilDate(iso: "2011-12-02"), title: "Bridge \"reopens\"",
                                  url: "https://news.example/bridge", authors: ["Ann Lee", "Bo Chen"], site: "Harbour News",
                                  guid: "tag:news.example,2011:42", feed: "https://news.example/feed.xml", language: "en")
        let line = entry.jsonLine
        #expect(!line.contains("\n"))
        let parsed = Catalog.parse(line + "\n", folder: "/lib/harbour")
        #expect(parsed.warnings.isEmpty)
        #expect(parsed.entries["2011-12-02_bridge.txt"] == entry)
        // Absent fields are left out.
        #expect(Catalog.Entry(file: "a.txt").jsonLine == "{\"file\": \"a.txt\"}")
    }

    @Test func aSingleAuthorNameIsAListOfOne() {
        let parsed = Catalog.parse("{\"file\": \"a.txt\", \"author\": \"Ann Lee\"}\n", folder: "/x")
        #expect(parsed.entries["a.txt"]?.authors == ["Ann Lee"])
    }

    @Test func readingACataloguedFileCarriesItsMetadata() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("harbour/2011-12-01_bridge.txt", "Bridge reopens\n\n\"It is open,\" said Ann Lee on Thursday.\n")
        let entry = Catalog.Entry(file: "2011-12-01_bridge.txt", date: CivilDate(iso: "2011-12-02"), title: "Bridge reopens",
                                  url: "https://news.example/bridge", authors: ["Ann Lee"], site: "Harbour News",
                                  guid: "item-42", feed: "https://news.example/feed.xml", language: "en-GB")
        try folder.write("harbour/index.jsonl", "not json\n" + entry.jsonLine + "\n")
        let article = try #require(SourceReader.read(path: path).first)
        #expect(article.date == CivilDate(iso: "2011-12-02"))
        #expect(article.dateSource == .catalog)
        #expect(article.metadata.title == "Bridge reopens")
        #expect(article.metadata.url == "https://news.example/bridge")
        #expect(article.metadata.authors == ["Ann Lee"])
        #expect(article.metadata.site == "Harbour News")
        #expect(article.metadata.feedItemID == "item-42")
        #expect(article.metadata.feed == "https://news.example/feed.xml")
        #expect(article.metadata.language == "en-GB")
        // --date still comes first; the rest of the entry still applies.
        let overridden = try #require(SourceReader.read(path: path, dates: DateResolver(override: CivilDate(iso: "2020-01-01"))).first)
        #expect(overridden.date == CivilDate(iso: "2020-01-01"))
        #expect(overridden.metadata.site == "Harbour News")
    }

    @Test func aFileWithoutAnEntryKeepsItsOwnMetadata() throws {
        let folder = try TemporaryFolder()
        try folder.write("index.jsonl", Catalog.Entry(file: "other.txt", site: "Elsewhere").jsonLine + "\n")
        let path = try folder.write("2011-12-03_note.txt", "A note\n\nNothing more.\n")
        let article = try #require(SourceReader.read(path: path).first)
        #expect(article.metadata.site == nil)
        #expect(article.date == CivilDate(iso: "2011-12-03"))
        #expect(article.dateSource == .fileName)
    }
}
