/// Splits a paragraph into sentences.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets after it)
/// followed by white space and a plausible sentence start. Not an end: abbreviations (`Mr.`,
/// `Gen.`, `Dec. 31`, `U.S. officials`), initials (`George W. Bush`), decimals (`3.5`), and
/// any break inside a closed quotation, so that `"We work. Time runs out," she said.` stays
/// one sentence together with its attribution.
enum SentenceSplitter {
    /// Appends the sentences of `paragraph` to `result` (one buffer for a whole article: most
    /// paragraphs are a sentence or two, and an array per paragraph cost an allocation each).
    static func split(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ paragraph: TextSpan, into result: inout [TextSpan]) {
        // The closed quotations are only needed at a possible break inside the paragraph: a
        // paragraph of one sentence (most of them) never scans for them.
        var quoted: [TextSpan]?
        var quoteIndex = 0
        var start = paragraph.start
        var i = paragraph.start
        let end = paragraph.end
        // Scalars before `scalarByScalar` are in a block that holds a terminal: read one by one.
        var scalarByScalar = i
        while i < end {
            // Past blocks of scalars without a terminal, eight at a time.
            if i >= scalarByScalar, i + ScalarBlockScan.width <= end {
                let x = ScalarBlockScan.block(s, at: i)
                let terminals = ScalarBlockScan.lanes(x, equalTo: 0x2E) .| ScalarBlockScan.lanes(x, equalTo: 0x21)
                    .| ScalarBlockScan.lanes(x, equalTo: 0x3F) .| ScalarBlockScan.lanes(x, equalTo: 0x2026)
                if !any(terminals) {
                    i += ScalarBlockScan.width
                    continue
                }
                scalarByScalar = i + ScalarBlockScan.width
            }
            guard isTerminal(s[i].value) else {
                i += 1
                continue
            }
            // Run of terminal punctuation, then closing quotes and brackets.
            var j = i + 1
            while j < end, isTerminal(s[j].value) { j += 1 }
            while j < end, isCloser(s[j]) { j += 1 }
            guard j < end, ScalarClass.isWhitespace(s[j]) else {
                i = j
                continue
            }
            var k = j
            while k < end, ScalarClass.isWhitespace(s[k]) { k += 1 }
            guard k < end else { break }
            // Breaks inside a closed quotation do not end the sentence. The quotations are looked
            // for only at a break that would otherwise end one (not after `Mr.` or `U.S.`).
            if isBoundary(s, period: i, runEnd: j, next: k, paragraphStart: paragraph.start, end: end) {
                if quoted == nil { quoted = closedQuotations(s, paragraph) }
                let quoted = quoted.unsafelyUnwrapped
                while quoteIndex < quoted.count, quoted[quoteIndex].end <= j { quoteIndex += 1 }
                let insideQuote = quoteIndex < quoted.count && quoted[quoteIndex].start < j && j < quoted[quoteIndex].end
                if !insideQuote {
                    result.append(TextSpan(start, j))
                    start = k
                }
            }
            i = k
        }
        if start < end { result.append(TextSpan(start, end)) }
    }

    private static func isTerminal(_ v: UInt32) -> Bool { v == 0x2E || v == 0x21 || v == 0x3F || v == 0x2026 }

