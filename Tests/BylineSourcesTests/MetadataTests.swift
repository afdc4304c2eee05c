import BylineCore
import Foundation
import Testing

@testable import BylineSources

/// What a page says about its article: each field from the first source that gives it.
@Suite struct MetadataTests {
    private let story = "<p>The ferry timetable changes on Monday, the port authority said, adding two late crossings.</p>"

    private func read(head: String = "", body: String = "", htmlAttributes: String = "", source: String = "page.html") throws -> WebPage {
        let html = "<html \(htmlAttributes)><head>\(head)</head><body>\(body)<article>\(story)</article></body></html>"
        return try HTMLReader.page(Data(html.utf8), source: source)
    }

    private func jsonLD(_ fields: String, type: String = "NewsArticle") -> String {
        "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"\(type)\", \(fields)}</script>"
    }

    @Test func theNewsFixturesMetadata() throws {
        let page = try HTMLReader.page(Data(PageFixtures.newsPage(PageFixtures.bridgeArticle).utf8), source: "bridge.html")
        #expect(page.headline == "Harbor bridge reopens after two years of repairs")
        #expect(page.metadata.authors == ["Maria Ortiz"])
        #expect(page.date == CivilDate(year: 2021, month: 3, day: 9))
        #expect(page.metadata.site == "The Harbor Courier")
        #expect(page.metadata.url == "https://news.example.com/2021/03/09/city/harbor-bridge-reopens")
        #expect(page.metadata.language == "en-US")
        #expect(page.metadata.format == .html)
    }

