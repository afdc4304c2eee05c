import ArgumentParser
import BylineCore
import Foundation

struct QuotesEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes", abstract: "Score quotations and speakers against a gold JSONL file.",
        discussion: """
            A predicted quotation matches a gold one when their overlap covers at least half of \
            each (one to one, greedy by overlap). Speaker accuracy is counted over matches: right \
            when the predicted mention overlaps the gold speaker span, or (for names and \
            descriptions) when predicted and gold speakers share a capitalised name word. \
            Attributed F1 counts a match only when its speaker is right too. Predictions that \
            overlap an unattributed quoted span (scare quotes, titles) are neutral. The answers of \
            an interview's transcript (detection rule interview-answer: words without marks) are \
            left out of the predictions unless --interview-answers is given, as the gold \
            (PolNeAR) annotates only quotations in marks. The figures equal those of \
            shared/tools/score_quotes.py on the --predictions file.
            """)

    @Argument(help: "Gold quotations (JSON Lines, the format of shared/README.md).")
    var gold: String

    @Flag(help: "Score the answers of interview transcripts too (quotations without marks, which the gold does not annotate).")
    var interviewAnswers = false

    @Option(help: ArgumentHelp("Also write the predictions as JSON Lines (the format of `byline quotes --format jsonl`).",
                               valueName: "OUT.jsonl"))
    var predictions: String?

    @Flag(help: "Print the figures as one JSON object.")
    var json = false

    @Option(help: ArgumentHelp("Count the errors by kind and print up to N misses, false alarms and wrong speakers of each sort (for development).",
                               valueName: "N"))
    var errors = 0

    @Option(help: .hidden)
    var throughput: String?

    /// Development aid: print the analysis of one article file (the gold argument is its path).
    @Flag(help: .hidden)
    var show = false

    func run() throws {
        if let throughput {
            try QuoteThroughput.measure(root: throughput)
            return
        }
        if show {
            try QuoteShow.print(path: gold)
            return
        }
        let docs = try QuoteGold.load(gold)
        var output = ""
        var report = QuoteErrorReport(limit: errors)
        let figures = Self.score(docs, interviewAnswers: interviewAnswers, report: &report) { predicted, article in
            if predictions != nil {
                for p in predicted { output += p.json(article: article.source).serialized() + "\n" }
            }
        }
        if let path = predictions {
            try output.write(toFile: path, atomically: true, encoding: .utf8)
        }
        if errors > 0 { print(report.text, terminator: "") }
        print(json ? figures.json : figures.line)
    }

    /// Analyses every gold document and scores its predictions (`each` sees them too).
    static func score(_ docs: [QuoteGold], interviewAnswers: Bool, report: inout QuoteErrorReport,
                      each: ([PredictedQuote], Article) -> Void = { _, _ in }) -> QuoteScorer.Figures {
        var scorer = QuoteScorer()
        for doc in docs {
            let article = Article(text: doc.text, source: doc.stem + ".txt")
            let result = QuoteAnalyzer.analyze(article)
            let predicted = result.quotes
                .filter { interviewAnswers || $0.detectionRule != DetectionRule.interviewAnswer.rawValue }
                .map { PredictedQuote($0, result.speakers, article) }
            scorer.add(doc, predicted, article: article, report: &report)
            each(predicted, article)
        }
        return scorer.figures
    }
}

// MARK: Gold

struct QuoteGold {
    struct GoldQuote {
        var start: Int
        var end: Int
        var text: String
        var speaker: String?
        var speakerSpan: (Int, Int)?
        var speakerIsPronoun: Bool
        var kind: String
    }

    var id: String
    var stem: String
    var text: String
    var quotes: [GoldQuote]
    var unattributed: [(Int, Int)]

