/// Quoted words that no one speaks: scare quotes, titles of works, nicknames. Each rule has a
/// name; a quotation that one of them matches is left out of the list.
enum ScareQuotes {
    /// The name of the rule that rejects `quote`, or nil when it is speech.
    static func rejection(_ quote: DetectedQuote, _ s: UnsafeBufferPointer<Unicode.Scalar>, paragraph: TextSpan) -> UnspokenRule? {
        guard quote.parts.count == 1, let inner = quote.parts.first else { return nil }
        return rejection(quote, s, paragraph: paragraph, words: innerWords(s, inner)).rejected
    }

    /// What `rejection` and `unlessAttributed` find, from one reading of the quoted words:
    /// the rule that leaves the quotation out, or the one that keeps it only if attributed.
    static func judge(_ quote: DetectedQuote, _ s: UnsafeBufferPointer<Unicode.Scalar>,
                      paragraph: TextSpan) -> (rejected: UnspokenRule?, unlessAttributed: UnspokenRule?) {
        guard quote.parts.count == 1, let inner = quote.parts.first else { return (nil, nil) }
        let words = innerWords(s, inner)
        let verdict = rejection(quote, s, paragraph: paragraph, words: words)
        if let rejected = verdict.rejected { return (rejected, nil) }
        return (nil, unlessAttributed(quote, s, paragraph: paragraph, words: words, shape: verdict.shape))
    }

    private static func rejection(_ quote: DetectedQuote, _ s: UnsafeBufferPointer<Unicode.Scalar>, paragraph: TextSpan,
                                  words: [TextSpan]) -> (rejected: UnspokenRule?, shape: (isTitleCase: Bool, endsWithPunctuation: Bool)?) {
        guard let inner = quote.parts.first else { return (nil, nil) }
        if words.count == 0 { return (.empty, nil) }
        let before = previousWord(s, before: quote.span.start, floor: paragraph.start)
        if let before, isSoCalled(s, before, floor: paragraph.start) { return (.soCalled, nil) }
        if isSourceCitation(quote, s, paragraph: paragraph) { return (.sourceCitation, nil) }
        let shape = titleShape(s, inner, words)
        guard shape.isTitleCase, !shape.endsWithPunctuation else { return (nil, shape) }
        if let before {
            let hash = WordHash.of(s, before.start, before.end)
            if mediaNouns.contains(hash) { return (.titleOfWork, shape) }
            // `ABC's "This Week"`, `CNN’s “State of the Union”`: an outlet's programme.
            if before.possessive, Letters.isUpper(s[before.start]) || ScalarClass.isDigit(s[before.start]) {
                return (.titleOfWork, shape)
            }
        }
        if words.count <= 3, let before, Letters.isUpper(s[before.start]), !before.possessive,
           before.end == quote.span.start - 1,
           let after = nextWord(s, after: quote.span.end, ceiling: paragraph.end), after.start == quote.span.end + 1,
           Letters.isUpper(s[after.start]) {
            // `John "Tig" Tiegen`: a nickname inside a name, unless the whole line is in title case.
            let following = nextWord(s, after: after.end, ceiling: paragraph.end)
            if following.map({ !Letters.isUpper(s[$0.start]) }) ?? true { return (.nickname, shape) }
        }
        return (nil, shape)
    }

    /// The rule by which `quote` reads like something no one says, though a speaker found for it
    /// makes it a quoted fragment after all (`Lee has used the phrase "fiscal cliff"`); nil when
    /// it reads like speech.
    private static func unlessAttributed(_ quote: DetectedQuote, _ s: UnsafeBufferPointer<Unicode.Scalar>, paragraph: TextSpan,
                                         words: [TextSpan], shape known: (isTitleCase: Bool, endsWithPunctuation: Bool)?) -> UnspokenRule? {
        guard let inner = quote.parts.first, !words.isEmpty else { return nil }
        let before = previousWord(s, before: quote.span.start, floor: paragraph.start)
        if let before, wordNouns.contains(WordHash.of(s, before.start, before.end)), !before.possessive {
            return .wordsMentioned  // `adding the words "and Emergency"`
        }
        let shape = known ?? titleShape(s, inner, words)
        if shape.isTitleCase, !shape.endsWithPunctuation {
            guard let before else { return nil }
            let hash = WordHash.of(s, before.start, before.end)
            if namingVerbs.contains(hash) { return .name }  // `a user labelled "Anonymous"`
            if words.count <= 3, prepositions.contains(hash) { return .name }  // `restricted to 'Stefan W'`
            if words.count <= 4, articles.contains(hash),
               let after = nextWord(s, after: quote.span.end, ceiling: paragraph.end), after.start == quote.span.end + 1,
               Letters.isLower(s[after.start]) {
                return .labelInPhrase  // `the "History" section`
            }
            return nil
        }
        return nil
    }

    /// Nouns for words themselves: `the word "…"`, `the phrase "…"`.
    private static let wordNouns = WordSet("word words term terms phrase phrases hashtag acronym expression")
    private static let articles = WordSet("the a an")
    /// Verbs that give a name: `labelled "Anonymous"`.
    private static let namingVerbs = WordSet("labelled labeled named nicknamed dubbed titled entitled renamed")
    private static let prepositions = WordSet("to of for as from by with in on at into about")

