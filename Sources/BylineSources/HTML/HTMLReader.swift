import BylineCore
import Foundation

/// A web page as an article: its headline and the blocks of its body.
enum HTMLReader {
    static func read(_ data: Data, source: String, contentType: String?) throws(ReadError) -> Article {
        let charset = contentType.flatMap(SourceDetection.charset(ofContentType:))
        guard let document = HTMLDocument(data: data, encoding: charset, url: nil), let root = document.root else {
            throw .malformed(source, reason: "no HTML document could be built from it")
        }
        let title = document.first(.title, depth: 3).map { ArticleText.collapse($0.textContent, keepingLineBreaks: false) }
        let blocks = HTMLBlocks.blocks(of: document.body ?? root)
        let text = ArticleText.compose(headline: title ?? "", paragraphs: blocks.map(\.text))
        if text.isEmpty { throw .empty(source) }
        let metadata = ArticleMetadata(format: .html, title: title)
        return Article(text: text, source: source, metadata: metadata)
    }
}
