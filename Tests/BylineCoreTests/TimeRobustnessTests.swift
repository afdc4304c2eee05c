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
}
