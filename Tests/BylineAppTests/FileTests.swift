import BylineApp
import BylineUI
import Foundation
import Testing

/// The reader's files: where they are, and reading and writing them.
@Suite struct ConfigFileTests {
    @Test func configPathFollowsXDG() {
        #expect(ReaderConfig.path(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/h"]) == "/x/cfg/byline/config.toml")
        #expect(ReaderConfig.path(environment: ["HOME": "/h"]) == "/h/.config/byline/config.toml")
        #expect(ReaderConfig.path(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/byline/config.toml")
    }

    @Test func missingConfigIsTheDefaultsWithoutWarning() {
        let (config, warnings) = ReaderConfig.load(environment: ["XDG_CONFIG_HOME": "/nonexistent/byline-test", "HOME": "/h"])
        #expect(config == ReaderConfig())
        #expect(warnings.isEmpty)
    }
}

@Suite struct PersistenceTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-ui-\(UUID().uuidString)")

    @Test func positionsRoundTrip() throws {
        let path = folder.appendingPathComponent("state/byline/positions.json").path
        let views = ["abc-10": RememberedView(paragraph: 3, offset: 120, quote: 2), "def-20": RememberedView(paragraph: 0, offset: 0, quote: nil)]
        #expect(ReadingMemory.save(views, path: path) == nil)
        let (loaded, warning) = ReadingMemory.load(path: path)
        #expect(warning == nil)
        #expect(loaded == views)
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func missingIsSilentAndCorruptIsAWarning() throws {
        let missing = ReadingMemory.load(path: folder.appendingPathComponent("nope.json").path)
        #expect(missing.views.isEmpty && missing.warning == nil)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let corrupt = folder.appendingPathComponent("positions.json")
        try Data("{not json".utf8).write(to: corrupt)
        let result = ReadingMemory.load(path: corrupt.path)
        #expect(result.views.isEmpty)
        #expect(result.warning?.contains("not a valid positions file") == true)
        // Saving over a corrupt file replaces it.
        #expect(ReadingMemory.save(["a-1": RememberedView(paragraph: 1, offset: 2, quote: nil)], path: corrupt.path) == nil)
        #expect(ReadingMemory.load(path: corrupt.path).views.count == 1)
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func anUnwritableFolderIsAWarningNotACrash() {
        let warning = ReadingMemory.save(["a-1": RememberedView(paragraph: 1, offset: 2, quote: nil)],
                                         path: "/proc/byline-cannot-write-here/positions.json")
        #expect(warning?.contains("cannot save reading positions") == true)
    }

    @Test func statePathFollowsXDG() {
        #expect(ReadingMemory.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/byline/positions.json")
        #expect(ReadingMemory.path(environment: ["HOME": "/h"]) == "/h/.local/state/byline/positions.json")
    }

    @Test func theOldestPositionsAreDroppedPastTheLimit() throws {
        let path = folder.appendingPathComponent("many.json").path
        var views: [String: RememberedView] = [:]
        for i in 0..<(ReadingMemory.limit + 10) { views["k\(i)"] = RememberedView(paragraph: i, offset: 0, quote: nil) }
        #expect(ReadingMemory.save(views, path: path) == nil)
        #expect(ReadingMemory.load(path: path).views.count == ReadingMemory.limit)
        try? FileManager.default.removeItem(at: folder)
    }
}
