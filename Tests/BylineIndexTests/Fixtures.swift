import Foundation
import Testing

@testable import BylineCore
@testable import BylineIndex

/// A small, predictable stand-in for the real analysis, so the index can be tested on its own:
/// `“…,” said NAME.` is a quotation by NAME (`said a/an …` is an anonymous source, an all-capitals
/// name an organisation, `NAME (DESCRIPTION)` gives a description), a one-word name that ends an
/// earlier name in the article is that speaker, and `YYYY-MM-DD` is a dated time expression.
enum FixtureAnalysis {
    /// Records which files were analysed, to prove what an update analyses again.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var analysed: [String] = []

        func record(_ path: String) {
            lock.lock()
            analysed.append(path)
            lock.unlock()
        }

        /// File names analysed since the last call, sorted.
        func take() -> [String] {
            lock.lock()
            defer { lock.unlock() }
            let names = analysed.map { ($0 as NSString).lastPathComponent }.sorted()
            analysed = []
            return names
        }
    }

    static func analysis(version: String = "fixture-1", log: Log? = nil) -> IndexAnalysis {
        IndexAnalysis(version: version) { article in
            log?.record(article.source)
            return analyze(article)
        }
    }

    static func analyze(_ article: Article) -> AnalyzedArticle {
        let s = article.scalars
        var quotes: [Quote] = []
        var speakers: [Speaker] = []

        func text(_ from: Int, _ to: Int) -> String { article.string(TextSpan(from, to)) }
        func isUpper(_ i: Int) -> Bool { i < s.count && ScalarClass.isUpper(s[i]) }
        func isLetter(_ i: Int) -> Bool { i < s.count && (ScalarClass.isLetter(s[i]) || s[i] == "-" || s[i] == "'") }

        func speakerFor(name: String, kind: SpeakerKind, description: String?, mention: TextSpan) -> Int {
            if kind != .anonymous {
                if let existing = speakers.firstIndex(where: { $0.name == name || $0.aliases.contains(name) }) {
                    speakers[existing].mentions.append(mention)
                    return existing
                }
                if !name.contains(" "),
                    let existing = speakers.firstIndex(where: { $0.kind == .person && $0.name.hasSuffix(" " + name) })
                {
                    speakers[existing].aliases.append(name)
                    speakers[existing].mentions.append(mention)
                    return existing
                }
            }
            speakers.append(Speaker(id: speakers.count, name: name, kind: kind, description: description, mentions: [mention]))
            return speakers.count - 1
        }

        var i = 0
        while i < s.count {
            guard s[i] == "\u{201C}", let close = (i + 1..<s.count).first(where: { s[$0] == "\u{201D}" }) else {
                i += 1
                continue
            }
            var quote = Quote(id: quotes.count, span: TextSpan(i, close + 1), parts: [TextSpan(i + 1, close)],
                              kind: .direct, detectionRule: "fixture.curly")
            // ` said NAME` right after the closing mark.
            let said = " said "
            var j = close + 1
            let after = text(j, min(s.count, j + said.unicodeScalars.count))
            if after == said {
                j += said.unicodeScalars.count
                let nameStart = j
                var kind = SpeakerKind.person
                var description: String?
                if text(j, min(s.count, j + 2)) == "a " || text(j, min(s.count, j + 3)) == "an " {
                    kind = .anonymous
                    while j < s.count, s[j] != ".", s[j] != "," { j += 1 }
                } else {
                    while isUpper(j) {
                        var k = j
                        while isLetter(k) || (k < s.count && ScalarClass.isUpper(s[k])) { k += 1 }
                        j = k
                        if j + 1 < s.count, s[j] == " ", isUpper(j + 1) { j += 1 } else { break }
                    }
                }
                let name = text(nameStart, j)
                if !name.isEmpty {
                    if kind == .person, name.unicodeScalars.allSatisfy({ ScalarClass.isUpper($0) }) { kind = .organization }
                    if j + 2 < s.count, s[j] == " ", s[j + 1] == "(",
                        let end = (j + 2..<s.count).first(where: { s[$0] == ")" })
                    {
                        description = text(j + 2, end)
                    }
                    let mention = TextSpan(nameStart, j)
                    let speaker = speakerFor(name: kind == .anonymous ? String(name.drop { $0 != " " }.dropFirst()) : name,
                                             kind: kind, description: description, mention: mention)
                    if kind == .anonymous { speakers[speaker].description = name }
                    quote.speaker = speaker
                    quote.speakerMention = mention
                    quote.cue = "said"
                    quote.attributionRule = "fixture.said"
                    speakers[speaker].quotes.append(quote.id)
                }
            }
            quotes.append(quote)
            i = close + 1
        }

        // YYYY-MM-DD dates.
        var expressions: [TimeExpression] = []
        var entries: [TimelineEntry] = []
        i = 0
        while i + 10 <= s.count {
            let candidate = text(i, i + 10)
            if let date = CivilDate(iso: candidate), i == 0 || !ScalarClass.isDigit(s[i - 1]) {
                let span = TextSpan(i, i + 10)
                let sentence = article.sentenceIndex(containing: i) ?? 0
                let quote = quotes.first { $0.span.contains(span) }
                entries.append(TimelineEntry(expression: expressions.count, start: date, end: date, sentence: sentence,
                                             quote: quote?.id, speaker: quote?.speaker))
                expressions.append(TimeExpression(span: span, type: .date, value: candidate, anchored: true,
                                                  sentence: sentence, rule: "fixture.iso"))
                i += 10
            } else {
                i += 1
            }
        }
        entries.sort { ($0.start, expressions[$0.expression].span.start) < ($1.start, expressions[$1.expression].span.start) }
        return AnalyzedArticle(article: article, quotes: quotes, speakers: speakers, timeExpressions: expressions,
                               timeline: Timeline(entries: entries, unplaced: []))
    }
}

