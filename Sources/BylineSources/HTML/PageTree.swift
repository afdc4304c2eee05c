import CLibXML2
import Foundation

/// A parsed page measured in one walk: every element of the body in document order, with what
/// the extraction needs to know about it (tag, class and id hints, visibility, the text of its
/// own text children) and, on the way, the elements the metadata reads (JSON-LD scripts,
/// `<time>`, `rel=author` links, bylines, `<h1>`). Sums over subtrees are computed from these
/// arrays bottom-up (`PageTotals`), so no subtree is ever walked twice.
///
/// Each element's index is stored in libxml2's `_private` field, so a node met while writing the
/// text finds its record without a lookup table.
struct PageTree {
    struct Flags: OptionSet {
        let rawValue: UInt16
        /// `hidden`, `aria-hidden="true"`, or an inline `display:none` / `visibility:hidden`.
        static let hidden = Flags(rawValue: 1 << 0)
        /// Has a child element that is a block (so it is not itself one paragraph).
        static let hasBlockChild = Flags(rawValue: 1 << 1)
        /// `role` says navigation, banner, contentinfo, complementary, menu, search or dialog.
        static let boilerplateRole = Flags(rawValue: 1 << 2)
        /// `role="main"` or `role="article"`.
        static let mainRole = Flags(rawValue: 1 << 3)
        /// `itemprop="articleBody"` (schema.org microdata).
        static let articleBodyProperty = Flags(rawValue: 1 << 4)
        /// `itemprop` names the author or a date: byline furniture.
        static let bylineProperty = Flags(rawValue: 1 << 5)
        /// A text child ends like a sentence (`.`, `!`, `?`, `。`, a closing quotation mark after one).
        static let hasSentenceEnd = Flags(rawValue: 1 << 6)
    }

    struct Element {
        let node: xmlNodePtr
        let parent: Int32
        /// One past the index of the last descendant.
        var end: Int32
        let tag: HTMLTag
        var hints: ClassHints = []
        /// Readability's class weight in units of 25: +1 for a positive class, -1 for a
        /// negative one, the same again for the id.
        var classWeight: Int8 = 0
        var flags: Flags = []
        /// Visible characters (not white space) of the element's own text children.
        var ownText: Int32 = 0
        /// Commas in them (`,`, `，`, `、`, `،`).
        var ownCommas: Int32 = 0
        /// Images, form controls and embedded media among the children (never walked into).
        var ownImages: Int16 = 0
        var ownInputs: Int16 = 0
        var ownEmbeds: Int16 = 0
    }

    private(set) var elements: [Element] = []

    /// Found on the way for the metadata.
    private(set) var jsonLD: [HTMLNode] = []
    private(set) var metas: [HTMLNode] = []
    private(set) var times: [HTMLNode] = []
    private(set) var authorLinks: [HTMLNode] = []
    private(set) var bylines: [Int] = []
    private(set) var headings1: [Int] = []

