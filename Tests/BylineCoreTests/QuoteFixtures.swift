import Testing

@testable import BylineCore

/// Small helpers for the quotation, attribution and speaker tests. Every fixture text in these
/// tests is written for them (invented people and events), not taken from any corpus.
struct Analyzed {
    let article: Article
    let result: QuoteAnalyzer.Result

    /// Analyzes `body` (paragraphs separated by blank lines) under a plain headline.
    init(_ body: String, headline: String = "Local news") {
        article = Article(text: headline + "\n\n" + body)
        result = QuoteAnalyzer.analyze(article)
    }

    init(article: Article) {
        self.article = article
        result = QuoteAnalyzer.analyze(article)
    }

    var quotes: [Quote] { result.quotes }
    var speakers: [Speaker] { result.speakers }

    /// The quotations' text including their marks.
    var quoteTexts: [String] { quotes.map { article.string($0.span) } }

    /// The canonical name of the speaker of quotation `i`, or nil.
    func speakerName(_ i: Int) -> String? {
        guard i < quotes.count, let s = quotes[i].speaker else { return nil }
        return speakers[s].name
    }

    /// The text of the mention that attributes quotation `i`, or nil.
    func mentionText(_ i: Int) -> String? {
        guard i < quotes.count, let m = quotes[i].speakerMention else { return nil }
        return article.string(m)
    }

    func speaker(named name: String) -> Speaker? { speakers.first { $0.name == name } }

    /// The text of every mention of a speaker, in order.
    func mentionTexts(of speaker: Speaker) -> [String] { speaker.mentions.map { article.string($0) } }

    /// The scalar-offset span of the first occurrence of `needle` in the article's text.
    func span(of needle: String) -> TextSpan? {
        let hay = article.scalars
        let pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty, pattern.count <= hay.count else { return nil }
        for start in 0...(hay.count - pattern.count) where hay[start] == pattern[0] {
            if Array(hay[start..<(start + pattern.count)]) == pattern { return TextSpan(start, start + pattern.count) }
        }
        return nil
    }
}