/// A library of article files in a fresh temporary folder, removed when the test ends.
final class TemporaryLibrary {
    let root: URL
    let articles: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("byline-index-\(UUID().uuidString)")
        articles = root.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    var indexPath: String { root.appendingPathComponent("cache/index.sqlite").path }

    /// Writes an article and gives it a distinct modification time (so an edit is seen even
    /// when it keeps the size and happens within the file system's timestamp granularity).
    @discardableResult
    func write(_ name: String, _ text: String, modified: Date? = nil) throws -> String {
        let url = articles.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        try touch(name, modified: modified ?? Date(timeIntervalSince1970: 1_600_000_000 + TemporaryLibrary.clock.next()))
        return url.path
    }

    func touch(_ name: String, modified: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: modified],
                                              ofItemAtPath: articles.appendingPathComponent(name).path)
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(at: articles.appendingPathComponent(name))
    }

    /// Distinct modification times for every write in the test run.
    private final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var seconds: Double = 0

        func next() -> Double {
            lock.lock()
            defer { lock.unlock() }
            seconds += 1
            return seconds
        }
    }

    private static let clock = Clock()
}

/// Fixture articles: Ivo Daalder in several articles and as `Daalder` alone, the Bidens, an
/// anonymous official, an organisation.
enum Articles {
    static let daalderNov = """
        NATO talks open

        “Talks are open,” said Ivo Daalder (U.S. Ambassador to NATO). Nothing is decided yet.

        “We meet again on 2011-11-20,” said Daalder.
        """
    static let daalderDec = """
        NATO running out of time

        “We are running out of time,” said Ivo Daalder. The talks went on.

        “The deadline is 2011-12-31,” said Daalder. A senior official was less sure.

        “Nothing will happen before 2012-01-15,” said a senior administration official.
        """
    static let daalderAlone = """
        A note on the alliance

        “The alliance holds,” said Daalder. The minister agreed.
        """
    static let joeBiden = """
        Vice president visits Iraq

        “We will keep our word,” said Joe Biden. He flew home on 2011-12-01.
        """
    static let bidenAlone = """
        Biden speaks

        “It is time,” said Biden. The crowd cheered.
        """
    static let hunterBiden = """
        Hunter Biden on business

        “I did nothing wrong,” said Hunter Biden. The hearing ended.
        """
    static let nato = """
        Alliance statement

        “The mission continues,” said NATO. Allies met on 2011-11-30.
        """
}

/// The five fixture articles, written out of date order (so an order by date must come from the
/// dates) and indexed in memory: what the query suites read.
enum IndexedFixtures {
    static func make() throws -> (TemporaryLibrary, LibraryIndex) {
        try indexed([
            ("2011-12-02_daalder.txt", Articles.daalderDec),
            ("undated/daalder-alone.txt", Articles.daalderAlone),
            ("2011-11-15_daalder.txt", Articles.daalderNov),
            ("2011-12-05_biden.txt", Articles.joeBiden),
            ("2011-12-01_nato.txt", Articles.nato),
        ])
    }

    /// These articles (name, text) written in a library, in this order, and indexed in memory.
    static func indexed(_ articles: [(String, String)]) throws -> (TemporaryLibrary, LibraryIndex) {
        let library = try TemporaryLibrary()
        for (name, text) in articles { try library.write(name, text) }
        let index = LibraryIndex.inMemory()
        try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        return (library, index)
    }
}
