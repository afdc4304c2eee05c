import BylineCore
import Foundation
import Testing

@testable import BylineUI

@Suite struct LayoutTests {
    @Test func arrangementFollowsTheSize() {
        func arrangement(_ w: Int, _ h: Int, articles: Int = 1) -> FrameLayout {
            FrameLayout.compute(size: Size(width: w, height: h), focus: .article, secondary: .timeline, articleCount: articles)
        }
        #expect(arrangement(120, 40).arrangement == .columns)
        #expect(arrangement(120, 40).panes.map(\.pane) == [.article, .quotes, .timeline])
        #expect(arrangement(200, 60, articles: 3).panes.map(\.pane) == [.library, .article, .quotes, .timeline])
        #expect(arrangement(200, 60, articles: 1).panes.map(\.pane) == [.article, .quotes, .timeline])
        #expect(arrangement(80, 24).arrangement == .single)
        #expect(arrangement(80, 24).panes.map(\.pane) == [.article])
        #expect(arrangement(40, 12).arrangement == .single)
        #expect(arrangement(29, 12).arrangement == .tooSmall)
        #expect(arrangement(40, 7).arrangement == .tooSmall)
        #expect(arrangement(99, 40).arrangement == .single)
        #expect(arrangement(100, 16).arrangement == .columns)
    }

    /// Panes, rules and the status line tile the screen: no overlap, nothing outside.
    @Test(arguments: [Size(width: 100, height: 16), Size(width: 120, height: 40), Size(width: 157, height: 33),
                      Size(width: 200, height: 60), Size(width: 80, height: 24), Size(width: 30, height: 8)])
    func partsTileTheScreen(size: Size) {
        let layout = FrameLayout.compute(size: size, focus: .article, secondary: .timeline, articleCount: 3)
        var covered = Array(repeating: 0, count: size.width * size.height)
        for rect in layout.panes.map(\.rect) + layout.rules + [layout.status] + (layout.tabs.map { [$0] } ?? []) {
            #expect(rect.x >= 0 && rect.y >= 0 && rect.maxX <= size.width && rect.maxY <= size.height)
            for y in rect.y..<rect.maxY { for x in rect.x..<rect.maxX { covered[y * size.width + x] += 1 } }
        }
        #expect(covered.allSatisfy { $0 == 1 })
    }

    @Test func tooSmallAsksForMoreRoom() {
        let h = Harness(size: Size(width: 24, height: 6))
        #expect(h.text.contains("Enlarge the terminal"))
        #expect(h.text.contains("30×8"))
        #expect(h.text.contains("24×6"))
        var tiny = Harness(size: Size(width: 3, height: 1))
        #expect(tiny.screen.width == 3)
        tiny.press("q")
        #expect(tiny.effects.last == .quit)
    }
}

@Suite struct MouseTests {
    @Test func clickingASidebarEntrySelectsItAndJumpsTheArticle() {
        var h = Harness(size: Size(width: 120, height: 40))
        let area = h.state.layout.content(of: .quotes)!
        h.click(x: area.x + 3, y: area.y + 2 * 4)  // the fifth entry
        #expect(h.state.focus == .quotes)
        #expect(h.state.view.selectedQuote == 4)
        #expect(flat(h.articleLines()).contains("Come and see"))
    }

    @Test func clickingAQuotationInTheArticleSelectsIt() {
        var h = Harness(size: Size(width: 120, height: 40))
        let area = h.state.layout.content(of: .article)!
        let lines = h.articleLines()
        let row = lines.firstIndex { $0.contains("It is too costly") }!
        let column = Array(lines[row]).firstIndex(of: "I")!
        h.click(x: area.x + column + 2, y: area.y + row)
        #expect(h.state.view.selectedQuote == 1)
        #expect(h.state.focus == .article)
    }

    @Test func theWheelScrollsThePaneUnderThePointer() {
        var h = Harness(size: Size(width: 40, height: 12))
        let before = h.articleLines()
        h.send(.mouse(MouseEvent(x: 5, y: 5, kind: .wheelDown)))
        #expect(h.articleLines()[0] == before[3])
        h.send(.mouse(MouseEvent(x: 5, y: 5, kind: .wheelUp)))
        #expect(h.articleLines() == before)
        var wide = Harness(size: Size(width: 120, height: 40))
        let quotes = wide.state.layout.content(of: .quotes)!
        wide.send(.mouse(MouseEvent(x: quotes.x + 2, y: quotes.y + 1, kind: .wheelDown)))
        #expect(wide.state.view.selectedQuote == 0)
        #expect(wide.state.focus == .article, "the wheel does not move the focus")
    }

