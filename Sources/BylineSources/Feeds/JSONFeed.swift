import BylineCore
import Foundation

/// JSON Feed 1.1 (and 1.0's singular `author`): https://jsonfeed.org/version/1.1
///
/// Decoded into the few fields read, leniently: a field of the wrong type (an `id` written as
/// a number, an author as a bare string) is taken as text or left out, and an item that is
/// not an object is skipped, rather than failing the feed. (`JSONDecoder` into these structs
/// also reads a large feed in less time and memory than `JSONSerialization`'s dictionaries.)
enum JSONFeed {
    static func read(_ data: Data, source: String) throws(ReadError) -> (FeedChannel, [FeedEntry]) {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch DecodingError.keyNotFound(let key, _) where key.stringValue == "items" {
            throw .malformed(source, reason: "a JSON Feed without an `items` list")
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw .notAnArticle(source, kind: "a JSON file that is not a JSON Feed")
        } catch {
            throw .malformed(source, reason: "not a JSON Feed that can be read (\(Self.describe(error)))")
        }
        let home = document.home_page_url?.text.flatMap(nonEmpty)
        let feedURL = document.feed_url?.text.flatMap(nonEmpty)
        var channel = FeedChannel()
        channel.title = document.title?.text.flatMap { nonEmpty(FeedText.title($0, markup: .sniff)) }
        channel.link = home
        channel.authors = names(document.authors, document.author)
        channel.language = document.language?.text.flatMap(nonEmpty)
        let bases = [home, feedURL, FeedLinks.webAddress(source)].compactMap { $0 }
        let entries = document.items.compactMap(\.value).map { entry(from: $0, bases: bases) }
        return (channel, entries)
    }

    private static func entry(from item: Item, bases: [String]) -> FeedEntry {
        var entry = FeedEntry()
        entry.id = item.id?.text.flatMap(nonEmpty)
        entry.title = item.title?.text.flatMap { nonEmpty(FeedText.title($0, markup: .sniff)) }
        if let url = item.url?.text.flatMap(nonEmpty) ?? item.external_url?.text.flatMap(nonEmpty) {
            entry.link = FeedLinks.resolve(url, bases: bases)
        }
        entry.authors = names(item.authors, item.author)
        entry.published = item.date_published?.text.flatMap(PublicationDate.dated)
        entry.updated = item.date_modified?.text.flatMap(PublicationDate.dated)
        entry.language = item.language?.text.flatMap(nonEmpty)
        // The fullest body there is: HTML, else text, else the summary (plain text).
        if let html = item.content_html?.text, !html.isEmpty {
            entry.paragraphs = FeedText.paragraphs(html, markup: .html)
        }
        if entry.paragraphs.isEmpty, let text = item.content_text?.text {
            entry.paragraphs = FeedText.paragraphs(text, markup: .text)
        }
        if entry.paragraphs.isEmpty, let summary = item.summary?.text {
            entry.paragraphs = FeedText.paragraphs(summary, markup: .text)
        }
        return entry
    }

    /// `authors` (1.1), else `author` (1.0).
    private static func names(_ authors: [Lenient<Person>]?, _ author: Lenient<Person>?) -> [String] {
        let people = (authors ?? []).compactMap(\.value)
        return (people.isEmpty ? [author?.value].compactMap { $0 } : people).compactMap { $0.name.flatMap(nonEmpty) }
    }

    private static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return error.localizedDescription }
        switch decoding {
        case .dataCorrupted(let context): return context.debugDescription
        case .keyNotFound(let key, _): return "no `\(key.stringValue)`"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "`\(context.codingPath.map(\.stringValue).joined(separator: "."))` is not what JSON Feed says it is"
        @unknown default: return "\(decoding)"
        }
    }

    // The specification's field names, so the decoding needs no key mapping.
    private struct Document: Decodable {
        var title: Text?
        var home_page_url: Text?
        var feed_url: Text?
        var language: Text?
        var authors: [Lenient<Person>]?
        var author: Lenient<Person>?
        var items: [Lenient<Item>]
    }

    private struct Item: Decodable {
        var id: Text?
        var url: Text?
        var external_url: Text?
        var title: Text?
        var content_html: Text?
        var content_text: Text?
        var summary: Text?
        var date_published: Text?
        var date_modified: Text?
        var language: Text?
        var authors: [Lenient<Person>]?
        var author: Lenient<Person>?
    }

    /// An object with a `name`, or a bare string taken as the name.
    private struct Person: Decodable {
        var name: String?

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                name = text
                return
            }
            let container = try decoder.container(keyedBy: Key.self)
            let text: Text? = try? container.decodeIfPresent(Text.self, forKey: .name)
            name = text?.text
        }

        enum Key: String, CodingKey { case name }
    }

    /// A value decoded if it can be, nil if it is of another type.
    private struct Lenient<Value: Decodable>: Decodable {
        var value: Value?

        init(from decoder: any Decoder) throws {
            value = try? Value(from: decoder)
        }
    }

    /// A string, or a number or boolean written where a string belongs, as text.
    private struct Text: Decodable {
        var text: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                text = string
            } else if let integer = try? container.decode(Int.self) {
                text = String(integer)
            } else if let number = try? container.decode(Double.self) {
                text = String(number)
            } else if let flag = try? container.decode(Bool.self) {
                text = String(flag)
            } else {
                text = nil
            }
        }
    }
}
