import BylineCore
import BylineUI

/// A small article with an analysis written by hand, so the reader's tests do not depend on
/// the analyzers: two speakers, five quotations (one partial, one in a sentence with a date),
/// four dated expressions, a paragraph of CJK and emoji, and an escape sequence in the text.
enum Fixture {
    static let text = """
        Council approves the river bridge

        The city council voted on Monday to build a new bridge over the river. "We will build it, and we will build it well," said Mayor Ana Ruiz, who chairs the council.

        Critics were not convinced. "It is too costly for a town of this size," said Tom Berg, a local engineer.

        Ruiz said the first contracts would be signed on March 3. She added: "Nobody will pay more tax for this bridge."

        The river has been crossed by ferry since the town was founded, and the old wooden bridge upstream closed after a flood damaged its piers. Since then, lorries have driven forty minutes around the valley to reach the motorway.

        Visitors from Tokyo left a note at the town hall: 「橋を楽しみにしています」 👍🏽 — and a café owner wrote “très bien” on the board.

        The engineering report runs to two hundred pages. It covers the soil, the river's floods over a century, the traffic the bridge would carry, and the fish that spawn under the old piers.

        A malformed feed once inserted \u{1B}[2J into this text, which a reader must show and never obey.

        Berg called the plan "a folly" and said he would ask for a review by April 1.

        The council will publish the drawings, the costs and the timetable on its website, and paper copies will be kept at the library for those who prefer them.

        A public meeting is planned for next week. "Come and see the drawings," Ruiz said.
        """

    static let date = CivilDate(year: 2024, month: 3, day: 6)!

    static func article(source: String = "fixtures/2024-03-06_bridge.txt") -> Article {
        Article(text: text, source: source, date: date, dateSource: .override)
    }

    /// The span of the `occurrence`-th match of `needle` (from 0), in scalar offsets.
    static func span(_ needle: String, _ occurrence: Int = 0, in article: Article) -> TextSpan {
        let n = Array(needle.unicodeScalars)
        let s = article.scalars
        var found = 0
        var i = 0
        while i + n.count <= s.count {
            if Array(s[i..<(i + n.count)]) == n {
                if found == occurrence { return TextSpan(i, i + n.count) }
                found += 1
            }
            i += 1
        }
        fatalError("\(needle) not found")
    }

    static func quote(_ id: Int, _ words: String, speaker: Int?, mention: String?, _ article: Article,
                      kind: QuoteKind = .direct, mentionOccurrence: Int = 0) -> Quote {
        let inner = span(words, in: article)
        let outer = TextSpan(inner.start - 1, inner.end + 1)
        return Quote(id: id, span: outer, parts: [inner], kind: kind, speaker: speaker,
                     speakerMention: mention.map { span($0, mentionOccurrence, in: article) }, detectionRule: "fixture")
    }

    static func analysis(source: String = "fixtures/2024-03-06_bridge.txt") -> AnalyzedArticle {
        let a = article(source: source)
        let quotes = [
            quote(0, "We will build it, and we will build it well,", speaker: 0, mention: "Ana Ruiz", a),
            quote(1, "It is too costly for a town of this size,", speaker: 1, mention: "Tom Berg", a),
            quote(2, "Nobody will pay more tax for this bridge.", speaker: 0, mention: "She", a),
            quote(3, "a folly", speaker: 1, mention: "Berg", a, kind: .partial, mentionOccurrence: 1),
            quote(4, "Come and see the drawings,", speaker: 0, mention: "Ruiz", a, mentionOccurrence: 2),
        ]
        let speakers = [
            Speaker(id: 0, name: "Ana Ruiz", kind: .person, description: "Mayor", aliases: ["Ruiz"],
                    mentions: [span("Ana Ruiz", in: a), span("Ruiz", 1, in: a), span("She", in: a), span("Ruiz", 2, in: a)],
                    quotes: [0, 2, 4]),
            Speaker(id: 1, name: "Tom Berg", kind: .person, description: "local engineer", aliases: ["Berg"],
                    mentions: [span("Tom Berg", in: a), span("Berg", 1, in: a), span(" he ", in: a).inner(1)],
                    quotes: [1, 3]),
        ]
        func expression(_ words: String, _ value: String, _ type: TimexType = .date) -> TimeExpression {
            let s = span(words, in: a)
            return TimeExpression(span: s, type: type, value: value, anchored: true, sentence: a.sentenceIndex(containing: s.start)!,
                                  rule: "fixture")
        }
        let times = [
            expression("Monday", "2024-03-04"),
            expression("March 3", "2024-03-03"),
            expression("April 1", "2024-04-01"),
            expression("next week", "2024-W11"),
        ]
        func day(_ m: Int, _ d: Int) -> CivilDate { CivilDate(year: 2024, month: m, day: d)! }
        let timeline = Timeline(entries: [
            TimelineEntry(expression: 1, start: day(3, 3), end: day(3, 3), sentence: times[1].sentence),
            TimelineEntry(expression: 0, start: day(3, 4), end: day(3, 4), sentence: times[0].sentence),
            TimelineEntry(expression: 3, start: day(3, 11), end: day(3, 17), sentence: times[3].sentence),
            TimelineEntry(expression: 2, start: day(4, 1), end: day(4, 1), sentence: times[2].sentence, quote: 3, speaker: 1),
        ])
        return AnalyzedArticle(article: a, quotes: quotes, speakers: speakers, timeExpressions: times, timeline: timeline)
    }

