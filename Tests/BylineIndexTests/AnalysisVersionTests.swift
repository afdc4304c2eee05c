import BylineCore
import Foundation
import Testing

@testable import BylineIndex

/// The index's analysis version is a fingerprint of the sources, taken at build time: a rule
/// change of any kind, seen on the seed or not, makes every cache analyse its library again.
@Suite struct AnalysisVersionTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The Swift sources of the fingerprinted folders, as the plugin lists them.
    static func sources() throws -> [(path: String, contents: Data)] {
        var files: [(path: String, contents: Data)] = []
        for folder in SourceFingerprint.folders {
            let root = packageRoot + "/" + folder
            let walker = try #require(FileManager.default.enumerator(atPath: root))
            while let relative = walker.nextObject() as? String {
                guard relative.hasSuffix(".swift") else { continue }
                files.append((folder + "/" + relative, try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))))
            }
        }
        return files
    }

    @Test func theVersionIsTheFingerprintOfEverySourceFile() throws {
        let files = try Self.sources()
        #expect(files.count == AnalysisSources.fileCount)
        #expect(AnalysisVersion.current == SourceFingerprint.of(files))
    }

    @Test func aRuleChangeTheSeedCannotShowGivesANewVersion() throws {
        let files = try Self.sources()
        // A word added to a lexicon that no sentence of the seed contains: the seed's analysis
        // is the same, the version is not.
        let lexicon = try #require(files.firstIndex { $0.path.hasSuffix("Speakers/Lexicon.swift") })
        var changed = files
        changed[lexicon].contents.append(Data("\n// \"quizzically\"\n".utf8))
        #expect(SourceFingerprint.of(changed) != SourceFingerprint.of(files))
        // The order files are listed in does not matter; their paths do.
        #expect(SourceFingerprint.of(files.reversed()) == SourceFingerprint.of(files))
        var renamed = files
        renamed[lexicon].path += "x"
        #expect(SourceFingerprint.of(renamed) != SourceFingerprint.of(files))
    }

    @Test func anIndexBuiltByOtherRulesIsAnalysedAgain() throws {
        let library = try TemporaryLibrary()
        try library.write("a.txt", "Bridge opens\n\n\"We finished early,\" said Ann Lee on Tuesday.")
        let index = LibraryIndex.open(at: library.indexPath)
        let older = IndexAnalysis(version: "older-rules", analyze: { Analyzer.analyze($0) })
        try index.update(paths: [library.articles.path], analysis: older)
        let summary = try index.update(paths: [library.articles.path])
        #expect(summary.discardedOldAnalysis)
        #expect(summary.analyzed == 1)
        #expect(try index.update(paths: [library.articles.path]).analyzed == 0)
    }
}
