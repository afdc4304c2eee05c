/// A small TOML subset, enough for the config file: `[tables]` (dotted names allowed),
/// `key = value` with bare, quoted or dotted keys, basic and literal strings, integers,
/// booleans, arrays (across lines, trailing comma allowed) and `#` comments. Errors name the
/// line. Not supported, and reported as such: floats, dates, inline tables, arrays of tables,
/// multi-line strings.
public enum TOML {
    public indirect enum Value: Hashable, Sendable, CustomStringConvertible {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        case array([Value])

        public var description: String {
            switch self {
            case .string(let s): return "\"\(s)\""
            case .integer(let i): return String(i)
            case .boolean(let b): return String(b)
            case .array(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
            }
        }

        public var typeName: String {
            switch self {
            case .string: return "a string"
            case .integer: return "an integer"
            case .boolean: return "a boolean"
            case .array: return "an array"
            }
        }
    }

    /// One `key = value`, with the table it is in and its line (from 1).
    public struct Entry: Hashable, Sendable {
        public var table: String
        public var key: String
        public var value: Value
        public var line: Int
    }

    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public struct Document: Hashable, Sendable {
        public var entries: [Entry]
        /// Every table header, with its line.
        public var tables: [(name: String, line: Int)]

        public static func == (a: Document, b: Document) -> Bool {
            a.entries == b.entries && a.tables.map(\.name) == b.tables.map(\.name)
        }
        public func hash(into hasher: inout Hasher) { hasher.combine(entries) }

        public func entries(in table: String) -> [Entry] { entries.filter { $0.table == table } }

        public func value(_ key: String, in table: String) -> Value? {
            entries.first { $0.table == table && $0.key == key }?.value
        }
    }

    public static func parse(_ text: String) throws(ParseError) -> Document {
        var parser = Parser(Array(text.unicodeScalars))
        return try parser.document()
    }
}

private struct Parser {
    let s: [Unicode.Scalar]
    var i = 0
    var line = 1

    init(_ scalars: [Unicode.Scalar]) { s = scalars }

    var atEnd: Bool { i >= s.count }
    var peek: Unicode.Scalar? { i < s.count ? s[i] : nil }

    func fail(_ message: String) -> TOML.ParseError { TOML.ParseError(line: line, message: message) }

    mutating func advance() {
        if s[i] == "\n" { line += 1 }
        i += 1
    }

    mutating func skipSpaces() {
        while let c = peek, c == " " || c == "\t" { advance() }
    }

    mutating func skipComment() {
        if peek == "#" { while let c = peek, c != "\n" { advance() } }
    }

    /// Spaces, comments and newlines (inside arrays).
    mutating func skipBlank() {
        while let c = peek {
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                advance()
            } else if c == "#" {
                skipComment()
            } else {
                break
            }
        }
    }

    /// After a value or header: only a comment may follow on the line.
    mutating func endOfLine() throws(TOML.ParseError) {
        skipSpaces()
        skipComment()
        if peek == "\r" { advance() }
        guard let c = peek else { return }
        guard c == "\n" else { throw fail("unexpected \"\(c)\" after the value (one setting a line)") }
        advance()
    }

    mutating func document() throws(TOML.ParseError) -> TOML.Document {
        var entries: [TOML.Entry] = []
        var tables: [(String, Int)] = []
        var table = ""
        var seen = Set<String>()
        while true {
            skipBlank()
            guard let c = peek else { break }
            if c == "[" {
                let headerLine = line
                advance()
                if peek == "[" { throw fail("arrays of tables ([[...]]) are not supported") }
                skipSpaces()
                let name = try keyPath()
                skipSpaces()
                guard peek == "]" else { throw fail("expected \"]\" to close the table name") }
                advance()
                try endOfLine()
                if tables.contains(where: { $0.0 == name }) { throw TOML.ParseError(line: headerLine, message: "table [\(name)] appears twice") }
                tables.append((name, headerLine))
                table = name
                continue
            }
            let entryLine = line
            let key = try keyPath()
            skipSpaces()
            guard peek == "=" else { throw fail("expected \"=\" after the key \"\(key)\"") }
            advance()
            skipSpaces()
            let value = try value()
            try endOfLine()
            let full = table + "\u{0}" + key
            if seen.contains(full) { throw TOML.ParseError(line: entryLine, message: "\"\(key)\" is set twice") }
            seen.insert(full)
            entries.append(TOML.Entry(table: table, key: key, value: value, line: entryLine))
        }
        return TOML.Document(entries: entries, tables: tables)
    }

