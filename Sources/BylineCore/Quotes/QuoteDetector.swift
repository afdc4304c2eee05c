/// A quotation found by its marks, before filtering and attribution.
struct DetectedQuote {
    /// From the opening mark to the closing mark inclusive (or to the end of the text, trimmed,
    /// when unclosed).
    var span: TextSpan
    /// The quoted words without marks, one span per paragraph (or per line of a paragraph
    /// whose lines each open again).
    var parts: [TextSpan]
    var rule: DetectionRule
    var closed: Bool
    /// Set when the quoted words read like a name, a title or a scare quote (`ScareQuotes`):
    /// the name of that rule. Such a quotation is kept only if someone is found saying it.
    var unspokenRule: UnspokenRule?
    /// For an interview's answer (`InterviewTranscript`), its turn's label when it names the
    /// speaker (`Ann Lee:`); nil for `A:`.
    var turnLabel: TextSpan?
}

/// Pairs quotation marks into quotations, paragraph by paragraph.
///
/// Double marks (`"`, `“ ”`, `''`, ``` `` ```, `« »`) pair first; single marks (`'`, `‘ ’`)
/// pair only outside them (headlines, British style). A paragraph that ends inside a
/// quotation continues it when the next paragraph opens again (one quotation, a part per
/// paragraph). An unbalanced mark is recovered from: a later mark that can only open starts a
/// new quotation, and an unclosed one ends with its paragraph, or with its sentence when the
/// paragraph is long, so it never swallows the rest of the article.
enum QuoteDetector {
    /// Longest unclosed quotation kept up to the end of its paragraph.
    static let maxUnclosedLength = 1200
    /// Longest single-mark quotation: they are short (headline fragments, nested words).
    static let maxSingleLength = 400

    /// `markPositions`: offsets of the scalars that can be quotation marks, ascending.
    static func detect(_ article: Article, _ s: UnsafeBufferPointer<Unicode.Scalar>, markPositions: [Int]) -> [DetectedQuote] {
        var quotes: [DetectedQuote] = []
        let paragraphs = article.paragraphs
        var carried: Open?
        var p = 0
        for (number, paragraph) in paragraphs.enumerated() {
            let span = paragraph.span
            while p < markPositions.count, markPositions[p] < span.start { p += 1 }
            var q = p
            while q < markPositions.count, markPositions[q] < span.end { q += 1 }
            let marks = QuotationMarks.marks(s, in: span, at: markPositions[p..<q])
            p = q
            var doubles: [QuotationMark] = []
            var singles: [QuotationMark] = []
            for m in marks {
                if m.family == .double { doubles.append(m) } else { singles.append(m) }
            }
            let first = quotes.count
            var open = carried
            carried = nil
            var k = 0
            if var continuing = open {
                // This paragraph opens again with its first mark (checked before carrying).
                continuing.partStart = doubles[0].end
                open = continuing
                k = 1
            }
            while k < doubles.count {
                let m = doubles[k]
                guard var current = open else {
                    if m.canOpen { open = Open(mark: m) }
                    k += 1
                    continue
                }
                if m.role == .open {
                    if startsLine(s, m.position, span) {
                        // A new line of the same paragraph opening again: the quotation goes on.
                        current.parts.append(TextSpan(current.partStart, lineEnd(s, before: m.position, span)))
                        current.partStart = m.end
                        current.multiPart = true
                        open = current
                        k += 1
                        continue
                    }
                    if k + 2 < doubles.count, doubles[k + 1].canClose, doubles[k + 2].role == .close {
                        // `“He said "no" to me,” she said`: a nested pair, then the outer close.
                        close(&quotes, current, at: doubles[k + 2])
                        open = nil
                        k += 3
                        continue
                    }
                    // An opening mark inside an open quotation: the first one was never closed.
                    quotes.append(unclosed(current, end: trimmedEnd(s, m.position, current.partStart), article))
                    open = Open(mark: m)
                    k += 1
                    continue
                }
                close(&quotes, current, at: m)
                open = nil
                k += 1
            }
            if var current = open {
                // Only a quotation that opened a sentence or clause goes on into the next paragraph:
                // an unclosed fragment (`the "budget debate`) is a stray mark, not a long quotation.
                let nextOpens = number + 1 < paragraphs.count && opensParagraph(s, paragraphs[number + 1].span)
                    && (!current.parts.isEmpty || opensClause(s, current.mark.position, span))
                if nextOpens {
                    current.parts.append(TextSpan(current.partStart, span.end))
                    current.multiPart = true
                    carried = current
                } else {
                    quotes.append(unclosed(current, end: span.end, article))
                }
            }
            if !singles.isEmpty {
                let doubleSpans = quotes[first...].map(\.span) + (carried.map { [TextSpan($0.mark.position, span.end)] } ?? [])
                pairSingles(singles, outside: doubleSpans, paragraph: span, into: &quotes)
            }
        }
        quotes.sort { $0.span.start < $1.span.start }
        return quotes
    }

