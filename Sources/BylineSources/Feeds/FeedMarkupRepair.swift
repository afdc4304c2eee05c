import CLibXML2
import Foundation

/// Mends the entity and `<` mistakes feeds make before libxml2 sees them, byte-wise, outside
/// CDATA sections, comments, processing instructions and the doctype:
/// - a bare `&` (`Fish & Chips`) becomes `&#38;`, and a stray `<` (`x < y`) `&#60;`;
/// - an HTML entity that XML does not know (`&nbsp;`, `&eacute;`, `&rsquo;`) becomes its
///   character reference, unless the document declares it; an unknown one keeps its text;
/// - a character reference to a character XML forbids (`&#1;`) becomes U+FFFD;
/// - XML's own five entities (`&amp;`) become character references too.
///
/// The last is why this runs on every feed and not only on broken ones: after its first
/// well-formedness error, libxml2 2.9's recover mode drops every later named entity reference
/// (`&lt;p&gt;` in a description turns into `p`), while character references survive. On a
/// well-formed feed the replacements change nothing that is parsed.
///
/// Only for encodings in which ASCII bytes are ASCII characters (UTF-8, the ISO-8859 family,
/// windows-125x, and the CJK encodings, whose second bytes never fall on `&` or `<`).
enum FeedMarkupRepair {
    /// `data` mended, or `data` itself when nothing needed it.
    static func repaired(_ data: Data) -> Data {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Data in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            scanner.run()
            guard let output = scanner.output else { return data }
            return Data(output)
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Filled from the first change on; nil while the input is unchanged.
        var output: [UInt8]?
        /// Up to where `bytes` has been copied into `output`.
        var copied = 0
        /// Entities the doctype declares (they are the document's own and stay references).
        var declared: Set<[UInt8]> = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func run() {
            var i = 0
            let n = bytes.count
            while i < n {
                switch bytes[i] {
                case UInt8(ascii: "<"):
                    i = afterMarkupStart(at: i)
                case UInt8(ascii: "&"):
                    i = afterReference(at: i)
                default:
                    i += 1
                }
            }
            if output != nil { flush(upTo: n) }
        }

        /// Replaces `bytes[start..<end]` with `replacement`.
        mutating func replace(_ start: Int, _ end: Int, with replacement: some Sequence<UInt8>) {
            if output == nil {
                output = []
                output!.reserveCapacity(bytes.count + bytes.count / 16)
            }
            flush(upTo: start)
            output!.append(contentsOf: replacement)
            copied = end
        }

        mutating func flush(upTo end: Int) {
            guard copied < end else { return }
            output!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end]))
            copied = end
        }

        func starts(_ literal: String, at i: Int) -> Bool {
            var k = i
            for byte in literal.utf8 {
                guard k < bytes.count, bytes[k] == byte else { return false }
                k += 1
            }
            return true
        }

        /// The index just past the first `terminator` at or after `i` (the end if none).
        func past(_ terminator: String, from i: Int) -> Int {
            let first = terminator.utf8.first!
            var k = i
            while k < bytes.count {
                if bytes[k] == first, starts(terminator, at: k) { return k + terminator.utf8.count }
                k += 1
            }
            return bytes.count
        }

        /// Skips sections whose text is not markup; escapes a `<` that cannot open a tag.
        mutating func afterMarkupStart(at i: Int) -> Int {
            if starts("<![CDATA[", at: i) { return past("]]>", from: i + 9) }
            if starts("<!--", at: i) { return past("-->", from: i + 4) }
            if starts("<?", at: i) { return past("?>", from: i + 2) }
            if starts("<!DOCTYPE", at: i) { return afterDoctype(at: i) }
            let next = i + 1 < bytes.count ? bytes[i + 1] : 0
            if isNameStart(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") { return i + 1 }
            replace(i, i + 1, with: "&#60;".utf8)
            return i + 1
        }

        /// Past a doctype and its internal subset, noting the general entities it declares.
        mutating func afterDoctype(at i: Int) -> Int {
            var k = i + 9
            while k < bytes.count, bytes[k] != UInt8(ascii: "["), bytes[k] != UInt8(ascii: ">") { k += 1 }
            guard k < bytes.count, bytes[k] == UInt8(ascii: "[") else { return min(k + 1, bytes.count) }
            // The internal subset, to its closing `]`; quoted values may hold `]` or `>`.
            k += 1
            while k < bytes.count, bytes[k] != UInt8(ascii: "]") {
                if bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") {
                    let quote = bytes[k]
                    k += 1
                    while k < bytes.count, bytes[k] != quote { k += 1 }
                } else if starts("<!--", at: k) {
                    k = past("-->", from: k + 4) - 1
                } else if starts("<!ENTITY", at: k) {
                    var m = k + 8
                    while m < bytes.count, isSpace(bytes[m]) { m += 1 }
                    if m < bytes.count, bytes[m] != UInt8(ascii: "%") {
                        let start = m
                        while m < bytes.count, isNameCharacter(bytes[m]) { m += 1 }
                        declared.insert(Array(bytes[start..<m]))
                    }
                    k = m - 1
                }
                k += 1
            }
            while k < bytes.count, bytes[k] != UInt8(ascii: ">") { k += 1 }
            return min(k + 1, bytes.count)
        }

        mutating func afterReference(at i: Int) -> Int {
            var k = i + 1
            if k < bytes.count, bytes[k] == UInt8(ascii: "#") {
                // A character reference: decimal or hexadecimal digits, then `;`.
                k += 1
                let hex = k < bytes.count && (bytes[k] == UInt8(ascii: "x") || bytes[k] == UInt8(ascii: "X"))
                if hex { k += 1 }
                var value: UInt32 = 0
                let digitsStart = k
                while k < bytes.count, k - digitsStart < 10, let digit = digitValue(bytes[k], hex: hex) {
                    value = value &* (hex ? 16 : 10) &+ UInt32(digit)
                    k += 1
                }
                guard k > digitsStart, k < bytes.count, bytes[k] == UInt8(ascii: ";") else {
                    replace(i, i + 1, with: "&#38;".utf8)
                    return i + 1
                }
                if !isXMLCharacter(value) || k - digitsStart > 8 { replace(i, k + 1, with: "&#xFFFD;".utf8) }
                return k + 1
            }
            let nameStart = k
            while k < bytes.count, k - nameStart <= 32, isNameCharacter(bytes[k]) { k += 1 }
            guard k > nameStart, k < bytes.count, bytes[k] == UInt8(ascii: ";"), isNameStart(bytes[nameStart]) else {
                replace(i, i + 1, with: "&#38;".utf8)
                return i + 1
            }
            let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<k])
            if let predefined = Self.predefined(name) {
                replace(i, k + 1, with: "&#\(predefined);".utf8)
            } else if declared.contains(Array(name)) {
                // The document's own entity: libxml2 reads it (within its limits).
            } else if let value = Self.htmlEntity(name) {
                replace(i, k + 1, with: "&#\(value);".utf8)
            } else {
                // Unknown: its text is shown as written.
                replace(i, i + 1, with: "&#38;".utf8)
            }
            return k + 1
        }

        static func predefined(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
            switch name.count {
            case 2:
                if name[0] == UInt8(ascii: "l"), name[1] == UInt8(ascii: "t") { return 60 }
                if name[0] == UInt8(ascii: "g"), name[1] == UInt8(ascii: "t") { return 62 }
            case 3:
                if name.elementsEqual("amp".utf8) { return 38 }
            case 4:
                if name.elementsEqual("quot".utf8) { return 34 }
                if name.elementsEqual("apos".utf8) { return 39 }
            default: break
            }
            return nil
        }

        /// The code point of an HTML 4 entity name, from libxml2's own table.
        static func htmlEntity(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
            var cName = [UInt8](name)
            cName.append(0)
            return cName.withUnsafeBufferPointer { htmlEntityLookup($0.baseAddress)?.pointee.value }
        }

        func digitValue(_ byte: UInt8, hex: Bool) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return byte - UInt8(ascii: "A") + 10
            default: return nil
            }
        }

        /// XML 1.0's `Char`.
        func isXMLCharacter(_ value: UInt32) -> Bool {
            switch value {
            case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
            default: return false
            }
        }

        func isNameStart(_ byte: UInt8) -> Bool {
            (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: ":") || byte >= 0x80
        }

        func isNameCharacter(_ byte: UInt8) -> Bool {
            isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
        }

        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
    }
}
