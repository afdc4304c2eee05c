import BylineCore
import Foundation

/// The front matter of a Markdown file: a YAML block between `---` lines (closed by `---` or
/// `...`), or a TOML block between `+++` lines, at the very top. Only `title`, `date`, and
/// `author` or `authors` are read, from the small part of YAML and TOML that front matter
/// uses: plain, quoted and folded strings, dates, lists (flow `[a, b]` or block `- a`), and an
/// author given as a mapping or table with a `name`. Anything else is skipped; what cannot be
/// understood in those keys is a warning, never a reason to refuse the file.
struct FrontMatter: Equatable {
    var title: String?
    var date: CivilDate?
    /// The instant, when `date` gives a time (`PublicationDate.Dated.published`).
    var published: String?
    var authors: [String] = []
    var warnings: [String] = []

    /// The front matter of `text` (nil when it has none) and the Markdown after it.
    static func split(_ text: String, source: String) -> (FrontMatter?, body: Substring) {
        var lines: [Substring] = []
        var starts: [String.Index] = []
        var index = text.startIndex
        if text.unicodeScalars.first == "\u{FEFF}" { index = text.unicodeScalars.index(after: index) }
        // Lines up to the closing fence only: the body is never split.
        var fence: Substring?
        while index < text.endIndex {
            let end = text[index...].firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) ?? text.endIndex
            let line = text[index..<end]
            starts.append(index)
            lines.append(line)
            index = end < text.endIndex ? text.index(after: end) : end
            let trimmed = trimTrailing(line)
            if lines.count == 1 {
                guard trimmed == "---" || trimmed == "+++" else { return (nil, text[...]) }
                fence = trimmed
            } else if trimmed == fence || (fence == "---" && trimmed == "...") {
                var matter = FrontMatter()
                let content = Array(lines[1..<(lines.count - 1)])
                if fence == "+++" { matter.readTOML(content) } else { matter.readYAML(content) }
                matter.warnings = matter.warnings.map { "\(source): front matter: \($0)" }
                return (matter, text[index...])
            }
        }
        var unclosed = FrontMatter()
        unclosed.warnings = ["\(source): front matter opened by \(fence ?? "---") on the first line is never closed; read as Markdown"]
        return (unclosed, text[...])
    }

    private static func trimTrailing(_ line: Substring) -> Substring {
        var line = line
        while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
        return line
    }

    // MARK: The keys

    private mutating func take(key: String, value: Value, line: Int) {
        switch key.lowercased() {
        case "title":
            guard case .text(let text) = value else { return warn("`title` on line \(line) is not text; left out") }
            title = nonEmpty(ArticleText.collapse(text, keepingLineBreaks: false))
        case "date":
            guard case .text(let text) = value, let parsed = PublicationDate.dated(text) else {
                return warn("`date` on line \(line) is not a date; left out")
            }
            date = parsed.date
            published = parsed.published
        case "author", "authors":
            let names = Self.names(value)
            if names.isEmpty { return warn("`\(key)` on line \(line) names no one; left out") }
            authors = FeedArticles.unique(authors + names)
        default:
            break
        }
    }

    private mutating func warn(_ message: String) {
        warnings.append(message)
    }

    /// People as front matter lists them: a name, a list of names, or mappings with a `name`.
    private static func names(_ value: Value) -> [String] {
        switch value {
        case .text(let name): return nonEmpty(ArticleText.collapse(name, keepingLineBreaks: false)).map { [$0] } ?? []
        case .list(let items): return items.flatMap(names)
        case .mapping(let pairs):
            return pairs.first { $0.key.lowercased() == "name" }.map { names($0.value) } ?? []
        }
    }

    /// A value as far as these keys need: text (strings, dates, numbers alike), a list, or a
    /// mapping.
    indirect enum Value: Equatable {
        case text(String)
        case list([Value])
        case mapping([(key: String, value: Value)])

        static func == (a: Value, b: Value) -> Bool {
            switch (a, b) {
            case (.text(let x), .text(let y)): return x == y
            case (.list(let x), .list(let y)): return x == y
            case (.mapping(let x), .mapping(let y)): return x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
            default: return false
            }
        }
    }

    // MARK: YAML

    private mutating func readYAML(_ lines: [Substring]) {
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let number = i + 2
            i += 1
            // Top-level keys only; indented lines belong to the key above them.
            guard let first = line.first, first != " ", first != "\t", first != "#", first != "-" else { continue }
            guard let (key, rest) = Self.yamlKey(line) else { continue }
            // The lines that belong to this key: indented ones, and a block list at its level.
            var block: [Substring] = []
            while i < lines.count {
                let next = lines[i]
                let trimmed = next.drop(while: { $0 == " " || $0 == "\t" })
                if trimmed.isEmpty || next.first == " " || next.first == "\t" || trimmed.hasPrefix("- ") || trimmed == "-" {
                    block.append(next)
                    i += 1
                } else {
                    break
                }
            }
            guard Self.wanted.contains(key.lowercased()) else { continue }
            guard let value = Self.yamlValue(rest, block: block) else {
                warn("`\(key)` on line \(number) could not be read; left out")
                continue
            }
            take(key: key, value: value, line: number)
        }
    }

    private static let wanted: Set<String> = ["title", "date", "author", "authors"]

    /// `key: rest` (the key may be quoted).
    private static func yamlKey(_ line: Substring) -> (String, Substring)? {
        var key: String
        var rest: Substring
        if let quote = line.first, quote == "\"" || quote == "'" {
            guard let (text, after) = quoted(line) else { return nil }
            key = text
            rest = after.drop(while: { $0 == " " })
            guard rest.first == ":" else { return nil }
            rest = rest.dropFirst()
        } else {
            guard let colon = line.firstIndex(where: { $0 == ":" }) else { return nil }
            let after = line[line.index(after: colon)...]
            guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
            key = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            rest = after
        }
        if key.isEmpty { return nil }
        return (key, rest.drop(while: { $0 == " " || $0 == "\t" }))
    }

    /// The value after a key (`rest`), with the lines indented under it.
    private static func yamlValue(_ rest: Substring, block: [Substring]) -> Value? {
        let inline = withoutComment(rest).trimmingCharacters(in: .whitespaces)
        let continuation = block.map { $0.trimmingCharacters(in: .whitespaces) }
        if inline.isEmpty {
            let items = continuation.filter { !$0.isEmpty && !$0.hasPrefix("#") }
            guard let first = items.first else { return nil }
            if first.hasPrefix("-") { return blockList(block) }
            // A mapping under the key (`author:` then `  name: Ann Lee`).
            var pairs: [(key: String, value: Value)] = []
            for item in items {
                guard let (key, value) = yamlKey(Substring(item)), let parsed = yamlValue(value, block: []) else { continue }
                pairs.append((key, parsed))
            }
            return pairs.isEmpty ? nil : .mapping(pairs)
        }
        // Folded (`>`) and literal (`|`) blocks: the indented lines, as one line of text.
        if inline.hasPrefix(">") || inline.hasPrefix("|") {
            return .text(continuation.filter { !$0.isEmpty }.joined(separator: " "))
        }
        // A flow collection or a quoted string may go on over the lines below.
        let whole = ([inline] + continuation.filter { !$0.isEmpty }).joined(separator: " ")
        if inline.hasPrefix("[") || inline.hasPrefix("{") {
            return flow(Substring(whole)).flatMap { value, after in after.allSatisfy(\.isWhitespace) ? value : nil }
        }
        if inline.hasPrefix("\"") || inline.hasPrefix("'") {
            return quoted(Substring(whole)).map { .text($0.0) }
        }
        // A plain scalar, folded over its continuation lines.
        return .text(([inline] + continuation.filter { !$0.isEmpty }.map { withoutComment(Substring($0)) }).joined(separator: " "))
    }

    /// `- a` lines (each may be a mapping: `- name: Ann Lee` with more keys beneath).
    private static func blockList(_ block: [Substring]) -> Value? {
        var items: [Value] = []
        var current: [Substring] = []
        func finish() {
            guard let head = current.first else { return }
            let text = head.drop(while: { $0 == " " || $0 == "\t" }).dropFirst().drop(while: { $0 == " " })
            if yamlKey(text) != nil, !(text.first == "\"" || text.first == "'") {
                // A mapping item: its first pair on the dash line, the rest indented below.
                let lines = [text] + current.dropFirst().map { $0.drop(while: { $0 == " " || $0 == "\t" }) }
                var pairs: [(key: String, value: Value)] = []
                for line in lines {
                    guard let (key, rest) = yamlKey(line), let value = yamlValue(rest, block: []) else { continue }
                    pairs.append((key, value))
                }
                if !pairs.isEmpty { items.append(.mapping(pairs)) }
            } else if let value = yamlValue(text, block: Array(current.dropFirst())) {
                items.append(value)
            }
            current = []
        }
        for line in block {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("- ") || trimmed == "-" { finish() }
            current.append(line)
        }
        finish()
        return items.isEmpty ? nil : .list(items)
    }

    /// A YAML or TOML flow value at the start of `text`: `[a, "b", {name: c}]`, `{name = "c"}`,
    /// a quoted string or a bare word; and what follows it.
    private static func flow(_ text: Substring) -> (Value, Substring)? {
        let text = text.drop(while: { $0 == " " || $0 == "\t" })
        guard let first = text.first else { return nil }
        if first == "\"" || first == "'" { return quoted(text).map { (.text($0.0), $0.1) } }
        if first == "[" || first == "{" {
            let close: Character = first == "[" ? "]" : "}"
            var items: [Value] = []
            var pairs: [(key: String, value: Value)] = []
            var rest = text.dropFirst()
            while true {
                rest = rest.drop(while: { $0 == " " || $0 == "\t" || $0 == "," })
                guard let next = rest.first else { return nil }
                if next == close { return (first == "[" ? .list(items) : .mapping(pairs), rest.dropFirst()) }
                if first == "{" {
                    // `key: value` or `key = value`.
                    var key: String
                    if next == "\"" || next == "'" {
                        guard let (text, after) = quoted(rest) else { return nil }
                        (key, rest) = (text, after)
                    } else {
                        let name = rest.prefix(while: { $0 != ":" && $0 != "=" && $0 != close && $0 != "," })
                        key = name.trimmingCharacters(in: .whitespaces)
                        rest = rest[name.endIndex...]
                    }
                    rest = rest.drop(while: { $0 == " " })
                    guard rest.first == ":" || rest.first == "=" else { return nil }
                    guard let (value, after) = flow(rest.dropFirst()) else { return nil }
                    pairs.append((key, value))
                    rest = after
                } else {
                    // A value must read something: a stray `}` in a list reads as an empty
                    // word and would be taken again and again.
                    guard let (value, after) = flow(rest), after.startIndex > rest.startIndex else { return nil }
                    items.append(value)
                    rest = after
                }
            }
        }
        // A bare word, up to the next separator.
        let word = text.prefix(while: { $0 != "," && $0 != "]" && $0 != "}" })
        return (.text(word.trimmingCharacters(in: .whitespaces)), text[word.endIndex...])
    }

    /// A quoted string at the start of `text`, unescaped, and what follows it. Double quotes
    /// take backslash escapes; single quotes double themselves in YAML (`''`) and take none in
    /// TOML.
    private static func quoted(_ text: Substring) -> (String, Substring)? {
        guard let quote = text.first, quote == "\"" || quote == "'" else { return nil }
        var result = ""
        var i = text.index(after: text.startIndex)
        while i < text.endIndex {
            let c = text[i]
            if c == quote {
                let next = text.index(after: i)
                if quote == "'", next < text.endIndex, text[next] == "'" {
                    result.append("'")
                    i = text.index(after: next)
                    continue
                }
                return (result, text[next...])
            }
            if c == "\\", quote == "\"" {
                let next = text.index(after: i)
                guard next < text.endIndex else { return nil }
                switch text[next] {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "u", "U":
                    let count = text[next] == "u" ? 4 : 8
                    let digits = text[text.index(after: next)...].prefix(count)
                    if digits.count == count, let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) {
                        result.unicodeScalars.append(scalar)
                        i = digits.endIndex
                        continue
                    }
                    result.append(text[next])
                default: result.append(text[next])
                }
                i = text.index(after: next)
                continue
            }
            result.append(c)
            i = text.index(after: i)
        }
        return nil
    }

    /// A plain value without a trailing ` # comment`.
    private static func withoutComment(_ text: Substring) -> String {
        if let hash = text.range(of: " #") { return String(text[..<hash.lowerBound]) }
        return String(text)
    }

    // MARK: TOML

    private mutating func readTOML(_ lines: [Substring]) {
        // Keys at the top, and under `[author]` or `[[authors]]`, whose `name` is a person.
        var table: String?
        var i = 0
        while i < lines.count {
            let number = i + 2
            var line = lines[i].trimmingCharacters(in: .whitespaces)
            i += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                table = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t")).lowercased()
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            let wantedHere = table == nil ? Self.wanted.contains(key.lowercased())
                : (table == "author" || table == "authors") && key.lowercased() == "name"
            guard wantedHere else { continue }
            // A multi-line array or string goes on until it closes.
            while !Self.tomlValueIsComplete(line[line.index(after: equals)...]), i < lines.count {
                line += " " + lines[i].trimmingCharacters(in: .whitespaces)
                i += 1
            }
            let text = line[line.index(after: line.firstIndex(of: "=")!)...]
            let value: Value?
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("\"\"\"") || trimmed.hasPrefix("'''") {
                value = .text(String(trimmed.dropFirst(3).dropLast(3)))
            } else if trimmed.hasPrefix("[") || trimmed.hasPrefix("{") || trimmed.hasPrefix("\"") || trimmed.hasPrefix("'") {
                value = Self.flow(Substring(trimmed)).map(\.0)
            } else {
                // A date, a number or a bare word.
                value = .text(Self.withoutComment(Substring(trimmed)))
            }
            guard let value else {
                warn("`\(key)` on line \(number) could not be read; left out")
                continue
            }
            take(key: table == nil ? key : "author", value: value, line: number)
        }
    }

    /// Whether brackets and triple quotes opened in a TOML value are closed.
    private static func tomlValueIsComplete(_ value: Substring) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        for triple in ["\"\"\"", "'''"] where trimmed.hasPrefix(triple) {
            return trimmed.count >= 6 && trimmed.hasSuffix(triple)
        }
        var depth = 0
        var quote: Character?
        for c in trimmed {
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "[" || c == "{" {
                depth += 1
            } else if c == "]" || c == "}" {
                depth -= 1
            }
        }
        return depth <= 0
    }
}
