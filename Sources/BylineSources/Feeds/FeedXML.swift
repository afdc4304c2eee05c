import BylineCore
import CLibXML2
import Foundation

/// `xmlInitParser` once, before any thread parses: libxml2 asks for it in threaded programs.
private let libxml2Ready: Void = { xmlInitParser() }()

/// A feed's XML parsed by libxml2, safely:
/// - `XML_PARSE_NONET`: nothing is fetched while parsing (no DTD, no entity, no XInclude);
/// - no `XML_PARSE_NOENT` and no `XML_PARSE_DTDLOAD`: external entities (`<!ENTITY x SYSTEM
///   "file:///etc/passwd">`) and external DTDs are never loaded, and internal entities stay
///   references in the tree instead of being copied into it;
/// - no `XML_PARSE_HUGE`: libxml2 2.9.14 keeps its limits (text nodes of 10 MB, 256 levels of
///   nesting) and its entity amplification check, which stops the parse with "Detected an
///   entity reference loop" when entity references expand to more than about ten times the
///   bytes read (a billion-laughs bomb stops at its first reference);
/// - `XML_PARSE_RECOVER`: a broken feed (truncated, a mismatched tag) gives the tree libxml2
///   could build, with a warning, after `FeedMarkupRepair` has mended what it can.
///
/// The internal entities a document declares are expanded here, when text is read, within a
/// budget: a few references to a large entity (the "quadratic blowup", which libxml2's check
/// lets through because the tree holds references, not copies) cannot make the text larger
/// than the file plus a megabyte.
///
/// Not Sendable: a document is parsed, read and freed by one thread.
final class FeedXMLDocument {
    let pointer: xmlDocPtr
    let source: String
    /// The source when it is an http(s) URL: the last base for relative links.
    let sourceURL: String?
    /// Problems that did not stop the reading, each naming the source.
    private(set) var warnings: [String] = []
    private var expandedBytes = 0
    private let expansionBudget: Int
    private var vocabularies: [UnsafeMutablePointer<xmlNs>: FeedVocabulary] = [:]

    init(data: Data, source: String, contentType: String?) throws(ReadError) {
        _ = libxml2Ready
        self.source = source
        sourceURL = FeedLinks.webAddress(source)
        expansionBudget = data.count + 1_048_576
        guard data.count < Int(Int32.max) else { throw .tooLarge(source, bytes: data.count) }
        let encoding = FeedEncoding.decide(data, httpCharset: contentType.flatMap(SourceDetection.charset(ofContentType:)))
        let bytes = encoding.isASCIICompatible ? FeedMarkupRepair.repaired(data) : data
        guard let context = xmlNewParserCtxt() else { throw .malformed(source, reason: "libxml2 could not start") }
        defer { xmlFreeParserCtxt(context) }
        // The first error says where a feed broke; libxml2 keeps only the last one.
        let errors = ParseErrors(main: context)
        context.pointee._private = Unmanaged.passUnretained(errors).toOpaque()
        context.pointee.sax.pointee.serror = ParseErrors.record
        var options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        // The encoding decided here stands: a declaration it overrules is not read again.
        if encoding.name != nil { options |= Int32(XML_PARSE_IGNORE_ENC.rawValue) }
        let document = bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> xmlDocPtr? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return xmlCtxtReadMemory(context, base, Int32(raw.count), nil, encoding.name, options)
        }
        let problem = errors.first ?? Self.describe(xmlCtxtGetLastError(context))
        guard let document, xmlDocGetRootElement(document) != nil else {
            if let document { xmlFreeDoc(document) }
            throw .malformed(source, reason: "not a feed libxml2 can read (\(problem ?? "no XML element in it"))")
        }
        pointer = document
        if let warning = encoding.warning { warnings.append("\(source): \(warning)") }
        if context.pointee.wellFormed == 0 {
            warnings.append("\(source): the feed is not well-formed XML (\(problem ?? "an error")); read what could be recovered")
        }
    }

    deinit { xmlFreeDoc(pointer) }

    var root: FeedNode? { xmlDocGetRootElement(pointer).map(FeedNode.init) }

    /// The first error of a parse, kept by libxml2's structured error callback (which reaches
    /// it through the parser context's `_private`).
    private final class ParseErrors {
        let main: xmlParserCtxtPtr
        var first: String?

        init(main: xmlParserCtxtPtr) {
            self.main = main
        }

        static let record: xmlStructuredErrorFunc = { userData, error in
            guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let box = context.pointee._private else { return }
            let errors = Unmanaged<ParseErrors>.fromOpaque(box).takeUnretainedValue()
            guard errors.first == nil else { return }
            // An error inside an entity's text is numbered from the entity's first line: say
            // where the document was instead.
            let line = context == errors.main ? Int(error.pointee.line) : Int(errors.main.pointee.input?.pointee.line ?? 0)
            errors.first = FeedXMLDocument.describe(error, line: line)
        }
    }

    /// `line 3: Opening and ending tag mismatch: item and channel`.
    fileprivate static func describe(_ error: xmlErrorPtr?, line: Int? = nil) -> String? {
        guard let error, error.pointee.code != 0 else { return nil }
        var message = error.pointee.message.map { String(cString: $0) } ?? "error \(error.pointee.code)"
        message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        let line = line ?? Int(error.pointee.line)
        return line > 0 ? "line \(line): \(message)" : message
    }

    /// Which vocabulary an element's namespace belongs to (looked up once per declaration).
    func vocabulary(of node: FeedNode) -> FeedVocabulary {
        guard let ns = node.pointer.pointee.ns else { return .rss }
        if let known = vocabularies[ns] { return known }
        let href = ns.pointee.href.map { String(cString: $0) } ?? ""
        let vocabulary = FeedVocabulary(namespace: href)
        vocabularies[ns] = vocabulary
        return vocabulary
    }

    /// All the text below `node`: its text nodes in order, and the replacement text of the
    /// internal entities it references, within the document's expansion budget.
    func text(of node: FeedNode) -> String {
        // The usual case, one text node, without a buffer.
        if let only = node.pointer.pointee.children, only.pointee.next == nil, only.pointee.type == XML_TEXT_NODE {
            return only.pointee.content.map { String(cString: $0) } ?? ""
        }
        var bytes: [UInt8] = []
        appendText(below: node.pointer, to: &bytes, entityDepth: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendText(below node: xmlNodePtr, to bytes: inout [UInt8], entityDepth: Int) {
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = current.pointee.content else { continue }
                let text = UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)))
                if entityDepth > 0 {
                    guard expandedBytes + text.count <= expansionBudget else {
                        stopExpanding()
                        return
                    }
                    expandedBytes += text.count
                }
                bytes.append(contentsOf: text)
            case XML_ELEMENT_NODE:
                appendText(below: current, to: &bytes, entityDepth: entityDepth)
            case XML_ENTITY_REF_NODE:
                guard entityDepth < 16, expandedBytes < expansionBudget, let name = current.pointee.name,
                      let entity = xmlGetDocEntity(pointer, name), entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY
                else { continue }
                // The entity's parsed content hangs below its declaration like an element's.
                appendText(below: UnsafeMutableRawPointer(entity).assumingMemoryBound(to: xmlNode.self), to: &bytes,
                           entityDepth: entityDepth + 1)
            default:
                continue
            }
        }
    }

    private func stopExpanding() {
        if expandedBytes < expansionBudget {
            warnings.append("\(source): entity references expand past \(expansionBudget / 1_048_576) MB; the rest are left out")
        }
        expandedBytes = expansionBudget
    }

    /// `href` made absolute: against the `xml:base` in force at `node`, then `fallback` (the
    /// feed's own link), then the address the feed came from. Left as written when none helps.
    func resolve(_ href: String, at node: FeedNode, fallback: String?) -> String {
        var bases: [String] = []
        if let base = xmlNodeGetBase(pointer, node.pointer) {
            bases.append(String(cString: base))
            byline_xml_free(base)
        }
        if let fallback { bases.append(fallback) }
        if let sourceURL { bases.append(sourceURL) }
        return FeedLinks.resolve(href, bases: bases)
    }

    /// The `xml:lang` in force at `node`.
    func language(at node: FeedNode) -> String? {
        guard let lang = xmlNodeGetLang(node.pointer) else { return nil }
        defer { byline_xml_free(lang) }
        let value = String(cString: lang).trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }
}

