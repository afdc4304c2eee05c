import BylineCore
import Foundation
import Testing

@testable import BylineSources

/// The article inside a web page: its blocks, and nothing of the page around it.
@Suite struct ExtractionTests {
    private func page(_ html: String, source: String = "page.html") throws -> WebPage {
        try HTMLReader.page(Data(html.utf8), source: source)
    }

    private func bodyText(_ page: WebPage) -> String { page.blocks.map(\.text).joined(separator: "\n\n") }

    @Test func aNewsPageGivesItsArticleAloneWithItsStructure() throws {
        let result = try page(PageFixtures.newsPage(PageFixtures.bridgeArticle))
        #expect(result.blocks.map(\.text) == PageFixtures.bridgeParagraphs)
        #expect(result.blocks[2].kind == .heading(level: 2))
        #expect(result.blocks[4].kind == .listItem)
        #expect(result.blocks[6].kind == .quotation)
        let text = bodyText(result)
        for phrase in PageFixtures.clutterPhrases {
            #expect(!text.contains(phrase), "clutter in the body: \(phrase)")
        }
        #expect(!text.contains("not text"), "a script's content")
        #expect(!text.contains("display: flex"), "a style's content")
    }

    @Test func theArticleTextHasTheHeadlineLineThenTheBody() throws {
        let articles = try SourceReader.read(Data(PageFixtures.newsPage(PageFixtures.bridgeArticle).utf8), source: "bridge.html")
        #expect(articles.count == 1)
        let article = articles[0]
        #expect(article.text == ([PageFixtures.bridgeArticle.headline] + PageFixtures.bridgeParagraphs).joined(separator: "\n\n"))
        #expect(article.headlineText == PageFixtures.bridgeArticle.headline)
        #expect(article.date == CivilDate(year: 2021, month: 3, day: 9))
        #expect(article.dateSource == .metadata)
        #expect(article.metadata.format == .html)
    }

