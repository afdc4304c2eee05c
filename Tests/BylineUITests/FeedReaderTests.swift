import BylineCore
import Testing

@testable import BylineUI

/// Feeds in the reader: where each article comes from, unread marks, opening an article's
/// address, and updating the feeds in the background.
@Suite struct FeedReaderTests {
    static let wide = Size(width: 200, height: 50)

    /// Three items of two feeds and a plain file, with the metadata the index keeps.
    static func items(marketSite: String = "River Gazette") -> [AnalyzedArticle] {
        func item(_ name: String, _ text: String, day: Int, site: String?, url: String?) -> AnalyzedArticle {
            let article = Article(text: text, source: "/library/\(name)", date: CivilDate(year: 2024, month: 5, day: day)!,
                                  metadata: ArticleMetadata(format: .text, url: url, site: site))
            return AnalyzedArticle(article: article, quotes: [], speakers: [], timeExpressions: [], timeline: Timeline())
        }
        return [
            item("gazette/2024-05-01_ferry.txt", "Ferry service resumes after the storm\n\nBoats run again.", day: 1,
                 site: "River Gazette", url: "https://gazette.example/2024/ferry"),
            item("gazette/2024-05-02_market.txt", "Market square reopens\n\nStalls are back.", day: 2,
                 site: marketSite, url: "https://gazette.example/2024/market"),
            item("notes/2024-05-03_orchard.txt", "Orchard growers expect a late harvest\n\nThe spring was cold.", day: 3,
                 site: nil, url: "http://News.Example.org:8080/orchard?id=7"),
            item("2024-05-04_plain.txt", "A note kept on disk\n\nNo address.", day: 4, site: nil, url: nil),
        ]
    }

    /// The library pane's rows on screen.
    func libraryRows(_ h: Harness) -> [String] { h.paneLines(.library).filter { !$0.isEmpty } }

    // MARK: Where each article comes from