    static func load(_ path: String) throws -> [QuoteGold] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var docs: [QuoteGold] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let id = object["id"] as? String, let text = object["text"] as? String else {
                throw ValidationError("\(path): a line is not a gold document (needs \"id\" and \"text\")")
            }
            var quotes: [GoldQuote] = []
            for case let q as [String: Any] in object["quotes"] as? [Any] ?? [] {
                let start = q["start"] as? Int ?? 0
                let end = q["end"] as? Int ?? 0
                var speakerSpan: (Int, Int)?
                if let s = q["speaker_start"] as? Int, let e = q["speaker_end"] as? Int { speakerSpan = (s, e) }
                quotes.append(GoldQuote(start: start, end: end, text: q["text"] as? String ?? "",
                                        speaker: q["speaker"] as? String, speakerSpan: speakerSpan,
                                        speakerIsPronoun: q["speaker_is_pronoun"] as? Bool ?? false,
                                        kind: q["kind"] as? String ?? ""))
            }
            var unattributed: [(Int, Int)] = []
            for u in object["unattributed_quoted_spans"] as? [Any] ?? [] {
                if let d = u as? [String: Any], let s = d["start"] as? Int, let e = d["end"] as? Int {
                    unattributed.append((s, e))
                } else if let a = u as? [Int], a.count >= 2 {
                    unattributed.append((a[0], a[1]))
                }
            }
            docs.append(QuoteGold(id: id, stem: docStem(id), text: text, quotes: quotes, unattributed: unattributed))
        }
        return docs
    }

    /// The file stem a document's predictions carry, as `score_quotes.py` `doc_stem` makes it:
    /// every run of characters other than letters, digits, `.`, `_`, `-` becomes one `_`.
    static func docStem(_ id: String) -> String {
        var out = ""
        var inRun = false
        for scalar in id.unicodeScalars {
            let v = scalar.value
            let kept = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || v == 0x2E || v == 0x5F || v == 0x2D
            if kept {
                out.unicodeScalars.append(scalar)
                inRun = false
            } else if !inRun {
                out += "_"
                inRun = true
            }
        }
        return out
    }
}

// MARK: Predictions

struct PredictedQuote {
    var start: Int
    var end: Int
    var text: String
    var speaker: String?
    var mention: (start: Int, end: Int, text: String)?
    var cue: String?
    var kind: String
    var quote: Quote

    init(_ q: Quote, _ speakers: [Speaker], _ article: Article) {
        start = q.span.start
        end = q.span.end
        text = q.parts.map { article.string($0) }.joined(separator: "\n")
        speaker = q.speaker.map { speakers[$0].name }
        mention = q.speakerMention.map { ($0.start, $0.end, article.string($0)) }
        cue = q.cue
        kind = q.kind.rawValue
        quote = q
    }

    func json(article: String) -> JSON {
        let mentionJSON: JSON = mention.map {
            .object([("start", .int($0.start)), ("end", .int($0.end)), ("text", .string($0.text))])
        } ?? .null
        return .object([
            ("article", .string(article)), ("id", .int(quote.id)), ("start", .int(start)), ("end", .int(end)),
            ("text", .string(text)), ("speaker", speaker.map { .string($0) } ?? .null), ("speaker_mention", mentionJSON),
            ("cue", cue.map { .string($0) } ?? .null), ("kind", .string(kind)),
        ])
    }
}

// MARK: Scoring

/// The method of `shared/tools/score_quotes.py`, figure for figure.
struct QuoteScorer {
    struct Figures {
        var docs = 0
        var tp = 0
        var fp = 0
        var fn = 0
        var strict = 0
        var speakerRight = 0
        var speakerCount = 0
        var pronounRight = 0
        var pronounCount = 0
        var attributed = 0

