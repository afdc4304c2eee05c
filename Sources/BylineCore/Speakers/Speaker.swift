public enum SpeakerKind: String, Codable, Sendable {
    case person
    case organization
    /// An unnamed source: `a senior administration official`.
    case anonymous
}

/// One identity per article: `Ivo Daalder`, `Daalder` and the `he` that refers to him.
public struct Speaker: Hashable, Codable, Sendable {
    /// Position in the article's list of speakers, from 0.
    public var id: Int
    /// Canonical name: the fullest form of the name (`Ivo Daalder`); for an anonymous source,
    /// its description (`senior administration official`).
    public var name: String
    public var kind: SpeakerKind
    /// Title or appositive (`U.S. Ambassador to NATO`), if the article gives one.
    public var description: String?
    /// Other forms of the name met in the article (`Daalder`).
    public var aliases: [String]
    /// Every mention (names, descriptions, resolved pronouns), in article order.
    public var mentions: [TextSpan]
    /// Ids of the quotations attributed to this speaker, in article order.
    public var quotes: [Int]

    public init(id: Int, name: String, kind: SpeakerKind, description: String? = nil, aliases: [String] = [],
                mentions: [TextSpan] = [], quotes: [Int] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.description = description
        self.aliases = aliases
        self.mentions = mentions
        self.quotes = quotes
    }
}
