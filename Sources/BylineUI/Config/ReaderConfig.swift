/// The reader's settings from `$XDG_CONFIG_HOME/byline/config.toml`:
///
/// ```toml
/// [keys]                      # command = key, or a list of keys (replaces its defaults)
/// next_quote = ["]", "J"]
/// quit = "q"
///
/// [colors]
/// mode = "auto"               # "auto", "256", "8" or "none"
/// speakers = [39, 208, "green"]
/// accent = 75
/// match = "yellow"
///
/// [reader]
/// mouse = true
/// ```
///
/// A file that does not parse names the line and the defaults are used; a setting that
/// parses but makes no sense (an unknown command, a bad key name) is skipped with a warning.
public struct ReaderConfig: Equatable, Sendable {
    public var keymap: Keymap = .standard
    /// nil: decided from the terminal (and NO_COLOR).
    public var colorMode: ColorMode?
    public var speakerColors: [UInt8]?
    public var accent: UInt8?
    public var matchColor: UInt8?
    public var mouse = true

    public init() {}

    /// The theme for a colour mode, with this config's colours.
    public func theme(_ mode: ColorMode) -> Theme {
        Theme(mode: mode, speakerColors: speakerColors, accent: accent, matchBackground: matchColor)
    }

    public static func parse(_ text: String, name: String = "config.toml") -> (ReaderConfig, [String]) {
        let document: TOML.Document
        do {
            document = try TOML.parse(text)
        } catch {
            return (ReaderConfig(), ["\(name):\(error.line): \(error.message); using the default settings"])
        }
        var config = ReaderConfig()
        var warnings: [String] = []
        func warn(_ entry: TOML.Entry, _ message: String) { warnings.append("\(name):\(entry.line): \(message); ignored") }

        for table in document.tables where !["keys", "colors", "reader"].contains(table.name) {
            warnings.append("\(name):\(table.line): unknown table [\(table.name)] (expected [keys], [colors] or [reader]); ignored")
        }
        for entry in document.entries where entry.table.isEmpty {
            warn(entry, "\"\(entry.key)\" is outside a table ([keys], [colors] or [reader])")
        }
        for entry in document.entries(in: "keys") {
            guard let command = Command(rawValue: entry.key) else {
                warn(entry, "unknown command \"\(entry.key)\" (see the help screen, ?, for the names)")
                continue
            }
            let names: [TOML.Value]
            switch entry.value {
            case .string: names = [entry.value]
            case .array(let items): names = items
            default:
                warn(entry, "\(entry.key) needs a key name or a list of them, not \(entry.value.typeName)")
                continue
            }
            var keys: [Key] = []
            var bad: String?
            for name in names {
                guard case .string(let text) = name, let key = Key(name: text) else {
                    bad = name.description
                    break
                }
                keys.append(key)
            }
            if let bad {
                warn(entry, "\(bad) is not a key name (examples: \"j\", \"G\", \"ctrl-d\", \"pgdn\", \"space\", \"enter\")")
                continue
            }
            config.keymap.rebind(command, to: keys)
        }
        for entry in document.entries(in: "colors") {
            switch entry.key {
            case "mode":
                guard case .string(let text) = entry.value else {
                    warn(entry, "mode needs \"auto\", \"256\", \"8\" or \"none\"")
                    continue
                }
                if text == "auto" {
                    config.colorMode = nil
                } else if let mode = ColorMode(rawValue: text) {
                    config.colorMode = mode
                } else {
                    warn(entry, "mode needs \"auto\", \"256\", \"8\" or \"none\", not \"\(text)\"")
                }
            case "speakers":
                guard case .array(let items) = entry.value, !items.isEmpty else {
                    warn(entry, "speakers needs a list of colours, such as [39, 208, \"green\"]")
                    continue
                }
                let colors = items.compactMap(colorValue)
                if colors.count != items.count {
                    warn(entry, "speakers has a colour that is neither 0–255 nor a colour name")
                    continue
                }
                config.speakerColors = colors
            case "accent", "match":
                guard let color = colorValue(entry.value) else {
                    warn(entry, "\(entry.key) needs a colour: 0–255 or a name such as \"cyan\"")
                    continue
                }
                if entry.key == "accent" { config.accent = color } else { config.matchColor = color }
            default:
                warn(entry, "unknown colour setting \"\(entry.key)\" (mode, speakers, accent, match)")
            }
        }
        for entry in document.entries(in: "reader") {
            switch entry.key {
            case "mouse":
                guard case .boolean(let on) = entry.value else {
                    warn(entry, "mouse needs true or false")
                    continue
                }
                config.mouse = on
            default:
                warn(entry, "unknown setting \"\(entry.key)\" in [reader] (mouse)")
            }
        }
        return (config, warnings)
    }

    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    static func colorValue(_ value: TOML.Value) -> UInt8? {
        switch value {
        case .integer(let n): return (0...255).contains(n) ? UInt8(n) : nil
        case .string(let name):
            let lower = name.lowercased()
            if let i = colorNames.firstIndex(of: lower) { return UInt8(i) }
            if lower.hasPrefix("bright-"), let i = colorNames.firstIndex(of: String(lower.dropFirst(7))) { return UInt8(8 + i) }
            return nil
        default: return nil
        }
    }
}
