import BylineCore
import BylineTestSupport
import FlyingFox
import Foundation
import Testing

@testable import BylineSources

/// Fetching over HTTP against a real server on 127.0.0.1: nothing here leaves the machine.
@Suite struct FetchTests {
    static let page = """
        <!DOCTYPE html><html lang="en"><head><title>Harbour bridge reopens</title></head>
        <body><article><p>"The bridge is open again," said Mara Quill, the harbour master.</p>
        <p>Traffic resumed on Tuesday after repairs that took four months.</p></article></body></html>
        """

    private func source(_ folder: TemporaryFolder, timeout: Double = 20) -> WebSource {
        WebSource(options: HTTPFetcher.Options(timeout: timeout), cache: HTTPCache(folder: folder.url.path + "/http"))
    }

    private func html(_ body: String = page, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(.ok, body, headers: [("Content-Type", "text/html; charset=utf-8")] + headers)
    }

    /// The `FetchError` a fetch of `address` throws, or nil when it succeeds.
    private func fetchError(_ address: String, timeout: Double = 20, maximumBytes: Int = HTTPFetcher.Options.defaultMaximumBytes)
        async throws -> FetchError?
    {
        try await offPool { () throws -> FetchError? in
            let fetcher = HTTPFetcher(options: HTTPFetcher.Options(timeout: timeout, maximumBytes: maximumBytes))
            do throws(FetchError) {
                _ = try fetcher.fetch(try WebAddress.url(address))
                return nil
            } catch {
                return error
            }
        }
    }

    @Test func aPageIsFetchedAndReadWithBylinesUserAgent() async throws {
        let server = try await LoopbackServer.start([("/story", { _ in html() })])
        defer { Task { await server.stop() } }
        let folder = try TemporaryFolder()
        let web = source(folder)
        let (articles, notices) = try await offPool { try web.articles(at: server.url("/story")) }
        #expect(notices.isEmpty)
        #expect(articles.count == 1)
        #expect(articles[0].headlineText == "Harbour bridge reopens")
        #expect(articles[0].text.contains("said Mara Quill"))
        #expect(articles[0].source == server.url("/story"))
        #expect(articles[0].metadata.url == server.url("/story"))
        let request = try #require(server.requests(to: "/story").first)
        #expect(request.headers[HTTPHeader("User-Agent")] == "Byline/\(BylineVersion.number) (terminal news reader)")
        #expect(request.headers[HTTPHeader("Accept-Encoding")]?.contains("gzip") == true)
    }

    @Test func upToFiveRedirectsAreFollowedAndASixthIsRefused() async throws {
        var routes: [(String, LoopbackServer.Handler)] = (1...6).map { n in
            ("/hop\(n)", { _ in HTTPResponse(.found, headers: [("Location", "/hop\(n + 1)")]) })
        }
        routes.append(("/hop7", { _ in html() }))
        let server = try await LoopbackServer.start(routes)
        defer { Task { await server.stop() } }
        // hop2 → … → hop7: five redirects.
        #expect(try await fetchError(server.url("/hop2")) == nil)
        // hop1 → … → hop7: six.
        #expect(try await fetchError(server.url("/hop1")) == .tooManyRedirects(limit: 5))
        #expect(FetchError.tooManyRedirects(limit: 5).description == "more than 5 redirects")
    }

    @Test func aRedirectLoopIsNamed() async throws {
        let server = try await LoopbackServer.start([
            ("/a", { _ in HTTPResponse(.movedPermanently, headers: [("Location", "/b")]) }),
            ("/b", { _ in HTTPResponse(.temporaryRedirect, headers: [("Location", "/a")]) }),
        ])
        defer { Task { await server.stop() } }
        let error = try #require(try await fetchError(server.url("/a")))
        #expect(error == .redirectLoop(server.url("/a")))
        #expect(error.description == "a redirect loop (back to \(server.url("/a")))")
    }

