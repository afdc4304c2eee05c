/// Who a quotation is attributed to, as found in the text, before identities are resolved.
struct Attribution {
    var phrase: Phrase
    /// The verb or phrase of saying (`said`, `told`, `according to`, `:`), as text offsets.
    var cue: TextSpan?
    var rule: AttributionRule
    /// For `who`: the phrase it stands for.
    var antecedent: Phrase?
    /// When the speaker ranker chose it over what the rules found: what it was chosen over and
    /// the features that decided (`Quote.attributionRanking`, for `--explain`).
    var explanation: String?
    /// A nested source: in `According to X, Y said "…"` (or `"…," Y said, according to X`) the
    /// speaker is the outer source X, and Y, through whom it came, is kept here.
    var via: Phrase?

    init(phrase: Phrase, cue: TextSpan?, rule: AttributionRule, antecedent: Phrase? = nil) {
        self.phrase = phrase
        self.cue = cue
        self.rule = rule
        self.antecedent = antecedent
    }

    /// The subject of a clause (`ClauseGrammar`), attributed by `rule`.
    init(_ subject: ClauseSubject, rule: AttributionRule) {
        self.init(phrase: subject.phrase, cue: subject.cue, rule: rule, antecedent: subject.antecedent)
    }

    /// The attribution as the clause's subject, without the rule that found it.
    var subject: ClauseSubject { ClauseSubject(phrase: phrase, cue: cue, antecedent: antecedent) }
}

/// The attribution rules, tried in order for each quotation (like CoreNLP's QuoteAttribution
/// sieves): the closest and most reliable patterns first. Each rule names itself by an
/// `AttributionRule`; one file per family of rules, all sharing the `ClauseGrammar` (a clause's
/// subject and verb), which `SpeakerAssembly` uses too.
///
/// In the quotation's sentence (`attribute`):
/// 1. `LeadingRules.tightLeading`: a verb of saying right before a fragment (`what Hedge
///    called "the prior model," the club …`): `speaker-cue-quote`, `reported-speech`,
///    `passive-by`.
/// 2. `TrailingRules`, after the quotation: `dash-signature` (`"…" ― Ann Lee`), `according-to`,
///    `quote-cue-speaker` (`"…," said Daalder`), `quote-verb-speaker` (`"…!" beamed Ann Lee`),
///    `quote-speaker-cue` (`"…," Daalder said` · `"…," Qassim al-Aaraji, a member of …, told`),
///    `quote-speaker-verb` (`"…," Trump shot back`); a trailing `according to X` then names the
///    outer source (`AccordingToRule`).
/// 3. `LeadingRules`, before it: `cue-speaker-quote` (`Remarked X, "…"`), `according-to` (also
///    `in the words of X`), `speaker-cue-quote` (`X said: "…"` · `X told Y …, when he said,
///    "…"`), `reported-speech` (`X called the deal "a disaster"`; speech reported inside
///    reported speech goes to the outer reporter), `passive-by` (`was asked by X`), `issuer`
///    (`X issued a statement: "…"`).
/// 4. `DashAppositiveRule`: `reported-speech` past an appositive between dashes (`Ann Lee — a
///    teacher from Elm Grove — says she …`). `LabelRule`: `label` (`X: "…"`, `X (R-Ohio): "…"`).
/// 5. `LaterCueRule`: `later-cue`, a verb of saying later in the sentence (`"…" about it, said
///    X`; also `passive-by` and `according-to` there). Not for a label inside a noun phrase
///    (`the "History" section`).
/// 6. `PossessiveRule`: `possessive`, whose words they are (`Clinton's slogan is "…"`).
/// 7. `SentenceSubjectRule`: `sentence-subject`, the subject of a sentence whose verb is not
///    a verb of saying. Not for a label inside a noun phrase.
/// 8. `FallbackRules`, for a quotation nothing nearer attributes: `reported-speech` from a verb
///    of saying further back in a long sentence than the window, `sentence-subject` of the clause
///    `that` or `why` opens (`It has not helped that the board has …`).
///    `LabelRule.headlineSubject`: `label`, the person a one-sentence headline opens with
///    (`Ann Lee 'ready to fight' for the harbour.`).
/// 9. `NextParagraphRules`, for a quotation that is its whole paragraph: `dash-signature` in the
///    paragraph below (`"…" ¶ — Ann Lee`), `later-cue` of the quotation that goes on there
///    (`"…" ¶ "…," Lee notes.`).
///
/// A relative pronoun found (`the Daily Beast, which ran …`) stands for the phrase before it.
/// A statement, letter or post that speaks is then replaced by whoever issued it when the
/// sentence says who (`IssuerRule`: `issuer`, `Acme's statement read`, `they released a
/// statement which said`).
///
/// Then `SpeakerAssembly` gives quotations still without a speaker their neighbours':
/// `same-sentence`, `previous-sentence`, `continuation`, `introduced-by-colon`,
/// `continuation-paragraph`, `previous-paragraph` (with `speakerOfSentence`).
struct AttributionSieves {
    let article: Article
    let s: UnsafeBufferPointer<Unicode.Scalar>
    let tokens: [Token]
    let reader: PhraseReader
    let grammar: ClauseGrammar
    let quotes: [DetectedQuote]
    let blocks: TextBlocks
    /// For each name mention, how many mentions its identity has (for the speaker ranker).
    let nameCounts: [Int]
    /// Each quotation's `Bounds`, found once: the rules, the ranker and the neighbour rules all
    /// start from them.
    private var quoteBounds: [Bounds] = []

