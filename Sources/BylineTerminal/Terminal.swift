import BylineUI
import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the reader cannot run in this terminal.
public struct TerminalError: Error, CustomStringConvertible {
    public var description: String
}

/// The only code that touches ncurses: start and stop, colours, reading keys and the mouse,
/// and drawing a `Screen` (only the cells that changed since the last one).
public final class Terminal {
    public let colorMode: ColorMode
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let input: UnsafeMutablePointer<FILE>
    private let ownsInput: Bool
    private var previous: Screen?
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private var pieceCache: [String: [TerminalCells.Piece]] = [:]
    private var stopped = false

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// Starts full-screen mode on the controlling terminal.
    /// - Parameters:
    ///   - colors: the colour mode wanted (nil: as many as the terminal has); `.monochrome`
    ///     for NO_COLOR and `--no-color`.
    ///   - mouse: report clicks and the wheel.
    public static func start(colors wanted: ColorMode?, mouse: Bool) throws -> Terminal {
        try Terminal(colors: wanted, mouse: mouse)
    }

    private init(colors wanted: ColorMode?, mouse: Bool) throws {
        // UTF-8 text needs a UTF-8 locale; when the user's is not (LANG=C), use C.UTF-8 for
        // the character type only.
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }

        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw TerminalError(description: "TERM is not set, so the terminal type is unknown. Set it (for example "
                + "TERM=xterm-256color), or pipe the output to read the article as plain text.")
        }
        var ownsInput = false
        var input = byline_stdin()!
        if isatty(STDIN_FILENO) == 0 {
            // Keys come from the terminal even when stdin is a pipe.
            guard let tty = fopen("/dev/tty", "r") else {
                throw TerminalError(description: "no terminal to read keys from (stdin is not a terminal and /dev/tty cannot be opened)")
            }
            input = tty
            ownsInput = true
        }
        byline_install_signal_handlers(STDOUT_FILENO)
        guard let screen = newterm(nil, byline_stdout(), input) else {
            byline_remove_signal_handlers()
            if ownsInput { fclose(input) }
            throw TerminalError(description: "unknown terminal type \"\(term)\" (TERM): no terminfo entry for it. Set TERM "
                + "to a known type (for example xterm-256color), or pipe the output to read the article as plain text.")
        }
        guard byline_tigetstr("cup") != nil else {
            endwin()
            delscreen(screen)
            byline_remove_signal_handlers()
            if ownsInput { fclose(input) }
            throw TerminalError(description: "the terminal type \"\(term)\" cannot move the cursor, which the reader needs. "
                + "Pipe the output to read the article as plain text.")
        }
        // Until a screen has been suspended and resumed once, ncurses (6.1 and later) flushes its
        // output after every cursor movement, as for programs that use terminfo alone: each frame
        // then reaches the terminal in one write per row, and on a slow link the user sees it half
        // drawn. Suspending and resuming once here, before anything is drawn, makes every later
        // doupdate send its frame in one write (or a few, for a frame longer than ncurses' buffer).
        endwin()
        doupdate()
        self.screen = screen
        self.input = input
        self.ownsInput = ownsInput
        window = byline_stdscr()
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        leaveok(window, true)

        var mode = wanted ?? .extended
        if mode != .monochrome, has_colors() {
            start_color()
            use_default_colors()
            let available = byline_colors()
            if available < 8 {
                mode = .monochrome
            } else if available < 256, mode == .extended {
                mode = .basic
            }
        } else {
            mode = .monochrome
        }
        colorMode = mode

        if mouse {
            mousemask(byline_button1_pressed() | byline_button4_pressed() | byline_button5_pressed(), nil)
            mouseinterval(0)
        }
        byline_set_restore_bytes(Terminal.restoreBytes(), Terminal.restoreBytes().count)
    }

    /// What undoes full-screen mode, for the crash handler: leave the alternate screen, show
    /// the cursor, plain attributes, keypad and mouse reporting off.
    private static func restoreBytes() -> [CChar] {
        var bytes: [CChar] = []
        for name in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = byline_tigetstr(name) {
                var p = value
                while p.pointee != 0 {
                    bytes.append(p.pointee)
                    p += 1
                }
            }
        }
        for c in "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l".utf8 { bytes.append(CChar(bitPattern: c)) }
        return bytes
    }

    /// Leaves full-screen mode: the terminal is as it was before `start`.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        mousemask(0, nil)
        endwin()
        delscreen(screen)
        byline_remove_signal_handlers()
        if ownsInput { fclose(input) }
    }

    deinit { stop() }

    public var size: Size { Size(width: Int(byline_cols()), height: Int(byline_lines())) }

    /// A quit signal (SIGINT, SIGTERM, SIGHUP) received since the last call.
    public func takeQuitSignal() -> Int32? {
        let signal = byline_take_signal()
        return signal == 0 ? nil : signal
    }

    // MARK: Drawing

    /// Draws `screen`, sending only the cells that differ from the last one drawn (all of
    /// them after a resize or when `force` is set).
    public func draw(_ next: Screen, force: Bool = false) {
        if force { clearok(window, true) }
        let old = force || previous?.size != next.size ? nil : previous
        var cell = cchar_t()
        for y in 0..<next.height {
            var x = 0
            while x < next.width {
                let c = next[x, y]
                defer { x += 1 }
                if c.isContinuation { continue }
                let width = next.glyphWidth(x: x, y: y)
                if let old, (0..<width).allSatisfy({ old[x + $0, y] == next[x + $0, y] }) { continue }
                let (attributes, pair) = attributesAndPair(c.style)
                var column = x
                for piece in pieces(c.grapheme, width: width) {
                    var chars = piece.scalars.map { wchar_t(bitPattern: $0.value) } + [0]
                    setcchar(&cell, &chars, attributes, Int16(pair), nil)
                    mvwadd_wch(window, Int32(y), Int32(column), &cell)
                    column += piece.width
                }
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = next
    }

    private func pieces(_ grapheme: String, width: Int) -> [TerminalCells.Piece] {
        if let only = grapheme.unicodeScalars.first, grapheme.unicodeScalars.count == 1, only.value >= 0x20, only.value < 0x7F {
            return [TerminalCells.Piece(scalars: [only], width: 1)]
        }
        let key = grapheme + String(repeating: "\u{0}", count: width - 1)
        if let cached = pieceCache[key] { return cached }
        let pieces = TerminalCells.pieces(for: grapheme, width: width) { scalar in
            Int(wcwidth(wchar_t(bitPattern: scalar.value)))
        }
        if pieceCache.count > 4096 { pieceCache.removeAll() }
        pieceCache[key] = pieces
        return pieces
    }

    private func attributesAndPair(_ style: Style) -> (attr_t, Int32) {
        var attributes = byline_a_normal()
        if style.attributes.contains(.bold) { attributes |= byline_a_bold() }
        if style.attributes.contains(.dim) { attributes |= byline_a_dim() }
        if style.attributes.contains(.underline) { attributes |= byline_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= byline_a_reverse() }
        if style.attributes.contains(.italic) { attributes |= byline_a_italic() }
        guard colorMode != .monochrome else { return (attributes, 0) }
        let key = PairKey(foreground: number(style.foreground), background: number(style.background))
        if key.foreground == -1 && key.background == -1 { return (attributes, 0) }
        if let pair = pairs[key] { return (attributes, pair) }
        guard nextPair < min(byline_color_pairs(), 32767) else { return (attributes, 0) }
        let pair = nextPair
        nextPair += 1
        init_pair(Int16(pair), Int16(key.foreground), Int16(key.background))
        pairs[key] = pair
        return (attributes, pair)
    }

    private func number(_ color: Color) -> Int32 {
        switch color {
        case .default: return -1
        case .indexed(let n): return colorMode == .basic ? Int32(n % 8) : Int32(n)
        }
    }

    // MARK: Input

    /// The next key, click or resize; nil when none arrives within `timeout` milliseconds
    /// (or a signal interrupted the wait).
    public func read(timeout: Int32) -> InputEvent? {
        wtimeout(window, timeout)
        var wch: wint_t = 0
        let result = wget_wch(window, &wch)
        if result == ERR { return nil }
        if result == KEY_CODE_YES { return functionKey(Int32(wch)) }
        return character(UInt32(wch))
    }

    private func character(_ value: UInt32) -> InputEvent? {
        switch value {
        case 0x1B: return .key(.escape)
        case 0x0D, 0x0A: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x7F, 0x08: return .key(.backspace)
        case 0x01...0x1A: return .key(.control(Character(Unicode.Scalar(value + 0x60)!)))
        default:
            guard let scalar = Unicode.Scalar(value), value >= 0x20 else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    private func functionKey(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_BTAB: return .key(.backTab)
        case byline_key_resize(): return .resize(size)
        case byline_key_mouse(): return mouseEvent()
        default:
            for n in 1...24 where code == byline_key_f(Int32(n)) { return .key(.function(n)) }
            return nil
        }
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let x = Int(event.x)
        let y = Int(event.y)
        if event.bstate & byline_button4_pressed() != 0 { return .mouse(MouseEvent(x: x, y: y, kind: .wheelUp)) }
        if event.bstate & byline_button5_pressed() != 0 { return .mouse(MouseEvent(x: x, y: y, kind: .wheelDown)) }
        if event.bstate & (byline_button1_pressed() | byline_button1_clicked()) != 0 {
            return .mouse(MouseEvent(x: x, y: y, kind: .press))
        }
        return nil
    }
}
