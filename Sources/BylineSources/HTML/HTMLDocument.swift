import CLibXML2
import Foundation

/// A web page parsed by libxml2's HTML parser (the parser lxml wraps): forgiving of broken
/// markup, decoding entities, never touching the network. libxml2 shapes the tree (implied
/// `<html>`/`<body>`, elements closed where browsers close them) and reports it through its SAX
/// interface; the tree is kept here in flat arrays, in document order, instead of libxml2's
/// own nodes: a node is 24 bytes and all text sits in one buffer, where libxml2 spends some
/// 130 bytes and an allocation per node, which on a large page (a 20 MB page of prose makes
/// 660,000 nodes) is most of the memory used. The text of scripts and styles, never read, is
/// not kept (a JSON-LD script's is).
///
/// Not Sendable: a document is parsed, read and freed by one thread.
final class HTMLDocument {
    struct Node {
        /// The parent element, or -1 at the top.
        var parent: Int32
        /// One past the index of the last descendant: the children of a node are the nodes
        /// from `index + 1` to `end`, each followed by its own subtree.
        var end: Int32
        /// A text node's bytes in `text`; an element's name in `strings`.
        var start: Int32
        var count: Int32
        /// An element's attributes in `attributes`.
        var firstAttribute: Int32
        var attributeCount: UInt16
        var tag: HTMLTag
        var isText: Bool
    }

    struct Attribute {
        /// The name (lowercase, as the parser gives it) and the value, entities decoded, in
        /// `strings`. A value-less attribute (`<div hidden>`) has an empty value.
        var name: Int32
        var nameCount: Int32
        var value: Int32
        var valueCount: Int32
    }

    let nodes: [Node]
    /// The text nodes' UTF-8.
    let text: [UInt8]
    /// Element names, attribute names and values.
    let strings: [UInt8]
    let attributes: [Attribute]

    /// Parses `bytes`, which are valid UTF-8 (`HTMLReader` converts every other character
    /// set first, and repairs UTF-8 that is not), read in place without libxml2's converter
    /// (which would hold a second copy of the page); a `<meta charset>` inside is ignored: the
    /// caller has weighed it already. Returns nil only when libxml2 builds no tree at all.
    init?(utf8 bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count > 0,
              bytes.count <= Int(Int32.max)
        else { return nil }
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NODEFDTD.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue
        // The builder is reached from the callbacks through a pointer (a class instance would
        // cost an exclusivity check on every field access, for every node).
        let builder = UnsafeMutablePointer<TreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: TreeBuilder(expectedBytes: bytes.count))
        defer { builder.deinitialize(count: 1).deallocate() }
        // The context as htmlReadMemory makes it, with our callbacks, so libxml2 builds no tree
        // of its own.
        guard let context = htmlCreateMemoryParserCtxt(base, Int32(bytes.count)) else { return nil }
        defer { htmlFreeParserCtxt(context) }
        context.pointee.sax.pointee = TreeBuilder.handler()
        context.pointee.userData = UnsafeMutableRawPointer(builder)
        htmlCtxtUseOptions(context, Int32(options))
        // Without this, the first byte past ASCII makes libxml2 guess Latin-1 (its tree
        // builder's start-of-document step otherwise sets it).
        context.pointee.charset = Int32(XML_CHAR_ENCODING_UTF8.rawValue)
        htmlParseDocument(context)
        builder.pointee.finish()
        guard builder.pointee.nodes.contains(where: { !$0.isText }) else { return nil }
        nodes = builder.pointee.nodes
        text = builder.pointee.text
        strings = builder.pointee.strings
        attributes = builder.pointee.attributes
    }

    /// An HTML fragment (a feed item's body): parsed as the body of a page.
    convenience init?(fragment: String) {
        var text = fragment
        let parsed: HTMLDocument? = text.withUTF8 { HTMLDocument(utf8: UnsafeRawBufferPointer($0)) }
        guard let parsed else { return nil }
        self.init(taking: parsed)
    }

    private init(taking other: HTMLDocument) {
        nodes = other.nodes
        text = other.text
        strings = other.strings
        attributes = other.attributes
    }

    /// The `<html>` element (or whatever libxml2 made the first element).
    var root: HTMLNode? {
        var i = 0
        while i < nodes.count {
            if !nodes[i].isText { return HTMLNode(document: self, index: i) }
            i = Int(nodes[i].end)
        }
        return nil
    }

    /// The first element named `name` in document order, at most `depth` levels down.
    func first(_ name: HTMLTag, depth: Int = 3) -> HTMLNode? {
        guard let root else { return nil }
        if root.tag == name { return root }
        return root.firstDescendant(name, depth: depth)
    }

    var head: HTMLNode? { first(.head) }
    var body: HTMLNode? { first(.body) }
}