    @Test func anHTTPErrorGivesItsStatusInOneLine() async throws {
        let server = try await LoopbackServer.start([
            ("/gone", { _ in HTTPResponse(.gone, "This page has been removed.") }),
            ("/broken", { _ in HTTPResponse(.internalServerError) }),
        ])
        defer { Task { await server.stop() } }
        let folder = try TemporaryFolder()
        let web = source(folder)
        let missing = server.url("/missing")
        await #expect(throws: ReadError.unreadable(missing, reason: "404 Not Found")) {
            try await offPool { try web.articles(at: missing) }
        }
        #expect(try await fetchError(server.url("/gone")) == .httpStatus(410))
        #expect(try await fetchError(server.url("/broken"))?.description == "500 Internal Server Error")
        #expect(ReadError.unreadable(missing, reason: "404 Not Found").description == "\(missing): cannot be read (404 Not Found)")
    }

    @Test func aGzipEncodedBodyIsDecoded() async throws {
        let server = try await LoopbackServer.start([
            ("/zipped", { _ in
                HTTPResponse(.ok, gzipped(Data(Self.page.utf8)),
                             headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")])
            }),
        ])
        defer { Task { await server.stop() } }
        let folder = try TemporaryFolder()
        let web = source(folder)
        let (articles, _) = try await offPool { try web.articles(at: server.url("/zipped")) }
        #expect(articles.first?.headlineText == "Harbour bridge reopens")
    }

    @Test func aGzipBombStopsAtTheCap() async throws {
        // 80 MB of zeros travel as some 80 KB.
        let bomb = gzipped(Data(count: 80 * 1_048_576), level: 9)
        let server = try await LoopbackServer.start([
            ("/bomb", { _ in HTTPResponse(.ok, bomb, headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]) }),
        ])
        defer { Task { await server.stop() } }
        let started = Date()
        let error = try await fetchError(server.url("/bomb"))
        #expect(error == .tooLarge(limit: 50 * 1_048_576))
        #expect(error?.description == "the response is larger than 50 MB")
        #expect(Date().timeIntervalSince(started) < 15)
    }

    @Test func aBodyOverTheCapIsRefusedByItsLengthOrWhileItStreams() async throws {
        let big = Data(repeating: UInt8(ascii: "a"), count: 300_000)
        let server = try await LoopbackServer.start([
            ("/big", { _ in HTTPResponse(.ok, big, headers: [("Content-Type", "text/plain")]) }),
        ])
        defer { Task { await server.stop() } }
        #expect(try await fetchError(server.url("/big"), maximumBytes: 100_000) == .tooLarge(limit: 100_000))
        #expect(try await fetchError(server.url("/big"), maximumBytes: 400_000) == nil)
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let server = try await LoopbackServer.start([
            ("/silent", { _ in
                try await Task.sleep(nanoseconds: 60_000_000_000)
                return HTTPResponse(.ok)
            }),
        ])
        defer { Task { await server.stop() } }
        let started = Date()
        let error = try await fetchError(server.url("/silent"), timeout: 1)
        #expect(error == .timedOut(seconds: 1))
        #expect(error?.description == "timed out after 1 s")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aServerThatTricklesTimesOutOnTheWholeFetch() async throws {
        // A byte every 0.2 s never leaves the connection idle for long: only a deadline for
        // the whole fetch stops it.
        let server = try await LoopbackServer.start([
            ("/trickle", { _ in
                HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain"],
                             body: HTTPBodySequence(from: TricklingBytes(count: 200, interval: 0.2), count: 200))
            }),
        ])
        defer { Task { await server.stop() } }
        let started = Date()
        #expect(try await fetchError(server.url("/trickle"), timeout: 1.5) == .timedOut(seconds: 1.5))
        #expect(Date().timeIntervalSince(started) < 6)
    }

    @Test func anEmptyBodyIsAnError() async throws {
        let server = try await LoopbackServer.start([
            ("/empty", { _ in HTTPResponse(.ok, headers: [("Content-Type", "text/html")]) }),
            ("/nothing", { _ in HTTPResponse(.noContent) }),
        ])
        defer { Task { await server.stop() } }
        #expect(try await fetchError(server.url("/empty")) == .emptyBody)
        #expect(try await fetchError(server.url("/nothing")) == .emptyBody)
        #expect(FetchError.emptyBody.description == "the server sent an empty response")
    }

    @Test func pdfsAndImagesAreRefusedByName() async throws {
        let pdf = Data("%PDF-1.7\n1 0 obj << >> endobj\n".utf8)
        let server = try await LoopbackServer.start([
            ("/report", { _ in HTTPResponse(.ok, pdf, headers: [("Content-Type", "application/pdf")]) }),
            ("/download", { _ in HTTPResponse(.ok, pdf, headers: [("Content-Type", "application/octet-stream")]) }),
            ("/photo", { _ in HTTPResponse(.ok, Data([0x89, 0x50, 0x4E, 0x47, 0, 0]), headers: [("Content-Type", "image/png")]) }),
        ])
        defer { Task { await server.stop() } }
        let folder = try TemporaryFolder()
        let web = source(folder)
        // By the response's type, before the body is read...
        await #expect(throws: ReadError.notAnArticle(server.url("/report"), kind: "a PDF document")) {
            try await offPool { try web.articles(at: server.url("/report")) }
        }
        await #expect(throws: ReadError.notAnArticle(server.url("/photo"), kind: "an image (image/png)")) {
            try await offPool { try web.articles(at: server.url("/photo")) }
        }
        // ...or by its content when the type says nothing.
        await #expect(throws: ReadError.notAnArticle(server.url("/download"), kind: "a PDF document")) {
            try await offPool { try web.articles(at: server.url("/download")) }
        }
    }

    @Test func aClosedPortIsAConnectionRefused() async throws {
        let port = try closedLoopbackPort()
        let error = try await fetchError("http://127.0.0.1:\(port)/feed")
        #expect(error == .connectionRefused("127.0.0.1:\(port)"))
        #expect(error?.description == "connection refused by 127.0.0.1:\(port)")
    }

    @Test func onlyHTTPAndHTTPSAreFetched() async throws {
        #expect(throws: FetchError.unsupportedScheme("ftp")) { try WebAddress.url("ftp://127.0.0.1/pub/news.txt") }
        #expect(throws: FetchError.unsupportedScheme("file")) { try WebAddress.url("file:///etc/hostname") }
        #expect(throws: FetchError.invalidAddress("http://")) { try WebAddress.url("http://") }
        #expect(FetchError.unsupportedScheme("ftp").description == "only http and https addresses can be fetched, not ftp:")
        let folder = try TemporaryFolder()
        #expect(throws: ReadError.unreadable("gopher://127.0.0.1/1", reason: "only http and https addresses can be fetched, not gopher:")) {
            try source(folder).articles(at: "gopher://127.0.0.1/1")
        }
        // Nor is a redirect to another scheme followed.
        let server = try await LoopbackServer.start([
            ("/elsewhere", { _ in HTTPResponse(.found, headers: [("Location", "ftp://127.0.0.1/pub/story.txt")]) }),
            ("/local", { _ in HTTPResponse(.found, headers: [("Location", "file:///etc/hostname")]) }),
        ])
        defer { Task { await server.stop() } }
        #expect(try await fetchError(server.url("/elsewhere")) == .redirectToUnsupportedScheme("ftp://127.0.0.1/pub/story.txt"))
        // FoundationNetworking reads a Location without a host as a path on the same server
        // (here, a 404): a local file is never read.
        #expect(try await fetchError(server.url("/local")) == .httpStatus(404))
    }

    @Test func argumentsThatAreWebAddresses() {
        #expect(WebAddress.looksLikeURL("https://example.org/a"))
        #expect(WebAddress.looksLikeURL("HTTP://example.org"))
        #expect(WebAddress.looksLikeURL("ftp://example.org/x"))
        #expect(!WebAddress.looksLikeURL("news/2011-12-02_story.txt"))
        #expect(!WebAddress.looksLikeURL("C:/notes.txt"))
        #expect(!WebAddress.looksLikeURL("://nothing"))
        #expect(!WebAddress.looksLikeURL("a b://c"))
    }

    @Test func tlsToAPlainServerFailsWithATLSMessage() async throws {
        let server = try await LoopbackServer.start([("/story", { _ in html() })])
        defer { Task { await server.stop() } }
        // The default 20 s timeout: a loaded machine must not turn the TLS failure into a
        // timeout. A hang would still fail, as a timeout rather than a TLS failure.
        let error = try #require(await fetchError("https://127.0.0.1:\(server.port)/story"))
        guard case .tlsFailure(let host, _) = error else {
            Issue.record("expected a TLS failure, got \(error)")
            return
        }
        #expect(host == "127.0.0.1:\(server.port)")
        #expect(error.description.hasPrefix("TLS failure with 127.0.0.1:\(server.port) ("))
        #expect(!error.description.contains("\n"))
    }

    @Test func FetchErrorsFromURLErrorCodes() {
        let url = URL(string: "https://news.example:8443/feed")!
        func mapped(_ code: URLError.Code, _ message: String? = nil) -> FetchError {
            var info: [String: Any] = [:]
            if let message { info[NSLocalizedDescriptionKey] = message }
            return FetchError.from(NSError(domain: NSURLErrorDomain, code: code.rawValue, userInfo: info), url: url, timeout: 20)
        }
        #expect(mapped(.cannotFindHost) == .hostNotFound("news.example"))
        #expect(mapped(.cannotFindHost).description == "no DNS answer for news.example")
        #expect(mapped(.timedOut) == .timedOut(seconds: 20))
        #expect(mapped(.serverCertificateUntrusted, "certificate has expired")
                == .tlsFailure(host: "news.example:8443", detail: "certificate has expired"))
        #expect(mapped(.unknown, "SSL certificate problem: self-signed certificate")
                == .tlsFailure(host: "news.example:8443", detail: "SSL certificate problem: self-signed certificate"))
        #expect(mapped(.notConnectedToInternet).meansUnreachable)
        #expect(!FetchError.httpStatus(404).meansUnreachable)
        #expect(FetchError.httpStatus(503).meansUnreachable)
    }
}

