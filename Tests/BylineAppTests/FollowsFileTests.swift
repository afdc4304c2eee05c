import BylineApp
import BylineCore
import Foundation
import Testing

@testable import BylineIndex
@testable import BylineUI

/// The reader's side of `byline follow`: the followed names and what was seen of them, read
/// when it opens and added to what is on disk when it quits.
@Suite struct FollowsFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-follows-\(UUID().uuidString)")
    var environment: [String: String] {
        ["HOME": folder.path, "XDG_CONFIG_HOME": folder.path + "/config", "XDG_STATE_HOME": folder.path + "/state"]
    }

    func quotation(_ text: String, in path: String) -> LibraryQuotation {
        LibraryQuotation(article: LibraryArticle(id: 1, path: path, headline: "Harbour news", date: nil, quoteCount: 1),
                         ordinal: 0, span: TextSpan(0, 10), parts: [TextSpan(1, 9)], text: text, kind: .direct,
                         speakerName: "Ann Lee", speakerID: 1, speakerMention: nil, speakerMentionText: nil, cue: "said",
                         detectionRule: "test", attributionRule: nil)
    }

    @Test func whatTheReaderSawIsAddedToWhatIsOnDisk() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var list = try FollowList.load(path: FollowList.defaultPath(environment: environment))
        list.add("Ann Lee")
        try list.save()
        let statePath = FollowState.defaultPath(environment: environment)
        let old = quotation("The ferry runs every hour from May", in: "/library/harbour/1.txt")
        let read = quotation("Fares will not rise this year at all", in: "/library/harbour/2.txt")
        let elsewhere = quotation("The dock will be dredged in autumn", in: "/library/harbour/3.txt")
        var disk = FollowState()
        disk.markSeen([old], of: "Ann Lee")
        try disk.save(path: statePath)

        let (loaded, warnings) = FollowsFile.load(environment: environment)
        #expect(warnings.isEmpty)
        #expect(loaded.names == ["Ann Lee"])
        #expect(loaded.unread([old, read], of: "Ann Lee") == [read])
        #expect(FollowsFile.save(loaded, environment: environment) == nil)
        #expect(FollowState.load(path: statePath).state == disk, "nothing marked, nothing written")

        // The reader reads one; meanwhile byline follows --new saw another.
        var session = loaded
        session.markSeen([read], of: "Ann Lee")
        disk.markSeen([elsewhere], of: "Ann Lee")
        try disk.save(path: statePath)
        #expect(FollowsFile.save(session, environment: environment) == nil)
        let merged = FollowState.load(path: statePath).state
        #expect(merged.unseen([old, read, elsewhere], of: "Ann Lee").isEmpty)
    }

    @Test func aDamagedStateIsAWarning() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let statePath = FollowState.defaultPath(environment: environment)
        try FileManager.default.createDirectory(atPath: FilePaths.parent(of: statePath), withIntermediateDirectories: true)
        try "[1, 2".write(toFile: statePath, atomically: true, encoding: .utf8)
        let (loaded, warnings) = FollowsFile.load(environment: environment)
        #expect(loaded.names.isEmpty)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("starts afresh") == true)
    }
}
