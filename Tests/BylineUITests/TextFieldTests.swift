import Testing

@testable import BylineUI

/// The one text-input component: its keys, how it draws, and the three places that use it
/// (the article search, the library search, the speaker picker).
@Suite struct TextFieldTests {
    func typed(_ text: String) -> TextField {
        var field = TextField()
        for c in text { _ = field.handle(.character(c)) }
        return field
    }

    @Test func editsAtTheCursorLikeALineEditor() {
        var field = typed("flod")
        #expect(field.cursor == 4)
        #expect(field.handle(.left) == .moved)
        #expect(field.handle(.character("o")) == .edited)
        #expect(field.text == "flood" && field.cursor == 4)
        #expect(field.handle(.home) == .moved)
        #expect(field.handle(.delete) == .edited)
        #expect(field.text == "lood" && field.cursor == 0)
        #expect(field.handle(.backspace) == .moved, "nothing before the cursor to delete")
        _ = field.handle(.control("e"))
        #expect(field.cursor == 4)
        #expect(field.handle(.right) == .moved)
        #expect(field.cursor == 4, "the cursor stays inside the text")
    }

    @Test func deletesWordsAndEitherSideOfTheCursor() {
        var field = typed("river  flood warning")
        _ = field.handle(.control("w"))
        #expect(field.text == "river  flood ")
        _ = field.handle(.control("w"))
        #expect(field.text == "river  ")
        field = typed("river flood")
        for _ in 0..<5 { _ = field.handle(.control("b")) }
        _ = field.handle(.control("k"))
        #expect(field.text == "river " && field.cursor == 6)
        _ = field.handle(.control("a"))
        _ = field.handle(.control("f"))
        _ = field.handle(.control("u"))
        #expect(field.text == "iver " && field.cursor == 0)
    }

    @Test func enterEscapeAndOtherKeys() {
        var field = typed("x")
        #expect(field.handle(.enter) == .submitted)
        #expect(field.handle(.escape) == .cancelled)
        #expect(field.handle(.up) == .ignored)
        #expect(field.handle(.function(5)) == .ignored)
        var empty = TextField()
        #expect(empty.handle(.backspace, cancelsWhenEmpty: true) == .cancelled)
        #expect(empty.handle(.backspace) == .moved)
        #expect(field.text == "x")
    }

    @Test func wideAndCombinedCharactersAreOneStepEach() {
        var field = typed("日本e\u{301}")
        #expect(field.cursor == 3)
        _ = field.handle(.backspace)
        #expect(field.text == "日本")
        _ = field.handle(.left)
        _ = field.handle(.character("x"))
        #expect(field.text == "日x本")
    }

    // MARK: Drawing

    func drawn(_ field: TextField, width: Int) -> (text: String, cursorColumn: Int?) {
        var screen = Screen(width: width + 2, height: 1)
        TextFieldView.draw(&screen, field, x: 1, y: 0, width: width, style: .plain)
        let cursor = (0..<screen.width).first { screen[$0, 0].style.attributes.contains(.reverse) }
        return (screen.lines[0], cursor)
    }

    @Test func theCursorIsAReversedCellAndLongTextScrollsToIt() {
        var field = typed("levee")
        #expect(drawn(field, width: 10).text == " levee")
        #expect(drawn(field, width: 10).cursorColumn == 6, "after the text")
        _ = field.handle(.home)
        #expect(drawn(field, width: 10).cursorColumn == 1, "on the first character")

        field = typed("the river rose above the old levee")
        let end = drawn(field, width: 12)
        #expect(end.text.hasPrefix(" …"))
        #expect(end.text.hasSuffix("levee"))
        #expect(end.cursorColumn == 12)
        _ = field.handle(.home)
        let start = drawn(field, width: 12)
        #expect(start.text.hasPrefix(" the river"))
        #expect(start.cursorColumn == 1)
    }

    @Test func aWideGlyphIsNeverCutAtTheEdge() {
        let field = typed("洪水洪水洪水洪水")
        let shown = drawn(field, width: 8)
        #expect(shown.text.hasPrefix(" …"))
        #expect(!shown.text.contains("\u{FFFD}"))
        #expect(DisplayWidth.of(shown.text) <= 10)
    }

    // MARK: Where it is used

    @Test func theSearchPromptEditsInTheMiddleAndShowsTheCursorThere() {
        var h = Harness(size: UpdateTests.small)
        h.run(.search)
        h.type("Flod")
        h.press("left")
        h.type("o")
        #expect(h.state.mode == .searching(typed("Flood").moved(to: 4)))
        let status = h.screen
        let row = status.height - 1
        #expect(status.lines[row].hasPrefix("/Flood"))
        #expect(status[5, row].grapheme == "d" && !status[5, row].style.attributes.contains(.reverse),
                "the cursor cell is the plain one on the reversed bar")
        h.press("enter")
        #expect(h.state.search?.query == "Flood")
        #expect(h.state.search?.matches.count == 2)
    }

    @Test func backspaceOnAnEmptyPromptClosesIt() {
        var h = Harness(size: UpdateTests.small)
        h.run(.search)
        h.type("a")
        h.press("backspace")
        #expect(h.state.mode == .searching(TextField()))
        h.press("backspace")
        #expect(h.state.mode == .normal)
        h.run(.searchLibrary)
        h.press("backspace")
        #expect(h.state.mode == .normal)
    }

    @Test func thePickerNarrowsOnEditsAnywhereInItsQuery() {
        var h = Harness(size: UpdateTests.wide)
        h.press("f")
        h.type("brg")
        guard case .picker(let none) = h.state.mode else { Issue.record("no picker"); return }
        #expect(none.visible.isEmpty)
        h.press("ctrl-b", "ctrl-b")
        h.type("e")
        guard case .picker(let narrowed) = h.state.mode else { Issue.record("no picker"); return }
        #expect(narrowed.query == "berg")
        #expect(narrowed.visible.map(\.name) == ["Tom Berg"])
        // Backspace on an empty query keeps the picker open; Esc closes it.
        h.press("ctrl-u", "ctrl-e", "ctrl-u", "backspace")
        guard case .picker(let cleared) = h.state.mode else { Issue.record("the picker closed"); return }
        #expect(cleared.query.isEmpty && cleared.visible.count == 2)
        h.press("esc")
        #expect(h.state.mode == .normal)
    }
}

extension TextField {
    /// The same text with the cursor at `position` (for comparing modes in tests).
    func moved(to position: Int) -> TextField {
        var field = self
        _ = field.handle(.home)
        for _ in 0..<position { _ = field.handle(.right) }
        return field
    }
}
