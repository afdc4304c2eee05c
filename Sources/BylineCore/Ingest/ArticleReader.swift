import Foundation

/// Why an article could not be read.
public enum ReadError: Error, Equatable, CustomStringConvertible, Sendable {
    case notFound(String)
    case unreadable(String, reason: String)
    case empty(String)
    case binary(String)
    case tooLarge(String, bytes: Int)
    case noArticles(String)
    case notAFile(String, kind: String)
    /// Content of a kind that holds no article (`a PDF document`, `a JSON file that is not a
    /// JSON Feed`).
    case notAnArticle(String, kind: String)
    /// A document of a known kind too broken to read anything from.
    case malformed(String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let p): return "\(p): no such file or folder"
        case .unreadable(let p, let reason): return "\(p): cannot be read (\(reason))"
        case .empty(let p): return "\(p): the file is empty: there is no article to read"
        case .binary(let p): return "\(p): this looks like a binary file, not an article (it contains NUL bytes)"
        case .tooLarge(let p, let bytes):
            return "\(p): \(bytes / 1_048_576) MB is larger than the \(ArticleReader.maximumBytes / 1_048_576) MB an article may be"
        case .notAFile(let p, let kind): return "\(p): this is \(kind), not an article file"
        case .notAnArticle(let p, let kind): return "\(p): this is \(kind), not an article"
        case .malformed(let p, let reason): return "\(p): cannot be read: \(reason)"
        case .noArticles(let p): return "\(p): no articles here (looked for text, Markdown, web pages and feeds: \(ArticleReader.articleExtensions.sorted().map { "*." + $0 }.joined(separator: ", ")), and these gzip-compressed)"
        }
    }
}

/// Reads article files into `Article`s: UTF-8 (invalid bytes become U+FFFD with a warning),
/// a BOM, CRLF, tabs and no-break spaces tolerated. Never writes to the file.
public enum ArticleReader {
    /// File extensions read when a folder is given (an explicit file is read whatever its name):
    /// plain text, Markdown, web pages and feeds (read by BylineSources' `SourceReader`), and
    /// any of these gzip-compressed (`page.html.gz`). A `.json` or `.xml` file in a folder
    /// counts only when its content is a feed.
    public static let articleExtensions: Set<String> = [
        "txt", "text", "md", "markdown", "mdown", "mkd", "html", "htm", "xhtml", "xml", "rss", "atom", "rdf", "json",
    ]

    /// Whether a file in a folder is read as an article, by its name: one of
    /// `articleExtensions`, possibly followed by `.gz`.
    public static func isArticleName(_ name: String, extensions: Set<String> = articleExtensions) -> Bool {
        var ext = FilePaths.fileExtension(of: name)
        if ext == "gz" { ext = FilePaths.fileExtension(of: String(name.dropLast(3))) }
        return extensions.contains(ext)
    }
    /// Larger files are refused with a clear message rather than stalling the reader.
    public static let maximumBytes = 64 * 1_048_576

    /// Reads and dates an article (see `DateResolver`; pass one to share its catalogs across
    /// many files).
    public static func read(path: String, dates: DateResolver = DateResolver()) throws(ReadError) -> Article {
        let data = try contents(ofFileAt: path)
        var (article, _) = try decode(data, source: path)
        (article.date, article.dateSource) = dates.date(for: path)
        return article
    }

    /// The bytes of an article file. Symbolic links are followed; folders, pipes and devices
    /// are refused before they are opened (reading one could block or never end), as are
    /// files over `maximumBytes`.
    public static func contents(ofFileAt path: String) throws(ReadError) -> Data {
        // One stat(2), which follows links (FileManager's attributes cost a dozen calls and a
        // dictionary per file: 5 % of `byline quotes` over a library).
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .notFound(path) }
            throw .unreadable(path, reason: String(cString: strerror(code)))
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else { throw .notAFile(path, kind: describe(fileType: kind)) }
        if Int(info.st_size) > maximumBytes { throw .tooLarge(path, bytes: Int(info.st_size)) }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            if !FileManager.default.fileExists(atPath: path) { throw .notFound(path) }
            throw .unreadable(path, reason: FileFailure.reason(error))
        }
    }

    /// What a file that is not a regular file is, by the type bits of its mode.
    private static func describe(fileType: mode_t) -> String {
        switch fileType {
        case S_IFDIR: return "a folder"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "a pipe or other special file"
        }
    }

    /// Decodes bytes into an article. Throws for empty and binary content.
    public static func decode(_ data: Data, source: String) throws(ReadError) -> (Article, invalidSequences: Int) {
        let decoded = try decodeText(data, source: source)
        let article = Article(text: decoded.text, source: source, warnings: decoded.warnings)
        if article.paragraphs.isEmpty { throw .empty(source) }
        return (article, decoded.invalidSequences)
    }

    /// The text of bytes read as UTF-8, invalid sequences repaired with a warning; for readers
    /// that make their own text of it (Markdown) before the article is laid out. Throws for
    /// empty and binary content.
    public static func decodeText(_ data: Data, source: String) throws(ReadError)
        -> (text: String, warnings: [String], invalidSequences: Int)
    {
        if data.isEmpty { throw .empty(source) }
        // NUL bytes do not occur in text; a few in the first 8 KB mean a binary file.
        if data.prefix(8192).withUnsafeBytes({ $0.contains(0) }) { throw .binary(source) }
        if let valid = String(validating: data, as: UTF8.self) { return (valid, [], 0) }
        let text = String(decoding: data, as: UTF8.self)
        var invalid = text.unicodeScalars.reduce(0) { $0 + ($1.value == 0xFFFD ? 1 : 0) }
        invalid -= countEncodedReplacementCharacters(data)
        return (text, ["\(source): \(max(invalid, 1)) invalid UTF-8 sequence(s) replaced by U+FFFD"], invalid)
    }

    /// U+FFFD already present in valid form (EF BF BD), so it is not counted as a repair.
    private static func countEncodedReplacementCharacters(_ data: Data) -> Int {
        var count = 0
        var i = data.startIndex
        while i + 2 < data.endIndex {
            if data[i] == 0xEF, data[i + 1] == 0xBF, data[i + 2] == 0xBD { count += 1 }
            i += 1
        }
        return count
    }

    /// `2011-12-02_some-title.txt` carries its date in its name.
    public static func dateFromFileName(_ name: String) -> CivilDate? {
        guard name.count >= 10 else { return nil }
        let prefix = String(name.prefix(10))
        guard let date = CivilDate(iso: prefix) else { return nil }
        if name.count > 10 {
            let next = name[name.index(name.startIndex, offsetBy: 10)]
            guard next == "_" || next == "-" || next == "." || next == " " else { return nil }
        }
        return date
    }
}