/// Builds a document's arrays from libxml2's SAX events.
private struct TreeBuilder {
    var nodes: [HTMLDocument.Node] = []
    var text: [UInt8] = []
    var strings: [UInt8] = []
    var attributes: [HTMLDocument.Attribute] = []
    /// The open elements.
    private var stack: [Int32] = []
    /// The depth of the stack at which text stopped being kept (inside a script or style).
    private var skippingFrom = Int.max

    init(expectedBytes: Int) {
        // Generous: only the memory written to is ever resident.
        text.reserveCapacity(expectedBytes + 64)
        strings.reserveCapacity(expectedBytes / 2 + 64)
        nodes.reserveCapacity(expectedBytes / 64 + 16)
    }

    /// The SAX callbacks (a C struct of function pointers; made per parse, as a shared
    /// global of a C type would not be Sendable).
    static func handler() -> htmlSAXHandler {
        var sax = htmlSAXHandler()
        sax.startElement = { context, name, attributes in
            guard let context, let name else { return }
            context.assumingMemoryBound(to: TreeBuilder.self).pointee.start(name, attributes)
        }
        sax.endElement = { context, name in
            guard let context else { return }
            context.assumingMemoryBound(to: TreeBuilder.self).pointee.end(HTMLTag(name: name))
        }
        sax.characters = { context, bytes, count in
            guard let context, let bytes, count > 0 else { return }
            context.assumingMemoryBound(to: TreeBuilder.self).pointee.characters(bytes, Int(count))
        }
        // The HTML parser gives the content of scripts and styles as CDATA blocks.
        sax.cdataBlock = sax.characters
        return sax
    }

    mutating func start(_ name: UnsafePointer<xmlChar>, _ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let tag = HTMLTag(name: name)
        let index = Int32(nodes.count)
        let nameStart = Int32(strings.count)
        Self.append(name, to: &strings)
        let nameCount = Int32(strings.count) - nameStart
        let firstAttribute = Int32(attributes.count)
        var keepsText = true
        if let list {
            var k = 0
            while let attributeName = list[k] {
                let value = list[k + 1]
                let start = Int32(strings.count)
                Self.append(attributeName, to: &strings)
                let valueStart = Int32(strings.count)
                if let value { Self.append(value, to: &strings) }
                attributes.append(HTMLDocument.Attribute(name: start, nameCount: valueStart - start, value: valueStart,
                                                         valueCount: Int32(strings.count) - valueStart))
                if tag == .script, HTMLBytes.equals(attributeName, "type"), let value {
                    keepsText = HTMLBytes.contains(value, "ld+json")
                }
                k += 2
            }
            if tag == .script, list[0] == nil { keepsText = false }
        } else if tag == .script {
            keepsText = false
        }
        if tag == .style { keepsText = false }
        nodes.append(HTMLDocument.Node(parent: stack.last ?? -1, end: index + 1, start: nameStart, count: nameCount,
                                       firstAttribute: firstAttribute,
                                       attributeCount: UInt16(clamping: attributes.count - Int(firstAttribute)), tag: tag,
                                       isText: false))
        stack.append(index)
        if !keepsText && skippingFrom == .max { skippingFrom = stack.count }
    }

    /// Closes the innermost open element. `</body>` and `</html>` leave theirs open, as
    /// browsers do: what a page puts after them is still in its body.
    mutating func end(_ tag: HTMLTag? = nil) {
        guard let index = stack.last else { return }
        if let tag, tag == .body || tag == .html, nodes[Int(index)].tag == .body || nodes[Int(index)].tag == .html { return }
        stack.removeLast()
        nodes[Int(index)].end = Int32(nodes.count)
        if stack.count < skippingFrom { skippingFrom = .max }
    }

