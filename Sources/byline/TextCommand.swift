import ArgumentParser
import BylineCore
import Foundation

/// `byline text`: the one text every analysis reads, whatever the source was.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print the text of articles as the analyses read it: headline, blank line, paragraphs.",
        discussion: """
            Web pages, feed items and Markdown are reduced to this text; every offset that \
            quotes, speakers and timeline report refers to it. JSONL prints one object per article:
            {"article", "format", "title", "authors", "date", "date_source", "url", "site", "language", "text", "body_start", "published"}
            """)

    @OptionGroup var format: FormatOption
    @OptionGroup var articles: ArticleOptions

    func run() throws {
        let writer = RecordWriter(format.format)
        var first = true
        try CommandInput.forEach(articles, transform: { $0 }) { article in
            writer.text((first ? "" : "\n") + TerminalSafe.text(article.text) + "\n")
            writer.record(Self.record(article))
            writer.endOfArticle()
            first = false
        }
        writer.finish()
    }

    static func record(_ article: Article) -> JSON {
        let m = article.metadata
        return .object([
            ("article", .string(article.source)),
            ("format", .string(m.format.rawValue)),
            ("title", JSON(m.title)),
            ("authors", .array(m.authors.map(JSON.string))),
            ("date", JSON(article.date?.iso)),
            ("date_source", JSON(article.dateSource?.rawValue)),
            ("url", JSON(m.url)),
            ("site", JSON(m.site)),
            ("language", JSON(m.language)),
            ("text", .string(article.text)),
            ("body_start", .int(article.bodyStart)),
            // The instant of publication (UTC), when the source gave a time; last, so the
            // fields before keep their places.
            ("published", JSON(m.published)),
        ])
    }
}
