import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Why a fetch over HTTP gave no document. Each reads as one line, without the address (the
/// caller names it): `404 Not Found`, `timed out after 20 s`.
public enum FetchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not a URL at all.
    case invalidAddress(String)
    /// A URL of another scheme (`ftp:`, `file:`): only `http` and `https` are fetched.
    case unsupportedScheme(String)
    /// The host name has no DNS answer.
    case hostNotFound(String)
    /// Nothing listens at the host and port (`host:port`).
    case connectionRefused(String)
    /// The TLS handshake failed (a certificate, a protocol mismatch): the host and libcurl's words.
    case tlsFailure(host: String, detail: String)
    /// The server answered with an error status.
    case httpStatus(Int)
    /// No complete answer within the timeout.
    case timedOut(seconds: Double)
    /// More redirects than allowed.
    case tooManyRedirects(limit: Int)
    /// A redirect back to an address already visited.
    case redirectLoop(String)
    /// A redirect to an address that is not http or https.
    case redirectToUnsupportedScheme(String)
    /// The body (decompressed) passed the cap.
    case tooLarge(limit: Int)
    /// A success status with no body.
    case emptyBody
    /// The response's `Content-Type` says it holds no article (`a PDF document`).
    case notAnArticle(kind: String)
    /// Any other failure of the connection, in the network library's words.
    case network(String)

    public var description: String {
        switch self {
        case .invalidAddress(let address): return "\"\(address)\" is not a web address"
        case .unsupportedScheme(let scheme):
            return "only http and https addresses can be fetched, not \(scheme):"
        case .hostNotFound(let host): return "no DNS answer for \(host)"
        case .connectionRefused(let place): return "connection refused by \(place)"
        case .tlsFailure(let host, let detail): return "TLS failure with \(host) (\(detail))"
        case .httpStatus(let code): return FetchError.statusLine(code)
        case .timedOut(let seconds): return "timed out after \(FetchError.seconds(seconds))"
        case .tooManyRedirects(let limit): return "more than \(limit) redirects"
        case .redirectLoop(let address): return "a redirect loop (back to \(address))"
        case .redirectToUnsupportedScheme(let address):
            return "redirected to \(address), which is not an http or https address"
        case .tooLarge(let limit): return "the response is larger than \(limit / 1_048_576) MB"
        case .emptyBody: return "the server sent an empty response"
        case .notAnArticle(let kind): return "this is \(kind), not an article"
        case .network(let message): return message
        }
    }

    /// Whether the failure says the network or the server could not be reached at all (so a
    /// cached copy is the best there is) rather than that the address is wrong.
    public var meansUnreachable: Bool {
        switch self {
        case .hostNotFound, .connectionRefused, .timedOut, .network: return true
        case .httpStatus(let code): return code >= 500
        default: return false
        }
    }

    /// `404 Not Found`: the code and its reason phrase (RFC 9110), the code alone for others.
    static func statusLine(_ code: Int) -> String {
        reasonPhrases[code].map { "\(code) \($0)" } ?? "HTTP status \(code)"
    }

    /// `20 s`, `0.5 s`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    private static let reasonPhrases: [Int: String] = [
        300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
        305: "Use Proxy", 307: "Temporary Redirect", 308: "Permanent Redirect",
        400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
        405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required", 408: "Request Timeout",
        409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed", 413: "Content Too Large",
        414: "URI Too Long", 415: "Unsupported Media Type", 416: "Range Not Satisfiable", 417: "Expectation Failed",
        421: "Misdirected Request", 422: "Unprocessable Content", 425: "Too Early", 426: "Upgrade Required",
        428: "Precondition Required", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
        451: "Unavailable For Legal Reasons",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
        504: "Gateway Timeout", 505: "HTTP Version Not Supported",
    ]

    /// The failure a `URLError` from FoundationNetworking stands for, for a request to `url`.
    static func from(_ error: any Error, url: URL, timeout: Double) -> FetchError {
        let host = url.host ?? url.absoluteString
        let place = url.port.map { "\(host):\($0)" } ?? host
        let ns = error as NSError
        // libcurl's own sentence, which FoundationNetworking keeps in the underlying error.
        let detail = ((ns.userInfo[NSUnderlyingErrorKey] as? NSError)?.userInfo[NSLocalizedDescriptionKey] as? String)
            ?? (ns.userInfo[NSLocalizedDescriptionKey] as? String)
        guard ns.domain == NSURLErrorDomain else { return .network(detail ?? ns.localizedDescription) }
        switch URLError.Code(rawValue: ns.code) {
        case .cannotFindHost, .dnsLookupFailed: return .hostNotFound(host)
        case .cannotConnectToHost: return .connectionRefused(place)
        case .timedOut: return .timedOut(seconds: timeout)
        case .httpTooManyRedirects: return .tooManyRedirects(limit: HTTPFetcher.Options.defaultRedirectLimit)
        case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
             .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
             .clientCertificateRequired:
            return .tlsFailure(host: place, detail: detail ?? "the secure connection failed")
        case .notConnectedToInternet: return .network("not connected to a network")
        case .networkConnectionLost: return .network("the connection to \(place) was lost")
        default:
            // FoundationNetworking reports some libcurl failures, TLS ones among them, as
            // unknown errors: only libcurl's message says what happened.
            if let detail, isTLSMessage(detail) { return .tlsFailure(host: place, detail: detail) }
            return .network(detail.map { "cannot fetch from \(place) (\($0))" } ?? "cannot fetch from \(place)")
        }
    }

    private static func isTLSMessage(_ message: String) -> Bool {
        let lower = message.lowercased()
        return ["ssl", "tls", "certificate", "openssl", "gnutls", "handshake"].contains { lower.contains($0) }
    }
}

/// Web addresses as the command line and the feed list give them.
public enum WebAddress {
    /// Whether a command-line argument names a web address rather than a file: a URL scheme
    /// followed by `://` (`https://…`, and `ftp://…`, which is then refused by name).
    public static func looksLikeURL(_ argument: String) -> Bool {
        guard let colon = argument.firstIndex(of: ":"), colon != argument.startIndex,
              argument[colon...].hasPrefix("://")
        else { return false }
        let scheme = argument[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return scheme.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) }
    }

    /// The URL of `address` when it can be fetched: `http` or `https`, with a host.
    public static func url(_ address: String) throws(FetchError) -> URL {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased() else { throw .invalidAddress(address) }
        guard isFetchable(scheme: scheme) else { throw .unsupportedScheme(scheme) }
        guard let host = url.host, !host.isEmpty else { throw .invalidAddress(address) }
        return url
    }

    static func isFetchable(scheme: String) -> Bool { scheme == "http" || scheme == "https" }
}
