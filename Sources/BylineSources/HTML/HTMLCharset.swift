import CLibXML2
import Foundation

/// The character set of a web page, chosen in the order browsers use: a byte-order mark, then
/// the HTTP `Content-Type` charset, then a `<meta charset>` or `<meta http-equiv>` in the first
/// kilobytes, else detected from the bytes (valid UTF-8, UTF-16 without a BOM, the Japanese,
/// Chinese and Korean multi-byte encodings, else windows-1252). Labels are read as the WHATWG
/// Encoding Standard reads them (`iso-8859-1` and `ascii` mean windows-1252, `shift_jis` means
/// Microsoft's superset), and named as libxml2's converters (iconv) know them.
struct HTMLCharset: Equatable, Sendable {
    enum Origin: Equatable, Sendable {
        case byteOrderMark, contentType, meta, detected
    }

    /// The converter's name, as libxml2 takes it (`UTF-8`, `WINDOWS-1252`, `CP932`).
    var name: String
    var origin: Origin
    /// The length of the byte-order mark the content starts with (0, 2 or 3): left out of what
    /// the parser reads.
    var byteOrderMarkLength = 0

    /// How far `<meta>` declarations are looked for. The standard says 1,024 bytes, but pages
    /// put long scripts and comments first, and a later declaration is still the author's word.
    static let prescanLength = 16 * 1024

    static func of(_ bytes: UnsafeRawBufferPointer, contentType: String?) -> HTMLCharset {
        let b = bytes.bindMemory(to: UInt8.self)
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF {
            return HTMLCharset(name: "UTF-8", origin: .byteOrderMark, byteOrderMarkLength: 3)
        }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE {
            return HTMLCharset(name: "UTF-16LE", origin: .byteOrderMark, byteOrderMarkLength: 2)
        }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF {
            return HTMLCharset(name: "UTF-16BE", origin: .byteOrderMark, byteOrderMarkLength: 2)
        }
        if let label = contentType.flatMap(SourceDetection.charset(ofContentType:)), let name = converterName(label) {
            return HTMLCharset(name: name, origin: .contentType)
        }
        if let label = declaredInMeta(UnsafeBufferPointer(rebasing: b.prefix(prescanLength))),
           var name = converterName(label) {
            // A page cannot declare itself UTF-16 in ASCII-compatible bytes: the standard reads
            // it as UTF-8.
            if name.hasPrefix("UTF-16") { name = "UTF-8" }
            return HTMLCharset(name: name, origin: .meta)
        }
        return HTMLCharset(name: detect(b), origin: .detected)
    }

    // MARK: Conversion

