import Testing

@testable import BylineCore

/// Expressions relative to the article's date or to the narrative, and weekdays.
/// Reference date: Friday 2 December 2011 (ISO week 48).
@Suite struct TimeRelativeTests {
    @Test(arguments: [
        ("The minister resigned today.", "today", "2011-12-02"),
        ("The minister resigned yesterday.", "yesterday", "2011-12-01"),
        ("The verdict is due tomorrow.", "tomorrow", "2011-12-03"),
        ("Fires broke out last week.", "last week", "2011-W47"),
        ("The fleet sails next month.", "next month", "2012-01"),
        ("The ship left port two days ago.", "two days ago", "2011-11-30"),
        ("Ten years ago the plant was a field.", "Ten years ago", "2001"),
        ("Fighting stopped this week.", "this week", "2011-W48"),
        ("Rents rose this month.", "this month", "2011-12"),
        ("Exports fell this year.", "this year", "2011"),
        ("The tax returns next year.", "next year", "2012"),
        ("Profits sagged last quarter.", "last quarter", "2011-Q3"),
        ("The forum met yesterday morning.", "yesterday morning", "2011-12-01TMO"),
        ("Flooding is expected tonight.", "tonight", "2011-12-02TNI"),
        ("The shelter filled up last night.", "last night", "2011-12-01TNI"),
        ("Voters went to the polls last April.", "last April", "2011-04"),
    ])
    func relativeToTheArticleDate(text: String, phrase: String, value: String) {
        let e = TimeFixture.find(phrase, in: text)
        #expect(e?.value == value, "\(TimeFixture.summary(text))")
        #expect(e?.anchored == true)
    }

