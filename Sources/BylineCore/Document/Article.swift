import Foundation

/// Where an article's publication date came from.
public enum DateSource: String, Codable, Sendable {
    /// The `--date` option.
    case override
    /// A catalog file beside the article (`index.jsonl`).
    case catalog
    /// A `YYYY-MM-DD` prefix of the file name.
    case fileName
    /// Embedded with the bundled seed.
    case bundled
    /// The article's own metadata: a web page's `datePublished` or `article:published_time`, a
    /// feed item's date, Markdown front matter.
    case metadata
}

/// What kind of document an article was read from. Only ingest looks at it: every kind ends as
/// the same text shape (`ArticleText`).
public enum SourceFormat: String, Codable, Sendable, CaseIterable {
    case text
    case markdown
    case html
    case rss
    case atom
    case jsonfeed
}

/// What is known about an article besides its text, as published: from a web page's metadata,
/// a feed item, Markdown front matter or a catalog. All optional; a plain text file has none.
public struct ArticleMetadata: Codable, Equatable, Sendable {
    public var format: SourceFormat
    /// The title as published, as plain text (the headline line of the text may differ: a
    /// plain text file's first line is its headline).
    public var title: String?
    public var authors: [String]
    /// The article's own address (canonical URL, feed item link).
    public var url: String?
    /// The publication or site (`og:site_name`, the feed's title).
    public var site: String?
    /// A BCP 47 language tag (`en`, `en-GB`), as declared.
    public var language: String?
    /// A feed item's identity across fetches: its RSS `guid`, Atom or JSON Feed `id`, else its
    /// link. Nil for anything but a feed item.
    public var feedItemID: String?
    /// The address of the feed a stored item came from (from its library catalog).
    public var feed: String?
    /// The instant of publication when the source gives a time (`PublishedTime`, UTC). The
    /// publication *date* stays the article's `date`, the day as the source wrote it.
    public var published: String?

    public init(format: SourceFormat = .text, title: String? = nil, authors: [String] = [], url: String? = nil,
                site: String? = nil, language: String? = nil, feedItemID: String? = nil, feed: String? = nil,
                published: String? = nil) {
        self.format = format
        self.title = title
        self.authors = authors
        self.url = url
        self.site = site
        self.language = language
        self.feedItemID = feedItemID
        self.feed = feed
        self.published = published
    }
}

/// A block of text separated from its neighbours by blank lines.
public struct Paragraph: Hashable, Codable, Sendable {
    /// From the first to the last non-space scalar of the block.
    public var span: TextSpan
    /// Indices into `Article.sentences`.
    public var sentences: Range<Int>
    /// The article's headline is paragraph 0 and carries this flag.
    public var isHeadline: Bool
}

public struct Sentence: Hashable, Codable, Sendable {
    public var span: TextSpan
    public var paragraph: Int
}

/// One article read into the document model: its text exactly as read, and spans (Unicode-scalar
/// offsets into that text) for headline, paragraphs and sentences.
public struct Article: Sendable {
    /// A path, or a name such as `seed:000_32905e9c967a98d8.txt` for the bundled seed.
    public var source: String
    public let text: String
    /// `text.unicodeScalars` as an array: offsets in every span index into it.
    public let scalars: [Unicode.Scalar]
    /// All text blocks in order; when the article has a headline it is paragraph 0.
    public let paragraphs: [Paragraph]
    public let sentences: [Sentence]
    /// The publication date: the reference date for `Thursday`, `this week`, `yesterday`.
    public var date: CivilDate?
    public var dateSource: DateSource?
    /// Problems met while reading that did not stop it (invalid UTF-8, ...).
    public var warnings: [String]
    public var metadata: ArticleMetadata

    public init(text: String, source: String = "", date: CivilDate? = nil, dateSource: DateSource? = nil,
                warnings: [String] = [], metadata: ArticleMetadata = ArticleMetadata()) {
        self.source = source
        self.text = text
        let scalars = Article.scalarArray(text)
        self.scalars = scalars
        let layout = DocumentLayout.analyze(scalars)
        self.paragraphs = layout.paragraphs
        self.sentences = layout.sentences
        self.date = date
        self.dateSource = date == nil ? nil : (dateSource ?? .override)
        self.warnings = warnings
        self.metadata = metadata
    }

    public var headline: TextSpan? { paragraphs.first.flatMap { $0.isHeadline ? $0.span : nil } }

    /// The body paragraphs (everything but the headline).
    public var bodyParagraphs: ArraySlice<Paragraph> {
        paragraphs.first?.isHeadline == true ? paragraphs.dropFirst() : paragraphs[...]
    }

    public var headlineText: String { headline.map(string) ?? "" }

    /// The offset in `text` where the body begins: the first body paragraph, or the end of the
    /// text when there is none.
    public var bodyStart: Int { bodyParagraphs.first?.span.start ?? scalars.count }

    /// The text of a span, as a String.
    public func string(_ span: TextSpan) -> String {
        scalars.withUnsafeBufferPointer { all in
            Article.string(UnsafeBufferPointer(rebasing: all[span.start..<span.end]))
        }
    }

    /// Scalars as a String, encoded to UTF-8 straight into the String's storage (appending to
    /// a `UnicodeScalarView` goes scalar by scalar through its generic path: it was 8 % of
    /// `byline quotes`). The one encoder: the analyses' span texts use it too.
    static func string(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> String {
        var length = 0
        for scalar in scalars { length += UTF8.width(scalar) }
        return String(unsafeUninitializedCapacity: length) { bytes in
            var i = 0
            for scalar in scalars {
                let v = scalar.value
                if v < 0x80 {
                    bytes[i] = UInt8(truncatingIfNeeded: v)
                    i += 1
                } else if v < 0x800 {
                    bytes[i] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6)
                    bytes[i + 1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                    i += 2
                } else if v < 0x10000 {
                    bytes[i] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12)
                    bytes[i + 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
                    bytes[i + 2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                    i += 3
                } else {
                    bytes[i] = UInt8(truncatingIfNeeded: 0xF0 | v >> 18)
                    bytes[i + 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 12 & 0x3F)
                    bytes[i + 2] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
                    bytes[i + 3] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                    i += 4
                }
            }
            return i
        }
    }

    /// The index of the sentence holding `offset`, or the nearest one before it.
    public func sentenceIndex(containing offset: Int) -> Int? {
        var lo = 0
        var hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].span.start <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : lo - 1
    }

    /// The index of the paragraph holding `offset`, or the nearest one before it.
    public func paragraphIndex(containing offset: Int) -> Int? {
        var lo = 0
        var hi = paragraphs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if paragraphs[mid].span.start <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : lo - 1
    }
}