    @Test func theHeadlineComesFromOpenGraphThenJSONLDThenH1ThenTheTitle() throws {
        let og = "<meta property=\"og:title\" content=\"Ferry timetable changes\">"
        let ld = jsonLD("\"headline\": \"Ferries to run later\"")
        let title = "<title>New ferry times - Port Daily</title>"
        let h1 = "<h1>Late ferries added on weekdays</h1>"
        #expect(try read(head: og + ld + title, body: h1).headline == "Ferry timetable changes")
        #expect(try read(head: ld + title, body: h1).headline == "Ferries to run later")
        #expect(try read(head: "<title>Late ferries added on weekdays | Port Daily</title>", body: h1).headline
            == "Late ferries added on weekdays")
        #expect(try read(head: title, body: "<h1>Port Daily</h1>").headline == "New ferry times")
        #expect(try read(body: h1).headline == "Late ferries added on weekdays")
    }

    @Test func theSiteNameIsTakenOffTitles() {
        #expect(PageMetadata.withoutSiteName("Ferry times change | Port Daily", site: "Port Daily") == "Ferry times change")
        #expect(PageMetadata.withoutSiteName("Port Daily - Ferry times change", site: "Port Daily") == "Ferry times change")
        #expect(PageMetadata.withoutSiteName("Ferry times change – News – Port Daily", site: nil) == "Ferry times change")
        #expect(PageMetadata.withoutSiteName("Ferry times change", site: "Port Daily") == "Ferry times change")
        #expect(PageMetadata.withoutSiteName("Opinion | Why the ferry matters to all of us", site: nil)
            == "Why the ferry matters to all of us")
    }

    @Test func authorsComeFromJSONLDThenMetaThenRelAuthorThenTheByline() throws {
        let ld = jsonLD("\"author\": [{\"@type\": \"Person\", \"name\": \"Ana Ruiz\"}, {\"@type\": \"Person\", \"name\": \"Tom Berg\"}]")
        let meta = "<meta name=\"author\" content=\"By Lena Park and Omar Haddad\">"
        let rel = "<a rel=\"author\" href=\"/staff/kim\">Joon Kim</a>"
        let byline = "<div class=\"byline\">By Sara Cole, Staff Writer</div>"
        #expect(try read(head: ld + meta, body: rel + byline).metadata.authors == ["Ana Ruiz", "Tom Berg"])
        #expect(try read(head: jsonLD("\"author\": \"Ana Ruiz\"")).metadata.authors == ["Ana Ruiz"])
        #expect(try read(head: meta, body: rel + byline).metadata.authors == ["Lena Park", "Omar Haddad"])
        #expect(try read(head: "<meta property=\"article:author\" content=\"https://social.example/lena\">", body: rel).metadata.authors
            == ["Joon Kim"])
        #expect(try read(body: byline).metadata.authors == ["Sara Cole"])
        #expect(PageMetadata.names("By Ann Lee | Senior Correspondent | March 9, 2021") == ["Ann Lee"])
        #expect(PageMetadata.names("Bo Chan and Ana Ruiz, Associated Press") == ["Bo Chan", "Ana Ruiz"])
    }

    @Test func theDateComesFromJSONLDThenMetaThenTimeThenTheURL() throws {
        let ld = jsonLD("\"datePublished\": \"2020-05-04T23:30:00-07:00\"")
        let published = "<meta property=\"article:published_time\" content=\"2020-05-03T10:00:00Z\">"
        let dateMeta = "<meta name=\"date\" content=\"2020-05-02\">"
        let dublinCore = "<meta name=\"DC.date\" content=\"2020/05/01\">"
        let time = "<time datetime=\"2020-04-30T08:00\">Thursday</time>"
        let url = "https://news.example.com/2020/04/29/ferries"
        func date(_ head: String, _ body: String = "", source: String = "page.html") throws -> CivilDate? {
            try read(head: head, body: body, source: source).date
        }
        // The day as the publisher wrote it, whatever the time zone.
        #expect(try date(ld + published + dateMeta + dublinCore, time) == CivilDate(year: 2020, month: 5, day: 4))
        #expect(try date(published + dateMeta + dublinCore, time) == CivilDate(year: 2020, month: 5, day: 3))
        #expect(try date(dateMeta + dublinCore, time) == CivilDate(year: 2020, month: 5, day: 2))
        #expect(try date(dublinCore, time) == CivilDate(year: 2020, month: 5, day: 1))
        #expect(try date("<meta name=\"xyz-post-date\" content=\"2020/05/05\">", time) == CivilDate(year: 2020, month: 5, day: 5))
        #expect(try date("", time) == CivilDate(year: 2020, month: 4, day: 30))
        #expect(try date("", source: url) == CivilDate(year: 2020, month: 4, day: 29))
        #expect(try date("<link rel=\"canonical\" href=\"\(url)\">") == CivilDate(year: 2020, month: 4, day: 29))
        #expect(try date("") == nil)
    }

    /// The forms of the value itself are `DateFormTableTests`' table, shared with feeds.
    @Test func datesAreReadFromTheAddressInTheFormsPagesUse() {
        let day = CivilDate(year: 2019, month: 11, day: 19)
        #expect(PageDates.fromURL("https://example.com/2019/11/19/bridge-opens") == day)
        #expect(PageDates.fromURL("https://example.com/news/2019-11-19-bridge-opens.html") == day)
        #expect(PageDates.fromURL("https://example.com/archive/20191119/story") == day)
        #expect(PageDates.fromURL("https://example.com/news/article/Bridge-opens-14848164.php") == nil)
        #expect(PageDates.fromURL("https://example.com/2019/11/bridge-opens") == nil)
    }

    @Test func siteURLAndLanguageComeFromTheirSourcesInOrder() throws {
        let ld = jsonLD("\"publisher\": {\"@type\": \"Organization\", \"name\": \"Port Daily Group\"}, \"url\": \"https://ld.example.com/a\", \"inLanguage\": \"fr\"")
        let og = "<meta property=\"og:site_name\" content=\"Port Daily\"><meta property=\"og:url\" content=\"https://og.example.com/a\"><meta property=\"og:locale\" content=\"en_GB\">"
        let canonical = "<link rel=\"canonical\" href=\"https://canonical.example.com/a\">"
        let all = try read(head: og + canonical + ld + "<meta name=\"application-name\" content=\"PD\">", htmlAttributes: "lang=\"de-AT\"")
        #expect(all.metadata.site == "Port Daily")
        #expect(all.metadata.url == "https://canonical.example.com/a")
        #expect(all.metadata.language == "de-AT")
        let fewer = try read(head: og + ld)
        #expect(fewer.metadata.url == "https://og.example.com/a")
        #expect(fewer.metadata.language == "en-GB")
        let least = try read(head: ld)
        #expect(least.metadata.site == "Port Daily Group")
        #expect(least.metadata.url == "https://ld.example.com/a")
        #expect(least.metadata.language == "fr")
        let none = try read(source: "https://fetched.example.com/story")
        #expect(none.metadata.url == "https://fetched.example.com/story")
        #expect(none.metadata.site == nil)
        #expect(none.metadata.language == nil)
    }

    @Test func brokenJSONLDIsForgivenOrSkipped() throws {
        let wrapped = "<script type=\"application/ld+json\"><!--\n{\"@type\": \"NewsArticle\", \"headline\": \"Line\nbreak\"}\n--></script>"
        #expect(try read(head: wrapped).headline == "Line break")
        let graph = "<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \"WebSite\", \"name\": \"Port Daily\"}, {\"@type\": [\"NewsArticle\"], \"headline\": \"From the graph\"}]}</script>"
        #expect(try read(head: graph).headline == "From the graph")
        let broken = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": </script><title>Fallback title</title>"
        #expect(try read(head: broken).headline == "Fallback title")
    }
}
