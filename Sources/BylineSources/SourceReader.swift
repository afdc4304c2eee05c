import BylineCore
import Foundation

/// Reads any source Byline knows into `Article`s: plain text, Markdown, web pages, RSS, Atom
/// and JSON Feed, each possibly gzip-compressed. A feed gives one article per item; every other
/// kind gives one. Whatever the kind, each article's text has the one shape of `ArticleText`,
/// and its metadata says what it came from, so nothing downstream needs to know.
public enum SourceReader {
    /// The most a compressed file may inflate to: the size an article file may have.
    public static let maximumDecompressedBytes = ArticleReader.maximumBytes

    /// The articles of the file at `path`, dated by `dates` (`--date`, a catalog, the
    /// article's own metadata, the file name: see `DateResolver`).
    public static func read(path: String, dates: DateResolver = DateResolver()) throws(ReadError) -> [Article] {
        let data = try ArticleReader.contents(ofFileAt: path)
        return try dated(read(data, source: path), path: path, dates: dates)
    }

    /// The articles of `data` read from `source` (a path or URL: it names the articles and its
    /// extension helps tell Markdown from plain text), served as `contentType` if it came over
    /// HTTP. Dates are the articles' own (see `dated` for the full order).
    public static func read(_ data: Data, source: String, contentType: String? = nil) throws(ReadError) -> [Article] {
        var data = data
        if data.isEmpty { throw .empty(source) }
        if Gzip.isCompressed(data) {
            do throws(Gzip.Failure) {
                data = try Gzip.decompress(data, limit: maximumDecompressedBytes)
            } catch {
                switch error {
                case .tooLarge(let limit): throw .malformed(source, reason: "it decompresses to more than \(limit / 1_048_576) MB")
                case .damaged(let why): throw .malformed(source, reason: "damaged gzip data (\(why))")
                }
            }
            if data.isEmpty { throw .empty(source) }
        }
        let format = try SourceDetection.format(of: data, name: source, contentType: contentType)
        return try read(data, source: source, as: format, contentType: contentType)
    }

    /// The articles of `data` (not compressed) read as `format`, whatever its content says.
    /// `read(_:source:contentType:)` calls it with the detected format; the fuzz targets call
    /// it with each format in turn, so arbitrary bytes reach every reader.
    public static func read(_ data: Data, source: String, as format: SourceFormat, contentType: String? = nil)
        throws(ReadError) -> [Article]
    {
        if data.isEmpty { throw .empty(source) }
        switch format {
        case .text:
            var (article, _) = try ArticleReader.decode(data, source: source)
            article.metadata.format = format
            return [article]
        case .markdown:
            return [try MarkdownReader.read(data, source: source)]
        case .html:
            return [try HTMLReader.read(data, source: source, contentType: contentType)]
        case .rss, .atom, .jsonfeed:
            return try FeedReader.read(data, source: source, format: format, contentType: contentType)
        }
    }

    /// Whether `error`, met reading a file found in a folder, is not worth a warning: a `.json`
    /// or `.xml` file that turns out not to be a feed (a `package.json`, a sitemap) was never
    /// meant as an article.
    public static func isIncidental(_ error: ReadError, path: String) -> Bool {
        guard case .notAnArticle = error else { return false }
        var name = FilePaths.name(of: path)
        if FilePaths.fileExtension(of: name) == "gz" { name = String(name.dropLast(3)) }
        return ["json", "xml"].contains(FilePaths.fileExtension(of: name))
    }

    /// Applies the date order to articles read from `path`: `--date`, then the catalog, then
    /// each article's own date, then the file-name prefix. A catalog entry for the file also
    /// gives its articles' title, url, authors, site, guid, feed and language (a feed item
    /// stored by `byline update` is plain text; its catalog line keeps what the feed said).
    public static func dated(_ articles: [Article], path: String, dates: DateResolver) -> [Article] {
        let entry = dates.catalogEntry(for: path)
        return articles.map { article in
            var article = article
            let own = article.dateSource == .metadata ? article.date : nil
            (article.date, article.dateSource) = dates.date(for: path, metadata: own)
            entry?.apply(to: &article.metadata)
            return article
        }
    }
}
