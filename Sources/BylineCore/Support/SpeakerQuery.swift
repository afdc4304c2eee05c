/// A speaker's names folded once (`NameKey`), for matching with `SpeakerQuery`.
public struct SpeakerKeys: Hashable, Sendable {
    /// The name, then the aliases.
    public let names: [NameKey]
    public let description: NameKey?

    public init(name: String, aliases: [String], description: String?) {
        names = ([name] + aliases).map(NameKey.init)
        self.description = description.map(NameKey.init)
    }

    public init(_ speaker: Speaker) { self.init(name: speaker.name, aliases: speaker.aliases, description: speaker.description) }

    /// Every word of the names and the description (what the picker narrows on).
    public var allWords: [String] { names.flatMap(\.words) + (description?.words ?? []) }
}

/// Which speakers a user means: the one matcher behind `--speaker Daalder`, the index's speaker
/// search and the reader's filter and picker. Case, diacritics and punctuation do not count
/// (`NameFolding`).
public struct SpeakerQuery: Sendable {
    public let raw: String
    /// Other names of the speaker asked for (a library speaker chosen in the reader's picker).
    public let aliases: [String]
    private let key: NameKey
    private let aliasKeys: Set<String>

    public init(_ raw: String, aliases: [String]) {
        self.raw = raw
        self.aliases = aliases
        key = NameKey(raw)
        aliasKeys = Set(aliases.map { NameKey($0).folded })
    }

    /// What a user typed (`--speaker Daalder`).
    public init(_ raw: String) { self.init(raw, aliases: []) }

    public var isEmpty: Bool { key.words.isEmpty }

    /// A speaker matches when one of its names folds to the query, or holds every word of the
    /// query among its words; when its description folds to the query; or when its name is one
    /// of the query's aliases. An empty query matches everyone.
    public func matches(_ keys: SpeakerKeys) -> Bool {
        if key.words.isEmpty { return true }
        for name in keys.names {
            if name.folded == key.folded { return true }
            if key.words.allSatisfy(name.words.contains) { return true }
        }
        if let description = keys.description, description.folded == key.folded { return true }
        if let name = keys.names.first, aliasKeys.contains(name.folded) { return true }
        return false
    }

    public func matches(_ speaker: Speaker) -> Bool { matches(SpeakerKeys(speaker)) }

    /// Narrowing as the user types: every word of the query starts one of `words` (a speaker's
    /// `SpeakerKeys.allWords`).
    public func prefixMatches(words: [String]) -> Bool {
        key.words.allSatisfy { typed in words.contains { $0.hasPrefix(typed) } }
    }

    public func prefixMatches(_ speaker: Speaker) -> Bool { prefixMatches(words: SpeakerKeys(speaker).allWords) }
}
