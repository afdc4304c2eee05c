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
