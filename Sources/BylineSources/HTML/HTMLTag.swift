import BylineCore

/// The HTML elements ingest distinguishes; every other name is `.other`.
enum HTMLTag: UInt8, CaseIterable, Sendable {
    case other
    // Document
    case html, head, body, title, meta, link, base
    // Never text a reader sees
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio, picture, source,
         select, option, button, input, textarea, form, label, dialog, map
    // Sections and grouping
    case article, main, section, header, footer, nav, aside, div, address, figure, figcaption, details, summary, center,
         fieldset, legend, hgroup, menu
    // Text blocks
    case p, h1, h2, h3, h4, h5, h6, blockquote, pre, hr, ul, ol, li, dl, dt, dd
    // Tables
    case table, caption, thead, tbody, tfoot, tr, td, th
    // Inline
    case a, br, q, img, span, em, strong, b, i, u, small, sub, sup, time, cite, abbr, code, mark, s, del, ins, font, wbr

    /// The tag of an element name as libxml2 gives it (lowercased UTF-8), without allocating.
    init(name: UnsafePointer<UInt8>?) {
        guard let name else {
            self = .other
            return
        }
        var hash = FNV1a.offsetBasis
        var length = 0
        while name[length] != 0 {
            // ASCII lowercase: names from XHTML parsed as XML may keep their case.
            var byte = name[length]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            hash = FNV1a.step(hash, UInt64(byte))
            length += 1
            if length > 12 {
                self = .other
                return
            }
        }
        self = HTMLTag.byHash[hash] ?? .other
    }

    /// Tags by the FNV-1a hash of their names (64 bits: no two names of this table collide, and
    /// an unknown name matching one is vanishingly unlikely).
    private static let byHash: [UInt64: HTMLTag] = {
        var table: [UInt64: HTMLTag] = [:]
        for tag in HTMLTag.allCases where tag != .other {
            table[FNV1a.of(utf8: String(describing: tag))] = tag
        }
        return table
    }()

    /// Elements whose content is never article text.
    var isNeverText: Bool {
        switch self {
        case .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas, .video, .audio,
             .picture, .source, .select, .option, .button, .input, .textarea, .dialog, .map, .head, .title, .meta,
             .link, .base:
            return true
        default:
            return false
        }
    }

    /// Elements that start and end a block of text.
    var isBlock: Bool {
        switch self {
        case .html, .body, .article, .main, .section, .header, .footer, .nav, .aside, .div, .address, .figure,
             .figcaption, .details, .summary, .center, .fieldset, .legend, .hgroup, .menu, .form, .label,
             .p, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote, .pre, .hr, .ul, .ol, .li, .dl, .dt, .dd,
             .table, .caption, .thead, .tbody, .tfoot, .tr, .td, .th:
            return true
        default:
            return false
        }
    }

    /// The heading level of `h1`…`h6`.
    var headingLevel: Int? {
        switch self {
        case .h1: return 1
        case .h2: return 2
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return nil
        }
    }
}