    @Test func theLibraryShowsEachArticlesSiteDimmedBesideItsHeadline() throws {
        var h = Harness(Self.items(), size: Self.wide)
        h.run(.showLibrary)
        let rows = libraryRows(h)
        let ferry = try #require(rows.first { $0.contains("Ferry service") })
        #expect(ferry.hasSuffix("Ferry service resumes after the storm · River Gazette"))
        #expect(rows.contains { $0.hasSuffix("Orchard growers expect a late harvest · news.example.org") },
                "without a site, the host of the address")
        #expect(rows.contains { $0.hasSuffix("A note kept on disk") }, "a plain file has neither")
        // The site is dimmed; the headline is not.
        let screen = h.screen
        let area = try #require(h.state.layout.content(of: .library))
        let y = try #require((area.y..<area.maxY).first { screen.line($0).contains("Market square") })
        let line = screen.line(y)
        let siteColumn = try #require(line.range(of: "River Gazette")).lowerBound.utf16Offset(in: line)
        #expect(screen[siteColumn, y].style == h.state.theme.secondaryText)
        let headlineColumn = try #require(line.range(of: "Market")).lowerBound.utf16Offset(in: line)
        #expect(!screen[headlineColumn, y].style.attributes.contains(.dim))
    }

    @Test func aNarrowLibraryKeepsTheHeadlineAndALongSiteTakesAThird() throws {
        let items = Self.items(marketSite: "The Very Long Name of a Regional Newspaper and Its Weekly Supplement")
        var narrow = Harness(items, size: Size(width: 36, height: 20))
        narrow.run(.showLibrary)
        #expect(!libraryRows(narrow).contains { $0.contains("River Gazette") })
        #expect(libraryRows(narrow).contains { $0.contains("Ferry service resumes") })

        var h = Harness(items, size: Self.wide)
        h.run(.showLibrary)
        let row = try #require(libraryRows(h).first { $0.contains("Market square") })
        let site = try #require(row.components(separatedBy: " · ").last)
        let width = try #require(h.state.layout.content(of: .library)).width
        #expect(site.hasSuffix("…"))
        #expect(DisplayWidth.of(site) <= (width - 4) / 3)
    }

    // MARK: Unread marks

    /// The mark before each headline of the library pane: "●" open, "•" unread, "" read.
    func marks(_ h: Harness) -> [String: String] {
        var marks: [String: String] = [:]
        for row in h.paneLines(.library) {
            let text = row.drop { $0 == " " || $0 == "▌" }
            guard let headline = ["Ferry", "Market", "Orchard", "A note"].first(where: { text.contains($0) }) else { continue }
            marks[headline] = text.hasPrefix("●") ? "●" : text.hasPrefix("•") ? "•" : ""
        }
        return marks
    }

    @Test func articlesAreReadOnceOpenedAndShown() throws {
        // The library lists by path: the plain note, then the gazette's two items, then the orchard.
        var h = Harness(Self.items(), size: Self.wide)
        #expect(marks(h) == ["A note": "●", "Ferry": "•", "Market": "•", "Orchard": "•"])
        #expect(h.state.readMarks.added.isEmpty, "the article the reader starts on is shown, not chosen")

        h.run(.nextArticle)
        #expect(h.state.readMarks.added == [ReadMark(path: "/library/gazette/2024-05-01_ferry.txt",
                                                     url: "https://gazette.example/2024/ferry")])
        #expect(marks(h) == ["A note": "•", "Ferry": "●", "Market": "•", "Orchard": "•"])

        // Enter in the library opens the entry under the cursor, which is then read.
        h.press("1", "j", "j", "enter")
        #expect(h.state.current == 3)
        #expect(marks(h) == ["A note": "•", "Ferry": "", "Market": "•", "Orchard": "●"])
        #expect(h.state.readMarks.added.map(\.path).last == "/library/notes/2024-05-03_orchard.txt")

        // Back to the first: opened by a key, so read now.
        h.press("g", "enter")
        #expect(h.state.current == 0)
        #expect(h.state.readMarks.contains(path: "/library/2024-05-04_plain.txt", url: nil))
        h.press("j", "enter", "k", "enter")
        #expect(h.state.readMarks.added.count == 3, "each article is marked once")
    }

    @Test func theStartArticleIsReadWhenScrolledOrItsQuotationsStepped() {
        var scrolled = Harness([Fixture.analysis()] + Fixture.otherArticles(), size: UpdateTests.wide)
        scrolled.press("j")
        #expect(scrolled.state.readMarks.added.map(\.path) == ["fixtures/2024-03-06_bridge.txt"])
        var stepped = Harness([Fixture.analysis()] + Fixture.otherArticles(), size: UpdateTests.wide)
        stepped.press("]")
        #expect(stepped.state.readMarks.added.map(\.path) == ["fixtures/2024-03-06_bridge.txt"])
        var looked = Harness([Fixture.analysis()] + Fixture.otherArticles(), size: UpdateTests.wide)
        looked.press("f", "esc", "?", "q", "tab")
        #expect(looked.state.readMarks.added.isEmpty, "keys that do not move through the article leave it unread")
    }

    @Test func anArticleOpenedOffScreenIsReadWhenItsPaneIsShown() {
        var h = Harness(Self.items(), size: Size(width: 80, height: 24))
        h.press("1")
        #expect(h.state.layout.rect(of: .article) == nil, "one pane at a time: the library")
        h.run(.nextArticle)
        #expect(h.state.current == 1)
        #expect(h.state.readMarks.added.isEmpty)
        h.press("2")
        #expect(h.state.readMarks.added.map(\.path) == ["/library/gazette/2024-05-01_ferry.txt"])
    }

    @Test func aMarkFromAnotherPlaceCountsByTheArticlesAddress() {
        let earlier = ReadMarks([ReadMark(path: "/old-library/ferry.txt", url: "https://gazette.example/2024/ferry"),
                                 ReadMark(path: "/library/notes/2024-05-03_orchard.txt", url: nil)])
        var h = Harness(Self.items(), size: Self.wide, readMarks: earlier)
        h.press("1")
        #expect(marks(h) == ["A note": "●", "Ferry": "", "Market": "•", "Orchard": ""])
        h.press("j", "enter")
        #expect(h.state.current == 1)
        #expect(h.state.readMarks.added.isEmpty, "already read: nothing new to save")
    }

    @Test func unreadMarksShowWithoutColours() throws {
        var h = Harness(Self.items(), size: Self.wide, theme: Theme(mode: .monochrome))
        h.press("1")
        let screen = h.screen
        let area = try #require(h.state.layout.content(of: .library))
        let mark = try #require((area.y..<area.maxY).lazy.compactMap { y in
            (area.x..<area.maxX).first { screen[$0, y].grapheme == "•" }.map { screen[$0, y] }
        }.first)
        #expect(mark.style.attributes.contains(.bold))
        #expect(mark.style.foreground == .default)
    }

    @Test func hostsOfWebAddresses() {
        #expect(WebLink.host(of: "https://www.example.org/a/b") == "www.example.org")
        #expect(WebLink.host(of: "HTTP://user:secret@Example.COM:8443?x") == "example.com")
        #expect(WebLink.host(of: "http://[::1]:8080/feed") == "[::1]")
        #expect(WebLink.host(of: "https://bücher.example/") == "bücher.example")
        #expect(WebLink.host(of: "ftp://example.org/file") == nil)
        #expect(WebLink.host(of: "javascript:alert(1)") == nil)
        #expect(WebLink.host(of: "https:///path") == nil)
        #expect(WebLink.host(of: "https://exa mple.org/") == nil)
        #expect(!WebLink.isWebAddress("file:///etc/passwd"))
        #expect(WebLink.isWebAddress("https://gazette.example/2024/ferry"))
    }
}
