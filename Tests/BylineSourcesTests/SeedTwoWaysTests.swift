import BylineCore
import Foundation
import Testing

@testable import BylineSources

/// The seed article saved as Markdown with front matter and as an RSS item
/// (`Fixtures/seed/`) reads as the plain text does: the same six quotations with the same
/// speakers, and a timeline dated by the front matter or the item's pubDate, without `--date`
/// and without a catalog.
@Suite struct SeedTwoWaysTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/seed")
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../seeds/000_32905e9c967a98d8.txt").standardizedFileURL

    private func analyzed(_ path: String) throws -> AnalyzedArticle {
        let articles = try SourceReader.read(path: path)
        try #require(articles.count == 1)
        return Analyzer.analyze(articles[0])
    }

    /// Each quotation's text (without its marks) and its speaker's name.
    private func quotations(_ a: AnalyzedArticle) -> [String] {
        a.quotes.map { quote in
            let speaker = quote.speaker.map { a.speakers[$0].name } ?? "?"
            return "\(speaker): \(a.article.string(quote.span))"
        }
    }

    /// The anchored timeline: each entry's expression text and value.
    private func timeline(_ a: AnalyzedArticle) -> [String] {
        a.timeline.entries.map { entry in
            let expression = a.timeExpressions[entry.expression]
            return "\(a.article.string(expression.span)) = \(expression.value)"
        }
    }

    @Test(arguments: ["seed.md", "seed.rss"])
    func theSameQuotationsSpeakersAndTimelineAsThePlainText(file: String) throws {
        let plain = try analyzed(Self.seed.path)
        #expect(plain.article.dateSource == .catalog)
        let other = try analyzed(Self.fixtures.appendingPathComponent(file).path)
        #expect(other.quotes.count == 6)
        #expect(quotations(other) == quotations(plain))
        #expect(Set(other.speakers.map(\.name)) == Set(plain.speakers.map(\.name)))
        // Dated by its own metadata: no catalog beside the fixtures, no --date.
        #expect(other.article.date?.iso == "2011-12-02")
        #expect(other.article.dateSource == .metadata)
        #expect(timeline(other) == timeline(plain))
        #expect(timeline(other).contains("Friday morning = 2011-12-02TMO"))
        #expect(other.article.headlineText == "NATO running out of time to negotiate troop extension in Iraq")
    }

    @Test func theRSSItemCarriesItsMetadata() throws {
        let article = try #require(try SourceReader.read(path: Self.fixtures.appendingPathComponent("seed.rss").path).first)
        #expect(article.metadata.format == .rss)
        #expect(article.metadata.site == "The Cable")
        #expect(article.metadata.url == "https://thecable.example/2011/12/02/nato-running-out-of-time")
        #expect(article.source.hasSuffix("seed.rss#thecable-2011-12-02-nato"))
    }
}
