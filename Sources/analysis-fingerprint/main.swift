import BylineCore
import Foundation

// Build tool (run by the AnalysisFingerprint plugin): writes a Swift file holding the
// fingerprint of the analysis's sources.
// Usage: analysis-fingerprint PACKAGE_ROOT OUTPUT.swift SOURCE.swift...
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: analysis-fingerprint PACKAGE_ROOT OUTPUT.swift SOURCE.swift...\n".utf8))
    exit(2)
}
let root = FilePaths.standardized(arguments.first!)
let output = arguments.dropFirst().first!
// The files are read, hashed and let go inside a function: a Data still held by a global
// when the tool exits is reported as a leak by LeakSanitizer (a false one, see
// Scripts/asan-suppressions.txt), which would fail every `--sanitize=address` build.
func fingerprint(of paths: ArraySlice<String>, under root: String) -> (fingerprint: String, count: Int) {
    var files: [(path: String, contents: Data)] = []
    for path in paths {
        let absolute = FilePaths.standardized(path)
        guard absolute.hasPrefix(root + "/"), let contents = FileManager.default.contents(atPath: absolute) else {
            FileHandle.standardError.write(Data("analysis-fingerprint: cannot read \(path) under \(root)\n".utf8))
            exit(1)
        }
        files.append((String(absolute.dropFirst(root.count + 1)), contents))
    }
    return (SourceFingerprint.of(files), files.count)
}
let (sourcesFingerprint, fileCount) = fingerprint(of: arguments.dropFirst(2), under: root)
let source = """
    // Generated at build time by the AnalysisFingerprint plugin: do not edit.
    enum AnalysisSources {
        /// `SourceFingerprint.of` the \(fileCount) files of \(SourceFingerprint.folders.joined(separator: ", ")).
        static let fingerprint = "\(sourcesFingerprint)"
        static let fileCount = \(fileCount)
    }

    """
// Written only when it changes, so an unchanged fingerprint recompiles nothing.
if FileManager.default.contents(atPath: output) != Data(source.utf8) {
    do {
        try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("analysis-fingerprint: cannot write \(output): \(error)\n".utf8))
        exit(1)
    }
}
