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

    // MARK: Opening the article's address

    @Test func oOpensTheOpenArticlesAddressOrTheOneUnderTheLibrarysCursor() {
        var h = Harness(Self.items(), size: Self.wide)
        h.run(.nextArticle)
        h.press("o")
        #expect(h.effects.last == .openInBrowser("https://gazette.example/2024/ferry"))
        #expect(h.state.message?.text == "Opening https://gazette.example/2024/ferry")
        // In the library, the article under the cursor (not the open one).
        h.press("1", "j")
        h.press("o")
        #expect(h.effects.last == .openInBrowser("https://gazette.example/2024/market"))
        // The loop says how it went.
        h.send(.notify(StatusMessage("Opened in xdg-open: https://gazette.example/2024/market")))
        #expect(h.screen.lines.last?.contains("Opened in xdg-open") == true)
    }

    @Test func oSaysWhenThereIsNoWebAddressAndOpensNothingElse() {
        var h = Harness(Self.items(), size: Self.wide)
        let before = h.effects.count
        h.press("o")
        #expect(h.state.message?.text == "This article has no web address")
        var odd = Harness([Self.items()[0], Self.withAddress("javascript:alert(1)"), Self.withAddress("file:///etc/passwd")],
                          size: Self.wide)
        for _ in 0..<2 {
            odd.run(.nextArticle)
            odd.press("o")
            #expect(odd.state.message?.text.hasPrefix("Not a web address, so not opened: ") == true)
            #expect(odd.state.message?.kind == .warning)
        }
        #expect(!h.effects.dropFirst(before).contains { if case .openInBrowser = $0 { true } else { false } })
        #expect(!odd.effects.contains { if case .openInBrowser = $0 { true } else { false } })
    }

    static func withAddress(_ url: String) -> AnalyzedArticle {
        let article = Article(text: "Odd link \(url.count)\n\nBody.", source: "/library/odd-\(url.count).txt",
                              date: CivilDate(year: 2024, month: 6, day: 1)!, metadata: ArticleMetadata(url: url))
        return AnalyzedArticle(article: article, quotes: [], speakers: [], timeExpressions: [], timeline: Timeline())
    }

    // MARK: Updating the feeds

    @Test func uUpdatesTheFeedsInTheBackgroundWithProgressInTheStatusLine() {
        var h = Harness(Self.items(), size: Self.wide)
        h.press("u")
        #expect(h.effects.last == .updateFeeds)
        #expect(h.screen.lines.last?.hasPrefix(" updating feeds │") == true)
        h.send(.feedUpdate(FeedUpdateProgress(feedsDone: 2, feedsTotal: 5, itemsAdded: 3)))
        #expect(h.screen.lines.last?.hasPrefix(" feeds 2/5 · 3 new │") == true)
        // Keys go on while it runs; u says it is running.
        h.press("j")
        let effects = h.effects.count
        h.press("u")
        #expect(h.effects.count == effects, "no second update")
        #expect(h.state.message?.text == "The feeds are being updated (2 of 5 feeds done)")
        h.send(.feedUpdateFinished(FeedUpdateReport(outcome: .finished, feeds: 5, added: 7)))
        #expect(h.state.feedUpdate == nil)
        #expect(h.state.message?.text == "Feeds updated: 7 new articles from 5 feeds")
        #expect(!h.screen.lines.last!.contains("feeds 2/5"))
        // Another u starts another update.
        h.press("u")
        #expect(h.effects.last == .updateFeeds)
    }

    @Test func theReportSaysWhatHappenedInOneLine() {
        typealias Failure = FeedUpdateReport.Failure
        #expect(FeedUpdateReport(outcome: .noFeeds).message == StatusMessage("no feeds: add one with byline feeds add URL",
                                                                              kind: .warning))
        let busy = FeedUpdateReport(outcome: .notStarted("another byline update is running")).message
        #expect(busy.text == "Feeds not updated: another byline update is running" && busy.kind == .warning)
        #expect(FeedUpdateReport(outcome: .finished, feeds: 1, added: 0).message.text == "Feeds updated: nothing new from 1 feed")
        #expect(FeedUpdateReport(outcome: .finished, feeds: 3, added: 1).message.text == "Feeds updated: 1 new article from 3 feeds")
        let failed = FeedUpdateReport(outcome: .finished, feeds: 4, added: 2,
                                      failures: [Failure(feed: "River Gazette", reason: "404 Not Found"),
                                                 Failure(feed: "Hill Post", reason: "timed out after 20 s")]).message
        #expect(failed.text == "Feeds updated: 2 new articles from 2 of 4 feeds; failed: River Gazette (404 Not Found) "
                + "and 1 more, listed on exit")
        #expect(failed.kind == .warning && failed.sticky)
        let elsewhere = FeedUpdateReport(outcome: .finished, feeds: 1, added: 3, storedElsewhere: "/data/byline/library").message
        #expect(elsewhere.text.hasSuffix("; stored in /data/byline/library (byline with no PATH reads it)"))
    }

    @Test func errorsOfSingleFeedsShowAsASummaryNotAnInterruption() {
        var h = Harness(Self.items(), size: Size(width: 120, height: 30))
        h.press("u")
        h.send(.feedUpdateFinished(FeedUpdateReport(outcome: .finished, feeds: 2, added: 0,
                                                    failures: [.init(feed: "Hill Post", reason: "connection refused")])))
        #expect(h.screen.lines.last?.contains("failed: Hill Post (connection refused)") == true)
        h.press("j")
        #expect(h.state.message != nil, "a warning of failed feeds survives one key")
        h.press("j")
        #expect(h.state.message == nil)
    }

    @Test func switchingToTheFeedsLibraryKeepsWhatBelongsToTheUser() throws {
        var h = Harness(size: Self.wide)
        h.press("j")
        h.press("u")
        let marks = h.state.readMarks
        #expect(!marks.added.isEmpty)
        h.send(.notify(StatusMessage("Feeds updated")))
        let feedLibrary = try ReaderLibrary.holding(Self.items())
        var state = h.state
        let effects = Reader.switchLibrary(&state, generation: feedLibrary.generation)
        #expect(state.documents.isEmpty && state.currentID == nil && state.articles.count == nil)
        #expect(state.readMarks.added == marks.added)
        #expect(state.feedUpdate != nil && state.message?.text == "Feeds updated")
        #expect(!state.rememberedViews.isEmpty, "the seed's reading position is kept")
        _ = Reader.settle(effects, &state) { feedLibrary.answer($0) }
        #expect(state.articleCount == 4)
        #expect(state.document?.article.headlineText == "A note kept on disk")
    }

    @Test func theNewKeysHaveConfigNames() {
        let (config, warnings) = ReaderConfig.parse("[keys]\nupdate_feeds = \"U\"\nopen_link = [\"O\", \"ctrl-o\"]\n")
        #expect(warnings.isEmpty)
        #expect(config.keymap.command(for: .character("U")) == .updateFeeds)
        #expect(config.keymap.command(for: .control("o")) == .openLink)
        #expect(config.keymap.command(for: .character("u")) == nil)
        let help = HelpScreen.lines(.standard)
        #expect(help.contains(.heading("Feeds and the web")))
        #expect(help.contains(.binding(keys: "u", summary: Command.updateFeeds.summary)))
        #expect(help.contains(.binding(keys: "o", summary: Command.openLink.summary)))
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
