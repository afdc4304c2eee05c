import BylineCore
import BylineTestSupport
import Foundation
import Testing

@testable import BylineSources

/// The seed article saved as a cluttered web page reads as the plain text does: the same six
/// quotations with the same speakers, and a timeline dated by the page's own metadata, with
/// nothing from the clutter (quoted headlines, readers' comments) taken for a quotation.
@Suite struct SeedPageTests {
    /// The seed's headline and body paragraphs (its headline line is repeated once in the file).
    private static func seedParts() -> (headline: String, paragraphs: [String]) {
        let seed = BundledSeed.article()
        let headline = seed.headlineText
        var paragraphs = seed.bodyParagraphs.map { seed.string($0.span) }
        if paragraphs.first == headline { paragraphs.removeFirst() }
        return (headline, paragraphs)
    }

    /// The seed as a news site would serve it, with its date only in the page's metadata.
    static func seedPage() -> String {
        let (headline, paragraphs) = seedParts()
        let body = paragraphs.map { "<p>\(PageFixtures.escaped($0))</p>" }.joined(separator: "\n")
        return PageFixtures.newsPage(PageFixtures.Article(
            headline: headline, body: body, author: "Staff Writer", published: "2011-12-02T11:42:00-05:00",
            site: "The Example Review", url: "https://review.example.com/posts/nato-iraq-training"))
    }

    private func readSeedPage() throws -> Article {
        let folder = try TemporaryFolder()
        // No date in the name and no catalog beside it: the date can only come from the page.
        let path = try folder.write("nato.html", Data(Self.seedPage().utf8))
        let articles = try SourceReader.read(path: path, dates: DateResolver())
        return try #require(articles.first)
    }

    private struct Found: Equatable, CustomStringConvertible {
        var text: String
        var speaker: String?
        var cue: String?
        var description: String { "\(speaker ?? "-"), \(cue ?? "-"): \(text)" }
    }

    private func quotations(_ article: Article) -> [Found] {
        let result = QuoteAnalyzer.analyze(article)
        return result.quotes.map { quote in
            Found(text: quote.parts.map(article.string).joined(separator: " "),
                  speaker: quote.speaker.map { result.speakers[$0].name }, cue: quote.cue)
        }
    }

    @Test func thePageIsTheSeedsTextDatedByItsMetadata() throws {
        let article = try readSeedPage()
        let (headline, paragraphs) = Self.seedParts()
        #expect(article.text == ([headline] + paragraphs).joined(separator: "\n\n"))
        #expect(article.date == CivilDate(year: 2011, month: 12, day: 2))
        #expect(article.dateSource == .metadata)
        #expect(article.metadata.title == headline)
        #expect(article.metadata.site == "The Example Review")
    }

    @Test func theSameSixQuotationsAndSpeakersAsThePlainText() throws {
        let page = quotations(try readSeedPage())
        let plain = quotations(BundledSeed.article())
        #expect(page.count == 6)
        #expect(page == plain)
        let speakers = Set(page.compactMap(\.speaker))
        #expect(speakers.contains("Ivo Daalder"))
        #expect(speakers.contains("Leon Panetta"))
        for quotation in page {
            for phrase in PageFixtures.clutterPhrases + ["We will not back down", "Stay home", "Finally, a bridge"] {
                #expect(!quotation.text.contains(phrase), "clutter quoted: \(quotation)")
            }
        }
    }

    @Test func aDatedTimelineWithoutDate() throws {
        let article = try readSeedPage()
        let analyzed = Analyzer.analyze(article)
        let plain = Analyzer.analyze(BundledSeed.article())
        func entries(_ a: AnalyzedArticle) -> [String] {
            a.timeline.entries.map { entry in
                let expression = a.timeExpressions[entry.expression]
                return "\(a.article.string(expression.span)) \(expression.value)"
            }
        }
        #expect(!analyzed.timeline.entries.isEmpty)
        #expect(entries(analyzed) == entries(plain))
        // Anchored to the page's date: "Wednesday" is the Wednesday of that week.
        #expect(entries(analyzed).contains("Wednesday 2011-11-30"))
    }
}
