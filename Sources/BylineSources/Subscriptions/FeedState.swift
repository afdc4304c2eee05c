import BylineCore
import Foundation

/// What Byline remembers about each feed between updates, in `$XDG_STATE_HOME/byline/feeds.json`
/// (state, not configuration: the user never needs to edit it, and losing it loses nothing but
/// a conditional GET: the library's catalogs still say which items are stored).
public struct FeedState: Codable, Sendable, Equatable {
    /// The feed's folder in the library, once chosen (a renamed feed keeps its folder).
    public var folder: String?
    /// The feed's own title, as last read.
    public var title: String?
    /// From the last full response, for the next conditional GET.
    public var validators: Validators
    /// The last fetch that succeeded (new items or a `304`).
    public var lastUpdate: Date?
    /// The last fetch tried.
    public var lastAttempt: Date?
    /// Why the last fetch failed; nil after a success.
    public var lastError: String?

    public init(folder: String? = nil, title: String? = nil, validators: Validators = Validators(), lastUpdate: Date? = nil,
                lastAttempt: Date? = nil, lastError: String? = nil) {
        self.folder = folder
        self.title = title
        self.validators = validators
        self.lastUpdate = lastUpdate
        self.lastAttempt = lastAttempt
        self.lastError = lastError
    }

    enum CodingKeys: String, CodingKey {
        case folder, title, validators
        case lastUpdate = "last_update"
        case lastAttempt = "last_attempt"
        case lastError = "last_error"
    }
}

/// Every feed's `FeedState`, by address.
public struct FeedStates: Sendable {
    public static let fileName = "feeds.json"

    public var feeds: [String: FeedState]

    public init(feeds: [String: FeedState] = [:]) {
        self.feeds = feeds
    }

    /// `$XDG_STATE_HOME/byline/feeds.json` (else `~/.local/state/byline/feeds.json`).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        FilePaths.joined(XDG.bylineFolder(.state, environment: environment), fileName)
    }

    private struct File: Codable {
        var version: Int
        var feeds: [String: FeedState]
    }

    /// The states at `path`: none when the file is missing; none, with a warning, when it is
    /// damaged (the next update sends plain GETs and rewrites it).
    public static func load(path: String) -> (states: FeedStates, warning: String?) {
        guard let data = FileManager.default.contents(atPath: path) else { return (FeedStates(), nil) }
        guard let file = try? decoder.decode(File.self, from: data), file.version == 1 else {
            return (FeedStates(), "\(path) is not a feed state file Byline can read; each feed starts afresh")
        }
        return (FeedStates(feeds: file.feeds), nil)
    }

    /// Writes the states, replacing the file atomically.
    public func save(path: String) throws(SubscriptionError) {
        do {
            try FileManager.default.createDirectory(atPath: FilePaths.parent(of: path), withIntermediateDirectories: true)
            try Self.encoder.encode(File(version: 1, feeds: feeds)).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unwritable(path, reason: FileFailure.reason(error))
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
