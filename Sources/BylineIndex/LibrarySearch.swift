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
    /// How many articles and quotations match in all (the hits are the first of them).
    public var articleMatches: Int
    public var quotationMatches: Int
}

extension LibraryIndex {
    /// Full-text search over headlines, article text and quotations, ranked by BM25.
    ///
    /// The query is words (every word must occur; case and diacritics do not count), `"a
    /// phrase"` in double quotes, `word*` for a prefix, and `OR` between two terms.
    /// Punctuation inside a word makes it a phrase (`U.S.` finds "U.S.").
    public func search(_ text: String, scope: SearchScope = .all, limit: Int = 20) throws(LibraryIndexError) -> SearchResults {
        guard let expression = SearchQuery.expression(text) else {
            return SearchResults(expression: nil, articles: [], quotations: [], articleMatches: 0, quotationMatches: 0)
        }
        return try read { db in
            var results = SearchResults(expression: expression, articles: [], quotations: [], articleMatches: 0,
                                        quotationMatches: 0)
            if scope != .quotations {
                // `ORDER BY rank` lets FTS5 sort by itself, so snippets are made for the hits only.
                let rows = try Row.fetchAll(db, sql: """
                    SELECT rowid, rank, snippet(article_search, -1, ?, ?, '…', 24)
                    FROM article_search WHERE article_search MATCH ? AND rank MATCH 'bm25(4.0, 1.0)'
                    ORDER BY rank LIMIT ?
                    """, arguments: [SearchQuery.matchStart, SearchQuery.matchEnd, expression, limit])
                let articles = try articlesByID(rows.map { try $0.decode(Int64.self, atIndex: 0) }, db: db)
                results.articles = try rows.compactMap { row in
                    guard let article = articles[try row.decode(atIndex: 0)] else { return nil }
                    return ArticleSearchHit(article: article, score: -(try row.decode(Double.self, atIndex: 1)),
                                            snippet: SearchQuery.snippet(try row.decode(atIndex: 2)))
                }
                results.articleMatches = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM article_search WHERE article_search MATCH ?
                    """, arguments: [expression]) ?? 0
            }
            if scope != .articles {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT rowid, rank, snippet(quote_search, 0, ?, ?, '…', 32)
                    FROM quote_search WHERE quote_search MATCH ? ORDER BY rank LIMIT ?
                    """, arguments: [SearchQuery.matchStart, SearchQuery.matchEnd, expression, limit])
                let ids = try rows.map { try $0.decode(Int64.self, atIndex: 0) }
                var quotations: [Int64: LibraryQuotation] = [:]
                if !ids.isEmpty {
                    let found = try Row.fetchAll(db, sql: """
                        \(LibraryIndex.quotationSelect) WHERE q.id IN (\(ids.map(String.init).joined(separator: ",")))
                        """)
                    for row in found {
                        quotations[try row.decode(atIndex: LibraryIndex.quotationIDColumn)] = try LibraryIndex.quotation(row)
                    }
                }
                results.quotations = try rows.compactMap { row in
                    guard let quotation = quotations[try row.decode(atIndex: 0)] else { return nil }
                    return QuotationSearchHit(quotation: quotation, score: -(try row.decode(Double.self, atIndex: 1)),
                                              snippet: SearchQuery.snippet(try row.decode(atIndex: 2)))
                }
                results.quotationMatches = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM quote_search WHERE quote_search MATCH ?
                    """, arguments: [expression]) ?? 0
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
                """, arguments: [SearchQuery.matchStart, SearchQuery.matchEnd, expression, id])
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

    static func snippet(_ marked: String) -> SearchSnippet {
        var segments: [SearchSnippet.Segment] = []
        var current = String.UnicodeScalarView()
        var inMatch = false
        let start = matchStart.unicodeScalars.first!
        let end = matchEnd.unicodeScalars.first!
        for scalar in marked.unicodeScalars {
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
