import BylineCore
import BylineTestSupport
import Foundation
import Testing

@testable import BylineSources

/// The list of feeds, OPML in and out, and the library folders `byline update` writes.
@Suite struct FeedListTests {
    @Test func addListRemoveKeepTheUsersOwnLines() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("config/feeds", """
            # my feeds
            https://harbour.example/feed.xml Harbour News

            # a comment the user wrote
            gopher://old.example/news
            """)
        var list = try FeedList.load(path: path)
        #expect(list.subscriptions == [Subscription(url: "https://harbour.example/feed.xml", name: "Harbour News")])
        #expect(list.warnings == ["\(path):5: only http and https addresses can be fetched, not gopher:; the line is skipped"])
        try list.add(Subscription(url: "http://127.0.0.1:8080/atom", name: "City Desk Daily"))
        try list.add(Subscription(url: "https://valley.example/rss"))
        #expect(throws: SubscriptionError.alreadySubscribed("https://valley.example/rss")) {
            try list.add(Subscription(url: "https://valley.example/rss", name: "Valley"))
        }
        #expect(throws: SubscriptionError.nameTaken("harbour news", by: "https://harbour.example/feed.xml")) {
            try list.add(Subscription(url: "https://other.example/rss", name: "harbour news"))
        }
        #expect(throws: SubscriptionError.self) { try list.add(Subscription(url: "file:///etc/hostname")) }
        #expect(throws: SubscriptionError.self) { try list.add(Subscription(url: "https://a.example/x", name: "https://b.example/")) }
        try list.save()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == """
            # my feeds
            https://harbour.example/feed.xml Harbour News

            # a comment the user wrote
            gopher://old.example/news
            http://127.0.0.1:8080/atom City Desk Daily
            https://valley.example/rss

            """)
        var again = try FeedList.load(path: path)
        #expect(again.subscriptions.map(\.name) == ["Harbour News", "City Desk Daily", nil])
        // By name, whatever its case, or by address; only that line goes.
        #expect(try again.remove("HARBOUR news").url == "https://harbour.example/feed.xml")
        #expect(try again.remove("https://valley.example/rss").name == nil)
        #expect(throws: SubscriptionError.notSubscribed("Nowhere")) { try again.remove("Nowhere") }
        try again.save()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == """
            # my feeds

            # a comment the user wrote
            gopher://old.example/news
            http://127.0.0.1:8080/atom City Desk Daily

            """)
    }

    @Test func aMissingListIsEmptyAndANewOneGetsAHeader() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.path + "/config/byline/feeds"
        var list = try FeedList.load(path: path)
        #expect(list.subscriptions.isEmpty)
        try list.add(Subscription(url: "https://harbour.example/feed.xml"))
        try list.save()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# "))
        #expect(text.hasSuffix("\nhttps://harbour.example/feed.xml\n"))
    }

    @Test func theDefaultPlacesFollowTheXDGVariables() {
        let environment = ["HOME": "/home/reader", "XDG_CONFIG_HOME": "/tmp/c", "XDG_STATE_HOME": "relative/ignored",
                           "XDG_DATA_HOME": "/tmp/d", "XDG_CACHE_HOME": "/tmp/k"]
        #expect(FeedList.defaultPath(environment: environment) == "/tmp/c/byline/feeds")
        #expect(FeedStates.defaultPath(environment: environment) == "/home/reader/.local/state/byline/feeds.json")
        #expect(Library.folder(environment: environment) == "/tmp/d/byline/library")
        #expect(HTTPCache.defaultFolder(environment: environment) == "/tmp/k/byline/http")
        #expect(Library.folder(environment: ["HOME": "/home/reader"]) == "/home/reader/.local/share/byline/library")
    }
}

