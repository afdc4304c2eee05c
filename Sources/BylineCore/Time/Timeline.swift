/// One dated event on an article's timeline.
public struct TimelineEntry: Hashable, Codable, Sendable {
    /// Index into `AnalyzedArticle.timeExpressions`.
    public var expression: Int
    /// First and last day the expression covers (a week or a month shows its extent; see
    /// `TimelineBuilder` for modifiers). Entries sort by `TimelineOrderKey`, then text order.
    public var start: CivilDate
    public var end: CivilDate
    /// Index into `Article.sentences`.
    public var sentence: Int
    /// The quotation in that sentence, if any, and its speaker.
    public var quote: Int?
    public var speaker: Int?
    /// `BEFORE` / `ON_OR_BEFORE`: the entry reaches back without a known first day (`pre-2011`).
    public var openStart: Bool
    /// `AFTER` / `ON_OR_AFTER`: the entry runs on without a known last day (`post-2011`).
    public var openEnd: Bool

    public init(expression: Int, start: CivilDate, end: CivilDate, sentence: Int, quote: Int? = nil,
                speaker: Int? = nil, openStart: Bool = false, openEnd: Bool = false) {
        self.expression = expression
        self.start = start
        self.end = end
        self.sentence = sentence
        self.quote = quote
        self.speaker = speaker
        self.openStart = openStart
        self.openEnd = openEnd
    }
}

/// An article's anchored time expressions in chronological order.
public struct Timeline: Hashable, Codable, Sendable {
    public var entries: [TimelineEntry]
    /// Expressions that have no place on the calendar (durations, sets, unanchored), by index.
    public var unplaced: [Int]

    public init(entries: [TimelineEntry] = [], unplaced: [Int] = []) {
        self.entries = entries
        self.unplaced = unplaced
    }
}