    @Test func thePastDecadeIsADuration() {
        let e = TimeFixture.find("the past decade", in: "Crime fell over the past decade.")
        #expect(e?.value == "P10Y")
        #expect(e?.type == .duration)
        #expect(TimeFixture.find("the past two years", in: "Rents doubled in the past two years.")?.value == "P2Y")
        // A span given as a range keeps the whole phrase (the lower bound, as for amounts).
        #expect(TimeFixture.find("the past 15-20 years", in: "She has farmed here for the past 15-20 years.")?.value
            == "P15Y")
        #expect(TimeFixture.find("the next two to three weeks", in: "Repairs take the next two to three weeks.")?
            .value == "P2W")
    }

    @Test func narrativeAnchoring() {
        // `three years earlier`, `two days later`, `that week`, `the next day` count from the
        // time last mentioned, not from the article's date.
        let text = "The dam burst on March 3, 2005. Two days later the river crested. Three years earlier, "
            + "engineers had warned of cracks. Aid arrived that week. The next day, the mayor resigned."
        // A look back (`three years earlier`) does not move the story's focus.
        #expect(TimeFixture.summary(text) == [
            "March 3, 2005=2005-03-03", "Two days later=2005-03-05", "Three years earlier=2002",
            "that week=2005-W09", "The next day=2005-03-06",
        ])
        // Only `a year ago` compares with the quarter just reported; `50 years ago` is a year.
        let quarter = "Profit rose in the third quarter. The firm was founded 50 years ago."
        #expect(TimeFixture.find("50 years ago", in: quarter)?.value == "1961")
        // Years counted from a day name a year; only `a year earlier` (a results comparison) keeps the day.
        let decade = "The dam burst on March 3, 2005. A decade later, it was rebuilt."
        #expect(TimeFixture.find("A decade later", in: decade)?.value == "2015")
        let results = "Sales for the year ended Sept. 30, 2010 rose from a year earlier."
        #expect(TimeFixture.find("a year earlier", in: results)?.value == "2009-09-30")
        // Without an earlier time, the article's date is the anchor.
        #expect(TimeFixture.find("two days later", in: "Relief came two days later.")?.value == "2011-12-04")
    }

    @Test func weekdaysFollowTheTenseOfTheirClause() {
        // 2 December 2011 is a Friday.
        #expect(TimeFixture.find("Thursday", in: "The envoy told reporters on Thursday that talks failed.")?.value
            == "2011-12-01")
        #expect(TimeFixture.find("Thursday", in: "The envoy will meet rebels on Thursday.")?.value == "2011-12-08")
        #expect(TimeFixture.find("Monday", in: "The court is expected to rule Monday.")?.value == "2011-12-05")
        #expect(TimeFixture.find("Tuesday", in: "Police arrested him Tuesday.")?.value == "2011-11-29")
        // No tense cue: the nearest.
        #expect(TimeFixture.find("Wednesday", in: "Storms on Wednesday, sunshine later.")?.value == "2011-11-30")
        #expect(TimeFixture.find("Sunday", in: "Storms on Sunday, sunshine later.")?.value == "2011-12-04")
        #expect(TimeFixture.find("Friday", in: "The strike ended Friday.")?.value == "2011-12-02")
        #expect(TimeFixture.find("last Friday", in: "The strike ended last Friday.")?.value == "2011-11-25")
        #expect(TimeFixture.find("next Tuesday", in: "The board votes next Tuesday.")?.value == "2011-12-06")
        #expect(TimeFixture.find("this weekend", in: "Crowds are expected this weekend.")?.value == "2011-W48-WE")
    }

    @Test func tenseCuesBeyondSimpleVerbs() {
        // Friday 2 December 2011.
        #expect(TimeFixture.find("Tuesday", in: "Trading is to resume on Tuesday.")?.value == "2011-12-06")
        #expect(TimeFixture.find("Saturday", in: "Activists planned a march on Saturday.")?.value == "2011-12-03")
        #expect(TimeFixture.find("Monday", in: "The vote was postponed until Monday.")?.value == "2011-12-05")
        #expect(TimeFixture.find("Monday", in: "Until Monday, police had not named him.")?.value == "2011-11-28")
        #expect(TimeFixture.find("January", in: "The rules are expected to be published in January.")?.value
            == "2012-01")
        #expect(TimeFixture.find("Wednesday", in: "The bill must be signed by Wednesday.")?.value == "2011-12-07")
        // A schedule made in the past can still lie ahead; a modal perfect looks back.
        #expect(TimeFixture.find("March", in: "Her hearing has been scheduled for March.")?.value == "2012-03")
        #expect(TimeFixture.find("March", in: "Her hearing had been scheduled for March.")?.value == "2011-03")
        #expect(TimeFixture.find("Monday", in: "On Monday, the flood may have destroyed two bridges.")?.value
            == "2011-11-28")
        #expect(TimeFixture.find("Tuesday", in: "By Tuesday, looters could have emptied the depot.")?.value
            == "2011-11-29")
        // `am committed` is an adjective, not a past verb: the nearest October 31.
        let committed = "\"I am committed to finishing the bridge by October 31st.\""
        #expect(TimeFixture.find("October 31st", in: committed, date: "2011-08-29")?.value == "2011-10-31")
        // A past event dated by its own verb lies behind, even a month that is about to begin;
        // a date reported in a past clause may lie just ahead.
        #expect(TimeFixture.find("January", in: "He was arrested in January.")?.value == "2011-01")
        #expect(TimeFixture.find("Dec. 20", in: "The bank extended its offer to Dec. 20.")?.value == "2011-12-20")
        // A participle after `remain` or `stay` is a state, not a past event.
        #expect(TimeFixture.find("Wednesday", in: "Schools will remain closed through Wednesday, officials said.")?
            .value == "2011-12-07")
        // `due` before its time looks ahead, whatever follows.
        #expect(TimeFixture.find("this March", in: "With the vote due this March, parties had few funds.")?.value
            == "2012-03")
        #expect(TimeFixture.find("Tuesday", in: "The verdict, due on Tuesday, was sealed.")?.value == "2011-12-06")
        // `would`: a future seen from a report, which may be the day before the article.
        let storm = "Forecasters said the storm would reach the coast Thursday night."
        #expect(TimeFixture.find("Thursday night", in: storm)?.value == "2011-12-01TNI")
        #expect(TimeFixture.find("Monday", in: "The minister said he would visit the camp on Monday.")?.value
            == "2011-12-05")
        // Named days are not weekdays near the article.
        #expect(TimeFixture.tag("Voters lined up on Super Tuesday.").isEmpty)
    }

    @Test func aPastClauseDoesNotCountFromAComingDate() {
        // Friday 2 December 2011: the hearing lies ahead, the fire and its hour lie behind.
        let text = "The fire broke out on Nov. 20. A hearing is set for Jan. 9. "
            + "A second fire started the same day. It began at about 14:30."
        #expect(TimeFixture.find("the same day", in: text)?.value == "2011-11-20")
        #expect(TimeFixture.find("about 14:30", in: text)?.value == "2011-11-20T14:30")
        // With no earlier point, the article's date.
        let first = "The polls close on Sunday. The blast happened shortly after midnight."
        #expect(TimeFixture.find("midnight", in: first)?.value == "2011-12-02T24:00")
        // In a clause that looks ahead, the coming date stays the anchor.
        let ahead = "A hearing is set for Jan. 9. Lawyers will file motions the same day."
        #expect(TimeFixture.find("the same day", in: ahead)?.value == "2012-01-09")
    }

    @Test func capitalisedTimeWordsInsideNamesAreNoTimes() {
        #expect(TimeFixture.tag("The figures were first printed by USA Today.").isEmpty)
        #expect(TimeFixture.tag("Pupils marched with Parents for Future in the square.").isEmpty)
        // At the start of a sentence or a quotation the word keeps its meaning.
        #expect(TimeFixture.summary("Crews worked late. Today the road reopened.") == ["Today=2011-12-02"])
        #expect(TimeFixture.summary("\"Today we rebuild,\" she said.") == ["Today=2011-12-02"])
    }

    @Test func aQuarterCenturyIsNoQuarterOfTheYear() {
        #expect(TimeFixture.tag("The town marked the quarter century anniversary of the fair.").isEmpty)
    }

    @Test func thePreviousAndTheFollowingWeekdayCountFromTheNarrative() {
        let text = "The dam burst on Tuesday, March 3, 2009. Repairs began the following Monday."
        #expect(TimeFixture.find("the following Monday", in: text)?.value == "2009-03-09")
        let back = "The dam burst on Tuesday, March 3, 2009. Engineers had warned the previous Friday."
        #expect(TimeFixture.find("the previous Friday", in: back)?.value == "2009-02-27")
        // Without a day in the narrative, the article's date (Friday 2 December 2011).
        #expect(TimeFixture.find("the following Monday", in: "Talks resume the following Monday.")?.value
            == "2011-12-05")
    }

    @Test func thatMonthIsInTheYearOfTheStory() {
        let text = "The mill closed on May 4, 2003. That September, the workers sued."
        #expect(TimeFixture.find("That September", in: text)?.value == "2003-09")
    }

    @Test func narrativePeriodsAndDays() {
        let text = "The firm was founded in May 1995, and the following year it went public."
        #expect(TimeFixture.find("the following year", in: text)?.value == "1996")
        // `that day` after a year counts from the last day mentioned.
        let days = "On Oct. 3, 2010 the plant closed; it was planned to reopen by 2025. Workers protested that day."
        #expect(TimeFixture.find("that day", in: days)?.value == "2010-10-03")
    }

    @Test func partsOfDay() {
        let e = TimeFixture.find("Friday morning", in: "He spoke at a Friday morning breakfast.")
        #expect(e?.value == "2011-12-02TMO")
        #expect(e?.type == .time)
        #expect(TimeFixture.find("Thursday night", in: "Shots rang out Thursday night.")?.value == "2011-12-01TNI")
        // `the night of` a date or weekday: TimeML marks the date alone (no stray `the night`).
        #expect(TimeFixture.summary("Fire crews came on the night of Sunday, Nov. 20.")
            == ["Sunday, Nov. 20=2011-11-20"])
        #expect(TimeFixture.summary("The bridge shook on the night of Tuesday.") == ["Tuesday=2011-11-29"])
        #expect(TimeFixture.summary("The dam broke on the morning of Nov. 3.") == ["Nov. 3=2011-11-03"])
    }
}
