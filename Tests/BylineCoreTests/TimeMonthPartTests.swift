import Testing

@testable import BylineCore

/// Days and weeks counted within a month, a day of the month alone, and the week of a date.
/// Reference date: Friday 2 December 2011.
@Suite struct TimeMonthPartTests {
    @Test(arguments: [
        ("The count ends on the first Monday of October 2012.", "the first Monday of October 2012", "2012-10-01"),
        ("Rallies fell on the last Friday in March 2012.", "the last Friday in March 2012", "2012-03-30"),
        ("Bids close on the last day of the month.", "the last day of the month", "2011-12-31"),
        ("Fees rise on the last day of February 2012.", "the last day of February 2012", "2012-02-29"),
        ("The auction is on the 20th of next month.", "the 20th of next month", "2012-01-20"),
        ("Work starts the first week of October 2012.", "the first week of October 2012", "2012-W40"),
        ("Crews return the last weekend of July 2012.", "the last weekend of July 2012", "2012-W30-WE"),
        ("A hearing is set for the week of March 6, 2012.", "the week of March 6, 2012", "2012-W10"),
    ])
    func countedInAMonth(text: String, phrase: String, value: String) {
        let e = TimeFixture.find(phrase, in: text)
        #expect(e?.value == value, "\(TimeFixture.summary(text))")
        #expect(e?.anchored == true)
    }

    @Test func aDayOfTheMonthAloneFollowsItsClause() {
        #expect(TimeFixture.summary("The vote is on the 15th.") == ["the 15th=2011-12-15"])
        #expect(TimeFixture.summary("Police shut the plant on the 3rd.") == ["the 3rd=2011-11-03"])
        #expect(TimeFixture.summary("In March 2010 the board met on the 15th.")
            == ["March 2010=2010-03", "the 15th=2010-03-15"])
    }

    @Test func ordinalsThatCountOtherThingsAreNotDays() {
        #expect(TimeFixture.tag("He lives on the 33rd floor.").isEmpty)
        #expect(TimeFixture.tag("Judges cited the 14th Amendment.").isEmpty)
        #expect(TimeFixture.tag("She finished 5th in the race.").isEmpty)
    }
}
