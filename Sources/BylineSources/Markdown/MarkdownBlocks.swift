import BylineCore
import CCmark

/// A Markdown document reduced to what a reader sees, as blocks of text: cmark-gfm (GitHub's
/// fork of the CommonMark reference parser, with tables, strikethrough, autolinks and task
/// lists) parses it, and its tree is walked here.
/// - Emphasis, strong emphasis and strikethrough marks disappear (`said **Ann Lee**` reads
///   `said Ann Lee`); code spans keep their text without backticks.
/// - A link keeps its text; its URL goes. Autolinked addresses are their own text.
/// - Images are left out, alt text too: a picture is not part of the sentences around it.
/// - Headings, paragraphs, list items, block quotations, table cells (header cells too) and
///   code blocks each become a block; a soft line break is a space, a hard one `\n`.
/// - Raw HTML blocks go through the HTML-to-text step; inline `<br>` is a line break and
///   `<q>…</q>` gets quotation marks, as in HTML; other inline tags are dropped.
/// - Thematic breaks and footnote references leave nothing.
enum MarkdownBlocks {
    static func blocks(of markdown: String) -> [TextBlock] {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [] }
        for syntax in extensions.all { cmark_parser_attach_syntax_extension(parser, syntax) }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let document = cmark_parser_finish(parser)
        cmark_parser_free(parser)
        guard let document else { return [] }
        defer { cmark_node_free(document) }
        var walk = Walk()
        walk.run(document)
        return walk.blocks
    }

    /// The GFM extensions, registered and looked up once (registration is not thread-safe;
    /// a `static let` runs once, guarded).
    private static let extensions = Extensions()

    private struct Extensions: @unchecked Sendable {
        // Immutable after registration: cmark-gfm only reads its extensions while parsing.
        let all: [OpaquePointer]

        init() {
            cmark_gfm_core_extensions_ensure_registered()
            let names: [String] = ["table", "strikethrough", "autolink", "tasklist"]
            all = names.compactMap { cmark_find_syntax_extension($0) }
        }
    }

    private struct Walk {
        var blocks: [TextBlock] = []
        /// The text of the block being read, and its kind; nil between blocks.
        var pending: String?
        var pendingKind: TextBlock.Kind = .paragraph
        /// Kinds given by the containers the walk is in (block quotations, list items).
        var containers: [TextBlock.Kind] = []
        var inlineQuoteDepth = 0

        mutating func run(_ document: OpaquePointer) {
            guard let iterator = cmark_iter_new(document) else { return }
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let entering = event == CMARK_EVENT_ENTER
                switch cmark_node_get_type(node) {
                case CMARK_NODE_PARAGRAPH:
                    if entering { begin(containers.last ?? .paragraph) } else { end() }
                case CMARK_NODE_HEADING:
                    if entering { begin(.heading(level: Int(cmark_node_get_heading_level(node)))) } else { end() }
                case CMARK_NODE_BLOCK_QUOTE:
                    if entering { containers.append(.quotation) } else { containers.removeLast() }
                case CMARK_NODE_ITEM:
                    // A paragraph in a list item is a list item, even inside a quotation.
                    if entering { containers.append(.listItem) } else { containers.removeLast() }
                case CMARK_NODE_CODE_BLOCK:
                    add(literal(node), kind: .preformatted)
                case CMARK_NODE_HTML_BLOCK:
                    blocks += HTMLBlocks.blocks(fromFragment: literal(node))
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    append(literal(node))
                case CMARK_NODE_SOFTBREAK:
                    append(" ")
                case CMARK_NODE_LINEBREAK:
                    append("\n")
                case CMARK_NODE_HTML_INLINE:
                    inlineHTML(literal(node))
                case CMARK_NODE_IMAGE:
                    // Past the image's alt text, to its end.
                    if entering { cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT) }
                default:
                    // Extension nodes are told by name.
                    if let name = cmark_node_get_type_string(node), String(cString: name) == "table_cell" {
                        if entering { begin(.tableCell) } else { end() }
                    }
                }
            }
        }

        mutating func begin(_ kind: TextBlock.Kind) {
            end()
            pending = ""
            pendingKind = kind
        }

        mutating func end() {
            if let text = pending { add(text, kind: pendingKind) }
            pending = nil
        }

        mutating func add(_ text: String, kind: TextBlock.Kind) {
            let collapsed = ArticleText.collapse(text, keepingLineBreaks: true)
            if !collapsed.isEmpty { blocks.append(TextBlock(kind: kind, text: collapsed)) }
        }

        mutating func append(_ text: String) {
            pending?.append(text)
        }

        mutating func inlineHTML(_ tag: String) {
            let lowered = tag.lowercased()
            if lowered.hasPrefix("<br") {
                append("\n")
            } else if lowered.hasPrefix("<q>") || lowered.hasPrefix("<q ") {
                append(inlineQuoteDepth % 2 == 0 ? "\u{201C}" : "\u{2018}")
                inlineQuoteDepth += 1
            } else if lowered.hasPrefix("</q"), inlineQuoteDepth > 0 {
                inlineQuoteDepth -= 1
                append(inlineQuoteDepth % 2 == 0 ? "\u{201D}" : "\u{2019}")
            }
        }

        func literal(_ node: OpaquePointer) -> String {
            cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        }
    }
}