    /// A mark that can close a quotation, or a closing bracket.
    private static func isCloser(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x29, 0x5D, 0x7D: return true
        default: return QuotationMarks.canClose(s.value)
        }
    }

    /// A mark that can open a quotation, or an opening bracket.
    private static func isOpener(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x28, 0x5B: return true
        default: return QuotationMarks.canOpen(s.value)
        }
    }

    private static func isBoundary(_ s: UnsafeBufferPointer<Unicode.Scalar>, period i: Int, runEnd j: Int, next k: Int,
                                   paragraphStart: Int, end: Int) -> Bool {
        // The first letter of the next sentence, past opening quotes and brackets.
        var n = k
        while n < end, isOpener(s[n]) || s[n].value == 0x2014 || s[n].value == 0x2D { n += 1 }
        guard n < end else { return true }
        let next = s[n]
        let nextStartsSentence = Letters.isUpper(next) || ScalarClass.isDigit(next) || !Letters.isLetter(next)
        if !nextStartsSentence { return false }
        // `?`, `!` and an ellipsis end a sentence before a capital; only a lone `.` is ambiguous.
        if s[i].value != 0x2E || (i + 1 < j && isTerminal(s[i + 1].value)) { return true }

        // The word before the period.
        var w = i
        while w > paragraphStart, Letters.isLetter(s[w - 1]) || s[w - 1].value == 0x2E { w -= 1 }
        if w == i { return true }  // `5.` or `).`: a number or bracket ends the sentence
        // Words compared by their case-folded hash: no string is made per period.
        let word = WordHash.of(s, w, i)
        let nextWord = WordHash.of(s, n, wordEnd(s, n, end))
        let nextIsDigit = ScalarClass.isDigit(next)

        // `U.S.`, `a.m.`, single initials `W.`: an abbreviation with inner dots or one letter.
        var dotted = false
        for k in w..<i where s[k].value == 0x2E { dotted = true }
        if dotted || i - w == 1 {
            // An initial (`George W. Bush`) unless a common sentence opener follows.
            return sentenceOpeners.contains(nextWord)
        }
        if nameAbbreviations.contains(word) { return false }
        if months.contains(word) { return !nextIsDigit && sentenceOpeners.contains(nextWord) }
        if abbreviations.contains(word) { return sentenceOpeners.contains(nextWord) }
        return true
    }

    private static func wordEnd(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> Int {
        var e = start
        while e < end, Letters.isLetter(s[e]) { e += 1 }
        return e
    }

    /// Abbreviations that stand before a name or inside one (`Mr.`, `Gen.`, `St.`, `Jr.`): a
    /// period after them never ends a sentence. (Not a list of titles: those are `Lexicon`'s.)
    static let nameAbbreviations = WordSet("""
        mr mrs ms messrs dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr sen sens rep reps gov govs lt.gov \
        pres rev hon fr st supt det insp atty gen brig msgr sr jr mt ft amb sec secy
        """)

    static let months = WordSet("""
        jan feb mar apr jun jul aug sep sept oct nov dec
        """)

    /// Abbreviations that end a sentence only when a common sentence opener follows.
    static let abbreviations = WordSet("""
        inc corp co ltd llc bros no nos vs etc approx est dept univ assn ave blvd rd fig vol ed eds mon tue tues \
        wed thu thur thurs fri sat sun al cf ca
        """)

    /// Words that usually open a sentence: after an ambiguous abbreviation they mean a break.
    static let sentenceOpeners = WordSet("""
        the a an he she it they we i you but and in on at this that these those there its his her their our my \
        if when while as after before since however meanwhile still yet so for of with to by what who why how \
        where some many most no not one both all each officials also then now later although though because
        """)

    /// Closed quotations in the paragraph, in order: breaks inside them are not sentence ends.
    /// Straight double marks (`"`, `''`) pair up in turn; curly marks and guillemets pair by
    /// direction. Unclosed marks give no interval.
    static func closedQuotations(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ span: TextSpan) -> [TextSpan] {
        var result: [TextSpan] = []
        var straightOpen: Int?
        var curlyOpen: Int?
        var i = span.start
        var doubledOpen: Int?
        var guillemetOpen: Int?
        // Scalars before `scalarByScalar` are in a block that holds a mark: read one by one.
        var scalarByScalar = i
        while i < span.end {
            // Past blocks of scalars without a mark, eight at a time: `"`, `'`, `«` and `»` (one
            // value with 0x10 folded in), `“` and `”` (one value with 1 folded in).
            if i >= scalarByScalar, i + ScalarBlockScan.width <= span.end {
                if !any(ScalarBlockScan.quotationMarkLanes(ScalarBlockScan.block(s, at: i))) {
                    i += ScalarBlockScan.width
                    continue
                }
                scalarByScalar = i + ScalarBlockScan.width
            }
            let v = s[i].value
            if v != 0x22, v != 0x27, v != 0xAB, v != 0xBB, v < 0x201C || v > 0x201D {
                i += 1
                continue
            }
            switch v {
            case 0x22:
                if let o = straightOpen {
                    result.append(TextSpan(o, i + 1))
                    straightOpen = nil
                } else {
                    straightOpen = i
                }
            case 0x27:
                // `''…''`: two apostrophes as a double quotation mark (a lone one is an apostrophe).
                guard i + 1 < span.end, s[i + 1].value == 0x27 else { break }
                if let o = doubledOpen {
                    result.append(TextSpan(o, i + 2))
                    doubledOpen = nil
                } else {
                    doubledOpen = i
                }
                i += 1
            case 0x201C:
                curlyOpen = i
            case 0x201D:
                if let o = curlyOpen {
                    result.append(TextSpan(o, i + 1))
                    curlyOpen = nil
                }
            case 0xAB:
                guillemetOpen = i
            case 0xBB:
                if let o = guillemetOpen {
                    result.append(TextSpan(o, i + 1))
                    guillemetOpen = nil
                }
            default:
                break
            }
            i += 1
        }
        result.sort()
        return result
    }
}