    @Test func clickingATabSwitchesPaneAndTheLibraryOpens() {
        var h = Harness([Fixture.analysis()] + Fixture.otherArticles(), size: Size(width: 80, height: 24))
        let tab = TabBar.items(width: 80).first { $0.pane == .library }!
        h.click(x: tab.x + 2, y: 0)
        #expect(h.state.focus == .library)
        h.click(x: 4, y: 1 + 2 * 2)  // the third entry
        #expect(h.state.current == 2)
        #expect(h.state.libraryCursor == 2)
    }

    @Test func overlaysTakeTheMouse() {
        var h = Harness(size: Size(width: 120, height: 40))
        h.press("f")
        guard case .picker(let picker) = h.state.mode else { return }
        let frame = PickerBox.frame(for: h.state.size, picker: picker)
        h.click(x: frame.x + 4, y: frame.y + 3)  // the second speaker
        #expect(h.state.filter?.name == "Tom Berg")
        h.press("?")
        h.click(x: 1, y: 1)
        #expect(h.state.mode == .normal)
    }
}

@Suite struct ThemeTests {
    @Test func monochromeUsesAttributesOnly() {
        var h = Harness(size: Size(width: 120, height: 40), theme: Theme(mode: .monochrome))
        h.press("]")
        let screen = h.screen
        #expect(screen.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
        let styles = Set(screen.cells.map(\.style.attributes))
        #expect(styles.contains([.reverse, .bold]))  // the selected quotation
        #expect(styles.contains(.underline))  // other quotations
        #expect(styles.contains(.bold))  // mentions
    }

    @Test func speakersKeepTheirColourAcrossArticles() {
        let a = ReaderDocument(Fixture.analysis(), paletteSize: 12)
        let b = ReaderDocument(Fixture.otherArticles()[0], paletteSize: 12)
        #expect(a.colorSlots[1] == b.colorSlots[0], "Tom Berg")
        #expect(a.colorSlots[0] != a.colorSlots[1])
        let eight = ReaderDocument(Fixture.analysis(), paletteSize: Theme(mode: .basic).paletteSize)
        #expect(eight.colorSlots.allSatisfy { $0 < 6 })
    }

    @Test func mentionsAndQuotationsTakeTheSpeakersColour() {
        let h = Harness(size: Size(width: 120, height: 40))
        let theme = h.state.theme
        let slot = h.document.colorSlots[0]
        let screen = h.screen
        let styles = Set(screen.cells.map(\.style))
        #expect(styles.contains(theme.mention(slot: slot)))
        #expect(styles.contains(theme.quote(slot: slot)))
        #expect(theme.mention(slot: slot).foreground == .indexed(Theme.extendedSpeakerColors[slot]))
    }
}

/// Wrapping is per paragraph and cached: a key press never wraps the whole article.
@Suite struct WrapCacheTests {
    static func longArticle(paragraphs: Int) -> AnalyzedArticle {
        var text = "A very long article\n\n"
        for i in 0..<paragraphs {
            text += "Paragraph \(i) says \"something quotable number \(i)\" and then goes on for a while, "
                + "long enough to wrap onto a second line at most widths a reader would use.\n\n"
        }
        let article = Article(text: text, source: "long.txt", date: CivilDate(year: 2024, month: 1, day: 1)!)
        return AnalyzedArticle(article: article, quotes: [], speakers: [], timeExpressions: [], timeline: Timeline())
    }

    @Test func scrollingAndJumpingWrapOnlyWhatIsShown() {
        var h = Harness([Self.longArticle(paragraphs: 5000)], size: Size(width: 120, height: 40))
        let width = Reader.textWidth(Reader.articleArea(h.state))
        h.press("j", "j", "ctrl-d", "pgdn")
        #expect(h.document.wrappedParagraphCount(width: width) < 60)
        h.press("G")
        #expect(h.articleLines().contains { $0.contains("Paragraph 4999") })
        h.press("k", "pgup")
        #expect(h.document.wrappedParagraphCount(width: width) < 120)
        h.send(.resize(Size(width: 100, height: 30)))
        _ = h.screen
        #expect(h.document.wrappedParagraphCount(width: Reader.textWidth(Reader.articleArea(h.state))) < 60)
    }
}