    /// A second and third article for the library: one where Berg speaks, one without quotations.
    static func otherArticles() -> [AnalyzedArticle] {
        let second = Article(text: """
            Engineer asks for a bridge review

            "The numbers do not add up," said Tom Berg, an engineer who has studied the river for years.
            """, source: "fixtures/2024-03-08_review.txt", date: CivilDate(year: 2024, month: 3, day: 8)!)
        let words = span("The numbers do not add up,", in: second)
        let q = Quote(id: 0, span: TextSpan(words.start - 1, words.end + 1), parts: [words], kind: .direct, speaker: 0,
                      speakerMention: span("Tom Berg", in: second), detectionRule: "fixture")
        let berg = Speaker(id: 0, name: "Tom Berg", kind: .person, description: "engineer", aliases: [],
                           mentions: [span("Tom Berg", in: second)], quotes: [0])
        let third = Article(text: "Weather\n\nRain all week.", source: "fixtures/2024-03-09_weather.txt",
                            date: CivilDate(year: 2024, month: 3, day: 9)!)
        return [
            AnalyzedArticle(article: second, quotes: [q], speakers: [berg], timeExpressions: [], timeline: Timeline()),
            AnalyzedArticle(article: third, quotes: [], speakers: [], timeExpressions: [], timeline: Timeline()),
        ]
    }
}

extension TextSpan {
    /// The span without `n` scalars at each end.
    func inner(_ n: Int) -> TextSpan { TextSpan(start + n, end - n) }
}

/// Runs the reader headless: sends actions through `update`, answers its requests to the
/// library at once (from an in-memory index holding the analyses, or the index given), and
/// keeps the effects for the test to look at. With `holdingAnswers`, requests wait in `held`
/// until `answerHeld()`, to see the screen before the index has answered.
struct Harness {
    var state: AppState
    let library: ReaderLibrary
    var effects: [Effect] = []
    var holdingAnswers = false
    var held: [LibraryRequest] = []

    init(_ analyses: [AnalyzedArticle], size: Size = Size(width: 120, height: 40), theme: Theme = Theme(mode: .extended),
         keymap: Keymap = .standard, remembered: [String: RememberedView] = [:], readMarks: ReadMarks = ReadMarks()) {
        self.init(library: try! ReaderLibrary.holding(analyses), size: size, theme: theme, keymap: keymap,
                  remembered: remembered, readMarks: readMarks)
    }

    init(library: ReaderLibrary, size: Size = Size(width: 120, height: 40), theme: Theme = Theme(mode: .extended),
         keymap: Keymap = .standard, remembered: [String: RememberedView] = [:], readMarks: ReadMarks = ReadMarks(),
         follows: Follows = Follows(), holdingAnswers: Bool = false) {
        self.library = library
        self.holdingAnswers = holdingAnswers
        state = AppState(size: size, theme: theme, keymap: keymap, remembered: remembered, readMarks: readMarks,
                         follows: follows, generation: library.generation)
        perform(Reader.start(&state))
    }

    init(size: Size = Size(width: 120, height: 40), theme: Theme = Theme(mode: .extended)) {
        self.init([Fixture.analysis()], size: size, theme: theme)
    }

    mutating func send(_ action: Action) { perform(Reader.apply(action, to: &state)) }

    mutating func run(_ command: Command) { send(.command(command)) }

    /// Presses keys given by their config names: `press("j", "ctrl-d", "enter")`.
    mutating func press(_ names: String...) {
        for name in names { send(.key(Key(name: name)!)) }
    }

    /// Types text character by character (into the search prompt or the picker).
    mutating func type(_ text: String) {
        for c in text { send(.key(.character(c))) }
    }

    mutating func click(x: Int, y: Int) { send(.mouse(MouseEvent(x: x, y: y, kind: .press))) }

    /// Answers the requests held so far (and those their answers lead to, while not holding).
    mutating func answerHeld() {
        let requests = held
        held = []
        for request in requests { send(.answered(library.answer(request))) }
    }

    /// Records the effects, and answers the fetches at once (`Reader.settle`) unless holding
    /// them for `answerHeld`.
    private mutating func perform(_ new: [Effect]) {
        var asked: [Effect] = []
        var newlyHeld: [LibraryRequest] = []
        let (library, holding) = (self.library, holdingAnswers)
        let left = Reader.settle(new, &state) { request in
            asked.append(.fetch(request))
            if holding {
                newlyHeld.append(request)
                return nil
            }
            return library.answer(request)
        }
        held += newlyHeld
        effects += asked + left.filter { if case .fetch = $0 { false } else { true } }
    }

    /// The id of the article at a position of the library.
    func articleID(_ position: Int) -> ArticleID { state.articles.row(position)!.id }

    var screen: Screen { Reader.render(state) }
    var text: String { screen.text }
    var document: ReaderDocument { state.document! }

    /// The article pane's visible text rows (from the rendered screen).
    func articleLines() -> [String] {
        let layout = state.layout
        guard let area = layout.content(of: .article) else { return [] }
        let screen = self.screen
        return (area.y..<area.maxY).map { y in
            var row = ""
            for x in area.x..<area.maxX where !screen[x, y].isContinuation { row += screen[x, y].grapheme }
            while row.last == " " { row.removeLast() }
            return row
        }
    }

    /// The rendered text of one pane's content.
    func paneLines(_ pane: Pane) -> [String] {
        guard let area = state.layout.content(of: pane) else { return [] }
        let screen = self.screen
        return (area.y..<area.maxY).map { y in
            var row = ""
            for x in area.x..<area.maxX where !screen[x, y].isContinuation { row += screen[x, y].grapheme }
            while row.last == " " { row.removeLast() }
            return row
        }
    }
}

/// Rows joined into one line of text, white space collapsed (a wrap is just a space).
func flat(_ rows: [String]) -> String {
    rows.joined(separator: " ").split(whereSeparator: { $0 == " " }).joined(separator: " ")
}
