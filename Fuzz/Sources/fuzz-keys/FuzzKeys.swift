import BylineCore
import BylineUI
import FuzzSupport

/// The reader's state machine driven by libFuzzer's bytes over a small library (the bundled
/// seed, an article of text that is hard to lay out, one without quotations). Printable ASCII
/// is typed as is, so a seed like `jj]]}fAq` reads as the keys it shows; control bytes are
/// Ctrl-letters, Tab, Enter, Esc and Backspace; bytes from 0x80 are the other keys, clicks,
/// resizes, commands, non-ASCII characters, status messages, feed update progress and
/// reports, and holding back the library's answers (the event loop answers off its thread,
/// so keys can come between a request and its answer). After every step the frame must be whole: the screen's size, no control
/// character in any cell, every wide glyph followed by its continuation cell.
@main enum FuzzKeysTarget {
    static func main() { runFuzzer(fuzzKeys) }
}

func fuzzKeys(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzBytes(start, count)
    var session = Session(size: Size(width: 100, height: 30))
    var steps = 0
    while !input.isAtEnd, steps < 400 {
        steps += 1
        session.step(&input)
        checkFrame(Reader.render(session.state), session.state.size)
    }
    session.holding = false
    session.answerHeld(newestFirst: false)
    checkFrame(Reader.render(session.state), session.state.size)
    return 0
}

let library: ReaderLibrary = {
    let hard = """
        Headline \u{4E2D}\u{6587} \u{1F44D}\u{1F3FD}

        "We will go," said Ann Lee on Thursday. \u{201C}Never,\u{201D} Tom Berg told reporters last week.\tTabs\u{1B}[2J and \u{07} bells, \u{202E}reversed\u{202C}, e\u{301}\u{302} and \u{1F469}\u{200D}\u{1F467}.

        Supercalifragilisticexpialidociousandthensomemoreletterswithoutanyspaceatall \u{0928}\u{092E}\u{0938}\u{094D}\u{0924}\u{0947} \u{4E2D}\u{6587}\u{5B57}\u{4E2D}\u{6587}\u{5B57}\u{4E2D}\u{6587}\u{5B57}.

        Lee said on Dec. 31 that "the end of 2011 is near." A senior official said: "No."
        """
    let articles = [
        BundledSeed.article(),
        Article(text: hard, source: "fuzz/2011-12-01_hard.txt", date: CivilDate(year: 2011, month: 12, day: 1)),
        Article(text: "Weather\n\nRain all week.", source: "fuzz/2011-12-03_weather.txt", date: CivilDate(year: 2011, month: 12, day: 3)),
    ]
    do {
        return try ReaderLibrary.holding(articles.map(Analyzer.analyze))
    } catch {
        fatalError("the fuzz library cannot be built: \(error)")
    }
}()

struct Session {
    var state: AppState
    var holding = false
    var held: [LibraryRequest] = []

    init(size: Size) {
        state = AppState(size: size, generation: library.generation)
        perform(Reader.start(&state))
    }

