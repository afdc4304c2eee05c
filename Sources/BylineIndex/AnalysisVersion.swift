import BylineCore
import Foundation

/// Which analysis produced an index's rows. A different value makes the stored analysis stale:
/// the index is emptied and every article analysed again.
///
/// The analyzers carry no version number of their own, so the version is a fingerprint: the
/// analysis of the bundled seed article (quotations, speakers, time expressions, timeline)
/// hashed, plus `storageRevision` for changes in what the index stores. Any change of the
/// rules that shows on the seed changes the fingerprint without anyone remembering to bump a
/// number; a change that does not show on the seed needs `storageRevision` bumped.
public enum AnalysisVersion {
    /// Bump when the index stores the analysis differently, or when an analyzer change does
    /// not show on the seed article.
    static let storageRevision = 2

    /// Computed once per process (the seed's analysis takes about a millisecond).
    public static let current: String = fingerprint(of: Analyzer.analyze)

    /// The version string for a given analysis function (tests pass their own).
    public static func fingerprint(of analyze: (Article) -> AnalyzedArticle) -> String {
        let analyzed = analyze(BundledSeed.article())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hasher = ContentHash()
        for part in [
            try? encoder.encode(analyzed.quotes), try? encoder.encode(analyzed.speakers),
            try? encoder.encode(analyzed.timeExpressions), try? encoder.encode(analyzed.timeline),
        ] {
            hasher.combine(part ?? Data())
        }
        return "\(storageRevision)-\(String(hasher.value, radix: 16))"
    }
}
