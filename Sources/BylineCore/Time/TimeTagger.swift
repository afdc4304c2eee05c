/// Finds temporal expressions and gives them TIMEX3 values.
public enum TimeTagger {
    public static func tag(_ article: Article) -> [TimeExpression] {
        // Placeholder until the time rules land (issue 3).
        []
    }
}

/// Orders anchored expressions on a timeline.
public enum TimelineBuilder {
    public static func build(article: Article, expressions: [TimeExpression], quotes: [Quote]) -> Timeline {
        Timeline(entries: [], unplaced: Array(expressions.indices))
    }
}