        var values: [(String, String)] {
            func r(_ x: Double) -> String { QuoteScorer.rounded(x) }
            let p = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0
            let rc = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0
            let f = p + rc > 0 ? 2 * p * rc / (p + rc) : 0
            let ep = tp + fp > 0 ? Double(attributed) / Double(tp + fp) : 0
            let er = tp + fn > 0 ? Double(attributed) / Double(tp + fn) : 0
            let ef = ep + er > 0 ? 2 * ep * er / (ep + er) : 0
            return [
                ("docs", String(docs)), ("gold", String(tp + fn)), ("pred", String(tp + fp)), ("tp", String(tp)),
                ("precision", r(p)), ("recall", r(rc)), ("f1", r(f)),
                ("strict_boundary", tp > 0 ? r(Double(strict) / Double(tp)) : "0.0"),
                ("speaker_acc", speakerCount > 0 ? r(Double(speakerRight) / Double(speakerCount)) : "0.0"),
                ("speaker_n", String(speakerCount)),
                ("pronoun_speaker_acc", pronounCount > 0 ? r(Double(pronounRight) / Double(pronounCount)) : "0.0"),
                ("pronoun_n", String(pronounCount)),
                ("attributed_p", r(ep)), ("attributed_r", r(er)), ("attributed_f1", r(ef)), ("unknown_docs", "0"),
            ]
        }

        var line: String { values.map { "\($0.0)=\($0.1)" }.joined(separator: " ") }
        var json: String { "{" + values.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}" }
    }

    var figures = Figures()

    /// Python's `round(x, 4)` printed with `repr`.
    static func rounded(_ x: Double) -> String {
        let r = (x * 10000).rounded(.toNearestOrEven) / 10000
        return "\(r)"
    }

    mutating func add(_ doc: QuoteGold, _ predicted: [PredictedQuote], article: Article, report: inout QuoteErrorReport) {
        figures.docs += 1
        let gold = doc.quotes
        let scalars = Array(doc.text.unicodeScalars)
        let matches = Self.matches(gold: gold.map { ($0.start, $0.end) }, predicted: predicted.map { ($0.start, $0.end) })
        let usedGold = Set(matches.map(\.g))
        let usedPredicted = Set(matches.map(\.p))
        for pair in matches {
            let q = gold[pair.g]
            let p = predicted[pair.p]
            figures.tp += 1
            let predictedText = Self.slice(scalars, p.start, p.end)
            if Self.core(q.text) == Self.core(predictedText) { figures.strict += 1 }
            guard let goldSpeaker = q.speaker, !goldSpeaker.isEmpty else {
                figures.attributed += 1
                continue
            }
            let right = Self.isRightSpeaker(q, mention: p.mention.map { ($0.start, $0.end) }, names: [p.speaker, p.mention?.text])
            if q.speakerIsPronoun {
                figures.pronounCount += 1
                if right { figures.pronounRight += 1 }
            } else {
                figures.speakerCount += 1
                if right { figures.speakerRight += 1 }
            }
            report.judged(p, right: right)
            if right { figures.attributed += 1 } else { report.wrongSpeaker(doc, q, p, article: article) }
        }
        figures.fn += gold.count - usedGold.count
        for (i, q) in gold.enumerated() where !usedGold.contains(i) { report.miss(doc, q) }
        for (j, p) in predicted.enumerated() where !usedPredicted.contains(j) {
            if doc.unattributed.contains(where: { Self.overlap((p.start, p.end), $0) > 0 }) { continue }
            figures.fp += 1
            report.falseAlarm(doc, p)
        }
    }

    static func overlap(_ a: (Int, Int), _ b: (Int, Int)) -> Int { max(0, min(a.1, b.1) - max(a.0, b.0)) }

    /// Which predicted quotation matches which gold one: their overlap covers at least half of
    /// each, one to one, the largest overlaps first (ties: later gold, later prediction first).
    static func matches(gold: [(Int, Int)], predicted: [(Int, Int)]) -> [(g: Int, p: Int)] {
        var pairs: [(overlap: Int, g: Int, p: Int)] = []
        for (i, q) in gold.enumerated() {
            for (j, p) in predicted.enumerated() {
                let o = overlap(q, p)
                if o > 0, o * 2 >= q.1 - q.0, o * 2 >= p.1 - p.0 { pairs.append((o, i, j)) }
            }
        }
        pairs.sort { ($0.overlap, $0.g, $0.p) > ($1.overlap, $1.g, $1.p) }
        var usedGold = Set<Int>()
        var usedPredicted = Set<Int>()
        var result: [(g: Int, p: Int)] = []
        for pair in pairs where !usedGold.contains(pair.g) && !usedPredicted.contains(pair.p) {
            usedGold.insert(pair.g)
            usedPredicted.insert(pair.p)
            result.append((pair.g, pair.p))
        }
        return result
    }

