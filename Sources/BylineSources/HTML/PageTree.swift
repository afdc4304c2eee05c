import Foundation

/// A parsed page measured in one walk: every element of the body in document order, with what
/// the extraction needs to know about it (tag, class and id hints, visibility, the text of its
/// own text children) and, on the way, the elements the metadata reads (JSON-LD scripts,
/// `<time>`, `rel=author` links, bylines, `<h1>`). Sums over subtrees are computed from these
/// arrays bottom-up (`PageTotals`), so no subtree is ever walked twice.
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
        /// The element's node in the document.
        let node: Int32
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

    let document: HTMLDocument
    private(set) var elements: [Element] = []

    /// Found on the way for the metadata.
    private(set) var jsonLD: [HTMLNode] = []
    private(set) var metas: [HTMLNode] = []
    private(set) var times: [HTMLNode] = []
    private(set) var authorLinks: [HTMLNode] = []
    private(set) var bylines: [Int] = []
    /// The first `<h1>` and `<h2>` elements (up to eight of each).
    private(set) var headings1: [Int] = []
    private(set) var headings2: [Int] = []

    /// Measures everything below `root` (the `<body>`, or the root element when there is none).
    init(root: HTMLNode) {
        document = root.document
        let nodes = document.nodes
        // For each node of the document, its element's index in `elements`, or -1 (needed
        // only while the tree is built).
        var elementOfNode = [Int32](repeating: -1, count: nodes.count)
        elements.reserveCapacity(nodes.count / 2 + 1)
        // Elements still open, with the node index their subtree ends at.
        var open: [(element: Int32, end: Int32)] = []
        var i = root.index
        let stop = root.end
        while i < stop {
            while let last = open.last, last.end <= Int32(i) {
                elements[Int(last.element)].end = Int32(elements.count)
                open.removeLast()
            }
            let node = nodes[i]
            let parent = node.parent >= 0 ? elementOfNode[Int(node.parent)] : -1
            if node.isText {
                if parent >= 0 { countText(document.text[Int(node.start)..<Int(node.start + node.count)], into: Int(parent)) }
                i += 1
                continue
            }
            let tag = node.tag
            if tag.isNeverText || tag == .img || tag == .wbr {
                noteLeaf(HTMLNode(document: document, index: i), tag: tag, parent: parent)
                i = Int(node.end)
                continue
            }
            let index = Int32(elements.count)
            var element = Element(node: Int32(i), parent: i == root.index ? -1 : parent, end: index + 1, tag: tag)
            readAttributes(of: HTMLNode(document: document, index: i), into: &element)
            elements.append(element)
            elementOfNode[i] = index
            if parent >= 0, tag.isBlock || tag == .br { elements[Int(parent)].flags.insert(.hasBlockChild) }
            switch tag {
            case .h1: if headings1.count < 8 { headings1.append(Int(index)) }
            case .h2: if headings2.count < 8 { headings2.append(Int(index)) }
            case .time: if times.count < 16 { times.append(HTMLNode(document: document, index: i)) }
            default: break
            }
            if element.hints.contains(.byline) || element.flags.contains(.bylineProperty), bylines.count < 16 {
                bylines.append(Int(index))
            }
            open.append((index, node.end))
            i += 1
        }
        for last in open.reversed() { elements[Int(last.element)].end = Int32(elements.count) }
        // The array grew by doubling: on a large page the unused half is megabytes.
        if elements.capacity > elements.count + elements.count / 4 { elements = Array(elements[...]) }
    }

    /// The node of element `i`.
    func node(_ i: Int) -> HTMLNode { HTMLNode(document: document, index: Int(elements[i].node)) }

    /// The bytes of element `i`'s `class` attribute.
    func classValue(_ i: Int) -> ArraySlice<UInt8>? {
        for attribute in node(i).attributes where HTMLBytes.equals(document.strings[Int(attribute.name)..<Int(attribute.name + attribute.nameCount)], "class") {
            return document.strings[Int(attribute.value)..<Int(attribute.value + attribute.valueCount)]
        }
        return nil
    }

    // MARK: The walk's steps

    /// An element not walked into: images, form controls and media are counted for its parent;
    /// a JSON-LD script and metas are kept for the metadata.
    private mutating func noteLeaf(_ node: HTMLNode, tag: HTMLTag, parent: Int32) {
        switch tag {
        case .script:
            if let type = node.attribute("type"), type.lowercased().contains("ld+json") { jsonLD.append(node) }
        case .meta:
            metas.append(node)
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
    private mutating func countText(_ content: ArraySlice<UInt8>, into parent: Int) {
        var characters: Int32 = 0
        var commas: Int32 = 0
        var last: UInt8 = 0
        var beforeLast: UInt8 = 0
        var lastVisible: UInt8 = 0
        var visibleBeforeLast: UInt8 = 0
        for byte in content {
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
    private mutating func readAttributes(of node: HTMLNode, into element: inout Element) {
        let strings = document.strings
        for attribute in node.attributes {
            let name = strings[Int(attribute.name)..<Int(attribute.name + attribute.nameCount)]
            let value = strings[Int(attribute.value)..<Int(attribute.value + attribute.valueCount)]
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
                if HTMLBytes.equals(value, "true") { element.flags.insert(.hidden) }
            case .role:
                for role: StaticString in ["navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search",
                                           "dialog", "alertdialog", "toolbar", "tablist"] where HTMLBytes.equals(value, role) {
                    element.flags.insert(.boilerplateRole)
                }
                if HTMLBytes.equals(value, "main") || HTMLBytes.equals(value, "article") { element.flags.insert(.mainRole) }
            case .itemprop:
                if HTMLBytes.equals(value, "articlebody") { element.flags.insert(.articleBodyProperty) }
                if HTMLBytes.equals(value, "author") || HTMLBytes.equals(value, "datepublished")
                    || HTMLBytes.equals(value, "datemodified") || HTMLBytes.equals(value, "publisher") {
                    element.flags.insert(.bylineProperty)
                }
            case .rel:
                if element.tag == .a || element.tag == .link, HTMLBytes.contains(value, "author") { authorLinks.append(node) }
            case .other:
                break
            }
        }
    }

    private enum AttributeName {
        case `class`, id, style, hidden, ariaHidden, role, itemprop, rel, other
    }

    /// The attributes read, told apart without allocating.
    private static func attributeName(_ name: ArraySlice<UInt8>) -> AttributeName {
        switch name.count {
        case 2: return HTMLBytes.equals(name, "id") ? .id : .other
        case 3: return HTMLBytes.equals(name, "rel") ? .rel : .other
        case 4: return HTMLBytes.equals(name, "role") ? .role : .other
        case 5:
            if HTMLBytes.equals(name, "class") { return .class }
            if HTMLBytes.equals(name, "style") { return .style }
            return .other
        case 6: return HTMLBytes.equals(name, "hidden") ? .hidden : .other
        case 8: return HTMLBytes.equals(name, "itemprop") ? .itemprop : .other
        case 11: return HTMLBytes.equals(name, "aria-hidden") ? .ariaHidden : .other
        default: return .other
        }
    }

    /// `display:none` or `visibility:hidden` in an inline style (spaces and case ignored).
    private static func hidesElement(style: ArraySlice<UInt8>) -> Bool {
        var compact: [UInt8] = []
        for byte in style.prefix(512) where !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D) {
            compact.append(byte)
        }
        let bytes = compact[...]
        return HTMLBytes.contains(bytes, "display:none") || HTMLBytes.contains(bytes, "visibility:hidden")
    }
}
