import Foundation

/// XDG base directories, and Byline's folder in each. Every file Byline keeps lives under one
/// of these, so setting the variables (as the tests do) moves all of it away from the home folder.
public enum XDG {
    /// `$VARIABLE` when set to an absolute path (the spec says to ignore relative ones), else `~/fallback`.
    public static func directory(_ variable: String, fallback: String, environment: [String: String]) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return value }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/" + fallback
    }

    /// The kinds of base directory Byline uses.
    public enum Kind: Sendable {
        /// What the user writes: `config.toml`, the list of feeds. `~/.config`.
        case config
        /// What Byline remembers between runs: reading positions, each feed's last update. `~/.local/state`.
        case state
        /// What can be rebuilt: the library index, fetched pages. `~/.cache`.
        case cache
        /// What cannot be rebuilt: the library of stored feed items. `~/.local/share`.
        case data

        var variable: String {
            switch self {
            case .config: return "XDG_CONFIG_HOME"
            case .state: return "XDG_STATE_HOME"
            case .cache: return "XDG_CACHE_HOME"
            case .data: return "XDG_DATA_HOME"
            }
        }

        var fallback: String {
            switch self {
            case .config: return ".config"
            case .state: return ".local/state"
            case .cache: return ".cache"
            case .data: return ".local/share"
            }
        }
    }

    /// Byline's folder of that kind: `$XDG_CONFIG_HOME/byline`, `~/.local/share/byline`, ...
    public static func bylineFolder(_ kind: Kind,
                                    environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        directory(kind.variable, fallback: kind.fallback, environment: environment) + "/byline"
    }
}
