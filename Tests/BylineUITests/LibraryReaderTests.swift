import BylineCore
import BylineIndex
import Foundation
import Testing

@testable import BylineUI

/// The reader over a library index: the library pane from the index, a speaker's quotations
/// across the library, the filter by merged speaker, the library timeline, library search, and
/// opening before indexing has finished. `LibraryFixture` writes the articles and indexes
/// them; the reader asks the index as it does in the terminal (answered at once here).
@Suite struct LibraryReaderTests {
    static let wide = Size(width: 200, height: 50)

    /// A reader over the fixture library, indexed.
    static func reader(size: Size = wide) throws -> (LibraryFixture, Harness) {
        let fixture = try LibraryFixture()
        try fixture.update()
        return (fixture, Harness(library: fixture.library, size: size))
    }

    /// The library pane's entries: the first row of each (cursor bar and marks trimmed).
    static func entries(_ h: Harness) -> [String] {
        h.paneLines(.library).enumerated().filter { $0.offset % 2 == 0 }.map(\.element.trimmingSpaces)
            .map { $0.hasPrefix("●") || $0.hasPrefix("•") ? String($0.dropFirst()).trimmingSpaces : $0 }.filter { !$0.isEmpty }
    }

    /// Their second rows.
    static func details(_ h: Harness) -> [String] {
        h.paneLines(.library).enumerated().filter { $0.offset % 2 == 1 }.map(\.element.trimmingSpaces).filter { !$0.isEmpty }
    }

    /// Rows equal to the expected ones, or cut short of them with an ellipsis.
    static func fit(_ rows: [String], _ expected: [String]) -> Bool {
        rows.count == expected.count && zip(rows, expected).allSatisfy { row, full in
            row == full || (row.hasSuffix("…") && full.hasPrefix(String(row.dropLast())))
        }
    }

    static func pickIvoDaalder(_ h: inout Harness) {
        h.press("f")
        h.type("ivo")
        h.press("enter")
    }

    // MARK: The library pane

