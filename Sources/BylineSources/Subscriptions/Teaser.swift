import BylineCore
import Foundation

/// Feed items that carry only a teaser of the article they link to, and the article fetched
/// in their place.
///
/// An item is a teaser when it links to a web page and its body is short (fewer than
/// `shortBodyWords` words: a summary of a sentence or three, or no body at all) or ends by
/// pointing away (`…`, `...`, `[…]`, `Read more`, `Continue reading`): the shapes feeds give
/// an excerpt, whatever the outlet. The page then replaces the body only when it gives more
/// words than the teaser, so a short item that is whole stays as it was.
enum Teaser {
    static let shortBodyWords = 100

    static func isTeaser(_ item: Article) -> Bool {
        guard let link = item.metadata.url, let url = URL(string: link),
              let scheme = url.scheme?.lowercased(), WebAddress.isFetchable(scheme: scheme)
        else { return false }
        let body = bodyTexts(item)
        if wordCount(body) < shortBodyWords { return true }
        guard let last = body.last?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() else { return true }
        if last.hasSuffix("…") || last.hasSuffix("...") || last.hasSuffix("[…]") || last.hasSuffix("[...]") { return true }
        let stripped = last.trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.symbols).union(.whitespaces))
        return continuationMarks.contains { stripped.hasSuffix($0) }
    }

    /// Words that end an excerpt and send the reader to the page.
    private static let continuationMarks = ["read more", "continue reading", "read the full story", "read the full article",
                                            "read full story", "read full article"]

    static func bodyTexts(_ article: Article) -> [String] {
        article.bodyParagraphs.map { article.string($0.span) }
    }

    static func wordCount(_ paragraphs: [String]) -> Int {
        paragraphs.reduce(0) { $0 + $1.split(whereSeparator: { $0.isWhitespace }).count }
    }

    /// The item with its body replaced by the body of `page` (the linked page, as read), when
    /// the page has more to say; nil otherwise. The item's title, date, link and guid stay;
    /// the page fills in authors, language and time of publication the item lacked.
    static func expanded(_ item: Article, with page: Article) -> Article? {
        let pageBody = bodyTexts(page)
        let itemBody = bodyTexts(item)
        guard wordCount(pageBody) > wordCount(itemBody) else { return nil }
        let headline = item.headline.map(item.string) ?? page.headlineText
        var metadata = item.metadata
        if metadata.authors.isEmpty { metadata.authors = page.metadata.authors }
        if metadata.language == nil { metadata.language = page.metadata.language }
        // The page's time only when it dates the story as the item does.
        if metadata.published == nil, item.date != nil, page.date == item.date { metadata.published = page.metadata.published }
        return Article(text: ArticleText.compose(headline: headline, paragraphs: pageBody), source: item.source,
                       date: item.date, dateSource: item.dateSource, warnings: item.warnings, metadata: metadata)
    }
}