/// The vocabularies feeds mix, told by namespace.
enum FeedVocabulary: Equatable {
    /// RSS's own elements: no namespace (RSS 0.9x and 2.0), RSS 1.0's, RSS 0.90's, or the
    /// namespace some RSS 2.0 writers give them.
    case rss
    /// Atom 1.0, and Atom 0.3 (its elements that differ are read under their own names).
    case atom
    case content
    case dublinCore
    case dublinCoreTerms
    case rdf
    case other

    init(namespace: String) {
        switch namespace {
        case "", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2",
             "http://blogs.law.harvard.edu/tech/rss":
            self = .rss
        case "http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#": self = .atom
        case "http://purl.org/rss/1.0/modules/content/": self = .content
        case "http://purl.org/dc/elements/1.1/": self = .dublinCore
        case "http://purl.org/dc/terms/": self = .dublinCoreTerms
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": self = .rdf
        default: self = .other
        }
    }
}

/// An element of a feed, read in place.
struct FeedNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) {
        self.pointer = pointer
    }

    /// The local name (without a prefix).
    var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

    /// The child elements in order.
    var elements: [FeedNode] {
        var found: [FeedNode] = []
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { found.append(FeedNode(current)) }
            child = current.pointee.next
        }
        return found
    }

    /// The elements below this one named `name` in `vocabulary`, in document order, found at
    /// any depth: libxml2's recovery from a broken feed can nest an item inside the one before.
    func descendants(named name: String, in vocabulary: FeedVocabulary, document: FeedXMLDocument) -> [FeedNode] {
        var found: [FeedNode] = []
        var stack: [FeedNode] = elements.reversed()
        while let node = stack.popLast() {
            if node.name == name, document.vocabulary(of: node) == vocabulary { found.append(node) }
            stack += node.elements.reversed()
        }
        return found
    }

    var hasElementChildren: Bool {
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { return true }
            child = current.pointee.next
        }
        return false
    }

    /// An attribute without a namespace.
    func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(pointer, name) else { return nil }
        defer { byline_xml_free(value) }
        return String(cString: value)
    }

    /// An attribute in `namespace` (`rdf:about`).
    func attribute(_ name: String, namespace: String) -> String? {
        guard let value = xmlGetNsProp(pointer, name, namespace) else { return nil }
        defer { byline_xml_free(value) }
        return String(cString: value)
    }

    /// The node's children as markup, for the HTML-to-text step: an XHTML body, or markup a
    /// feed forgot to escape.
    var innerMarkup: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        var child = pointer.pointee.children
        while let current = child {
            xmlNodeDump(buffer, pointer.pointee.doc, current, 0, 0)
            child = current.pointee.next
        }
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }
}
