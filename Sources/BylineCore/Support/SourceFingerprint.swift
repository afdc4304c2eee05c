import Foundation

/// The fingerprint of the code that turns files into stored analyses: FNV-1a over each source
/// file's path (relative to the package) and bytes, in path order. The build computes it
/// (the AnalysisFingerprint plugin runs `analysis-fingerprint` over the sources of BylineCore,
/// BylineSources and BylineIndex) and the index is keyed by it, so any change to a rule, to
/// ingest or to what the index stores makes every cache analyse its library again: no record
/// from an older set of rules is ever served. A test recomputes it from the sources.
public enum SourceFingerprint {
    /// The folders whose Swift sources are fingerprinted, relative to the package.
    public static let folders = ["Sources/BylineCore", "Sources/BylineSources", "Sources/BylineIndex"]

    /// The fingerprint of `files` (path relative to the package, contents), in any order.
    public static func of(_ files: [(path: String, contents: Data)]) -> String {
        var hash = FNV1a()
        for file in files.sorted(by: { $0.path < $1.path }) {
            hash.combine(utf8: file.path)
            hash.combine(utf8: "\u{0}")
            file.contents.withUnsafeBytes { hash.combine($0) }
            hash.combine(utf8: "\u{0}")
        }
        return String(hash.value, radix: 16)
    }
}
