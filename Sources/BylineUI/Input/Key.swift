/// A key press, as the terminal backend decodes it.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (space included).
    case character(Character)
    /// Ctrl with a letter, written lower case: `.control("d")` is Ctrl-D.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, insert, tab, backTab
    case function(Int)

    /// The name used in the config file and the help screen: `j`, `G`, `ctrl-d`, `pgdn`, `space`.
    public var description: String {
        switch self {
        case .character(" "): return "space"
        case .character(let c): return String(c)
        case .control(let c): return "ctrl-\(c)"
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .home: return "home"
        case .end: return "end"
        case .enter: return "enter"
        case .escape: return "esc"
        case .backspace: return "backspace"
        case .delete: return "delete"
        case .insert: return "insert"
        case .tab: return "tab"
        case .backTab: return "shift-tab"
        case .function(let n): return "f\(n)"
        }
    }

    /// How the help screen shows it: arrows as arrows.
    public var label: String {
        switch self {
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .control(let c): return "C-\(c)"
        case .function(let n): return "F\(n)"
        case .character(" "): return "Space"
        default: return description
        }
    }

    /// Parses a key name as written in the config file (case matters for letters: `g` and `G`
    /// are two keys; names like `PgDn` or `Ctrl-D` are read without regard to case).
    public init?(name: String) {
        if name.count == 1, let c = name.first, !c.isWhitespace, !(c.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) {
            self = .character(c)
            return
        }
        let lower = name.lowercased()
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            if rest.count == 1, let c = rest.first, c.isASCII, c.isLetter {
                self = .control(c)
                return
            }
            return nil
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) {
            self = .function(n)
            return
        }
        let named: [String: Key] = [
            "space": .character(" "), "up": .up, "down": .down, "left": .left, "right": .right,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
            "home": .home, "end": .end, "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
            "backspace": .backspace, "delete": .delete, "del": .delete, "insert": .insert, "tab": .tab,
            "shift-tab": .backTab, "backtab": .backTab, "s-tab": .backTab,
        ]
        guard let key = named[lower] else { return nil }
        self = key
    }
}

/// A mouse event in screen cells.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press
        case wheelUp
        case wheelDown
    }

    public var x: Int
    public var y: Int
    public var kind: Kind

    public init(x: Int, y: Int, kind: Kind) {
        self.x = x
        self.y = y
        self.kind = kind
    }
}

/// What the terminal delivers to the event loop.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
}
