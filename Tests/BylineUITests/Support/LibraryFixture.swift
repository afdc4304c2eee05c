import BylineCore
import BylineIndex
import BylineUI
import Foundation

/// A library of five small articles in a temporary folder, indexed with a small predictable
/// analysis (so these tests do not move when the analyzers improve):
///
/// - `“…,” said NAME.` is a quotation by NAME; `said NAME (DESCRIPTION)` gives a description;
///   a one-word name that ends an earlier name of the article is that speaker;
/// - `YYYY-MM-DD` is a dated time expression, on the timeline (in the quotation around it).
///
/// Ivo Daalder speaks in two articles; Hanna Daalder in a third; a lone `Daalder` in a fourth
/// cannot be told apart from them, so the index keeps that one a speaker of its own.
final class LibraryFixture {
    static let articles: [(name: String, text: String)] = [
        ("2011-11-15_talks.txt", """
            NATO talks open in Brussels

            “Talks are open,” said Ivo Daalder (U.S. Ambassador to NATO). Nothing is decided yet.

            “We meet again on 2011-11-20,” said Daalder.
            """),
        ("2011-11-28_immunity.txt", """
            Iraqi lawmakers refuse immunity for trainers

            Parliament will not grant immunity to foreign trainers. The vote is set for 2011-12-05.

            “Immunity is not on the table,” said Hassan Karim (Iraqi lawmaker).
            """),
        ("2011-12-02_deadline.txt", """
            NATO running out of time in Iraq

            “We are running out of time,” said Ivo Daalder. The talks went on.

            “The deadline is 2011-12-31,” said Daalder.
            """),
        ("2011-12-06_dutch.txt", """
            Dutch minister backs the mission

            “The Netherlands will stay,” said Hanna Daalder (Dutch defence minister).
            """),
        ("2011-12-09_snow.txt", """
            Snow closes the mountain roads

            Heavy snow closed the roads on 2011-12-08.

            “The roads will open tomorrow,” said Daalder.
            """),
    ]

    let root: URL
    let folder: URL
    let index: LibraryIndex

    /// Writes the articles (the first `count` of them) and opens an empty in-memory index.
    init(count: Int = LibraryFixture.articles.count) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("byline-ui-library-\(UUID().uuidString)")
        folder = root.appendingPathComponent("articles")
        index = LibraryIndex.inMemory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for article in Self.articles.prefix(count) { try write(article.name, article.text) }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    /// Writes the articles not written yet.
    func writeTheRest() throws {
        for article in Self.articles where !FileManager.default.fileExists(atPath: folder.appendingPathComponent(article.name).path) {
            try write(article.name, article.text)
        }
    }

    /// Indexes the folder as `byline` does in the background, with the fixture analysis.
    @discardableResult
    func update() throws -> IndexProgress {
        var last = IndexProgress(phase: .scanning)
        try index.update(paths: [folder.path], analysis: Self.analysis) { last = $0 }
        return last
    }

    var library: ReaderLibrary { ReaderLibrary(index: index) }

    static let analysis = IndexAnalysis(version: "ui-fixture-1") { analyze($0) }

    static func analyze(_ article: Article) -> AnalyzedArticle {
        let s = article.scalars
        var quotes: [Quote] = []
        var speakers: [Speaker] = []
        func text(_ from: Int, _ to: Int) -> String { article.string(TextSpan(from, to)) }
        func isNameLetter(_ i: Int) -> Bool {
            i < s.count && (ScalarClass.isLetter(s[i]) || s[i] == "-" || s[i] == "." || s[i] == "'")
        }

        var i = 0
        while i < s.count {
            guard s[i] == "\u{201C}", let close = (i + 1..<s.count).first(where: { s[$0] == "\u{201D}" }) else {
                i += 1
                continue
            }
            var quote = Quote(id: quotes.count, span: TextSpan(i, close + 1), parts: [TextSpan(i + 1, close)], kind: .direct,
                              detectionRule: "fixture")
            let said = " said "
            var j = close + 1
            if text(j, min(s.count, j + said.count)) == said {
                j += said.count
                let nameStart = j
                // Capitalised words.
                while j < s.count, ScalarClass.isUpper(s[j]) {
                    while isNameLetter(j) { j += 1 }
                    if j > 0, s[j - 1] == "." { j -= 1 }
                    if j + 1 < s.count, s[j] == " ", ScalarClass.isUpper(s[j + 1]) { j += 1 } else { break }
                }
                let name = text(nameStart, j)
                var description: String?
                if j + 2 < s.count, s[j] == " ", s[j + 1] == "(", let end = (j + 2..<s.count).first(where: { s[$0] == ")" }) {
                    description = text(j + 2, end)
                }
                let mention = TextSpan(nameStart, j)
                let speaker: Int
                if let known = speakers.firstIndex(where: { $0.name == name || $0.aliases.contains(name) }) {
                    speaker = known
                } else if !name.contains(" "), let known = speakers.firstIndex(where: { $0.name.hasSuffix(" " + name) }) {
                    speakers[known].aliases.append(name)
                    speaker = known
                } else {
                    speakers.append(Speaker(id: speakers.count, name: name, kind: .person, description: description))
                    speaker = speakers.count - 1
                }
                speakers[speaker].mentions.append(mention)
                speakers[speaker].quotes.append(quote.id)
                quote.speaker = speaker
                quote.speakerMention = mention
                quote.cue = "said"
                quote.attributionRule = "fixture"
            }
            quotes.append(quote)
            i = close + 1
        }

        var expressions: [TimeExpression] = []
        var entries: [TimelineEntry] = []
        i = 0
        while i + 10 <= s.count {
            if let date = CivilDate(iso: text(i, i + 10)) {
                let span = TextSpan(i, i + 10)
                let sentence = article.sentenceIndex(containing: i) ?? 0
                let quote = quotes.first { $0.span.contains(span) }
                entries.append(TimelineEntry(expression: expressions.count, start: date, end: date, sentence: sentence,
                                             quote: quote?.id, speaker: quote?.speaker))
                expressions.append(TimeExpression(span: span, type: .date, value: date.iso, anchored: true, sentence: sentence,
                                                  rule: "fixture"))
                i += 10
            } else {
                i += 1
            }
        }
        return AnalyzedArticle(article: article, quotes: quotes, speakers: speakers, timeExpressions: expressions,
                               timeline: Timeline(entries: entries.sorted { $0.start < $1.start }, unplaced: []))
    }
}
