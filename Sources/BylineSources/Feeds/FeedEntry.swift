import BylineCore
import CLibXML2
import Foundation

/// One item or entry as the readers of the three feed formats find it, before it becomes an
/// `Article`.
struct FeedEntry {
    /// RSS `guid`, RSS 1.0 `rdf:about`, Atom or JSON Feed `id`.
    var id: String?
    /// Plain text.
    var title: String?
    /// Absolute when a base allowed it.
    var link: String?
    var authors: [String] = []
    var published: PublicationDate.Dated?
    var updated: PublicationDate.Dated?
    var language: String?
    /// The body's blocks of text, in order.
    var paragraphs: [String] = []
}

/// What a feed says about itself, and what its items inherit.
struct FeedChannel {
    /// Plain text: becomes each article's `site`.
    var title: String?
    var link: String?
    /// The fallback for items that name no author.
    var authors: [String] = []
    var language: String?
}

/// How a feed's text is marked up.
enum FeedMarkup {
    /// HTML, escaped or in CDATA (RSS descriptions, Atom `type="html"`, JSON Feed `content_html`).
    case html
    /// Plain text: `<` and `&` are characters (Atom `type="text"`, JSON Feed `content_text`).
    case text
    /// Said by no attribute (RSS titles and descriptions): HTML when it looks like HTML.
    case sniff
}

/// The text of titles and bodies, whatever their markup, through the one HTML-to-text step.
enum FeedText {
    /// A title as plain text: tags stripped, entities decoded, white space collapsed.
    static func title(_ raw: String, markup: FeedMarkup) -> String {
        let isHTML = markup == .html || markup == .sniff && looksLikeHTML(raw)
        guard isHTML else { return ArticleText.collapse(raw, keepingLineBreaks: false) }
        return title(fromBlocks: HTMLBlocks.blocks(fromFragment: raw))
    }

    static func title(fromBlocks blocks: [TextBlock]) -> String {
        ArticleText.collapse(blocks.map(\.text).joined(separator: " "), keepingLineBreaks: false)
    }

    /// A body's paragraphs: HTML through the HTML-to-text step, plain text split at blank lines.
    static func paragraphs(_ raw: String, markup: FeedMarkup) -> [String] {
        let isHTML = markup == .html || markup == .sniff && looksLikeHTML(raw)
        return isHTML ? HTMLBlocks.blocks(fromFragment: raw).map(\.text) : paragraphs(ofPlainText: raw)
    }

    /// Blocks of lines separated by blank lines; a single line break inside a block stays.
    static func paragraphs(ofPlainText text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current.removeAll()
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs
    }

    /// Whether text holds a tag (`<p`, `</b`, `<!--`) or an entity reference (`&amp;`,
    /// `&#8217;`): markup a feed escaped rather than text that mentions `<` or `&`.
    static func looksLikeHTML(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") {
            guard i + 1 < bytes.count else { return false }
            let next = bytes[i + 1]
            if byte == UInt8(ascii: "<") {
                if isASCIILetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") { return true }
                continue
            }
            // `&name;` or `&#digits;`, within a few bytes.
            var k = i + 1
            if next == UInt8(ascii: "#") { k += 1 }
            let start = k
            while k < bytes.count, k - start < 10, isASCIILetter(bytes[k]) || (bytes[k] >= 0x30 && bytes[k] <= 0x39) { k += 1 }
            if k > start, k < bytes.count, bytes[k] == UInt8(ascii: ";") { return true }
        }
        return false
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// A person as RSS writes them: `ann@example.com (Ann Lee)` and `Ann Lee <ann@example.com>`
    /// are Ann Lee; a bare address or a name stays as it is.
    static func person(_ raw: String) -> String? {
        let text = ArticleText.collapse(raw, keepingLineBreaks: false)
        if let open = text.firstIndex(of: "("), text.hasSuffix(")"), text[..<open].contains("@") {
            let name = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        if let open = text.firstIndex(of: "<"), text.hasSuffix(">"), text[open...].contains("@") {
            let name = text[..<open].trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"")))
            if !name.isEmpty { return name }
        }
        return text.isEmpty ? nil : text
    }
}

/// Feed entries made articles.
enum FeedArticles {
    /// One article per entry with a title or a body. An article's source is the feed's source,
    /// `#`, and the entry's id (its position, 1-based, when it has none or repeats one); the
    /// feed's warnings go on the first article only, so they are printed once.
    static func articles(_ entries: [FeedEntry], channel: FeedChannel, format: SourceFormat, source: String,
                         warnings: [String]) throws(ReadError) -> [Article] {
        var articles: [Article] = []
        articles.reserveCapacity(entries.count)
        var usedNames: Set<String> = []
        var skipped = 0
        var pendingWarnings = warnings
        for (index, entry) in entries.enumerated() {
            let title = entry.title ?? ""
            let text = ArticleText.compose(headline: title, paragraphs: entry.paragraphs)
            if text.isEmpty {
                skipped += 1
                continue
            }
            var name = "\(source)#\(entry.id ?? String(index + 1))"
            if !usedNames.insert(name).inserted {
                name = "\(source)#\(index + 1)"
                usedNames.insert(name)
            }
            let metadata = ArticleMetadata(
                format: format, title: title.isEmpty ? nil : title,
                authors: unique(entry.authors.isEmpty ? channel.authors : entry.authors),
                url: entry.link, site: channel.title, language: entry.language ?? channel.language,
                feedItemID: entry.id ?? entry.link, published: (entry.published ?? entry.updated)?.published)
            let date = (entry.published ?? entry.updated)?.date
            articles.append(Article(text: text, source: name, date: date, dateSource: date == nil ? nil : .metadata,
                                    warnings: pendingWarnings, metadata: metadata))
            pendingWarnings = []
        }
        if skipped > 0, !articles.isEmpty {
            articles[0].warnings.append("\(source): \(skipped) item(s) with neither a title nor text left out")
        }
        if articles.isEmpty {
            throw .notAnArticle(source, kind: entries.isEmpty ? "a feed with no items" : "a feed whose items have no text")
        }
        return articles
    }

    /// In order, without repeats or empty names.
    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

/// Links in feeds, which may be relative to a base.
enum FeedLinks {
    /// `href` resolved against each base in turn (RFC 3986, by libxml2) until it is absolute;
    /// a relative base (`xml:base="/blog/"`) is itself resolved by the bases after it.
    static func resolve(_ href: String, bases: [String]) -> String {
        var resolved = nonEmpty(href) ?? href
        for base in bases {
            if isAbsolute(resolved) { break }
            guard let built = xmlBuildURI(resolved, base) else { continue }
            resolved = String(cString: built)
            byline_xml_free(built)
        }
        return resolved
    }

    /// Whether `uri` starts with a scheme (`https:`, `tag:`, `urn:`).
    static func isAbsolute(_ uri: String) -> Bool {
        var sawLetter = false
        for scalar in uri.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z": sawLetter = true
            case "0"..."9", "+", "-", ".": if !sawLetter { return false }
            case ":": return sawLetter
            default: return false
            }
        }
        return false
    }

    /// `source` when it is an http(s) address (the last base for relative links).
    static func webAddress(_ source: String) -> String? {
        let lowered = source.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") ? source : nil
    }
}
