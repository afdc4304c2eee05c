import BylineCore
import Testing

@testable import BylineSources

/// Feed dates are read as the calendar date the outlet wrote, in every shape feeds use.
@Suite struct FeedDateTests {
    private func date(_ text: String) -> String? { FeedDate.parse(text)?.iso }

    @Test func rfc822AsRSSWritesItAndItsVariants() {
        #expect(date("Fri, 02 Dec 2011 10:00:00 +0000") == "2011-12-02")
        #expect(date("Fri, 02 Dec 2011 10:00:00 GMT") == "2011-12-02")
        #expect(date("Fri, 2 Dec 2011 10:00 EST") == "2011-12-02")
        #expect(date("02 Dec 2011 10:00:00 PDT") == "2011-12-02")
        #expect(date("Fri, 02 Dec 11 10:00:00 +0100") == "2011-12-02")
        #expect(date("Sat, 01 Jan 99 00:00:00 GMT") == "1999-01-01")
        #expect(date("Friday, 02-Dec-11 10:00:00 GMT") == "2011-12-02")
        #expect(date("Fri Dec  2 10:00:00 2011") == "2011-12-02")
        #expect(date("December 2, 2011") == "2011-12-02")
        #expect(date("2 December 2011") == "2011-12-02")
        #expect(date("Fri, 02 Sept 2011 10:00:00 +0000") == "2011-09-02")
        #expect(date("  Fri,  02 Dec 2011 10:00:00 +0000 (UTC) ") == "2011-12-02")
    }

    @Test func rfc3339AsAtomAndJSONFeedWriteItAndItsVariants() {
        #expect(date("2011-12-02T10:00:00Z") == "2011-12-02")
        #expect(date("2011-12-02T10:00:00.123456-05:00") == "2011-12-02")
        #expect(date("2011-12-02 10:00:00+01:00") == "2011-12-02")
        #expect(date("2011-12-02") == "2011-12-02")
        #expect(date("2011/12/02 10:00") == "2011-12-02")
        #expect(date("20111202T100000Z") == "2011-12-02")
        #expect(date("published: 2011-12-02T10:00:00Z") == "2011-12-02")
    }

    @Test func theDateIsTheLocalDateAsWrittenNotTheDateInUTC() {
        // Already 2 December in UTC, but the outlet printed the 1st.
        #expect(date("Thu, 01 Dec 2011 23:30:00 -0500") == "2011-12-01")
        #expect(date("2011-12-01T23:30:00-05:00") == "2011-12-01")
        #expect(date("Fri, 02 Dec 2011 00:30:00 +1300") == "2011-12-02")
    }

    @Test func monthNamesInFrenchGermanAndSpanish() {
        #expect(date("ven., 02 déc. 2011 10:00:00 +0100") == "2011-12-02")
        #expect(date("mar., 06 déc. 2011 10:00:00 +0100") == "2011-12-06")
        #expect(date("Fr, 02 Dez 2011 10:00:00 +0100") == "2011-12-02")
        #expect(date("2 de diciembre de 2011") == "2011-12-02")
        #expect(date("14 juillet 2011") == "2011-07-14")
    }

    @Test func junkAndImpossibleDatesGiveNothing() {
        #expect(date("") == nil)
        #expect(date("yesterday") == nil)
        #expect(date("Fri, 31 Feb 2011 10:00:00 GMT") == nil)
        #expect(date("2011-13-02") == nil)
        #expect(date("12/02/2011") == nil)
        #expect(date("Mayor 5, 2011") == nil)
        #expect(date(String(repeating: "9", count: 10_000)) == nil)
    }
}