    /// `"Document found on street" — The Daily Post, August 15, 2008`: an article's title cited
    /// as a source (a dash, a name and a year close the paragraph), not speech.
    private static func isSourceCitation(_ quote: DetectedQuote, _ s: UnsafeBufferPointer<Unicode.Scalar>, paragraph: TextSpan) -> Bool {
        var j = quote.span.end
        while j < paragraph.end, ScalarClass.isSpace(s[j]) { j += 1 }
        guard j < paragraph.end else { return false }
        switch s[j].value {
        case 0x2014, 0x2013, 0x2015, 0x2D: break
        default: return false
        }
        guard paragraph.end - j <= 90 else { return false }
        // A year (19xx or 20xx) after the dash.
        var k = j + 1
        while k + 3 < paragraph.end {
            if s[k].value == 0x31 && s[k + 1].value == 0x39 || s[k].value == 0x32 && s[k + 1].value == 0x30,
               ScalarClass.isDigit(s[k + 2]), ScalarClass.isDigit(s[k + 3]),
               !ScalarClass.isDigit(s[k - 1]), k + 4 >= paragraph.end || !ScalarClass.isDigit(s[k + 4]) {
                return true
            }
            k += 1
        }
        return false
    }

    private struct Word {
        var start: Int
        var end: Int
        var possessive = false
    }

    private static let mediaNouns = WordSet("""
        show program programme film movie book novel song album series podcast documentary memoir play musical \
        poem essay titled entitled headlined sitcom episode newsletter magazine newspaper video opera painting
        """)

    private static func innerWords(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ span: TextSpan) -> [TextSpan] {
        var words: [TextSpan] = []
        words.reserveCapacity(13)
        var i = span.start
        while i < span.end {
            guard Letters.isAlphanumeric(s[i]) else {
                i += 1
                continue
            }
            let start = i
            while i < span.end, Letters.isAlphanumeric(s[i]) || ScalarClass.isApostrophe(s[i]) || ScalarClass.isHyphen(s[i]) {
                i += 1
            }
            words.append(TextSpan(start, i))
            if words.count > 12 { break }
        }
        return words
    }

    private static let minorWords = WordSet("a an the of and or in on at to for with from by as is are vs but nor")

    private static func titleShape(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ inner: TextSpan,
                                   _ words: [TextSpan]) -> (isTitleCase: Bool, endsWithPunctuation: Bool) {
        var titleCase = words.count <= 12 && Letters.isUpper(s[words[0].start]) || ScalarClass.isDigit(s[words[0].start])
        if titleCase {
            for w in words where Letters.isLetter(s[w.start]) && !Letters.isUpper(s[w.start]) {
                if !minorWords.contains(WordHash.of(s, w.start, w.end)) {
                    titleCase = false
                    break
                }
            }
        }
        var j = inner.end
        while j > inner.start, ScalarClass.isWhitespace(s[j - 1]) { j -= 1 }
        let last = j > inner.start ? s[j - 1].value : 0
        let punct = last == 0x2E || last == 0x2C || last == 0x21 || last == 0x3F || last == 0x3A || last == 0x3B
        return (titleCase, punct)
    }

    private static func isSoCalled(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ word: Word, floor: Int) -> Bool {
        // `so-called` is one word with its hyphen; `so called` is two.
        let hash = WordHash.of(s, word.start, word.end)
        if hash == soCalledHyphen { return true }
        if hash == calledHash, let prior = previousWord(s, before: word.start, floor: floor) {
            return WordHash.of(s, prior.start, prior.end) == soHash
        }
        return false
    }

    private static let soCalledHyphen = WordHash.of("so-called")
    private static let calledHash = WordHash.of("called")
    private static let soHash = WordHash.of("so")

    /// The word just before `offset` (past spaces only), with a possessive `'s` noted.
    private static func previousWord(_ s: UnsafeBufferPointer<Unicode.Scalar>, before offset: Int, floor: Int) -> Word? {
        var j = offset
        while j > floor, ScalarClass.isSpace(s[j - 1]) { j -= 1 }
        var end = j
        var possessive = false
        if end - 2 >= floor, s[end - 1].value == 0x73 || s[end - 1].value == 0x53, ScalarClass.isApostrophe(s[end - 2]) {
            possessive = true
            end -= 2
        }
        var start = end
        while start > floor, Letters.isAlphanumeric(s[start - 1]) || ScalarClass.isHyphen(s[start - 1])
            || s[start - 1].value == 0x2E && start - 1 > floor && Letters.isLetter(s[start - 2]) {
            start -= 1
        }
        guard start < end else { return nil }
        return Word(start: start, end: end, possessive: possessive)
    }

    private static func nextWord(_ s: UnsafeBufferPointer<Unicode.Scalar>, after offset: Int, ceiling: Int) -> Word? {
        var j = offset
        while j < ceiling, ScalarClass.isSpace(s[j]) { j += 1 }
        var end = j
        while end < ceiling, Letters.isAlphanumeric(s[end]) { end += 1 }
        guard end > j else { return nil }
        return Word(start: j, end: end)
    }
}
