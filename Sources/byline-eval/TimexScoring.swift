import BylineCore
import Foundation

/// One temporal expression as the gold files and the prediction files write it.
struct TimexRecord {
    var start: Int
    var end: Int
    var text: String
    var type: String
    var value: String

    init(start: Int, end: Int, text: String, type: String, value: String) {
        self.start = start
        self.end = end
        self.text = text
        self.type = type
        self.value = value
    }

    init?(json: [String: Any]) {
        guard let s = json["start"] as? Int, let e = json["end"] as? Int else { return nil }
        start = s
        end = e
        text = json["text"] as? String ?? ""
        type = json["type"] as? String ?? ""
        value = json["value"] as? String ?? ""
    }

    var json: [String: Any] { ["start": start, "end": end, "text": text, "type": type, "value": value] }
}

/// A gold document: its id, creation date, text and expressions.
struct TimexDocument {
    var id: String
    var dct: String
    var text: String
    var timexes: [TimexRecord]

    static func load(_ path: String) throws -> [TimexDocument] {
        let data = try String(contentsOfFile: path, encoding: .utf8)
        var docs: [TimexDocument] = []
        for line in data.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                continue
            }
            let timexes = (object["timexes"] as? [[String: Any]] ?? []).compactMap(TimexRecord.init(json:))
            docs.append(TimexDocument(id: object["id"] as? String ?? "", dct: object["dct"] as? String ?? "",
                                      text: object["text"] as? String ?? "", timexes: timexes))
        }
        return docs
    }
}

/// TempEval-3 entity scoring, as `shared/tools/score_timex.py` computes it: relaxed match =
/// overlapping spans, aligned one-to-one greedily by the largest overlap (ties: the later gold
/// expression, then the later system one, as Python's reverse tuple sort orders them); strict =
/// same span; type and value accuracy over relaxed matches; attribute F1 = accuracy × relaxed F1.
struct TimexScore {
    var gold = 0
    var system = 0
    var strict = 0
    var relaxed = 0
    var typeMatches = 0
    var valueMatches = 0

    static func align(_ gold: [TimexRecord], _ system: [TimexRecord]) -> [(Int, Int)] {
        var pairs: [(overlap: Int, g: Int, s: Int)] = []
        for (i, g) in gold.enumerated() {
            for (j, s) in system.enumerated() {
                let overlap = min(g.end, s.end) - max(g.start, s.start)
                if overlap > 0 { pairs.append((overlap, i, j)) }
            }
        }
        pairs.sort { a, b in
            if a.overlap != b.overlap { return a.overlap > b.overlap }
            if a.g != b.g { return a.g > b.g }
            return a.s > b.s
        }
        var usedGold = Set<Int>()
        var usedSystem = Set<Int>()
        var result: [(Int, Int)] = []
        for p in pairs where !usedGold.contains(p.g) && !usedSystem.contains(p.s) {
            usedGold.insert(p.g)
            usedSystem.insert(p.s)
            result.append((p.g, p.s))
        }
        return result
    }

    mutating func add(gold g: [TimexRecord], system s: [TimexRecord]) {
        gold += g.count
        system += s.count
        for (i, j) in TimexScore.align(g, s) {
            relaxed += 1
            if g[i].start == s[j].start && g[i].end == s[j].end { strict += 1 }
            if g[i].type == s[j].type { typeMatches += 1 }
            if g[i].value == s[j].value { valueMatches += 1 }
        }
    }

    static func + (a: TimexScore, b: TimexScore) -> TimexScore {
        TimexScore(gold: a.gold + b.gold, system: a.system + b.system, strict: a.strict + b.strict,
                   relaxed: a.relaxed + b.relaxed, typeMatches: a.typeMatches + b.typeMatches,
                   valueMatches: a.valueMatches + b.valueMatches)
    }

    static func prf(_ m: Int, _ system: Int, _ gold: Int) -> (p: Double, r: Double, f: Double) {
        let p = system > 0 ? Double(m) / Double(system) : 0
        let r = gold > 0 ? Double(m) / Double(gold) : 0
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
    }

    var strictPRF: (p: Double, r: Double, f: Double) { TimexScore.prf(strict, system, gold) }
    var relaxedPRF: (p: Double, r: Double, f: Double) { TimexScore.prf(relaxed, system, gold) }
    var typeAccuracy: Double { relaxed > 0 ? Double(typeMatches) / Double(relaxed) : 0 }
    var valueAccuracy: Double { relaxed > 0 ? Double(valueMatches) / Double(relaxed) : 0 }
    var typeF1: Double { typeAccuracy * relaxedPRF.f }
    var valueF1: Double { valueAccuracy * relaxedPRF.f }

    func report(_ title: String) -> String {
        func f(_ x: Double) -> String { String(format: "%.4f", x) }
        let s = strictPRF
        let r = relaxedPRF
        return """
            \(title)  (gold \(gold), system \(system))
              strict    P \(f(s.p))  R \(f(s.r))  F1 \(f(s.f))
              relaxed   P \(f(r.p))  R \(f(r.r))  F1 \(f(r.f))
              type  accuracy \(f(typeAccuracy))  F1 \(f(typeF1))
              value accuracy \(f(valueAccuracy))  F1 \(f(valueF1))
            """
    }

    /// The dictionary `score_timex.py` prints, with Python's float formatting (`repr`).
    func pythonJSON() -> String {
        func py(_ x: Double) -> String {
            if x == 0 { return "0.0" }
            if x == 1 { return "1.0" }
            return "\(x)"
        }
        let s = strictPRF
        let r = relaxedPRF
        return """
            {
             "gold": \(gold),
             "system": \(system),
             "strict": {
              "P": \(py(s.p)),
              "R": \(py(s.r)),
              "F1": \(py(s.f))
             },
             "relaxed": {
              "P": \(py(r.p)),
              "R": \(py(r.r)),
              "F1": \(py(r.f))
             },
             "type_acc": \(py(typeAccuracy)),
             "value_acc": \(py(valueAccuracy)),
             "type_F1": \(py(typeF1)),
             "value_F1": \(py(valueF1))
            }
            """
    }
}

extension TimeExpression {
    func record(in article: Article) -> TimexRecord {
        TimexRecord(start: span.start, end: span.end, text: article.string(span), type: type.rawValue, value: value)
    }
}
