import Foundation
import GRDB
import Testing

@testable import BylineCore
@testable import BylineIndex

/// A cache that is damaged, unwritable or locked is reported and handled: a new file, or an
/// in-memory index for the run; never a crash, never a wrong answer.
@Suite struct CacheFailureTests {
    let library: TemporaryLibrary

    init() throws {
        library = try TemporaryLibrary()
        try library.write("2011-11-15_daalder.txt", Articles.daalderNov)
        try library.write("2011-12-02_daalder.txt", Articles.daalderDec)
    }

    private func updateAndCheck(_ index: LibraryIndex) throws {
        try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        #expect(try index.counts().articles == 2)
        #expect(try index.quotations(bySpeakerMatching: "Daalder").count == 4)
    }

    @Test func aFileThatIsNotADatabaseIsMovedAsideAndTheIndexRebuilt() throws {
        try FileManager.default.createDirectory(atPath: (library.indexPath as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(String(repeating: "not a database, just text\n", count: 400).utf8)
            .write(to: URL(fileURLWithPath: library.indexPath))

        let index = LibraryIndex.open(at: library.indexPath)
        #expect(index.storage == .file(library.indexPath))
        #expect(index.notices.count == 1)
        #expect(index.notices.first?.contains("moved it to \(library.indexPath).corrupt") == true)
        #expect(FileManager.default.fileExists(atPath: library.indexPath + ".corrupt"))
        try updateAndCheck(index)
    }

    @Test func anIndexWithDamagedPagesIsDetectedAndRebuilt() throws {
        do {
            let index = LibraryIndex.open(at: library.indexPath)
            try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
            // Fold the WAL into the file and close, as a process that ends would.
            _ = try index.database.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            try index.database.close()
        }
        // Keep page 1 (the header and schema) and scribble over every other page.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: library.indexPath))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(size) - 4096))
        try handle.close()

        var index = LibraryIndex.open(at: library.indexPath)
        do {
            try updateAndCheck(index)
        } catch let error as LibraryIndexError where error.isDamage {
            // Damage that shows only when a table is read: start again, as the command line does.
            index = index.reopenedAfterDamage(error)
            try updateAndCheck(index)
        }
        #expect(index.storage == .file(library.indexPath))
        #expect(index.notices.contains { $0.contains("damaged") })
    }

    @Test func aReadOnlyCacheFolderGivesAnInMemoryIndex() throws {
        let folder = library.root.appendingPathComponent("read-only-cache")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        // Root ignores permissions: make the folder immutable instead (removed again below).
        let asRoot = geteuid() == 0
        if asRoot { try Self.run("/usr/bin/chattr", ["+i", folder.path]) }
        defer {
            if asRoot { try? Self.run("/usr/bin/chattr", ["-i", folder.path]) }
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        }
        guard !FileManager.default.createFile(atPath: folder.appendingPathComponent("probe").path, contents: nil) else {
            Issue.record("the folder could not be made read-only on this system")
            return
        }

        let index = LibraryIndex.open(at: folder.appendingPathComponent("index.sqlite").path)
        #expect(index.storage == .memory)
        #expect(index.notices.count == 1)
        #expect(index.notices.first?.contains("indexing in memory") == true)
        try updateAndCheck(index)
    }

    @Test func aCacheFolderThatCannotBeCreatedGivesAnInMemoryIndex() throws {
        let blocker = library.root.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let index = LibraryIndex.open(at: blocker.appendingPathComponent("cache/index.sqlite").path)
        #expect(index.storage == .memory)
        #expect(index.notices.first?.contains("cannot create the index folder") == true)
        try updateAndCheck(index)
    }

    @Test func aCacheLockedByAnotherWriterIsReportedNotWaitedForever() throws {
        let index = LibraryIndex.open(at: library.indexPath, busyTimeout: 0.2)
        try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        try library.write("2011-12-05_biden.txt", Articles.joeBiden)

        // Another connection (as another process would) holds the write lock.
        let other = try DatabaseQueue(path: library.indexPath)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            let error = #expect(throws: LibraryIndexError.self) {
                try index.update(paths: [self.library.articles.path], analysis: FixtureAnalysis.analysis())
            }
            #expect(error?.description == "the index is locked by another process")
            // Readers are not blocked by a writer (WAL): the last committed state answers.
            #expect(try index.counts().articles == 2)
        }
        try index.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        #expect(try index.counts().articles == 3)
    }

    @Test func anIndexFromANewerByline() throws {
        do {
            let index = LibraryIndex.open(at: library.indexPath)
            try index.database.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            }
            try index.database.close()
        }
        let index = LibraryIndex.open(at: library.indexPath)
        #expect(index.storage == .memory)
        #expect(index.notices.first?.contains("newer version of Byline") == true)
        // The newer file is left alone.
        #expect(FileManager.default.fileExists(atPath: library.indexPath))
        #expect(!FileManager.default.fileExists(atPath: library.indexPath + ".corrupt"))
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
    }
}
