import BylineCore
import CLibXML2
import Foundation

/// OPML, the file every feed reader imports and exports: `<outline xmlUrl="…" text="…"/>`
/// elements, possibly nested in folders, in `<opml><body>`.
public enum OPML {
    /// The feeds an OPML document lists, in document order, and what was skipped (outlines
    /// whose address is not http or https). Parsed by libxml2 with no network access and no
    /// external entities.
    public static func subscriptions(in data: Data, source: String) throws(SubscriptionError)
        -> (subscriptions: [Subscription], skipped: [String])
    {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue)
        guard !data.isEmpty else { throw .notOPML(source, reason: "the file is empty") }
        guard data.count <= Int(Int32.max),
              let document = data.withUnsafeBytes({ bytes in
                  xmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil, nil, options)
              })
        else { throw .notOPML(source, reason: "it is not well-formed XML") }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw .notOPML(source, reason: "it has no root element") }
        let rootName = name(of: root)
        guard rootName.lowercased() == "opml" else { throw .notOPML(source, reason: "its root element is <\(rootName)>") }
        var found: [Subscription] = []
        var skipped: [String] = []
        // Depth first, in document order, without recursion (folders may nest deeply).
        var stack: [xmlNodePtr] = [root]
        while let node = stack.popLast() {
            if name(of: node) == "outline",
               let address = attribute(node, "xmlUrl") ?? attribute(node, "xmlURL") ?? attribute(node, "xmlurl") {
                let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
                do throws(FetchError) {
                    _ = try WebAddress.url(trimmed)
                    let title = attribute(node, "title") ?? attribute(node, "text")
                    found.append(Subscription(url: trimmed, name: title.map { ArticleText.collapse($0, keepingLineBreaks: false) }))
                } catch {
                    skipped.append("\(trimmed): \(error.description)")
                }
            }
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { children.append(current) }
                child = current.pointee.next
            }
            stack.append(contentsOf: children.reversed())
        }
        return (found, skipped)
    }

    /// An OPML 2.0 document listing `feeds`; each outline's `text` and `title` are the feed's
    /// name, else its title as last read, else its address.
    public static func document(for feeds: [(subscription: Subscription, title: String?)], created: Date = Date()) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<opml version=\"2.0\">",
            "  <head>",
            "    <title>Byline feeds</title>",
            "    <dateCreated>\(rfc822(created))</dateCreated>",
            "  </head>",
            "  <body>",
        ]
        for (subscription, title) in feeds {
            let text = escape(subscription.name ?? title ?? subscription.url)
            lines.append("    <outline type=\"rss\" text=\"\(text)\" title=\"\(text)\" xmlUrl=\"\(escape(subscription.url))\"/>")
        }
        lines += ["  </body>", "</opml>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text for an attribute value: markup characters as entities, and the control characters
    /// XML 1.0 cannot hold left out (tabs and newlines become spaces).
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { byline_xml_free(value) }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