    static let specialKeys: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .delete, .insert, .backTab, .function(1),
    ]
    static let characters: [Character] = [
        "\u{4E2D}", "\u{E9}", "e\u{301}", "\u{1F44D}\u{1F3FD}", "\u{1F469}\u{200D}\u{1F467}", "\u{200B}", "\u{202E}",
        "\u{9B}", "\u{FFFD}", "\u{0928}", "\u{201C}", "\u{2019}", "\u{A0}", "\u{1B}", "\u{7F}", "\u{2028}",
    ]

    mutating func step(_ input: inout FuzzBytes) {
        let byte = input.next()
        switch byte {
        case 0x20...0x7E: send(.key(.character(Character(Unicode.Scalar(byte)))))
        case 0x09: send(.key(.tab))
        case 0x0A, 0x0D: send(.key(.enter))
        case 0x1B: send(.key(.escape))
        case 0x08, 0x7F: send(.key(.backspace))
        case 0x01...0x1A: send(.key(.control(Character(Unicode.Scalar(byte + 0x60)))))
        case 0x80...0x8B: send(.key(Self.specialKeys[Int(byte - 0x80)]))
        case 0x8C...0x8E:
            let kinds: [MouseEvent.Kind] = [.press, .wheelUp, .wheelDown]
            let x = Int(input.next()) % (state.size.width + 2)
            let y = Int(input.next()) % (state.size.height + 2)
            send(.mouse(MouseEvent(x: x, y: y, kind: kinds[Int(byte - 0x8C)])))
        case 0x8F:
            send(.resize(Size(width: 1 + Int(input.next()) % 220, height: 1 + Int(input.next()) % 80)))
        case 0x90:
            send(.command(Command.allCases[Int(input.next()) % Command.allCases.count]))
        case 0x91:
            send(.key(.character(Self.characters[Int(input.next()) % Self.characters.count])))
        case 0x92:
            // A status message of the next bytes (a notice may quote a file name or an error).
            send(.notify(StatusMessage(Self.text(&input), sticky: byte & 1 == 0)))
        case 0x93: holding.toggle()
        case 0x94: answerHeld(newestFirst: false)
        case 0x95: answerHeld(newestFirst: true)
        case 0x96: send(.indexingFailed("the index is locked"))
        case 0x97:
            let total = Int(input.next())
            send(.feedUpdate(FeedUpdateProgress(feedsDone: Int(input.next()) % (total + 1), feedsTotal: total,
                                                itemsAdded: Int(input.next()))))
        case 0x98:
            // The end of a feed update, its failures named by the feeds (any text).
            let outcomes: [FeedUpdateReport.Outcome] = [.finished, .noFeeds, .notStarted(Self.text(&input))]
            let outcome = outcomes[Int(input.next()) % outcomes.count]
            let failures = (0..<(Int(input.next()) % 3)).map { _ in
                FeedUpdateReport.Failure(feed: Self.text(&input), reason: Self.text(&input))
            }
            send(.feedUpdateFinished(FeedUpdateReport(outcome: outcome, feeds: failures.count + Int(input.next()) % 4,
                                                      added: Int(input.next()), failures: failures)))
        default: send(.key(.function(Int(byte) % 12 + 1)))
        }
    }

    /// Up to 39 of the next bytes as text (invalid UTF-8 as U+FFFD).
    static func text(_ input: inout FuzzBytes) -> String {
        var bytes: [UInt8] = []
        for _ in 0..<(Int(input.next()) % 40) { bytes.append(input.next()) }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func send(_ action: Action) { perform(Reader.apply(action, to: &state)) }

    mutating func perform(_ effects: [Effect]) {
        for effect in effects {
            guard case .fetch(let request) = effect else { continue }
            if holding {
                held.append(request)
            } else {
                send(.answered(library.answer(request)))
            }
        }
    }

    /// Sends the answers held back, in the order asked or the other way round.
    mutating func answerHeld(newestFirst: Bool) {
        let requests = newestFirst ? held.reversed() : held
        held = []
        for request in requests { send(.answered(library.answer(request))) }
    }
}

/// The screen's size, no control character in any cell, and every glyph followed by exactly
/// as many continuation cells as its width takes beyond one (2 for a CJK ideograph, 3 for
/// some conjuncts), so no continuation stands alone.
func checkFrame(_ screen: Screen, _ size: Size) {
    require(screen.width == size.width && screen.height == size.height, "a \(screen.size) screen for \(size)")
    for y in 0..<screen.height {
        var x = 0
        while x < screen.width {
            let cell = screen[x, y]
            require(!cell.isContinuation, "stray continuation at \(x),\(y)")
            require(!cell.grapheme.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                    "control character at \(x),\(y)")
            let width = DisplayWidth.of(cell.grapheme)
            require(width >= 1, "a glyph of no width at \(x),\(y)")
            for c in 1..<width {
                require(x + c < screen.width && screen[x + c, y].isContinuation,
                        "a glyph \(width) wide at \(x),\(y) without its continuation at \(x + c)")
            }
            x += width
        }
    }
}
