import BylineCore
import Foundation

/// Prints one article's quotations (with the rules that found and attributed them) and its
/// speakers: a development aid behind the hidden `--show` flag.
enum QuoteShow {
    static func print(path: String) throws {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        let article = Article(text: text, source: path)
        let result = QuoteAnalyzer.analyze(article)
        for q in result.quotes {
            let who = q.speaker.map { result.speakers[$0].name } ?? "-"
            let mention = q.speakerMention.map { "[\(article.string($0))]" } ?? ""
            Swift.print("\(q.id) \(q.span) \(q.kind.rawValue) \(q.detectionRule) | \(who) \(mention) cue=\(q.cue ?? "-") via \(q.attributionRule ?? "none")\(q.attributionRanking.map { ", \($0)" } ?? "")")
            Swift.print("    \(article.string(q.span).prefix(160))")
        }
        Swift.print("speakers:")
        for s in result.speakers {
            let mentions = s.mentions.map { "\(article.string($0))@\($0.start)" }.joined(separator: ", ")
            Swift.print("  \(s.id) \(s.name) (\(s.kind.rawValue)) desc=\(s.description ?? "-") aliases=\(s.aliases) quotes=\(s.quotes)")
            Swift.print("      mentions: \(mentions)")
        }
    }
}
