import BylineCore
import Testing

@testable import BylineUI

/// `update` for every action, headless, on the fixture article.
@Suite struct UpdateTests {
    static let small = Size(width: 40, height: 12)
    static let wide = Size(width: 120, height: 40)

    /// Every row of the article at 40 columns, from a screen tall enough to show them all.
    static let allRows: [String] = {
        var rows = Harness(size: Size(width: 40, height: 200)).articleLines()
        while rows.last == "" { rows.removeLast() }
        return rows
    }()

    func visibleRows(_ h: Harness) -> [String] { h.articleLines() }


    /// The index in `allRows` of the top visible row (rows can repeat, so match a window).
    func topIndex(_ h: Harness) -> Int? {
        let visible = h.articleLines()
        return Self.allRows.indices.first { i in
            Array(Self.allRows[i..<min(Self.allRows.count, i + 4)]) == Array(visible.prefix(min(4, Self.allRows.count - i)))
        }
    }

    // MARK: Scrolling

    @Test func scrollDownAndUpMoveOneRow() {
        var h = Harness(size: Self.small)
        #expect(topIndex(h) == 0)
        h.run(.scrollDown)
        #expect(topIndex(h) == 1)
        h.press("down", "j", "ctrl-e")
        #expect(topIndex(h) == 4)
        h.run(.scrollUp)
        h.press("k", "up")
        #expect(topIndex(h) == 1)
    }

    @Test func halfPagesAndPages() {
        var h = Harness(size: Self.small)  // 10 rows of article: half a page is 5, a page 8
        h.run(.halfPageDown)
        #expect(topIndex(h) == 5)
        h.run(.pageDown)
        #expect(topIndex(h) == 13)
        h.run(.pageUp)
        #expect(topIndex(h) == 5)
        h.run(.halfPageUp)
        #expect(topIndex(h) == 0)
        h.run(.halfPageUp)
        #expect(topIndex(h) == 0)
    }

    @Test func bottomShowsTheLastRowAtTheBottomAndStops() {
        var h = Harness(size: Self.small)
        h.run(.bottom)
        let rows = visibleRows(h)
        #expect(rows.last == Self.allRows.last)
        #expect(topIndex(h) == Self.allRows.count - rows.count)
        h.run(.scrollDown)
        h.run(.pageDown)
        #expect(visibleRows(h) == rows)
        h.run(.top)
        #expect(topIndex(h) == 0)
    }

    @Test func listsMoveTheirCursorInstead() {
        var h = Harness(size: Self.wide)
        h.run(.showQuotes)
        h.run(.scrollDown)
        #expect(h.state.view.selectedQuote == 0)
        h.run(.scrollDown)
        #expect(h.state.view.selectedQuote == 1)
        h.run(.bottom)
        #expect(h.state.view.selectedQuote == 4)
        h.run(.pageUp)
        #expect(h.state.view.selectedQuote == 0)
        h.run(.halfPageDown)
        #expect(h.state.view.selectedQuote != 0)
        h.run(.top)
        #expect(h.state.view.selectedQuote == 0)
        h.run(.showTimeline)
        h.run(.bottom)
        #expect(h.state.view.selectedRow == 3)
        #expect(h.state.view.selectedQuote == 3, "the April 1 entry is in Berg's quotation: the selection follows")
    }

    // MARK: Quotations

    @Test func nextAndPreviousQuoteMoveArticleAndSidebarTogether() {
        var h = Harness(size: Self.small)
        for expected in 0..<5 {
            h.run(.nextQuote)
            #expect(h.state.view.selectedQuote == expected)
            let quote = h.document.quotes[expected]
            let words = String(h.document.article.string(quote.parts[0]).prefix(6))
            #expect(flat(h.articleLines()).contains(words), "quotation \(expected) is on screen")
        }
        h.run(.nextQuote)
        #expect(h.state.view.selectedQuote == 4)
        #expect(h.state.message?.text == "No more quotations below")
        h.run(.previousQuote)
        #expect(h.state.view.selectedQuote == 3)
        h.press("[", "[", "[")
        #expect(h.state.view.selectedQuote == 0)
        h.run(.previousQuote)
        #expect(h.state.message?.text == "No quotations above")
        // The sidebar agrees (shown in the columns arrangement).
        var wide = Harness(size: Self.wide)
        wide.press("]", "]", "]")
        let sidebar = wide.paneLines(.quotes)
        let selectedRow = wide.screen
        let quotesRect = wide.state.layout.content(of: .quotes)!
        #expect(sidebar[4].contains("Ana Ruiz"))
        #expect(selectedRow[quotesRect.x, quotesRect.y + 4].grapheme == "▌")
    }

