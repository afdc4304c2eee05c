import Testing

@testable import BylineCore

/// Clock times. Reference date: Friday 2 December 2011.
@Suite struct TimeClockTests {
    @Test(arguments: [
        ("The polls close at 3 p.m. sharp.", "3 p.m.", "2011-12-02T15:00"),
        ("The blast came at 10:30 a.m. EST near the port.", "10:30 a.m. EST", "2011-12-02T10:30"),
        ("Trading halted at 15:11 GMT.", "15:11 GMT", "2011-12-02T15:11"),
        ("The doors open at 9am.", "9am", "2011-12-02T09:00"),
        ("The march starts at noon.", "noon", "2011-12-02T12:00"),
        ("The curfew begins at midnight.", "midnight", "2011-12-02T24:00"),
        ("Guests left at eleven o'clock.", "eleven o'clock", "2011-12-02T11:00"),
        ("The flight lands at 6 in the morning.", "6 in the morning", "2011-12-02T06:00"),
        ("The deadline passed at 5 p.m. Thursday.", "5 p.m. Thursday", "2011-12-01T17:00"),
        ("Troops will withdraw at noon Saturday.", "noon Saturday", "2011-12-03T12:00"),
        ("Troops withdrew at noon Saturday.", "noon Saturday", "2011-11-26T12:00"),
    ])
    func clockTimes(text: String, phrase: String, value: String) {
        let e = TimeFixture.find(phrase, in: text)
        #expect(e?.value == value, "\(TimeFixture.summary(text))")
        #expect(e?.type == .time)
    }

    @Test func clockTimeTakesTheDayOfItsSentence() {
        let text = "The meeting on Nov. 29 ended at 4 p.m. with no deal."
        #expect(TimeFixture.find("4 p.m.", in: text)?.value == "2011-11-29T16:00")
    }

    @Test func scoresAndRatiosAreNotTimes() {
        #expect(TimeFixture.tag("The home side won 3:1 and led 2:0 at half time.").isEmpty)
    }
}
