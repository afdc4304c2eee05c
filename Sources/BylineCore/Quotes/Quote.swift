/// Kinds of quotation.
public enum QuoteKind: String, Codable, Sendable {
    /// Whole sentences or clauses in the speaker's words.
    case direct
    /// A quoted fragment inside reported speech: `called the deal "a disaster"`.
    case partial
}

/// One quotation in an article.
public struct Quote: Hashable, Codable, Sendable {
    /// Position in the article's list of quotations (article order), from 0.
    public var id: Int
    /// The quotation including its marks; for a multi-paragraph quotation, from the first
    /// opening mark to the last closing mark (or the end of its last paragraph if unclosed).
    public var span: TextSpan
    /// The quoted words without their marks, one span per paragraph.
    public var parts: [TextSpan]
    public var kind: QuoteKind
    /// Index into the article's `speakers`, or nil when no speaker was found.
    public var speaker: Int?
    /// The mention that attributes this quotation (a name, a description, or a pronoun).
    public var speakerMention: TextSpan?
    /// The verb or phrase that introduces it (`said`, `told`, `according to`, `:`).
    public var cue: String?
    /// The named rule that found the quotation (for `--explain`).
    public var detectionRule: String
    /// The named rule that attributed it, if any: a rule name only (`RuleNames.swift`).
    public var attributionRule: String?
    /// Where the speaker ranker overrode the rules: what it chose over and the features that
    /// decided (`ranked over none by before=6-10, …`, for `--explain`); nil where the rules held.
    public var attributionRanking: String?
    /// A nested source: in `According to X, Y said "…"` the speaker is X and `via` names Y
    /// (its fullest name, or the description or pronoun as written when it has none).
    public var via: String?

    public init(id: Int, span: TextSpan, parts: [TextSpan], kind: QuoteKind, speaker: Int? = nil,
                speakerMention: TextSpan? = nil, cue: String? = nil, detectionRule: String,
                attributionRule: String? = nil, attributionRanking: String? = nil, via: String? = nil) {
        self.id = id
        self.span = span
        self.parts = parts
        self.kind = kind
        self.speaker = speaker
        self.speakerMention = speakerMention
        self.cue = cue
        self.detectionRule = detectionRule
        self.attributionRule = attributionRule
        self.attributionRanking = attributionRanking
        self.via = via
    }
}