    @Test func aBlogPostLeavesOutItsCommentsAndSidebar() throws {
        let html = """
            <html><head><title>Notes from the garden – Pea Shoots</title></head><body>
            <div id="wrapper"><div id="header"><h1 class="site-title"><a href="/">Pea Shoots</a></h1>
            <div class="menu"><a href="/">Home</a> <a href="/about">About</a> <a href="/archive">Archive</a></div></div>
            <div id="content" class="site-content"><div class="post hentry">
            <h2 class="entry-title">Notes from the garden</h2>
            <div class="entry-meta">Posted on May 2, 2020 by Rosa</div>
            <div class="entry-content">
            <p>The tomatoes came up early this year, which I put down to the warm April and the new raised beds.</p>
            <p>My neighbour, who has grown beans here for forty years, told me: “Water in the morning, never at night.”</p>
            <p>I followed her advice, and the slugs, for once, went elsewhere for their dinner.</p>
            </div>
            <div class="post-tags">Tags: <a href="/t/tomato">tomato</a>, <a href="/t/beans">beans</a></div>
            </div>
            <div id="comments"><h3>3 Responses</h3><ol class="commentlist">
            <li class="comment"><div class="comment-body"><p>“Lovely,” said my aunt when I showed her this post.</p></div></li>
            <li class="comment"><div class="comment-body"><p>Which variety did you plant? Mine split every summer.</p></div></li>
            </ol><div id="respond"><h3>Leave a Reply</h3><form><textarea></textarea></form></div></div></div>
            <div id="sidebar"><h3>Archives</h3><ul><li><a href="/2020/04">April 2020</a></li></ul>
            <p>This blog is written by a gardener in a small town, who likes beans more than anything else.</p></div>
            <div id="footer">Powered by a blog engine. Theme by someone.</div></div></body></html>
            """
        let result = try page(html)
        #expect(result.blocks.map(\.text) == [
            "The tomatoes came up early this year, which I put down to the warm April and the new raised beds.",
            "My neighbour, who has grown beans here for forty years, told me: “Water in the morning, never at night.”",
            "I followed her advice, and the slugs, for once, went elsewhere for their dinner.",
        ])
        #expect(result.metadata.title == "Notes from the garden")
    }

    @Test func aContainerWhoseNameSaysFurnitureIsKeptWhenItHoldsTheArticle() throws {
        // Class names like these wrap whole articles on real sites.
        for wrapper in ["ad_body", "has-sidebar", "widget Blog", "comments-enabled story"] {
            let paragraphs = (1...5).map { "Paragraph \($0) of a report on the water board, which met on Tuesday and voted, after a long debate, to raise rates." }
            let html = """
                <html><body><div class="nav"><a href="/">Home</a> <a href="/news">News</a></div>
                <div class="\(wrapper)">\(paragraphs.map { "<p>\($0)</p>" }.joined())</div>
                <div class="footer"><a href="/contact">Contact</a></div></body></html>
                """
            #expect(try page(html).blocks.map(\.text) == paragraphs, "wrapper class \(wrapper)")
        }
    }

    @Test func textWrittenWithLineBreaksInsteadOfParagraphsIsFound() throws {
        let html = """
            <html><body><div class="menu"><a href="/">Home</a> | <a href="/world">World</a> | <a href="/tech">Tech</a></div>
            <div class="post-body">The library will open a second branch in the spring, the trustees announced on Friday.<br><br>
            The new branch, in the old post office, will have a children's room and a reading garden.<br><br>
            "We have wanted this for a decade," said trustee Omar Haddad.</div>
            <div class="links"><a href="/a">Older post</a> <a href="/b">Newer post</a></div></body></html>
            """
        let result = try page(html)
        #expect(result.blocks.count == 1)
        #expect(result.blocks[0].text == """
            The library will open a second branch in the spring, the trustees announced on Friday.

            The new branch, in the old post office, will have a children's room and a reading garden.

            "We have wanted this for a decade," said trustee Omar Haddad.
            """.replacingOccurrences(of: "\n\n", with: "\n"))
    }

    @Test func aShortArticleIsStillTheArticleNotTheNavigation() throws {
        let links = (1...30).map { "<li><a href=\"/s\($0)\">Section number \($0)</a></li>" }.joined()
        let html = """
            <html><body><ul class="menu">\(links)</ul>
            <div class="story"><p>The pool on Elm Street closes for repairs on Monday, the parks office said.</p>
            <p>It will reopen in June.</p></div>
            <ul class="footer-links">\(links)</ul></body></html>
            """
        let text = bodyText(try page(html))
        #expect(text == "The pool on Elm Street closes for repairs on Monday, the parks office said.\n\nIt will reopen in June.")
    }

    @Test func hiddenElementsFiguresAndBylinesAreLeftOut() throws {
        let body = (1...4).map { "<p>Sentence \($0) of the article, long enough to count as a paragraph of prose, with a comma.</p>" }
        let html = """
            <html><body><article>
            <div class="author-name">By Lee Chan</div>
            \(body[0])
            <div style="display: none">A hidden teaser for subscribers.</div>
            <div hidden>Also hidden.</div>
            <p aria-hidden="true">Screen readers skip this.</p>
            \(body[1])
            <figure><img src="x.jpg"><figcaption>A caption under the photo.</figcaption></figure>
            \(body[2])\(body[3])
            </article></body></html>
            """
        let text = bodyText(try page(html))
        #expect(text == body.map { $0.replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>", with: "") }
            .joined(separator: "\n\n"))
    }

    @Test func aPageWithLittleTextGivesWhatItHas() throws {
        let result = try page("<html><body><div>Closed today.</div></body></html>")
        #expect(bodyText(result) == "Closed today.")
        #expect(throws: ReadError.self) { try HTMLReader.read(Data("<html><body></body></html>".utf8), source: "x.html", contentType: nil) }
    }

    @Test func whatFollowsTheEndOfTheBodyIsStillInIt() throws {
        let html = """
            <html><body><p>The first paragraph of a story the page closes too early, with a comma.</p></body></html>
            <p>The second paragraph, which a browser still shows in the body, with a comma.</p>
            """
        #expect(try page(html).blocks.map(\.text) == [
            "The first paragraph of a story the page closes too early, with a comma.",
            "The second paragraph, which a browser still shows in the body, with a comma.",
        ])
    }

    @Test func deeplyNestedAndBrokenMarkupIsReadWithoutCrashing() throws {
        let deep = String(repeating: "<div>", count: 50_000) + "<p>Deep inside, the words are still found.</p>"
        #expect(bodyText(try page(deep)) == "Deep inside, the words are still found.")
        let broken = "<html><body><p>Unclosed <b>bold <i>and italic<p>Next paragraph</td></tr><div>Stray &bogus; &#99999999; end"
        #expect(bodyText(try page(broken)).contains("Next paragraph"))
        let bytes = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })
        _ = try? HTMLReader.page(bytes, source: "noise.html")
    }

    @Test func aBlockWithInvalidUTF8IsRepairedBeforeItIsCollapsed() {
        // The repair gives U+FFFD, which is text: the words around it stay apart.
        let bytes: [UInt8] = Array(" a ".utf8) + [0xFF] + Array("\u{A0}b\n".utf8)
        #expect(bytes.withUnsafeBufferPointer(HTMLBlocks.collapsedText) == "a \u{FFFD} b")
    }
}
