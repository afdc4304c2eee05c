import ArgumentParser
import BylineCore
import Foundation

struct TimexEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timex", abstract: "Score time expressions TempEval-3 style against gold JSONL files.",
        discussion: """
            Each gold document carries its creation date ("dct"), used as the article's date. Prints strict and \
            relaxed span P/R/F1, type and value accuracy and value F1 (= value accuracy x relaxed F1) per file and \
            combined, as shared/tools/score_timex.py computes them.
            """)

    @Argument(help: "Gold time expressions (JSON Lines: id, dct, text, timexes).")
    var gold: [String] = []

    @Option(help: "Write the system's expressions to this JSONL file ({\"id\", \"timexes\": [...]}).")
    var predictions: String?

    @Option(help: "Print up to N missed, spurious and wrongly valued expressions per file.")
    var errors: Int = 0

    @Flag(help: "Print each file's scores as the JSON dictionary score_timex.py prints.")
    var json = false

    @Option(help: .hidden)
    var bench: [String] = []

    @Option(help: .hidden)
    var benchRounds: Int = 5

    @Option(help: .hidden)
    var gum: String?

    @Option(help: .hidden)
    var corpus: String?

    /// Development: tag this text (with `--date`) and print each expression and its rule.
    @Option(help: .hidden)
    var text: String?

    @Option(help: .hidden)
    var date: String?

    @Option(help: .hidden)
    var file: String?

    func run() throws {
        if let text = try text ?? file.map({ try String(contentsOfFile: $0, encoding: .utf8) }) {
            let article = Article(text: text, source: "text", date: date.flatMap(CivilDate.init(iso:)))
            for e in TimeTagger.tag(article) {
                let fields = [article.string(e.span), "\(e.span)", e.type.rawValue, e.value, e.mod?.rawValue ?? "-",
                              e.rule]
                print(fields.joined(separator: "\t"))
            }
            return
        }
        if !bench.isEmpty {
            try TimexBenchmark.run(paths: bench, rounds: benchRounds)
            return
        }
        if let gum {
            guard let corpus else { throw ValidationError("--gum needs --corpus DIR (articles/ and index.jsonl)") }
            try TimexGumCheck.run(spans: gum, corpus: corpus, verbose: errors)
            return
        }
        guard !gold.isEmpty else { throw ValidationError("give one or more gold JSONL files") }
        var combined = TimexScore()
        var predictionLines: [String] = []
        for path in gold {
            let docs = try TimexDocument.load(path)
            var score = TimexScore()
            var report = TimexErrorReport(limit: errors)
            for doc in docs {
                let article = Article(text: doc.text, source: doc.id, date: CivilDate(iso: doc.dct))
                let system = TimeTagger.tag(article).map { $0.record(in: article) }
                score.add(gold: doc.timexes, system: system)
                report.add(doc: doc, system: system)
                if predictions != nil {
                    let object: [String: Any] = ["id": doc.id, "timexes": system.map(\.json)]
                    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                    predictionLines.append(String(decoding: data, as: UTF8.self))
                }
            }
            let name = URL(fileURLWithPath: path).lastPathComponent
            print(json ? "\(name)\n\(score.pythonJSON())" : score.report(name))
            if errors > 0 { print(report.text) }
            combined = combined + score
        }
        if gold.count > 1 { print(json ? "combined\n\(combined.pythonJSON())" : combined.report("combined")) }
        if let predictions {
            try (predictionLines.joined(separator: "\n") + "\n").write(toFile: predictions, atomically: true,
                                                                       encoding: .utf8)
        }
    }
}

/// Samples of what went wrong, for development.
struct TimexErrorReport {
    let limit: Int
    var missed: [String] = []
    var spurious: [String] = []
    var wrongValue: [String] = []

    init(limit: Int) { self.limit = limit }

    mutating func add(doc: TimexDocument, system: [TimexRecord]) {
        guard limit > 0 else { return }
        let pairs = TimexScore.align(doc.timexes, system)
        let matchedGold = Set(pairs.map(\.0))
        let matchedSystem = Set(pairs.map(\.1))
        let scalars = Array(doc.text.unicodeScalars)
        func context(_ r: TimexRecord) -> String {
            let a = max(0, r.start - 40)
            let b = min(scalars.count, r.end + 30)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[a..<b])
            return String(view).replacingOccurrences(of: "\n", with: " ")
        }
        for (i, g) in doc.timexes.enumerated() where !matchedGold.contains(i) && missed.count < limit {
            missed.append("  [\(doc.dct)] \(g.type) \(g.value)  \"\(g.text)\"  …\(context(g))…")
        }
        for (j, s) in system.enumerated() where !matchedSystem.contains(j) && spurious.count < limit {
            spurious.append("  [\(doc.dct)] \(s.type) \(s.value)  \"\(s.text)\"  …\(context(s))…")
        }
        for (i, j) in pairs where doc.timexes[i].value != system[j].value && wrongValue.count < limit {
            let g = doc.timexes[i]
            let s = system[j]
            wrongValue.append(
                "  [\(doc.dct)] gold \(g.value) \"\(g.text)\"  system \(s.value) \"\(s.text)\"  …\(context(g))…")
        }
    }

    var text: String {
        let lines: [String] = ["missed:"] + missed + ["spurious:"] + spurious + ["wrong value:"] + wrongValue
        return lines.joined(separator: "\n")
    }
}

struct DucklingEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duckling", abstract: "Value accuracy on Duckling's English time phrases.",
        discussion: """
            Each phrase is tagged as a one-line article dated at the line's reference day. A phrase with an \
            expected value counts as correct when the phrase's most specific calendar value (the first one among \
            equals: a range stands for its start) has a TIMEX3 value whose start, truncated to Duckling's \
            expected grain, equals the expected start (a value finer than the grain is accepted; a coarser one \
            fails). Durations and sets never match a Duckling datetime. Misses are counted by kind. \
            PRESENT_REF stands for the reference instant; parts of day start at Duckling's hours (morning 00, \
            afternoon 12, evening and night 18). Phrases Duckling rejects count as correct when nothing is found.
            """)

    @Argument(help: "duckling_en_time.jsonl")
    var gold: String

    @Option(help: "Print up to N phrases we get wrong.")
    var errors: Int = 0

    func run() throws {
        try TimexDuckling.run(path: gold, errors: errors)
    }
}
