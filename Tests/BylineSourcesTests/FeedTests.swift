import BylineCore
import Foundation
import Testing

@testable import BylineSources

/// The articles of a feed given as text (UTF-8), read as `name`.
func feedArticles(_ xml: String, name: String = "news.xml", contentType: String? = nil) throws -> [Article] {
    try SourceReader.read(Data(xml.utf8), source: name, contentType: contentType)
}

/// RSS 0.9x, 1.0 (RDF) and 2.0: one article per item, with its metadata.
@Suite struct RSSTests {
    let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
          <channel>
            <title>The Harbour &amp; Hill Gazette</title>
            <link>https://gazette.example/</link>
            <atom:link rel="self" href="https://gazette.example/feed.xml"/>
            <language>en-GB</language>
            <dc:creator>Newsroom Desk</dc:creator>
            <item>
              <title>Ferry &lt;em&gt;returns&lt;/em&gt; to the harbour</title>
              <link>/2024/03/ferry-returns</link>
              <guid isPermaLink="false">tag:gazette.example,2024:ferry</guid>
              <dc:creator>Ann Lee</dc:creator>
              <pubDate>Thu, 14 Mar 2024 23:30:00 -0500</pubDate>
              <description>The ferry is back.</description>
              <content:encoded><![CDATA[
                <p>“We waited two winters,” said Tom Vale, the harbour master.</p>
                <h3>A new timetable</h3>
                <ul><li>Sailings at <b>nine</b></li><li>and at noon</li></ul>
                <blockquote><p>Tickets go on sale Monday.</p></blockquote>
                <p>Fares rise by 5&nbsp;% &amp; more<br>next year.</p>
              ]]></content:encoded>
            </item>
            <item>
              <title>Council meets</title>
              <link>https://gazette.example/2024/03/council</link>
              <author>editor@gazette.example (Rosa Mendes)</author>
              <description>&lt;p&gt;The council met on &lt;i&gt;Tuesday&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;It adjourned.&lt;/p&gt;</description>
            </item>
            <item>
              <title>Only a headline</title>
              <guid>https://gazette.example/2024/03/headline</guid>
            </item>
            <item>
              <description>A plain-text note.

        Its second paragraph.</description>
            </item>
          </channel>
        </rss>
        """

    @Test func eachItemIsAnArticleWithTheOneTextShape() throws {
        let articles = try feedArticles(feed)
        #expect(articles.count == 4)
        #expect(articles[0].text == """
            Ferry returns to the harbour

            “We waited two winters,” said Tom Vale, the harbour master.

            A new timetable

            Sailings at nine

            and at noon

            Tickets go on sale Monday.

