import BylineCore
import Testing

@testable import BylineUI

/// A nested source in the reader: `According to X, Y said "…"` is X's quotation, and the
/// quotations pane says it came through Y.
@Suite struct NestedSourceViewTests {
    @Test func theQuotationsPaneNamesTheSpeakerAndTheInnerSource() throws {
        let article = Article(text: """
            Ferry service under review

            According to the Harbour Ledger, Mara Quist said the ferry was "too slow to save anyone."

            "The timetable stays as it is," said Tomas Reyl, the port manager.
            """, source: "fixtures/2024-05-02_ferry.txt", date: CivilDate(year: 2024, month: 5, day: 2), dateSource: .override)
        let analysis = Analyzer.analyze(article)
        try #require(analysis.quotes.count == 2)
        #expect(analysis.quotes[0].via == "Mara Quist")
        let h = Harness([analysis])
        let lines = h.text.split(separator: "\n")
        #expect(lines.contains { $0.contains("Harbour Ledger via Mara Quist") }, "\(h.text)")
        // A plain attribution names no one else.
        #expect(lines.contains { $0.contains("Tomas Reyl") } && !h.text.contains("Tomas Reyl via"))
    }
}
