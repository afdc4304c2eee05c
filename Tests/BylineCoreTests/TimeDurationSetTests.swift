import Testing

@testable import BylineCore

/// Durations, recurring times (sets) and general references.
@Suite struct TimeDurationSetTests {
    @Test(arguments: [
        ("The war lasted three years.", "three years", "P3Y"),
        ("Police held him for 48 hours.", "48 hours", "PT48H"),
        ("It was a two-year project.", "two-year", "P2Y"),
        ("Refugees spent 2 1/2 years in camps.", "2 1/2 years", "P2Y6M"),
        ("The talks took a year and a half.", "a year and a half", "P1Y6M"),
        ("The strike went on for several weeks.", "several weeks", "PXW"),
        ("The dispute has run for years.", "years", "PXY"),
        ("Repairs could take weeks or months.", "weeks or months", "PXW"),
        ("Results arrive within hours to days.", "hours to days", "PTXH"),
        ("The rally lasted twenty-five minutes.", "twenty-five minutes", "PT25M"),
        ("Relatives waited a fortnight for news.", "a fortnight", "P2W"),
    ])
    func durations(text: String, phrase: String, value: String) {
        let e = TimeFixture.find(phrase, in: text)
        #expect(e?.value == value, "\(TimeFixture.summary(text))")
        #expect(e?.type == .duration)
        #expect(e?.anchored == false)
    }

    @Test(arguments: [
        ("The ferry will stay in port for a while.", "a while", "PXX"),
        ("After a long while the lights came back on.", "a long while", "PXX"),
        ("Repairs to the bridge will take some time.", "some time", "PXX"),
        ("The mayor has backed the plan for quite some time.", "some time", "PXX"),
    ])
    func amountsWithoutNumberOrUnit(text: String, phrase: String, value: String) {
        let e = TimeFixture.find(phrase, in: text)
        #expect(e?.value == value, "\(TimeFixture.summary(text))")
        #expect(e?.type == .duration)
    }

    @Test func vagueAmountsNeedACue() {
        #expect(TimeFixture.find("a while ago", in: "The club changed owners a while ago.")?.value == "PAST_REF")
        #expect(TimeFixture.tag("Every once in a while a bus arrives; some time is lost.").isEmpty)
        let point = TimeFixture.summary("The vote may be held some time next week.")
        #expect(!point.contains { $0.hasPrefix("some time=") }, "\(point)")
    }

    @Test func fractionsAreNotQuarters() {
        #expect(TimeFixture.tag("The country imports three-quarters of its food and a quarter of its fuel.").isEmpty)
        #expect(TimeFixture.find("a quarter of an hour", in: "The talk lasted a quarter of an hour.")?.value == "PT15M")
    }

    @Test func theWeeksAheadIsAVagueDuration() {
        let e = TimeFixture.find("the weeks ahead", in: "Prices may ease in the weeks ahead.")
        #expect(e?.value == "PXW")
        #expect(e?.type == .duration)
        let early = TimeFixture.tag("The team finished two weeks ahead of schedule.")
        #expect(early.allSatisfy { $0.text != "weeks ahead" })
    }

    @Test func agesAreNotDurations() {
        #expect(TimeFixture.tag("The 52-year-old driver, who is 52 years old, was unhurt.").isEmpty)
    }

    @Test(arguments: [
        ("Inspectors visit every week.", "every week", "P1W"),
        ("The paper is published daily.", "daily", "P1D"),
        ("Prices are reviewed each year.", "each year", "P1Y"),
        ("Elections are held every four years.", "every four years", "P4Y"),
        ("The market opens on Mondays.", "Mondays", "XXXX-WXX-1"),
        ("The club meets every Tuesday evening.", "every Tuesday evening", "XXXX-WXX-2TEV"),
        ("The deal costs $5 million a year.", "a year", "P1Y"),
        ("Trains run twice a day.", "twice a day", "P1D"),
        ("The ferry makes three crossings a week.", "a week", "P1W"),
        ("The choir sings Sunday mornings.", "Sunday mornings", "XXXX-WXX-7TMO"),
        ("Buses run on Friday and Saturday nights.", "Friday", "XXXX-WXX-5TNI"),
        ("Bakers sold 200 fresh loaves a day.", "a day", "P1D"),
    ])
    func sets(text: String, phrase: String, value: String) {
        let e = TimeFixture.find(phrase, in: text)
        #expect(e?.value == value, "\(TimeFixture.summary(text))")
        #expect(e?.type == .set)
    }

    @Test func speedsAndFlowsAreNotSets() {
        #expect(TimeFixture.tag("Gusts reached 90 miles per hour and the river carried 300 litres a second.").isEmpty)
        #expect(TimeFixture.tag("The cyclist rode at 40 kilometres an hour.").isEmpty)
        #expect(TimeFixture.find("per hour", in: "Nurses earn $30 per hour.")?.value == "PT1H")
    }

    @Test(arguments: [
        ("Ten rebels are now in custody.", "now", "PRESENT_REF"),
        ("The company recently moved.", "recently", "PAST_REF"),
        ("The river will rise in the future.", "the future", "FUTURE_REF"),
        ("Four judges are currently on leave.", "currently", "PRESENT_REF"),
        ("Such crimes were rare in the past.", "the past", "PAST_REF"),
    ])
    func references(text: String, phrase: String, value: String) {
        let e = TimeFixture.find(phrase, in: text)
        #expect(e?.value == value, "\(TimeFixture.summary(text))")
        #expect(e?.anchored == false)
    }
}