            Fares rise by 5 % & more
            next year.
            """)
        #expect(articles[0].headlineText == "Ferry returns to the harbour")
        #expect(articles[1].text == "Council meets\n\nThe council met on Tuesday.\n\nIt adjourned.")
        #expect(articles[3].text == "A plain-text note.\n\nIts second paragraph.")
    }

    @Test func metadataComesFromTheItemAndTheChannel() throws {
        let articles = try feedArticles(feed, name: "feeds/gazette.xml")
        let first = articles[0]
        #expect(first.source == "feeds/gazette.xml#tag:gazette.example,2024:ferry")
        #expect(first.metadata.format == .rss)
        #expect(first.metadata.title == "Ferry returns to the harbour")
        #expect(first.metadata.feedItemID == "tag:gazette.example,2024:ferry")
        #expect(first.metadata.url == "https://gazette.example/2024/03/ferry-returns")
        #expect(first.metadata.site == "The Harbour & Hill Gazette")
        #expect(first.metadata.language == "en-GB")
        #expect(first.metadata.authors == ["Ann Lee"])
        // The date the outlet printed, not the UTC one.
        #expect(first.date?.iso == "2024-03-14")
        #expect(first.dateSource == .metadata)

        #expect(articles[1].metadata.authors == ["Rosa Mendes"])
        // No guid: the link is the identity, the position names the article.
        #expect(articles[1].source == "feeds/gazette.xml#2")
        #expect(articles[1].metadata.feedItemID == "https://gazette.example/2024/03/council")
        #expect(articles[1].date == nil)
        // A permalink guid is the link; the channel's author stands in.
        #expect(articles[2].metadata.url == "https://gazette.example/2024/03/headline")
        #expect(articles[2].metadata.authors == ["Newsroom Desk"])
        #expect(articles[3].metadata.title == nil)
    }

    @Test func anItemWithOnlyATitleIsStillAnArticle() throws {
        let articles = try feedArticles(feed)
        #expect(articles[2].text == "Only a headline")
        #expect(articles[2].paragraphs.count == 1)
    }

    @Test func rss1RDFItemsBesideTheChannel() throws {
        let rdf = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://weekly.example/">
                <title>Valley Weekly</title>
                <link>https://weekly.example/</link>
                <items><rdf:Seq><rdf:li rdf:resource="https://weekly.example/mill"/></rdf:Seq></items>
              </channel>
              <item rdf:about="https://weekly.example/mill">
                <title>Mill reopens</title>
                <link>https://weekly.example/mill</link>
                <description>"It smells of bread again," said Ines Duarte.</description>
                <dc:creator>Leo Brandt</dc:creator>
                <dc:date>2023-06-01T08:00:00+02:00</dc:date>
                <dc:language>de</dc:language>
              </item>
            </rdf:RDF>
            """
        let articles = try feedArticles(rdf, name: "weekly.rdf")
        #expect(articles.count == 1)
        #expect(articles[0].text == "Mill reopens\n\n\"It smells of bread again,\" said Ines Duarte.")
        #expect(articles[0].source == "weekly.rdf#https://weekly.example/mill")
        #expect(articles[0].metadata.site == "Valley Weekly")
        #expect(articles[0].metadata.authors == ["Leo Brandt"])
        #expect(articles[0].metadata.language == "de")
        #expect(articles[0].date?.iso == "2023-06-01")
        #expect(articles[0].metadata.format == .rss)
    }

    @Test func rss090AndANamespacedRSS2() throws {
        let rss090 = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
              <channel><title>Nineties</title><link>http://ninety.example/</link></channel>
              <item><title>First web log</title><link>http://ninety.example/1</link></item>
              <item><title>Second</title><link>http://ninety.example/2</link></item>
            </rdf:RDF>
            """
        let old = try feedArticles(rss090)
        #expect(old.map(\.text) == ["First web log", "Second"])
        #expect(old.map(\.metadata.feedItemID) == ["http://ninety.example/1", "http://ninety.example/2"])
        #expect(old[0].metadata.site == "Nineties")
        let namespaced = """
            <rss version="2.0" xmlns="http://backend.userland.com/rss2"><channel><title>Userland</title>
            <item><title>Scripting news</title><description>Plain.</description></item></channel></rss>
            """
        #expect(try feedArticles(namespaced).map(\.text) == ["Scripting news\n\nPlain."])
    }

    @Test func rss091WithItsDoctypeAndHTMLEntities() throws {
        // RSS 0.91 names Netscape's DTD for its HTML entities; it is never fetched, and the
        // entities are still read.
        let old = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
              "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old Times</title><link>http://old.example/</link>
            <item><title>Caf&eacute; closes</title><link>http://old.example/cafe</link>
            <description>The caf&eacute; closed &mdash; after 40 years.</description></item>
            </channel></rss>
            """
        let articles = try feedArticles(old)
        #expect(articles.count == 1)
        #expect(articles[0].text == "Café closes\n\nThe café closed — after 40 years.")
    }

    @Test func namespacesAreMatchedByURINotPrefix() throws {
        let plain = """
            <rss version="2.0" xmlns:body="http://purl.org/rss/1.0/modules/content/" xmlns:who="http://purl.org/dc/elements/1.1/">
            <channel><title>Prefixes</title>
            <item><title>Odd prefixes</title><who:creator>Mia Holt</who:creator>
            <other:encoded xmlns:other="urn:not-content">Not the body</other:encoded>
            <body:encoded>&lt;p&gt;Full text.&lt;/p&gt;</body:encoded><description>Teaser</description></item>
            </channel></rss>
            """
        let articles = try feedArticles(plain)
        #expect(articles[0].text == "Odd prefixes\n\nFull text.")
        #expect(articles[0].metadata.authors == ["Mia Holt"])
    }

    @Test func cdataAndRawMarkupInBodiesAndTitles() throws {
        let feed = """
            <rss version="2.0"><channel><title>Markup</title>
            <item><title><![CDATA[Rates & <b>rents</b>]]></title>
            <description><![CDATA[<p>First.</p><p>Second &amp; last.</p>]]></description></item>
            <item><title>Raw <b>bold</b> title</title>
            <description><p>A writer forgot to escape this.</p><p>Two paragraphs.</p></description></item>
            <item><title>AT&amp;amp;T doubles up</title><description>x &lt; y and y &gt; z</description></item>
            </channel></rss>
            """
        let articles = try feedArticles(feed)
        #expect(articles[0].text == "Rates & rents\n\nFirst.\n\nSecond & last.")
        #expect(articles[1].text == "Raw bold title\n\nA writer forgot to escape this.\n\nTwo paragraphs.")
        // Escaped twice: the title is HTML and decodes once more; `x < y` is not markup.
        #expect(articles[2].text == "AT&T doubles up\n\nx < y and y > z")
    }

    @Test func xmlBaseAndTheFeedLinkResolveRelativeLinks() throws {
        let feed = """
            <rss version="2.0" xml:base="https://base.example/news/"><channel>
            <title>Bases</title><link>https://other.example/</link>
            <item><title>One</title><link>one.html</link></item>
            <item xml:base="/archive/"><title>Two</title><link>two.html</link></item>
            </channel></rss>
            """
        let articles = try feedArticles(feed)
        #expect(articles[0].metadata.url == "https://base.example/news/one.html")
        #expect(articles[1].metadata.url == "https://base.example/archive/two.html")
        let noBase = """
            <rss version="2.0"><channel><title>No base</title><link>https://site.example/blog/</link>
            <item><title>Three</title><link>../three</link></item></channel></rss>
            """
        #expect(try feedArticles(noBase)[0].metadata.url == "https://site.example/three")
        // Fetched over HTTP: the feed's own address is the last base.
        let fetched = "<rss version=\"2.0\"><channel><title>T</title><item><title>Four</title><link>/four</link></item></channel></rss>"
        #expect(try feedArticles(fetched, name: "https://host.example/feeds/rss")[0].metadata.url == "https://host.example/four")
    }

    @Test func repeatedGuidsStillNameArticlesApart() throws {
        let feed = """
            <rss version="2.0"><channel><title>T</title>
            <item><title>A</title><guid>same</guid></item><item><title>B</title><guid>same</guid></item>
            </channel></rss>
            """
        let articles = try feedArticles(feed)
        #expect(articles.map(\.source) == ["news.xml#same", "news.xml#2"])
        #expect(articles.map(\.metadata.feedItemID) == ["same", "same"])
    }

    @Test func aFeedWithoutItemsIsNamedAsSuch() throws {
        #expect(throws: ReadError.notAnArticle("empty.xml", kind: "a feed with no items")) {
            try feedArticles("<rss version=\"2.0\"><channel><title>Nothing yet</title></channel></rss>", name: "empty.xml")
        }
        #expect(throws: ReadError.notAnArticle("blank.xml", kind: "a feed whose items have no text")) {
            try feedArticles("<rss><channel><item><title> </title></item></channel></rss>", name: "blank.xml")
        }
    }
}