    /// An open quotation: where it opened and the parts so far.
    private struct Open {
        var mark: QuotationMark
        var parts: [TextSpan] = []
        var partStart: Int
        var multiPart = false

        init(mark: QuotationMark) {
            self.mark = mark
            self.partStart = mark.end
        }
    }

    private static func close(_ quotes: inout [DetectedQuote], _ open: Open, at m: QuotationMark) {
        var parts = open.parts
        parts.append(TextSpan(open.partStart, m.position))
        let rule: DetectionRule = open.multiPart ? .multiParagraph : open.mark.style
        quotes.append(DetectedQuote(span: TextSpan(open.mark.position, m.end), parts: parts, rule: rule, closed: true))
    }

    /// A quotation whose closing mark never came: it ends at `end`, or at the end of its
    /// first sentence if that would make it too long.
    private static func unclosed(_ open: Open, end: Int, _ article: Article) -> DetectedQuote {
        var end = end
        var rule = DetectionRule.unclosed
        if end - open.mark.position > maxUnclosedLength, open.parts.isEmpty,
           let sentence = article.sentenceIndex(containing: open.partStart) {
            end = min(end, max(open.partStart, article.sentences[sentence].span.end))
            if end - open.mark.position > maxUnclosedLength { end = open.mark.position + maxUnclosedLength }
            rule = .unclosedSentence
        }
        var parts = open.parts
        parts.append(TextSpan(open.partStart, max(open.partStart, end)))
        return DetectedQuote(span: TextSpan(open.mark.position, max(open.partStart, end)), parts: parts, rule: rule, closed: false)
    }

    /// Single-mark quotations outside the double ones: an opening mark and the nearest closing
    /// mark after it in the same paragraph, passing over plural possessives when a better
    /// closing mark follows.
    private static func pairSingles(_ marks: [QuotationMark], outside doubles: [TextSpan], paragraph: TextSpan,
                                    into quotes: inout [DetectedQuote]) {
        var openMark: QuotationMark?
        var fallback: QuotationMark?
        var d = 0
        var openedAt = 0
        for m in marks {
            while d < doubles.count, doubles[d].end <= m.position { d += 1 }
            if d < doubles.count, doubles[d].start <= m.position { continue }
            if let o = openMark, m.position - o.position > maxSingleLength {
                if let f = fallback { closeSingle(o, f, &quotes) }
                openMark = nil
                fallback = nil
            }
            if openMark != nil, d != openedAt {
                openMark = nil  // a double quotation came between: no pairing across it
                fallback = nil
            }
            guard let o = openMark else {
                if m.role == .open {
                    openMark = m
                    openedAt = d
                }
                continue
            }
            if m.role == .open {
                if let f = fallback { closeSingle(o, f, &quotes) }
                openMark = m
                openedAt = d
                fallback = nil
                continue
            }
            if m.possessiveLike {
                if fallback == nil { fallback = m }
                continue
            }
            closeSingle(o, m, &quotes)
            openMark = nil
            fallback = nil
        }
        if let o = openMark, let f = fallback { closeSingle(o, f, &quotes) }
    }

    private static func closeSingle(_ open: QuotationMark, _ close: QuotationMark, _ quotes: inout [DetectedQuote]) {
        guard close.position > open.end else { return }
        quotes.append(DetectedQuote(span: TextSpan(open.position, close.end), parts: [TextSpan(open.end, close.position)],
                                    rule: open.style, closed: true))
    }

    /// True when the paragraph's first scalar is a double mark that can open.
    private static func opensParagraph(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ span: TextSpan) -> Bool {
        guard let m = QuotationMarks.mark(s, at: span.start, in: span) else { return false }
        return m.family == .double && m.canOpen
    }

    /// True when the mark at `position` opens a sentence or a clause: nothing but space before it
    /// in the paragraph, or punctuation (`said: "`, `said, "`, `. "`), not a word.
    private static func opensClause(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ position: Int, _ span: TextSpan) -> Bool {
        var j = position - 1
        while j >= span.start, ScalarClass.isWhitespace(s[j]) { j -= 1 }
        return j < span.start || !Letters.isAlphanumeric(s[j])
    }

    /// True when only white space lies between the previous newline and `position`.
    private static func startsLine(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ position: Int, _ span: TextSpan) -> Bool {
        var j = position - 1
        while j >= span.start, ScalarClass.isSpace(s[j]) { j -= 1 }
        return j >= span.start && ScalarClass.isNewline(s[j])
    }

    /// The end of the text on the line before `position`, trimmed.
    private static func lineEnd(_ s: UnsafeBufferPointer<Unicode.Scalar>, before position: Int, _ span: TextSpan) -> Int {
        var j = position
        while j > span.start, ScalarClass.isWhitespace(s[j - 1]) { j -= 1 }
        return j
    }

    private static func trimmedEnd(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ end: Int, _ floor: Int) -> Int {
        var j = end
        while j > floor, ScalarClass.isWhitespace(s[j - 1]) { j -= 1 }
        return j
    }
}
