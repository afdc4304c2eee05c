import Foundation

/// A folder of its own for one test, removed when the test ends.
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("byline-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    public func write(_ name: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String { try write(name, Data(text.utf8)) }

    public var path: String { url.path }

    /// Every XDG base folder, and HOME, inside this folder: a `byline` process run with this
    /// environment never touches the real home.
    public var isolatedEnvironment: [String: String] {
        ["HOME": path + "/home", "XDG_CONFIG_HOME": path + "/config", "XDG_STATE_HOME": path + "/state",
         "XDG_DATA_HOME": path + "/data", "XDG_CACHE_HOME": path + "/cache"]
    }
}
