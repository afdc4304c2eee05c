import ArgumentParser
import BylineCore
import BylineSources
import Foundation

/// `byline-eval extraction DIR`: article-body extraction scored as the article-extraction
/// benchmark scores it (and as `shared/tools/score_extraction.py` does, figure for figure).
struct ExtractionEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction", abstract: "Score web-page article extraction against hand-checked bodies.",
        discussion: """
            DIR holds ground-truth.json ({id: {"articleBody", "url"}}) and html/ID.html.gz. Each page is read \
            as `byline` reads it (character set, parser, extractor); its body blocks, without the headline, \
            are the prediction. Words are \\w+ runs; each page is scored on 4-word shingles, precision and \
            recall are averaged over pages and F1 is taken from the averages; accuracy is the share of pages \
            whose words match exactly. The pages are split in two halves by a hash of the id (develop on one, \
            check on the other); both halves and all pages are printed.
            """)

    @Argument(help: "The extraction data folder.")
    var folder: String

    @Option(help: "Write the predictions to this JSON file ({id: {\"articleBody\": text}}).")
    var predictions: String?

    @Flag(help: "Print each page's precision, recall and F1, worst first.")
    var pages = false

    @Option(help: "Print the extracted text of the page whose id starts with this, and the extractor's choices.")
    var show: String?

    func run() throws {
        let corpus = try ExtractionCorpus(folder: folder)
        var predicted: [String: String] = [:]
        var seconds = 0.0
        for page in corpus.pages {
            let start = DispatchTime.now().uptimeNanoseconds
            let body: String
            do {
                let showing = show.map { page.id.hasPrefix($0) } ?? false
                let extracted = try HTMLReader.page(page.html, source: page.path, explain: showing ? { print(TerminalSafe.line($0)) } : nil)
                body = extracted.blocks.map(\.text).joined(separator: "\n\n")
            } catch {
                body = ""
                FileHandle.standardError.write(Data("\(error)\n".utf8))
            }
            seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            predicted[page.id] = body
            if let show, page.id.hasPrefix(show) {
                // Web pages' text: shown, never obeyed.
                print(TerminalSafe.line("== \(page.id) \(page.url)"))
                print(TerminalSafe.text(body))
                print("== expected")
                print(TerminalSafe.text(page.expected))
            }
        }
        if let predictions {
            let object = predicted.mapValues { ["articleBody": $0] }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
            try data.write(to: URL(fileURLWithPath: predictions))
        }
        let all = corpus.pages.map { ($0.id, $0.expected, predicted[$0.id] ?? "") }
        let dev = all.filter { ExtractionCorpus.isDevelopment($0.0) }
        let check = all.filter { !ExtractionCorpus.isDevelopment($0.0) }
        let scoreAll = ExtractionScore(all)
        print(scoreAll.line)
        print("")
        print("pages                      P       R      F1   accuracy")
        for (name, rows, s) in [("development half", dev, ExtractionScore(dev)), ("check half", check, ExtractionScore(check)),
                                ("all", all, scoreAll)] {
            print(name.padding(toLength: 18, withPad: " ", startingAt: 0)
                + String(format: " %4d  %.4f  %.4f  %.4f  %.4f", rows.count, s.precision, s.recall, s.f1, s.accuracy))
        }
        print("")
        print("F1 of other extractors on these pages: trafilatura 2.3.1 0.966, readability-lxml 0.960, Readability.js 0.953")
        print(String(format: "speed: %.2f MB of HTML in %.3f s: %.1f MB/s (one pass, with metadata; see byline-bench extraction)",
                     Double(corpus.bytes) / 1e6, seconds, Double(corpus.bytes) / 1e6 / seconds))
        if pages {
            print("")
            let rows = all.map { ($0.0, ExtractionScore.page(expected: $0.1, predicted: $0.2)) }
                .sorted { $0.1.f1 < $1.1.f1 }
            for (id, row) in rows {
                let half = ExtractionCorpus.isDevelopment(id) ? "dev" : "chk"
                print(String(format: "%@ %@  P %.3f  R %.3f  F1 %.3f  %@", String(id.prefix(8)), half, row.precision, row.recall,
                             row.f1, corpus.pages.first { $0.id == id }?.url ?? ""))
            }
        }
    }
}

