/// TIMEX3 types.
public enum TimexType: String, Codable, Sendable {
    case date = "DATE"
    case time = "TIME"
    case duration = "DURATION"
    case set = "SET"
}

/// TIMEX3 `mod` values, as the TimeML guidelines use them.
public enum TimexMod: String, Codable, Sendable {
    case start = "START", mid = "MID", end = "END"
    case before = "BEFORE", after = "AFTER", onOrBefore = "ON_OR_BEFORE", onOrAfter = "ON_OR_AFTER"
    case lessThan = "LESS_THAN", moreThan = "MORE_THAN", equalOrLess = "EQUAL_OR_LESS"
    case equalOrMore = "EQUAL_OR_MORE", approx = "APPROX"
}

/// One temporal expression with its TIMEX3 value.
public struct TimeExpression: Hashable, Codable, Sendable {
    public var span: TextSpan
    public var type: TimexType
    /// TIMEX3 value: `2011-12-31`, `2011-W48`, `2011-12-02TMO`, `P1M`, `PRESENT_REF`, `XXXX-12-31`.
    public var value: String
    public var mod: TimexMod?
    /// True when the value is a calendar position (not `XXXX`, not a duration or set).
    public var anchored: Bool
    /// True when the anchor was inferred from the text (no article date).
    public var inferred: Bool
    /// Index into `Article.sentences`.
    public var sentence: Int
    /// The named rule that found it (for `--explain`).
    public var rule: String

    public init(span: TextSpan, type: TimexType, value: String, mod: TimexMod? = nil, anchored: Bool,
                inferred: Bool = false, sentence: Int, rule: String) {
        self.span = span
        self.type = type
        self.value = value
        self.mod = mod
        self.anchored = anchored
        self.inferred = inferred
        self.sentence = sentence
        self.rule = rule
    }
}
