/// A line of text being typed, with a cursor: the one text-input component of the reader (the
/// article search prompt, the library search prompt and the speaker picker's query).
///
/// Keys, as in a shell's line editor: characters insert at the cursor; Backspace and Delete
/// remove the character before and under it; ← → (C-b C-f) move a character, Home End (C-a C-e)
/// to either end; C-w deletes the word before the cursor, C-u everything before it, C-k
/// everything after it. Enter submits, Esc cancels.
public struct TextField: Hashable, Sendable {
    public private(set) var text: String
    /// Characters before the cursor (0...text.count).
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// What a key did to the field.
    public enum Outcome: Hashable, Sendable {
        /// The text changed.
        case edited
        /// Only the cursor moved (or the key changed nothing, as Backspace at the start).
        case moved
        case submitted
        case cancelled
        /// Not a key the field takes: the caller may use it (a list's arrows).
        case ignored
    }

    /// Applies a key. With `cancelsWhenEmpty`, Backspace in an empty field cancels it (as a
    /// prompt closes when its last character is deleted).
    public mutating func handle(_ key: Key, cancelsWhenEmpty: Bool = false) -> Outcome {
        switch key {
        case .enter: return .submitted
        case .escape: return .cancelled
        case .character(let c):
            insert(c)
            return .edited
        case .backspace, .control("h"):
            if text.isEmpty, cancelsWhenEmpty { return .cancelled }
            return remove(cursor - 1..<cursor)
        case .delete, .control("d"): return remove(cursor..<cursor + 1)
        case .left, .control("b"): return moveCursor(to: cursor - 1)
        case .right, .control("f"): return moveCursor(to: cursor + 1)
        case .home, .control("a"): return moveCursor(to: 0)
        case .end, .control("e"): return moveCursor(to: text.count)
        case .control("u"): return remove(0..<cursor)
        case .control("k"): return remove(cursor..<text.count)
        case .control("w"): return remove(wordStart()..<cursor)
        default: return .ignored
        }
    }

    /// Replaces the whole text, the cursor at its end.
    public mutating func set(_ newText: String) {
        text = newText
        cursor = newText.count
    }

    private mutating func insert(_ c: Character) {
        let at = text.index(text.startIndex, offsetBy: cursor)
        text.insert(c, at: at)
        cursor += 1
    }

    /// Removes the characters in `range` (clamped to the text); the cursor goes to its start.
    private mutating func remove(_ range: Range<Int>) -> Outcome {
        let clamped = range.clamped(to: 0..<text.count)
        guard !clamped.isEmpty else { return .moved }
        let start = text.index(text.startIndex, offsetBy: clamped.lowerBound)
        let end = text.index(start, offsetBy: clamped.count)
        text.removeSubrange(start..<end)
        cursor = clamped.lowerBound
        return .edited
    }

    private mutating func moveCursor(to position: Int) -> Outcome {
        cursor = min(max(0, position), text.count)
        return .moved
    }

    /// Where the word before the cursor starts: back over spaces, then over the word.
    private func wordStart() -> Int {
        let before = Array(text.prefix(cursor))
        var i = before.count
        while i > 0, before[i - 1].isWhitespace { i -= 1 }
        while i > 0, !before[i - 1].isWhitespace { i -= 1 }
        return i
    }
}
