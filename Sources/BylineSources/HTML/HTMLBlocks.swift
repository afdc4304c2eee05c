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

    /// The blocks below `node`. `leavingOut`, indexed by the document's node indices, marks
    /// elements left out with everything inside them.
    static func blocks(of node: HTMLNode, leavingOut: [Bool] = []) -> [TextBlock] {
        var builder = Builder(leavingOut: leavingOut, text: node.document.text)
        builder.walk(node, kind: .paragraph, quoteDepth: 0)
        builder.flush()
        return builder.blocks
    }

    /// A block's gathered UTF-8 with its white space collapsed (`ArticleText.collapse`).
    static func collapsedText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Invalid UTF-8 (which a parse of valid input never gives) is repaired first, so the
        // repair cannot join pieces around a dropped character.
        guard HTMLCharset.isValidUTF8(bytes) else {
            return ArticleText.collapse(String(decoding: bytes, as: UTF8.self), keepingLineBreaks: true)
        }
        return ArticleText.collapse(utf8: bytes, keepingLineBreaks: true)
    }

    private struct Builder {
        let leavingOut: [Bool]
        /// The document's text.
        let text: [UInt8]
        var blocks: [TextBlock] = []
        /// The UTF-8 of the block being gathered.
        var pending: [UInt8] = []
        var pendingKind: TextBlock.Kind = .paragraph
        /// Inside `<pre>`, line breaks are the text's own.
        var preformatted = 0

        mutating func flush() {
            defer { pending.removeAll(keepingCapacity: true) }
            guard pending.contains(where: { !Self.isASCIISpace($0) }) else { return }
            let text = pending.withUnsafeBufferPointer(HTMLBlocks.collapsedText)
            if !text.isEmpty { blocks.append(TextBlock(kind: pendingKind, text: text)) }
        }

        /// An element being walked: where its next child is, the kind and quotation depth
        /// of what is inside, and what closing it does.
        private struct Frame {
            var next: Int
            let end: Int
            let kind: TextBlock.Kind
            let quoteDepth: Int
            let closing: Closing
        }

        private enum Closing {
            case inline
            /// Writes the quotation's closing mark.
            case quotation(String)
            /// Ends the block (and a `<pre>`).
            case block(isPre: Bool)
        }

        /// Walks the subtree of `node` in document order, with a stack of its own rather than
        /// recursion: pages nest elements thousands deep.
        mutating func walk(_ node: HTMLNode, kind: TextBlock.Kind, quoteDepth: Int) {
            let document = node.document
            let nodes = document.nodes
            var stack = [Frame(next: node.index + 1, end: node.end, kind: kind, quoteDepth: quoteDepth, closing: .inline)]
            while let top = stack.last {
                guard top.next < top.end else {
                    stack.removeLast()
                    switch top.closing {
                    case .inline: break
                    case .quotation(let close): pending.append(contentsOf: close.utf8)
                    case .block(let isPre):
                        if isPre { preformatted -= 1 }
                        flush()
                    }
                    continue
                }
                let index = top.next
                let child = nodes[index]
                stack[stack.count - 1].next = Int(child.end)
                let kind = top.kind
                let quoteDepth = top.quoteDepth
                if child.isText {
                    let bytes = text[Int(child.start)..<Int(child.start + child.count)]
                    if pending.isEmpty { pendingKind = kind }
                    let from = pending.count
                    pending.append(contentsOf: bytes)
                    if preformatted == 0 {
                        // Line breaks in the source are spaces; only <br> breaks a line.
                        pending.withUnsafeMutableBufferPointer { b in
                            for k in from..<b.count where b[k] == 0x0A || b[k] == 0x0D { b[k] = 0x20 }
                        }
                    }
                    continue
                }
                let tag = child.tag
                if tag.isNeverText { continue }
                if !leavingOut.isEmpty, leavingOut[index] { continue }
                let inside = (next: index + 1, end: Int(child.end))
                switch tag {
                case .br:
                    pending.append(0x0A)
                    continue
                case .q:
                    // An inline quotation: the marks the browser would draw, curly and nested.
                    let (open, close) = quoteDepth % 2 == 0 ? ("\u{201C}", "\u{201D}") : ("\u{2018}", "\u{2019}")
                    if pending.isEmpty { pendingKind = kind }
                    pending.append(contentsOf: open.utf8)
                    stack.append(Frame(next: inside.next, end: inside.end, kind: kind, quoteDepth: quoteDepth + 1,
                                       closing: .quotation(close)))
                    continue
                case .img, .wbr:
                    continue
                default:
                    break
                }
                if !tag.isBlock {
                    stack.append(Frame(next: inside.next, end: inside.end, kind: kind, quoteDepth: quoteDepth, closing: .inline))
                    continue
                }
                flush()
                if tag == .pre { preformatted += 1 }
                stack.append(Frame(next: inside.next, end: inside.end, kind: Self.kind(of: tag, inside: kind),
                                   quoteDepth: quoteDepth, closing: .block(isPre: tag == .pre)))
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
