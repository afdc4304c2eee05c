/// Splits an article's scalars into headline, paragraphs and sentences.
///
/// Plain-text convention: the first non-empty line is the headline (repeated on the next
/// non-empty line, it counts once); paragraphs are separated by blank lines; single newlines
/// inside a paragraph are soft breaks. CR, tabs and no-break spaces are tolerated.
enum DocumentLayout {
    struct Result {
        var paragraphs: [Paragraph]
        var sentences: [Sentence]
    }

    static func analyze(_ s: [Unicode.Scalar]) -> Result {
        let lines = contentLines(s)
        var blocks: [(span: TextSpan, headline: Bool)] = []
        var index = 0
        if let first = lines.first {
            // The headline is the first non-empty line on its own.
            blocks.append((headingText(s, first.span), true))
            index = 1
            // A headline repeated as the next non-empty line counts once, as does a Markdown
            // underline (`=====`) right beneath it.
            if index < lines.count,
                sameText(s, first.span, lines[index].span)
                    || lines[index].number == first.number + 1 && isUnderline(s, lines[index].span)
            {
                index += 1
            }
        }
        var blockStart: TextSpan?
        var blockEnd = 0
        var previousLine = -2
        while index < lines.count {
            let line = lines[index]
            if let start = blockStart, line.number == previousLine + 1 {
                blockEnd = line.span.end
                blockStart = start
            } else {
                if let start = blockStart { blocks.append((TextSpan(start.start, blockEnd), false)) }
                blockStart = line.span
                blockEnd = line.span.end
            }
            previousLine = line.number
            index += 1
        }
        if let start = blockStart { blocks.append((TextSpan(start.start, blockEnd), false)) }

        var paragraphs: [Paragraph] = []
        var sentences: [Sentence] = []
        paragraphs.reserveCapacity(blocks.count)
        sentences.reserveCapacity(2 * blocks.count)
        // The splitter visits every scalar: through a buffer, without an array's bounds checks.
        s.withUnsafeBufferPointer { scalars in
            var spans: [TextSpan] = []
            for (number, block) in blocks.enumerated() {
                let first = sentences.count
                if block.headline {
                    sentences.append(Sentence(span: block.span, paragraph: number))
                } else {
                    spans.removeAll(keepingCapacity: true)
                    SentenceSplitter.split(scalars, block.span, into: &spans)
                    for span in spans { sentences.append(Sentence(span: span, paragraph: number)) }
                }
                paragraphs.append(Paragraph(span: block.span, sentences: first..<sentences.count, isHeadline: block.headline))
            }
        }
        return Result(paragraphs: paragraphs, sentences: sentences)
    }

    /// Non-blank lines, trimmed of horizontal space, with their line numbers.
    private static func contentLines(_ s: [Unicode.Scalar]) -> [(number: Int, span: TextSpan)] {
        s.withUnsafeBufferPointer { contentLines($0) }
    }

    private static func contentLines(_ s: UnsafeBufferPointer<Unicode.Scalar>) -> [(number: Int, span: TextSpan)] {
        var lines: [(number: Int, span: TextSpan)] = []
        var lineNumber = 0
        var i = 0
        let n = s.count
        // A byte-order mark at the very start is not text.
        if n > 0, s[0].value == 0xFEFF { i = 1 }
        while i < n {
            var start = i
            // To the line's end: past blocks of scalars without a line break eight at a time,
            // then one by one.
            while i + ScalarBlockScan.width <= n {
                let x = ScalarBlockScan.block(s, at: i)
                guard !any(ScalarBlockScan.lanes(x, equalTo: 0x0A) .| ScalarBlockScan.lanes(x, equalTo: 0x2029)) else { break }
                i += ScalarBlockScan.width
            }
            while i < n, s[i].value != 0x0A, s[i].value != 0x2029 { i += 1 }
            var end = i
            while start < end, ScalarClass.isWhitespace(s[start]) || s[start].value == 0xFEFF { start += 1 }
            while end > start, ScalarClass.isWhitespace(s[end - 1]) { end -= 1 }
            if end > start { lines.append((lineNumber, TextSpan(start, end))) }
            lineNumber += 1
            i += 1
        }
        return lines
    }

    /// A headline without Markdown's heading marks (`# Title`, `## Title ##`): the marks are
    /// layout, not words. `#MeToo` (no space after the mark) is a word and stays.
    private static func headingText(_ s: [Unicode.Scalar], _ span: TextSpan) -> TextSpan {
        var start = span.start
        while start < span.end, start - span.start < 6, s[start] == "#" { start += 1 }
        guard start > span.start, start < span.end, ScalarClass.isWhitespace(s[start]) else { return span }
        while start < span.end, ScalarClass.isWhitespace(s[start]) { start += 1 }
        var end = span.end
        var marks = end
        while marks > start, s[marks - 1] == "#" { marks -= 1 }
        if marks < end, marks > start, ScalarClass.isWhitespace(s[marks - 1]) {
            end = marks
            while end > start, ScalarClass.isWhitespace(s[end - 1]) { end -= 1 }
        }
        return start < end ? TextSpan(start, end) : span
    }

    /// A line of only `=` or `-` (three or more): Markdown's underline for a heading.
    private static func isUnderline(_ s: [Unicode.Scalar], _ span: TextSpan) -> Bool {
        guard span.length >= 3, s[span.start] == "=" || s[span.start] == "-" else { return false }
        return s[span.start..<span.end].allSatisfy { $0 == s[span.start] }
    }

    /// Equal after collapsing runs of white space.
    private static func sameText(_ s: [Unicode.Scalar], _ a: TextSpan, _ b: TextSpan) -> Bool {
        var i = a.start
        var j = b.start
        while i < a.end, j < b.end {
            let si = s[i]
            let sj = s[j]
            if ScalarClass.isWhitespace(si), ScalarClass.isWhitespace(sj) {
                while i < a.end, ScalarClass.isWhitespace(s[i]) { i += 1 }
                while j < b.end, ScalarClass.isWhitespace(s[j]) { j += 1 }
                continue
            }
            if si != sj { return false }
            i += 1
            j += 1
        }
        return i == a.end && j == b.end
    }
}
