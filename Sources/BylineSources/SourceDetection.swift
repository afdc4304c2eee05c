import BylineCore
import Foundation

/// What a document is, told from its content first: a feed saved as `.xml` or with no extension
/// is a feed, a page served as `text/plain` but holding `<html>` is a page. The name's extension
/// and the HTTP `Content-Type` decide only what the content leaves open (Markdown or plain text).
public enum SourceDetection {
    /// The kind of `data` (already decompressed), or an error for content that holds no article.
    public static func format(of data: Data, name: String, contentType: String? = nil) throws(ReadError) -> SourceFormat {
        let mime = contentType.map(mediaType)
        if let refused = refusedKind(data, mime: mime) { throw .notAnArticle(name, kind: refused) }
        let head = sniffingHead(data)
        var i = 0
        // A BOM, then white space.
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < head.count, head[i] == 0x20 || head[i] == 0x09 || head[i] == 0x0A || head[i] == 0x0D { i += 1 }
        if i < head.count, head[i] == UInt8(ascii: "<") {
            switch markupKind(head, from: i) {
            case .format(let format): return format
            case .otherXML(let root): throw .notAnArticle(name, kind: "an XML document (<\(root)>), not a feed or a page")
            case .undecided: break
            }
        }
        if i < head.count, head[i] == UInt8(ascii: "{") {
            if isJSONFeed(data) { return .jsonfeed }
            throw .notAnArticle(name, kind: "a JSON file that is not a JSON Feed")
        }
        // UTF-16 (a BOM, or ASCII with every other byte zero) holds no markup we could sniff
        // byte-wise: markup is decided by the name and type below.
        switch mime {
        case "text/html", "application/xhtml+xml": return .html
        case "application/rss+xml": return .rss
        case "application/atom+xml": return .atom
        case "application/feed+json": return .jsonfeed
        case "text/markdown", "text/x-markdown": return .markdown
        default: break
        }
        let ext = FilePaths.fileExtension(of: FilePaths.name(of: stripFragmentAndQuery(name)))
        switch ext {
        case "md", "markdown", "mdown", "mkd", "mkdn": return .markdown
        case "html", "htm", "xhtml": return .html
        default: break
        }
        if hasFrontMatter(head, from: i) { return .markdown }
        return .text
    }

    /// The first bytes of `data` to sniff. UTF-16 (a BOM, or `<` beside a NUL byte) is
    /// narrowed to its ASCII characters (others become `?`), so a feed or a page saved as
    /// UTF-16 is told by its markup like any other.
    private static func sniffingHead(_ data: Data) -> [UInt8] {
        let bytes = data.prefix(8192).withUnsafeBytes { [UInt8]($0) }
        var littleEndian: Bool?
        var start = 0
        if bytes.starts(with: [0xFF, 0xFE]) {
            (littleEndian, start) = (true, 2)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            (littleEndian, start) = (false, 2)
        } else if bytes.count >= 2, bytes[0] == 0x3C || bytes[1] == 0x3C, bytes[0] == 0 || bytes[1] == 0 {
            littleEndian = bytes[1] == 0
        }
        guard let littleEndian else { return Array(bytes.prefix(4096)) }
        var narrow: [UInt8] = []
        var i = start
        while i + 1 < bytes.count, narrow.count < 4096 {
            let (low, high) = littleEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            narrow.append(high == 0 && low < 0x80 ? low : UInt8(ascii: "?"))
            i += 2
        }
        return narrow
    }

