import BylineCore
import Foundation

/// RSS 0.9x, 1.0 and 2.0, Atom 1.0 and JSON Feed 1.1 read into articles, one per item: its
/// title as the headline, its body through the HTML-to-text step, taken whole (an item's body
/// is the article, never scored as boilerplate), its link, authors and date as metadata.
enum FeedReader {
    static func read(_ data: Data, source: String, format: SourceFormat, contentType: String?) throws(ReadError) -> [Article] {
        if format == .jsonfeed {
            let (channel, entries) = try JSONFeed.read(data, source: source)
            return try FeedArticles.articles(entries, channel: channel, format: .jsonfeed, source: source, warnings: [])
        }
        // The tree is freed before the articles are made: only the entries' strings are kept.
        let (channel, entries, kind, warnings) = try readXML(data, source: source, contentType: contentType)
        return try FeedArticles.articles(entries, channel: channel, format: kind, source: source, warnings: warnings)
    }

    private static func readXML(_ data: Data, source: String, contentType: String?) throws(ReadError)
        -> (FeedChannel, [FeedEntry], SourceFormat, [String])
    {
        let document = try FeedXMLDocument(data: data, source: source, contentType: contentType)
        guard let root = document.root else { throw .malformed(source, reason: "no XML element in it") }
        let kind: SourceFormat
        let channel: FeedChannel
        let entries: [FeedEntry]
        switch (root.name, document.vocabulary(of: root)) {
        case ("rss", _), ("RDF", .rdf):
            kind = .rss
            (channel, entries) = RSSFeed.read(document, root: root)
        case ("feed", .atom):
            kind = .atom
            (channel, entries) = AtomFeed.read(document, root: root)
        default:
            let problem = document.warnings.first.map { " (\($0))" } ?? ""
            throw .malformed(source, reason: "its root element is <\(root.name)>, not <rss>, <rdf:RDF> or an Atom <feed>\(problem)")
        }
        return (channel, entries, kind, document.warnings)
    }
}