    /// A key: bare or quoted parts joined by dots.
    mutating func keyPath() throws(TOML.ParseError) -> String {
        var parts: [String] = []
        while true {
            skipSpaces()
            guard let c = peek else { throw fail("expected a key") }
            if c == "\"" {
                parts.append(try basicString())
            } else if c == "'" {
                parts.append(try literalString())
            } else {
                var part = ""
                while let c = peek, isBareKey(c) {
                    part.unicodeScalars.append(c)
                    advance()
                }
                if part.isEmpty {
                    throw fail(c == "\n" ? "expected a key" : "unexpected \"\(c)\" where a key should be (quote it: \"\(c)\")")
                }
                parts.append(part)
            }
            skipSpaces()
            if peek == "." {
                advance()
                continue
            }
            return parts.joined(separator: ".")
        }
    }

    func isBareKey(_ c: Unicode.Scalar) -> Bool {
        (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c == "_" || c == "-"
    }

    mutating func value() throws(TOML.ParseError) -> TOML.Value {
        guard let c = peek, c != "\n", c != "#" else { throw fail("expected a value after \"=\"") }
        switch c {
        case "\"":
            if i + 2 < s.count, s[i + 1] == "\"", s[i + 2] == "\"" { throw fail("multi-line strings are not supported") }
            return .string(try basicString())
        case "'":
            return .string(try literalString())
        case "[":
            return try array()
        case "{":
            throw fail("inline tables are not supported")
        case "t", "f":
            var word = ""
            while let c = peek, c >= "a" && c <= "z" {
                word.unicodeScalars.append(c)
                advance()
            }
            if word == "true" { return .boolean(true) }
            if word == "false" { return .boolean(false) }
            throw fail("unknown value \"\(word)\" (strings need quotes)")
        default:
            return try integer()
        }
    }

    mutating func integer() throws(TOML.ParseError) -> TOML.Value {
        var text = ""
        while let c = peek, !(c == " " || c == "\t" || c == "\n" || c == "\r" || c == "," || c == "]" || c == "#") {
            text.unicodeScalars.append(c)
            advance()
        }
        var digits = text.replacingUnderscores()
        var sign = 1
        if digits.hasPrefix("+") || digits.hasPrefix("-") {
            sign = digits.hasPrefix("-") ? -1 : 1
            digits.removeFirst()
        }
        let value: Int?
        if digits.hasPrefix("0x") {
            value = Int(digits.dropFirst(2), radix: 16)
        } else if digits.first?.isNumber == true, digits.contains(".") || digits.contains("e") || digits.contains("E") {
            throw fail("floating-point numbers are not supported (\(text))")
        } else if digits.count > 1, digits.hasPrefix("0") {
            value = nil
        } else {
            value = digits.allSatisfy(\.isASCII) ? Int(digits) : nil
        }
        guard let value, !digits.isEmpty else { throw fail("\"\(text)\" is not a value (strings need quotes)") }
        return .integer(sign * value)
    }

    mutating func array() throws(TOML.ParseError) -> TOML.Value {
        advance()  // [
        var items: [TOML.Value] = []
        while true {
            skipBlank()
            guard let c = peek else { throw fail("the array is not closed with \"]\"") }
            if c == "]" {
                advance()
                return .array(items)
            }
            items.append(try value())
            skipBlank()
            if peek == "," {
                advance()
            } else if peek == nil {
                throw fail("the array is not closed with \"]\"")
            } else if peek != "]" {
                throw fail("expected \",\" or \"]\" in the array")
            }
        }
    }

    mutating func basicString() throws(TOML.ParseError) -> String {
        advance()  // "
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek, c != "\n" else { throw fail("the string is not closed with \"") }
            advance()
            if c == "\"" { return String(out) }
            if c == "\\" {
                guard let e = peek else { throw fail("the string is not closed with \"") }
                advance()
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "e": out.append("\u{1B}")
                case "u", "U":
                    let count = e == "u" ? 4 : 8
                    var hex = ""
                    for _ in 0..<count {
                        guard let h = peek, h.properties.isASCIIHexDigit else { throw fail("\\\(e) needs \(count) hex digits") }
                        hex.unicodeScalars.append(h)
                        advance()
                    }
                    guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
                        throw fail("\\\(e)\(hex) is not a Unicode scalar")
                    }
                    out.append(scalar)
                default:
                    throw fail("unknown escape \\\(e) in a string")
                }
            } else {
                out.append(c)
            }
        }
    }

    mutating func literalString() throws(TOML.ParseError) -> String {
        advance()  // '
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek, c != "\n" else { throw fail("the string is not closed with '") }
            advance()
            if c == "'" { return String(out) }
            out.append(c)
        }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