/// The pages of the extraction data: id, address, expected body and the decompressed HTML.
struct ExtractionCorpus {
    struct Page {
        var id: String
        var url: String
        var expected: String
        var path: String
        var html: Data
    }

    var pages: [Page] = []
    var bytes: Int { pages.reduce(0) { $0 + $1.html.count } }

    init(folder: String) throws {
        let truthPath = folder + "/ground-truth.json"
        guard let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: truthPath)))
            as? [String: [String: Any]]
        else { throw ValidationError("\(truthPath): not a ground-truth object") }
        for id in truth.keys.sorted() {
            let path = folder + "/html/" + id + ".html.gz"
            var html = try Data(contentsOf: URL(fileURLWithPath: path))
            if Gzip.isCompressed(html) { html = try Gzip.decompress(html, limit: 1 << 28) }
            let entry = truth[id] ?? [:]
            pages.append(Page(id: id, url: entry["url"] as? String ?? "", expected: entry["articleBody"] as? String ?? "",
                              path: path, html: html))
        }
    }

    /// The development half: ids whose FNV-1a hash is even. The other half is for checking
    /// that rules found on the first generalise.
    static func isDevelopment(_ id: String) -> Bool {
        FNV1a.of(utf8: id) % 2 == 0
    }
}

/// `score_extraction.py`'s figures.
struct ExtractionScore {
    struct Page {
        var tp: Double
        var fp: Double
        var fn: Double
        var precision: Double { fp == 0 && fn == 0 ? 1 : (tp == 0 && fp == 0 ? 0 : tp / (tp + fp)) }
        var recall: Double { fp == 0 && fn == 0 ? 1 : (tp == 0 && fn == 0 ? 0 : tp / (tp + fn)) }
        var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
    }

    var pages: Int
    var precision: Double
    var recall: Double
    var f1: Double
    var accuracy: Double

    init(_ rows: [(String, String, String)]) {
        var ps: [Double] = []
        var rs: [Double] = []
        var exact = 0
        for (_, expected, predicted) in rows {
            let row = Self.page(expected: expected, predicted: predicted)
            if row.tp + row.fp > 0 { ps.append(row.precision) }
            if row.tp + row.fn > 0 { rs.append(row.recall) }
            if Self.words(expected) == Self.words(predicted) { exact += 1 }
        }
        pages = rows.count
        precision = ps.isEmpty ? 0 : ps.reduce(0, +) / Double(ps.count)
        recall = rs.isEmpty ? 0 : rs.reduce(0, +) / Double(rs.count)
        f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        accuracy = rows.isEmpty ? 0 : Double(exact) / Double(rows.count)
    }

    /// The line `score_extraction.py` prints (values rounded to four places, as Python
    /// prints them).
    var line: String {
        func r(_ x: Double) -> String { "\((x * 10000).rounded() / 10000)" }
        return "pages=\(pages) missing=0 precision=\(r(precision)) recall=\(r(recall)) f1=\(r(f1)) accuracy=\(r(accuracy))"
    }

    static func page(expected: String, predicted: String) -> Page {
        let a = shingles(expected)
        let b = shingles(predicted)
        var tp = 0
        var fp = 0
        var fn = 0
        for (key, count) in a {
            let other = b[key] ?? 0
            tp += min(count, other)
            fn += max(0, count - other)
        }
        for (key, count) in b { fp += max(0, count - (a[key] ?? 0)) }
        let s = Double(tp + fp + fn)
        return s > 0 ? Page(tp: Double(tp) / s, fp: Double(fp) / s, fn: Double(fn) / s) : Page(tp: 0, fp: 0, fn: 0)
    }

    /// Python's `\w+` runs: letters, numbers (any numeric type) and `_`.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWord(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    private static func isWord(_ s: Unicode.Scalar) -> Bool {
        if s == "_" { return true }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return s.properties.numericType != nil
        }
    }

    /// 4-word shingles with their counts (a text of fewer words is one shingle).
    private static func shingles(_ text: String) -> [String: Int] {
        let w = words(text)
        var counts: [String: Int] = [:]
        guard !w.isEmpty else { return counts }
        for i in 0..<max(1, w.count - 3) {
            counts[w[i..<min(i + 4, w.count)].joined(separator: "\u{1}"), default: 0] += 1
        }
        return counts
    }
}