    /// `text/html; charset=utf-8` → `text/html`.
    static func mediaType(_ contentType: String) -> String {
        let type = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? contentType
        return type.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The `charset` parameter of a `Content-Type`, if any.
    public static func charset(ofContentType contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    private static func stripFragmentAndQuery(_ name: String) -> String {
        var end = name.endIndex
        if let hash = name.firstIndex(of: "#") { end = hash }
        if let query = name[..<end].firstIndex(of: "?") { end = query }
        return String(name[..<end])
    }

    /// Documents people link to that are not articles: said by name rather than read as text.
    private static func refusedKind(_ data: Data, mime: String?) -> String? {
        let magic: [([UInt8], String)] = [
            (Array("%PDF".utf8), "a PDF document"),
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            (Array("GIF8".utf8), "a GIF image"),
            (Array("PK\u{03}\u{04}".utf8), "a ZIP archive"),
        ]
        for (bytes, kind) in magic where data.starts(with: bytes) { return kind }
        if data.count >= 12, data.starts(with: Array("RIFF".utf8)), data[data.startIndex + 8..<data.startIndex + 12].elementsEqual("WEBP".utf8) {
            return "a WebP image"
        }
        return mime.flatMap(refusedKind(mediaType:))
    }

    /// What a `Content-Type` (as `mediaType` gives it) says a document is when it holds no
    /// article: a fetch can stop at the response's header.
    static func refusedKind(mediaType mime: String) -> String? {
        if mime == "application/pdf" { return "a PDF document" }
        for prefix in ["image/", "video/", "audio/", "font/"] where mime.hasPrefix(prefix) {
            return "\(prefix == "image/" ? "an" : "a") \(prefix.dropLast()) (\(mime))"
        }
        return nil
    }

    private enum Markup {
        case format(SourceFormat)
        /// XML whose root is neither a feed nor a page (a sitemap, an SVG).
        case otherXML(String)
        /// Nothing conclusive in the first kilobytes.
        case undecided
    }

    /// Feeds and pages by their first element (after the XML declaration, comments, processing
    /// instructions and a doctype).
    private static func markupKind(_ head: [UInt8], from start: Int) -> Markup {
        var i = start
        var sawXMLDeclaration = false
        while i < head.count {
            guard head[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            let rest = head[(i + 1)...]
            if rest.starts(with: Array("?xml".utf8)) { sawXMLDeclaration = true }
            if rest.first == UInt8(ascii: "?") || rest.first == UInt8(ascii: "!") {
                if rest.starts(with: Array("!DOCTYPE".utf8)) || rest.starts(with: Array("!doctype".utf8)) {
                    let doctype = String(decoding: rest.prefix(200), as: UTF8.self).lowercased()
                    if doctype.hasPrefix("!doctype html") { return .format(.html) }
                    if doctype.hasPrefix("!doctype rss") { return .format(.rss) }
                }
                // Skip to the end of the comment, declaration or instruction.
                let isComment = rest.starts(with: Array("!--".utf8))
                var j = i + 1
                while j < head.count {
                    if head[j] == UInt8(ascii: ">") && (!isComment || (j >= 2 && head[j - 1] == 0x2D && head[j - 2] == 0x2D)) { break }
                    j += 1
                }
                i = j + 1
                continue
            }
            // An element: its name, with any namespace prefix.
            var j = i + 1
            while j < head.count, !(head[j] == 0x20 || head[j] == 0x09 || head[j] == 0x0A || head[j] == 0x0D
                                    || head[j] == UInt8(ascii: ">") || head[j] == UInt8(ascii: "/")) { j += 1 }
            let name = String(decoding: head[(i + 1)..<j], as: UTF8.self).lowercased()
            let local = name.split(separator: ":").last.map(String.init) ?? name
            switch local {
            case "rss", "rdf": return .format(.rss)
            case "feed": return .format(.atom)
            case "html": return .format(.html)
            default:
                // A page without <html> still starts with markup a browser shows; an XML
                // document with another root is something else.
                if sawXMLDeclaration && !htmlElementNames.contains(local) { return .otherXML(name) }
                return .format(.html)
            }
        }
        return .undecided
    }

    private static let htmlElementNames: Set<String> = [
        "head", "body", "meta", "title", "link", "div", "p", "article", "main", "section", "header", "h1", "h2", "script",
        "style", "span", "table", "ul", "ol", "a", "br", "img", "base",
    ]

    /// A JSON object whose `version` names jsonfeed.org.
    private static func isJSONFeed(_ data: Data) -> Bool {
        // Cheap first: `"version": "https://jsonfeed.org/version/…"` is near the top of every
        // feed writers produce. Parsing a whole 45 MB feed here only to parse it again when
        // reading cost 0.7 s and 350 MB at its peak.
        if declaresJSONFeedVersion(data.prefix(4096).withUnsafeBytes { [UInt8]($0) }) { return true }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let version = object["version"] as? String
        else { return false }
        return version.contains("jsonfeed.org/version/")
    }

    /// Whether `head` holds the key `"version"` with a jsonfeed.org version URL for its value.
    private static func declaresJSONFeedVersion(_ head: [UInt8]) -> Bool {
        let key = Array("\"version\"".utf8)
        var i = 0
        while i + key.count <= head.count {
            defer { i += 1 }
            guard head[i] == key[0], head[i..<(i + key.count)].elementsEqual(key) else { continue }
            var j = i + key.count
            while j < head.count, head[j] == 0x20 || head[j] == 0x09 || head[j] == 0x0A || head[j] == 0x0D { j += 1 }
            guard j < head.count, head[j] == UInt8(ascii: ":") else { continue }
            j += 1
            while j < head.count, head[j] == 0x20 || head[j] == 0x09 || head[j] == 0x0A || head[j] == 0x0D { j += 1 }
            guard j < head.count, head[j] == UInt8(ascii: "\"") else { continue }
            // The value, up to its closing quote (escaped slashes, `\/`, as some writers emit).
            var value: [UInt8] = []
            j += 1
            while j < head.count, head[j] != UInt8(ascii: "\""), value.count < 100 {
                if head[j] != UInt8(ascii: "\\") { value.append(head[j]) }
                j += 1
            }
            if String(decoding: value, as: UTF8.self).contains("jsonfeed.org/version/") { return true }
        }
        return false
    }

    /// `---` (YAML) or `+++` (TOML) on the first line: front matter, as Markdown sites write.
    private static func hasFrontMatter(_ head: [UInt8], from start: Int) -> Bool {
        for fence in ["---", "+++"] {
            let bytes = Array(fence.utf8)
            guard head.count >= start + 4, Array(head[start..<start + 3]) == bytes else { continue }
            let after = head[start + 3]
            if after == 0x0A || after == 0x0D { return true }
        }
        return false
    }
}
