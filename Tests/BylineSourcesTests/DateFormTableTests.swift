import BylineCore
import Foundation
import Testing

@testable import BylineSources

/// One table of the ways a publication date is written, read the same by every reader that
/// takes one: the parser itself, a feed item's `pubDate`, a page's `article:published_time`
/// and Markdown front matter's `date`. `before` says which of the two earlier readers read
/// the form's day: `FeedDate` (feeds and front matter), `PageDates` (pages), both or neither.
@Suite struct DateFormTableTests {
    enum Before: String { case both, feeds, pages, neither }

    struct Form: Sendable, CustomStringConvertible {
        var text: String
        /// The day as written (nil: not a date).
        var day: String?
        /// The instant in UTC, when a time is written with a zone known (or none).
        var instant: String?
        var before: Before

        var description: String { "\(text) (\(before))" }
    }

    static let forms: [Form] = [
        // ISO 8601 / RFC 3339 and the numeric forms.
        Form(text: "2019-11-19T12:30:00-05:00", day: "2019-11-19", instant: "2019-11-19T17:30:00Z", before: .both),
        Form(text: "2019-11-19T12:30:00.250+01:00", day: "2019-11-19", instant: "2019-11-19T11:30:00Z", before: .both),
        Form(text: "2019-11-19 12:30:00+05:30", day: "2019-11-19", instant: "2019-11-19T07:00:00Z", before: .both),
        Form(text: "2019-11-19T12:30:00Z", day: "2019-11-19", instant: "2019-11-19T12:30:00Z", before: .both),
        Form(text: "2019-11-19T12:30:00", day: "2019-11-19", instant: "2019-11-19T12:30:00Z", before: .both),
        Form(text: "2019-11-19", day: "2019-11-19", instant: nil, before: .both),
        Form(text: "2019/11/19", day: "2019-11-19", instant: nil, before: .both),
        Form(text: "2019/11/19 08:05", day: "2019-11-19", instant: "2019-11-19T08:05:00Z", before: .both),
        Form(text: "20191119", day: "2019-11-19", instant: nil, before: .both),
        Form(text: "20191119T0930", day: "2019-11-19", instant: nil, before: .both),
        Form(text: "2019.11.19", day: "2019-11-19", instant: nil, before: .pages),
        Form(text: "2019-1-5", day: "2019-01-05", instant: nil, before: .feeds),
        Form(text: "Published: 2019-11-19T12:30:00Z", day: "2019-11-19", instant: "2019-11-19T12:30:00Z", before: .feeds),
        // RFC 822 as RSS writes it, with each kind of zone, and its relatives.
        Form(text: "Tue, 19 Nov 2019 10:00:00 GMT", day: "2019-11-19", instant: "2019-11-19T10:00:00Z", before: .both),
        Form(text: "Tue, 19 Nov 2019 10:00:00 -0500", day: "2019-11-19", instant: "2019-11-19T15:00:00Z", before: .both),
        Form(text: "Tue, 19 Nov 2019 23:30:00 -0500", day: "2019-11-19", instant: "2019-11-20T04:30:00Z", before: .both),
        Form(text: "Tue, 19 Nov 2019 10:00 PST", day: "2019-11-19", instant: "2019-11-19T18:00:00Z", before: .both),
        Form(text: "19 Nov 2019 10:00:00 +0100", day: "2019-11-19", instant: "2019-11-19T09:00:00Z", before: .both),
        Form(text: "Tue, 19 Nov 2019 10:00:00 CET", day: "2019-11-19", instant: nil, before: .both),
        Form(text: "Tue, 19 Nov 19 10:00:00 GMT", day: "2019-11-19", instant: "2019-11-19T10:00:00Z", before: .feeds),
        Form(text: "Tuesday, 19-Nov-19 10:00:00 GMT", day: "2019-11-19", instant: "2019-11-19T10:00:00Z", before: .feeds),
        Form(text: "Tue Nov 19 10:00:00 2019", day: "2019-11-19", instant: "2019-11-19T10:00:00Z", before: .both),
        // As JavaScript's Date writes it (both read the day; the offset after GMT was not applied).
        Form(text: "Tue Nov 19 2019 12:30:00 GMT-0500 (Eastern Standard Time)", day: "2019-11-19",
             instant: "2019-11-19T17:30:00Z", before: .both),
        Form(text: "Tue, 19 Nov 2019 10:00:00 UTC+01:00", day: "2019-11-19", instant: "2019-11-19T09:00:00Z", before: .both),
        // Written out.
        Form(text: "November 19, 2019", day: "2019-11-19", instant: nil, before: .both),
        Form(text: "Nov. 19, 2019 9:00 am", day: "2019-11-19", instant: "2019-11-19T09:00:00Z", before: .both),
        Form(text: "19 November 2019", day: "2019-11-19", instant: nil, before: .both),
        Form(text: "Sept. 9, 2019", day: "2019-09-09", instant: nil, before: .both),
        Form(text: "2019 November 19", day: "2019-11-19", instant: nil, before: .pages),
        Form(text: "November 19th, 2019", day: "2019-11-19", instant: nil, before: .feeds),
        // Pages read this French weekday (mardi) as March.
        Form(text: "mar., 19 nov. 2019 10:00:00 +0100", day: "2019-11-19", instant: "2019-11-19T09:00:00Z", before: .feeds),
        Form(text: "19. November 2019", day: "2019-11-19", instant: nil, before: .both),
        Form(text: "19 de noviembre de 2019", day: "2019-11-19", instant: nil, before: .feeds),
        Form(text: "19 juillet 2019", day: "2019-07-19", instant: nil, before: .feeds),
        // Not dates.
        Form(text: "", day: nil, instant: nil, before: .neither),
        Form(text: "yesterday", day: nil, instant: nil, before: .neither),
        Form(text: "Posted 3 hours ago", day: nil, instant: nil, before: .neither),
        Form(text: "2019-13-45", day: nil, instant: nil, before: .neither),
        Form(text: "12345678", day: nil, instant: nil, before: .neither),
        Form(text: "Tue, 31 Feb 2019 10:00:00 GMT", day: nil, instant: nil, before: .neither),
        Form(text: "11/19/2019", day: nil, instant: nil, before: .neither),
        Form(text: "Mayor 5, 2019", day: nil, instant: nil, before: .neither),
        // Pages read any three letters or more that begin a month's name as it; no page writes
        // `Marc` for March, and the one reader keeps month names to the forms in use.
        Form(text: "Marc 5, 2019", day: nil, instant: nil, before: .pages),
    ]