    init(article: Article, s: UnsafeBufferPointer<Unicode.Scalar>, tokens: [Token], reader: PhraseReader, quotes: [DetectedQuote],
         blocks: TextBlocks) {
        self.article = article
        self.s = s
        self.tokens = tokens
        self.reader = reader
        grammar = ClauseGrammar(s: s, tokens: tokens, reader: reader)
        self.quotes = quotes
        self.blocks = blocks
        // Each quotation's first token (its opening mark) and the first token after it, found
        // in one walk through the tokens.
        var quoteTokens: [(open: Int, after: Int)] = []
        quoteTokens.reserveCapacity(quotes.count)
        var k = 0
        for quote in quotes {
            k = tokens.firstIndex(startingAtOrAfter: quote.span.start, from: k)
            let after = tokens.firstIndex(startingAtOrAfter: quote.span.end, from: k)
            quoteTokens.append((k, after))
        }
        var perEntity = [Int](repeating: 0, count: (reader.names.map(\.entity).max() ?? -1) + 1)
        for mention in reader.names where mention.entity >= 0 { perEntity[mention.entity] += 1 }
        nameCounts = reader.names.map { $0.entity >= 0 ? perEntity[$0.entity] : 1 }
        quoteBounds = quotes.indices.map { findBounds($0, tokens: quoteTokens[$0]) }
    }

    struct Bounds {
        /// First token of the quotation (its opening mark) and first token after it.
        var open: Int
        var after: Int
        /// Where looking back stops (the sentence or line start, or the window) and where looking
        /// ahead stops (the line or paragraph end, the next quotation, or the window).
        var floor: Int
        var ceiling: Int
        var quote: Int
        var sentence: Int
        var block: Int
        /// The quotation closes its sentence: what follows is a new sentence.
        var endsSentence: Bool
    }

    func bounds(_ q: Int) -> Bounds { quoteBounds[q] }

    private func findBounds(_ q: Int, tokens quoteTokens: (open: Int, after: Int)) -> Bounds {
        let quote = quotes[q]
        let (open, after) = quoteTokens
        let sentence = article.sentenceIndex(containing: quote.span.start) ?? 0
        let firstBlock = blocks.block(containing: quote.span.start)
        let lastBlock = blocks.block(containing: max(quote.span.start, quote.span.end - 1))
        // Looking back goes to the sentence start, past earlier quotations in it (their words are
        // skipped): in `X said "A" and "B"`, the verb before "A" introduces "B" too.
        let floorOffset = max(article.sentences.isEmpty ? 0 : article.sentences[sentence].span.start, blocks.start(firstBlock))
        var ceilingOffset = blocks.end(lastBlock, limit: s.count)
        if q + 1 < quotes.count, quotes[q + 1].span.start < ceilingOffset { ceilingOffset = quotes[q + 1].span.start }
        // Both within the window: short walks from the quotation rather than searches of the text.
        var floor = open
        while floor > 0, open - floor < TokenWindow.aroundQuotation, tokens[floor - 1].start >= floorOffset { floor -= 1 }
        var ceiling = after
        while ceiling < tokens.count, ceiling - after < TokenWindow.aroundQuotation, tokens[ceiling].start < ceilingOffset {
            ceiling += 1
        }
        return Bounds(open: open, after: max(after, open), floor: floor, ceiling: max(ceiling, after), quote: q, sentence: sentence,
                      block: firstBlock, endsSentence: endsSentence(quote))
    }

    /// The in-sentence rules, in order (see the list above).
    func attribute(_ q: Int) -> Attribution? {
        if quotes[q].rule == .interviewAnswer { return interviewAnswer(q) }
        let b = bounds(q)
        // A label inside a noun phrase (`The "History" section of the site explains`) is part of
        // the subject of a later verb, not what it says.
        let insidePhrase = quotes[q].unspokenRule == .labelInPhrase
        guard var att = firstRule(b, insidePhrase: insidePhrase) else { return nil }
        let head = tokens[att.phrase.head].hash
        if att.phrase.kind == .pronoun, att.antecedent == nil, Hashes.isRelativePronoun(head) {
            // `the Daily Beast, which ran …`: the relative pronoun stands for the phrase before it.
            var r = att.phrase.head - 1
            if r >= 0, tokens[r].isPunctuation(",") { r -= 1 }
            if r >= 0 { att.antecedent = reader.backward(endingAt: r, floor: max(0, r - TokenWindow.antecedent)) }
        }
        return issuer(of: att, b) ?? att
    }

