import Foundation
import Testing

@testable import BylineCore

/// Anchoring without an article date, the seed's must-show values, and linear time.
@Suite struct TimeAnchoringTests {
    @Test func withoutAnArticleDateTheYearIsInferredFromTheText() {
        let text = "The accord was signed on June 4, 2009. Rebels broke it on July 8. Troops arrived on Thursday."
        let tagged = TimeFixture.tag(text, date: nil)
        let june = tagged.first { $0.text == "June 4, 2009" }?.expression
        #expect(june?.value == "2009-06-04")
        #expect(june?.inferred == false)
        let july = tagged.first { $0.text == "July 8" }?.expression
        #expect(july?.value == "2009-07-08")
        #expect(july?.anchored == true)
        #expect(july?.inferred == true)
        // A weekday cannot be placed without a date: it keeps an `X` value.
        let thursday = tagged.first { $0.text == "Thursday" }?.expression
        #expect(thursday?.value == "XXXX-WXX-4")
        #expect(thursday?.anchored == false)
    }

    @Test func withoutAnyDateNothingIsGuessed() {
        let tagged = TimeFixture.tag("The vote is on Dec. 31. Fighting resumed last week.", date: nil)
        #expect(tagged.map(\.expression.value) == ["XXXX-12-31", "XXXX-WXX"])
        #expect(tagged.allSatisfy { !$0.expression.anchored })
    }

    @Test func seedMustShow() {
        let article = BundledSeed.article()
        #expect(article.date == CivilDate(year: 2011, month: 12, day: 2))
        let expressions = TimeTagger.tag(article)
        func first(_ text: String) -> TimeExpression? { expressions.first { article.string($0.span) == text } }
        let expected: [(String, String, TimexMod?)] = [
            ("Nov. 15", "2011-11-15", nil), ("Wednesday", "2011-11-30", nil), ("Thursday", "2011-12-01", nil),
            ("Friday morning", "2011-12-02TMO", nil), ("Dec. 31", "2011-12-31", nil), ("this week", "2011-W48", nil),
            ("this month", "2011-12", nil), ("this year", "2011", nil), ("the end of 2011", "2011", .end),
            ("post-2011", "2011", .after), ("less than one month", "P1M", .lessThan),
        ]
        for (text, value, mod) in expected {
            let e = first(text)
            #expect(e?.value == value, "\(text)")
            #expect(e?.mod == mod, "\(text)")
        }
        #expect(first("less than one month")?.type == .duration)
        #expect(first("Friday morning")?.type == .time)
        // Every expression names its rule and its sentence.
        for e in expressions {
            #expect(!e.rule.isEmpty)
            #expect(article.sentences[e.sentence].span.contains(e.span.start))
        }
    }

    @Test func headlineIsTagged() {
        let article = Article(text: "Floods hit the coast on Tuesday\n\nRain kept falling.",
                              date: CivilDate(iso: "2011-12-02"))
        let tagged = TimeTagger.tag(article)
        #expect(tagged.map { article.string($0.span) } == ["Tuesday"])
        #expect(tagged.first?.sentence == 0)
    }

    /// Not timed: a 1 MB paragraph of numbers, dates and time words is tagged in one pass with
    /// sane output (no backtracking blow-up, no crash at the edges).
    @Test func megabyteParagraphOfNumbers() {
        var text = "Numbers\n\n"
        let pieces = ["12", "1,000", "2011", "3:45", "4 5/8", "Dec.", "31", "May", "the", "third", "quarter", "of",
                      "12/31/2011", "-", "2011-12-31", "'98", "1990s", "two", "days", "ago", "at", "10:30", "a.m.",
                      "every", "week", "post-", "mid-", "1", "2", "3", "45", "99", "100", "2,500.5"]
        var i = 0
        while text.utf8.count < 1_000_000 {
            text += pieces[i % pieces.count] + (i % 7 == 0 ? ", " : " ")
            i += 1
        }
        text += "2011"
        let article = Article(text: text, date: CivilDate(iso: "2011-12-02"))
        let tagged = TimeTagger.tag(article)
        #expect(tagged.count > 10_000)
        var previousEnd = 0
        for e in tagged {
            #expect(e.span.start >= previousEnd)
            #expect(e.span.end <= article.scalars.count)
            #expect(!e.value.isEmpty)
            previousEnd = e.span.end
        }
        let timeline = TimelineBuilder.build(article: article, expressions: tagged, quotes: [])
        #expect(timeline.entries.count + timeline.unplaced.count == tagged.count)
    }
}
