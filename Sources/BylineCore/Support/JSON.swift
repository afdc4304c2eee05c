/// A JSON value whose objects keep their keys in the order given, so the command line's
/// output is stable and reads in a sensible order (`article`, `id`, `start`, `end`, ...).
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.serialized() == rhs.serialized() }

    /// Compact serialization on one line (JSON Lines), or indented, starting `indent` levels in
    /// (for a value written inside an array streamed one element at a time).
    public func serialized(pretty: Bool = false, indent: Int = 0) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: indent)
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(d) : "null"
        case .string(let s): JSON.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 { out += pretty ? "," : ", " }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (n, (key, value)) in members.enumerated() {
                if n > 0 { out += pretty ? "," : ", " }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                JSON.writeString(key, into: &out)
                out += ": "
                value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escape: appended whole, which is several times faster than
        // scalar by scalar.
        if !needsEscape(s) {
            out += s
            out += "\""
            return
        }
        // Escaped on the UTF-8 bytes into one buffer: every quotation's text holds its marks,
        // so this path is common.
        var escaped: [UInt8] = []
        escaped.reserveCapacity(s.utf8.count + 16)
        var utf8 = Array(s.utf8)[...]
        while let byte = utf8.popFirst() {
            switch byte {
            case 0x22, 0x5C:
                escaped.append(0x5C)
                escaped.append(byte)
            case 0x0A:
                escaped.append(0x5C)
                escaped.append(UInt8(ascii: "n"))
            case 0x0D:
                escaped.append(0x5C)
                escaped.append(UInt8(ascii: "r"))
            case 0x09:
                escaped.append(0x5C)
                escaped.append(UInt8(ascii: "t"))
            case 0..<0x20, 0x7F: escaped += unicodeEscape(UInt32(byte))
            case 0xE2 where utf8.count >= 2 && utf8[utf8.startIndex] == 0x80
                && (utf8[utf8.startIndex + 1] == 0xA8 || utf8[utf8.startIndex + 1] == 0xA9):
                // U+2028 and U+2029, which end a line in JavaScript.
                escaped += unicodeEscape(utf8[utf8.startIndex + 1] == 0xA8 ? 0x2028 : 0x2029)
                utf8 = utf8.dropFirst(2)
            default: escaped.append(byte)
            }
        }
        out += String(decoding: escaped, as: UTF8.self)
        out += "\""
    }
}

extension JSON {
    /// A `\u` escape: the letter u and four hex digits after the backslash.
    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        let hex = Array(String(value, radix: 16).utf8)
        return Array("\\u".utf8) + Array(repeating: UInt8(ascii: "0"), count: 4 - hex.count) + hex
    }

    /// Whether `s` holds a character `writeString` escapes: `"`, `\`, a control character,
    /// DEL, U+2028 or U+2029 (E2 80 A8/A9 in UTF-8).
    private static func needsEscape(_ s: String) -> Bool {
        var utf8 = s.utf8.makeIterator()
        while let byte = utf8.next() {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
            // The bytes after a lead byte are continuation bytes (0x80...0xBF): skipping them
            // cannot skip an ASCII character.
            if byte == 0xE2, utf8.next() == 0x80, let third = utf8.next(), third == 0xA8 || third == 0xA9 { return true }
        }
        return false
    }

    public init(_ value: String?) { self = value.map(JSON.string) ?? .null }
    public init(_ value: Int?) { self = value.map(JSON.int) ?? .null }
}