/// Atom 1.0 (and 0.3's names).
@Suite struct AtomTests {
    let feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US" xml:base="https://river.example/">
          <title type="html">River &amp;lt;Notes&amp;gt;</title>
          <link rel="self" href="https://river.example/atom.xml"/>
          <link href="/"/>
          <author><name>Ada Stone</name><email>ada@river.example</email></author>
          <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
          <entry>
            <title>Flood <em>warning</em> lifted</title>
            <link rel="alternate" type="text/html" href="2024/flood"/>
            <link rel="enclosure" href="2024/flood.mp3"/>
            <id>tag:river.example,2024:flood</id>
            <published>2024-04-02T21:00:00-07:00</published>
            <updated>2024-04-03T08:00:00Z</updated>
            <author><name>Ben Okafor</name></author>
            <author><name>Cleo Park</name></author>
            <summary>Short.</summary>
            <content type="html">&lt;p&gt;“The water has gone down,” said Ben Okafor.&lt;/p&gt;</content>
          </entry>
          <entry xml:lang="fr">
            <title type="text">Des &lt;balises&gt; littérales</title>
            <link href="https://elsewhere.example/x"/>
            <id>tag:river.example,2024:xhtml</id>
            <updated>2024-04-05T10:00:00+02:00</updated>
            <content type="xhtml">
              <div xmlns="http://www.w3.org/1999/xhtml"><p>Un <strong>premier</strong> paragraphe.</p><p>Et un second.</p></div>
            </content>
          </entry>
          <entry>
            <title>Text content</title>
            <id>tag:river.example,2024:text</id>
            <content type="text">Line one &lt;not a tag&gt;.

