@testable import BylineCore

/// Tags a one-paragraph article (under a headline) dated `date`, for the time tests.
enum TimeFixture {
    static func article(_ body: String, date: String? = "2011-12-02") -> Article {
        Article(text: "Headline\n\n" + body, source: "fixture", date: date.flatMap(CivilDate.init(iso:)))
    }

    static func tag(_ body: String, date: String? = "2011-12-02") -> [(text: String, expression: TimeExpression)] {
        let a = article(body, date: date)
        return TimeTagger.tag(a).map { (a.string($0.span), $0) }
    }

    /// The expression whose text is exactly `phrase`.
    static func find(_ phrase: String, in body: String, date: String? = "2011-12-02") -> TimeExpression? {
        tag(body, date: date).first { $0.text == phrase }?.expression
    }

    /// `text=value` for every expression, in text order.
    static func summary(_ body: String, date: String? = "2011-12-02") -> [String] {
        tag(body, date: date).map { "\($0.text)=\($0.expression.value)" }
    }
}
