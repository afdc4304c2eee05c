import BylineCore
import Foundation
import Testing

@testable import BylineSources

/// Inputs the fuzz target `fuzz-ingest` (Fuzz/, Scripts/fuzz.sh) found, minimized, each with
/// what went wrong. Every one must now be read, or refused with a message, at once.
@Suite struct IngestFuzzRegressionTests {
    /// A stray `}` inside a flow list of front matter read as an empty word again and again:
    /// the list grew until memory ran out.
    @Test func aStrayBraceInAFrontMatterListIsLeftOut() throws {
        let text = "---\nauthors: [a}]\n---\nBody.\n"
        let articles = try SourceReader.read(Data(text.utf8), source: "post.md")
        try #require(articles.count == 1)
        #expect(articles[0].metadata.authors == [])
        #expect(articles[0].warnings == ["post.md: front matter: `authors` on line 2 could not be read; left out"])
        #expect(articles[0].text == "Body.")
    }
}
