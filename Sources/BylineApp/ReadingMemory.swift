import BylineCore
import BylineUI
import Foundation

/// Reading positions and last selections per article, kept between runs in
/// `$XDG_STATE_HOME/byline/positions.json` (default `~/.local/state/byline/`). Articles are
/// known by a hash of their text, so moving a file keeps its place and editing it starts over.
/// A missing file is a first run; an unreadable or corrupt one is ignored with a warning.
public enum ReadingMemory {
    /// Most articles remembered; the least recently read are dropped.
    public static let limit = 1000

    struct File: Codable {
        var version: Int
        var articles: [String: Stored]
    }

    struct Stored: Codable {
        var paragraph: Int
        var offset: Int
        var quote: Int?
        /// Seconds since 1970 when last saved, for dropping the oldest.
        var seen: Double?
    }

    public static func path(environment: [String: String]) -> String {
        XDG.bylineFolder(.state, environment: environment) + "/positions.json"
    }

    public static func load(path: String) -> (views: [String: RememberedView], warning: String?) {
        guard FileManager.default.fileExists(atPath: path) else { return ([:], nil) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([:], "cannot read \(path); reading positions start afresh")
        }
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            guard file.version == 1 else {
                return ([:], "\(path) has an unknown version (\(file.version)); reading positions start afresh")
            }
            var views: [String: RememberedView] = [:]
            for (key, stored) in file.articles where stored.paragraph >= 0 && stored.offset >= 0 {
                views[key] = RememberedView(paragraph: stored.paragraph, offset: stored.offset, quote: stored.quote)
            }
            return (views, nil)
        } catch {
            return ([:], "\(path) is not a valid positions file; reading positions start afresh")
        }
    }

    /// Writes the positions (merged over what is on disk, so two readers lose little),
    /// atomically. Returns a warning instead of failing.
    public static func save(_ views: [String: RememberedView], path: String, now: Date = Date()) -> String? {
        var articles: [String: Stored] = [:]
        if let data = FileManager.default.contents(atPath: path), let file = try? JSONDecoder().decode(File.self, from: data),
            file.version == 1
        {
            articles = file.articles
        }
        for (key, view) in views {
            let old = articles[key]
            let changed = old.map { $0.paragraph != view.paragraph || $0.offset != view.offset || $0.quote != view.quote } ?? true
            articles[key] = Stored(paragraph: view.paragraph, offset: view.offset, quote: view.quote,
                                   seen: changed ? now.timeIntervalSince1970 : old?.seen)
        }
        if articles.count > limit {
            let keep = articles.sorted { ($0.value.seen ?? 0) > ($1.value.seen ?? 0) }.prefix(limit)
            articles = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
        }
        do {
            let folder = FilePaths.parent(of: path)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(File(version: 1, articles: articles))
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            return nil
        } catch {
            return "cannot save reading positions to \(path): \(error.localizedDescription)"
        }
    }
}
