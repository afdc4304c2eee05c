import Testing

@testable import BylineCore

/// Ranges and modifiers. Reference date: Friday 2 December 2011.
@Suite struct TimeModifierTests {
    @Test(arguments: [
        ("All troops must leave by the end of 2011.", "the end of 2011", "2011", TimexMod.end),
        ("The plant reopens in early 2012.", "early 2012", "2012", .start),
        ("Talks resume in mid-November.", "mid-November", "2011-11", .mid),
        ("Late last week the talks collapsed.", "Late last week", "2011-W47", .end),
        ("Sales picked up at the beginning of March.", "the beginning of March", "2011-03", .start),
        ("Nobody has planned a post-2011 presence.", "post-2011", "2011", .after),
        ("Most of the pre-1990 housing is gone.", "pre-1990", "1990", .before),
        ("The funds last until 2014 or later.", "2014 or later", "2014", .onOrAfter),
        ("Unemployment rose earlier this year.", "earlier this year", "2011", .start),
    ])
    func pointModifiers(text: String, phrase: String, value: String, mod: TimexMod) {
        let e = TimeFixture.find(phrase, in: text)
        #expect(e?.value == value, "\(TimeFixture.summary(text))")
        #expect(e?.mod == mod)
    }

    @Test(arguments: [
        ("NATO has less than one month to agree.", "less than one month", "P1M", TimexMod.lessThan),
        ("The siege lasted more than a decade.", "more than a decade", "P10Y", .moreThan),
        ("He waited about two hours.", "about two hours", "PT2H", .approx),
        ("The trial took nearly three years.", "nearly three years", "P3Y", .lessThan),
        ("Staff may stay at least 30 days.", "at least 30 days", "P30D", .equalOrMore),
        ("Detention is limited to up to 180 days.", "up to 180 days", "P180D", .equalOrLess),
        ("The repairs take a week or so.", "a week or so", "P1W", .approx),
    ])
    func durationModifiers(text: String, phrase: String, value: String, mod: TimexMod) {
        let e = TimeFixture.find(phrase, in: text)
        #expect(e?.value == value, "\(TimeFixture.summary(text))")
        #expect(e?.mod == mod)
        #expect(e?.type == .duration)
    }

    @Test func halvesOfAYearAreTheirOwnValue() {
        let e = TimeFixture.find("the first half of this year", in: "Growth slowed in the first half of this year.")
        #expect(e?.value == "2011-H1")
        #expect(e?.mod == nil)
        #expect(TimeFixture.find("the second half of March", in: "Rain fell in the second half of March.")?.mod == .end)
    }

    @Test func prepositionsAreNotModifiers() {
        // `over the weekend` is a preposition, `around Wednesday's ruling` a verb particle.
        #expect(TimeFixture.find("the weekend", in: "Rain fell over the weekend.")?.mod == nil)
        #expect(TimeFixture.summary("They looked for ways around Wednesday's ruling.") == ["Wednesday=2011-11-30"])
        #expect(TimeFixture.find("more than two years ago", in: "It began more than two years ago.")?.mod == .moreThan)
    }
}