    /// Whether a predicted speaker is the gold quotation's: its mention overlaps the gold
    /// speaker's, or (for a gold name or description, not a pronoun) one of `names` (the
    /// resolved speaker, the mention's text) shares a capitalised name word with it.
    static func isRightSpeaker(_ gold: QuoteGold.GoldQuote, mention: (Int, Int)?, names: [String?]) -> Bool {
        if let mention, let span = gold.speakerSpan, overlap(mention, span) > 0 { return true }
        guard !gold.speakerIsPronoun, let speaker = gold.speaker else { return false }
        let goldTokens = nameTokens(speaker)
        return names.contains { !nameTokens($0).isDisjoint(with: goldTokens) }
    }

    static func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        let lo = max(0, min(start, scalars.count))
        let hi = max(lo, min(end, scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lo..<hi])
        return String(view)
    }

    /// The quoted words without edge marks, spaces and final punctuation (the scorer's `core`).
    static func core(_ text: String) -> String {
        let lead: Set<Unicode.Scalar> = ["\"", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "'", "`"]
        let trail: Set<Unicode.Scalar> = lead.union([".", ",", ";", ":", "!", "?", "\u{2014}", "\u{2013}", "-"])
        var scalars = Array(text.unicodeScalars)
        var lo = 0
        while lo < scalars.count, lead.contains(scalars[lo]) || isPythonSpace(scalars[lo]) { lo += 1 }
        var hi = scalars.count
        while hi > lo, trail.contains(scalars[hi - 1]) || isPythonSpace(scalars[hi - 1]) { hi -= 1 }
        scalars = Array(scalars[lo..<hi])
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    private static func isPythonSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace || (s.value >= 0x1C && s.value <= 0x1F) }

    static let titles: Set<String> = Set("""
        the mr mrs ms dr sen rep gov president vice prime minister secretary senator representative governor \
        former u.s. chairman chief spokesman spokeswoman
        """.split(separator: " ").map(String.init))

    /// The scorer's `name_tokens`: words that start with an ASCII capital and have 2+ more word
    /// characters, lower-cased and stripped of edge periods and apostrophes, titles left out.
    static func nameTokens(_ text: String?) -> Set<String> {
        guard let text else { return [] }
        let scalars = Array(text.unicodeScalars)
        var result = Set<String>()
        var i = 0
        func isTail(_ s: Unicode.Scalar) -> Bool {
            let p = s.properties
            return p.isAlphabetic && p.generalCategory != .spacingMark && p.generalCategory != .nonspacingMark
                || p.numericType != nil || s == "_" || s == "'" || s == "\u{2019}" || s == "." || s == "-"
        }
        while i < scalars.count {
            guard scalars[i].value >= 0x41 && scalars[i].value <= 0x5A else {
                i += 1
                continue
            }
            var j = i + 1
            while j < scalars.count, isTail(scalars[j]) { j += 1 }
            if j - i - 1 >= 2 {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[i..<j])
                var token = Substring(String(view).lowercased())
                let edge: Set<Character> = [".", "'", "\u{2019}"]
                while let f = token.first, edge.contains(f) { token = token.dropFirst() }
                while let l = token.last, edge.contains(l) { token = token.dropLast() }
                if !titles.contains(String(token)) { result.insert(String(token)) }
                i = j
            } else {
                i += 1
            }
        }
        return result
    }
}