    /// The first rule of the list above that attributes the quotation bounded by `b`.
    private func firstRule(_ b: Bounds, insidePhrase: Bool) -> Attribution? {
        if let att = tightLeading(b) ?? trailing(b).map({ outerSource($0, b) }) ?? leading(b) { return att }
        if let att = dashAppositive(b) ?? label(b) { return att }
        if !insidePhrase, let att = laterCue(b) { return att }
        if let att = possessiveSpeech(b) { return att }
        if !insidePhrase, let att = sentenceSubject(b) { return att }
        return distantCue(b) ?? complementClauseSubject(b) ?? headlineSubject(b) ?? nextParagraph(b)
    }

    /// `interview`: an answer of a transcript is its turn's label's (`Ann Lee: …`); after `A:`,
    /// the interviewee's: the person the article names most before the answer.
    func interviewAnswer(_ q: Int) -> Attribution? {
        let quote = quotes[q]
        if let label = quote.turnLabel {
            let first = tokens.firstIndex(startingAtOrAfter: label.start)
            let colon = tokens.firstIndex(startingAtOrAfter: label.end, from: first)
            guard colon < tokens.count, let phrase = reader.forward(startingAt: first, ceiling: colon), phrase.kind == .name else {
                return nil
            }
            return Attribution(phrase: phrase, cue: grammar.span(colon), rule: .interview)
        }
        var best = -1
        for (m, mention) in reader.names.enumerated() {
            guard mention.span.start < quote.span.start else { break }
            guard mention.entity >= 0, !mention.quoted, mention.kind == .person || mention.kind == .unknown else { continue }
            if best < 0 || nameCounts[m] > nameCounts[best] { best = m }
        }
        guard best >= 0, let phrase = reader.forward(startingAt: reader.names[best].tokens.lowerBound, ceiling: reader.names[best].tokens.upperBound),
              phrase.kind == .name else { return nil }
        let colon = tokens.firstIndex(startingAtOrAfter: quote.span.start) - 1
        return Attribution(phrase: phrase, cue: colon >= 0 && tokens[colon].isPunctuation(":") ? grammar.span(colon) : nil, rule: .interview)
    }

    // MARK: For the neighbour rules (`SpeakerAssembly`)

    /// The speaker a sentence names with a verb of saying (`Carter said that …`, `Ann Lee — a
    /// teacher — says …`, `Said Ann Lee:`), for a quotation that follows it with no attribution
    /// of its own.
    /// With `anyVerb`, a sentence without a verb of saying gives its subject if a verb follows it.
    func speakerOfSentence(_ sentence: Int, anyVerb: Bool = false) -> ClauseSubject? {
        let extent = article.sentences[sentence].span
        let floor = tokens.firstIndex(startingAtOrAfter: extent.start)
        let end = min(tokens.firstIndex(startingAtOrAfter: extent.end), floor + TokenWindow.sentence)
        var k = floor
        while k < end {
            let t = tokens[k]
            if k == floor, t.isWord, Lexicon.cues[t.hash] == .speech, let subject = invertedLabel(k, end: end) {
                // `Said Ann Lee:` closing a paragraph, before the quotation it introduces (a
                // capitalised verb opening its sentence is no cue for `isCueHere`).
                return subject
            }
            if t.isWord, let cue = Lexicon.cues[t.hash], grammar.isCueHere(k, floor: floor) {
                if cue == .participle || grammar.isBareBase(k, floor: floor) || grammar.isCoordinated(k, floor: floor) {
                    if let phrase = grammar.clauseSubject(from: floor, before: k) {
                        return ClauseSubject(phrase: phrase, cue: grammar.span(k))
                    }
                } else if let subject = grammar.subject(ofCueAt: k, floor: floor) {
                    return subject
                } else if cue != .participle, let phrase = subjectBeforeDashes(ofVerbAt: k, floor: floor) {
                    return ClauseSubject(phrase: phrase, cue: grammar.span(k))
                }
            } else if t.isWord, Self.issuingVerbs.contains(t.hash), issuesDocument(k, end: end),
                      let subject = grammar.subject(ofCueAt: k, floor: floor) {
                // `Senator Ann Lee issued a statement on the closure. "I am disappointed …"`
                return subject
            }
            k += 1
        }
        guard anyVerb, let phrase = grammar.clauseSubject(from: floor, before: end) else { return nil }
        return ClauseSubject(phrase: phrase, cue: nil)
    }

    /// `Said Ann Lee:` · `Added the senator:`: a sentence that opens with a verb of saying and its
    /// subject after it, then a colon, introduces what follows (not a comma: `Asked Tuesday, …`).
    private func invertedLabel(_ k: Int, end: Int) -> ClauseSubject? {
        guard tokens[k].isCapitalized, let phrase = reader.forward(startingAt: k + 1, ceiling: end), phrase.kind != .pronoun else { return nil }
        let next = grammar.skipParenthesis(phrase.tokens.upperBound, ceiling: end)
        guard next < end, tokens[next].isPunctuation(":") else { return nil }
        return ClauseSubject(phrase: phrase, cue: grammar.span(k))
    }
}
