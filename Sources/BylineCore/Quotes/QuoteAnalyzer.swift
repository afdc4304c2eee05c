/// Finds quotations and attributes them to speakers.
///
/// The steps, each in its own file:
/// 1. `QuoteDetector` pairs quotation marks (`QuotationMarks`) into quotations;
///    `ScareQuotes` leaves out titles, nicknames and scare quotes; `QuoteKindRules` tells
///    direct from partial.
/// 2. `Tokenizer` and `NameFinder` find the words and proper names; `EntityClustering`
///    groups names into identities.
/// 3. `AttributionSieves` finds, for each quotation, the phrase that says who spoke.
/// 4. `PronounResolver` links `he`/`she` to identities; `SpeakerAssembly` gives quotations
///    still without a speaker their neighbours' and builds the `Speaker` list.
/// Every step walks the text (or its tokens) once, with bounded windows around quotations.
public enum QuoteAnalyzer {
    public struct Result: Sendable {
        public var quotes: [Quote]
        public var speakers: [Speaker]
    }

    public static func analyze(_ article: Article) -> Result {
        article.scalars.withUnsafeBufferPointer { analyze(article, $0) }
    }

    static func analyze(_ article: Article, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Result {
        prepared(article, s) { sieves, entities, sentenceTokens, pronounCandidates in
            let attributions = sieves.rankedAttributions()
            var assembly = SpeakerAssembly(article: article, s: s, tokens: sieves.tokens, pronounCandidates: pronounCandidates,
                                           sentenceTokens: sentenceTokens, names: sieves.reader.names, entities: entities,
                                           quotes: sieves.quotes, sieves: sieves)
            return assembly.run(attributions)
        }
    }

    /// The attribution rules set up over an article (for the speaker ranker's training data).
    static func withSieves<T>(_ article: Article, _ body: (AttributionSieves) -> T) -> T {
        article.scalars.withUnsafeBufferPointer { s in prepared(article, s) { sieves, _, _, _ in body(sieves) } }
    }

    /// Tokens, quotations, names and identities, and the attribution rules over them.
    private static func prepared<T>(_ article: Article, _ s: UnsafeBufferPointer<Unicode.Scalar>,
                                    _ body: (AttributionSieves, [Entity], [Int], [Int]) -> T) -> T {
        var stream = Tokenizer.tokenize(s)
        // Take the tokens out of the stream so that flagging them below does not copy them.
        var tokens = stream.tokens
        stream.tokens = []
        let detected = quotations(article, s, markPositions: stream.markPositions)
        markQuotedTokens(&tokens, detected)
        let sentenceTokens = markSentenceStarts(&tokens, article, markTokens: stream.markTokens)
        var names = NameFinder.find(tokens, s, starts: stream.nameStarts)
        let entities = EntityClustering.cluster(&names)
        var nameAt = [Int32](repeating: -1, count: tokens.count)
        for (index, mention) in names.enumerated() where mention.entity >= 0 {
            let start = mention.title.isEmpty ? mention.tokens.lowerBound : min(mention.title.lowerBound, mention.tokens.lowerBound)
            for k in start..<mention.tokens.upperBound { nameAt[k] = Int32(index) }
        }
        let reader = PhraseReader(tokens: tokens, names: names, nameAt: nameAt, s: s)
        let blocks = TextBlocks(article, s, tokens: tokens, lineStarts: stream.lineStarts)
        let sieves = AttributionSieves(article: article, s: s, tokens: tokens, reader: reader, quotes: detected, blocks: blocks)
        return body(sieves, entities, sentenceTokens, stream.pronounCandidates)
    }

    /// Paired quotation marks, less scare quotes, titles and nicknames (those that may still be
    /// speech are flagged, and dropped later if no one says them).
    static func quotations(_ article: Article, _ s: UnsafeBufferPointer<Unicode.Scalar>, markPositions: [Int]) -> [DetectedQuote] {
        var result: [DetectedQuote] = []
        for quote in QuoteDetector.detect(article, s, markPositions: markPositions) {
            let paragraph = article.paragraphIndex(containing: quote.span.start).map { article.paragraphs[$0].span }
                ?? TextSpan(0, s.count)
            let verdict = ScareQuotes.judge(quote, s, paragraph: paragraph)
            guard verdict.rejected == nil else { continue }
            var kept = quote
            kept.unspokenRule = verdict.unlessAttributed
            result.append(kept)
        }
        // An interview's answers, which have no marks; an answer takes the place of the
        // quotations inside it.
        let answers = InterviewTranscript.answers(article, s, existing: result)
        guard !answers.isEmpty else { return result }
        result.removeAll { q in answers.contains { $0.span.start <= q.span.start && q.span.end <= $0.span.end } }
        result += answers
        result.sort { $0.span.start < $1.span.start }
        return result
    }

    private static func markQuotedTokens(_ tokens: inout [Token], _ quotes: [DetectedQuote]) {
        var k = 0
        for quote in quotes {
            k = tokens.firstIndex(startingAtOrAfter: quote.span.start, from: k)
            while k < tokens.count, tokens[k].start < quote.span.end {
                tokens[k].flags.insert(.quoted)
                k += 1
            }
        }
    }

    /// Flags the first word of each sentence; returns the index of each sentence's first token.
    private static func markSentenceStarts(_ tokens: inout [Token], _ article: Article, markTokens: [Int]) -> [Int] {
        var k = 0
        var starts: [Int] = []
        starts.reserveCapacity(article.sentences.count)
        for sentence in article.sentences {
            // Past opening marks and brackets to the first word.
            k = tokens.firstIndex(startingAtOrAfter: sentence.span.start, from: k)
            starts.append(k)
            var w = k
            while w < tokens.count, w - k < 3, tokens[w].kind == .punctuation { w += 1 }
            if w < tokens.count, tokens[w].start < sentence.span.end { tokens[w].flags.insert(.sentenceStart) }
            // `((WN)) Previously you said …`: an interview's speaker label; its text starts after it.
            if w - k == 2, tokens[k].isPunctuation("("), tokens[k + 1].isPunctuation("(") {
                var close = w
                while close + 2 < tokens.count, close - w < 6, !tokens[close].isPunctuation(")") { close += 1 }
                if close + 2 < tokens.count, tokens[close + 1].isPunctuation(")"), tokens[close + 2].isWord {
                    tokens[close + 2].flags.insert(.sentenceStart)
                }
            }
        }
        // A word right after an opening quotation mark starts a sentence of its own.
        for k in markTokens where k + 1 < tokens.count && tokens[k + 1].isWord && tokens[k + 1].start == tokens[k].end {
            if QuotationMarks.canOpen(UInt32(truncatingIfNeeded: tokens[k].hash)) { tokens[k + 1].flags.insert(.sentenceStart) }
        }
        return starts
    }
}
