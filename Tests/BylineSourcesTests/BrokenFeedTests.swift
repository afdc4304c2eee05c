import BylineCore
import BylineTestSupport
import Foundation
import Testing

@testable import BylineSources

/// Broken feeds give the best readable result, or a clear error naming the file.
@Suite struct BrokenFeedTests {
    let whole = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Pier Post</title>
        <item><title>Pier repaired</title><guid>1</guid>
        <description>&lt;p&gt;“It took a year,” said Lina Ortiz.&lt;/p&gt;</description></item>
        <item><title>Storm due</title><guid>2</guid>
        <description>&lt;p&gt;Winds will reach the coast on Sunday, forecasters said.&lt;/p&gt;</description></item>
        </channel></rss>
        """

    @Test func aTruncatedFeedGivesTheItemsBeforeTheCut() throws {
        let cut = String(whole[..<whole.range(of: "reach the coast")!.lowerBound])
        let articles = try feedArticles(cut, name: "cut.xml")
        #expect(articles.count == 2)
        #expect(articles[0].text == "Pier repaired\n\n“It took a year,” said Lina Ortiz.")
        #expect(articles[1].text == "Storm due\n\nWinds will")
        #expect(articles[0].warnings.count == 1)
        #expect(articles[0].warnings[0].hasPrefix("cut.xml: the feed is not well-formed XML (line "))
        #expect(articles[1].warnings.isEmpty)
        // Cut inside the first item's title: the channel is all there is.
        let early = String(whole[..<whole.range(of: "repaired")!.lowerBound])
        let one = try feedArticles(early, name: "early.xml")
        #expect(one.map(\.text) == ["Pier"])
    }

    @Test func badEntitiesAndStrayMarksDoNotSpoilTheRest() throws {
        // A bare `&`, an HTML entity XML does not know, an unknown entity, a stray `<` and a
        // forbidden character reference, all before escaped HTML that must still decode.
        let feed = """
            <rss version="2.0"><channel><title>Fish & Chips Weekly</title>
            <item><title>Prices &amp; portions &nbsp;&mdash; x < y &bogus; &#1;</title>
            <description>&lt;p&gt;“Cod is dear,” said Sam Reed &amp; his wife.&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;</description></item>
            </channel></rss>
            """
        let articles = try feedArticles(feed)
        #expect(articles[0].text == "Prices & portions — x < y &bogus; \u{FFFD}\n\n“Cod is dear,” said Sam Reed & his wife.\n\nTwo")
        #expect(articles[0].metadata.site == "Fish & Chips Weekly")
        #expect(articles[0].warnings.isEmpty)
    }

    @Test func aMismatchedTagEarlyStillLeavesEscapedHTMLLaterReadable() throws {
        // After a well-formedness error libxml2's recover mode drops named entity references;
        // the repair turns them into character references first.
        let feed = """
            <rss version="2.0"><channel><title>Broken</title>
            <item><title>First</title><description>An <b>unclosed tag</description></item>
            <item><title>Second</title><description>&lt;p&gt;Still &amp;amp; readable.&lt;/p&gt;</description></item>
            </channel></rss>
            """
        let articles = try feedArticles(feed)
        let second = try #require(articles.first { $0.headlineText == "Second" })
        #expect(second.text == "Second\n\nStill & readable.")
        #expect(articles[0].warnings.contains { $0.contains("not well-formed") })
    }

    @Test func notAFeedAtAllIsAClearErrorNamingTheFile() throws {
        #expect(throws: ReadError.self) { try feedArticles("<rss", name: "stub.xml") }
        let junk = #expect(throws: ReadError.self) {
            try feedArticles("<?xml version=\"1.0\"?><rss><<<>>>", name: "junk.rss")
        }
        #expect(junk?.description.hasPrefix("junk.rss: ") == true)
        #expect(throws: ReadError.notAnArticle("hollow.xml", kind: "a feed with no items")) {
            try feedArticles("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"></rss>", name: "hollow.xml")
        }
    }
}

/// Feeds in other encodings, declared rightly or wrongly.
@Suite struct FeedEncodingTests {
    private func feed(declaring encoding: String?, title: String) -> String {
        let declaration = encoding.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>\n" } ?? ""
        return declaration + "<rss version=\"2.0\"><channel><title>T</title><item><title>\(title)</title></item></channel></rss>"
    }

    private let title = "Caf\u{E9} d\u{E9}j\u{E0} \u{2019}92 \u{2014} na\u{EF}ve"

    @Test func declaredLatinEncodingsAreRead() throws {
        // windows-1252 bytes (the curly apostrophe and the dash are 0x92 and 0x97) labelled
        // ISO-8859-1, as such feeds often are: read as windows-1252, as browsers do.
        let bytes = try #require(feed(declaring: "ISO-8859-1", title: title).data(using: .windowsCP1252))
        let articles = try SourceReader.read(bytes, source: "latin.xml")
        #expect(articles[0].text == title)
        #expect(articles[0].warnings.isEmpty)
    }

    @Test func declaredUTF8ButWindows1252IsReadAsWindows1252() throws {
        let bytes = try #require(feed(declaring: "UTF-8", title: title).data(using: .windowsCP1252))
        let articles = try SourceReader.read(bytes, source: "lying.xml")
        #expect(articles[0].text == title)
        #expect(articles[0].warnings == ["lying.xml: the feed declares UTF-8 but is not valid UTF-8; read as windows-1252"])
        // Undeclared, so UTF-8 by default, but not UTF-8.
        let undeclared = try #require(feed(declaring: nil, title: title).data(using: .windowsCP1252))
        #expect(try SourceReader.read(undeclared, source: "u.xml")[0].text == title)
    }

    @Test func declaredLatin1ButUTF8IsReadAsUTF8() throws {
        let bytes = Data(feed(declaring: "ISO-8859-1", title: title).utf8)
        let articles = try SourceReader.read(bytes, source: "mislabelled.xml")
        #expect(articles[0].text == title)
        #expect(articles[0].warnings == ["mislabelled.xml: the feed declares ISO-8859-1 but is UTF-8; read as UTF-8"])
    }

    @Test func theHTTPCharsetOverridesTheDeclaration() throws {
        let bytes = try #require(feed(declaring: nil, title: title).data(using: .windowsCP1252))
        let articles = try SourceReader.read(bytes, source: "https://x.example/feed", contentType: "application/rss+xml; charset=windows-1252")
        #expect(articles[0].text == title)
        #expect(articles[0].warnings.isEmpty)
    }

    @Test func shiftJISAndUTF16() throws {
        let japanese = "\u{6E2F}\u{306E}\u{30D5}\u{30A7}\u{30EA}\u{30FC}\u{304C}\u{623B}\u{308B}"
        let sjis = try #require(feed(declaring: "Shift_JIS", title: japanese).data(using: .shiftJIS))
        #expect(try SourceReader.read(sjis, source: "sjis.xml")[0].text == japanese)
        // UTF-16 with a BOM, little- and big-endian.
        for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian] {
            let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            let body = try #require(feed(declaring: "UTF-16", title: title).data(using: encoding))
            let articles = try SourceReader.read(Data(bom) + body, source: "wide.xml")
            #expect(articles[0].text == title)
            #expect(articles[0].metadata.format == .rss)
        }
    }

    @Test func anEncodingNobodyKnowsFallsBackWithAWarning() throws {
        let bytes = Data(feed(declaring: "x-unheard-of", title: "plain words").utf8)
        let articles = try SourceReader.read(bytes, source: "odd.xml")
        #expect(articles[0].text == "plain words")
        #expect(articles[0].warnings == ["odd.xml: the feed declares x-unheard-of, an encoding this system does not know; read as UTF-8"])
    }
}

/// No network, no external entities, bounded entity expansion, and large feeds in bounded
/// time and memory. Serialized, so the memory of one test does not show in another's.
@Suite(.serialized) struct FeedSafetyTests {
    /// The process's peak resident memory so far, in bytes. (Other suites may run at the same
    /// time: the bounds below leave room for them and still fail for any real expansion,
    /// which would take gigabytes.)
    private func peakMemory() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    @Test func aBillionLaughsStopsAtOnceInBoundedMemory() throws {
        var entities = "<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += "<!ENTITY lol\(level) \"\(String(repeating: "&\(previous);", count: 10))\">\n"
        }
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
            \(entities)]>
            <rss version="2.0"><channel><title>Bomb</title>
            <item><title>Before the bomb</title></item>
            <item><title>&lol9;</title><description>&lol9;</description></item>
            <item><title>After the bomb</title></item>
            </channel></rss>
            """
        let before = peakMemory()
        let clock = ContinuousClock()
        let start = clock.now
        let articles = try feedArticles(bomb, name: "bomb.xml")
        let elapsed = clock.now - start
        // 10^9 "lol"s would be 3 GB; libxml2 halts the parse at the first reference.
        #expect(elapsed < .seconds(5))
        #expect(peakMemory() - before < 1_024 * 1_048_576)
        #expect(articles.map(\.headlineText) == ["Before the bomb"])
        #expect(articles[0].warnings.contains { $0.contains("entity reference loop") })
    }

    @Test func aQuadraticBlowupIsCutAtTheExpansionBudget() throws {
        // One 100 KB entity referenced 20,000 times: a 2 GB title from a 200 KB file.
        let big = String(repeating: "a", count: 100_000)
        let feed = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY big "\(big)">]>
            <rss version="2.0"><channel><title>Blowup</title>
            <item><title>\(String(repeating: "&big;", count: 20_000))</title></item>
            <item><title>Small &big; title</title></item>
            </channel></rss>
            """
        let before = peakMemory()
        let articles = try feedArticles(feed, name: "blowup.xml")
        #expect(peakMemory() - before < 1_024 * 1_048_576)
        let longest = articles.map(\.text.utf8.count).max() ?? 0
        #expect(longest <= feed.utf8.count + 1_048_576)
        #expect(articles[0].warnings.contains { $0.contains("entity references expand past") })
    }

    @Test func gzippedFeedsAreReadAndAGzipBombIsRefused() throws {
        let feed = "<rss version=\"2.0\"><channel><title>T</title><item><title>Packed</title><guid>p</guid></item></channel></rss>"
        let articles = try SourceReader.read(gzipped(Data(feed.utf8)), source: "news.xml.gz")
        #expect(articles.map(\.source) == ["news.xml.gz#p"])
        // 80 MB of one repeated item, some 100 KB compressed: refused at the cap, not parsed.
        var bomb = Data("<rss version=\"2.0\"><channel><title>T</title>".utf8)
        bomb.append(Data(String(repeating: "<item><title>x</title></item>", count: 80 * 1_048_576 / 29).utf8))
        let compressed = gzipped(bomb, level: 9)
        #expect(compressed.count < 1_048_576)
        let refused = #expect(throws: ReadError.self) { try SourceReader.read(compressed, source: "bomb.xml.gz") }
        #expect(refused?.description == "bomb.xml.gz: cannot be read: it decompresses to more than 64 MB")
    }

    @Test func aDeclaredInternalEntityIsExpanded() throws {
        let feed = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY town "Port Alder"> <!ENTITY where "in &town;">]>
            <rss version="2.0"><channel><title>T</title><item><title>Fair &where;</title></item></channel></rss>
            """
        #expect(try feedArticles(feed)[0].text == "Fair in Port Alder")
    }

    @Test func externalEntitiesAndDTDsAreNeverLoaded() throws {
        let folder = try TemporaryFolder()
        let secret = try folder.write("secret.txt", "SECRET-CONTENTS")
        let dtd = try folder.write("evil.dtd", "<!ENTITY loaded \"DTD-WAS-LOADED\">")
        let parameterDTD = try folder.write("param.dtd", "<!ENTITY sneaky \"PARAMETER-DTD-WAS-LOADED\">")
        let feed = """
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "file://\(dtd)" [
              <!ENTITY xxe SYSTEM "file://\(secret)">
              <!ENTITY remote SYSTEM "http://127.0.0.1:9/remote.txt">
              <!ENTITY % param SYSTEM "file://\(parameterDTD)">
              %param;
            ]>
            <rss version="2.0"><channel><title>T</title>
            <item><title>A &xxe; B &loaded; C &remote; D &sneaky; E</title></item>
            </channel></rss>
            """
        let clock = ContinuousClock()
        let start = clock.now
        let articles = try feedArticles(feed)
        #expect(clock.now - start < .seconds(5))
        let text = articles.map(\.text).joined()
        #expect(!text.contains("SECRET"))
        #expect(!text.contains("LOADED"))
        #expect(text.hasPrefix("A "))
    }

    @Test func aHundredThousandItemsInBoundedTime() async throws {
        var feed = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Big</title>\n"
        feed.reserveCapacity(30_000_000)
        for i in 1...100_000 {
            feed += "<item><title>Item \(i)</title><guid>g\(i)</guid><pubDate>Mon, 0\(i % 9 + 1) Jan 2024 10:00:00 GMT</pubDate>"
            feed += "<description>&lt;p&gt;“Number \(i) is here,” said Ann Lee.&lt;/p&gt;</description></item>\n"
        }
        feed += "</channel></rss>"
        // Seconds of work: on a thread of its own, not one of the few that run async tests
        // (whose own timeouts it would otherwise starve).
        let data = Data(feed.utf8)
        let (result, elapsed) = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let clock = ContinuousClock()
                let start = clock.now
                let result = Result { () throws(ReadError) -> [Article] in try SourceReader.read(data, source: "big.xml") }
                continuation.resume(returning: (result, clock.now - start))
            }
        }
        let articles = try result.get()
        #expect(articles.count == 100_000)
        #expect(articles[99_999].text == "Item 100000\n\n“Number 100000 is here,” said Ann Lee.")
        #expect(articles[99_999].source == "big.xml#g100000")
        // A debug build on a shared machine; the release figure is in the report.
        #expect(elapsed < .seconds(60))
    }
}
