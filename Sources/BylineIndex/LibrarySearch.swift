import BylineCore
import Foundation
import GRDB

/// Where a search looks.
public enum SearchScope: String, Sendable, CaseIterable {
    case all, articles, quotations
}

/// A short passage around the matches, split into plain and matching segments so the
/// caller decides how to show a match (reverse video, brackets, a colour).
public struct SearchSnippet: Sendable, Hashable {
    public struct Segment: Sendable, Hashable {
        public var text: String
        public var isMatch: Bool
    }

    public var segments: [Segment]

    public var plainText: String { segments.map(\.text).joined() }

    public var matchCount: Int { segments.filter(\.isMatch).count }
}

public struct ArticleSearchHit: Sendable, Hashable {
    public var article: LibraryArticle
    /// BM25 relevance (higher is better; headline words count more than body words).
    public var score: Double
    public var snippet: SearchSnippet
}

public struct QuotationSearchHit: Sendable, Hashable {
    public var quotation: LibraryQuotation
    public var score: Double
    public var snippet: SearchSnippet
}

public struct SearchResults: Sendable, Hashable {
    /// The FTS5 query the text became (nil when it holds no word to search for).
    public var expression: String?
    /// The best articles and quotations, best first.
    public var articles: [ArticleSearchHit]
    public var quotations: [QuotationSearchHit]
    /// How many articles match in their headline or text, and in how many articles some
    /// quotation matches (the hits are the first of them).
    public var articleMatches: Int
    public var articlesWithMatchingQuotations: Int

    public init(expression: String? = nil, articles: [ArticleSearchHit] = [], quotations: [QuotationSearchHit] = [],
                articleMatches: Int = 0, articlesWithMatchingQuotations: Int = 0)
    {
        self.expression = expression
        self.articles = articles
        self.quotations = quotations
        self.articleMatches = articleMatches
        self.articlesWithMatchingQuotations = articlesWithMatchingQuotations
    }
}

extension LibraryIndex {
    /// Full-text search over headlines, article text and quotations, ranked by BM25.
    ///
    /// The query is words (every word must occur; case and diacritics do not count), `"a
    /// phrase"` in double quotes, `word*` for a prefix, and `OR` between two terms.
    /// Punctuation inside a word makes it a phrase (`U.S.` finds "U.S.").
    ///
    /// Articles rank by their headline (weighted 4) and text. Quotations come from the
    /// articles whose quotations match best (BM25 over an article's quotations), and within an
    /// article the quotations holding most matches first.
    public func search(_ text: String, scope: SearchScope = .all, limit: Int = 20) throws(LibraryIndexError) -> SearchResults {
        guard let expression = SearchQuery.expression(text) else { return SearchResults() }
        return try read { db in
            var results = SearchResults(expression: expression)
            if scope != .quotations {
                let match = "{headline text} : (\(expression))"
                // `ORDER BY rank` lets FTS5 sort by itself, so snippets are made for the hits only.
                let rows = try Row.fetchAll(db, sql: """
                    SELECT rowid, rank, snippet(article_search, -1, ?, ?, '…', 24)
                    FROM article_search WHERE article_search MATCH ? AND rank MATCH 'bm25(4.0, 1.0, 0.0)'
                    ORDER BY rank LIMIT ?
                    """, arguments: [SearchQuery.matchStart, SearchQuery.matchEnd, match, limit])
                let articles = try articlesByID(rows.map { try $0.decode(Int64.self, atIndex: 0) }, db: db)
                results.articles = try rows.compactMap { row in
                    guard let article = articles[try row.decode(atIndex: 0)] else { return nil }
                    return ArticleSearchHit(article: article, score: -(try row.decode(Double.self, atIndex: 1)),
                                            snippet: SearchQuery.snippet(try row.decode(atIndex: 2)))
                }
                results.articleMatches = try Int.fetchOne(db, sql: "SELECT count(*) FROM article_search WHERE article_search MATCH ?",
                                                          arguments: [match]) ?? 0
            }
            if scope != .articles {
                let match = "quotes_text : (\(expression))"
                let rows = try Row.fetchAll(db, sql: """
                    SELECT rowid, rank, highlight(article_search, 2, ?, ?)
                    FROM article_search WHERE article_search MATCH ? AND rank MATCH 'bm25(0.0, 0.0, 1.0)'
                    ORDER BY rank LIMIT ?
                    """, arguments: [SearchQuery.matchStart, SearchQuery.matchEnd, match, limit])
                var quotations: [Int64: [Int: LibraryQuotation]] = [:]
                if !rows.isEmpty {
                    let ids = try rows.map { String(try $0.decode(Int64.self, atIndex: 0)) }.joined(separator: ",")
                    for row in try Row.fetchAll(db, sql: "\(LibraryIndex.quotationSelect) WHERE q.article_id IN (\(ids))") {
                        let quotation = try LibraryIndex.quotation(row)
                        quotations[quotation.article.id, default: [:]][quotation.ordinal] = quotation
                    }
                }
                for row in rows where results.quotations.count < limit {
                    let articleID: Int64 = try row.decode(atIndex: 0)
                    let score = -(try row.decode(Double.self, atIndex: 1))
                    let marked: String = try row.decode(atIndex: 2)
                    // The quotations with a match, most matches first, then in article order.
                    let hits = marked.split(separator: Character(QuotationColumn.separator), omittingEmptySubsequences: false)
                        .enumerated().map { (ordinal: $0.offset, snippet: SearchQuery.snippet(String($0.element), words: 40)) }
                        .filter { $0.snippet.matchCount > 0 }
                        .sorted { $0.snippet.matchCount != $1.snippet.matchCount ? $0.snippet.matchCount > $1.snippet.matchCount
                            : $0.ordinal < $1.ordinal }
                    for hit in hits where results.quotations.count < limit {
                        guard let quotation = quotations[articleID]?[hit.ordinal] else { continue }
                        results.quotations.append(QuotationSearchHit(quotation: quotation, score: score, snippet: hit.snippet))
                    }
                }
                results.articlesWithMatchingQuotations = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM article_search WHERE article_search MATCH ?", arguments: [match]) ?? 0
            }
            return results
        }
    }

