import BylineCore
import BylineIndex
import BylineUI
import Foundation

/// The followed speakers and what has been seen of them, for the reader: read when it opens,
/// and what it marked added when it quits. The same files `byline follow` and `byline follows`
/// keep (`FollowList` in the config folder, `FollowState` in the state folder, beside the
/// reading positions and read marks).
public enum FollowsFile {
    public static func load(environment: [String: String]) -> (follows: Follows, warnings: [String]) {
        var warnings: [String] = []
        var names: [String] = []
        do throws(FollowError) {
            names = try FollowList.load(path: FollowList.defaultPath(environment: environment)).names
        } catch {
            warnings.append(error.description)
        }
        let (state, warning) = FollowState.load(path: FollowState.defaultPath(environment: environment))
        if let warning { warnings.append(warning) }
        return (Follows(names: names, seen: state), warnings)
    }

    /// Adds what was seen in this run to the state on disk now (`byline follows --new` or
    /// another reader may have written it meanwhile), atomically. Writes nothing when nothing
    /// was marked; returns a warning instead of failing.
    public static func save(_ follows: Follows, environment: [String: String]) -> String? {
        guard follows.changed else { return nil }
        let path = FollowState.defaultPath(environment: environment)
        var merged = FollowState.load(path: path).state
        for (name, keys) in follows.seen.seen { merged.seen[name, default: []].formUnion(keys) }
        do throws(FollowError) {
            try merged.save(path: path)
            return nil
        } catch {
            return error.description
        }
    }
}
