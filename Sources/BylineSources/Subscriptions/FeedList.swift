import BylineCore
import Foundation

/// A feed the user follows: its address and, if they gave one, a name.
public struct Subscription: Sendable, Equatable {
    public var url: String
    public var name: String?

    public init(url: String, name: String? = nil) {
        self.url = url
        self.name = name.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    }
}

/// What can go wrong with the list of feeds; one line each.
public enum SubscriptionError: Error, Equatable, Sendable, CustomStringConvertible {
    case alreadySubscribed(String)
    case nameTaken(String, by: String)
    case nameLooksLikeAnAddress(String)
    case notSubscribed(String)
    case badAddress(String, reason: String)
    case unreadable(String, reason: String)
    case unwritable(String, reason: String)
    case notOPML(String, reason: String)
    case busy(String)

    public var description: String {
        switch self {
        case .alreadySubscribed(let url): return "\(url) is already in the list of feeds"
        case .nameTaken(let name, let url): return "the name \"\(name)\" is already given to \(url)"
        case .nameLooksLikeAnAddress(let name): return "\"\(name)\" looks like an address, not a name"
        case .notSubscribed(let what): return "no feed has the address or name \"\(what)\" (see byline feeds list)"
        case .badAddress(let address, let reason): return "\(address): \(reason)"
        case .unreadable(let path, let reason): return "\(path): cannot be read (\(reason))"
        case .unwritable(let path, let reason): return "\(path): cannot be written (\(reason))"
        case .notOPML(let path, let reason): return "\(path): not an OPML file (\(reason))"
        case .busy(let path): return "another byline update is running (it holds \(path))"
        }
    }
}

/// The list of feeds, `$XDG_CONFIG_HOME/byline/feeds`: one feed a line, its address and then
/// a name if the user gave one (`https://news.example/feed.xml Harbour News`), `#` comments
/// and blank lines as the user left them. A plain file rather than OPML because it is the
/// user's to edit, grep and diff, as newsboat's `urls` is; OPML is for moving feeds between
/// readers (`byline feeds import` and `export`). Adding and removing change only the line
/// concerned and replace the file atomically; a line that is not an http(s) address is kept
/// as it is and skipped with a warning.
public struct FeedList: Sendable {
    public static let fileName = "feeds"

    private var file: UserListFile<Subscription>
    /// Lines that could not be read as a feed, with their number.
    public private(set) var warnings: [String]

    public var path: String { file.path }
    public var subscriptions: [Subscription] { file.all }

    /// `$XDG_CONFIG_HOME/byline/feeds` (else `~/.config/byline/feeds`).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        FilePaths.joined(XDG.bylineFolder(.config, environment: environment), fileName)
    }

    /// The list at `path`; empty when the file does not exist yet.
    public static func load(path: String = defaultPath()) throws(SubscriptionError) -> FeedList {
        do throws(UserListFile<Subscription>.Failure) {
            return FeedList(path: path, text: try UserListFile<Subscription>.text(at: path))
        } catch {
            throw .unreadable(path, reason: error.reason)
        }
    }

    init(path: String, text: String) {
        var warnings: [String] = []
        file = UserListFile(path: path, text: text) { line, number in
            let (address, name) = Self.split(line)
            do throws(FetchError) {
                _ = try WebAddress.url(address)
                return Subscription(url: address, name: name)
            } catch {
                warnings.append("\(path):\(number + 1): \(error.description); the line is skipped")
                return nil
            }
        }
        self.warnings = warnings
    }

    /// `URL name with spaces` → the address and the name.
    private static func split(_ line: String) -> (String, String?) {
        guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (line, nil) }
        let name = line[space...].trimmingCharacters(in: .whitespaces)
        return (String(line[..<space]), name.isEmpty ? nil : name)
    }

    /// The subscription with address or name `key` (a name matches whatever its case).
    public func subscription(matching key: String) -> Subscription? {
        subscriptions.first { Self.matches($0, key) }
    }

    private static func matches(_ subscription: Subscription, _ key: String) -> Bool {
        subscription.url == key || subscription.name.map { $0.lowercased() == key.lowercased() } == true
    }

    /// Adds a feed at the end of the list. Refuses an address already there, a name another
    /// feed has, and an address Byline cannot fetch.
    public mutating func add(_ subscription: Subscription) throws(SubscriptionError) {
        do throws(FetchError) {
            _ = try WebAddress.url(subscription.url)
        } catch {
            throw .badAddress(subscription.url, reason: error.description)
        }
        if subscription.url.contains(where: \.isWhitespace) {
            throw .badAddress(subscription.url, reason: "an address has no spaces")
        }
        if subscriptions.contains(where: { $0.url == subscription.url }) { throw .alreadySubscribed(subscription.url) }
        if let name = subscription.name {
            if WebAddress.looksLikeURL(name) { throw .nameLooksLikeAnAddress(name) }
            if let other = subscriptions.first(where: { $0.name?.lowercased() == name.lowercased() }) {
                throw .nameTaken(name, by: other.url)
            }
        }
        file.append(subscription, as: subscription.name.map { "\(subscription.url) \($0)" } ?? subscription.url, header: Self.header)
    }

    /// Removes the feed with address or name `key`, and only its line.
    @discardableResult
    public mutating func remove(_ key: String) throws(SubscriptionError) -> Subscription {
        guard let index = subscriptions.firstIndex(where: { Self.matches($0, key) }) else { throw .notSubscribed(key) }
        return file.remove(at: index)
    }

    /// Writes the list, replacing the file atomically (a crash leaves the old list or the new).
    public func save() throws(SubscriptionError) {
        do throws(UserListFile<Subscription>.Failure) {
            try file.save()
        } catch {
            throw .unwritable(path, reason: error.reason)
        }
    }

    private static let header = [
        "# Byline's feeds, one a line: the address, then a name if you like.",
        "# `byline feeds add`, `remove` and `import` change only their own lines. Lines starting with # are comments.",
    ]
}
