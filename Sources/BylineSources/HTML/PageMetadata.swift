import BylineCore
import Foundation

/// What a page says about its article besides the body: headline, authors, publication date,
/// site name, canonical URL and language, each from the first source that gives it, in the
/// order publishers' own markup is most reliable:
///
/// - headline: `og:title`, JSON-LD `headline`, an `<h1>` (or a blog's `<h2>`) that makes up most
///   of the `<title>`, `<title>` without the site name;
/// - authors: JSON-LD `author`, `<meta name=author>`, `rel=author` links, byline markup;
/// - date: JSON-LD `datePublished`, `article:published_time`, `<meta name=date>` or Dublin Core
///   `dc.date`, a `<time datetime>`, a date in the URL;
/// - site: `og:site_name`, JSON-LD `publisher`, `application-name`;
/// - URL: `<link rel=canonical>`, `og:url`, JSON-LD `url`, the address it was fetched from;
/// - language: `<html lang>`, `Content-Language`, `og:locale`, JSON-LD `inLanguage`.
struct PageMetadata: Equatable {
    var headline: String?
    var authors: [String] = []
    var date: CivilDate?
    /// The instant of publication, when the value that gave `date` also gives a time
    /// (`PublicationDate.Dated.published`); never from an address.
    var published: String?
    var site: String?
    var url: String?
    var language: String?

