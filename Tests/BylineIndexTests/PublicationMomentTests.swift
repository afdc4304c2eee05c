import BylineCore
import Testing

@testable import BylineIndex

/// When an article appeared, as the reader and `byline echoes` show it: the local day and time
/// of its instant of publication, else the date as written.
@Suite struct PublicationMomentTests {
    private func article(date: String?, published: String?) -> LibraryArticle {
        LibraryArticle(id: 1, path: "/library/a.txt", headline: "A", date: date.flatMap { CivilDate(iso: $0) }, quoteCount: 0,
                       published: published)
    }

    private func shown(_ date: String?, _ published: String?, in zone: String) throws -> String? {
        let zone = try #require(DisplayZone(identifier: zone))
        return PublicationMoment(article(date: date, published: published), in: zone).map { moment in
            moment.date.iso + (moment.time.map { " " + $0 } ?? "")
        }
    }

    @Test func theInstantIsShownInTheZoneOnItsLocalDay() throws {
        // Written 23:30 in New York on the 4th: the 5th in UTC and in India.
        #expect(try shown("2024-03-04", "2024-03-05T04:30:00Z", in: "UTC") == "2024-03-05 04:30")
        #expect(try shown("2024-03-04", "2024-03-05T04:30:00Z", in: "America/New_York") == "2024-03-04 23:30")
        #expect(try shown("2024-03-04", "2024-03-05T04:30:00Z", in: "Asia/Kolkata") == "2024-03-05 10:00")
        // Summer time counts.
        #expect(try shown("2024-07-01", "2024-07-01T12:00:00Z", in: "America/New_York") == "2024-07-01 08:00")
        #expect(try shown("2024-01-01", "2024-01-01T12:00:00Z", in: "America/New_York") == "2024-01-01 07:00")
        // Back across the new year, and a leap day.
        #expect(try shown("2024-01-01", "2024-01-01T02:00:00Z", in: "America/Los_Angeles") == "2023-12-31 18:00")
        #expect(try shown("2024-03-01", "2024-02-29T23:59:59Z", in: "UTC") == "2024-02-29 23:59")
    }

    @Test func withoutAnInstantTheDateAsWrittenAndWithoutADateNothing() throws {
        #expect(try shown("2024-03-04", nil, in: "Asia/Tokyo") == "2024-03-04")
        #expect(try shown("2024-03-04", "2024-03-05 04:30", in: "Asia/Tokyo") == "2024-03-04", "not the canonical form")
        #expect(try shown(nil, nil, in: "UTC") == nil)
        #expect(try shown(nil, "2024-03-05T04:30:00Z", in: "UTC") == "2024-03-05 04:30")
        #expect(DisplayZone(identifier: "Nowhere/Else") == nil)
    }
}