    @Test func theLibraryPaneListsTheIndexAndOpensTheFirstArticle() throws {
        var (_, h) = try Self.reader()
        #expect(h.text.contains("Library · 5"))
        #expect(h.state.layout.rect(of: .library) != nil)
        h.press("1")
        #expect(Self.entries(h) == [
            "NATO talks open in Brussels", "Iraqi lawmakers refuse immunity for trainers", "NATO running out of time in Iraq",
            "Dutch minister backs the mission", "Snow closes the mountain roads",
        ])
        #expect(Self.details(h) == [
            "15 Nov 2011 · 2 quotations", "28 Nov 2011 · 1 quotation", "2 Dec 2011 · 2 quotations", "6 Dec 2011 · 1 quotation",
            "9 Dec 2011 · 1 quotation",
        ])
        #expect(h.state.current == 0)
        #expect(h.document.article.headlineText == "NATO talks open in Brussels")
        #expect(h.text.contains("Quotes · 2"))
        #expect(h.text.contains("article 1/5"))
    }

    @Test func aLongLibraryIsReadAPageAtATime() throws {
        // 300 articles: the reader holds the rows around the window, never the whole list.
        var analyses: [AnalyzedArticle] = []
        for n in 0..<300 {
            let article = Article(text: "Article number \(n)\n\nNothing was said.", source: String(format: "many/%03d.txt", n))
            analyses.append(AnalyzedArticle(article: article, quotes: [], speakers: [], timeExpressions: [], timeline: Timeline()))
        }
        var h = Harness(analyses, size: Size(width: 80, height: 24))
        h.press("1")
        #expect(h.state.articles.count == 300)
        #expect(h.state.articles.rows.count < 150)
        h.press("G")
        #expect(h.state.libraryCursor == 299)
        #expect(h.state.articles.row(299)?.headline == "Article number 299")
        #expect(h.state.articles.rows.count < 150)
        #expect(h.paneLines(.library).joined().contains("Article number 299"))
        h.press("enter")
        #expect(h.state.current == 299)
        #expect(h.document.article.headlineText == "Article number 299")
        h.press("{")
        #expect(h.document.article.headlineText == "Article number 298")
        h.press("1", "g")
        #expect(h.paneLines(.library).joined().contains("Article number 0"))
    }

    // MARK: A speaker across the library

    @Test func thePickerListsTheLibrarysMergedSpeakers() throws {
        var (_, h) = try Self.reader()
        h.press("f")
        guard case .picker(let picker) = h.state.mode else {
            Issue.record("no picker")
            return
        }
        let ivo = try #require(picker.candidates.first)
        #expect(ivo.name == "Ivo Daalder" && ivo.quotationCount == 4 && ivo.articleCount == 2)
        #expect(ivo.description == "U.S. Ambassador to NATO")
        #expect(h.text.contains("4 in 2 art."))
        h.type("daa")
        guard case .picker(let narrowed) = h.state.mode else { return }
        #expect(Set(narrowed.visible.map(\.name)) == ["Ivo Daalder", "Hanna Daalder", "Daalder"])
    }

    @Test func aSpeakersQuotationsAcrossTheLibraryInDateOrderEachOpensItsArticle() throws {
        var (_, h) = try Self.reader()
        Self.pickIvoDaalder(&h)
        h.press("A")
        #expect(h.state.library.view == .quotations)
        #expect(h.state.focus == .library)
        #expect(h.text.contains("Ivo Daalder · 4 quotations in 2 articles"))
        #expect(Self.entries(h) == [
            "15 Nov 2011 · NATO talks open in Brussels", "15 Nov 2011 · NATO talks open in Brussels",
            "2 Dec 2011 · NATO running out of time in Iraq", "2 Dec 2011 · NATO running out of time in Iraq",
        ])
        #expect(Self.details(h) == [
            "“Talks are open,”", "“We meet again on 2011-11-20,”", "“We are running out of time,”",
            "“The deadline is 2011-12-31,”",
        ])
        // Enter on the fourth: its article opens with that quotation selected.
        h.press("j", "j", "j", "enter")
        #expect(h.state.current == 2)
        #expect(h.document.article.headlineText == "NATO running out of time in Iraq")
        #expect(h.state.view.selectedQuote == 1)
        #expect(flat(h.articleLines()).contains("The deadline is 2011-12-31"))
        #expect(h.state.focus == .library, "in the columns arrangement the list keeps the focus")
        // And the first goes back to the first article.
        h.press("g", "enter")
        #expect(h.state.current == 0)
        #expect(h.state.view.selectedQuote == 0)
        // Esc: back to the articles.
        h.press("esc")
        #expect(h.state.library.view == .articles)
        #expect(h.text.contains("Library · 5"))
    }

    @Test func withoutAFilterTheQuotationsKeyAsksForTheSpeakerFirst() throws {
        var (_, h) = try Self.reader(size: Size(width: 80, height: 24))
        h.press("A")
        #expect(h.text.contains("A speaker's quotations across the library"))
        h.type("karim")
        h.press("enter")
        #expect(h.state.filter?.name == "Hassan Karim")
        #expect(h.state.library.view == .quotations)
        #expect(h.state.layout.panes.map(\.pane) == [.library])
        h.press("enter")
        #expect(h.state.focus == .article, "in the single arrangement the article shows")
        #expect(h.document.article.headlineText == "Iraqi lawmakers refuse immunity for trainers")
        #expect(h.state.view.selectedQuote == 0)
    }

    @Test func theFilterIsTheMergedSpeakerNotTheName() throws {
        var (_, h) = try Self.reader()
        Self.pickIvoDaalder(&h)
        let filter = try #require(h.state.filter)
        #expect(filter.person != nil)
        #expect(filter.aliases == ["Daalder"])
        // Where he is quoted, by the index: not in the article of the lone `Daalder`, whom the
        // index could not tell from Hanna Daalder.
        #expect((0..<5).map { h.state.filteredCount(entry: $0) } == [2, 0, 2, 0, 0])
        h.press("1")
        #expect(Self.details(h) == [
            "15 Nov 2011 · 2 by Ivo Daalder", "28 Nov 2011 · not quoted", "2 Dec 2011 · 2 by Ivo Daalder",
            "6 Dec 2011 · not quoted", "9 Dec 2011 · not quoted",
        ])
        h.press("2")
        // } and { go to the articles that quote him.
        h.press("}")
        #expect(h.state.current == 2)
        #expect(h.state.visibleQuotes(in: h.document) == [0, 1])
        #expect(h.state.view.selectedQuote == 0)
        h.press("}")
        #expect(h.state.message?.text == "No later article quotes Ivo Daalder")
        // The lone `Daalder` matches the filter's name and alias, but is another speaker of the index.
        h.press("1", "G", "enter")
        #expect(h.document.article.headlineText == "Snow closes the mountain roads")
        let lone = try #require(h.document.speakers.first)
        #expect(lone.name == "Daalder")
        #expect(filter.matches(lone), "by name alone he would pass")
        #expect(h.state.visibleQuotes(in: h.document).isEmpty)
        #expect(h.document.persons[0] != filter.person)
        #expect(h.text.contains("No quotations by Ivo Daalder in this article."))
    }

    // MARK: The library timeline

    @Test func theLibraryTimelineIsInDateOrderAndOpensTheSentence() throws {
        var (_, h) = try Self.reader()
        h.press("T")
        #expect(h.state.library.view == .timeline)
        #expect(h.text.contains("Library timeline · 4"))
        #expect(Self.entries(h) == [
            "20 Nov 2011  2011-11-20 · Ivo Daalder", "5 Dec 2011  2011-12-05", "8 Dec 2011  2011-12-08",
            "31 Dec 2011  2011-12-31 · Ivo Daalder",
        ])
        #expect(Self.fit(Self.details(h).map { $0.hasPrefix("●") ? String($0.dropFirst()).trimmingSpaces : $0 }, [
            "15 Nov 2011 · NATO talks open in Brussels", "28 Nov 2011 · Iraqi lawmakers refuse immunity for trainers",
            "9 Dec 2011 · Snow closes the mountain roads", "2 Dec 2011 · NATO running out of time in Iraq",
        ]))
        h.press("j", "j", "enter")
        #expect(h.document.article.headlineText == "Snow closes the mountain roads")
        #expect(h.state.current == 4)
        let row = try #require(h.state.view.selectedRow)
        #expect(h.document.timelineRows[row].expression == "2011-12-08")
        #expect(h.state.view.selectionSource == .timeline)
        // With a speaker filter, that speaker's events only.
        Self.pickIvoDaalder(&h)
        h.press("T")
        #expect(Self.entries(h) == ["20 Nov 2011  2011-11-20 · Ivo Daalder", "31 Dec 2011  2011-12-31 · Ivo Daalder"])
        #expect(h.text.contains("Library timeline · Ivo Daalder · 2"))
    }

    /// With the real analysis: the library timeline lists an article's events in the order of
    /// its own timeline pane, and interleaves a second article's by the same order (equal
    /// places: the earlier article first).
    @Test func theLibraryTimelineKeepsTheArticleTimelineOrder() throws {
        let ferry = Analyzer.analyze(Article(
            text: "Ferry service resumes\n\nThe ferry returns in December, the port said on Wednesday. "
                + "Tickets go on sale on Dec. 31.",
            source: "ferry.txt", date: CivilDate(year: 2011, month: 12, day: 5)))
        var h = Harness([Seed.analysis, ferry], size: Self.wide)
        func expressions() -> [String] {
            Self.entries(h).compactMap { entry in entry.range(of: "  ").map { String(entry[$0.upperBound...]) } }
                .map { $0.components(separatedBy: " · ")[0] }
        }
        // The library opens on the ferry article (path order).
        #expect(h.document.article.source == "ferry.txt")
        let ferryOrder = h.document.timelineRows.map(\.expression)
        h.press("T")
        #expect(h.text.contains("Library timeline · 14"))
        #expect(expressions() == [
            "this year", "Nov. 15", "this week", "Wednesday", "Wednesday", "this month", "December", "Thursday", "today",
            "Friday morning", "the end of 2011", "Dec. 31", "Dec. 31", "post-2011",
        ])
        // Each article's events among them are in its own timeline's order.
        let rows = Array(zip(expressions(), Self.details(h)))
        #expect(rows.filter { $0.1.contains("Ferry service resumes") }.map(\.0) == ferryOrder)
        let seed = Seed.analysis
        #expect(rows.filter { $0.1.contains("NATO running out of time") }.map(\.0)
            == seed.timeline.entries.map { seed.article.string(seed.timeExpressions[$0.expression].span) })
    }

    // MARK: Searching the library

    @Test func searchingTheLibraryListsRankedHitsAndOpensOne() throws {
        var (_, h) = try Self.reader()
        h.press("S")
        #expect(h.state.mode == .searchingLibrary(TextField()))
        h.type("immunity")
        #expect(h.screen.lines.last?.hasPrefix("Search the library: immunity") == true)
        h.press("enter")
        #expect(h.state.library.view == .search("immunity"))
        #expect(h.text.contains("Search · immunity · 1 article, 1 quotation"))
        #expect(Self.fit(Self.entries(h), ["Iraqi lawmakers refuse immunity for trainers",
                                           "Hassan Karim · Iraqi lawmakers refuse immunity for trainers"]))
        #expect(Self.fit(Self.details(h), ["Iraqi lawmakers refuse immunity for trainers Parliament will not grant immunity",
                                           "“Immunity is not on the table,”"]))
        // The matched words stand out in the snippets.
        let screen = h.screen
        let area = h.state.layout.content(of: .library)!
        var matched: [String] = []
        for y in area.y..<area.maxY {
            var run = ""
            for x in area.x..<area.maxX where screen[x, y].style == h.state.theme.match { run += screen[x, y].grapheme }
            if !run.isEmpty { matched.append(run) }
        }
        #expect(!matched.isEmpty && matched.allSatisfy { $0.lowercased().hasPrefix("immunity") })
        // Enter opens the article at its matches, highlighted; n steps through them.
        h.press("enter")
        #expect(h.state.current == 1)
        let search = try #require(h.state.search)
        #expect(search.matches.count == 3)
        #expect(search.matches.allSatisfy { h.document.article.string($0).lowercased() == "immunity" })
        #expect(search.current == 0)
        h.press("n")
        #expect(h.state.search?.current == 1)
        // The quotation hit opens the article at the quotation.
        h.press("j", "enter")
        #expect(h.state.view.selectedQuote == 0)
        #expect(h.state.search?.matches.count == 3)
        // A click on an entry opens it too.
        let library = h.state.layout.content(of: .library)!
        h.click(x: library.x + 4, y: library.y)
        #expect(h.state.library.position.cursor == 0)
        #expect(h.state.view.selectedQuote == 0, "the same article: the selection stays")
        #expect(h.state.search?.current == 0, "back at the first match")
        // / in the library pane searches the library; in the article, the article.
        h.press("/")
        #expect(h.state.mode == .searchingLibrary(TextField()))
        h.press("esc", "2", "/")
        #expect(h.state.mode == .searching(TextField()))
    }

    @Test func aSearchWithoutHitsSaysSo() throws {
        var (_, h) = try Self.reader()
        h.press("S")
        h.type("zeppelin")
        h.press("enter")
        #expect(h.text.contains("No article or quotation matches “zeppelin”."))
    }

    // MARK: Opening before indexing has finished

    @Test func theReaderOpensBeforeTheFirstIndexingAndFillsAsItCommits() throws {
        let fixture = try LibraryFixture()
        // Nothing indexed yet: the index has not answered, then it has no article.
        var h = Harness(library: fixture.library, size: Self.wide, holdingAnswers: true)
        h.send(.indexing(IndexProgress(phase: .scanning)))
        #expect(h.state.articles.count == nil)
        #expect(h.text.contains("Indexing the library: looking for articles…"))
        h.holdingAnswers = false
        h.answerHeld()
        #expect(h.state.articles.count == 0)
        #expect(h.state.currentID == nil)
        #expect(h.text.contains("Indexing the library: looking for articles…"))
        #expect(h.screen.lines.last?.contains("indexing: looking for articles") == true)
        // The scan found the files: the library column shows, waiting for their analysis.
        var progress = IndexProgress(phase: .analyzing)
        progress.files = 5
        progress.toAnalyze = 5
        progress.analyzed = 3
        progress.analyzingElapsed = 1
        progress.generation = h.state.generation
        h.send(.indexing(progress))
        #expect(h.screen.lines.last?.contains("indexing 3/5 · 3/s") == true)
        #expect(h.paneLines(.library).joined().contains("Indexing: the first articles are on their way…"))
        // Batches committed: the progress moves the generation, and the reader asks again.
        let finished = try fixture.update()
        h.send(.indexing(finished))
        #expect(h.state.indexing == nil)
        #expect(h.text.contains("Library · 5"))
        #expect(h.state.currentID != nil)
        #expect(h.document.article.headlineText == "NATO talks open in Brussels")
        #expect(h.state.message?.text == "Library indexed: 5 articles analysed, 5 in all")
    }

    @Test func aWarmCacheShowsAtOnceAndKeepsTheOpenArticleAsTheLibraryGrows() throws {
        let fixture = try LibraryFixture(count: 3)
        try fixture.update()
        var h = Harness(library: fixture.library, size: Self.wide)
        #expect(h.text.contains("Library · 3"))
        h.press("}", "}")
        let open = try #require(h.state.currentID)
        #expect(h.document.article.headlineText == "NATO running out of time in Iraq")
        #expect(h.state.current == 2)
        // Two more articles, and one dated before the others: the open article moves down one.
        try fixture.writeTheRest()
        try fixture.write("2011-11-01_early.txt", "An early article\n\n“It begins,” said Ivo Daalder.")
        let task = fixture.index.startUpdate(paths: [fixture.folder.path], analysis: LibraryFixture.analysis)
        if case .failure(let error) = task.wait() { Issue.record("update failed: \(error)") }
        h.send(.indexing(task.progress))
        #expect(h.text.contains("Library · 6"))
        #expect(h.state.currentID == open)
        #expect(h.state.current == 3)
        #expect(h.text.contains("Article 4/6"))
        #expect(Self.entries(h).first == "An early article")
        #expect(h.document.article.headlineText == "NATO running out of time in Iraq")
    }

    // MARK: Screens

    @Test func snapshotsOfTheListsAcrossTheLibrary() throws {
        var (_, h) = try Self.reader()
        Self.pickIvoDaalder(&h)
        h.press("A", "j", "j", "enter")
        Snapshot.check(h.screen, name: "library-200x50-quotations",
                       title: "fixture library, f ivo Enter A j j Enter: Ivo Daalder across the library")
        var search = try Self.reader(size: Size(width: 120, height: 40)).1
        search.press("S")
        search.type("immunity")
        search.press("enter")
        Snapshot.check(search.screen, name: "library-120x40-search",
                       title: "fixture library, S immunity Enter: the results in the lower right pane")
    }
}