    /// `bytes` in the character set `name` as UTF-8, through iconv: a byte sequence the set
    /// does not define becomes U+FFFD and the conversion goes on (libxml2's own converter stops
    /// the page there). Nil when no converter has the name.
    static func utf8(_ bytes: UnsafeRawBufferPointer, from name: String) -> [UInt8]? {
        let converter = iconv_open("UTF-8", name)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        // No character takes more than three UTF-8 bytes per byte of these sets (a UTF-16
        // surrogate pair, four bytes, gives four).
        let capacity = bytes.count * 3 + 16
        return [UInt8](unsafeUninitializedCapacity: capacity) { output, written in
            guard let inputBase = bytes.baseAddress, let outputBase = output.baseAddress else {
                written = 0
                return
            }
            var input = UnsafeMutablePointer(mutating: inputBase.assumingMemoryBound(to: CChar.self))
            var inputLeft = bytes.count
            var out = UnsafeMutableRawPointer(outputBase).assumingMemoryBound(to: CChar.self)
            var outputLeft = capacity
            while inputLeft > 0 {
                let result = withUnsafeMutablePointer(to: &input) { inPointer in
                    withUnsafeMutablePointer(to: &out) { outPointer in
                        inPointer.withMemoryRebound(to: UnsafeMutablePointer<CChar>?.self, capacity: 1) { i in
                            outPointer.withMemoryRebound(to: UnsafeMutablePointer<CChar>?.self, capacity: 1) { o in
                                iconv(converter, i, &inputLeft, o, &outputLeft)
                            }
                        }
                    }
                }
                if result != -1 { break }
                // An invalid or unfinished sequence: one U+FFFD for its first byte, then on.
                guard errno == EILSEQ || errno == EINVAL, outputLeft >= 3 else { break }
                for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
                    out.pointee = CChar(bitPattern: byte)
                    out += 1
                }
                outputLeft -= 3
                input += 1
                inputLeft -= 1
            }
            written = capacity - outputLeft
        }
    }

    // MARK: Labels

    /// The converter for an encoding label, or nil for a label no converter knows.
    static func converterName(_ label: String) -> String? {
        let key = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if key.isEmpty { return nil }
        if let known = whatwgLabels[key] { return known }
        // Anything else libxml2 (iconv) can convert is taken by its own name.
        guard key.utf8.allSatisfy({ $0 < 0x80 && $0 > 0x20 }), let handler = xmlFindCharEncodingHandler(key) else { return nil }
        xmlCharEncCloseFunc(handler)
        return key.uppercased()
    }

    /// The labels the WHATWG Encoding Standard gives a meaning different from (or wider than)
    /// the ISO or IANA one, and the common spellings of the rest.
    private static let whatwgLabels: [String: String] = {
        var table: [String: String] = [:]
        func add(_ name: String, _ labels: [String]) { for label in labels { table[label] = name } }
        add("UTF-8", ["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"])
        add("WINDOWS-1252", ["windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
                             "ascii", "us-ascii", "iso-ir-100", "csisolatin1", "ibm819", "cp819", "iso88591", "ansi_x3.4-1968"])
        add("WINDOWS-1254", ["iso-8859-9", "iso8859-9", "latin5", "l5", "windows-1254", "cp1254", "x-cp1254"])
        add("WINDOWS-874", ["tis-620", "iso-8859-11", "iso8859-11", "windows-874", "dos-874"])
        add("ISO-8859-15", ["iso-8859-15", "iso8859-15", "latin-9", "l9", "csisolatin9"])
        add("CP932", ["shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "windows-31j", "csshiftjis", "cp932"])
        add("EUC-JP", ["euc-jp", "x-euc-jp", "cseucpkdfmtjapanese"])
        add("ISO-2022-JP", ["iso-2022-jp", "csiso2022jp"])
        add("GB18030", ["gb2312", "gbk", "x-gbk", "gb18030", "chinese", "csgb2312", "gb_2312-80", "iso-ir-58", "cp936", "windows-936"])
        add("BIG5-HKSCS", ["big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5"])
        add("CP949", ["euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949", "cseuckr", "korean"])
        add("KOI8-R", ["koi8-r", "koi8", "koi", "cskoi8r"])
        add("KOI8-U", ["koi8-u", "koi8-ru"])
        add("UTF-16LE", ["utf-16", "utf-16le", "unicode", "ucs-2", "csunicode", "unicodefeff"])
        add("UTF-16BE", ["utf-16be", "unicodefffe"])
        add("WINDOWS-1252", ["x-user-defined"])
        for n in [1250, 1251, 1253, 1255, 1256, 1257, 1258] { add("WINDOWS-\(n)", ["windows-\(n)", "cp\(n)", "x-cp\(n)"]) }
        for n in [2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 16] {
            add("ISO-8859-\(n)", ["iso-8859-\(n)", "iso8859-\(n)", "iso_8859-\(n)", "iso88859\(n)"])
        }
        add("ISO-8859-8", ["iso-8859-8-i", "logical", "visual"])
        return table
    }()

    // MARK: <meta> prescan

    /// The charset a `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...;
    /// charset=...">` declares, read byte-wise as the HTML standard's prescan does (comments
    /// skipped, attribute values quoted or not).
    static func declaredInMeta(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        var i = 0
        let n = b.count
        while i < n {
            guard b[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if i + 3 < n, b[i + 1] == UInt8(ascii: "!"), b[i + 2] == 0x2D, b[i + 3] == 0x2D {
                // A comment: skip to its end.
                var j = i + 4
                while j + 2 < n, !(b[j] == 0x2D && b[j + 1] == 0x2D && b[j + 2] == UInt8(ascii: ">")) { j += 1 }
                i = j + 3
                continue
            }
            if i + 5 < n, lowercase(b[i + 1]) == 0x6D, lowercase(b[i + 2]) == 0x65, lowercase(b[i + 3]) == 0x74,
               lowercase(b[i + 4]) == 0x61, isSpaceOrSlash(b[i + 5]) {
                var j = i + 5
                var charset: String?
                var httpEquivContentType = false
                var content: String?
                while let (name, value, next) = attribute(b, from: j) {
                    j = next
                    switch name {
                    case "charset": if charset == nil { charset = value }
                    case "http-equiv": httpEquivContentType = value.lowercased() == "content-type"
                    case "content": if content == nil { content = value }
                    default: break
                    }
                }
                if let charset, !charset.isEmpty { return charset }
                if httpEquivContentType, let content, let found = SourceDetection.charset(ofContentType: "x;" + content) {
                    return found
                }
                i = j
                continue
            }
            i += 1
        }
        return nil
    }

    /// One attribute of a tag from `start`: its lowercased name, its value and where the next
    /// one starts; nil at the end of the tag.
    private static func attribute(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> (String, String, Int)? {
        var i = start
        let n = b.count
        while i < n, isSpaceOrSlash(b[i]) { i += 1 }
        guard i < n, b[i] != UInt8(ascii: ">") else { return nil }
        let nameStart = i
        while i < n, !isSpaceOrSlash(b[i]), b[i] != UInt8(ascii: "="), b[i] != UInt8(ascii: ">") { i += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: b[nameStart..<i]), as: UTF8.self).lowercased()
        while i < n, isSpace(b[i]) { i += 1 }
        guard i < n, b[i] == UInt8(ascii: "=") else { return (name, "", i) }
        i += 1
        while i < n, isSpace(b[i]) { i += 1 }
        guard i < n else { return nil }
        let valueStart: Int
        let valueEnd: Int
        if b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
            let quote = b[i]
            valueStart = i + 1
            i += 1
            while i < n, b[i] != quote { i += 1 }
            valueEnd = i
            i = min(i + 1, n)
        } else {
            valueStart = i
            while i < n, !isSpace(b[i]), b[i] != UInt8(ascii: ">") { i += 1 }
            valueEnd = i
        }
        let value = String(decoding: UnsafeBufferPointer(rebasing: b[valueStart..<valueEnd]), as: UTF8.self)
        return (name, value.trimmingCharacters(in: .whitespaces), i)
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    private static func isSpaceOrSlash(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: "/") }

    // MARK: Detection

    /// The encoding of undeclared bytes: UTF-8 when they are valid UTF-8 (ASCII included);
    /// UTF-16 when every other byte of the start is zero; else the multi-byte encoding the high
    /// bytes read as without errors and with the most of its language's common characters;
    /// else windows-1252, the web's default for undeclared Western pages.
    static func detect(_ b: UnsafeBufferPointer<UInt8>) -> String {
        if isValidUTF8(b) { return "UTF-8" }
        if let utf16 = utf16WithoutBOM(b) { return utf16 }
        var best: (name: String, score: Double)?
        for candidate in MultiByte.allCases {
            guard let score = candidate.score(b), score > (best?.score ?? 0) else { continue }
            best = (candidate.converter, score)
        }
        return best?.name ?? "WINDOWS-1252"
    }

    /// Whether `b` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        guard let base = b.baseAddress else { return true }
        while i < n {
            // Eight ASCII bytes at a time.
            if i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b0 = b[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            func continuation(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
            switch b0 {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard continuation(1), continuation(2) else { return false }
                let b1 = b[i + 1]
                if b0 == 0xE0 && b1 < 0xA0 { return false }
                if b0 == 0xED && b1 >= 0xA0 { return false }
                i += 3
            case 0xF0...0xF4:
                guard continuation(1), continuation(2), continuation(3) else { return false }
                let b1 = b[i + 1]
                if b0 == 0xF0 && b1 < 0x90 { return false }
                if b0 == 0xF4 && b1 >= 0x90 { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }

    /// UTF-16 without a BOM: markup is ASCII, so one byte of nearly every pair is zero.
    private static func utf16WithoutBOM(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let pairs = min(b.count, 1024) / 2
        guard pairs >= 4 else { return nil }
        var evenZero = 0
        var oddZero = 0
        for k in 0..<pairs {
            if b[2 * k] == 0 { evenZero += 1 }
            if b[2 * k + 1] == 0 { oddZero += 1 }
        }
        if oddZero * 10 >= pairs * 8 && evenZero * 10 < pairs { return "UTF-16LE" }
        if evenZero * 10 >= pairs * 8 && oddZero * 10 < pairs { return "UTF-16BE" }
        return nil
    }

    /// The East Asian multi-byte encodings told apart by their byte patterns.
    private enum MultiByte: CaseIterable {
        case shiftJIS, eucJP, gb18030, big5, eucKR

        var converter: String {
            switch self {
            case .shiftJIS: return "CP932"
            case .eucJP: return "EUC-JP"
            case .gb18030: return "GB18030"
            case .big5: return "BIG5-HKSCS"
            case .eucKR: return "CP949"
            }
        }

        /// The share of double-byte characters that are the language's most common ones
        /// (kana for Japanese, the frequent hanzi rows for Chinese, hangul for Korean), or nil
        /// when the bytes are not this encoding (more than 1% of sequences invalid, or no
        /// double-byte characters at all).
        func score(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
            var i = 0
            let n = b.count
            var characters = 0
            var common = 0
            var invalid = 0
            // Korean puts spaces between words; Chinese and Japanese do not.
            var spacesAfterCharacters = 0
            while i < n {
                let lead = b[i]
                if lead < 0x80 {
                    if lead == 0x20, i > 0, b[i - 1] >= 0x80 { spacesAfterCharacters += 1 }
                    i += 1
                    continue
                }
                let trail: UInt8 = i + 1 < n ? b[i + 1] : 0
                switch self {
                case .shiftJIS:
                    if lead >= 0xA1 && lead <= 0xDF {  // half-width katakana
                        i += 1
                        continue
                    }
                    guard (0x81...0x9F).contains(lead) || (0xE0...0xFC).contains(lead),
                          (0x40...0x7E).contains(trail) || (0x80...0xFC).contains(trail) else { invalid += 1; i += 1; continue }
                    if lead == 0x82 || lead == 0x83 { common += 1 }
                case .eucJP:
                    if lead == 0x8E, (0xA1...0xDF).contains(trail) {
                        characters += 1
                        i += 2
                        continue
                    }
                    guard (0xA1...0xFE).contains(lead), (0xA1...0xFE).contains(trail) else { invalid += 1; i += 1; continue }
                    if lead == 0xA4 || lead == 0xA5 { common += 1 }
                case .gb18030:
                    guard (0x81...0xFE).contains(lead), (0x40...0xFE).contains(trail), trail != 0x7F else {
                        invalid += 1
                        i += 1
                        continue
                    }
                    if (0xB0...0xD7).contains(lead) && trail >= 0xA1 { common += 1 }
                case .big5:
                    guard (0x81...0xFE).contains(lead), (0x40...0x7E).contains(trail) || (0xA1...0xFE).contains(trail) else {
                        invalid += 1
                        i += 1
                        continue
                    }
                    if (0xA4...0xC6).contains(lead) { common += 1 }
                case .eucKR:
                    guard (0x81...0xFE).contains(lead), (0x41...0xFE).contains(trail) else { invalid += 1; i += 1; continue }
                    if (0xB0...0xC8).contains(lead) && trail >= 0xA1 { common += 1 }
                }
                characters += 1
                i += 2
            }
            guard characters > 0, invalid * 100 <= characters else { return nil }
            var score = Double(common) / Double(characters)
            let spaced = Double(spacesAfterCharacters) / Double(characters) > 0.08
            switch self {
            case .eucKR: score *= spaced ? 1.5 : 0.5
            case .gb18030, .big5: if spaced { score *= 0.5 }
            default: break
            }
            return score
        }
    }
}
