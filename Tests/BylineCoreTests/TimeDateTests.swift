import Testing

@testable import BylineCore

/// Calendar dates written out, years, decades, centuries, seasons, quarters and halves.
/// Reference date: Friday 2 December 2011.
@Suite struct TimeDateTests {
    @Test(arguments: [
        ("The deadline is Dec. 31.", "Dec. 31", "2011-12-31"),
        ("The treaty was signed on December 31, 2011, in Paris.", "December 31, 2011", "2011-12-31"),
        ("The ferry sank on 31 Dec 2011 off the coast.", "31 Dec 2011", "2011-12-31"),
        ("Records from 2011-12-31 were lost.", "2011-12-31", "2011-12-31"),
        ("The form was dated 12/31/2011 by the clerk.", "12/31/2011", "2011-12-31"),
        ("The vote fell on the 3rd of March 2009.", "the 3rd of March 2009", "2009-03-03"),
        ("The plant opened in March 2009.", "March 2009", "2009-03"),
        ("The plant opened in September of 1998.", "September of 1998", "1998-09"),
        ("The council met on Friday, Nov. 4, 2011, behind closed doors.", "Friday, Nov. 4, 2011", "2011-11-04"),
    ])
    func fullAndPartialDates(text: String, phrase: String, value: String) {
        let e = TimeFixture.find(phrase, in: text)
        #expect(e?.value == value, "\(TimeFixture.summary(text))")
        #expect(e?.type == .date)
        #expect(e?.anchored == true)
    }

    @Test func barMonthsFollowTheTenseOfTheirClause() {
        // Written on 2 December 2011: a past October is this year's, a future March next year's.
        #expect(TimeFixture.find("October", in: "The mayor resigned in October.")?.value == "2011-10")
        #expect(TimeFixture.find("March", in: "The new bridge will open in March.")?.value == "2012-03")
        // A written-out date right before gives its year to the next one.
        #expect(TimeFixture.summary("Talks ran from May 2004 to June.") == ["May 2004=2004-05", "June=2004-06"])
    }

    @Test func aPresentVerbAfterAndLooksAhead() {
        #expect(TimeFixture.summary("The rink has been shut since May and reopens in September.")
            == ["May=2011-05", "September=2012-09"])
        #expect(TimeFixture.find("September", in: "Rents rose and wages in September fell.")?.value == "2011-09")
        #expect(TimeFixture.find("September", in: "Imports and exports in September were flat.")?.value == "2011-09")
    }

    @Test func monthNamesThatAreWordsOrNames() {
        #expect(TimeFixture.tag("You may leave now if you march quietly.").map(\.text) == ["now"])
        #expect(TimeFixture.tag("Prime Minister Theresa May spoke to April Ryan.").isEmpty)
        #expect(TimeFixture.find("May", in: "The law takes effect in May.")?.value == "2012-05")
    }

    @Test(arguments: [
        ("The mill closed in 1987 after a strike.", "1987", "1987"),
        ("Prices doubled during the 1990s.", "the 1990s", "199"),
        ("Disco ruled the '70s.", "the '70s", "197"),
        // A round hundred names the century; `the 2000s` stays the decade.
        ("Whalers sailed from the port in the 1800s.", "the 1800s", "18"),
        ("Phones spread fast in the 2000s.", "the 2000s", "200"),
        ("Hemlines rose in the sixties.", "the sixties", "196"),
        ("The church dates from the 12th century.", "the 12th century", "11"),
        ("It was the bloodiest war of the twentieth century.", "the twentieth century", "19"),
    ])
    func yearsDecadesCenturies(text: String, phrase: String, value: String) {
        #expect(TimeFixture.find(phrase, in: text)?.value == value, "\(TimeFixture.summary(text))")
    }

    @Test func numbersThatAreNotYears() {
        #expect(TimeFixture.tag("The firm paid $2011 to settle and hired 1990 workers.").isEmpty)
        #expect(TimeFixture.tag("Shares rose 4 5/8 to 31 7/8 in heavy trading.").isEmpty)
        #expect(TimeFixture.tag("The crowd reached 1,999 people.").isEmpty)
    }

    @Test(arguments: [
        ("Profit fell in the third quarter.", "the third quarter", "2011-Q3"),
        ("The third-quarter results disappointed.", "third-quarter", "2011-Q3"),
        ("Sales in Q4 2010 were flat.", "Q4 2010", "2010-Q4"),
        ("Growth slowed in the first half of 2010.", "the first half of 2010", "2010-H1"),
        ("Orders held up through the first two quarters of 2010.", "the first two quarters of 2010", "2010-H1"),
        ("The firm lost money in the third quarter of $2 million.", "the third quarter", "2011-Q3"),
        ("The harbor froze in the winter of 2009.", "the winter of 2009", "2009-WI"),
        ("Crops failed last summer.", "last summer", "2011-SU"),
        ("Repairs will start this spring.", "this spring", "2012-SP"),
        ("The drought ended this spring.", "this spring", "2011-SP"),
        ("The rebate applies to fiscal 2010 only.", "fiscal 2010", "2010"),
        ("The council balanced the 2010 fiscal year budget.", "the 2010 fiscal year", "2010"),
        ("Exports rose in its 2009 financial year.", "2009 financial year", "2009"),
    ])
    func seasonsQuartersHalves(text: String, phrase: String, value: String) {
        #expect(TimeFixture.find(phrase, in: text)?.value == value, "\(TimeFixture.summary(text))")
    }

    @Test func levelsReachedAreNotYears() {
        #expect(TimeFixture.tag("The share index closed at 2010, and copper settled at 1950 a tonne.").isEmpty)
        #expect(TimeFixture.find("2010", in: "The old mill closed in 2010.")?.value == "2010")
    }

    @Test func halvesOfAnEventAreNoTimes() {
        #expect(TimeFixture.tag("The visitors scored twice in the second half of the match.").isEmpty)
        #expect(TimeFixture.tag("The first quarter of their game was slow.").isEmpty)
    }

    @Test func aYearRightBeforeAMonthGivesItsYear() {
        #expect(TimeFixture.summary("\"Last year August 8 was a good day,\" she wrote.")
            == ["Last year=2010", "August 8=2010-08-08"])
    }

    @Test func holidays() {
        #expect(TimeFixture.find("Christmas Eve", in: "Shops close early on Christmas Eve.")?.value == "2011-12-24")
        #expect(TimeFixture.find("Thanksgiving", in: "Families met at Thanksgiving.")?.value == "2011-11-24")
        #expect(TimeFixture.find("Easter 2012", in: "The pilgrimage ends at Easter 2012.")?.value == "2012-04-08")
    }
}
