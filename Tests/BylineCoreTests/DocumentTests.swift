import Foundation
import Testing

@testable import BylineCore

@Suite struct DocumentTests {
    @Test func seedHeadlineCountsOnceAndParagraphsFollow() throws {
        let article = BundledSeed.article()
        #expect(article.headlineText == "NATO running out of time to negotiate troop extension in Iraq")
        // The repeated headline is not a paragraph of its own.
        #expect(article.bodyParagraphs.count == 14)
        #expect(article.string(article.bodyParagraphs.first!.span).hasPrefix("Here we go again."))
        #expect(article.date == CivilDate(year: 2011, month: 12, day: 2))
    }

    /// A span's text is the text's own scalars, whatever their UTF-8 length (1 to 4 bytes).
    @Test func aSpansStringIsItsScalarsForEveryUTF8Length() {
        let text = "Ab\n\nQ: “Café ẞtraße 東京 🇺🇳 a\u{301}” — ok é"
        let article = Article(text: text)
        let scalars = Array(text.unicodeScalars)
        for start in 0...scalars.count {
            for end in start...scalars.count {
                var expected = String.UnicodeScalarView()
                expected.append(contentsOf: scalars[start..<end])
                #expect(article.string(TextSpan(start: start, end: end)) == String(expected))
            }
        }
        #expect(article.string(TextSpan(start: 0, end: scalars.count)).utf8.elementsEqual(text.utf8))
    }

    /// The decoding of a text into scalars, ASCII runs eight bytes at a time, is the standard
    /// library's, whatever the mix and wherever a run of ASCII starts or ends.
    @Test func scalarsAreDecodedAsTheStandardLibraryDoes() {
        var random = SeededRandom(seed: 11)
        let pieces = ["a", "Quiet harbour ", "12345678", "é", "“", "”", "東京", "🇺🇳", "\n\n", "x\u{301}", "—"]
        for _ in 0..<400 {
            let text = (0..<random.below(40)).map { _ in pieces[random.below(pieces.count)] }.joined()
            #expect(Article.scalarArray(text) == Array(text.unicodeScalars), "\(text.debugDescription)")
        }
    }

    @Test func embeddedSeedEqualsTheShippedFile() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds/000_32905e9c967a98d8.txt")
        #expect(try Data(contentsOf: url) == BundledSeed.data)
        #expect(DateResolver().date(for: url.path) == (BundledSeed.date, .catalog))
    }

    @Test func sentencesKeepQuotationsWithTheirAttribution() {
        let article = Article(text: "Title\n\n\"We are working it hard. Time is running out,\" Daalder said. He left at 3 p.m. Friday.")
        let sentences = article.sentences.map { article.string($0.span) }
        #expect(sentences == ["Title", "\"We are working it hard. Time is running out,\" Daalder said.", "He left at 3 p.m. Friday."])
    }

    @Test(arguments: [
        ("Mr. Smith met Gen. Jones on Dec. 31 in the U.S. capital. They talked.", 2),
        ("George W. Bush spoke. Growth was 3.5 percent in the U.S. The rest followed.", 3),
        ("It ended at 5 p.m. The crowd left. Really? Yes! Fine…", 5),
        ("Sales rose at Acme Inc. and fell at Widget Co. last year.", 1),
    ])
    func sentenceSplittingHandlesAbbreviations(text: String, count: Int) {
        let article = Article(text: "Headline\n\n" + text)
        #expect(article.bodyParagraphs.count == 1)
        #expect(article.sentences.count - 1 == count, "\(article.sentences.map { article.string($0.span) })")
    }

    @Test func toleratesCRLFBOMTabsAndSoftBreaks() throws {
        let text = "\u{FEFF}Headline\r\n\r\n\tFirst line\r\nsecond line.\u{00A0}\r\n\r\nNext paragraph."
        let article = Article(text: text)
        #expect(article.headlineText == "Headline")
        #expect(article.bodyParagraphs.count == 2)
        #expect(article.string(article.bodyParagraphs.first!.span) == "First line\r\nsecond line.")
    }

    @Test func markdownHeadingMarksAreNotPartOfTheHeadline() {
        let atx = Article(text: "## Council votes on the bridge ##\n\nBody text.")
        #expect(atx.headlineText == "Council votes on the bridge")
        #expect(atx.text.hasPrefix("## Council"))  // the text itself is kept as read
        let underlined = Article(text: "Council votes\n=============\n\nBody text.")
        #expect(underlined.headlineText == "Council votes")
        #expect(underlined.bodyParagraphs.map { underlined.string($0.span) } == ["Body text."])
        // A hashtag is a word, and a lone mark is all the headline there is.
        #expect(Article(text: "#MeToo grows\n\nBody.").headlineText == "#MeToo grows")
        #expect(Article(text: "#\n\nBody.").headlineText == "#")
        // A rule further down is a paragraph like any other.
        #expect(Article(text: "Title\n\n-----\n\nBody.").bodyParagraphs.count == 2)
    }

    @Test func civilDateArithmetic() {
        let d = CivilDate(year: 2011, month: 12, day: 2)!
        #expect(d.weekday == 5)
        #expect(d.isoWeek == (2011, 48))
        #expect(d.adding(days: 30).iso == "2012-01-01")
        #expect(CivilDate(dayNumber: d.dayNumber) == d)
        #expect(CivilDate(iso: "2011-02-29") == nil)
        #expect(CivilDate(year: 2021, month: 1, day: 3)!.isoWeek == (2020, 53))
    }
}
