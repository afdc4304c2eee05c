import BylineCore
import BylineTestSupport
import Foundation
import Testing

@testable import BylineSources

/// The instant of publication, where a source gives a time: kept beside the date as written,
/// through `byline update`'s catalog and back. Invented feeds and pages.
@Suite struct PublishedTimeTests {
    private func read(_ text: String, _ source: String) throws -> [Article] {
        try SourceReader.read(Data(text.utf8), source: source)
    }

    private static let rss = """
        <?xml version="1.0"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Lake Post</title>
        <item><title>Pier closes</title><guid>lake-1</guid><link>https://lake.example/pier</link>
          <pubDate>Mon, 04 Mar 2024 23:30:00 -0500</pubDate><description>The pier closed for repairs.</description></item>
        <item><title>Dock opens</title><guid>lake-2</guid><dc:date>2024-03-06T08:15:00+01:00</dc:date>
          <description>The dock opened at dawn.</description></item>
        <item><title>Market day</title><guid>lake-3</guid><pubDate>Wed, 06 Mar 2024</pubDate>
          <description>Stalls filled the square.</description></item>
        </channel></rss>
        """

    @Test func rssPubDateAndDublinCoreDateGiveTheInstant() throws {
        let items = try read(Self.rss, "lake.rss")
        #expect(items.map { $0.date?.iso } == ["2024-03-04", "2024-03-06", "2024-03-06"])
        #expect(items.map(\.metadata.published) == ["2024-03-05T04:30:00Z", "2024-03-06T07:15:00Z", nil])
    }

