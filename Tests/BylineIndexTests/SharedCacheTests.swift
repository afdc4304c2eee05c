import Foundation
import GRDB
import Testing

@testable import BylineCore
@testable import BylineIndex

/// The real `byline` binary built beside the tests, if it was built.
enum BylineBinary {
    static let url: URL? = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("byline")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    static func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }
}

final class OpenedIndexes: @unchecked Sendable {
    private let lock = NSLock()
    private var indexes: [LibraryIndex] = []

    func append(_ index: LibraryIndex) {
        lock.lock()
        indexes.append(index)
        lock.unlock()
    }

    var all: [LibraryIndex] {
        lock.lock()
        defer { lock.unlock() }
        return indexes
    }
}

/// Two indexes, two connection pools, and two processes on one cache file.
@Suite struct SharedCacheTests {
    let library: TemporaryLibrary

    init() throws {
        library = try TemporaryLibrary()
        let texts = [Articles.daalderNov, Articles.daalderDec, Articles.daalderAlone, Articles.joeBiden, Articles.nato]
        for n in 0..<300 {
            let day = String(format: "%02d", n % 28 + 1)
            try library.write("2011-11-\(day)_article-\(n).txt", texts[n % texts.count] + "\n\nCopy number \(n).")
        }
    }

    /// Quotation counts agree between tables in one read: a reader never sees half a batch.
    private static func consistent(_ index: LibraryIndex) throws -> (articles: Int, consistent: Bool) {
        try index.database.read { db in
            let articles = try Int.fetchOne(db, sql: "SELECT count(*) FROM articles")!
            let counted = try Int.fetchOne(db, sql: "SELECT coalesce(sum(quote_count), 0) FROM articles")!
            let stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM quotes")!
            return (articles, counted == stored)
        }
    }

    @Test func aSecondIndexOnTheSameFileReadsWhileTheFirstWritesAndThenFindsNothingToDo() throws {
        let writer = LibraryIndex.open(at: library.indexPath)
        let reader = LibraryIndex.open(at: library.indexPath)
        let task = writer.startUpdate(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        var seen: [Int] = []
        while !task.isFinished {
            let (articles, consistent) = try Self.consistent(reader)
            #expect(consistent)
            seen.append(articles)
            Thread.sleep(forTimeInterval: 0.002)
        }
        _ = try task.wait().get()
        #expect(seen == seen.sorted(), "a reader sees the index grow batch by batch")
        #expect(try reader.counts().articles == 300)

        let log = FixtureAnalysis.Log()
        let summary = try reader.update(paths: [library.articles.path], analysis: FixtureAnalysis.analysis(log: log))
        #expect(summary.analyzed == 0)
        #expect(log.take().isEmpty)
        let quotations = try writer.quotations(bySpeakerMatching: "Ivo Daalder")
        #expect(quotations.count == 300)
        #expect(try reader.quotations(bySpeakerMatching: "Ivo Daalder") == quotations)
    }

    @Test func indexesCreatingOneNewFileTogetherAllUseIt() throws {
        let opened = OpenedIndexes()
        let path = library.indexPath
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            opened.append(LibraryIndex.open(at: path))
        }
        for index in opened.all {
            #expect(index.storage == .file(library.indexPath))
            #expect(index.notices.isEmpty)
        }
    }

    @Test func twoIndexesUpdatingTogetherAgree() throws {
        let first = LibraryIndex.open(at: library.indexPath)
        let second = LibraryIndex.open(at: library.indexPath)
        let a = first.startUpdate(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        let b = second.startUpdate(paths: [library.articles.path], analysis: FixtureAnalysis.analysis())
        _ = try a.wait().get()
        _ = try b.wait().get()
        #expect(try first.counts().articles == 300)
        #expect(try Self.consistent(first).consistent)
        let daalder = try #require(try first.speakers(matching: "Ivo Daalder").first)
        // 60 copies each of the three Daalder articles: 2 + 2 + 1 quotations.
        #expect(daalder.quoteCount == 300)
        #expect(try second.speakers(matching: "Ivo Daalder").first == daalder)
    }

    @Test(.enabled(if: BylineBinary.url != nil, "needs the byline binary (swift build)"))
    func anotherProcessBuildsTheIndexWhileThisOneReadsIt() throws {
        let (process, output) = try BylineBinary.start(["index", "--index", library.indexPath, library.articles.path])
        let reader = LibraryIndex.open(at: library.indexPath)
        while process.isRunning {
            // The other process may not have created the tables yet: only a consistent view counts.
            if let view = try? Self.consistent(reader) {
                #expect(view.consistent)
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(!text.contains("warning"), "\(text)")

        // This process finds the other's work in the cache: nothing to analyse.
        let summary = try reader.update(paths: [library.articles.path])
        #expect(summary.analyzed == 0)
        #expect(summary.unchanged == 300)
        #expect(try reader.counts().articles == 300)

        // And the other way round: the other process searches what this one holds open.
        let (search, searchOutput) = try BylineBinary.start(["search", "--index", library.indexPath, "--format", "jsonl",
                                                             "alliance", library.articles.path])
        search.waitUntilExit()
        let lines = String(decoding: searchOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n")
        #expect(search.terminationStatus == 0)
        // 120 articles say "alliance": the best 20 are listed (then quotations, as the analysis finds them).
        #expect(lines.filter { $0.hasPrefix(#"{"kind": "article""#) }.count == 20)
        #expect(lines.filter { $0.hasPrefix(#"{"kind": "quotation""#) }.count <= 20)
    }
}
