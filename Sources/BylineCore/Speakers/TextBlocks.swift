/// Blocks of text an attribution does not cross: paragraphs, and the lines of a paragraph
/// whose single newlines are real breaks (a line ending in `.`, `?`, `!`, `:` or a closing
/// mark), as in articles that separate paragraphs with one newline. A newline after any other
/// word is a soft wrap and does not end a block.
struct TextBlocks {
    /// Start offsets of the blocks, ascending.
    let starts: [Int]

    /// `lineStarts`: indices of the tokens that open a line, ascending.
    init(_ article: Article, _ s: UnsafeBufferPointer<Unicode.Scalar>, tokens: [Token], lineStarts: [Int]) {
        var starts: [Int] = []
        starts.reserveCapacity(article.paragraphs.count + lineStarts.count / 4)
        var l = 0
        for paragraph in article.paragraphs {
            starts.append(paragraph.span.start)
            while l < lineStarts.count, tokens[lineStarts[l]].start <= paragraph.span.start { l += 1 }
            while l < lineStarts.count, tokens[lineStarts[l]].start < paragraph.span.end {
                let t = lineStarts[l]
                if t > 0, Self.endsLine(s[tokens[t - 1].end - 1]) { starts.append(tokens[t].start) }
                l += 1
            }
        }
        self.starts = starts
    }

    private static func endsLine(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2E, 0x21, 0x3F, 0x3A, 0x29, 0x5D, 0x2026: return true
        default: return QuotationMarks.canClose(c.value)
        }
    }

    /// The index of the block holding `offset`.
    func block(containing offset: Int) -> Int {
        var lo = 0
        var hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        return max(0, lo - 1)
    }

    func start(_ block: Int) -> Int { starts[block] }

    /// Where block `block` ends: the next block's start (or `limit`).
    func end(_ block: Int, limit: Int) -> Int { block + 1 < starts.count ? starts[block + 1] : limit }
}
