import BylineCore
import Foundation

/// What can go wrong with the speakers a reader follows; one line each.
public enum FollowError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String, reason: String)
    case unwritable(String, reason: String)
    case empty
    case notFollowed(String)
    case followedAmbiguously(String, candidates: [String])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot be read (\(reason))"
        case .unwritable(let path, let reason): return "\(path): cannot be written (\(reason))"
        case .empty: return "give the name of a speaker"
        case .notFollowed(let name): return "no followed speaker is named \"\(name)\" (see byline follows)"
        case .followedAmbiguously(let name, let candidates):
            return "\"\(name)\" could be any of the followed \(candidates.joined(separator: ", ")): give the full name"
        }
    }
}

/// The speakers a reader follows, `$XDG_CONFIG_HOME/byline/follows`: one name a line, as the
/// library names them after the speaker merge (`Ivo Daalder`, not the `Daalder` typed), `#`
/// comments and blank lines kept as the user left them. A plain file, like the list of feeds:
/// the user's to edit. Following and unfollowing change only their own lines and replace the
/// file atomically.
public struct FollowList: Sendable {
    public static let fileName = "follows"

    private var file: UserListFile<String>

    public var path: String { file.path }
    public var names: [String] { file.all }

    /// `$XDG_CONFIG_HOME/byline/follows` (else `~/.config/byline/follows`).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        FilePaths.joined(XDG.bylineFolder(.config, environment: environment), fileName)
    }

    /// The list at `path`; empty when the file does not exist yet.
    public static func load(path: String = defaultPath()) throws(FollowError) -> FollowList {
        do throws(UserListFile<String>.Failure) {
            return FollowList(path: path, text: try UserListFile<String>.text(at: path))
        } catch {
            throw .unreadable(path, reason: error.reason)
        }
    }

    init(path: String, text: String) {
        // A name listed twice is followed once (the second line stays, unread).
        var seen = Set<String>()
        file = UserListFile(path: path, text: text) { name, _ in seen.insert(NameKey(name).folded).inserted ? name : nil }
    }

    /// Whether `name` is followed (names compare folded: `ivo daalder` is `Ivo Daalder`).
    public func contains(_ name: String) -> Bool {
        let key = NameKey(name).folded
        return names.contains { NameKey($0).folded == key }
    }

    /// The followed names `name` designates: the one it folds to, else those `SpeakerQuery`
    /// matches (`Daalder` designates `Ivo Daalder`).
    public func followed(matching name: String) -> [String] {
        let key = NameKey(name).folded
        if let exact = names.first(where: { NameKey($0).folded == key }) { return [exact] }
        let query = SpeakerQuery(name)
        if query.isEmpty { return [] }
        return names.filter { query.matches(SpeakerKeys(name: $0, aliases: [], description: nil)) }
    }

    /// Follows `name` (at the end of the list). False when it is followed already.
    @discardableResult
    public mutating func add(_ name: String) -> Bool {
        if contains(name) { return false }
        file.append(name, as: name, header: Self.header)
        return true
    }

    /// Stops following the name `name` designates (`followed(matching:)`), removing only its
    /// line. Returns the name removed.
    @discardableResult
    public mutating func remove(_ name: String) throws(FollowError) -> String {
        let matches = followed(matching: name)
        guard let removed = matches.first else { throw .notFollowed(name) }
        if matches.count > 1 { throw .followedAmbiguously(name, candidates: matches) }
        return file.remove(at: names.firstIndex(of: removed)!)
    }

    /// Writes the list, replacing the file atomically.
    public func save() throws(FollowError) {
        do throws(UserListFile<String>.Failure) {
            try file.save()
        } catch {
            throw .unwritable(path, reason: error.reason)
        }
    }

    private static let header = [
        "# The speakers Byline follows, one a line, as the library names them.",
        "# `byline follow` and `unfollow` change only their own lines. Lines starting with # are comments.",
    ]
}

/// What the reader has seen of the speakers they follow, `$XDG_STATE_HOME/byline/follows.json`
/// (state, beside the reading positions): for each followed name, the quotations seen at the
/// last look, by a key that survives re-indexing (`key(of:)`). A quotation of a followed
/// speaker that is not among them is new. A damaged file is ignored with a warning: the next
/// look starts afresh.
public struct FollowState: Sendable, Equatable {
    public static let fileName = "follows.json"

    /// Followed name → keys of the quotations seen.
    public var seen: [String: Set<String>]

