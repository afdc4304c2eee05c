import BylineCore

/// Atom 1.0 (RFC 4287), and Atom 0.3's differing names (`issued`, `modified`, `mode`).
enum AtomFeed {
    static func read(_ document: FeedXMLDocument, root: FeedNode) -> (FeedChannel, [FeedEntry]) {
        var channel = FeedChannel()
        for child in root.elements where document.vocabulary(of: child) == .atom {
            switch child.name {
            case "title": if channel.title == nil { channel.title = nonEmpty(title(of: child, document: document)) }
            case "link":
                if channel.link == nil, let href = alternateLink(child) { channel.link = document.resolve(href, at: child, fallback: nil) }
            case "author": if let name = personName(child, document: document) { channel.authors.append(name) }
            default: break
            }
        }
        channel.language = document.language(at: root)
        // Entries wherever a broken feed's recovery left them, too.
        let entryNodes = root.descendants(named: "entry", in: .atom, document: document)
        let entries = entryNodes.map { entry(from: $0, document: document, channel: channel) }
        return (channel, entries)
    }

    private static func entry(from node: FeedNode, document: FeedXMLDocument, channel: FeedChannel) -> FeedEntry {
        var entry = FeedEntry()
        var content: FeedNode?
        var summary: FeedNode?
        var linkRank = Int.max
        for child in node.elements where document.vocabulary(of: child) == .atom {
            switch child.name {
            case "id": if entry.id == nil { entry.id = nonEmpty(document.text(of: child)) }
            case "title": if entry.title == nil { entry.title = nonEmpty(title(of: child, document: document)) }
            case "link":
                // The alternate link, an HTML one before others.
                guard let href = alternateLink(child) else { break }
                let type = child.attribute("type")?.lowercased()
                let rank = type == nil || type == "text/html" || type == "application/xhtml+xml" ? 0 : 1
                if rank < linkRank {
                    linkRank = rank
                    entry.link = document.resolve(href, at: child, fallback: channel.link)
                }
            case "author": if let name = personName(child, document: document) { entry.authors.append(name) }
            case "published", "issued": if entry.published == nil { entry.published = PublicationDate.dated(document.text(of: child)) }
            case "updated", "modified": if entry.updated == nil { entry.updated = PublicationDate.dated(document.text(of: child)) }
            case "content": if content == nil { content = child }
            case "summary": if summary == nil { summary = child }
            default: break
            }
        }
        entry.language = document.language(at: node)
        for candidate in [content, summary].compactMap({ $0 }) {
            entry.paragraphs = paragraphs(of: candidate, document: document)
            if !entry.paragraphs.isEmpty { break }
        }
        return entry
    }

    /// The `href` of a link that is the page itself (`rel="alternate"`, or no `rel`).
    private static func alternateLink(_ link: FeedNode) -> String? {
        let rel = link.attribute("rel")?.trimmingCharacters(in: .whitespaces).lowercased() ?? "alternate"
        guard rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate" else { return nil }
        return link.attribute("href").flatMap(nonEmpty)
    }

    private static func personName(_ person: FeedNode, document: FeedXMLDocument) -> String? {
        let name = person.elements.first { $0.name == "name" && document.vocabulary(of: $0) == .atom }
        return name.flatMap { nonEmpty(ArticleText.collapse(document.text(of: $0), keepingLineBreaks: false)) }
    }

    /// What a text construct or a `content` element holds, by its `type` (and Atom 0.3's
    /// `mode`).
    private enum Construct {
        case text, html, xhtml
        /// Out of line (`src`), base64, or a media type that is not text.
        case none
    }

    private static func construct(of node: FeedNode) -> Construct {
        if node.attribute("src") != nil { return .none }
        switch node.attribute("mode")?.lowercased() {
        case "base64": return .none
        case "xml": return .xhtml
        default: break
        }
        let type = node.attribute("type")?.trimmingCharacters(in: .whitespaces).lowercased() ?? "text"
        switch type {
        case "text", "text/plain": return node.hasElementChildren ? .xhtml : .text
        case "html", "text/html": return .html
        case "xhtml", "application/xhtml+xml": return .xhtml
        default:
            if type.hasPrefix("text/") { return .text }
            // An XML media type holds elements; anything else is not for reading.
            return type.hasSuffix("+xml") || type.hasSuffix("/xml") ? .xhtml : .none
        }
    }

    private static func title(of node: FeedNode, document: FeedXMLDocument) -> String {
        switch construct(of: node) {
        case .xhtml: return FeedText.title(fromBlocks: HTMLBlocks.blocks(fromFragment: node.innerMarkup))
        case .html: return FeedText.title(document.text(of: node), markup: .html)
        case .text: return FeedText.title(document.text(of: node), markup: .text)
        case .none: return ""
        }
    }

    private static func paragraphs(of node: FeedNode, document: FeedXMLDocument) -> [String] {
        switch construct(of: node) {
        // The `<div>` that wraps XHTML content is a block like any other.
        case .xhtml: return HTMLBlocks.blocks(fromFragment: node.innerMarkup).map(\.text)
        case .html: return FeedText.paragraphs(document.text(of: node), markup: .html)
        case .text: return FeedText.paragraphs(document.text(of: node), markup: .text)
        case .none: return []
        }
    }
}
