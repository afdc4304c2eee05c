import BylineCore
import Testing

@testable import BylineSources

/// Publication dates are read as the calendar date the outlet wrote, in every shape feeds,
/// pages and front matter use.
@Suite struct PublicationDateTests {
    private func date(_ text: String) -> String? { PublicationDate.parse(text)?.iso }

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

    // MARK: The instant of publication

    private func instant(_ text: String) -> String? { PublicationDate.dated(text)?.published }

    @Test func rfc822GivesTheInstantInUTCForEachKindOfZone() {
        #expect(instant("Tue, 05 Mar 2024 15:00:00 +0000") == "2024-03-05T15:00:00Z")
        #expect(instant("Tue, 05 Mar 2024 10:00:00 -0500") == "2024-03-05T15:00:00Z")
        #expect(instant("Tue, 05 Mar 2024 20:30:00 +0530") == "2024-03-05T15:00:00Z")
        #expect(instant("Tue, 05 Mar 2024 15:00:00 GMT") == "2024-03-05T15:00:00Z")
        #expect(instant("Tue, 05 Mar 2024 15:00:00 UT") == "2024-03-05T15:00:00Z")
        #expect(instant("Tue, 05 Mar 2024 15:00:00 Z") == "2024-03-05T15:00:00Z")
        #expect(instant("Tue, 05 Mar 2024 10:00:00 EST") == "2024-03-05T15:00:00Z")
        #expect(instant("Tue, 05 Mar 2024 11:00:00 EDT") == "2024-03-05T15:00:00Z")
        #expect(instant("Tue, 05 Mar 2024 09:00:00 CST") == "2024-03-05T15:00:00Z")
        #expect(instant("Tue, 05 Mar 2024 10:00:00 CDT") == "2024-03-05T15:00:00Z")
        #expect(instant("Tue, 05 Mar 2024 08:00:00 MST") == "2024-03-05T15:00:00Z")
        #expect(instant("Tue, 05 Mar 2024 09:00:00 MDT") == "2024-03-05T15:00:00Z")
        #expect(instant("Tue, 05 Mar 2024 07:00:00 PST") == "2024-03-05T15:00:00Z")
        #expect(instant("Tue, 05 Mar 2024 08:00:00 PDT") == "2024-03-05T15:00:00Z")
        // No seconds; a military letter is read as an unknown local zone (RFC 2822), so UTC.
        #expect(instant("5 Mar 2024 15:00 GMT") == "2024-03-05T15:00:00Z")
        #expect(instant("Tue, 05 Mar 2024 15:00:00 A") == "2024-03-05T15:00:00Z")
    }

    @Test func rfc3339GivesTheInstantInUTCForItsOffsets() {
        #expect(instant("2024-03-05T15:00:00Z") == "2024-03-05T15:00:00Z")
        #expect(instant("2024-03-05T15:00:00.250z") == "2024-03-05T15:00:00Z")
        #expect(instant("2024-03-05T16:00:00+01:00") == "2024-03-05T15:00:00Z")
        #expect(instant("2024-03-05T09:15:30-05:45") == "2024-03-05T15:00:30Z")
        #expect(instant("2024-03-05 15:00:00+00:00") == "2024-03-05T15:00:00Z")
        #expect(instant("2024-03-05T17:00:00+02") == "2024-03-05T15:00:00Z")
    }

    @Test func theDateStaysAsWrittenWhenTheInstantFallsOnAnotherDayInUTC() {
        let late = PublicationDate.dated("Mon, 04 Mar 2024 23:30:00 -0500")
        #expect(late?.date.iso == "2024-03-04")
        #expect(late?.published == "2024-03-05T04:30:00Z")
        let early = PublicationDate.dated("2024-03-01T00:30:00+13:00")
        #expect(early?.date.iso == "2024-03-01")
        #expect(early?.published == "2024-02-29T11:30:00Z", "2024 is a leap year")
        let newYear = PublicationDate.dated("2023-12-31T22:00:00-03:00")
        #expect(newYear?.date.iso == "2023-12-31")
        #expect(newYear?.published == "2024-01-01T01:00:00Z")
    }

    @Test func aTimeWithoutAZoneCountsAsUTCAndAnUnknownZoneGivesNoInstant() {
        #expect(instant("2024-03-05T15:00:00") == "2024-03-05T15:00:00Z")
        #expect(instant("Tue Mar  5 15:00:00 2024") == "2024-03-05T15:00:00Z", "asctime")
        #expect(instant("March 5, 2024 3:00 pm") == "2024-03-05T15:00:00Z")
        #expect(instant("March 5, 2024 12:10 am") == "2024-03-05T00:10:00Z")
        // CET is not one of RFC 822's names: no instant, but the date stands.
        #expect(PublicationDate.dated("Tue, 05 Mar 2024 16:00:00 CET")?.date.iso == "2024-03-05")
        #expect(instant("Tue, 05 Mar 2024 16:00:00 CET") == nil)
    }

    @Test func aDateAloneOrAnImpossibleTimeGivesNoInstant() {
        #expect(PublicationDate.dated("2024-03-05")?.date.iso == "2024-03-05")
        #expect(instant("2024-03-05") == nil)
        #expect(instant("Tue, 05 Mar 2024") == nil)
        #expect(instant("Tue, 05 Mar 2024 25:00:00 GMT") == nil)
        #expect(instant("Tue, 05 Mar 2024 10:61:00 GMT") == nil)
        #expect(instant("2024-03-05T10:00:00+25:00") == nil)
        #expect(instant("13:00 pm March 5, 2024") == nil)
    }

    @Test func theCanonicalFormIsCheckedAsStored() {
        #expect(PublishedTime.isCanonical("2024-03-05T15:00:00Z"))
        #expect(!PublishedTime.isCanonical("2024-03-05T15:00:00+01:00"))
        #expect(!PublishedTime.isCanonical("2024-02-30T15:00:00Z"))
        #expect(!PublishedTime.isCanonical("2024-03-05T24:00:00Z"))
        #expect(!PublishedTime.isCanonical("2024-03-05 15:00:00Z"))
        #expect(PublishedTime.canonical(day: CivilDate(year: 2024, month: 1, day: 1)!, seconds: -1) == "2023-12-31T23:59:59Z")
        #expect(PublishedTime.canonical(day: CivilDate(year: 2024, month: 2, day: 28)!, seconds: 86_400 + 61)
                == "2024-02-29T00:01:01Z")
    }
}