    /// Measures everything below `root` (the `<body>`, or the root element when there is none).
    init(root: HTMLNode) {
        elements.reserveCapacity(1024)
        var parentIndex: Int32 = -1
        var node: xmlNodePtr? = root.pointer
        // Depth-first, in document order, without recursion: down to the first child, else on
        // to the next sibling, else up until a parent has one.
        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let tag = HTMLTag(name: current.pointee.name)
                if tag.isNeverText || tag == .img || tag == .wbr {
                    noteLeaf(current, tag: tag, parent: parentIndex)
                } else {
                    let index = Int32(elements.count)
                    var element = Element(node: current, parent: parentIndex, end: index + 1, tag: tag)
                    readAttributes(of: current, into: &element)
                    elements.append(element)
                    current.pointee._private = UnsafeMutableRawPointer(bitPattern: Int(index) + 1)
                    if parentIndex >= 0, tag.isBlock || tag == .br { elements[Int(parentIndex)].flags.insert(.hasBlockChild) }
                    switch tag {
                    case .h1: headings1.append(Int(index))
                    case .time: if times.count < 16 { times.append(HTMLNode(current)) }
                    case .meta: metas.append(HTMLNode(current))
                    default: break
                    }
                    if element.hints.contains(.byline) || element.flags.contains(.bylineProperty), bylines.count < 16 {
                        bylines.append(Int(index))
                    }
                    if current.pointee.children != nil {
                        parentIndex = index
                        descend = true
                    }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if parentIndex >= 0, let content = current.pointee.content { countText(content, into: Int(parentIndex)) }
            default:
                break
            }
            if descend {
                node = current.pointee.children
                continue
            }
            // Up until a node has a next sibling, closing the elements left.
            var up: xmlNodePtr? = current
            node = nil
            while let u = up {
                if u == root.pointer { break }
                if let sibling = u.pointee.next {
                    node = sibling
                    break
                }
                guard let parent = u.pointee.parent else { break }
                if parent == root.pointer { break }
                let closing = Int(parentIndex)
                elements[closing].end = Int32(elements.count)
                parentIndex = elements[closing].parent
                up = parent
            }
        }
        // Close whatever is still open (the root).
        while parentIndex >= 0 {
            elements[Int(parentIndex)].end = Int32(elements.count)
            parentIndex = elements[Int(parentIndex)].parent
        }
    }

    /// The index of an element measured by this tree, if it is one.
    static func index(of node: xmlNodePtr) -> Int? {
        guard let raw = node.pointee._private else { return nil }
        return Int(bitPattern: raw) - 1
    }

    // MARK: The walk's steps

    /// An element not walked into: images, form controls and media are counted for its parent;
    /// a JSON-LD script is kept for the metadata.
    private mutating func noteLeaf(_ node: xmlNodePtr, tag: HTMLTag, parent: Int32) {
        switch tag {
        case .script:
            if let type = Self.value(of: "type", in: node), Self.contains(type, "ld+json") { jsonLD.append(HTMLNode(node)) }
        case .meta:
            metas.append(HTMLNode(node))
        default:
            break
        }
        guard parent >= 0 else { return }
        let p = Int(parent)
        switch tag {
        case .img, .picture, .svg: elements[p].ownImages &+= 1
        case .input, .textarea, .select, .button: elements[p].ownInputs &+= 1
        case .iframe, .embed, .object, .video, .audio: elements[p].ownEmbeds &+= 1
        default: break
        }
    }

    /// Counts the visible characters and commas of a text node for its parent.
    private mutating func countText(_ content: UnsafeMutablePointer<xmlChar>, into parent: Int) {
        var characters: Int32 = 0
        var commas: Int32 = 0
        var i = 0
        var last: UInt8 = 0
        var beforeLast: UInt8 = 0
        var lastVisible: UInt8 = 0
        var visibleBeforeLast: UInt8 = 0
        while true {
            let byte = content[i]
            if byte == 0 { break }
            i += 1
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                last = byte
                continue
            }
            if byte & 0xC0 != 0x80 { characters += 1 }
            if byte == 0x2C { commas += 1 }
            // ，(EF BC 8C)  、(E3 80 81)  ، (D8 8C)
            if byte == 0x8C && (last == 0xBC || last == 0xD8) { commas += 1 }
            if byte == 0x81 && last == 0x80 && beforeLast == 0xE3 { commas += 1 }
            beforeLast = last
            last = byte
            visibleBeforeLast = lastVisible
            lastVisible = byte
        }
        guard characters > 0 else { return }
        elements[parent].ownText += characters
        elements[parent].ownCommas += commas
        if Self.endsSentence(lastVisible, before: visibleBeforeLast) { elements[parent].flags.insert(.hasSentenceEnd) }
    }

    /// `.`, `!`, `?`, `…`, `。`, `！`, `？`, or a closing quotation mark or bracket (after which
    /// the sentence mark is one byte further back, which is close enough for a hint).
    private static func endsSentence(_ last: UInt8, before: UInt8) -> Bool {
        switch last {
        case 0x2E, 0x21, 0x3F, 0x22, 0x27, 0x29: return true
        case 0x9D, 0x99: return before == 0x80  // ” ’
        case 0x82: return before == 0x80  // 。 (E3 80 82)
        case 0x81, 0x9F: return before == 0xBC  // ！ ？
        case 0xA6: return before == 0x80  // …
        default: return false
        }
    }

    /// One pass over an element's attributes: class and id hints, visibility, role, itemprop,
    /// and what the metadata needs from links.
    private mutating func readAttributes(of node: xmlNodePtr, into element: inout Element) {
        var attribute = node.pointee.properties
        while let a = attribute {
            attribute = a.pointee.next
            guard let name = a.pointee.name, let value = a.pointee.children?.pointee.content else { continue }
            switch Self.attributeName(name) {
            case .class, .id:
                let hints = ClassHints.of(value)
                element.hints.formUnion(hints)
                if hints.contains(.positive) { element.classWeight &+= 1 }
                if hints.contains(.negative) { element.classWeight &-= 1 }
            case .style:
                if Self.hidesElement(style: value) { element.flags.insert(.hidden) }
            case .hidden:
                element.flags.insert(.hidden)
            case .ariaHidden:
                if Self.equals(value, "true") { element.flags.insert(.hidden) }
            case .role:
                for role in ["navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search",
                             "dialog", "alertdialog", "toolbar", "tablist"] where Self.equals(value, role) {
                    element.flags.insert(.boilerplateRole)
                }
                if Self.equals(value, "main") || Self.equals(value, "article") { element.flags.insert(.mainRole) }
            case .itemprop:
                if Self.equals(value, "articleBody") || Self.equals(value, "articlebody") {
                    element.flags.insert(.articleBodyProperty)
                }
                if Self.equals(value, "author") || Self.equals(value, "datePublished") || Self.equals(value, "dateModified")
                    || Self.equals(value, "publisher") {
                    element.flags.insert(.bylineProperty)
                }
            case .rel:
                if element.tag == .a || element.tag == .link, Self.contains(value, "author") { authorLinks.append(HTMLNode(node)) }
            case .other:
                break
            }
        }
    }

    private enum AttributeName {
        case `class`, id, style, hidden, ariaHidden, role, itemprop, rel, other
    }

    /// The attributes read, told apart by length and bytes without allocating.
    private static func attributeName(_ name: UnsafePointer<UInt8>) -> AttributeName {
        switch strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)) {
        case 2: return equals(name, "id") ? .id : .other
        case 3: return equals(name, "rel") ? .rel : .other
        case 4: return equals(name, "role") ? .role : .other
        case 5:
            if equals(name, "class") { return .class }
            if equals(name, "style") { return .style }
            return .other
        case 6: return equals(name, "hidden") ? .hidden : .other
        case 8: return equals(name, "itemprop") ? .itemprop : .other
        case 11: return equals(name, "aria-hidden") ? .ariaHidden : .other
        default: return .other
        }
    }

    /// `display:none` or `visibility:hidden` in an inline style (spaces and case ignored).
    private static func hidesElement(style: UnsafePointer<UInt8>) -> Bool {
        var compact: [UInt8] = []
        var i = 0
        while style[i] != 0, compact.count < 512 {
            let byte = style[i]
            i += 1
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            compact.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        return compact.withUnsafeBufferPointer { b in
            containsBytes(b, "display:none") || containsBytes(b, "visibility:hidden")
        }
    }

    // MARK: Byte helpers (ASCII case-insensitive)

    static func equals(_ value: UnsafePointer<UInt8>, _ word: StaticString) -> Bool {
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for (k, expected) in bytes.enumerated() {
            var byte = value[k]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if byte != expected { return false }
        }
        return value[bytes.count] == 0
    }

    static func equals(_ value: UnsafePointer<UInt8>, _ word: String) -> Bool {
        var k = 0
        for expected in word.utf8 {
            var byte = value[k]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            let want = expected >= 0x41 && expected <= 0x5A ? expected + 0x20 : expected
            if byte != want { return false }
            k += 1
        }
        return value[k] == 0
    }

    static func contains(_ value: UnsafePointer<UInt8>, _ word: StaticString) -> Bool {
        let length = strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
        var lowered = [UInt8](repeating: 0, count: length)
        for k in 0..<length {
            let byte = value[k]
            lowered[k] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        }
        return lowered.withUnsafeBufferPointer { containsBytes($0, word) }
    }

    private static func containsBytes(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard haystack.count >= n else { return false }
        let start = needle.utf8Start
        for i in 0...(haystack.count - n) {
            var k = 0
            while k < n, haystack[i + k] == start[k] { k += 1 }
            if k == n { return true }
        }
        return false
    }

    /// The value of attribute `name` of `node`, without copying.
    static func value(of name: StaticString, in node: xmlNodePtr) -> UnsafePointer<UInt8>? {
        var attribute = node.pointee.properties
        while let a = attribute {
            attribute = a.pointee.next
            if let n = a.pointee.name, equals(n, name), let value = a.pointee.children?.pointee.content {
                return UnsafePointer(value)
            }
        }
        return nil
    }
}
