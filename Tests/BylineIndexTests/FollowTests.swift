import Foundation
import Testing

@testable import BylineCore
@testable import BylineIndex

/// Following speakers: names through the speaker merge, the list file, what was seen.
@Suite struct FollowTests {
    /// The Daalder fixtures, the Bidens (Joe, Hunter and a `Biden` the merge cannot place), NATO
    /// and an anonymous official.
    private func indexed() throws -> (TemporaryLibrary, LibraryIndex) {
        let library = try TemporaryLibrary()
        try library.write("2011-11-15_daalder.txt", Articles.daalderNov)
        try library.write("2011-12-02_daalder.txt", Articles.daalderDec)
        try library.write("2011-12-05_biden.txt", Articles.joeBiden)
        try library.write("2011-12-06_biden.txt", Articles.bidenAlone)
        try library.write("2011-12-07_hunter.txt", Articles.hunterBiden)
        try library.write("2011-12-01_nato.txt", Articles.nato)
        let index = LibraryIndex.inMemory()
        try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        return (library, index)
    }

    private func name(_ resolution: FollowResolution) -> String? {
        if case .speaker(let speaker) = resolution { return speaker.name }
        return nil
    }

    @Test func aNameGoesThroughTheSpeakerMerge() throws {
        let (_, index) = try indexed()
        #expect(name(try index.resolveFollow("Daalder")) == "Ivo Daalder")
        #expect(name(try index.resolveFollow("ivo DAALDER")) == "Ivo Daalder")
        #expect(name(try index.resolveFollow("U.S. Ambassador to NATO")) == "Ivo Daalder", "a description names him too")
        #expect(name(try index.resolveFollow("NATO")) == "NATO")
        #expect(try index.quotations(followed: "Ivo Daalder").map(\.text) == [
            "Talks are open,", "We meet again on 2011-11-20,", "We are running out of time,", "The deadline is 2011-12-31,",
        ])
    }

    @Test func anAmbiguousNameListsItsCandidatesAndAFullNameChooses() throws {
        let (_, index) = try indexed()
        guard case .ambiguous(let candidates) = try index.resolveFollow("Biden") else {
            Issue.record("Biden should be ambiguous")
            return
        }
        // The Biden the merge could not place is no choice beside the full names.
        #expect(Set(candidates.map(\.name)) == ["Joe Biden", "Hunter Biden"])
        #expect(name(try index.resolveFollow("Joe Biden")) == "Joe Biden")
        #expect(name(try index.resolveFollow("Hunter")) == "Hunter Biden")
        #expect(try index.quotations(followed: "Joe Biden").map(\.text) == ["We will keep our word,"])
    }

    @Test func nobodyAndAnonymousSourcesCannotBeFollowed() throws {
        let (_, index) = try indexed()
        #expect(try index.resolveFollow("Nobody Atall") == .unknown)
        #expect(try index.resolveFollow("senior administration official") == .unknown)
    }

    @Test func theListKeepsTheUsersLinesAndComparesNamesFolded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-follows-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("config/byline/follows").path
        var list = try FollowList.load(path: path)
        #expect(list.names.isEmpty)
        let added = [list.add("Ivo Daalder"), list.add("ivo  daalder"), list.add("Joe Biden")]
        #expect(added == [true, false, true], "the second is followed already")
        try list.save()
        // The user's own comment and blank line stay where they put them.
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "\n# mine\nHunter Biden\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        list = try FollowList.load(path: path)
        #expect(list.names == ["Ivo Daalder", "Joe Biden", "Hunter Biden"])
        #expect(list.followed(matching: "Daalder") == ["Ivo Daalder"])
        #expect(list.followed(matching: "biden") == ["Joe Biden", "Hunter Biden"])
        let before = list
        #expect(throws: FollowError.followedAmbiguously("Biden", candidates: ["Joe Biden", "Hunter Biden"])) {
            var copy = before
            try copy.remove("Biden")
        }
        #expect(throws: FollowError.notFollowed("Panetta")) {
            var copy = before
            try copy.remove("Panetta")
        }
        let removed = try list.remove("joe biden")
        #expect(removed == "Joe Biden")
        try list.save()
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("Ivo Daalder\n\n# mine\nHunter Biden\n"))
    }

    @Test func newQuotationsAreTheOnesNotSeenAtTheLastLook() throws {
        let (library, index) = try indexed()
        var state = FollowState()
        #expect(!state.hasLooked(at: "Ivo Daalder"))
        state.markSeen(try index.quotations(followed: "Ivo Daalder"), of: "Ivo Daalder")
        #expect(state.unseen(try index.quotations(followed: "Ivo Daalder"), of: "Ivo Daalder").isEmpty)

        // A new article, and the index built again from scratch: only the new one is new.
        try library.write("2011-12-09_daalder.txt", """
            Alliance talks resume

            “We resume talks tomorrow,” said Daalder. Nothing else was said.
            """)
        let rebuilt = LibraryIndex.inMemory()
        try rebuilt.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        let unseen = state.unseen(try rebuilt.quotations(followed: "Ivo Daalder"), of: "Ivo Daalder")
        #expect(unseen.map(\.text) == ["We resume talks tomorrow,"])

        // Kept in a file and read back; a damaged file is ignored with a warning.
        let path = library.root.appendingPathComponent("state/byline/follows.json").path
        try state.save(path: path)
        #expect(FollowState.load(path: path).state == state)
        try "{not json".write(toFile: path, atomically: true, encoding: .utf8)
        let damaged = FollowState.load(path: path)
        #expect(damaged.state.seen.isEmpty)
        #expect(damaged.warning?.contains("starts afresh") == true)
    }
}
