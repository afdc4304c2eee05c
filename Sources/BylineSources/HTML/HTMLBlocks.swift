import BylineCore
import Foundation

/// A block of text as a reader sees it on a page: a paragraph, a subheading, a list item, a
/// block quotation, preformatted text or a table cell.
public struct TextBlock: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case paragraph
        case heading(level: Int)
        case listItem
        case quotation
        case preformatted
        case tableCell
        case caption
    }

    public var kind: Kind
    /// White space collapsed; a `<br>` inside the block is one `\n`.
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// The HTML-to-text step: the blocks of text below a node, in order, keeping the page's own
/// structure (paragraphs, subheadings, list items, block quotations, `<br>`), with entities
/// decoded, `<q>` given quotation marks, and what is never text (scripts, styles, forms'
/// controls, embedded media) left out. It judges nothing: deciding which blocks are the
/// article is `ArticleExtractor`'s work; a feed item's body is taken whole.
enum HTMLBlocks {
    /// The blocks of an HTML fragment (a feed item's `content:encoded`, an Atom `content`).
    static func blocks(fromFragment html: String) -> [TextBlock] {
        guard let document = HTMLDocument(fragment: html), let root = document.root else { return [] }
        return blocks(of: root)
    }

    /// The blocks below `node`. `skipping`, indexed as a `PageTree` of the same document
    /// indexes its elements, marks elements left out with everything inside them.
    static func blocks(of node: HTMLNode, skipping: [Bool] = []) -> [TextBlock] {
        var builder = Builder(skipping: skipping)
        builder.walk(node, kind: .paragraph, quoteDepth: 0)
        builder.flush()
        return builder.blocks
    }

    private struct Builder {
        let skipping: [Bool]
        var blocks: [TextBlock] = []
        /// The UTF-8 of the block being gathered.
        var pending: [UInt8] = []
        var pendingKind: TextBlock.Kind = .paragraph
        /// Inside `<pre>`, line breaks are the text's own.
        var preformatted = 0

        mutating func flush() {
            defer { pending.removeAll(keepingCapacity: true) }
            guard pending.contains(where: { !Self.isASCIISpace($0) }) else { return }
            let raw = String(decoding: pending, as: UTF8.self)
            let text = ArticleText.collapse(raw, keepingLineBreaks: true)
            if !text.isEmpty { blocks.append(TextBlock(kind: pendingKind, text: text)) }
        }

        mutating func walk(_ node: HTMLNode, kind: TextBlock.Kind, quoteDepth: Int) {
            for child in node.children {
                if child.isText {
                    guard let bytes = child.textBytes else { continue }
                    if pending.isEmpty { pendingKind = kind }
                    if preformatted > 0 {
                        pending.append(contentsOf: bytes)
                    } else {
                        // Line breaks in the source are spaces; only <br> breaks a line.
                        for byte in bytes { pending.append(byte == 0x0A || byte == 0x0D ? 0x20 : byte) }
                    }
                    continue
                }
                guard child.isElement else { continue }
                let tag = child.tag
                if tag.isNeverText { continue }
                if !skipping.isEmpty, let index = PageTree.index(of: child.pointer), skipping[index] { continue }
                switch tag {
                case .br:
                    pending.append(0x0A)
                    continue
                case .q:
                    // An inline quotation: the marks the browser would draw, curly and nested.
                    let (open, close) = quoteDepth % 2 == 0 ? ("\u{201C}", "\u{201D}") : ("\u{2018}", "\u{2019}")
                    if pending.isEmpty { pendingKind = kind }
                    pending.append(contentsOf: open.utf8)
                    walk(child, kind: kind, quoteDepth: quoteDepth + 1)
                    pending.append(contentsOf: close.utf8)
                    continue
                case .img, .wbr:
                    continue
                default:
                    break
                }
                if !tag.isBlock {
                    walk(child, kind: kind, quoteDepth: quoteDepth)
                    continue
                }
                flush()
                let inner = Self.kind(of: tag, inside: kind)
                if tag == .pre { preformatted += 1 }
                walk(child, kind: inner, quoteDepth: quoteDepth)
                if tag == .pre { preformatted -= 1 }
                flush()
            }
        }

        /// The kind of the blocks inside an element: the nearest element that gives one wins,
        /// except that a paragraph inside a block quotation or a list item keeps that kind.
        static func kind(of tag: HTMLTag, inside outer: TextBlock.Kind) -> TextBlock.Kind {
            if let level = tag.headingLevel { return .heading(level: level) }
            switch tag {
            case .li, .dd, .dt: return .listItem
            case .blockquote: return .quotation
            case .pre: return .preformatted
            case .td, .th: return .tableCell
            case .figcaption, .caption: return .caption
            default: return outer
            }
        }

        static func isASCIISpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
        }
    }
}
