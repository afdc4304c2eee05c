import Testing

@testable import BylineCore

/// General rules found by reading tagged news: counts, ages and idioms that look like times,
/// articles that belong to a noun, a weekday that disagrees with its date, and a weekday opening a
/// long sentence. Reference date: Friday 2 December 2011.
@Suite struct TimeRobustnessTests {
    @Test func countsAreNotYears() {
        #expect(TimeFixture.tag("A poll of 1709 farmers found support.").isEmpty)
        #expect(TimeFixture.tag("Between 1500 and 2000 troops crossed.").isEmpty)
        #expect(TimeFixture.summary("Levels fell below 10% of 2000 levels.") == ["2000=2000"])
    }

    @Test func aRangeCutOffAtTheEndOfTheTextIsJustItsStart() {
        // Found by fuzzing: a connector as the last word once read past the last token.
        #expect(TimeFixture.summary("It ran from 1990 to") == ["1990=1990"])
        #expect(TimeFixture.summary("It ran 1990 to the") == ["1990=1990"])
        #expect(TimeFixture.summary("Polls close at 3 p.m. until") == ["3 p.m.=2011-12-02T15:00"])
    }

    @Test func agesAreNotDurations() {
        #expect(TimeFixture.tag("Pupils aged 8-10 years took part.").isEmpty)
        #expect(TimeFixture.tag("The rash began at the age of four months.").isEmpty)
    }

    @Test func idiomsAreNotTimes() {
        #expect(TimeFixture.tag("Storms flood the road every now and then.").isEmpty)
        #expect(TimeFixture.tag("At the end of the day, the voters decide.").isEmpty)
        #expect(TimeFixture.summary("The office shuts at the end of the day.") == ["the end of the day=2011-12-02"])
    }

    @Test func articlesThatBelongToTheNoun() {
        #expect(TimeFixture.tag("Critics read the recently released memo.").map(\.text) == ["recently"])
        #expect(TimeFixture.tag("Fans queued for the 20-minute demonstration.").map(\.text) == ["20-minute"])
    }

    @Test func fractionsOfAmountsAreNotQuarters() {
        #expect(TimeFixture.tag("The plan got about a quarter as much money.").isEmpty)
        #expect(TimeFixture.tag("The site held a quarter million files.").isEmpty)
        #expect(TimeFixture.find("a quarter century", in: "The feud lasted a quarter century.")?.value == "P25Y")
    }

    @Test func aWeekdayThatDisagreesWithItsDateIsAName() {
        // 8 June 2009 was a Monday: `Sun` is the paper's name.
        #expect(TimeFixture.summary("Source: the Toronto Sun, June 8, 2009.") == ["June 8, 2009=2009-06-08"])
        #expect(TimeFixture.summary("Posted Mon, June 8, 2009.") == ["Mon, June 8, 2009=2009-06-08"])
    }

    @Test func aWeekdayOpeningALongSentenceTakesItsVerb() {
        let text = "On Saturday, a group of farmers and their lawyers from the northern valley filed a claim."
        #expect(TimeFixture.find("Saturday", in: text)?.value == "2011-11-26")
    }

    @Test func earlyAndLateInAPeriod() {
        let e = TimeFixture.find("Early in the month", in: "Early in the month, prices fell.")
        #expect(e?.value == "2011-12")
        #expect(e?.mod == .start)
        #expect(TimeFixture.find("late in the year", in: "Sales rose late in the year.")?.mod == .end)
    }

    @Test func compoundAndDecimalDurations() {
        #expect(TimeFixture.find("1 hour 59 minutes 40.2 seconds", in: "Her time was 1 hour 59 minutes 40.2 seconds.")?
            .value == "PT1H59M40.2S")
        #expect(TimeFixture.find("2 hours, 1 minute and 39 seconds", in: "He ran 2 hours, 1 minute and 39 seconds.")?
            .value == "PT2H1M39S")
        #expect(TimeFixture.find("three years and two months", in: "The lease runs three years and two months.")?
            .value == "P3Y2M")
        #expect(TimeFixture.find("47.42 seconds", in: "She won in 47.42 seconds.")?.value == "PT47.42S")
        #expect(TimeFixture.tag("Rates among 10-19 year olds rose.").isEmpty)
        // A count of something else after a duration is not part of it.
        #expect(TimeFixture.summary("She waited 5 minutes and 3 people left.") == ["5 minutes=PT5M"])
    }

    @Test func numbersThatLookLikeTimesOrYears() {
        // A 24-hour clock time in brackets is the same time in another zone, not a year.
        #expect(TimeFixture.summary("The crash came around 8:30 p.m. BST (1930 UTC) on Nov. 27.")
            == ["around 8:30 p.m. BST=2011-11-27T20:30", "Nov. 27=2011-11-27"])
        #expect(TimeFixture.summary("The craft docked at 2:49 a.m. local time (7:49 a.m. UTC) on Tuesday.")
            == ["2:49 a.m. local time=2011-11-29T02:49", "Tuesday=2011-11-29"])
        #expect(TimeFixture.tag("The group runs 18 FM and five AM radio stations.").isEmpty)
        #expect(TimeFixture.tag("Microbes grew in 100% H2 and 100% He.").isEmpty)
    }

    @Test func tenseCuesOfNews() {
        // Friday 2 December 2011.
        #expect(TimeFixture.find("March 8", in: "The state rescheduled its primary to March 8.")?.value == "2012-03-08")
        #expect(TimeFixture.find("August", in: "Staff first heard of it back in August.")?.value == "2011-08")
        #expect(TimeFixture.find("August", in: "Riots broke out due to the shooting of a man in August.")?.value
            == "2011-08")
        #expect(TimeFixture.find("late January", in: "Officials say the bridge may be ready by late January.")?.value
            == "2012-01")
        // An expectation reported from the past: the nearest day.
        #expect(TimeFixture.find("Thursday night", in: "The storm was expected to reach the coast Thursday night.")?
            .value == "2011-12-01TNI")
    }

    @Test func aFortnightCountsLikeOtherAmounts() {
        #expect(TimeFixture.find("a fortnight ago", in: "The ship sank a fortnight ago.")?.value == "2011-W46")
        #expect(TimeFixture.find("a fortnight", in: "Relatives waited a fortnight for news.")?.value == "P2W")
        #expect(TimeFixture.find("three years from today", in: "The fund closes three years from today.")?.value
            == "2014")
    }
}