    init(document: HTMLDocument, tree: PageTree, address: String?) {
        var meta: [String: String] = [:]
        var canonical: String?
        var titleText: String?
        var jsonLD = tree.jsonLD
        var metaNodes = tree.metas
        var language: String?
        if let root = document.root, let lang = root.attribute("lang") ?? root.attribute("xml:lang") {
            language = lang
        }
        // The head: meta, link, title and scripts (the tree walks only the body).
        if let head = document.head {
            for child in head.children where child.isElement {
                switch child.tag {
                case .meta: metaNodes.append(child)
                case .title: if titleText == nil { titleText = Self.clean(child.textContent) }
                case .link:
                    if let rel = child.attribute("rel")?.lowercased(), rel.split(separator: " ").contains("canonical") {
                        canonical = canonical ?? child.attribute("href")
                    }
                case .script:
                    if let type = child.attribute("type"), type.lowercased().contains("ld+json") { jsonLD.append(child) }
                default: break
                }
            }
        }
        for node in metaNodes {
            guard let content = node.attribute("content") else { continue }
            for key in ["property", "name", "itemprop", "http-equiv"] {
                guard let name = node.attribute(key)?.lowercased(), !name.isEmpty else { continue }
                if meta[name] == nil { meta[name] = content }
            }
        }
        let linked = LinkedData(scripts: jsonLD)

        // Headline.
        let site = [meta["og:site_name"], linked.publisher, meta["application-name"]]
            .compactMap { $0.map(Self.clean) }.first { !$0.isEmpty }
        self.site = site
        let strippedTitle = titleText.map { Self.withoutSiteName($0, site: site) }
        let candidates: [String?] = [
            meta["og:title"].map { Self.withoutSiteName(Self.clean($0), site: site) },
            linked.headline.map(Self.clean),
            Self.headingAgreeing(with: titleText, tree: tree),
            strippedTitle,
        ]
        headline = candidates.compactMap { $0 }.first { !$0.isEmpty }

        // Authors.
        var authors = linked.authors
        if authors.isEmpty {
            for key in ["author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author"] {
                if let value = meta[key] { authors = Self.names(value) }
                if !authors.isEmpty { break }
            }
        }
        if authors.isEmpty {
            authors = tree.authorLinks.filter { $0.tag == .a }.flatMap { Self.names($0.textContent) }
        }
        if authors.isEmpty {
            for index in tree.bylines {
                let element = tree.elements[index]
                guard element.hints.contains(.byline) || element.flags.contains(.bylineProperty), Self.isSmall(tree.node(index)) else {
                    continue
                }
                let text = Self.clean(tree.node(index).textContent)
                guard text.count < 120 else { continue }
                authors = Self.names(text)
                if !authors.isEmpty { break }
            }
        }
        var unique: [String] = []
        for name in authors where !unique.contains(name) { unique.append(name) }
        self.authors = unique

        // URL.
        let url = [canonical, meta["og:url"], linked.url, address]
            .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
            .first { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
        self.url = url

        // Date, and the instant when the value that gave it has a time.
        var date: CivilDate?
        var published: String?
        func take(_ value: String) -> Bool {
            guard let parsed = PublicationDate.dated(value), PageDates.plausible(parsed.date.year) else { return false }
            date = parsed.date
            published = parsed.published
            return true
        }
        let dated: [String?] = [
            linked.datePublished, meta["article:published_time"], meta["og:published_time"], meta["datepublished"],
            meta["date"], meta["dc.date"], meta["dc.date.issued"], meta["dc.date.created"], meta["dcterms.date"],
            meta["dcterms.issued"], meta["dcterms.created"], meta["pubdate"], meta["publishdate"], meta["publish-date"],
            meta["sailthru.date"], meta["parsely-pub-date"], linked.dateCreated,
        ]
        for value in dated {
            if let value, take(value) { break }
        }
        if date == nil {
            // A site's own name for it: sn-post-date, article.published, pub_date.
            let named = meta.keys.sorted().filter { key in
                key.contains("publish") && !key.contains("modif") && !key.contains("update")
                    || ["post-date", "post_date", "postdate", "pub-date", "pub_date"].contains { key.hasSuffix($0) }
            }
            for key in named {
                if let value = meta[key], take(value) { break }
            }
        }
        if date == nil {
            // A <time datetime> marked as the publication date first, then any.
            let times = tree.times.filter { $0.hasAttribute("datetime") }
            let marked = times.first { $0.hasAttribute("pubdate") || $0.attribute("itemprop")?.lowercased() == "datepublished" }
            for node in [marked].compactMap({ $0 }) + times {
                if let value = node.attribute("datetime"), take(value) { break }
            }
        }
        if date == nil {
            for candidate in [url, address, canonical] {
                if let candidate, let parsed = PageDates.fromURL(candidate) {
                    date = parsed
                    break
                }
            }
        }
        self.date = date
        self.published = published

        // Language.
        let declared = [language, meta["content-language"], meta["og:locale"], linked.language]
            .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
        self.language = declared.map { $0.replacingOccurrences(of: "_", with: "-") }
    }

    /// The page's headline among its `<h1>` (then `<h2>`) elements: the first that makes up
    /// most of the `<title>` (a blog's `<h1>` is often its own name, and the post's title an
    /// `<h2>`); with no `<title>`, the first `<h1>`.
    static func headingAgreeing(with title: String?, tree: PageTree) -> String? {
        let texts = { (indices: [Int]) in
            indices.filter { isSmall(tree.node($0)) }.map { clean(tree.node($0).textContent) }.filter { !$0.isEmpty }
        }
        let h1 = texts(tree.headings1)
        guard let title else { return h1.first }
        let titleKey = ArticleExtractor.comparable(title)
        guard !titleKey.isEmpty else { return h1.first }
        return (h1 + texts(tree.headings2)).first { heading in
            let key = ArticleExtractor.comparable(heading)
            return !key.isEmpty && key.count * 2 >= titleKey.count && titleKey.contains(key)
        }
    }

    /// Whether an element is small enough to be a headline or a byline (an unclosed `<h1>` can
    /// hold a whole page, whose text is not worth copying).
    static func isSmall(_ node: HTMLNode) -> Bool { node.end - node.index <= 200 }

    /// White space collapsed, trimmed.
    static func clean(_ text: String) -> String {
        ArticleText.collapse(text, keepingLineBreaks: false)
    }

    /// `Headline | Site`, `Site - Headline`, `Headline - Section - Site`: the headline alone.
    /// The site's name is dropped when known; otherwise the segment before the last separator,
    /// when it is long enough to be a headline (Readability's rule).
    static func withoutSiteName(_ title: String, site: String?) -> String {
        let separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / ", " // "]
        guard separators.contains(where: { title.contains($0) }) else { return title }
        var segments = [title]
        for separator in separators {
            segments = segments.flatMap { $0.components(separatedBy: separator) }
        }
        segments = segments.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let site {
            let siteKey = ArticleExtractor.comparable(site)
            let kept = segments.filter { segment in
                let key = ArticleExtractor.comparable(segment)
                return !(key == siteKey || (!siteKey.isEmpty && (siteKey.hasPrefix(key) || key.hasPrefix(siteKey)) && key.count * 2 >= siteKey.count))
            }
            if kept.count == 1 { return kept[0] }
            if kept.count < segments.count, let longest = kept.max(by: { $0.count < $1.count }) {
                // Keep the headline and any section name before it only if the headline was split.
                return longest
            }
        }
        // Headline first, site last is the common order.
        guard let first = segments.first else { return title }
        if first.split(separator: " ").count >= 3 { return first }
        return segments.max(by: { $0.split(separator: " ").count < $1.split(separator: " ").count }) ?? title
    }

    /// Author names in a byline or a meta value: `By Ann Lee and Bo Chan`, `Ann Lee, Bo Chan`,
    /// `By Ann Lee | Staff Writer | March 9, 2021`. Addresses (profile pages), dates and job
    /// titles are not names.
    static func names(_ value: String) -> [String] {
        var text = clean(value)
        if text.isEmpty || text.contains("://") || text.hasPrefix("@") { return [] }
        for prefix in ["By ", "by ", "BY ", "Written by ", "Words by ", "Von ", "Par ", "Por "] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
            break
        }
        var parts = [text]
        for separator in [" and ", " & ", ", ", "; ", " | ", " · ", " • ", " - ", " – ", " — ", " und ", " et ", " y "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)) }
            .filter { part in
                !part.isEmpty && part.count <= 60 && part.first?.isLetter == true && !part.contains(where: \.isNumber)
                    && !part.lowercased().split(separator: " ").contains { roleWords.contains(String($0)) }
            }
    }

    /// Words of the job titles and notes bylines carry beside names.
    private static let roleWords: Set<String> = [
        "staff", "writer", "reporter", "editor", "correspondent", "contributor", "columnist", "updated", "published",
        "posted", "press", "associated", "wire", "photographer", "senior", "editorial", "team", "desk",
    ]
}