    /// Where a search's words occur in one article's text (scalar offsets), for highlighting
    /// the matches when the reader opens a search hit.
    public func searchMatches(_ text: String, inArticle id: Int64) throws(LibraryIndexError) -> [TextSpan] {
        guard let expression = SearchQuery.expression(text) else { return [] }
        return try read { db in
            guard let marked = try String.fetchOne(db, sql: """
                SELECT highlight(article_search, 1, ?, ?) FROM article_search WHERE article_search MATCH ? AND rowid = ?
                """, arguments: [SearchQuery.matchStart, SearchQuery.matchEnd, "{headline text} : (\(expression))", id])
            else { return [] }
            return SearchQuery.markedSpans(marked)
        }
    }

    private func articlesByID(_ ids: [Int64], db: Database) throws -> [Int64: LibraryArticle] {
        if ids.isEmpty { return [:] }
        var articles: [Int64: LibraryArticle] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT \(LibraryIndex.articleColumns) FROM articles a WHERE a.id IN (\(ids.map(String.init).joined(separator: ",")))
            """)
        {
            let article = try LibraryIndex.article(row, from: 0)
            articles[article.id] = article
        }
        return articles
    }
}

/// Turns what a user types into an FTS5 query, and FTS5's marked-up output into segments.
enum SearchQuery {
    /// Noncharacters: they never occur in text, so they can mark matches unambiguously.
    static let matchStart = String(Unicode.Scalar(0xFDD0)!)
    static let matchEnd = String(Unicode.Scalar(0xFDD1)!)

    /// The FTS5 expression for a user's query, or nil when it has no word to search for.
    /// Every token is quoted, so FTS5 syntax in the input is taken literally.
    static func expression(_ input: String) -> String? {
        var terms: [String] = []
        var pendingOr = false
        for piece in pieces(input) {
            if !piece.quoted, piece.text == "OR" {
                pendingOr = !terms.isEmpty
                continue
            }
            var text = Substring(piece.text)
            let isPrefix = !piece.quoted && text.hasSuffix("*")
            if isPrefix { text = text.dropLast() }
            let tokens = self.tokens(String(text))
            if tokens.isEmpty { continue }
            var term = "\"" + tokens.joined(separator: " ") + "\""
            if isPrefix { term += "*" }
            if pendingOr, let last = terms.popLast() {
                term = last + " OR " + term
            }
            pendingOr = false
            terms.append(term)
        }
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }

    /// The FTS5 expression that finds names for a speaker query (every word, or every word
    /// as a prefix).
    static func nameMatch(_ input: String, prefix: Bool) -> String? {
        let words = tokens(input)
        if words.isEmpty { return nil }
        return words.map { "\"\($0)\"" + (prefix ? "*" : "") }.joined(separator: " ")
    }

    /// Runs of letters and digits, lower-cased: the words FTS5's unicode61 tokenizer sees.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if ScalarClass.isAlphanumeric(scalar) || scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current).lowercased())
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current).lowercased()) }
        return tokens
    }

    /// Words and quoted phrases (straight or curly quotes).
    private static func pieces(_ input: String) -> [(text: String, quoted: Bool)] {
        var pieces: [(String, Bool)] = []
        var current = ""
        var inQuote = false
        func flush() {
            if !current.isEmpty { pieces.append((current, inQuote)) }
            current = ""
        }
        for ch in input {
            if ch == "\"" || ch == "\u{201C}" || ch == "\u{201D}" {
                flush()
                inQuote.toggle()
            } else if !inQuote, ch.isWhitespace {
                flush()
            } else {
                current.append(ch)
            }
        }
        flush()
        return pieces
    }

    /// Segments of text marked up by `snippet()` or `highlight()`. With `words`, a longer
    /// text is cut to about that many words around its first match, with ellipses.
    static func snippet(_ marked: String, words: Int? = nil) -> SearchSnippet {
        var scalars = Array(marked.unicodeScalars)
        let start = matchStart.unicodeScalars.first!
        let end = matchEnd.unicodeScalars.first!
        if let words {
            // Word starts (a non-space after a space), to cut on word boundaries.
            var starts: [Int] = []
            var previousIsSpace = true
            for (i, s) in scalars.enumerated() {
                let isSpace = ScalarClass.isWhitespace(s)
                if !isSpace && previousIsSpace { starts.append(i) }
                previousIsSpace = isSpace
            }
            if starts.count > words {
                let firstMatch = scalars.firstIndex(of: start) ?? 0
                let matchWord = max(0, (starts.lastIndex { $0 <= firstMatch }) ?? 0)
                let from = max(0, min(matchWord - words / 4, starts.count - words))
                let to = from + words
                var cut = Array(scalars[starts[from]..<(to < starts.count ? starts[to] : scalars.count)])
                // Keep the marks balanced if the cut falls inside a match.
                if cut.filter({ $0 == start }).count > cut.filter({ $0 == end }).count { cut.append(end) }
                if let firstEnd = cut.firstIndex(of: end), cut.firstIndex(of: start).map({ $0 > firstEnd }) ?? true {
                    cut.insert(start, at: 0)
                }
                while let last = cut.last, ScalarClass.isWhitespace(last) { cut.removeLast() }
                scalars = (from > 0 ? ["…"] : []) + cut + (to < starts.count ? ["…"] : [])
            }
        }
        var segments: [SearchSnippet.Segment] = []
        var current = String.UnicodeScalarView()
        var inMatch = false
        for scalar in scalars {
            if scalar == start || scalar == end {
                if !current.isEmpty { segments.append(.init(text: String(current), isMatch: inMatch)) }
                current = String.UnicodeScalarView()
                inMatch = scalar == start
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { segments.append(.init(text: String(current), isMatch: inMatch)) }
        return SearchSnippet(segments: segments)
    }

    /// Scalar offsets of the marked passages in text marked up by `highlight()`.
    static func markedSpans(_ marked: String) -> [TextSpan] {
        var spans: [TextSpan] = []
        var offset = 0
        var open: Int?
        let start = matchStart.unicodeScalars.first!
        let end = matchEnd.unicodeScalars.first!
        for scalar in marked.unicodeScalars {
            if scalar == start {
                open = offset
            } else if scalar == end {
                if let o = open { spans.append(TextSpan(o, offset)) }
                open = nil
            } else {
                offset += 1
            }
        }
        return spans
    }
}