    @Test func theParserReadsEveryForm() {
        for form in Self.forms {
            let dated = PublicationDate.dated(form.text)
            #expect(dated?.date.iso == form.day, "\(form)")
            #expect(dated?.published == form.instant, "\(form)")
        }
    }

    @Test func aFeedItemsPubDateIsReadTheSame() throws {
        let items = Self.forms.enumerated().map { n, form in
            "<item><title>Item \(n)</title><guid>table-\(n)</guid><pubDate>\(form.text)</pubDate>"
                + "<description>The council met again about the harbour wall.</description></item>"
        }
        let feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Table Times</title>"
            + items.joined() + "</channel></rss>"
        let articles = try SourceReader.read(Data(feed.utf8), source: "table.rss")
        try #require(articles.count == Self.forms.count)
        for (form, article) in zip(Self.forms, articles) {
            #expect(article.date?.iso == form.day, "\(form)")
            #expect(article.metadata.published == form.instant, "\(form)")
        }
    }

    @Test func aPagesPublishedTimeIsReadTheSame() throws {
        for form in Self.forms {
            let page = """
                <html><head><title>Harbour wall</title><meta property="article:published_time" content="\(form.text)"></head>
                <body><article><h1>Harbour wall</h1><p>The council met again about the harbour wall and agreed to repair it.</p>
                <p>Work is to start once the storms of the winter have passed and the boats are out.</p></article></body></html>
                """
            let article = try #require(try SourceReader.read(Data(page.utf8), source: "harbour.html").first)
            #expect(article.date?.iso == form.day, "\(form)")
            #expect(article.metadata.published == form.instant, "\(form)")
        }
    }

    @Test func frontMattersDateIsReadTheSame() throws {
        for form in Self.forms {
            let markdown = "---\ntitle: Harbour wall\ndate: \"\(form.text)\"\n---\n\nThe council met again about the harbour wall.\n"
            let article = try #require(try SourceReader.read(Data(markdown.utf8), source: "harbour.md").first)
            #expect(article.date?.iso == form.day, "\(form)")
            #expect(article.metadata.published == form.instant, "\(form)")
        }
    }

    /// What only pages do: a placeholder date (an unset field's 1970) is passed over for the
    /// next source of the date.
    @Test func aPagesPlaceholderDateGivesWayToTheNextSource() throws {
        let page = """
            <html><head><title>Harbour wall</title>
            <meta property="article:published_time" content="1970-01-01T00:00:00Z"><meta name="date" content="2020-05-02"></head>
            <body><article><h1>Harbour wall</h1><p>The council met again about the harbour wall and agreed to repair it.</p></article></body></html>
            """
        let article = try #require(try SourceReader.read(Data(page.utf8), source: "harbour.html").first)
        #expect(article.date?.iso == "2020-05-02")
        #expect(article.metadata.published == nil)
        // A feed has no such placeholder: its 1970 is a date like any other.
        #expect(PublicationDate.dated("1970-01-01T00:00:00Z")?.date.iso == "1970-01-01")
    }
}
