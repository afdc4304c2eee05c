import Testing

@testable import BylineCore

/// Clock times told from an hour, spelled out, placed by a part of day, joined to a day, and
/// time zones. Reference date: Friday 2 December 2011.
@Suite struct TimeClockPhraseTests {
    @Test(arguments: [
        ("The bell rang at a quarter past 1pm.", "a quarter past 1pm", "2011-12-02T13:15"),
        ("Guests gathered at half past three.", "half past three", "2011-12-02T03:30"),
        ("The vote closes at half past four pm.", "half past four pm", "2011-12-02T16:30"),
        ("Doors open at twenty minutes to noon.", "twenty minutes to noon", "2011-12-02T11:40"),
        ("The blast came ten minutes before midnight.", "ten minutes before midnight", "2011-12-02T23:50"),
        ("The train left at 20 past 3pm.", "20 past 3pm", "2011-12-02T15:20"),
        ("The service starts at seven thirty p.m. sharp.", "seven thirty p.m.", "2011-12-02T19:30"),
        ("The ferry sails at 3 o'clock in the afternoon.", "3 o'clock in the afternoon", "2011-12-02T15:00"),
        ("Lunch is served at 12:15 in the afternoon.", "12:15 in the afternoon", "2011-12-02T12:15"),
        ("Fireworks start at 8 tonight.", "8 tonight", "2011-12-02T20:00"),
        ("The ferry leaves at 9 tomorrow morning.", "9 tomorrow morning", "2011-12-03T09:00"),
        ("The summit opens Thursday 8:00 GMT.", "Thursday 8:00 GMT", "2011-12-01T08:00"),
        ("Polls close at 9 a.m. Eastern Standard Time.", "9 a.m. Eastern Standard Time", "2011-12-02T09:00"),
        ("Markets reopen at 15:00 GMT+8.", "15:00 GMT+8", "2011-12-02T15:00"),
        ("The launch slipped to 4 p.m. ET on the pad.", "4 p.m. ET", "2011-12-02T16:00"),
        ("The deal expires the day after tomorrow.", "the day after tomorrow", "2011-12-04"),
    ])
    func clockPhrases(text: String, phrase: String, value: String) {
        let e = TimeFixture.find(phrase, in: text)
        #expect(e?.value == value, "\(TimeFixture.summary(text))")
    }

    @Test func aBareHourAfterADayTakesItsPartOfDay() {
        #expect(TimeFixture.summary("The talks resume tonight at 8.")
            == ["tonight=2011-12-02TNI", "8=2011-12-02T20:00"])
        #expect(TimeFixture.summary("Police arrived on Thursday at 10.")
            == ["Thursday=2011-12-01", "10=2011-12-01T10:00"])
        #expect(TimeFixture.summary("The market opened Saturday morning at 7.").suffix(1) == ["7=2011-11-26T07:00"])
        // Without `at` or a part of day, a bare number is no time.
        #expect(TimeFixture.summary("On Thursday 10 people were hurt.") == ["Thursday=2011-12-01"])
    }

    @Test func offsetsNeedAnHourThatIsAClockTime() {
        #expect(TimeFixture.tag("Turnout rose 20 past 3 percent.").allSatisfy { $0.expression.type != .time })
        #expect(TimeFixture.find("20 minutes", in: "The debate ran 20 minutes after the vote.")?.value == "PT20M")
    }

    @Test func zoneWordsNeedCapitals() {
        #expect(TimeFixture.summary("We eat at 6 p.m. west of the river.") == ["6 p.m.=2011-12-02T18:00"])
    }
}
