import CLibXML2
import Foundation

/// A web page parsed by libxml2's HTML parser (the parser lxml wraps): forgiving of broken
/// markup, decoding entities, never touching the network. The tree is libxml2's own; `HTMLNode`
/// reads it in place without copying.
///
/// Not Sendable: a document is parsed, read and freed by one thread.
final class HTMLDocument {
    let pointer: htmlDocPtr

    /// Parses `bytes` in the character set `encoding` (a converter name such as `WINDOWS-1252`,
    /// see `HTMLCharset`; a `<meta charset>` inside is then ignored: the caller has weighed it
    /// already); nil lets libxml2 take it from a BOM or `<meta charset>`, else assume its
    /// default. Returns nil only when libxml2 builds no tree at all.
    init?(bytes: UnsafeRawBufferPointer, encoding: String?, url: String? = nil) {
        var options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NODEFDTD.rawValue
        if encoding != nil { options |= HTML_PARSE_IGNORE_ENC.rawValue }
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count > 0,
              bytes.count <= Int(Int32.max)
        else { return nil }
        let document = htmlReadMemory(base, Int32(bytes.count), url, encoding, Int32(options))
        guard let document else { return nil }
        pointer = document
    }

    convenience init?(data: Data, encoding: String?, url: String? = nil) {
        let parsed: HTMLDocument?? = data.withUnsafeBytes { HTMLDocument(bytes: $0, encoding: encoding, url: url) }
        guard let parsed, let parsed else { return nil }
        self.init(taking: parsed)
    }

    /// An HTML fragment (a feed item's body): parsed as the body of a page.
    convenience init?(fragment: String) {
        var text = fragment
        let parsed: HTMLDocument? = text.withUTF8 { HTMLDocument(bytes: UnsafeRawBufferPointer($0), encoding: "UTF-8") }
        guard let parsed else { return nil }
        self.init(taking: parsed)
    }

    /// Moves the tree out of `other`, which is left owning nothing.
    private init(taking other: HTMLDocument) {
        pointer = other.pointer
        other.released = true
    }

    private var released = false

    deinit {
        if !released { xmlFreeDoc(pointer) }
    }

    /// The `<html>` element (or whatever libxml2 made the root).
    var root: HTMLNode? { xmlDocGetRootElement(pointer).map(HTMLNode.init) }

    /// The first element named `name` in document order, at most `depth` levels down.
    func first(_ name: HTMLTag, depth: Int = 3) -> HTMLNode? {
        guard let root else { return nil }
        if root.tag == name { return root }
        return root.firstDescendant(name, depth: depth)
    }

    var head: HTMLNode? { first(.head) }
    var body: HTMLNode? { first(.body) }
}

/// One node of a parsed page, read in place.
struct HTMLNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) {
        self.pointer = pointer
    }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's tag (`.other` for unknown names and for non-elements).
    var tag: HTMLTag { isElement ? HTMLTag(name: pointer.pointee.name) : .other }

    /// The element's name, lowercased by the parser.
    var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

    var firstChild: HTMLNode? { pointer.pointee.children.map(HTMLNode.init) }
    var next: HTMLNode? { pointer.pointee.next.map(HTMLNode.init) }
    var parent: HTMLNode? { pointer.pointee.parent.map(HTMLNode.init) }

    /// The children in order.
    var children: HTMLChildren { HTMLChildren(first: pointer.pointee.children) }

    /// A text node's bytes (UTF-8, entities decoded), without copying.
    var textBytes: UnsafeBufferPointer<UInt8>? {
        guard isText, let content = pointer.pointee.content else { return nil }
        return UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)))
    }

    /// The value of attribute `name` (lowercase), if present.
    func attribute(_ name: String) -> String? {
        guard isElement else { return nil }
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { byline_xml_free(value) }
        return String(cString: value)
    }

    /// Whether the element has attribute `name`, without copying its value.
    func hasAttribute(_ name: String) -> Bool {
        guard isElement else { return false }
        return xmlHasProp(pointer, name) != nil
    }

    /// All the text below this node, entities decoded, white space as in the source.
    var textContent: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { byline_xml_free(content) }
        return String(cString: content)
    }

    /// The first descendant element named `name`, at most `depth` levels down.
    func firstDescendant(_ name: HTMLTag, depth: Int = .max) -> HTMLNode? {
        guard depth > 0 else { return nil }
        for child in children where child.isElement {
            if child.tag == name { return child }
            if let found = child.firstDescendant(name, depth: depth - 1) { return found }
        }
        return nil
    }

    /// Every descendant element named `name`, in document order.
    func descendants(_ name: HTMLTag) -> [HTMLNode] {
        var found: [HTMLNode] = []
        func walk(_ node: HTMLNode) {
            for child in node.children where child.isElement {
                if child.tag == name { found.append(child) }
                walk(child)
            }
        }
        walk(self)
        return found
    }
}

/// The children of a node, as a sequence that follows libxml2's sibling links.
struct HTMLChildren: Sequence, IteratorProtocol {
    var current: xmlNodePtr?

    init(first: xmlNodePtr?) {
        current = first
    }

    mutating func next() -> HTMLNode? {
        guard let node = current else { return nil }
        current = node.pointee.next
        return HTMLNode(node)
    }
}