    public init(seen: [String: Set<String>] = [:]) {
        self.seen = seen
    }

    /// `$XDG_STATE_HOME/byline/follows.json` (else `~/.local/state/byline/follows.json`).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        FilePaths.joined(XDG.bylineFolder(.state, environment: environment), fileName)
    }

    /// A quotation's key: a hash of its article's key and its words, so it stays the same when
    /// the index is built again, and a quotation whose words change is new.
    public static func key(of quotation: LibraryQuotation) -> String {
        var hash = FNV1a()
        hash.combine(utf8: quotation.article.path)
        hash.combine(utf8: "\u{1F}")
        hash.combine(utf8: quotation.text)
        return String(hash.value, radix: 16)
    }

    /// Whether `name` was ever looked at (followed with `byline follow`, or listed).
    public func hasLooked(at name: String) -> Bool { seen[name] != nil }

    /// The quotations of `quotations` not seen for `name`.
    public func unseen(_ quotations: [LibraryQuotation], of name: String) -> [LibraryQuotation] {
        let known = seen[name] ?? []
        return quotations.filter { !known.contains(FollowState.key(of: $0)) }
    }

    public mutating func markSeen(_ quotations: [LibraryQuotation], of name: String) {
        seen[name, default: []].formUnion(quotations.map(FollowState.key(of:)))
    }

    private struct File: Codable {
        var version: Int
        var seen: [String: [String]]
    }

    /// The state at `path`: empty when the file is missing; empty, with a warning, when it is
    /// damaged.
    public static func load(path: String) -> (state: FollowState, warning: String?) {
        guard let data = FileManager.default.contents(atPath: path) else { return (FollowState(), nil) }
        guard let file = try? JSONDecoder().decode(File.self, from: data), file.version == 1 else {
            return (FollowState(), "\(path) is not a follow state file Byline can read; what you have seen starts afresh")
        }
        return (FollowState(seen: file.seen.mapValues(Set.init)), nil)
    }

    /// Writes the state, replacing the file atomically.
    public func save(path: String) throws(FollowError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            try FileManager.default.createDirectory(atPath: FilePaths.parent(of: path), withIntermediateDirectories: true)
            try encoder.encode(File(version: 1, seen: seen.mapValues { $0.sorted() }))
                .write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unwritable(path, reason: FileFailure.reason(error))
        }
    }
}

/// Who a name typed to follow stands for in the library.
public enum FollowResolution: Sendable, Equatable {
    /// One library speaker (its name is what is followed).
    case speaker(LibrarySpeaker)
    /// Several: the user must choose.
    case ambiguous([LibrarySpeaker])
    /// Nobody in the library.
    case unknown
}

extension LibraryIndex {
    /// Who `name` stands for, through the speaker merge: the named library speakers (people and
    /// organisations; an anonymous source cannot be followed) it matches (`SpeakerQuery`:
    /// `Daalder` is `Ivo Daalder`, `NATO` an alias). Speakers that share a name are one
    /// choice. When several remain, a full name typed chooses its speaker (`Joe Biden`, beside
    /// `Joe Biden Jr.`); a one-word name that is only the typed one (a `Biden` the merge could not
    /// place, between `Joe Biden` and `Hunter Biden`) is no choice beside fuller ones; the rest
    /// are ambiguous.
    public func resolveFollow(_ name: String) throws(LibraryIndexError) -> FollowResolution {
        var byName: [String: LibrarySpeaker] = [:]
        var order: [String] = []
        for speaker in try speakers(matching: name) where speaker.kind != .anonymous {
            let key = NameKey(speaker.name).folded
            if byName[key] == nil {
                order.append(key)
                byName[key] = speaker
            }
        }
        let typed = NameKey(name)
        if order.isEmpty { return .unknown }
        if order.count == 1 { return .speaker(byName[order[0]]!) }
        if typed.words.count > 1, let exact = byName[typed.folded] { return .speaker(exact) }
        let fuller = order.filter { $0 != typed.folded }
        if fuller.count == 1 { return .speaker(byName[fuller[0]]!) }
        return .ambiguous(fuller.map { byName[$0]! })
    }

    /// The quotations of a followed name: those of every named library speaker it matches, by
    /// article date.
    public func quotations(followed name: String) throws(LibraryIndexError) -> [LibraryQuotation] {
        try quotations(of: speakers(matching: name).filter { $0.kind != .anonymous }.map(\.id))
    }
}