/// The cache: conditional GETs on a second open, and the cached copy when offline.
@Suite struct HTTPCacheTests {
    @Test func aSecondOpenRevalidatesAndUsesThe304() async throws {
        let page = FetchTests.page
        let server = try await LoopbackServer.start([
            ("/story", { request in
                if request.headers[.ifNoneMatch] == "\"v1\"" {
                    return HTTPResponse(.notModified, headers: [("ETag", "\"v1\"")])
                }
                return HTTPResponse(.ok, page, headers: [("Content-Type", "text/html"), ("ETag", "\"v1\""),
                                                         ("Last-Modified", "Fri, 02 Dec 2011 10:00:00 GMT")])
            }),
        ])
        defer { Task { await server.stop() } }
        let folder = try TemporaryFolder()
        let web = WebSource(cache: HTTPCache(folder: folder.url.path + "/http"))
        let address = server.url("/story")
        let first = try await offPool { try web.document(at: address) }
        #expect(first.origin == .network)
        let second = try await offPool { try web.document(at: address) }
        #expect(second.origin == .revalidated)
        #expect(second.body == first.body)
        #expect(second.contentType == "text/html")
        let requests = server.requests(to: "/story")
        #expect(requests.count == 2)
        #expect(requests[0].headers[.ifNoneMatch] == nil)
        #expect(requests[1].headers[.ifNoneMatch] == "\"v1\"")
        #expect(requests[1].headers[.ifModifiedSince] == "Fri, 02 Dec 2011 10:00:00 GMT")
        // The articles read from a revalidated copy are the page's.
        let (articles, _) = try await offPool { try web.articles(at: address) }
        #expect(articles.first?.headlineText == "Harbour bridge reopens")
    }

