import BylineCore
import Foundation

/// A web page read for its article: the headline, the body's blocks (the article alone, found
/// by `ArticleExtractor`), and what the page says about it (`PageMetadata`).
public struct WebPage: Sendable {
    public var headline: String
    public var blocks: [TextBlock]
    public var metadata: ArticleMetadata
    /// The publication date the page gives, if any.
    public var date: CivilDate?
    /// The character set the bytes were decoded from (a converter name such as `UTF-8` or
    /// `CP932`).
    public var charset: String
}

/// Web pages as articles: the character set chosen (`HTMLCharset`), the page parsed by libxml2,
/// measured in one walk (`PageTree`), its article found (`ArticleExtractor`) and its metadata
/// read (`PageMetadata`).
public enum HTMLReader {
    /// The article of a page read from `source` (a path, or the URL it was fetched from: a URL
    /// also serves as the page's address), served as `contentType` if it came over HTTP.
    /// `explain` receives the extractor's choices, pass by pass (development).
    public static func page(_ data: Data, source: String, contentType: String? = nil,
                            explain: ((String) -> Void)? = nil) throws(ReadError) -> WebPage {
        let parsed: (HTMLDocument, HTMLCharset)? = data.withUnsafeBytes { bytes in
            let charset = HTMLCharset.of(bytes, contentType: contentType)
            let content = UnsafeRawBufferPointer(rebasing: bytes[charset.byteOrderMarkLength...])
            // libxml2 is given valid UTF-8 only: read in place when the page is in it,
            // repaired when it claims it wrongly, converted (by iconv, which unlike libxml2's
            // converter goes on past a bad byte) from anything else.
            if charset.name == "UTF-8",
               charset.origin == .detected || HTMLCharset.isValidUTF8(content.bindMemory(to: UInt8.self)) {
                return HTMLDocument(utf8: content).map { ($0, charset) }
            }
            let converted = (charset.name == "UTF-8" ? nil : HTMLCharset.utf8(content, from: charset.name))
                ?? Array(String(decoding: content, as: UTF8.self).utf8)
            return converted.withUnsafeBytes { HTMLDocument(utf8: $0) }.map { ($0, charset) }
        }
        guard let (document, charset) = parsed, let root = document.root else {
            throw .malformed(source, reason: "no HTML document could be built from it")
        }
        let tree = PageTree(root: document.body ?? root)
        let address = source.hasPrefix("http://") || source.hasPrefix("https://") ? source : nil
        let found = PageMetadata(document: document, tree: tree, address: address)
        let blocks = ArticleExtractor(tree: tree, explain: explain).extract(headline: found.headline)
        let metadata = ArticleMetadata(format: .html, title: found.headline, authors: found.authors, url: found.url,
                                       site: found.site, language: found.language, published: found.published)
        return WebPage(headline: found.headline ?? "", blocks: blocks, metadata: metadata, date: found.date,
                       charset: charset.name)
    }

    /// The page as an article in the one text shape, dated by its own metadata.
    static func read(_ data: Data, source: String, contentType: String?) throws(ReadError) -> Article {
        // The page and its blocks are let go before the article is built: on a 20 MB page they
        // are as large as its text.
        let (text, date, metadata) = try { () throws(ReadError) -> (String, CivilDate?, ArticleMetadata) in
            let page = try page(data, source: source, contentType: contentType)
            return (ArticleText.compose(headline: page.headline, paragraphs: page.blocks.map(\.text)), page.date, page.metadata)
        }()
        if text.isEmpty { throw .notAnArticle(source, kind: "a web page with no text") }
        return Article(text: text, source: source, date: date, dateSource: date == nil ? nil : .metadata, metadata: metadata)
    }
}
