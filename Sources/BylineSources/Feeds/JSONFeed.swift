import BylineCore
import Foundation

/// JSON Feed 1.1 (and 1.0's singular `author`): https://jsonfeed.org/version/1.1
enum JSONFeed {
    static func read(_ data: Data, source: String) throws(ReadError) -> (FeedChannel, [FeedEntry]) {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ReadError.notAnArticle(source, kind: "a JSON file that is not a JSON Feed")
            }
            object = parsed
        } catch let error as ReadError {
            throw error
        } catch {
            throw .malformed(source, reason: "not valid JSON (\(error.localizedDescription))")
        }
        let home = string(object["home_page_url"]).flatMap(nonEmpty)
        let feedURL = string(object["feed_url"]).flatMap(nonEmpty)
        var channel = FeedChannel()
        channel.title = string(object["title"]).flatMap { nonEmpty(FeedText.title($0, markup: .sniff)) }
        channel.link = home
        channel.authors = authors(object)
        channel.language = string(object["language"]).flatMap(nonEmpty)
        guard let items = object["items"] as? [Any] else {
            throw .malformed(source, reason: "a JSON Feed without an `items` list")
        }
        let bases = [home, feedURL, FeedLinks.webAddress(source)].compactMap { $0 }
        let entries = items.compactMap { $0 as? [String: Any] }.map { entry(from: $0, bases: bases) }
        return (channel, entries)
    }

    private static func entry(from item: [String: Any], bases: [String]) -> FeedEntry {
        var entry = FeedEntry()
        // Writers put numbers where the specification says strings.
        entry.id = string(item["id"]).flatMap(nonEmpty)
        entry.title = string(item["title"]).flatMap { nonEmpty(FeedText.title($0, markup: .sniff)) }
        if let url = string(item["url"]).flatMap(nonEmpty) ?? string(item["external_url"]).flatMap(nonEmpty) {
            entry.link = FeedLinks.resolve(url, bases: bases)
        }
        entry.authors = authors(item)
        entry.published = string(item["date_published"]).flatMap(FeedDate.parse)
        entry.updated = string(item["date_modified"]).flatMap(FeedDate.parse)
        entry.language = string(item["language"]).flatMap(nonEmpty)
        if let html = string(item["content_html"]), !html.isEmpty {
            entry.paragraphs = FeedText.paragraphs(html, markup: .html)
        }
        if entry.paragraphs.isEmpty, let text = string(item["content_text"]) {
            entry.paragraphs = FeedText.paragraphs(text, markup: .text)
        }
        if entry.paragraphs.isEmpty, let summary = string(item["summary"]) {
            entry.paragraphs = FeedText.paragraphs(summary, markup: .text)
        }
        return entry
    }

    /// `authors` (1.1), else `author` (1.0): objects with a `name`, or plain strings.
    private static func authors(_ object: [String: Any]) -> [String] {
        var people: [Any] = object["authors"] as? [Any] ?? []
        if people.isEmpty, let single = object["author"] { people = [single] }
        return people.compactMap { person in
            if let name = string(person) { return nonEmpty(name) }
            return (person as? [String: Any]).flatMap { string($0["name"]) }.flatMap(nonEmpty)
        }
    }

    private static func string(_ value: Any?) -> String? {
        switch value {
        case let string as String: return string
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }
}