    @Test func aChangedPageReplacesTheCachedCopy() async throws {
        let version = Counter()
        let server = try await LoopbackServer.start([
            ("/live", { _ in
                let n = version.next()
                return HTTPResponse(.ok, "<html><head><title>Edition \(n)</title></head><body><p>Report number \(n).</p></body></html>",
                                    headers: [("Content-Type", "text/html"), ("ETag", "\"e\(n)\"")])
            }),
        ])
        defer { Task { await server.stop() } }
        let folder = try TemporaryFolder()
        let cache = HTTPCache(folder: folder.url.path + "/http")
        let web = WebSource(cache: cache)
        let address = server.url("/live")
        _ = try await offPool { try web.document(at: address) }
        let second = try await offPool { try web.document(at: address) }
        #expect(second.origin == .network)
        #expect(String(decoding: second.body, as: UTF8.self).contains("Edition 2"))
        #expect(server.requests(to: "/live")[1].headers[.ifNoneMatch] == "\"e1\"")
        let entry = try #require(cache.entry(for: URL(string: address)!))
        #expect(entry.validators.etag == "\"e2\"")
        #expect(String(decoding: entry.body, as: UTF8.self).contains("Edition 2"))
    }

    @Test func offlineTheCachedCopyIsUsedWithANotice() async throws {
        let page = FetchTests.page
        let server = try await LoopbackServer.start([
            ("/story", { _ in HTTPResponse(.ok, page, headers: [("Content-Type", "text/html")]) }),
        ])
        let folder = try TemporaryFolder()
        let web = WebSource(options: HTTPFetcher.Options(timeout: 20), cache: HTTPCache(folder: folder.url.path + "/http"))
        let address = server.url("/story")
        _ = try await offPool { try web.document(at: address) }
        try await server.stopAndWaitUntilRefused()
        let (articles, notices) = try await offPool { try web.articles(at: address) }
        #expect(articles.first?.headlineText == "Harbour bridge reopens")
        #expect(notices.count == 1)
        // Refused, or (in a full parallel run, where another test's server can be handed the
        // freed port and close it again) lost: either way a network failure, named.
        let failures = ["connection refused by 127.0.0.1:\(server.port)", "the connection to 127.0.0.1:\(server.port) was lost"]
        #expect(failures.contains { notices[0].hasPrefix("\(address): \($0); using the copy cached on ") }, "\(notices)")
        // Without a cached copy, the failure is the error.
        let other = "http://127.0.0.1:\(server.port)/other"
        await #expect(throws: ReadError.unreadable(other, reason: "connection refused by 127.0.0.1:\(server.port)")) {
            try await offPool { try web.articles(at: other) }
        }
    }

    @Test func aCachedCopyIsNotUsedForAPageThatIsGone() async throws {
        let gone = Flag()
        let server = try await LoopbackServer.start([
            ("/story", { _ in gone.isSet ? HTTPResponse(.notFound) : HTTPResponse(.ok, FetchTests.page, headers: [("Content-Type", "text/html")]) }),
        ])
        defer { Task { await server.stop() } }
        let folder = try TemporaryFolder()
        let web = WebSource(cache: HTTPCache(folder: folder.url.path + "/http"))
        _ = try await offPool { try web.document(at: server.url("/story")) }
        gone.set()
        await #expect(throws: FetchError.httpStatus(404)) { try await offPool { try web.document(at: server.url("/story")) } }
    }

    @Test func aHalfWrittenEntryIsAMiss() throws {
        let folder = try TemporaryFolder()
        let cache = HTTPCache(folder: folder.url.path)
        let url = URL(string: "http://127.0.0.1:9/page")!
        let response = HTTPFetcher.Response(status: 200, url: url, body: Data("<p>Some words.</p>".utf8), contentType: "text/html",
                                    validators: Validators(etag: "\"x\""))
        try cache.store(response, for: url)
        #expect(cache.entry(for: url)?.body == response.body)
        // A body replaced without its record (a crash between the two renames).
        try Data("<p>Other words, longer.</p>".utf8).write(to: URL(fileURLWithPath: cache.paths(for: url).body))
        #expect(cache.entry(for: url) == nil)
        // Another address never reads this entry.
        #expect(cache.entry(for: URL(string: "http://127.0.0.1:9/other")!) == nil)
    }

    @Test func cacheFileNamesAreReadableAndDistinct() {
        let cache = HTTPCache(folder: "/c")
        let a = cache.paths(for: URL(string: "https://news.example/world/2011/bridge.html")!).body
        let b = cache.paths(for: URL(string: "https://news.example/world/2011/bridge.html?page=2")!).body
        #expect(a.hasPrefix("/c/news-example-world-2011-bridge-html-"))
        #expect(a != b)
    }
}

/// A count shared with a server handler.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
