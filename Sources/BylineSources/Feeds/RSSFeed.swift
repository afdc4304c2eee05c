import BylineCore

/// RSS 0.9x and 2.0 (`<rss><channel><item>`), and RSS 1.0 and 0.90, which are RDF
/// (`<rdf:RDF><channel/><item/>`, items beside the channel), with the Dublin Core and
/// `content:encoded` elements feeds add.
enum RSSFeed {
    static func read(_ document: FeedXMLDocument, root: FeedNode) -> (FeedChannel, [FeedEntry]) {
        let rootChildren = root.elements
        let channelNode = rootChildren.first { $0.name == "channel" && document.vocabulary(of: $0) == .rss }
        var channel = FeedChannel()
        if let channelNode {
            for child in channelNode.elements {
                switch (document.vocabulary(of: child), child.name) {
                case (.rss, "title"), (.dublinCore, "title"):
                    if channel.title == nil { channel.title = nonEmpty(FeedText.title(document.text(of: child), markup: .sniff)) }
                case (.rss, "link"):
                    if channel.link == nil, let link = nonEmpty(document.text(of: child)) {
                        channel.link = document.resolve(link, at: child, fallback: nil)
                    }
                case (.rss, "language"), (.dublinCore, "language"):
                    if channel.language == nil { channel.language = nonEmpty(document.text(of: child)) }
                case (.dublinCore, "creator"), (.rss, "author"):
                    if let person = FeedText.person(document.text(of: child)) { channel.authors.append(person) }
                default: break
                }
            }
        }
        // In the channel (RSS 0.9x, 2.0) or beside it (RSS 1.0, 0.90), or wherever a broken
        // feed's recovery left them.
        let itemNodes = root.descendants(named: "item", in: .rss, document: document)
        let entries = itemNodes.map { entry(from: $0, document: document, channel: channel) }
        return (channel, entries)
    }

    private static func entry(from item: FeedNode, document: FeedXMLDocument, channel: FeedChannel) -> FeedEntry {
        var entry = FeedEntry()
        var content: FeedNode?
        var description: FeedNode?
        var permalinkGUID: String?
        for child in item.elements {
            switch (document.vocabulary(of: child), child.name) {
            case (.rss, "title"), (.dublinCore, "title"):
                if entry.title == nil { entry.title = nonEmpty(title(of: child, document: document)) }
            case (.rss, "link"):
                if entry.link == nil, let link = nonEmpty(document.text(of: child)) {
                    entry.link = document.resolve(link, at: child, fallback: channel.link)
                }
            case (.atom, "link"):
                let rel = child.attribute("rel") ?? "alternate"
                if entry.link == nil, rel == "alternate", let href = child.attribute("href").flatMap(nonEmpty) {
                    entry.link = document.resolve(href, at: child, fallback: channel.link)
                }
            case (.rss, "guid"):
                guard entry.id == nil, let guid = nonEmpty(document.text(of: child)) else { break }
                entry.id = guid
                // A guid is the item's permalink unless it says otherwise.
                if child.attribute("isPermaLink")?.lowercased() != "false", FeedLinks.isAbsolute(guid) {
                    permalinkGUID = guid
                }
            case (.rss, "author"), (.dublinCore, "creator"):
                if let person = FeedText.person(document.text(of: child)) { entry.authors.append(person) }
            case (.rss, "pubDate"), (.dublinCore, "date"), (.dublinCoreTerms, "issued"), (.dublinCoreTerms, "created"),
                 (.atom, "published"):
                if entry.published == nil { entry.published = PublicationDate.dated(document.text(of: child)) }
            case (.dublinCoreTerms, "modified"), (.atom, "updated"):
                if entry.updated == nil { entry.updated = PublicationDate.dated(document.text(of: child)) }
            case (.content, "encoded"):
                if content == nil { content = child }
            case (.rss, "description"), (.dublinCore, "description"):
                if description == nil { description = child }
            case (.dublinCore, "language"):
                if entry.language == nil { entry.language = nonEmpty(document.text(of: child)) }
            default: break
            }
        }
        if entry.id == nil { entry.id = item.attribute("about", namespace: rdfNamespace).flatMap(nonEmpty) }
        if entry.link == nil, let permalinkGUID { entry.link = permalinkGUID }
        // The fullest body there is: content:encoded, else the description.
        for node in [content, description].compactMap({ $0 }) {
            entry.paragraphs = paragraphs(of: node, document: document)
            if !entry.paragraphs.isEmpty { break }
        }
        return entry
    }

    static let rdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    /// A title: escaped HTML or plain text; markup left unescaped in it is read as HTML.
    private static func title(of node: FeedNode, document: FeedXMLDocument) -> String {
        if node.hasElementChildren { return FeedText.title(fromBlocks: HTMLBlocks.blocks(fromFragment: node.innerMarkup)) }
        return FeedText.title(document.text(of: node), markup: .sniff)
    }

    /// A body: escaped HTML or plain text; markup left unescaped in it is read as HTML.
    private static func paragraphs(of node: FeedNode, document: FeedXMLDocument) -> [String] {
        if node.hasElementChildren { return HTMLBlocks.blocks(fromFragment: node.innerMarkup).map(\.text) }
        return FeedText.paragraphs(document.text(of: node), markup: .sniff)
    }
}

/// Trimmed of white space, and nil when nothing is left. (Called for every field of every
/// item: a scalar walk, not Foundation's bridged `trimmingCharacters`, which took a tenth of
/// the time reading a large feed.)
func nonEmpty(_ text: String) -> String? {
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
    while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
    if start == end { return nil }
    return start == scalars.startIndex && end == scalars.endIndex ? text : String(scalars[start..<end])
}