    @Test func nextQuoteStartsFromTheReadingPosition() {
        var h = Harness(size: Self.small)
        h.run(.bottom)
        h.run(.nextQuote)
        #expect(h.state.view.selectedQuote == 3 || h.state.view.selectedQuote == 4)
        let top = h.state.view.anchor.offset
        #expect(h.document.quotes[h.state.view.selectedQuote!].span.end > top)
    }

    @Test func theSelectedQuotationStandsOut() {
        var h = Harness(size: Self.wide)
        h.run(.nextQuote)
        let screen = h.screen
        let area = h.state.layout.content(of: .article)!
        var rows: [String] = []
        for y in area.y..<area.maxY {
            var row = ""
            for x in area.x..<area.maxX where screen[x, y].style.attributes.contains(.reverse) { row += screen[x, y].grapheme }
            rows.append(row)
        }
        let reversed = flat(rows)
        #expect(reversed.hasPrefix("\"We will build it"))
        #expect(reversed.hasSuffix("well,\""))
    }

    // MARK: Answering the index at once

    @Test func settleAnswersUntilNothingIsAskedOrTheRoundsRunOut() throws {
        let library = try ReaderLibrary.holding([Fixture.analysis()] + Fixture.otherArticles())
        var state = AppState(size: Self.wide, generation: library.generation)
        let start = Reader.start(&state)
        #expect(start == [.fetch(.articles(offset: 0, limit: 2 * Reader.windowMargin + Reader.visibleEntries(.library, state),
                                           anchors: [], generation: library.generation))])

        var unanswered = state
        #expect(Reader.settle(start, &unanswered) { _ in nil } == start, "a request left unanswered is handed back")
        #expect(unanswered.articles.count == nil)

        // The page of articles opens the first article, whose analysis is the next round's request.
        var oneRound = state
        let left = Reader.settle(start, &oneRound, rounds: 1) { library.answer($0) }
        let first = try #require(oneRound.articles.row(0)?.id)
        #expect(left == [.fetch(.article(first))])
        #expect(oneRound.document == nil)

        #expect(Reader.settle(start, &state) { library.answer($0) }.isEmpty)
        #expect(state.document?.article.headlineText == Fixture.analysis().article.headlineText)
    }

    // MARK: Articles and panes

    @Test func nextAndPreviousArticleLoadOnDemand() {
        var h = Harness([Fixture.analysis()] + Fixture.otherArticles(), size: Self.wide)
        #expect(h.effects.last == .fetch(.article(h.articleID(0))), "the first article is read from the index when it opens")
        #expect(h.state.documents.count == 1)
        h.run(.nextArticle)
        #expect(h.state.current == 1)
        #expect(h.effects.last == .fetch(.article(h.articleID(1))))
        #expect(h.state.articles.row(1)?.quotationCount == 1)
        #expect(h.articleLines().first?.contains("Engineer asks for a bridge review") == true)
        h.press("}")
        h.run(.nextArticle)
        #expect(h.state.current == 2)
        #expect(h.state.message?.text == "This is the last article")
        h.press("{", "K")
        #expect(h.state.current == 0)
        h.run(.previousArticle)
        #expect(h.state.message?.text == "This is the first article")
    }

    @Test func eachArticleKeepsItsOwnPosition() {
        var h = Harness([Fixture.analysis()] + Fixture.otherArticles(), size: Self.small)
        h.press("]", "]")
        let view = h.state.view
        h.run(.nextArticle)
        #expect(h.state.view.selectedQuote == nil)
        h.run(.previousArticle)
        #expect(h.state.view == view)
    }

    @Test func activateOpensTheEntryUnderTheCursor() {
        // Library: Enter opens the article, and in the single arrangement shows it.
        var h = Harness([Fixture.analysis()] + Fixture.otherArticles(), size: Size(width: 80, height: 24))
        h.run(.showLibrary)
        h.run(.scrollDown)
        #expect(h.state.current == 0 && h.state.libraryCursor == 1)
        h.run(.activate)
        #expect(h.state.current == 1)
        #expect(h.state.focus == .article)
        // Quotes: Enter jumps the article to the quotation.
        var q = Harness(size: Self.small)
        q.run(.showQuotes)
        q.press("j", "j", "j", "j", "j")
        q.run(.activate)
        #expect(q.state.focus == .article)
        #expect(q.state.view.selectedQuote == 4)
        #expect(flat(q.articleLines()).contains("Come and see"))
        // Timeline: Enter jumps to the entry's sentence.
        var t = Harness(size: Self.small)
        t.run(.showTimeline)
        t.run(.bottom)
        t.run(.top)
        t.run(.bottom)
        t.press("enter")
        #expect(t.state.focus == .article)
        #expect(flat(t.articleLines()).contains("April 1"))
    }

    @Test func focusCyclesThroughThePanesOnScreen() {
        var wide = Harness(size: Self.wide)
        #expect(wide.state.focus == .article)
        wide.run(.focusNext)
        #expect(wide.state.focus == .quotes)
        wide.press("tab")
        #expect(wide.state.focus == .timeline)
        wide.press("l")
        #expect(wide.state.focus == .article)
        wide.run(.focusPrevious)
        #expect(wide.state.focus == .timeline)
        var single = Harness(size: Self.small)
        var seen: [Pane] = []
        for _ in 0..<4 {
            single.run(.focusNext)
            seen.append(single.state.focus)
        }
        #expect(seen == [.quotes, .timeline, .library, .article])
        single.press("shift-tab", "h")
        #expect(single.state.focus == .timeline)
    }

    @Test func showPaneCommandsFocusAndSwapTheLowerPane() {
        var h = Harness(size: Self.wide)
        #expect(h.state.layout.rect(of: .timeline) != nil)
        h.run(.showLibrary)
        #expect(h.state.focus == .library)
        #expect(h.state.layout.rect(of: .library) != nil && h.state.layout.rect(of: .timeline) == nil)
        #expect(h.text.contains("Library · 1"))
        h.run(.showTimeline)
        #expect(h.state.layout.rect(of: .timeline) != nil)
        h.run(.showQuotes)
        #expect(h.state.focus == .quotes)
        h.run(.showArticle)
        #expect(h.state.focus == .article)
        var single = Harness(size: Self.small)
        single.press("3")
        #expect(single.state.layout.panes.map(\.pane) == [.quotes])
        single.press("4")
        #expect(single.state.layout.panes.map(\.pane) == [.timeline])
    }

    // MARK: Speaker filter

    @Test func pickingASpeakerFiltersSidebarAndTimelineAndDimsTheOthers() {
        var h = Harness(size: Self.wide)
        h.run(.pickSpeaker)
        guard case .picker(let picker) = h.state.mode else {
            Issue.record("no picker")
            return
        }
        #expect(picker.candidates.map(\.name) == ["Ana Ruiz", "Tom Berg"])
        #expect(h.text.contains("3 quotations") && h.text.contains("Mayor"))
        h.type("be")
        guard case .picker(let narrowed) = h.state.mode else { return }
        #expect(narrowed.visible.map(\.name) == ["Tom Berg"])
        h.press("enter")
        #expect(h.state.mode == .normal)
        #expect(h.state.filter?.name == "Tom Berg")
        #expect(h.state.visibleQuotes(in: h.document) == [1, 3])
        #expect(h.state.visibleRows(in: h.document) == [3])
        #expect(h.state.view.selectedQuote == 1)
        let sidebar = h.paneLines(.quotes).filter { !$0.isEmpty }
        #expect(sidebar.count == 4)
        #expect(sidebar.filter { $0.contains("Tom Berg") }.count == 2)
        #expect(!sidebar.contains { $0.contains("Ana Ruiz") })
        #expect(h.text.contains("speaker: Tom Berg"))
        // Ruiz's quotation is dimmed in the article.
        let screen = h.screen
        let area = h.state.layout.content(of: .article)!
        var rows: [String] = []
        for y in area.y..<area.maxY {
            var row = ""
            for x in area.x..<area.maxX where screen[x, y].style == h.state.theme.dimmed { row += screen[x, y].grapheme }
            rows.append(row)
        }
        #expect(flat(rows).contains("\"We will build it, and we will build it well,\""))
        // ] and [ stay within the filter.
        h.run(.nextQuote)
        #expect(h.state.view.selectedQuote == 3)
    }

    @Test func pickerKeysNarrowMoveAndCancel() {
        var h = Harness(size: Self.wide)
        h.press("f")
        h.press("down")
        guard case .picker(let moved) = h.state.mode else { return }
        #expect(moved.cursor == 1)
        h.type("zz")
        guard case .picker(let none) = h.state.mode else { return }
        #expect(none.visible.isEmpty)
        #expect(h.text.contains("No speaker matches"))
        h.press("backspace", "backspace", "ctrl-u", "esc")
        #expect(h.state.mode == .normal)
        #expect(h.state.filter == nil)
    }

    @Test func clearFilterShowsEveryoneAgain() {
        var h = Harness(size: Self.wide)
        h.run(.clearFilter)
        #expect(h.state.message?.text == "No speaker filter to clear")
        h.press("f")
        h.type("ruiz")
        h.press("enter")
        #expect(h.state.visibleQuotes(in: h.document) == [0, 2, 4])
        h.press("F")
        #expect(h.state.filter == nil)
        #expect(h.state.visibleQuotes(in: h.document).count == 5)
    }

    @Test func theFilterCarriesAcrossArticlesAndTheLibraryShowsWhereTheSpeakerIs() {
        var h = Harness([Fixture.analysis()] + Fixture.otherArticles(), size: Size(width: 160, height: 40))
        h.press("f")
        guard case .picker(let picker) = h.state.mode else { return }
        let berg = picker.candidates.first { $0.name == "Tom Berg" }
        #expect(berg?.quotationCount == 3 && berg?.articleCount == 2)
        h.type("tom")
        h.press("enter")
        #expect(h.state.filteredCount(entry: 0) == 2)
        #expect(h.state.filteredCount(entry: 1) == 1)
        #expect(h.state.filteredCount(entry: 2) == 0)
        let library = h.paneLines(.library).joined(separator: "\n")
        #expect(library.contains("2 by Tom Berg") && library.contains("1 by Tom Berg") && library.contains("not quoted"))
        h.run(.nextArticle)
        #expect(h.state.visibleQuotes(in: h.document) == [0])
        #expect(h.state.view.selectedQuote == 0, "the speaker's first quotation is selected")
        // With the filter, } and { skip articles that do not quote the speaker.
        h.run(.nextArticle)
        #expect(h.state.current == 1)
        #expect(h.state.message?.text == "No later article quotes Tom Berg")
        h.run(.previousArticle)
        #expect(h.state.current == 0)
        h.press("F", "}", "}")
        #expect(h.state.current == 2)
    }

    // MARK: Search

    @Test func searchFindsRevealsAndSteps() {
        var h = Harness(size: Self.small)
        h.run(.search)
        #expect(h.state.mode == .searching(TextField()))
        h.type("Flood")
        #expect(h.screen.lines.last?.hasPrefix("/Flood") == true)
        h.press("enter")
        #expect(h.state.mode == .normal)
        let search = h.state.search!
        #expect(search.matches.count == 2)  // "flood" and "floods", case-insensitive
        #expect(search.current == 0)
        #expect(flat(h.articleLines()).lowercased().contains("flood"))
        h.run(.nextMatch)
        #expect(h.state.search?.current == 1)
        h.press("n")
        #expect(h.state.search?.current == 0)
        #expect(h.state.message?.text == "Search wrapped to the top")
        h.press("N")
        #expect(h.state.search?.current == 1)
        #expect(h.state.message?.text == "Search wrapped to the bottom")
        h.run(.previousMatch)
        #expect(h.state.search?.current == 0)
        // Curly and straight quotes match alike.
        h.press("/")
        h.type("\"très")
        h.press("enter")
        #expect(h.state.search?.matches.count == 1)
    }

    @Test func searchNotFoundAndCancel() {
        var h = Harness(size: Self.small)
        h.run(.nextMatch)
        #expect(h.state.message?.text == "No search yet: press / to search")
        h.press("/")
        h.type("zeppelin")
        h.press("enter")
        #expect(h.state.message?.text == "Not found: zeppelin")
        h.press("/")
        h.type("x")
        h.press("backspace", "backspace")
        #expect(h.state.mode == .normal)
        h.press("/")
        h.type("bridge")
        h.press("esc")
        #expect(h.state.mode == .normal)
        #expect(h.state.search?.query == "zeppelin")
        h.run(.cancel)
        #expect(h.state.search == nil)
    }

    // MARK: Help, redraw, quit, unbound keys

    @Test func helpShowsEveryBindingAndAnyKeyCloses() {
        var h = Harness(size: Size(width: 80, height: 24))
        h.run(.help)
        #expect(h.state.mode == .help(top: 0))
        #expect(h.text.contains("next quotation (article and sidebar together)"))
        h.press("j")
        #expect(h.state.mode == .help(top: 1))
        h.press("G")
        guard case .help(let top) = h.state.mode else { return }
        #expect(top > 1)
        #expect(h.text.contains("Keys and colours"))
        h.press("q")
        #expect(h.state.mode == .normal)
        #expect(!h.state.quitting)
    }

    @Test func redrawAndQuitAreEffects() {
        var h = Harness()
        h.run(.redraw)
        #expect(h.effects.last == .redraw)
        h.press("q")
        #expect(h.effects.last == .quit)
        #expect(h.state.quitting)
    }

    @Test func anUnboundKeySaysHowToFindTheKeys() {
        var h = Harness()
        h.press("z")
        #expect(h.state.message?.text == "z is not bound: press ? for the keys")
        h.press("j")
        #expect(h.state.message == nil)
    }

    // MARK: Resize, loading, notifications

    @Test func resizeKeepsTheReadingPosition() {
        var h = Harness(size: Size(width: 80, height: 24))
        for _ in 0..<8 { h.press("j") }
        let anchor = h.state.view.anchor
        #expect(anchor.paragraph > 1)
        let top = h.articleLines()[0]
        // Through sizes where the article wraps differently, and one where all of it fits.
        for size in [Size(width: 50, height: 20), Size(width: 40, height: 12), Size(width: 200, height: 80),
                     Size(width: 80, height: 24)] {
            h.send(.resize(size))
            #expect(h.state.size == size)
            #expect(h.state.view.anchor == anchor)
        }
        #expect(h.articleLines()[0] == top)
        // At another width, the top row is the one holding the same text.
        h.send(.resize(Size(width: 50, height: 20)))
        let rows = ArticleRows(document: h.document, width: Reader.textWidth(Reader.articleArea(h.state)))
        let line = rows.lines(anchor.paragraph)[rows.position(of: anchor).row]
        #expect(line.start <= anchor.offset && anchor.offset < line.end)
        let words = h.document.article.string(TextSpan(line.start, line.end))
        #expect(h.articleLines()[0].trimmingSpaces == words)
    }

    @Test func aRememberedPositionIsRestoredWhenTheArticleLoads() {
        let document = ReaderDocument(Fixture.analysis(), paletteSize: 12)
        let paragraph = 5
        let offset = document.article.paragraphs[paragraph].span.start
        let h = Harness([Fixture.analysis()], size: Self.small,
                        remembered: [document.identity: RememberedView(paragraph: paragraph, offset: offset, quote: 2)])
        #expect(h.state.view.selectedQuote == 2)
        #expect(h.state.view.anchor.paragraph == paragraph)
        // A stale position (the text changed) is ignored.
        let stale = Harness([Fixture.analysis()], size: Self.small,
                            remembered: [document.identity: RememberedView(paragraph: 99, offset: 5, quote: 42)])
        #expect(stale.state.view == ArticleView())
        // And this run's positions are what gets saved.
        #expect(h.state.rememberedViews[document.identity]?.quote == 2)
    }

    @Test func aFailedLoadIsShownNotFatal() {
        var h = Harness([Fixture.analysis()] + Fixture.otherArticles(), size: Size(width: 160, height: 40))
        let third = h.articleID(2)
        h.send(.answered(.failed(.article(third), message: "permission denied")))
        #expect(h.paneLines(.library).joined().contains("unreadable"))
        h.state.current = 2
        h.state.currentID = third
        h.send(.answered(.failed(.article(third), message: "permission denied")))
        #expect(h.state.message?.text == "permission denied")
        #expect(h.text.contains("Could not open this article: permission denied"))
    }

    @Test func notifyShowsAMessageThatStaysForOneKey() {
        var h = Harness()
        h.send(.notify(StatusMessage("warning: config.toml:3: bad", kind: .warning, sticky: true)))
        #expect(h.screen.lines.last?.contains("config.toml:3") == true)
        h.press("j")
        #expect(h.state.message != nil)
        h.press("j")
        #expect(h.state.message == nil)
    }

    /// Guard: every command does something visible from a state where it applies.
    @Test(arguments: Command.allCases)
    func everyCommandChangesSomething(command: Command) {
        var h = Harness([Fixture.analysis()] + Fixture.otherArticles(), size: Self.small)
        h.run(.nextArticle)
        h.run(.previousArticle)
        h.press("]", "]")
        h.press("/")
        h.type("bridge")
        h.press("enter")
        h.press("f")
        h.type("ruiz")
        h.press("enter")
        h.state.message = nil
        if command == .showArticle || command == .activate { h.run(.showQuotes) }
        if command == .scrollUp || command == .halfPageUp || command == .pageUp || command == .top { h.run(.bottom) }
        let before = h.screen
        let effects = h.effects.count
        h.run(command)
        #expect(h.screen != before || h.effects.count > effects, "\(command) changed nothing")
    }
}