        Line two.</content>
          </entry>
          <entry>
            <title>Out of line</title>
            <id>tag:river.example,2024:src</id>
            <content src="https://river.example/video.mp4" type="video/mp4"/>
            <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Only the <i>summary</i>.</div></summary>
          </entry>
        </feed>
        """

    @Test func entriesWithEveryContentType() throws {
        let articles = try feedArticles(feed, name: "river.atom")
        #expect(articles.count == 4)
        #expect(articles[0].text == "Flood warning lifted\n\n“The water has gone down,” said Ben Okafor.")
        #expect(articles[1].text == "Des <balises> littérales\n\nUn premier paragraphe.\n\nEt un second.")
        #expect(articles[2].text == "Text content\n\nLine one <not a tag>.\n\nLine two.")
        #expect(articles[3].text == "Out of line\n\nOnly the summary.")
    }

    @Test func metadataWithInheritance() throws {
        let articles = try feedArticles(feed, name: "river.atom")
        let first = articles[0]
        #expect(first.source == "river.atom#tag:river.example,2024:flood")
        #expect(first.metadata.format == .atom)
        #expect(first.metadata.site == "River <Notes>")
        #expect(first.metadata.url == "https://river.example/2024/flood")
        #expect(first.metadata.authors == ["Ben Okafor", "Cleo Park"])
        #expect(first.metadata.language == "en-US")
        // Published, as written (it is already the 3rd in UTC).
        #expect(first.date?.iso == "2024-04-02")
        #expect(first.dateSource == .metadata)
        // No published date: updated; the feed's author and language are inherited.
        #expect(articles[1].date?.iso == "2024-04-05")
        #expect(articles[1].metadata.authors == ["Ada Stone"])
        #expect(articles[1].metadata.language == "fr")
        #expect(articles[1].metadata.url == "https://elsewhere.example/x")
        #expect(articles[2].metadata.url == nil)
        #expect(articles[2].metadata.feedItemID == "tag:river.example,2024:text")
    }

    @Test func atom03Names() throws {
        let old = """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title>Old Atom</title>
              <entry>
                <title>Issued, not published</title>
                <link rel="alternate" type="text/html" href="http://old.example/1"/>
                <id>tag:old.example,2004:1</id>
                <issued>2004-07-09T12:00:00-04:00</issued>
                <modified>2004-07-10T12:00:00Z</modified>
                <content type="text/html" mode="escaped">&lt;p&gt;Escaped body.&lt;/p&gt;</content>
              </entry>
            </feed>
            """
        let articles = try feedArticles(old)
        #expect(articles[0].text == "Issued, not published\n\nEscaped body.")
        #expect(articles[0].date?.iso == "2004-07-09")
        #expect(articles[0].metadata.format == .atom)
    }
}

/// JSON Feed 1.1 (and 1.0's `author`).
@Suite struct JSONFeedTests {
    @Test func itemsWithHTMLTextAndSummaryBodies() throws {
        let json = """
            {
              "version": "https://jsonfeed.org/version/1.1",
              "title": "Orchard Post",
              "home_page_url": "https://orchard.example/",
              "language": "en",
              "authors": [{"name": "Desk"}],
              "items": [
                {"id": "1", "url": "/apples", "title": "Apple harvest",
                 "content_html": "<p>“Best year yet,” said Nora Quist.</p><p>Prices fell.</p>",
                 "content_text": "ignored", "date_published": "2024-09-30T22:00:00-04:00",
                 "authors": [{"name": "Nora Quist"}, {"name": "Eli Ward"}]},
                {"id": 2, "title": "Plain text", "content_text": "One.\\n\\nTwo.", "date_modified": "2024-10-02T08:00:00Z",
                 "author": {"name": "Old Style"}},
                {"id": "3", "summary": "Only a summary."},
                {"id": "4", "title": "Title only", "external_url": "https://press.example/4"}
              ]
            }
            """
        let articles = try feedArticles(json, name: "orchard.json")
        #expect(articles.count == 4)
        #expect(articles[0].text == "Apple harvest\n\n“Best year yet,” said Nora Quist.\n\nPrices fell.")
        #expect(articles[0].source == "orchard.json#1")
        #expect(articles[0].metadata.url == "https://orchard.example/apples")
        #expect(articles[0].metadata.authors == ["Nora Quist", "Eli Ward"])
        #expect(articles[0].metadata.site == "Orchard Post")
        #expect(articles[0].metadata.language == "en")
        #expect(articles[0].metadata.format == .jsonfeed)
        #expect(articles[0].date?.iso == "2024-09-30")
        #expect(articles[1].text == "Plain text\n\nOne.\n\nTwo.")
        #expect(articles[1].source == "orchard.json#2")
        #expect(articles[1].metadata.authors == ["Old Style"])
        #expect(articles[1].date?.iso == "2024-10-02")
        #expect(articles[2].text == "Only a summary.")
        #expect(articles[2].metadata.authors == ["Desk"])
        #expect(articles[3].metadata.url == "https://press.example/4")
    }

    @Test func oddFieldsAreTakenLenientlyAndATruncatedFeedIsAClearError() throws {
        let odd = """
            {"version": "https://jsonfeed.org/version/1", "title": 42, "author": "Plain Name",
             "items": ["not an item", {"id": 7.5, "title": ["wrong"], "content_text": "Kept.", "authors": ["Ann Lee", {"url": "x"}]}]}
            """
        let articles = try feedArticles(odd, name: "odd.json")
        #expect(articles.count == 1)
        #expect(articles[0].text == "Kept.")
        #expect(articles[0].source == "odd.json#7.5")
        #expect(articles[0].metadata.site == "42")
        #expect(articles[0].metadata.authors == ["Ann Lee"])
        let cut = #expect(throws: ReadError.self) {
            try feedArticles("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": \"1\", \"tit", name: "cut.json")
        }
        #expect(cut?.description.hasPrefix("cut.json: cannot be read: not a JSON Feed that can be read") == true)
    }

    @Test func aJSONFileCountsOnlyWhenItIsAJSONFeed() throws {
        #expect(throws: ReadError.notAnArticle("package.json", kind: "a JSON file that is not a JSON Feed")) {
            try feedArticles("{\"name\": \"x\", \"version\": \"1.0.0\"}", name: "package.json")
        }
        #expect(SourceReader.isIncidental(.notAnArticle("package.json", kind: "x"), path: "lib/package.json"))
        #expect(throws: ReadError.self) {
            try feedArticles("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"no items\"}", name: "f.json")
        }
    }
}
