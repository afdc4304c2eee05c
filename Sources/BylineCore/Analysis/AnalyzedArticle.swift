/// An article with everything the analysis found in it. Pure data: the same text and
/// reference date always give the same result.
public struct AnalyzedArticle: Sendable {
    public let article: Article
    public let quotes: [Quote]
    public let speakers: [Speaker]
    public let timeExpressions: [TimeExpression]
    public let timeline: Timeline

    public init(article: Article, quotes: [Quote], speakers: [Speaker], timeExpressions: [TimeExpression], timeline: Timeline) {
        self.article = article
        self.quotes = quotes
        self.speakers = speakers
        self.timeExpressions = timeExpressions
        self.timeline = timeline
    }
}

/// The analysis pipeline: quotations and speakers, then time expressions and the timeline.
public enum Analyzer {
    public static func analyze(_ article: Article) -> AnalyzedArticle {
        let quotation = QuoteAnalyzer.analyze(article)
        let times = TimeTagger.tag(article)
        let timeline = TimelineBuilder.build(article: article, expressions: times, quotes: quotation.quotes)
        return AnalyzedArticle(article: article, quotes: quotation.quotes, speakers: quotation.speakers,
                               timeExpressions: times, timeline: timeline)
    }

    /// Quotations and speakers only, for what prints no time (`byline quotes`, `speakers`):
    /// the time expressions and the timeline are left empty. The quotations and speakers are
    /// those of `analyze`, which never reads the time.
    public static func analyzeQuotations(_ article: Article) -> AnalyzedArticle {
        let quotation = QuoteAnalyzer.analyze(article)
        return AnalyzedArticle(article: article, quotes: quotation.quotes, speakers: quotation.speakers,
                               timeExpressions: [], timeline: Timeline())
    }
}
