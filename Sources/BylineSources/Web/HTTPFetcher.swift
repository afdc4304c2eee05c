import BylineCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What a cached response carries to make the next request conditional.
public struct Validators: Sendable, Equatable, Codable {
    /// The `ETag` the server gave, sent back as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` the server gave, sent back as `If-Modified-Since`.
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    public var isEmpty: Bool { etag == nil && lastModified == nil }

    enum CodingKeys: String, CodingKey {
        case etag
        case lastModified = "last_modified"
    }
}

/// GET over HTTP(S) with URLSession (FoundationNetworking, over the system's libcurl), for the
/// synchronous commands and for background threads: one call, one answer or one `FetchError`,
/// never a hang.
///
/// - Redirects: at most `maximumRedirects`, never back to an address already visited, never
///   to another scheme than http or https.
/// - Size: the body is counted while it streams, decompressed, and the fetch stops with
///   `tooLarge` once it passes `maximumBytes`, so a gzip bomb is never held whole.
/// - Time: `timeout` bounds the whole fetch, not only the silence between two packets (libcurl's
///   own timeout), so a server that trickles a byte a second fails as one that never answers.
/// - Content: a success whose `Content-Type` is a PDF, an image, audio or video stops at the
///   header (`notAnArticle`).
///
/// FoundationNetworking on Linux cannot interrupt libcurl inside one burst of reading: a
/// cancelled transfer may go on inflating what is already buffered on its own queue. The
/// caller does not wait for that: the answer comes as soon as the cap, the deadline or the
/// refusal is reached, and what the transfer still delivers is dropped.
public struct HTTPFetcher: Sendable {
    public struct Options: Sendable, Equatable {
        public static let defaultRedirectLimit = 5
        public static let defaultTimeout: Double = 20
        public static let defaultMaximumBytes = 50 * 1_048_576

        /// Seconds for the whole fetch, redirects included.
        public var timeout: Double
        /// The most body bytes (after decompression) kept.
        public var maximumBytes: Int
        public var maximumRedirects: Int

        public init(timeout: Double = defaultTimeout, maximumBytes: Int = defaultMaximumBytes,
                    maximumRedirects: Int = defaultRedirectLimit) {
            self.timeout = timeout
            self.maximumBytes = maximumBytes
            self.maximumRedirects = maximumRedirects
        }
    }

    /// `Byline/0.1.0 (terminal news reader)`: names the program and its version to servers.
    public static let userAgent = "Byline/\(BylineVersion.number) (terminal news reader)"

    /// What Byline can read, in order of preference; anything else is still taken.
    static let accept = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
        + "application/feed+json, application/xml;q=0.9, text/*;q=0.8, */*;q=0.5"

    /// A response to a GET: a document (2xx) or `304 Not Modified` to a conditional request.
    public struct Response: Sendable {
        public var status: Int
        /// The address the body came from, after redirects.
        public var url: URL
        /// The body, decompressed (libcurl undoes `Content-Encoding: gzip`). Empty for a 304.
        public var body: Data
        public var contentType: String?
        public var validators: Validators

        public init(status: Int, url: URL, body: Data, contentType: String?, validators: Validators) {
            self.status = status
            self.url = url
            self.body = body
            self.contentType = contentType
            self.validators = validators
        }

        public var isNotModified: Bool { status == 304 }
    }

    public let options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// GETs `url`, conditionally when `validators` are given (then a `304` comes back as such).
    /// Error statuses, empty bodies and every failure of the connection are thrown.
    public func fetch(_ url: URL, validators: Validators = Validators()) throws(FetchError) -> Response {
        guard let scheme = url.scheme?.lowercased(), WebAddress.isFetchable(scheme: scheme) else {
            throw .unsupportedScheme(url.scheme ?? "")
        }
        let transfer = Transfer(url: url, options: options, conditional: !validators.isEmpty)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        configuration.timeoutIntervalForRequest = options.timeout
        configuration.timeoutIntervalForResource = options.timeout
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        request.setValue(Self.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue(Self.accept, forHTTPHeaderField: "Accept")
        if let etag = validators.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified = validators.lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
        let task = session.dataTask(with: request)
        task.resume()
        let outcome = transfer.wait(seconds: options.timeout)
        // Cancelling waits for libcurl's queue, which may be busy inflating: never on this thread.
        DispatchQueue.global().async {
            task.cancel()
            session.invalidateAndCancel()
        }
        return try outcome.get()
    }
}

/// One transfer's state, fed by URLSession's delegate callbacks (on its own queue) and read
/// by the waiting caller: guarded by a lock.
private final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    private let options: HTTPFetcher.Options
    private let conditional: Bool
    /// Every address visited, the first one included.
    private var visited: [URL]
    private var response: HTTPURLResponse?
    private var body = Data()
    private var outcome: Result<HTTPFetcher.Response, FetchError>?

