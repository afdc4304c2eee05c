import BylineCore
import Foundation

/// Which analysis produced an index's rows. A different value makes the stored analysis stale:
/// the index is emptied and every article analysed again.
///
/// The version is the build-time fingerprint of the sources of BylineCore, BylineSources and
/// BylineIndex (`SourceFingerprint`, generated into `AnalysisSources` by the
/// AnalysisFingerprint plugin): any change to a rule, to how a source is read, or to what the
/// index stores gives a new version, with no number to remember to bump.
public enum AnalysisVersion {
    public static let current: String = AnalysisSources.fingerprint
}