/// The schema.org objects of a page's JSON-LD scripts, read for the article's own: the first
/// object whose `@type` is an article kind, else a web page.
struct LinkedData {
    var headline: String?
    var authors: [String] = []
    var datePublished: String?
    var dateCreated: String?
    var publisher: String?
    var url: String?
    var language: String?

    private static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "livebloggosting", "liveblogposting", "techarticle",
        "scholarlyarticle", "report", "socialmediaposting", "posting", "review", "askpublicnewsarticle",
    ]

    init(scripts: [HTMLNode]) {
        var objects: [[String: Any]] = []
        for script in scripts {
            guard let json = Self.parse(script.textContent) else { continue }
            Self.collect(json, into: &objects)
        }
        let article = objects.first { Self.types(of: $0).contains(where: Self.articleTypes.contains) }
            ?? objects.first { Self.types(of: $0).contains { $0.hasSuffix("page") } }
        guard let article else { return }
        headline = Self.string(article["headline"]) ?? Self.string(article["name"])
        authors = Self.names(article["author"]) + Self.names(article["creator"])
        datePublished = Self.string(article["datePublished"])
        dateCreated = Self.string(article["dateCreated"])
        publisher = Self.names(article["publisher"]).first
            ?? objects.first { Self.types(of: $0).contains("newsmediaorganization") }.flatMap { Self.string($0["name"]) }
        url = Self.string(article["url"]) ?? Self.string((article["mainEntityOfPage"] as? [String: Any])?["@id"])
            ?? Self.string(article["mainEntityOfPage"])
        language = Self.string(article["inLanguage"])
    }

    /// Parses a script's JSON, forgiving the wrappers pages put around it (HTML comments,
    /// CDATA markers) and raw line breaks inside strings.
    private static func parse(_ text: String) -> Any? {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for wrapper in ["<!--", "//<![CDATA[", "<![CDATA["] where body.hasPrefix(wrapper) { body.removeFirst(wrapper.count) }
        for wrapper in ["-->", "//]]>", "]]>"] where body.hasSuffix(wrapper) { body.removeLast(wrapper.count) }
        if let json = try? JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed]) { return json }
        let flattened = String(String.UnicodeScalarView(body.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
        return try? JSONSerialization.jsonObject(with: Data(flattened.utf8), options: [.fragmentsAllowed])
    }

    /// Every object of a JSON-LD document: arrays and `@graph` lists opened.
    private static func collect(_ json: Any, into objects: inout [[String: Any]]) {
        if let array = json as? [Any] {
            for item in array { collect(item, into: &objects) }
        } else if let object = json as? [String: Any] {
            objects.append(object)
            if let graph = object["@graph"] { collect(graph, into: &objects) }
        }
    }

    private static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        if let types = object["@type"] as? [Any] { return types.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    private static func string(_ value: Any?) -> String? {
        if let s = value as? String {
            let text = PageMetadata.clean(s)
            return text.isEmpty ? nil : text
        }
        if let array = value as? [Any] { return array.lazy.compactMap { string($0) }.first }
        return nil
    }

    /// A person or organisation given as a name, an object with a `name`, or a list of these.
    private static func names(_ value: Any?) -> [String] {
        if let s = value as? String { return PageMetadata.names(s) }
        if let object = value as? [String: Any] { return string(object["name"]).map { PageMetadata.names($0) } ?? [] }
        if let array = value as? [Any] { return array.flatMap { names($0) } }
        return []
    }
}

/// What pages add to reading a publication date (`PublicationDate` reads the value itself): the
/// years a page's date is believed in, and a date in the page's address.
enum PageDates {
    /// Pages carry placeholder dates (an unset field's `1970-01-01`, `0001-01-01`): a date is
    /// taken from a page only within these years, so a later source of the date can give it.
    static func plausible(_ year: Int) -> Bool { (1990...2100).contains(year) }

    /// A date in an address's path: `/2019/11/19/`, `/2019-11-19/`, `/20191119/`.
    static func fromURL(_ url: String) -> CivilDate? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let path = url[schemeEnd.upperBound...].split(separator: "?", maxSplits: 1).first ?? ""
        let parts = path.split(separator: "/").dropFirst().map(String.init)
        for (k, part) in parts.enumerated() {
            if part.count == 4, let year = Int(part), plausible(year), k + 2 < parts.count,
               parts[k + 1].count <= 2, let month = Int(parts[k + 1]), parts[k + 2].count <= 2, let day = Int(parts[k + 2]) {
                return CivilDate(year: year, month: month, day: day)
            }
            for piece in part.split(whereSeparator: { $0 == "_" || $0 == "." }) {
                let text = String(piece)
                if text.count >= 10, let date = CivilDate(iso: String(text.prefix(10))), plausible(date.year) { return date }
                if text.count == 8, text.allSatisfy(\.isNumber), let date = PublicationDate.parse(text), plausible(date.year) {
                    return date
                }
            }
        }
        return nil
    }
}
