import BylineCore
import CZlib
import Foundation

/// Fetched bodies kept on disk with what revalidates them (`ETag`, `Last-Modified`), under
/// `$XDG_CACHE_HOME/byline/http/`. A second open of an address sends a conditional GET and a
/// `304` reuses the kept body; when the server cannot be reached, the kept body is used with a
/// notice. Each entry is two files, `NAME.body` (the body, decompressed) and `NAME.json` (the
/// address, validators, type and size), each replaced atomically; an entry whose two files do
/// not match (a crash between the two renames) is a miss. Only ever a cache: deleting the
/// folder loses nothing but time.
public struct HTTPCache: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// `$XDG_CACHE_HOME/byline/http` (else `~/.cache/byline/http`).
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        FilePaths.joined(XDG.bylineFolder(.cache, environment: environment), "http")
    }

    public struct Entry: Sendable {
        /// The address asked for.
        public var url: String
        /// Where the body came from after redirects.
        public var finalURL: String
        public var contentType: String?
        public var validators: Validators
        /// When the body was fetched or last confirmed by a 304.
        public var stored: Date
        public var body: Data
    }

    private struct Record: Codable {
        var url: String
        var finalURL: String
        var contentType: String?
        var validators: Validators
        var stored: Date
        var bytes: Int

        enum CodingKeys: String, CodingKey {
            case url
            case finalURL = "final_url"
            case contentType = "content_type"
            case validators
            case stored
            case bytes
        }
    }

    /// The kept entry for `url`, if there is a whole one.
    public func entry(for url: URL) -> Entry? {
        let paths = self.paths(for: url)
        guard let recordData = FileManager.default.contents(atPath: paths.record),
              let record = try? Self.decoder.decode(Record.self, from: recordData),
              record.url == url.absoluteString,
              let body = FileManager.default.contents(atPath: paths.body), body.count == record.bytes
        else { return nil }
        return Entry(url: record.url, finalURL: record.finalURL, contentType: record.contentType,
                     validators: record.validators, stored: record.stored, body: body)
    }

    /// Keeps `response` (a 2xx with a body) as the entry for `url`. Throws what the file
    /// system said when it cannot (a read-only cache): the fetch itself has succeeded.
    public func store(_ response: HTTPFetcher.Response, for url: URL, at date: Date = Date()) throws {
        let paths = self.paths(for: url)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let record = Record(url: url.absoluteString, finalURL: response.url.absoluteString, contentType: response.contentType,
                            validators: response.validators, stored: date, bytes: response.body.count)
        try response.body.write(to: URL(fileURLWithPath: paths.body), options: .atomic)
        try Self.encoder.encode(record).write(to: URL(fileURLWithPath: paths.record), options: .atomic)
    }

    /// Records that the server confirmed the entry for `url` (a 304), with the validators it
    /// sent along, if any.
    public func confirm(_ url: URL, validators: Validators, at date: Date = Date()) throws {
        let paths = self.paths(for: url)
        guard let data = FileManager.default.contents(atPath: paths.record),
              var record = try? Self.decoder.decode(Record.self, from: data)
        else { return }
        if validators.etag != nil { record.validators.etag = validators.etag }
        if validators.lastModified != nil { record.validators.lastModified = validators.lastModified }
        record.stored = date
        try Self.encoder.encode(record).write(to: URL(fileURLWithPath: paths.record), options: .atomic)
    }

    /// `example.com_news_feed.xml-1c291ca3`: readable host and path, then the CRC-32 of the
    /// whole address (the address is checked on reading, so a clash is only a miss).
    func paths(for url: URL) -> (body: String, record: String) {
        let address = url.absoluteString
        var readable = (url.host ?? "") + url.path
        if readable.count > 80 { readable = String(readable.suffix(80)) }
        let name = Slug.make(readable, maximumLength: 80, fallback: "page")
        let checksum = Array(address.utf8).withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        let stem = FilePaths.joined(folder, name + "-" + String(checksum, radix: 16))
        return (stem + ".body", stem + ".json")
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}

/// File names from titles and addresses: lowercase letters and digits of any script, every
/// other run of characters one `-`, at most `maximumLength` characters.
public enum Slug {
    public static func make(_ text: String, maximumLength: Int = 60, fallback: String) -> String {
        var slug = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            let category = scalar.properties.generalCategory
            // Marks stay with their letter (é written e + U+0301).
            if scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
                || category == .nonspacingMark || category == .spacingMark {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(scalar)
                // Enough to cut from (letters may carry several marks).
                if slug.count > maximumLength * 4 { break }
            } else {
                pendingDash = true
            }
        }
        var cut = String(String(slug).prefix(maximumLength))
        while cut.hasSuffix("-") { cut.removeLast() }
        return cut.isEmpty ? fallback : cut
    }
}
