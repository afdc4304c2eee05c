import CLibXML2
import Foundation

/// The character set a feed is parsed in. The label comes from the HTTP `Content-Type`'s
/// charset, else the XML declaration, else XML's default (UTF-8); the bytes then overrule a
/// label they contradict, because a wrong label is common and mojibake is the result of
/// believing it:
/// - labelled UTF-8 (or unlabelled) but not valid UTF-8: read as windows-1252, the usual
///   truth (a feed written by a Latin-1 system that declares UTF-8);
/// - labelled anything else but valid UTF-8 with non-ASCII bytes: read as UTF-8 (text in a
///   legacy encoding is almost never valid UTF-8 by chance);
/// - labelled ISO-8859-1 or US-ASCII: read as windows-1252, as browsers do, so the curly quotes
///   such feeds carry in 0x80–0x9F are quotes and not control characters;
/// - a label libxml2 (iconv) does not know: UTF-8 if valid, else windows-1252.
/// UTF-16 and UTF-32 (a BOM, or the NUL pattern of `<?xml` in them) are left to libxml2.
struct FeedEncoding: Equatable {
    /// The name to hand libxml2 (it overrides the declaration), or nil for libxml2's own choice.
    var name: String?
    /// Why the label was overruled, if it was.
    var warning: String?
    /// Whether ASCII bytes stand for ASCII characters (so the markup can be repaired byte-wise).
    var isASCIICompatible: Bool

    static func decide(_ data: Data, httpCharset: String?) -> FeedEncoding {
        let head = data.prefix(512).withUnsafeBytes { [UInt8]($0) }
        if isWide(head) { return FeedEncoding(name: nil, warning: nil, isASCIICompatible: false) }
        let declared = declaredEncoding(head)
        let label = httpCharset ?? declared
        let normalized = label.map(normalize)
        let isValidUTF8 = data.withUnsafeBytes { HTMLCharset.isValidUTF8($0.bindMemory(to: UInt8.self)) }
        let labelSays = label.map { "declares \($0)" } ?? "declares no encoding (XML's default is UTF-8)"
        switch normalized {
        case nil, "utf8":
            if isValidUTF8 { return FeedEncoding(name: label == nil ? nil : "UTF-8", warning: nil, isASCIICompatible: true) }
            return FeedEncoding(name: "windows-1252", warning: "the feed \(labelSays) but is not valid UTF-8; read as windows-1252",
                                isASCIICompatible: true)
        default:
            if isValidUTF8 && data.withUnsafeBytes({ $0.contains { $0 >= 0x80 } }) {
                return FeedEncoding(name: "UTF-8", warning: "the feed \(labelSays) but is UTF-8; read as UTF-8", isASCIICompatible: true)
            }
            let label = label!
            if ["iso88591", "latin1", "l1", "usascii", "ascii", "ansix3.41968", "cp1252", "windows1252"].contains(normalized!) {
                return FeedEncoding(name: "windows-1252", warning: nil, isASCIICompatible: true)
            }
            if normalized!.hasPrefix("utf16") || normalized!.hasPrefix("utf32") || normalized == "ucs2" || normalized == "ucs4" {
                // Labelled wide but the bytes are not: read them as what they are.
                return FeedEncoding(name: isValidUTF8 ? "UTF-8" : "windows-1252",
                                    warning: "the feed \(labelSays) but its bytes are not; read as \(isValidUTF8 ? "UTF-8" : "windows-1252")",
                                    isASCIICompatible: true)
            }
            if isKnown(label) { return FeedEncoding(name: label, warning: nil, isASCIICompatible: true) }
            let fallback = isValidUTF8 ? "UTF-8" : "windows-1252"
            return FeedEncoding(name: fallback, warning: "the feed \(labelSays), an encoding this system does not know; read as \(fallback)",
                                isASCIICompatible: true)
        }
    }

    /// `UTF-8`, `utf_8` and `Utf8` alike: lowercased, without `-`, `_` and spaces.
    private static func normalize(_ label: String) -> String {
        String(label.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != " " })
    }

    /// A BOM for UTF-16 or UTF-32, or `<` with NUL bytes beside it.
    private static func isWide(_ head: [UInt8]) -> Bool {
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return true
        }
        guard head.count >= 4 else { return false }
        return head[0] == 0 && head[1] == 0x3C || head[0] == 0x3C && head[1] == 0
    }

    /// The `encoding` of an `<?xml ... ?>` declaration at the start (after a UTF-8 BOM).
    static func declaredEncoding(_ head: [UInt8]) -> String? {
        var start = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard head[start...].starts(with: Array("<?xml".utf8)) else { return nil }
        guard let end = head[start...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: head[start..<end], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        var rest = declaration[key.upperBound...].drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix(while: { $0 != quote })
        return value.isEmpty ? nil : String(value)
    }

    /// Whether libxml2 (with iconv) can decode `label`.
    private static func isKnown(_ label: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(label) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }
}
