import BylineCore
import BylineUI
import Foundation

/// Where the reader's settings live, and reading them: the file side of `ReaderConfig`, whose
/// parsing is pure and stays in BylineUI.
extension ReaderConfig {
    /// `$XDG_CONFIG_HOME/byline/config.toml`, or `~/.config/byline/config.toml`.
    public static func path(environment: [String: String]) -> String {
        XDG.bylineFolder(.config, environment: environment) + "/config.toml"
    }

    /// Reads the config file; a missing file is the defaults without a warning.
    public static func load(environment: [String: String]) -> (ReaderConfig, [String]) {
        let path = path(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else { return (ReaderConfig(), []) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (ReaderConfig(), ["cannot read \(path); using the default settings"])
        }
        return parse(String(decoding: data, as: UTF8.self), name: path)
    }
}
