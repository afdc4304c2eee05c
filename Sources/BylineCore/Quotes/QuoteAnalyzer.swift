/// Finds quotations and attributes them to speakers.
public enum QuoteAnalyzer {
    public struct Result: Sendable {
        public var quotes: [Quote]
        public var speakers: [Speaker]
    }

    public static func analyze(_ article: Article) -> Result {
        // Placeholder until the quotation rules land (issue 2).
        Result(quotes: [], speakers: [])
    }
}