    init(url: URL, options: HTTPFetcher.Options, conditional: Bool) {
        self.options = options
        self.conditional = conditional
        self.visited = [url]
    }

    /// The outcome, or `timedOut` when none came within `seconds`.
    func wait(seconds: Double) -> Result<HTTPFetcher.Response, FetchError> {
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            finish(.failure(.timedOut(seconds: seconds)))
        }
        return lock.withLock { outcome! }
    }

    /// Settles the outcome once; later events are ignored.
    private func finish(_ result: Result<HTTPFetcher.Response, FetchError>) {
        let first = lock.withLock { () -> Bool in
            guard outcome == nil else { return false }
            outcome = result
            body = Data()
            return true
        }
        if first { finished.signal() }
    }

    /// Answers one of URLSession's completion handlers, settling the outcome when the answer is
    /// to stop, both under the lock. The waiting caller cancels the task only after the outcome
    /// is settled, so libcurl's queue always gets the answer before the cancellation:
    /// FoundationNetworking traps on an answer that comes after it ("not waiting for it"). When
    /// the outcome was settled already (the deadline passed), no answer is given at all: the
    /// task is being cancelled.
    private func answer(_ decide: () -> FetchError?, respond: (_ proceed: Bool) -> Void) {
        var settled = false
        lock.withLock {
            guard outcome == nil else { return }
            if let failure = decide() {
                outcome = .failure(failure)
                body = Data()
                respond(false)
                settled = true
            } else {
                respond(true)
            }
        }
        if settled { finished.signal() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        answer({
            guard let next = request.url else { return .network("a redirection without an address") }
            if !WebAddress.isFetchable(scheme: next.scheme?.lowercased() ?? "") {
                return .redirectToUnsupportedScheme(next.absoluteString)
            }
            if visited.contains(where: { Self.sameAddress($0, next) }) { return .redirectLoop(next.absoluteString) }
            if visited.count > options.maximumRedirects { return .tooManyRedirects(limit: options.maximumRedirects) }
            visited.append(next)
            return nil
        }, respond: { proceed in completionHandler(proceed ? request : nil) })
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        answer({
            guard let http = response as? HTTPURLResponse else { return .network("not an HTTP response") }
            self.response = http
            let status = http.statusCode
            if status >= 400 || (status == 304 && !conditional) { return .httpStatus(status) }
            guard (200..<300).contains(status) else { return nil }
            let type = http.value(forHTTPHeaderField: "Content-Type").map(SourceDetection.mediaType)
            if let type, let kind = SourceDetection.refusedKind(mediaType: type) { return .notAnArticle(kind: kind) }
            if http.expectedContentLength > Int64(options.maximumBytes), http.value(forHTTPHeaderField: "Content-Encoding") == nil {
                return .tooLarge(limit: options.maximumBytes)
            }
            return nil
        }, respond: { proceed in completionHandler(proceed ? .allow : .cancel) })
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overflow = lock.withLock { () -> Bool in
            guard outcome == nil else { return false }
            if body.count + data.count > options.maximumBytes { return true }
            body.append(data)
            return false
        }
        if overflow { finish(.failure(.tooLarge(limit: options.maximumBytes))) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        if let error {
            finish(.failure(FetchError.from(error, url: lock.withLock { visited.last! }, timeout: options.timeout)))
            return
        }
        let (response, body, lastURL) = lock.withLock { (self.response, self.body, visited.last!) }
        guard let response else {
            finish(.failure(.network("no response from \(lastURL.host ?? lastURL.absoluteString)")))
            return
        }
        let status = response.statusCode
        if (300..<400).contains(status) && status != 304 {
            // A redirect that was not followed (no Location) is no document.
            finish(.failure(.httpStatus(status)))
            return
        }
        if status != 304 && body.isEmpty {
            finish(.failure(.emptyBody))
            return
        }
        let validators = Validators(etag: response.value(forHTTPHeaderField: "ETag"),
                                    lastModified: response.value(forHTTPHeaderField: "Last-Modified"))
        finish(.success(HTTPFetcher.Response(status: status, url: response.url ?? lastURL, body: body,
                                     contentType: response.value(forHTTPHeaderField: "Content-Type"),
                                     validators: validators)))
    }

    /// Two addresses are one when they differ only in a fragment.
    private static func sameAddress(_ a: URL, _ b: URL) -> Bool {
        func key(_ url: URL) -> String {
            var components = URLComponents(url: url, resolvingAgainstBaseURL: true)
            components?.fragment = nil
            return components?.string ?? url.absoluteString
        }
        return key(a) == key(b)
    }
}