    @Test func atomAndJSONFeedGiveTheInstant() throws {
        let atom = try read("""
            <?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Hill News</title>
            <entry><id>hill-1</id><title>Road reopens</title><updated>2024-03-07T12:00:00Z</updated>
              <published>2024-03-07T09:00:00-03:00</published><content>The road reopened.</content></entry>
            <entry><id>hill-2</id><title>Snow due</title><updated>2024-03-08T06:45:00Z</updated>
              <content>Snow is due tonight.</content></entry>
            </feed>
            """, "hill.atom")
        #expect(atom.map(\.metadata.published) == ["2024-03-07T12:00:00Z", "2024-03-08T06:45:00Z"])
        let json = try read("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "Vale Daily", "items": [
              {"id": "v1", "title": "Mill sold", "content_text": "The mill was sold.", "date_published": "2024-03-09T18:20:00+02:00"}
            ]}
            """, "vale.json")
        #expect(json.map(\.metadata.published) == ["2024-03-09T16:20:00Z"])
        #expect(json.map { $0.date?.iso } == ["2024-03-09"])
    }

    @Test func pageMetadataAndFrontMatterGiveTheInstant() throws {
        let page = try read("""
            <html><head><title>Tower repaired</title>
            <meta property="article:published_time" content="2024-03-10T21:00:00-08:00"></head>
            <body><article><h1>Tower repaired</h1><p>The clock tower was repaired after a long winter of work on its bells.</p>
            <p>Crews worked through the night to finish before the spring fair opened its gates.</p></article></body></html>
            """, "tower.html")
        #expect(page.first?.date?.iso == "2024-03-10")
        #expect(page.first?.metadata.published == "2024-03-11T05:00:00Z")
        let timed = try read("""
            <html><head><title>Bell rings</title></head><body><article><h1>Bell rings</h1>
            <p><time datetime="2024-03-12T07:05:00Z">12 March</time></p>
            <p>The bell rang again for the first time since the repairs were finished last week.</p></article></body></html>
            """, "bell.html")
        #expect(timed.first?.metadata.published == "2024-03-12T07:05:00Z")
        let dateOnly = try read("""
            <html><head><title>Fair opens</title><meta property="article:published_time" content="2024-03-13"></head>
            <body><article><h1>Fair opens</h1><p>The spring fair opened with more stalls than any year before it.</p></article></body></html>
            """, "fair.html")
        #expect(dateOnly.first?.date?.iso == "2024-03-13")
        #expect(dateOnly.first?.metadata.published == nil)

        let markdown = try read("---\ntitle: Ferry late\ndate: 2024-03-14 16:40:00 +01:00\n---\n\nThe ferry was late again.\n", "ferry.md")
        #expect(markdown.first?.date?.iso == "2024-03-14")
        #expect(markdown.first?.metadata.published == "2024-03-14T15:40:00Z")
    }

    @Test func aStoredItemKeepsItsInstantThroughTheCatalog() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.path + "/lake-post"
        let library = try FeedFolder(path: path, feed: "https://lake.example/rss")
        let items = try read(Self.rss, "lake.rss")
        let today = CivilDate(iso: "2024-03-20")!
        var names: [String] = []
        for item in items { names.append(try library.store(item, today: today)) }

        let catalog = try #require(Catalog.load(folder: path))
        #expect(catalog.warnings.isEmpty)
        #expect(catalog.entries[names[0]]?.published == "2024-03-05T04:30:00Z")
        #expect(catalog.entries[names[0]]?.date == CivilDate(iso: "2024-03-04"))
        #expect(catalog.entries[names[2]]?.published == nil)
        let lines = try String(contentsOfFile: path + "/index.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines[0].hasSuffix(", \"published\": \"2024-03-05T04:30:00Z\"}"))
        #expect(!lines[2].contains("published"))

        // Read back as any article is: the stored text file carries the instant.
        let stored = try #require(SourceReader.read(path: path + "/" + names[0]).first)
        #expect(stored.metadata.published == "2024-03-05T04:30:00Z")
        #expect(stored.date == CivilDate(iso: "2024-03-04"))
        #expect(stored.dateSource == .catalog)
        #expect(try SourceReader.read(path: path + "/" + names[2]).first?.metadata.published == nil)
        // --date dates it anew: the feed's instant no longer applies.
        let redated = try #require(SourceReader.read(path: path + "/" + names[0], dates: DateResolver(override: today)).first)
        #expect(redated.date == today)
        #expect(redated.metadata.published == nil)
    }

    /// The canonical form and the seconds it names are one another's inverse, across days and
    /// before 1970; anything else names no instant.
    @Test func theCanonicalInstantReadsBackAsItsSeconds() throws {
        let day = try #require(CivilDate(iso: "2024-03-05"))
        for seconds in [0, 59, 3_600 * 15 + 61, -1, 86_400 + 7, -86_400 * 400 + 5] {
            let text = PublishedTime.canonical(day: day, seconds: seconds)
            #expect(PublishedTime.secondsSince1970(text) == day.dayNumber * 86_400 + seconds, "\(text)")
        }
        #expect(PublishedTime.secondsSince1970("2024-03-05T15:00:00+01:00") == nil)
        #expect(PublishedTime.secondsSince1970("2024-02-30T15:00:00Z") == nil)
    }

    @Test func anUnreadableInstantInACatalogIsSkippedWithAWarning() {
        let parsed = Catalog.parse("""
            {"file": "a.txt", "date": "2024-03-04", "published": "2024-03-04 23:30 EST"}
            {"file": "b.txt", "date": "2024-03-04", "published": 17}
            {"file": "c.txt", "date": "2024-03-04", "published": "2024-03-05T04:30:00Z"}
            """, folder: "/lib/lake")
        #expect(parsed.entries["a.txt"]?.published == nil)
        #expect(parsed.entries["a.txt"]?.date == CivilDate(iso: "2024-03-04"))
        #expect(parsed.entries["b.txt"]?.published == nil)
        #expect(parsed.entries["c.txt"]?.published == "2024-03-05T04:30:00Z")
        #expect(parsed.warnings == [
            "/lib/lake/index.jsonl:1: published \"2024-03-04 23:30 EST\" is not YYYY-MM-DDTHH:MM:SSZ",
            "/lib/lake/index.jsonl:2: published \"17\" is not YYYY-MM-DDTHH:MM:SSZ",
        ])
    }
}