    mutating func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
        guard skippingFrom == .max else { return }
        let parent = stack.last ?? -1
        // Text the parser reports in pieces (around an entity) is one node.
        if let last = nodes.last, last.isText, last.parent == parent, Int(last.start + last.count) == text.count {
            text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
            nodes[nodes.count - 1].count += Int32(count)
            return
        }
        let index = Int32(nodes.count)
        nodes.append(HTMLDocument.Node(parent: parent, end: index + 1, start: Int32(text.count), count: Int32(count),
                                       firstAttribute: 0, attributeCount: 0, tag: .other, isText: true))
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    /// Closes what the parser left open and gives back the unused capacity.
    mutating func finish() {
        while !stack.isEmpty { end() }
        if nodes.capacity > nodes.count + nodes.count / 4 { nodes = Array(nodes[...]) }
        if text.capacity > text.count + text.count / 4 { text = Array(text[...]) }
        if strings.capacity > strings.count + strings.count / 4 { strings = Array(strings[...]) }
    }

    private static func append(_ string: UnsafePointer<xmlChar>, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: string, count: strlen(UnsafeRawPointer(string).assumingMemoryBound(to: CChar.self))))
    }
}

/// One node of a parsed page: an index into its document's arrays.
struct HTMLNode {
    /// The document outlives every node read from it (nodes are only used while it is held).
    unowned(unsafe) let document: HTMLDocument
    let index: Int

    init(document: HTMLDocument, index: Int) {
        self.document = document
        self.index = index
    }

    private var node: HTMLDocument.Node { document.nodes[index] }

    var isElement: Bool { !node.isText }
    var isText: Bool { node.isText }

    /// The element's tag (`.other` for unknown names and for text).
    var tag: HTMLTag { node.tag }

    /// The element's name, lowercased by the parser.
    var name: String {
        let n = node
        guard !n.isText else { return "" }
        return String(decoding: document.strings[Int(n.start)..<Int(n.start + n.count)], as: UTF8.self)
    }

    /// One past the index of the last node inside this one.
    var end: Int { Int(node.end) }

    var parent: HTMLNode? {
        let p = node.parent
        return p < 0 ? nil : HTMLNode(document: document, index: Int(p))
    }

    /// The children in order.
    var children: HTMLChildren { HTMLChildren(document: document, position: index + 1, end: end) }

    /// The attributes of an element, as (name, value) byte ranges in `document.strings`.
    var attributes: ArraySlice<HTMLDocument.Attribute> {
        let n = node
        guard !n.isText else { return [] }
        return document.attributes[Int(n.firstAttribute)..<Int(n.firstAttribute) + Int(n.attributeCount)]
    }

    /// The value of attribute `name` (lowercase), if present.
    func attribute(_ name: String) -> String? {
        guard let found = find(name) else { return nil }
        return String(decoding: document.strings[Int(found.value)..<Int(found.value + found.valueCount)], as: UTF8.self)
    }

    /// Whether the element has attribute `name`.
    func hasAttribute(_ name: String) -> Bool { find(name) != nil }

    private func find(_ name: String) -> HTMLDocument.Attribute? {
        let wanted = Array(name.utf8)
        for attribute in attributes where Int(attribute.nameCount) == wanted.count {
            if document.strings[Int(attribute.name)..<Int(attribute.name + attribute.nameCount)].elementsEqual(wanted) {
                return attribute
            }
        }
        return nil
    }

    /// All the text below this node, entities decoded, white space as in the source.
    var textContent: String {
        var bytes: [UInt8] = []
        let nodes = document.nodes
        for i in index..<end where nodes[i].isText {
            bytes.append(contentsOf: document.text[Int(nodes[i].start)..<Int(nodes[i].start + nodes[i].count)])
        }
        return String(decoding: bytes, as: UTF8.self)
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
}

/// The children of a node, in order: each child's subtree is skipped to reach the next.
struct HTMLChildren: Sequence, IteratorProtocol {
    unowned(unsafe) let document: HTMLDocument
    var position: Int
    let end: Int

    mutating func next() -> HTMLNode? {
        guard position < end else { return nil }
        let node = HTMLNode(document: document, index: position)
        position = Int(document.nodes[position].end)
        return node
    }
}
