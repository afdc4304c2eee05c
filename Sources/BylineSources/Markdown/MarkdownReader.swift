import BylineCore
import Foundation

/// A Markdown file as an article: its front matter gives the title, date and authors; its body,
/// parsed by cmark-gfm, is reduced to the blocks a reader sees (`MarkdownBlocks`), written in
/// the one text shape. Offsets therefore refer to the reduced text, as for every other source.
enum MarkdownReader {
    static func read(_ data: Data, source: String) throws(ReadError) -> Article {
        // The same decoding as plain text: invalid UTF-8 repaired with a warning, NUL refused.
        let raw = try ArticleReader.decodeText(data, source: source)
        let (matter, body) = FrontMatter.split(raw.text, source: source)
        var blocks = MarkdownBlocks.blocks(of: String(body))
        // The headline: the front matter's title, else a heading that opens the text (else,
        // as in plain text, the first paragraph). A heading that repeats the title is dropped.
        var title = matter?.title
        if let first = blocks.first, case .heading = first.kind {
            if title == nil {
                title = first.text
                blocks.removeFirst()
            } else if sameWords(first.text, title!) {
                blocks.removeFirst()
            }
        }
        let text = ArticleText.compose(headline: title ?? "", paragraphs: blocks.map(\.text))
        if text.isEmpty { throw .empty(source) }
        let date = matter?.date
        let metadata = ArticleMetadata(format: .markdown, title: title.map { ArticleText.collapse($0, keepingLineBreaks: false) },
                                       authors: matter?.authors ?? [], published: matter?.published)
        return Article(text: text, source: source, date: date, dateSource: date == nil ? nil : .metadata,
                       warnings: raw.warnings + (matter?.warnings ?? []), metadata: metadata)
    }

    /// Equal ignoring case and white space.
    private static func sameWords(_ a: String, _ b: String) -> Bool {
        ArticleText.collapse(a, keepingLineBreaks: false).lowercased() == ArticleText.collapse(b, keepingLineBreaks: false).lowercased()
    }
}