@Suite struct OPMLTests {
    static let exported = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="1.0">
          <head><title>Subscriptions</title></head>
          <body>
            <outline text="News" title="News">
              <outline type="rss" text="Harbour &amp; Bay News" title="Harbour &amp; Bay News" xmlUrl="https://harbour.example/feed.xml" htmlUrl="https://harbour.example/"/>
              <outline text="Local">
                <outline type="rss" text="City Desk" xmlUrl="http://127.0.0.1:8080/atom"/>
              </outline>
            </outline>
            <outline type="rss" xmlUrl="https://valley.example/rss"/>
            <outline type="rss" text="Old" xmlUrl="gopher://old.example/news"/>
            <outline text="Just a link" htmlUrl="https://blog.example/"/>
          </body>
        </opml>
        """

    @Test func feedsAreReadFromNestedOutlinesInOrder() throws {
        let (found, skipped) = try OPML.subscriptions(in: Data(Self.exported.utf8), source: "subs.opml")
        #expect(found == [
            Subscription(url: "https://harbour.example/feed.xml", name: "Harbour & Bay News"),
            Subscription(url: "http://127.0.0.1:8080/atom", name: "City Desk"),
            Subscription(url: "https://valley.example/rss"),
        ])
        #expect(skipped == ["gopher://old.example/news: only http and https addresses can be fetched, not gopher:"])
    }

    @Test func exportAndImportRoundTrip() throws {
        let feeds: [(subscription: Subscription, title: String?)] = [
            (Subscription(url: "https://harbour.example/feed.xml?a=1&b=2", name: "Harbour <News> \"Daily\""), nil),
            (Subscription(url: "https://valley.example/rss"), "Valley Courier"),
            (Subscription(url: "http://127.0.0.1:8080/atom"), nil),
        ]
        let document = OPML.document(for: feeds)
        #expect(document.contains("xmlUrl=\"https://harbour.example/feed.xml?a=1&amp;b=2\""))
        let (found, skipped) = try OPML.subscriptions(in: Data(document.utf8), source: "out.opml")
        #expect(skipped.isEmpty)
        #expect(found == [
            Subscription(url: "https://harbour.example/feed.xml?a=1&b=2", name: "Harbour <News> \"Daily\""),
            // The title as last read names a feed the user did not name.
            Subscription(url: "https://valley.example/rss", name: "Valley Courier"),
            Subscription(url: "http://127.0.0.1:8080/atom", name: "http://127.0.0.1:8080/atom"),
        ])
    }

    @Test func whatIsNotOPMLIsNamed() {
        #expect(throws: SubscriptionError.notOPML("x.opml", reason: "its root element is <rss>")) {
            try OPML.subscriptions(in: Data("<rss version=\"2.0\"><channel/></rss>".utf8), source: "x.opml")
        }
        #expect(throws: SubscriptionError.notOPML("x.opml", reason: "it is not well-formed XML")) {
            try OPML.subscriptions(in: Data("not xml at all".utf8), source: "x.opml")
        }
        #expect(throws: SubscriptionError.notOPML("x.opml", reason: "the file is empty")) {
            try OPML.subscriptions(in: Data(), source: "x.opml")
        }
    }
}

@Suite struct FeedFolderTests {
    private func item(_ title: String, body: String = "Some words of the story.", guid: String? = nil, link: String? = nil,
                      date: String? = nil) -> Article {
        let metadata = ArticleMetadata(format: .rss, title: title, authors: ["Ann Lee"], url: link, site: "Harbour News",
                                       language: "en", feedItemID: guid ?? link)
        return Article(text: ArticleText.compose(headline: title, paragraphs: [body]), source: "feed.xml#\(guid ?? title)",
                       date: date.flatMap(CivilDate.init(iso:)), dateSource: date == nil ? nil : .metadata, metadata: metadata)
    }

    @Test func itemsAreStoredOnceAsTextWithACatalogLine() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.path + "/harbour-news"
        let today = CivilDate(iso: "2011-12-05")!
        let library = try FeedFolder(path: path, feed: "https://harbour.example/feed.xml")
        let first = item("Bridge reopens", guid: "tag:harbour,1", link: "https://harbour.example/1", date: "2011-12-02")
        #expect(!library.holds(first))
        let name = try library.store(first, today: today)
        #expect(name == "2011-12-02_bridge-reopens.txt")
        #expect(try String(contentsOfFile: path + "/" + name, encoding: .utf8) == "Bridge reopens\n\nSome words of the story.\n")
        // The same title on the same day gets a name of its own; the first file is untouched.
        let second = item("Bridge reopens", guid: "tag:harbour,2", date: "2011-12-02")
        #expect(try library.store(second, today: today) == "2011-12-02_bridge-reopens-2.txt")
        #expect(try String(contentsOfFile: path + "/" + name, encoding: .utf8) == "Bridge reopens\n\nSome words of the story.\n")
        // An undated item is dated the day it was first seen.
        #expect(try library.store(item("Ferry timetable", link: "https://harbour.example/3"), today: today)
                == "2011-12-05_ferry-timetable.txt")

        // A new look at the folder knows them all: by guid, by link, by title when there is neither.
        let reopened = try FeedFolder(path: path, feed: "https://harbour.example/feed.xml")
        #expect(reopened.count == 3)
        #expect(reopened.holds(item("Changed title", guid: "tag:harbour,1")))
        #expect(reopened.holds(item("Other", guid: "new-guid", link: "https://harbour.example/1")))
        #expect(reopened.holds(item("Ferry timetable", link: "https://harbour.example/3")))
        #expect(!reopened.holds(item("Bridge reopens", guid: "tag:harbour,9")))

        let catalog = try #require(Catalog.load(folder: path))
        #expect(catalog.warnings.isEmpty)
        let entry = try #require(catalog.entries[name])
        #expect(entry == Catalog.Entry(file: name, date: CivilDate(iso: "2011-12-02"), title: "Bridge reopens",
                                       url: "https://harbour.example/1", authors: ["Ann Lee"], site: "Harbour News",
                                       guid: "tag:harbour,1", feed: "https://harbour.example/feed.xml", language: "en"))
        // Read back as any article is, the stored file carries the item's metadata.
        let read = try #require(SourceReader.read(path: path + "/" + name).first)
        #expect(read.metadata.url == "https://harbour.example/1")
        #expect(read.metadata.feed == "https://harbour.example/feed.xml")
        #expect(read.date == CivilDate(iso: "2011-12-02"))
    }

    @Test func aHalfLineLeftByACrashDoesNotSpoilTheNextEntry() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.path + "/valley"
        try folder.write("valley/index.jsonl", "{\"file\": \"a.txt\", \"date\": \"2011-12-01\"}\n{\"file\": \"b.t")
        let library = try FeedFolder(path: path, feed: "https://valley.example/rss")
        try library.store(item("Dam inspection", guid: "v-1", date: "2011-12-03"), today: CivilDate(iso: "2011-12-05")!)
        let catalog = try #require(Catalog.load(folder: path))
        #expect(catalog.entries.keys.sorted() == ["2011-12-03_dam-inspection.txt", "a.txt"])
        #expect(catalog.warnings.count == 1)
    }

    @Test func aFileInTheWayIsNeverOverwritten() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.path + "/harbour"
        try folder.write("harbour/2011-12-02_bridge-reopens.txt", "The user's own notes.\n")
        let library = try FeedFolder(path: path, feed: "https://harbour.example/feed.xml")
        let name = try library.store(item("Bridge reopens", guid: "g", date: "2011-12-02"), today: CivilDate(iso: "2011-12-05")!)
        #expect(name == "2011-12-02_bridge-reopens-2.txt")
        #expect(try String(contentsOfFile: path + "/2011-12-02_bridge-reopens.txt", encoding: .utf8) == "The user's own notes.\n")
    }

    @Test func slugsKeepLettersOfEveryScript() {
        #expect(Slug.make("Bridge Re-opens: \"At Last!\"", fallback: "x") == "bridge-re-opens-at-last")
        #expect(Slug.make("Café in Zürich", fallback: "x") == "café-in-zürich")
        #expect(Slug.make("Cafe\u{301} crème", fallback: "x") == "cafe\u{301}-crème")
        #expect(Slug.make("東京の橋", fallback: "x") == "東京の橋")
        #expect(Slug.make("!!!", fallback: "item") == "item")
        #expect(Slug.make(String(repeating: "word ", count: 40), maximumLength: 20, fallback: "x").count <= 20)
    }
}

@Suite struct TeaserTests {
    private func item(_ body: [String], link: String? = "https://harbour.example/story") -> Article {
        Article(text: ArticleText.compose(headline: "Bridge reopens", paragraphs: body), source: "feed.xml#1",
                metadata: ArticleMetadata(format: .rss, title: "Bridge reopens", url: link))
    }

    private static let longParagraph = Array(repeating: "The council met on Tuesday to discuss the repairs.", count: 15)
        .joined(separator: " ")

    @Test func shortOrCutOffBodiesWithALinkAreTeasers() {
        #expect(Teaser.isTeaser(item([])))
        #expect(Teaser.isTeaser(item(["The bridge reopened after four months of repairs."])))
        #expect(Teaser.isTeaser(item([Self.longParagraph, "And then the mayor said that …"])))
        #expect(Teaser.isTeaser(item([Self.longParagraph, "Continue reading »"])))
        #expect(Teaser.isTeaser(item([Self.longParagraph + " [...]"])))
    }

    @Test func wholeArticlesAndItemsWithoutAPageAreNot() {
        #expect(!Teaser.isTeaser(item([Self.longParagraph, "The work cost more than expected, and needs more."])))
        #expect(!Teaser.isTeaser(item(["A short item."], link: nil)))
        #expect(!Teaser.isTeaser(item(["A short item."], link: "mailto:desk@harbour.example")))
    }

    @Test func thePageReplacesTheBodyOnlyWhenItSaysMore() {
        let teaser = item(["The bridge reopened."])
        let page = Article(text: ArticleText.compose(headline: "Bridge reopens | Harbour News", paragraphs: [Self.longParagraph]),
                           metadata: ArticleMetadata(format: .html, authors: ["Mara Quill"], language: "en"))
        let expanded = Teaser.expanded(teaser, with: page)
        #expect(expanded?.text == "Bridge reopens\n\n" + Self.longParagraph)
        #expect(expanded?.metadata.authors == ["Mara Quill"])
        #expect(expanded?.metadata.url == "https://harbour.example/story")
        let thin = Article(text: "Bridge reopens\n\nSubscribe.", metadata: ArticleMetadata(format: .html))
        #expect(Teaser.expanded(teaser, with: thin) == nil)
    }
}
