import BylineCore
import Foundation

/// Articles at a web address: fetched (`HTTPFetcher`), kept and revalidated (`HTTPCache`), and
/// read like any other source (`SourceReader`). What `byline URL` and `byline quotes URL` use.
public struct WebSource: Sendable {
    public var fetcher: HTTPFetcher
    /// Nil: no cache (every open is a plain GET, and nothing helps when offline).
    public var cache: HTTPCache?

    public init(options: HTTPFetcher.Options = HTTPFetcher.Options(),
                cache: HTTPCache? = HTTPCache(folder: HTTPCache.defaultFolder())) {
        self.fetcher = HTTPFetcher(options: options)
        self.cache = cache
    }

    /// A fetched body and where it came from.
    public struct Document: Sendable {
        public enum Origin: Sendable, Equatable {
            /// A fresh body from the server.
            case network
            /// The cached body, confirmed by a `304 Not Modified`.
            case revalidated
            /// The cached body, because the server could not be reached.
            case cacheWhileOffline
        }

        /// The address as given.
        public var address: String
        /// Where the body came from, after redirects.
        public var url: URL
        public var body: Data
        public var contentType: String?
        public var origin: Origin
        /// What the user should be told (the cached copy used offline, a cache that cannot be written).
        public var notices: [String]
    }

    /// The document at `address`: revalidated when cached, else fetched and cached; the cached
    /// copy, with a notice, when the server cannot be reached.
    public func document(at address: String) throws(FetchError) -> Document {
        let url = try WebAddress.url(address)
        let cached = cache?.entry(for: url)
        let response: HTTPFetcher.Response
        do {
            response = try fetcher.fetch(url, validators: cached?.validators ?? Validators())
        } catch {
            guard error.meansUnreachable, let cached else { throw error }
            let notice = "\(address): \(error.description); using the copy cached on \(Self.timestamp(cached.stored))"
            return Document(address: address, url: URL(string: cached.finalURL) ?? url, body: cached.body,
                            contentType: cached.contentType, origin: .cacheWhileOffline, notices: [notice])
        }
        var notices: [String] = []
        if response.isNotModified, let cached {
            do { try cache?.confirm(url, validators: response.validators) } catch {
                notices.append("cannot update the cache in \(cache?.folder ?? ""): \(FileFailure.reason(error))")
            }
            return Document(address: address, url: URL(string: cached.finalURL) ?? url, body: cached.body,
                            contentType: cached.contentType, origin: .revalidated, notices: notices)
        }
        if response.isNotModified { throw .httpStatus(304) }
        do { try cache?.store(response, for: url) } catch {
            notices.append("cannot keep a copy in \(cache?.folder ?? ""): \(FileFailure.reason(error))")
        }
        return Document(address: address, url: response.url, body: response.body, contentType: response.contentType,
                        origin: .network, notices: notices)
    }

    /// The articles at `address` (a page gives one, a feed one per item), named by the address;
    /// each keeps its own date and gets the final address as its url when it names none.
    /// Failures are `ReadError`s naming the address, as for files: `https://…: cannot be read
    /// (404 Not Found)`, `https://…: this is a PDF document, not an article`.
    public func articles(at address: String) throws(ReadError) -> (articles: [Article], notices: [String]) {
        let document: Document
        do {
            document = try self.document(at: address)
        } catch {
            throw Self.readError(error, address: address)
        }
        var articles = try SourceReader.read(document.body, source: address, contentType: document.contentType)
        for i in articles.indices where articles[i].metadata.url == nil {
            articles[i].metadata.url = document.url.absoluteString
        }
        return (articles, document.notices)
    }

    /// A fetch failure as the commands report unreadable input.
    public static func readError(_ error: FetchError, address: String) -> ReadError {
        if case .notAnArticle(let kind) = error { return .notAnArticle(address, kind: kind) }
        return .unreadable(address, reason: error.description)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        return formatter.string(from: date) + " UTC"
    }
}
