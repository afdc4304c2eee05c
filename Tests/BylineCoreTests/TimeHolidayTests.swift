import Testing

@testable import BylineCore

/// Holidays computed by rule (fixed days, the nth weekday of a month, days counted from Easter or
/// Thanksgiving), relative holidays, and holiday words inside names. Reference date: Friday 2
/// December 2011.
@Suite struct TimeHolidayTests {
    @Test(arguments: [
        ("Florists sold out before Mother's Day 2012.", "Mother's Day 2012", "2012-05-13"),
        ("Marches are set for Martin Luther King Jr. Day 2012.", "Martin Luther King Jr. Day 2012", "2012-01-16"),
        ("Banks close on Presidents' Day 2012.", "Presidents' Day 2012", "2012-02-20"),
        ("Parades filled the streets on St. Patrick's Day 2011.", "St. Patrick's Day 2011", "2011-03-17"),
        ("Shoppers crowded the malls on Black Friday.", "Black Friday", "2011-11-25"),
        ("Fasting begins on Ash Wednesday 2012.", "Ash Wednesday 2012", "2012-02-22"),
        ("Pilgrims arrive for Palm Sunday 2012.", "Palm Sunday 2012", "2012-04-01"),
        ("Trains ran late on Easter Monday 2011.", "Easter Monday 2011", "2011-04-25"),
        ("Voters go to the polls on Election Day 2012.", "Election Day 2012", "2012-11-06"),
        ("Fireworks lit the sky on Canada Day 2011.", "Canada Day 2011", "2011-07-01"),
        ("Stores shut for Thanksgiving 2012.", "Thanksgiving 2012", "2012-11-22"),
        ("Crowds gathered on New Year's Eve.", "New Year's Eve", "2011-12-31"),
        ("Sales slumped last Christmas.", "last Christmas", "2010-12-25"),
        ("The church expects crowds next Easter.", "next Easter", "2012-04-08"),
    ])
    func holidays(text: String, phrase: String, value: String) {
        let e = TimeFixture.find(phrase, in: text)
        #expect(e?.value == value, "\(TimeFixture.summary(text))")
        #expect(e?.type == .date)
    }

    @Test func holidayWordsInNamesAreNotDates() {
        #expect(TimeFixture.tag("The comic was drawn by Marcus Christmas and inked by a friend.").isEmpty)
        #expect(TimeFixture.tag("Ships reached Christmas Island at dawn.").isEmpty)
        #expect(TimeFixture.tag("The Choir of Easter Hope sang.").isEmpty)
        #expect(TimeFixture.tag("Voters lined up on Super Tuesday.").isEmpty)
    }

    @Test func aHolidayOnADifferentDayInEachCountryKeepsNoDate() {
        let e = TimeFixture.find("Labour Day", in: "Shops shut for the long weekend of Labour Day.")
        #expect(e?.value == "XXXX-XX-XX")
        #expect(e?.anchored == false)
        #expect(TimeFixture.find("Labor Day 2012", in: "Parades marked Labor Day 2012.")?.value == "2012-09-03")
    }
}
