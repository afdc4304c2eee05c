import Testing

@testable import BylineCore

/// Ranges are two TIMEX3s, one per end; a short end takes what it lacks from the other, and the
/// end is placed on or after the start. Reference date: Friday 2 December 2011.
@Suite struct TimeRangeTests {
    @Test func clockRangesShareTheMeridiemAndTheDay() {
        #expect(TimeFixture.summary("The clinic opens 3-4pm for walk-ins.")
            == ["3=2011-12-02T15:00", "4pm=2011-12-02T16:00"])
        #expect(TimeFixture.summary("Ballots are counted 11-1pm in the hall.")
            == ["11=2011-12-02T11:00", "1pm=2011-12-02T13:00"])
        #expect(TimeFixture.summary("The desk is staffed from 9:30 - 11:00 on Thursday.")
            == ["9:30=2011-12-01T09:30", "11:00=2011-12-01T11:00", "Thursday=2011-12-01"])
        #expect(TimeFixture.summary("Pickets stood outside between 9:30 and 11:00.")
            == ["9:30=2011-12-02T09:30", "11:00=2011-12-02T11:00"])
        #expect(TimeFixture.summary("The market trades from noon to 2 p.m. daily.").prefix(2)
            == ["noon=2011-12-02T12:00", "2 p.m.=2011-12-02T14:00"])
        #expect(TimeFixture.summary("Lessons run 1pm-2pm tomorrow.")
            == ["1pm=2011-12-03T13:00", "2pm tomorrow=2011-12-03T14:00"])
        let ends = TimeFixture.tag("The detour lasts from 3:30 to 6 p.m. at the bridge.")
        #expect(ends.map(\.expression.type) == [.time, .time])
        #expect(ends.map(\.expression.rule) == ["range.clockStart", "range.clockEnd"])
    }

    @Test func aClockRangeAcrossMidnightEndsTheNextDay() {
        #expect(TimeFixture.summary("Stalls trade 10 p.m. to 2 a.m. at the port.")
            == ["10 p.m.=2011-12-02T22:00", "2 a.m.=2011-12-03T02:00"])
    }

    @Test func scoresAndAmountsAreNotClockRanges() {
        #expect(TimeFixture.tag("The visitors won 3-1 in the rain.").isEmpty)
        #expect(TimeFixture.summary("The repair takes 3 to 4 hours.") == ["3 to 4 hours=PT3H"])
    }

    @Test func dayRangesShareTheMonth() {
        #expect(TimeFixture.summary("The fair runs from 13 to 15 July 2012.")
            == ["13=2012-07-13", "15 July 2012=2012-07-15"])
        #expect(TimeFixture.summary("Hearings were held from the 3rd to the 5th of May 2010.")
            == ["3rd=2010-05-03", "5th of May 2010=2010-05-05"])
        #expect(TimeFixture.summary("Hearings were held May 3rd - 5th, 2010.").prefix(1) == ["May 3rd=2011-05-03"])
        #expect(TimeFixture.summary("The festival ran Aug. 4-6.") == ["Aug. 4=2011-08-04", "6=2011-08-06"])
        // Each end names its own month.
        #expect(TimeFixture.summary("The drive ran from 2nd of May to 9th of June 2010.")
            == ["2nd of May=2010-05-02", "9th of June 2010=2010-06-09"])
    }

    @Test func aYearAfterTheRangeDatesBothEnds() {
        #expect(TimeFixture.summary("The crew camped from April 3 to 9 of last year.")
            == ["April 3=2010-04-03", "9 of last year=2010-04-09"])
        #expect(TimeFixture.summary("A census will run 4 to 11 May next year.")
            == ["4=2012-05-04", "11 May next year=2012-05-11"])
        #expect(TimeFixture.summary("Trials were held from June 1 to 5 of 2008.")
            == ["June 1=2008-06-01", "5 of 2008=2008-06-05"])
        #expect(TimeFixture.summary("She was hired on March 14 of this year.") == ["March 14 of this year=2011-03-14"])
    }

    @Test func theEndOfARangeFollowsItsStart() {
        // Saturday is the next day; Tuesday alone would be the one just gone.
        #expect(TimeFixture.summary("The fair runs from Saturday to Tuesday.")
            == ["Saturday=2011-12-03", "Tuesday=2011-12-06"])
        #expect(TimeFixture.summary("The shutdown lasts from Dec. 28 to Jan. 3, 2013.")
            == ["Dec. 28=2012-12-28", "Jan. 3, 2013=2013-01-03"])
        // A list is no range: each day keeps its own place.
        #expect(TimeFixture.summary("Statements came Friday and Thursday.")
            == ["Friday=2011-12-02", "Thursday=2011-12-01"])
    }

    @Test func yearRanges() {
        #expect(TimeFixture.summary("Output doubled 1990-95.") == ["1990=1990", "95=1995"])
        #expect(TimeFixture.summary("She starred in the 2010-11 season.") == ["2010=2010", "11=2011"])
        #expect(TimeFixture.summary("Prices fell between 1985 and 1987.") == ["1985=1985", "1987=1987"])
    }

    @Test func rangeEndsSortInOrderOnTheTimeline() {
        let article = TimeFixture.article("Roads close 10 p.m. to 2 a.m. near the stadium.")
        let expressions = TimeTagger.tag(article)
        let timeline = TimelineBuilder.build(article: article, expressions: expressions, quotes: [])
        #expect(timeline.entries.map { expressions[$0.expression].value } == ["2011-12-02T22:00", "2011-12-03T02:00"])
    }
}
