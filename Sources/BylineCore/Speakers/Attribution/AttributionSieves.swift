/// Who a quotation is attributed to, as found in the text, before identities are resolved.
struct Attribution {
    var phrase: Phrase
    /// The verb or phrase of saying (`said`, `told`, `according to`, `:`), as text offsets.
    var cue: TextSpan?
    var rule: String
    /// For `who`: the phrase it stands for.
    var antecedent: Phrase?
}

/// The attribution rules, tried in order for each quotation (like CoreNLP's QuoteAttribution
/// sieves): the closest and most reliable patterns first. Each names the rule that fired.
///
/// In the quotation's sentence:
/// 1. a verb right before a fragment: `what Hedge called "the prior model," the club …`
/// 2. after the quotation: `quote-speaker-cue` (`"…," Daalder said` · `"…," Qassim al-Aaraji, a
///    member of …, told`), `quote-cue-speaker` (`"…," said Daalder`), `quote-speaker-verb`
///    (`"…," Trump shot back`), `quote-verb-speaker` (`"…!" beamed Ann Lee`), `dash-signature`
///    (`"…" ― Ann Lee`), `according-to`; a trailing `according to X` names the outer source
/// 3. before it: `speaker-cue-quote` (`X said: "…"` · `X told Y …, when he said, "…"`),
///    `reported-speech` (`X called the deal "a disaster"`; speech reported inside reported
///    speech goes to the outer reporter), `passive-by` (`was asked by X`), `according-to`
///    (also `in the words of X`), `cue-speaker-quote` (`Remarked X, "…"`), `issuer` (`X issued
///    a statement: "…"`)
/// 4. `label`: `X: "…"`
/// 5. `later-cue`: a verb of saying later in the sentence (`"…" about it, said X`)
/// 6. `sentence-subject`: the subject of a sentence whose verb is not in the lexicon
///
/// A statement, letter or post that speaks is then replaced by whoever issued it when the
/// sentence says who (`issuer`: `Acme's statement read`, `they released a statement which said`).
///
/// Then `SpeakerAssembly` gives quotations still without a speaker their neighbours':
/// `same-sentence`, `previous-sentence`, `continuation`, `introduced-by-colon`,
/// `continuation-paragraph`, `previous-paragraph`.
struct AttributionSieves {
    let article: Article
    let s: UnsafeBufferPointer<Unicode.Scalar>
    let tokens: [Token]
    let reader: PhraseReader
    let quotes: [DetectedQuote]
    let blocks: TextBlocks
    /// For each quotation, its first token (the opening mark) and the first token after it,
    /// found in one walk through the tokens.
    let quoteTokens: [(open: Int, after: Int)]

    init(article: Article, s: UnsafeBufferPointer<Unicode.Scalar>, tokens: [Token], reader: PhraseReader, quotes: [DetectedQuote],
         blocks: TextBlocks) {
        self.article = article
        self.s = s
        self.tokens = tokens
        self.reader = reader
        self.quotes = quotes
        self.blocks = blocks
        var quoteTokens: [(open: Int, after: Int)] = []
        quoteTokens.reserveCapacity(quotes.count)
        var k = 0
        for quote in quotes {
            k = tokens.firstIndex(startingAtOrAfter: quote.span.start, from: k)
            let after = tokens.firstIndex(startingAtOrAfter: quote.span.end, from: k)
            quoteTokens.append((k, after))
        }
        self.quoteTokens = quoteTokens
    }

    /// Furthest the rules look from a quotation, in tokens.
    static let window = 45

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

    func bounds(_ q: Int) -> Bounds {
        let quote = quotes[q]
        let (open, after) = quoteTokens[q]
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
        while floor > 0, open - floor < Self.window, tokens[floor - 1].start >= floorOffset { floor -= 1 }
        var ceiling = after
        while ceiling < tokens.count, ceiling - after < Self.window, tokens[ceiling].start < ceilingOffset { ceiling += 1 }
        return Bounds(open: open, after: max(after, open), floor: floor, ceiling: max(ceiling, after), quote: q, sentence: sentence,
                      block: firstBlock, endsSentence: endsSentence(quote))
    }

    /// True when the quoted words end a sentence (`…now."`) and nothing but space follows the mark.
    private func endsSentence(_ quote: DetectedQuote) -> Bool {
        guard let inner = quote.parts.last else { return false }
        var j = inner.end
        while j > inner.start, ScalarClass.isWhitespace(s[j - 1]) || QuotationMarks.isMark(s[j - 1].value) { j -= 1 }
        guard j > inner.start else { return false }
        let v = s[j - 1].value
        guard v == 0x2E || v == 0x3F || v == 0x21 || v == 0x2026 else { return false }
        // `"…?" a reporter asked`: a lower-case word after the mark carries the sentence on.
        var k = quote.span.end
        while k < s.count, ScalarClass.isSpace(s[k]) { k += 1 }
        if k < s.count, s[k].value == 0x2C || Letters.isLower(s[k]) { return false }
        return true
    }

    /// The in-sentence rules, in order.
    func attribute(_ q: Int) -> Attribution? {
        let b = bounds(q)
        // A label inside a noun phrase (`The "History" section of the site explains`) is part of
        // the subject of a later verb, not what it says.
        let insidePhrase = quotes[q].unspokenRule == ScareQuotes.labelRule
        guard var att = tightLeading(b) ?? trailing(b).map({ outerSource($0, b) }) ?? leading(b) ?? label(b)
                ?? (insidePhrase ? nil : laterCue(b)) ?? possessiveSpeech(b) ?? (insidePhrase ? nil : sentenceSubject(b)) else {
            return nil
        }
        let head = tokens[att.phrase.head].hash
        if att.phrase.kind == .pronoun, att.antecedent == nil, head == Hashes.who || head == Hashes.which {
            // `the Daily Beast, which ran …`: the relative pronoun stands for the phrase before it.
            var r = att.phrase.head - 1
            if r >= 0, tokens[r].isPunctuation(",") { r -= 1 }
            if r >= 0 { att.antecedent = reader.backward(endingAt: r, floor: max(0, r - 12)) }
        }
        return issuer(of: att, b) ?? att
    }

    // MARK: Who issued a document

    /// A statement, letter or post speaks for whoever issued it, when the sentence says who:
    /// `Acme's statement read` · `their letter said` · `a memo posted by Ann Lee said` · `the
    /// board released a statement which said` (rule `issuer`, the document's verb kept as cue).
    private func issuer(of att: Attribution, _ b: Bounds) -> Attribution? {
        var document = att.phrase
        if document.kind == .pronoun, let antecedent = att.antecedent { document = antecedent }
        guard document.kind == .description, Self.documentNouns.contains(tokens[document.head].hash) else { return nil }
        var found: Phrase?
        // The owner before the noun: `Acme's statement`, `the family's statement`, `their letter`.
        var k = document.head - 1
        while k >= document.tokens.lowerBound, found == nil {
            let t = tokens[k]
            if t.isWord, Self.possessivePronouns.contains(t.hash) {
                found = Phrase(kind: .pronoun, tokens: k..<(k + 1), head: k)
            } else if t.isWord, t.flags.contains(.possessive), let owner = reader.backward(endingAt: k, floor: b.floor),
                      owner.kind == .name || isPersonHead(owner) {
                found = owner
            }
            k -= 1
        }
        // The agent after it: `a memo posted online by Ann Lee`, `the statement from the palace`.
        var a = document.tokens.upperBound
        while found == nil, a < b.open, a - document.tokens.upperBound < 4, tokens[a].isWord {
            let h = tokens[a].hash
            let afterVerb = a > document.tokens.upperBound && Self.issuingVerbs.contains(tokens[a - 1].hash)
            if h == Hashes.by && a > document.tokens.upperBound || h == Hashes.from && (a == document.tokens.upperBound || afterVerb),
               let agent = reader.forward(startingAt: a + 1, ceiling: b.open), canSpeak(agent) {
                found = agent
                // `sent from Ann Lee's Twitter account`: the owner, not the service named.
                if Self.outletNouns.contains(tokens[agent.head].hash), reader.nameAt[a + 1] >= 0 {
                    let end = reader.names[Int(reader.nameAt[a + 1])].tokens.upperBound - 1
                    if end < agent.head, tokens[end].flags.contains(.possessive), let owner = reader.backward(endingAt: end, floor: a + 1) {
                        found = owner
                    }
                }
            }
            if h == Hashes.by || h == Hashes.from || Lexicon.cues[h] != nil && !Self.issuingVerbs.contains(h) { break }
            a += 1
        }
        // The subject of the verb that issued it: `the board released a statement which said`.
        let verb = document.tokens.lowerBound - 1
        if found == nil, verb >= b.floor, tokens[verb].isWord, Self.issuingVerbs.contains(tokens[verb].hash),
           let subject = subject(ofCueAt: verb, floor: b.floor)?.phrase, subject.kind != .description || isPersonHead(subject),
           !Self.documentNouns.contains(tokens[subject.head].hash) {
            found = subject
        }
        guard var phrase = found else { return nil }
        if phrase.kind == .pronoun, tokens[phrase.head].hash == Hashes.who || tokens[phrase.head].hash == Hashes.which { return nil }
        phrase.description = nil
        return Attribution(phrase: phrase, cue: att.cue, rule: "issuer")
    }

    /// `the statement` after `Acme released a statement` (within a few paragraphs): the subject
    /// that issued it, for a definite description of a document that speaks.
    func earlierIssuer(ofDocumentAt head: Int) -> Attribution? {
        let noun = tokens[head].hash
        guard Self.documentNouns.contains(noun) else { return nil }
        var j = head - 1
        while j > 0, head - j < Self.issuerLookback {
            if tokens[j].isWord, tokens[j].hash == noun, !tokens[j].flags.contains(.quoted) {
                var v = j - 1
                while v > 0, j - v <= 3, tokens[v].isWord, !Self.issuingVerbs.contains(tokens[v].hash) { v -= 1 }
                if v >= 0, j - v <= 3, tokens[v].isWord, Self.issuingVerbs.contains(tokens[v].hash),
                   let sentence = article.sentenceIndex(containing: tokens[v].start) {
                    let floor = tokens.firstIndex(startingAtOrAfter: article.sentences[sentence].span.start)
                    return subject(ofCueAt: v, floor: floor)
                }
            }
            j -= 1
        }
        return nil
    }

    private static let issuerLookback = 400

    private static let read = WordHash.of("read")
    private static let words = WordHash.of("words")

    /// `the prosecutor, Ann Lee,`: the name set off by a comma right after a description.
    private func appositiveName(after phrase: Phrase, ceiling: Int) -> Phrase? {
        let comma = phrase.tokens.upperBound
        guard comma + 1 < ceiling, tokens[comma].isPunctuation(","), reader.nameAt[comma + 1] >= 0,
              var name = reader.forward(startingAt: comma + 1, ceiling: ceiling), name.kind == .name, isPersonLike(name) else { return nil }
        name.description = phrase.tokens
        return name
    }

    /// `issued a brief statement`: the verb at `k` has a document as its object.
    private func issuesDocument(_ k: Int, end: Int) -> Bool {
        var j = k + 1
        while j < end, j - k <= 3, tokens[j].isWord, !tokens[j].flags.contains(.quoted) {
            if Self.documentNouns.contains(tokens[j].hash) { return true }
            j += 1
        }
        return false
    }

    /// Nouns for what is issued in someone's name.
    private static let documentNouns = WordSet("""
        statement statements letter memo memorandum release post tweet message notice note communique declaration \
        decree proclamation announcement editorial email summary report analysis study manifesto petition
        """)

    /// Where someone publishes (`Ann Lee's Twitter account`): its owner speaks.
    private static let outletNouns = WordSet("account accounts page handle feed profile channel website site blog")

    /// Verbs for issuing a document (`released a statement`).
    private static let issuingVerbs = WordSet("released issued published posted sent signed written wrote shared tweeted put made")

    // MARK: 1. After the quotation

    private func trailing(_ b: Bounds) -> Attribution? {
        var a = b.after
        var skipped = 0
        var comma = false
        while a < b.ceiling, skipped < 3, isSeparator(tokens[a]) {
            if tokens[a].isPunctuation(",") { comma = true }
            a += 1
            skipped += 1
        }
        guard a < b.ceiling else { return nil }
        // `"…" ― Christina Lastra`: a name signed after a dash.
        if a > b.after, isDash(tokens[a - 1]), let phrase = reader.forward(startingAt: a, ceiling: b.ceiling), phrase.kind == .name {
            let next = phrase.tokens.upperBound
            if next >= b.ceiling || tokens[next].kind == .punctuation || tokens[next].flags.contains(.lineStart) {
                return Attribution(phrase: phrase, cue: span(a - 1), rule: "dash-signature")
            }
        }
        // After a quotation that ends its sentence, only a short clause of its own attributes
        // it (`"…?" Smith asked.`), not the next sentence (`He added, "…"`).
        let closed = b.endsSentence && !comma
        if let att = accordingTo(at: a, ceiling: b.ceiling) { return att }
        let t = tokens[a]
        // `"…," said Daalder` (an inverted subject after the verb).
        if t.isWord, let cue = Lexicon.cues[t.hash], cue == .speech, !t.isCapitalized {
            var p = a + 1
            while p < b.ceiling, Lexicon.auxiliaries.contains(tokens[p].hash), p - a < 3 { p += 1 }
            if let phrase = reader.forward(startingAt: p, ceiling: b.ceiling), phrase.kind != .pronoun || isSubjectPronounAfterVerb(phrase),
               !closed || endsClause(after: phrase.tokens.upperBound, ceiling: b.ceiling) {
                return Attribution(phrase: phrase, cue: span(a), rule: "quote-cue-speaker")
            }
        }
        // `"This is fantastic!" beamed Donald Hartley`: any verb in -ed before a name.
        if t.isWord, !t.isCapitalized, Lexicon.cues[t.hash] == nil, isVerbLike(t), NameFinder.endsWith(t, "ed", s),
           continuesSentence(b), a + 1 < b.ceiling, reader.nameAt[a + 1] >= 0,
           let phrase = reader.forward(startingAt: a + 1, ceiling: b.ceiling), phrase.kind == .name {
            return Attribution(phrase: phrase, cue: span(a), rule: "quote-verb-speaker")
        }
        // `"…," Daalder said` · `"…," Qassim al-Aaraji, a member of …, told Military Times`
        guard let phrase = reader.forward(startingAt: a, ceiling: b.ceiling) else { return nil }
        var c = phrase.tokens.upperBound
        var description: Range<Int>?
        if c < b.ceiling, tokens[c].isPunctuation(",") {
            guard let close = appositiveEnd(from: c + 1, ceiling: b.ceiling) else { return nil }
            description = (c + 1)..<close
            c = close + 1
        }
        c = skipParenthesis(c, ceiling: b.ceiling)
        var aux = 0
        while c < b.ceiling, aux < 4, tokens[c].isWord, Lexicon.auxiliaries.contains(tokens[c].hash) {
            c += 1
            aux += 1
        }
        guard c < b.ceiling, tokens[c].isWord, !tokens[c].isCapitalized || isCueHere(c, floor: a) else { return nil }
        var result = phrase
        if let description { result.description = description }
        if let cue = Lexicon.cues[tokens[c].hash], cue != .participle {
            if closed, !endsClause(after: c + 1, ceiling: b.ceiling) { return nil }
            return Attribution(phrase: result, cue: span(c), rule: "quote-speaker-cue")
        }
        // `"…," Trump shot back`, `"…," she laughed`: right after a quotation that goes on into
        // its sentence, a subject and any verb attribute it.
        // Not when the quotation is inside a clause with a subject of its own (`While Lee calls the
        // plan a "farce," Berg fixates on …`): that subject is the speaker.
        if !closed, continuesSentence(b), isVerbLike(tokens[c]), tokens[c].hash != Hashes.of, phrase.kind != .description || isPersonHead(phrase),
           subordinateClause(holding: b) == nil {
            var cueEnd = c
            if c + 1 < b.ceiling, Self.particles.contains(tokens[c + 1].hash) { cueEnd = c + 1 }
            return Attribution(phrase: result, cue: TextSpan(tokens[c].start, tokens[cueEnd].end), rule: "quote-speaker-verb")
        }
        return nil
    }

    private static let particles = WordSet("back on out up in off")

    /// The quoted words end with `,`, `?`, `!` or a dash: the sentence goes on with its attribution.
    private func continuesSentence(_ b: Bounds) -> Bool {
        guard let inner = quotes[b.quote].parts.last else { return false }
        var j = inner.end
        while j > inner.start, ScalarClass.isWhitespace(s[j - 1]) { j -= 1 }
        guard j > inner.start else { return false }
        switch s[j - 1].value {
        case 0x2C, 0x3F, 0x21, 0x2014, 0x2013: return true
        default: return tokens[b.after].isPunctuation(",")
        }
    }

    /// A lower-case word that can be a verb: not a stop word, determiner or pronoun.
    private func isVerbLike(_ t: Token) -> Bool {
        t.isWord && !t.isCapitalized && !Lexicon.stopWords.contains(t.hash) && !Lexicon.determiners.contains(t.hash)
            && Lexicon.pronouns[t.hash] == nil && !Lexicon.personNouns.contains(t.hash)
    }

    /// A person's name or a personal pronoun (not an organisation or a place).
    private func isPersonLike(_ phrase: Phrase) -> Bool {
        switch phrase.kind {
        case .pronoun:
            let h = tokens[phrase.head].hash
            return h != Hashes.it && h != Hashes.which && h != Hashes.who
        case .name:
            let kind = reader.names[phrase.name ?? 0].kind
            return kind == .person || kind == .unknown
        case .description:
            return false
        }
    }

    private func isPersonHead(_ phrase: Phrase) -> Bool {
        Lexicon.personNouns.contains(tokens[phrase.head].hash) || Lexicon.institutionNouns.contains(tokens[phrase.head].hash)
    }

    /// The clause after a verb of saying ends soon (`Smith said on Thursday.`), with no new
    /// quotation or reported clause starting (`He added, "…"`, `He said that …`).
    private func endsClause(after k: Int, ceiling: Int) -> Bool {
        var i = k
        while i < ceiling, i - k < 25 {
            let t = tokens[i]
            if t.kind == .punctuation {
                if t.isQuotationMark || t.isPunctuation(":") { return false }
                if t.isPunctuation(",") {
                    if i + 1 < ceiling, tokens[i + 1].isQuotationMark { return false }
                } else if t.isPunctuation(".") || t.isPunctuation("?") || t.isPunctuation("!") || t.isPunctuation(";") {
                    return true
                }
            } else if t.hash == Hashes.that || Lexicon.subjectPronouns.contains(t.hash) && i > k
                || Self.finiteAuxiliaries.contains(t.hash) || Lexicon.cues[t.hash] != nil && i > k {
                // `Rubio said the real extremist is Clinton`: another clause, another claim.
                return false
            }
            i += 1
        }
        // Reaching the next quotation means the clause introduces it.
        return i >= ceiling && !(ceiling < tokens.count && tokens[ceiling].isQuotationMark)
    }

    private static let finiteAuxiliaries = WordSet("is was are were has have had will would can could should may might must did does do")

    /// `what Mr. Hedge called "the prior economy model," the club …`: a verb of saying right
    /// before the quotation (only `that` or `as` between) outranks what follows it.
    private func tightLeading(_ b: Bounds) -> Attribution? {
        var k = b.open - 1
        while k >= b.floor, b.open - k <= 2, tokens[k].isWord, tokens[k].hash == Hashes.that || tokens[k].hash == Hashes.as {
            k -= 1
        }
        guard k >= b.floor, k < b.open - 1 || tokens[k].isWord, tokens[k].isWord, b.open - k <= 3,
              let cue = Lexicon.cues[tokens[k].hash], cue == .characterize || cue == .speech, !isQuoteStart(b) else { return nil }
        guard let att = attribution(ofCueAt: k, floor: b.floor, open: b.open) else { return nil }
        return outermost(att, cueAt: k, floor: b.floor)
    }

    /// The quotation opens its sentence (nothing but punctuation before it).
    private func isQuoteStart(_ b: Bounds) -> Bool {
        var k = b.open - 1
        while k >= b.floor, tokens[k].kind == .punctuation { k -= 1 }
        return k < b.floor
    }

    /// `"…," Sanders said, according to CNN`: the source the reporter names last is the one the
    /// quotation came through.
    private func outerSource(_ att: Attribution, _ b: Bounds) -> Attribution {
        guard let cue = att.cue else { return att }
        var k = tokens.firstIndex(startingAtOrAfter: cue.end)
        let limit = min(b.ceiling, k + 12)
        while k < limit, !tokens[k].isPunctuation(".") {
            if tokens[k].isPunctuation(","), k + 1 < limit, let outer = accordingTo(at: k + 1, ceiling: b.ceiling) { return outer }
            if tokens[k].isQuotationMark { break }
            k += 1
        }
        return att
    }

    /// `said he` is rare but `said she` occurs; `it` and `they` after a verb are objects.
    private func isSubjectPronounAfterVerb(_ phrase: Phrase) -> Bool {
        let h = tokens[phrase.head].hash
        return h == WordHash.of("he") || h == WordHash.of("she")
    }

    // MARK: 2. According to

    private func accordingTo(at a: Int, ceiling: Int) -> Attribution? {
        guard a + 2 < ceiling, tokens[a].hash == Hashes.according, tokens[a + 1].hash == Hashes.to else { return nil }
        let cue = TextSpan(tokens[a].start, tokens[a + 1].end)
        if let phrase = reader.forward(startingAt: a + 2, ceiling: ceiling) {
            return Attribution(phrase: phrase, cue: cue, rule: "according-to")
        }
        // `according to the exit polls`: whatever the phrase, it is the source.
        var end = a + 2
        while end < ceiling, end - a < 10, tokens[end].isWord, !tokens[end].flags.contains(.quoted),
              end == a + 2 || !Lexicon.stopWords.contains(tokens[end].hash) || tokens[end].hash == Hashes.of {
            end += 1
        }
        guard end > a + 2 else { return nil }
        let phrase = Phrase(kind: .description, tokens: (a + 2)..<end, head: end - 1)
        return Attribution(phrase: phrase, cue: cue, rule: "according-to")
    }

    // MARK: 3. Before the quotation, in its sentence

    private func leading(_ b: Bounds) -> Attribution? {
        if let att = invertedOpening(b) { return att }
        var k = b.open - 1
        while k >= b.floor {
            let t = tokens[k]
            if t.isWord, t.hash == Hashes.according, let att = accordingTo(at: k, ceiling: b.open) { return att }
            // `in the words of the prosecutor, Ann Lee, "…"`: as `according to`.
            if t.isWord, t.hash == Self.words, k >= 2, tokens[k - 1].hash == Hashes.the, tokens[k - 2].hash == Hashes.in,
               k + 2 < b.open, tokens[k + 1].hash == Hashes.of, var phrase = reader.forward(startingAt: k + 2, ceiling: b.open) {
                if phrase.kind == .description, let name = appositiveName(after: phrase, ceiling: b.open) { phrase = name }
                return Attribution(phrase: phrase, cue: TextSpan(tokens[k - 2].start, tokens[k + 1].end), rule: "according-to")
            }
            if let att = attribution(ofCueAt: k, floor: b.floor, open: b.open) {
                return outermost(att, cueAt: k, floor: b.floor)
            }
            if t.isWord, Self.issuingVerbs.contains(t.hash), let att = issuedDocument(k, b) { return att }
            k -= 1
        }
        return nil
    }

    /// `Acme released a short statement: "…"` · `the board issued the following statement from
    /// its chair: "…"`: the subject that issued it.
    private func issuedDocument(_ k: Int, _ b: Bounds) -> Attribution? {
        guard issuesDocument(k, end: b.open) else { return nil }
        // The one who issues it speaks, even for a letter from someone else (`He released a letter
        // from his doctor that says …`); not a place (`The government of North Veldra issued`: the government).
        guard var att = subject(ofCueAt: k, floor: b.floor), canSpeak(att.phrase) else { return nil }
        att.rule = "issuer"
        return att
    }

    /// `Remarked biologist Tia Curry, "…"` · `Stated Stone: "…"`: a verb of saying in the past
    /// opening the sentence, then the speaker, then a comma or colon right before the quotation.
    private func invertedOpening(_ b: Bounds) -> Attribution? {
        let v = b.floor
        guard v + 2 < b.open, tokens[v].isWord, tokens[v].isCapitalized, tokens[v].flags.contains(.sentenceStart),
              Lexicon.cues[tokens[v].hash] == .speech, NameFinder.endsWith(tokens[v], "ed", s),
              tokens[b.open - 1].isPunctuation(",") || tokens[b.open - 1].isPunctuation(":"),
              let phrase = reader.backward(endingAt: b.open - 2, floor: v + 1), phrase.kind == .name else { return nil }
        return Attribution(phrase: phrase, cue: span(v), rule: "cue-speaker-quote")
    }

    /// The attribution a verb of saying at `k` gives, if it is one and has a subject.
    private func attribution(ofCueAt k: Int, floor: Int, open: Int) -> Attribution? {
        let t = tokens[k]
        guard t.isWord, let cue = Lexicon.cues[t.hash], isCueHere(k, floor: floor) else { return nil }
        let rule = isRightBefore(k, open: open) ? "speaker-cue-quote" : "reported-speech"
        // `was asked by host Bill Maher`: the agent of a passive verb of saying.
        if k + 2 < open, tokens[k + 1].hash == Hashes.by, let phrase = reader.forward(startingAt: k + 2, ceiling: open) {
            return Attribution(phrase: phrase, cue: TextSpan(tokens[k].start, tokens[k + 1].end), rule: "passive-by")
        }
        // `footage of Trump (reportedly) saying`
        let beforeParticiple = k - 1 >= floor && isAdverb(tokens[k - 1]) ? k - 2 : k - 1
        if cue == .participle, beforeParticiple >= floor,
           reader.nameAt[beforeParticiple] >= 0 || Lexicon.personNouns.contains(tokens[beforeParticiple].hash),
           let phrase = reader.backward(endingAt: beforeParticiple, floor: floor) {
            // `footage of Trump saying, "…"`: the participle describes the name right before it.
            return Attribution(phrase: phrase, cue: span(k), rule: rule)
        }
        if isCoordinated(k, floor: floor), let phrase = coordinatedSubject(k, floor: floor) {
            return Attribution(phrase: phrase, cue: span(k), rule: rule)
        }
        if cue == .participle || isBareBase(k, floor: floor) || isCoordinated(k, floor: floor) {
            guard let phrase = clauseSubject(from: floor, before: k) else { return nil }
            return Attribution(phrase: phrase, cue: span(k), rule: rule)
        }
        guard var att = subject(ofCueAt: k, floor: floor) else { return nil }
        att.rule = rule
        return att
    }

    /// Reported speech inside reported speech (`Israel said Clinton called on members to be
    /// "closely coordinated"`): the quotation reaches the reader through the outer reporter,
    /// whose verb takes the inner clause as its complement. A relative clause (`a surrogate
    /// who said "…"`) stays with its own subject.
    private func outermost(_ inner: Attribution, cueAt k: Int, floor: Int) -> Attribution {
        if inner.phrase.kind == .pronoun, tokens[inner.phrase.head].hash == Hashes.who || tokens[inner.phrase.head].hash == Hashes.which {
            return inner
        }
        // `According to the Herald, a sign read "…"`: the source named first is the one the
        // quotation came through, as after it (`…," Lee said, according to the Herald`).
        var a = floor
        while a < k, tokens[a].kind == .punctuation { a += 1 }
        let subjectStart = min(inner.phrase.tokens.lowerBound, k)
        if a < subjectStart, tokens[a].hash == Hashes.according, subjectStart - 1 > a, tokens[subjectStart - 1].isPunctuation(","),
           let source = accordingTo(at: a, ceiling: subjectStart - 1) {
            return source
        }
        var best = inner
        var j = min(inner.phrase.tokens.lowerBound, k) - 1
        while j >= floor {
            let t = tokens[j]
            // `X told the committee …, when he said, "…"`: a comma or an adverbial clause means the
            // inner verb is not the outer one's complement.
            if t.kind == .punctuation, t.hash == 0x3B || t.hash == 0x3A || t.hash == 0x2C || t.isQuotationMark { break }
            if t.isWord, Self.subordinators.contains(t.hash) { break }
            if t.isWord, Lexicon.reportingVerbs.contains(t.hash), let att = attribution(ofCueAt: j, floor: floor, open: k) {
                var outer = att
                outer.rule = "reported-speech"
                best = outer
                j = min(att.phrase.tokens.lowerBound, j) - 1
                continue
            }
            j -= 1
        }
        return best
    }

    /// `took the stage and called`: a second verb sharing the clause's subject.
    private func isCoordinated(_ k: Int, floor: Int) -> Bool {
        var c = k - 1
        while c >= floor, tokens[c].isWord, Lexicon.auxiliaries.contains(tokens[c].hash) { c -= 1 }
        guard c >= floor, tokens[c].isWord else { return false }
        return Self.coordinators.contains(tokens[c].hash)
    }

    private static let coordinators = WordSet("and but then or yet")
    private static let subordinators = WordSet("when while as after before because since if although though until whereas")

    /// `I laughed and said`: the subject of the first verb, a few words before the `and`.
    private func coordinatedSubject(_ k: Int, floor: Int) -> Phrase? {
        var c = k - 1
        while c >= floor, tokens[c].isWord, Lexicon.auxiliaries.contains(tokens[c].hash) { c -= 1 }
        var j = c - 1
        while j >= floor, c - j <= 8 {
            let t = tokens[j]
            guard t.isWord, !t.flags.contains(.quoted) else { return nil }
            let isSubject = Lexicon.subjectPronouns.contains(t.hash) && t.hash != Hashes.it
                || reader.nameAt[j] >= 0 && reader.names[Int(reader.nameAt[j])].tokens.upperBound - 1 == j
            if isSubject, j + 1 < c, isVerbLike(tokens[j + 1]) || Lexicon.auxiliaries.contains(tokens[j + 1].hash) || isAdverb(tokens[j + 1]) {
                return reader.backward(endingAt: j, floor: floor)
            }
            j -= 1
        }
        return nil
    }

    /// The subject of the verb at `k`: `Daalder said` · `Ivo Daalder, the U.S. Ambassador to
    /// NATO, said` · `Smith, who said` · `he told`.
    func subject(ofCueAt k: Int, floor: Int) -> Attribution? {
        var c = k - 1
        var aux = 0
        while c >= floor, aux < 4, tokens[c].isWord, Lexicon.auxiliaries.contains(tokens[c].hash) || isAdverb(tokens[c]) {
            c -= 1
            aux += 1
        }
        // `Paul D. Ryan, the nation's highest-ranking Republican, on Tuesday called`
        c = skipTimeBackward(c, floor: floor)
        // `The agency has, in a statement, called`: a parenthetical between the subject and its verb.
        c = skipParentheticalBackward(from: c, floor: floor)
        while c >= floor, aux < 6, tokens[c].isWord, Lexicon.auxiliaries.contains(tokens[c].hash) || isAdverb(tokens[c]) {
            c -= 1
            aux += 1
        }
        guard c >= floor else { return nil }
        if let relative = reducedRelativeStart(c, floor: floor), let phrase = reader.backward(endingAt: relative - 1, floor: floor),
           phrase.kind != .pronoun {
            // `the marchers the Herald interviewed said`: the subject is before the relative clause.
            return Attribution(phrase: phrase, cue: span(k), rule: "")
        }
        var description: Range<Int>?
        var phrase: Phrase?
        if tokens[c].isWord, !tokens[c].flags.contains(.quoted), reader.backward(endingAt: c, floor: floor) == nil,
           let near = subjectAcrossAdverbial(from: c, floor: floor) {
            // `who has in the past described`: a short adverbial between subject and verb.
            c = near
        }
        if tokens[c].isPunctuation(",") {
            // `Gov. John Kasich (R-OH), said` · `Another delegate on the slate, Jim Poolman, said`:
            // a person's name right before the comma is the subject.
            // `…, curator at the Harbour Institute of Veldra, Portmoss, said`: the appositive holds the place.
            let near = reader.backward(endingAt: c - 1, floor: floor)
            let place = near.map { isPlaceAfterName($0, floor: floor) } ?? false
            if let near, isPersonLike(near), !place {
                phrase = near
                var p = near.tokens.lowerBound - 1
                if p > floor, tokens[p].isPunctuation(",") {
                    let end = p
                    p -= 1
                    while p >= floor, end - p < 20, !tokens[p].isPunctuation(","), !tokens[p].isQuotationMark { p -= 1 }
                    if p + 1 < end, p < floor || !tokens[p].isQuotationMark { description = (p + 1)..<end }
                }
            } else {
                // An appositive or relative clause between two commas.
                var p = place ? (near?.tokens.lowerBound ?? c) - 2 : c - 1
                while p >= floor, c - p < 30, !tokens[p].isPunctuation(","), !tokens[p].isQuotationMark, !tokens[p].isPunctuation(";") {
                    p -= 1
                }
                guard p > floor, tokens[p].isPunctuation(",") else { return nil }
                phrase = reader.backward(endingAt: p - 1, floor: floor)
                description = (p + 1)..<c
                if let ph = phrase, ph.kind == .description, ph.tokens.count == 1 { phrase = nil }
            }
        } else {
            phrase = reader.backward(endingAt: c, floor: floor)
        }
        guard var found = phrase else { return nil }
        if let description, found.description == nil { found.description = description }
        var att = Attribution(phrase: found, cue: span(k), rule: "")
        if found.kind == .pronoun, tokens[found.head].hash == Hashes.who || tokens[found.head].hash == Hashes.which {
            // `Smith, who said`: the relative pronoun stands for the phrase before its comma.
            var r = found.head - 1
            if r >= floor, tokens[r].isPunctuation(",") { r -= 1 }
            att.antecedent = reader.backward(endingAt: r, floor: floor)
        }
        return att
    }

    /// `the Harbour Institute of Veldra, Portmoss,`: a lone name set off after an organisation's or
    /// a place's name is where it is, not a person (the speaker is before the appositive).
    private func isPlaceAfterName(_ phrase: Phrase, floor: Int) -> Bool {
        guard phrase.kind == .name, phrase.description == nil, let m = phrase.name, reader.names[m].words.count == 1 else { return false }
        let comma = phrase.tokens.lowerBound - 1
        guard comma - 1 > floor, tokens[comma].isPunctuation(","), reader.nameAt[comma - 1] >= 0 else { return false }
        let before = reader.names[Int(reader.nameAt[comma - 1])]
        return before.kind == .organization || before.kind == .place
    }

    /// Before a parenthetical between commas opened by a preposition that ends at `c` (the comma
    /// before the verb), or `c`.
    private func skipParentheticalBackward(from c: Int, floor: Int) -> Int {
        guard c > floor, tokens[c].isPunctuation(",") else { return c }
        var p = c - 1
        while p > floor, c - p < 12, !tokens[p].isPunctuation(","), !tokens[p].isQuotationMark, !tokens[p].isPunctuation(".") { p -= 1 }
        guard p > floor, tokens[p].isPunctuation(","), p + 1 < c, tokens[p + 1].isWord,
              Self.parentheticalOpeners.contains(tokens[p + 1].hash) else { return c }
        return p - 1
    }

    /// `the people the Herald interviewed`, `the voters we met`: where a relative clause without
    /// `who` starts, when its verb (a past form) ends at `c`.
    private func reducedRelativeStart(_ c: Int, floor: Int) -> Int? {
        let verb = tokens[c]
        guard c - 2 >= floor, verb.isWord, !verb.isCapitalized, Lexicon.cues[verb.hash] == nil, NameFinder.endsWith(verb, "ed", s),
              !Lexicon.auxiliaries.contains(verb.hash) else { return nil }
        var start = c - 1
        if reader.nameAt[start] >= 0 {
            let mention = reader.names[Int(reader.nameAt[start])]
            guard mention.tokens.upperBound - 1 == start else { return nil }
            start = mention.title.isEmpty ? mention.tokens.lowerBound : mention.title.lowerBound
            if start - 1 >= floor, tokens[start - 1].hash == Hashes.the { start -= 1 }
        } else if !(tokens[start].isWord && Lexicon.subjectPronouns.contains(tokens[start].hash) && tokens[start].hash != Hashes.who
                    && tokens[start].hash != Hashes.which && tokens[start].hash != Hashes.it) {
            return nil
        }
        // The relative clause follows a noun for people (`marchers`, `officials`).
        guard start - 1 >= floor, tokens[start - 1].isWord, !tokens[start - 1].isCapitalized else { return nil }
        let noun = tokens[start - 1]
        let agentPlural = NameFinder.endsWith(noun, "ers", s) || NameFinder.endsWith(noun, "ors", s) || NameFinder.endsWith(noun, "ists", s)
        guard Lexicon.personNouns.contains(noun.hash) || agentPlural else { return nil }
        return start
    }

    /// Before a time phrase that ends at `c` (`on Tuesday`, `last week`, `Friday`), or `c`.
    private func skipTimeBackward(_ c: Int, floor: Int) -> Int {
        // `Day said`: a time word inside a name is the name.
        guard c >= floor, tokens[c].isWord, Self.timeWords.contains(tokens[c].hash), reader.nameAt[c] < 0 else { return c }
        var j = c - 1
        while j >= floor, c - j < 4, tokens[j].isWord, Self.timeWords.contains(tokens[j].hash) || Self.timeOpeners.contains(tokens[j].hash) {
            j -= 1
        }
        return j
    }

    /// After a time phrase that starts at `c`, or `c`.
    private func skipTimeForward(_ c: Int, ceiling: Int) -> Int {
        var j = c
        while j < ceiling, j - c < 4, tokens[j].isWord, Self.timeWords.contains(tokens[j].hash) || Self.timeOpeners.contains(tokens[j].hash) {
            j += 1
        }
        // Only a phrase that holds a time word counts (`on Tuesday`, not `on immigration`).
        for i in c..<j where Self.timeWords.contains(tokens[i].hash) { return j }
        return c
    }

    private static let timeWords = WordSet("""
        monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week weekend month year \
        morning afternoon evening night day days weeks months years earlier later recently ago
        """)
    private static let timeOpeners = WordSet("on last this that earlier late early in during over the a past next")

    /// A pronoun or name a few words before `c`, past a short adverbial (`in the past`,
    /// `on Twitter`), with only lower-case words and prepositions between.
    private func subjectAcrossAdverbial(from c: Int, floor: Int) -> Int? {
        var j = c
        while j >= floor, c - j < 6 {
            let t = tokens[j]
            guard t.isWord, !t.flags.contains(.quoted), Lexicon.cues[t.hash] == nil else { return nil }
            if j < c, Lexicon.subjectPronouns.contains(t.hash) || reader.nameAt[j] >= 0 && reader.names[Int(reader.nameAt[j])].tokens.upperBound - 1 == j {
                var after = j + 1
                while after < c, Lexicon.auxiliaries.contains(tokens[after].hash) { after += 1 }
                // `visitors who they think speak`: the relative pronoun is the subject, and the
                // pronoun only holds the belief.
                if after == c, j - 1 >= floor, tokens[j - 1].hash == Hashes.who || tokens[j - 1].hash == Hashes.whom { return nil }
                return Lexicon.stopWords.contains(tokens[after].hash) || after == c ? j : nil
            }
            if t.isCapitalized { return nil }
            j -= 1
        }
        return nil
    }

    /// The subject of the clause before token `k`: the phrase opening the sentence (after
    /// `But`, `Meanwhile`), or right after one of its first commas (`Last week, the Clinton
    /// campaign called …`, `the Daily Beast, which ran …`), with a verb after it.
    private func clauseSubject(from floor: Int, before k: Int) -> Phrase? { clauseSubjectAndVerb(from: floor, before: k)?.phrase }

    private func clauseSubjectAndVerb(from floor: Int, before k: Int) -> (phrase: Phrase, verb: Int)? {
        var starts = [floor]
        var i = floor
        while i < k, starts.count < 4 {
            if tokens[i].kind == .punctuation, Self.clauseSeparators.contains(tokens[i].hash), !isJoiningDash(i) { starts.append(i + 1) }
            i += 1
        }
        for start in starts {
            var j = start
            while j < k, tokens[j].isWord, Self.openers.contains(tokens[j].hash) { j += 1 }
            while j < k, tokens[j].kind == .punctuation, j - start < 2 { j += 1 }
            guard j < k, let phrase = reader.forward(startingAt: j, ceiling: k), canSpeak(phrase),
                  let verb = verbAfter(phrase, before: k) else {
                continue
            }
            if var name = verb.appositive {
                // `The new governor of the region, Tomas Berg, proposed`: the person named.
                name.description = phrase.tokens
                return (name, verb.verb)
            }
            return (phrase, verb.verb)
        }
        return nil
    }

    /// A dash between two words with no space (`Saffir–Simpson`, `2015–16`): inside a name, not
    /// between clauses.
    private func isJoiningDash(_ i: Int) -> Bool {
        guard i > 0, i + 1 < tokens.count, tokens[i].hash == 0x2013 || tokens[i].hash == 0x2014 else { return false }
        return tokens[i - 1].end == tokens[i].start && tokens[i + 1].start == tokens[i].end
    }

    /// `,` `—` `–` `)` `:`: what can come right before a clause's subject.
    private static let clauseSeparators: Set<UInt64> = [0x2C, 0x2014, 0x2013, 0x29, 0x3A]

    private static let copulas = WordSet("is was be been has had seems seemed appears appeared would will")

    /// Words that open a sentence before its subject.
    private static let openers = WordSet("but and so yet then still meanwhile however also instead indeed now later earlier thus")

    /// People, institutions and the pronouns that stand for them; not places, not a dummy `it`.
    private func canSpeak(_ phrase: Phrase) -> Bool {
        switch phrase.kind {
        case .pronoun:
            // A dummy `it` (`it's been common`, `it was clear`) says nothing.
            let next = phrase.tokens.upperBound
            return tokens[phrase.head].hash != Hashes.it || next < tokens.count && !Self.copulas.contains(tokens[next].hash)
                && tokens[next].start == tokens[phrase.head].end + 1
        case .name: return reader.names[phrase.name ?? 0].kind != .place
        case .description: return isPersonHead(phrase)
        }
    }

    /// Where the verb of a clause whose subject is `phrase` is, and the name in apposition to a
    /// description (`The new governor of the region, Tomas Berg, proposed`: `Tomas Berg`).
    private func verbAfter(_ phrase: Phrase, before k: Int) -> (verb: Int, appositive: Phrase?)? {
        var c = skipParenthesis(phrase.tokens.upperBound, ceiling: k)
        var appositive: Phrase?
        // `Senator Ben Cardin of Maryland`: where a named person is from.
        if phrase.kind == .name, c + 1 < k, tokens[c].hash == Hashes.of || tokens[c].hash == Hashes.from, reader.nameAt[c + 1] >= 0 {
            c = reader.names[Int(reader.nameAt[c + 1])].tokens.upperBound
        } else if phrase.kind == .name, c + 2 < k, tokens[c].hash == Hashes.of || tokens[c].hash == Hashes.from,
                  tokens[c + 1].hash == Hashes.the, let verb = pastVerb(afterNameAt: c + 2, before: k) {
            // `Ann Lee of the Portmoss Maritime Heritage Institute disputed`: a long name.
            c = verb
        } else if phrase.kind == .name, c + 1 < k, tokens[c].isWord, tokens[c].hash == Hashes.of || tokens[c].hash == Hashes.from {
            // `Mick Lee of the Blue Hills band reacted`: a short phrase, then a verb in the past.
            var p = c + 1
            while p < k, p - c <= 6, tokens[p].isWord, Lexicon.cues[tokens[p].hash] == nil,
                  tokens[p].isCapitalized || !NameFinder.endsWith(tokens[p], "ed", s) {
                p += 1
            }
            if p < k, p - c <= 6, tokens[p].isWord, !tokens[p].isCapitalized { c = p }
        }
        // `the new governor of the region, …`: a short phrase saying whose, before an appositive.
        if phrase.kind == .description, c < k, tokens[c].isWord, tokens[c].hash == Hashes.of {
            var p = c + 1
            while p < k, p - c <= 5, tokens[p].isWord, !tokens[p].flags.contains(.quoted) { p += 1 }
            if p < k, p > c + 1, tokens[p].isPunctuation(",") { c = p }
        }
        // `Christie, New Jersey’s sitting governor, repeated`: an appositive between commas.
        if c < k, tokens[c].isPunctuation(",") {
            var p = c + 1
            while p < k, p - c < 20, !tokens[p].isPunctuation(","), !tokens[p].isQuotationMark { p += 1 }
            if p < k, tokens[p].isPunctuation(","), p > c + 1 {
                if phrase.kind == .description, reader.nameAt[p - 1] >= 0, let name = reader.backward(endingAt: p - 1, floor: c + 1),
                   name.kind == .name, name.tokens.lowerBound == c + 1, isPersonLike(name) {
                    appositive = name
                }
                c = p + 1
            }
        }
        c = skipParenthetical(from: c, ceiling: k)
        c = skipTimeForward(c, ceiling: k)
        var skipped = 0
        // `The survey itself found`: a reflexive stressing the subject, not a verb.
        while c < k, skipped < 4, tokens[c].isWord,
              Lexicon.auxiliaries.contains(tokens[c].hash) || isAdverb(tokens[c]) || skipped == 0 && Self.reflexives.contains(tokens[c].hash) {
            c += 1
            skipped += 1
        }
        guard c <= k, c < tokens.count else { return nil }
        if tokens[c].isWord, Self.timePrepositions.contains(tokens[c].hash) {
            // `Donald Trump on Thursday ratcheted up …`: a short time or place phrase first.
            var p = c + 1
            while p < k, p - c <= 4, tokens[p].isWord, !isVerbLike(tokens[p]) || tokens[p].isCapitalized || Lexicon.determiners.contains(tokens[p].hash) {
                p += 1
            }
            if p < k, p - c <= 4, isVerbLike(tokens[p]) { return (p, appositive) }
        }
        guard isVerbLike(tokens[c]) || tokens[c].isWord && Lexicon.cues[tokens[c].hash] != nil else { return nil }
        return (c, appositive)
    }

    /// A verb in the past or of saying right after the name at `n` (`the Harbour Institute
    /// disputed`), or after its place (`the University of Veldra, Portmoss disputed`).
    private func pastVerb(afterNameAt n: Int, before k: Int) -> Int? {
        guard reader.nameAt[n] >= 0 else { return nil }
        var c = reader.names[Int(reader.nameAt[n])].tokens.upperBound
        if c + 2 < k, tokens[c].isPunctuation(","), reader.nameAt[c + 1] >= 0 {
            c = reader.names[Int(reader.nameAt[c + 1])].tokens.upperBound
        }
        guard c < k, tokens[c].isWord, !tokens[c].isCapitalized,
              Lexicon.cues[tokens[c].hash] != nil || NameFinder.endsWith(tokens[c], "ed", s) else { return nil }
        return c
    }

    private static let reflexives = WordSet("itself himself herself themselves myself ourselves yourself")

    /// Past a parenthetical between commas opened by a preposition (`, during his speech on
    /// Monday,` · `, in a statement,`) at `c`, or `c`.
    private func skipParenthetical(from c: Int, ceiling: Int) -> Int {
        var start = c
        if start < ceiling, tokens[start].isPunctuation(",") { start += 1 }
        guard start < ceiling, tokens[start].isWord, Self.parentheticalOpeners.contains(tokens[start].hash) else { return c }
        var p = start + 1
        while p < ceiling, p - start < 12, !tokens[p].isPunctuation(","), !tokens[p].isQuotationMark, !tokens[p].isPunctuation(".") {
            p += 1
        }
        return p < ceiling && tokens[p].isPunctuation(",") ? p + 1 : c
    }

    private static let parentheticalOpeners = WordSet("in on at during after before according speaking writing however though")

    private static let timePrepositions = WordSet("on in at during last this earlier")

    /// `gingerly`, `flatly`: an adverb between a subject and its verb.
    func isAdverb(_ t: Token) -> Bool {
        guard t.isWord, !t.isCapitalized, t.end - t.start > 4 else { return false }
        return t.hash != Hashes.only && NameFinder.endsWith(t, "ly", s)
    }

    // MARK: 4. `X: "…"`

    private func label(_ b: Bounds) -> Attribution? {
        let sentenceStart = tokens.firstIndex(startingAtOrAfter: article.sentences.isEmpty ? 0 : article.sentences[b.sentence].span.start)
        if sentenceStart < b.open, let phrase = reader.forward(startingAt: sentenceStart, ceiling: b.open),
           phrase.kind == .name, phrase.tokens.upperBound < b.open {
            var colon = phrase.tokens.upperBound
            // `Ann Berg Endorses Tom Lee: I Am 'Proud'`: a headline's subject, verb and object.
            if tokens[colon].isWord, tokens[colon].isCapitalized, reader.nameAt[colon] < 0, colon + 1 < b.open,
               reader.nameAt[colon + 1] >= 0 {
                colon = reader.names[Int(reader.nameAt[colon + 1])].tokens.upperBound
            }
            if colon < b.open, tokens[colon].isPunctuation(":") {
                return Attribution(phrase: phrase, cue: span(colon), rule: "label")
            }
        }
        // `A lesson from Loretta Lynch: 'Be the voice …'`: a name, a colon, the quotation.
        let colon = b.open - 1
        if colon > b.floor, tokens[colon].isPunctuation(":"), reader.nameAt[colon - 1] >= 0,
           let phrase = reader.backward(endingAt: colon - 1, floor: b.floor), phrase.kind == .name {
            // `Trump took a parting shot on Twitter: "…"`: a name after a preposition is where it
            // was said; the clause's subject said it.
            let before = phrase.tokens.lowerBound - 1
            if before > b.floor, tokens[before].isWord, Self.mediumPrepositions.contains(tokens[before].hash) {
                guard let found = clauseSubjectAndVerb(from: b.floor, before: before) else { return nil }
                return Attribution(phrase: found.phrase, cue: span(colon), rule: "label")
            }
            // `Ann Berg Endorses Tom Lee: 'I Am Proud'`: in a headline, the subject of the verb
            // before the name speaks, not its object.
            let verb = phrase.tokens.lowerBound - 1
            if verb > sentenceStart, tokens[verb].isWord, tokens[verb].isCapitalized, reader.nameAt[verb] < 0,
               reader.nameAt[verb - 1] >= 0, let subject = reader.backward(endingAt: verb - 1, floor: sentenceStart),
               subject.kind == .name, subject.tokens.lowerBound == sentenceStart {
                return Attribution(phrase: subject, cue: span(colon), rule: "label")
            }
            return Attribution(phrase: phrase, cue: span(colon), rule: "label")
        }
        return nil
    }

    private static let mediumPrepositions = WordSet("on via in through over")

    // MARK: 5. A verb of saying later in the sentence

    private func laterCue(_ b: Bounds) -> Attribution? {
        let sentenceEnd = article.sentences.isEmpty ? s.count : article.sentences[b.sentence].span.end
        let ceiling = min(b.ceiling, tokens.firstIndex(startingAtOrAfter: sentenceEnd))
        var k = b.after
        while k < ceiling {
            let t = tokens[k]
            if t.isWord, let cue = Lexicon.cues[t.hash], cue != .participle, isCueHere(k, floor: b.after) {
                // `"American Skin" was written by Springsteen`
                if k + 2 < ceiling, tokens[k + 1].hash == Hashes.by, let phrase = reader.forward(startingAt: k + 2, ceiling: ceiling) {
                    return Attribution(phrase: phrase, cue: TextSpan(tokens[k].start, tokens[k + 1].end), rule: "passive-by")
                }
                if let att = subject(ofCueAt: k, floor: b.after) {
                    var result = att
                    result.rule = "later-cue"
                    return result
                }
                // `"…" about the decision, said RoseAnn DeMoro, executive director of …`
                if cue == .speech, k > b.after, tokens[k - 1].isPunctuation(","),
                   let phrase = reader.forward(startingAt: k + 1, ceiling: ceiling), phrase.kind != .pronoun {
                    return Attribution(phrase: phrase, cue: span(k), rule: "later-cue")
                }
            }
            if t.isWord, t.hash == Hashes.according, let att = accordingTo(at: k, ceiling: ceiling) { return att }
            k += 1
        }
        return nil
    }

    /// The speaker a sentence names with a verb of saying (`Carter said that …`), for a
    /// quotation that follows it with no attribution of its own.
    /// With `anyVerb`, a sentence without a verb of saying gives its subject if a verb follows it.
    func speakerOfSentence(_ sentence: Int, anyVerb: Bool = false) -> Attribution? {
        let extent = article.sentences[sentence].span
        let floor = tokens.firstIndex(startingAtOrAfter: extent.start)
        let end = min(tokens.firstIndex(startingAtOrAfter: extent.end), floor + Self.window * 2)
        var k = floor
        while k < end {
            let t = tokens[k]
            if t.isWord, let cue = Lexicon.cues[t.hash], isCueHere(k, floor: floor) {
                if cue == .participle || isBareBase(k, floor: floor) || isCoordinated(k, floor: floor) {
                    if let phrase = clauseSubject(from: floor, before: k) {
                        return Attribution(phrase: phrase, cue: span(k), rule: "")
                    }
                } else if let att = subject(ofCueAt: k, floor: floor) {
                    return att
                }
            } else if t.isWord, Self.issuingVerbs.contains(t.hash), issuesDocument(k, end: end), let att = subject(ofCueAt: k, floor: floor) {
                // `Senator Ann Lee issued a statement on the closure. "I am disappointed …"`
                return att
            }
            k += 1
        }
        guard anyVerb, let phrase = clauseSubject(from: floor, before: end) else { return nil }
        return Attribution(phrase: phrase, cue: nil, rule: "")
    }

    // MARK: 6. Whose words

    /// `Clinton’s campaign slogan is "…"` · `his call for "…"` · `their chants of "…"`: a noun for
    /// something said, owned by a name or a possessive pronoun, before the quotation.
    private func possessiveSpeech(_ b: Bounds) -> Attribution? {
        var k = b.open - 1
        while k > b.floor, b.open - k <= 12 {
            let t = tokens[k]
            if t.isWord, !t.flags.contains(.quoted), Self.speechNouns.contains(t.hash) {
                // The owner right before the noun, or before a modifier (`campaign slogan`).
                var o = k - 1
                if o > b.floor, tokens[o].isWord, !tokens[o].flags.contains(.possessive), reader.nameAt[o] < 0,
                   !Self.possessivePronouns.contains(tokens[o].hash), reader.isDescriptionWord(tokens[o]) {
                    o -= 1
                }
                guard o >= b.floor, tokens[o].isWord else { return nil }
                if Self.possessivePronouns.contains(tokens[o].hash) {
                    return Attribution(phrase: Phrase(kind: .pronoun, tokens: o..<(o + 1), head: o), cue: span(k), rule: "possessive")
                }
                if tokens[o].flags.contains(.possessive), reader.nameAt[o] >= 0,
                   let phrase = reader.backward(endingAt: o, floor: b.floor), phrase.kind == .name {
                    return Attribution(phrase: phrase, cue: span(k), rule: "possessive")
                }
                return nil
            }
            k -= 1
        }
        return nil
    }

    private static let speechNouns = WordSet("""
        slogan phrase words word remarks remark comments comment statement claim claims call calls chant chants \
        message promise pledge warning warnings response reply answer vow motto line lines tweet tweets \
        assertion accusation description characterization argument question questions insistence refrain mantra
        """)

    /// `his`, `her`, `their`, `its`: the owners a possessive rule resolves like pronouns.
    private static let possessivePronouns = WordSet("his her their its")

    // MARK: 7. The sentence's subject

    /// A quoted fragment in a sentence with no verb of saying known to the lexicon
    /// (`Ramos believes in journalism that "takes sides."`): the subject of the sentence, when
    /// a verb follows it.
    private func sentenceSubject(_ b: Bounds) -> Attribution? {
        // The cue is the clause's verb, past what stands between it and the subject (`Mick Lee
        // of the band reacted`).
        // `Comey declined to charge her even though he found "evidence"`: a subordinate clause
        // nearer the quotation has a subject of its own.
        if let inner = subordinateClause(holding: b) {
            return Attribution(phrase: inner.phrase, cue: span(inner.verb), rule: "sentence-subject")
        }
        guard let found = clauseSubjectAndVerb(from: b.floor, before: b.open), found.verb < b.open else { return nil }
        return Attribution(phrase: found.phrase, cue: span(found.verb), rule: "sentence-subject")
    }

    /// The subject and verb of a subordinate clause (`when Lee said`, `even though he found`) that
    /// holds the quotation: not one that ended before it (`after police fired, and …`).
    private func subordinateClause(holding b: Bounds) -> (phrase: Phrase, verb: Int)? {
        var k = b.open - 1
        while k >= b.floor {
            let t = tokens[k]
            if t.isPunctuation(";") || t.isPunctuation(",") && Self.coordinators.contains(tokens[k + 1].hash) { return nil }
            // `Hours after …, Ann Lee wrote "…"`: a name or pronoun after a comma opens the main clause.
            if t.isPunctuation(","), k + 1 < b.open - 1, tokens[k + 1].isWord,
               reader.nameAt[k + 1] >= 0 || Lexicon.subjectPronouns.contains(tokens[k + 1].hash) {
                return nil
            }
            if t.isWord, Self.subordinators.contains(t.hash), let inner = clauseSubjectAndVerb(from: k + 1, before: b.open),
               inner.verb < b.open, inner.phrase.tokens.lowerBound == k + 1 {
                // `Although the IMF did not …, the fund referenced "…"`: a main clause after a comma
                // between them holds it (looked for only now: subordinate clauses are rare).
                for c in (k + 1)..<(b.open - 1) where tokens[c].isPunctuation(",") {
                    if let main = clauseSubjectAndVerb(from: c + 1, before: b.open), main.verb < b.open, main.phrase.tokens.lowerBound == c + 1 {
                        return nil
                    }
                }
                return inner
            }
            k -= 1
        }
        return nil
    }

    // MARK: Helpers

    /// A cue word is a verb here unless it is a common noun with nothing verb-like before it
    /// (`the states`, `a report`).
    private func isCueHere(_ k: Int, floor: Int) -> Bool {
        let t = tokens[k]
        guard !t.flags.contains(.quoted), t.isWord else { return false }
        // A capitalised verb only in a title-case line (`Hillary Clinton Says …`).
        if t.isCapitalized, t.flags.contains(.sentenceStart) || k == 0 || !tokens[k - 1].isCapitalized { return false }
        if t.hash == Hashes.put {
            // `as Vulture put it, "…"`
            return k + 2 < tokens.count && tokens[k + 1].hash == Hashes.it && tokens[k + 2].kind == .punctuation
        }
        guard Lexicon.ambiguousCues.contains(t.hash) else { return true }
        // `The decree signed by the Pope read "…"`: `read` right before a quotation is the verb.
        if t.hash == Self.read, k + 1 < tokens.count, k - 1 >= floor, !Lexicon.determiners.contains(tokens[k - 1].hash) {
            let next = tokens[k + 1].isPunctuation(":") || tokens[k + 1].isPunctuation(",") ? k + 2 : k + 1
            if next < tokens.count, tokens[next].isQuotationMark { return true }
        }
        guard k - 1 >= floor else { return false }
        let p = tokens[k - 1]
        if Lexicon.determiners.contains(p.hash) || p.flags.contains(.possessive) { return false }
        if p.isPunctuation(",") || Lexicon.auxiliaries.contains(p.hash) || Lexicon.subjectPronouns.contains(p.hash) { return true }
        // After a noun, only an inflected form is a verb: `the spokesman notes`, `Trump claims`,
        // but `campaign message`, `Republican claims`.
        let inflected = NameFinder.endsWith(t, "s", s) || NameFinder.endsWith(t, "ed", s)
        if reader.nameAt[k - 1] >= 0 { return inflected }
        return inflected && !p.isCapitalized && (Lexicon.personNouns.contains(p.hash) || Lexicon.institutionNouns.contains(p.hash))
    }

    /// `say`, `tell` with no auxiliary or subject right before: `to say`, `would say` are not finite.
    private func isBareBase(_ k: Int, floor: Int) -> Bool {
        guard Lexicon.baseForms.contains(tokens[k].hash), k - 1 >= floor else { return false }
        return tokens[k - 1].hash == Hashes.to
    }

    /// Only punctuation or `that` between the cue and the quotation.
    private func isRightBefore(_ k: Int, open: Int) -> Bool {
        var i = k + 1
        var words = 0
        while i < open {
            let t = tokens[i]
            if t.kind != .punctuation && t.hash != Hashes.that { words += 1 }
            i += 1
        }
        // `said:` · `said that` · `told WEEI:` · `told reporters on Thursday,`
        return words == 0 || words <= 6 && open - 1 > k && (tokens[open - 1].isPunctuation(":") || tokens[open - 1].isPunctuation(","))
    }

    private func isSeparator(_ t: Token) -> Bool {
        guard t.kind == .punctuation else { return false }
        let v = t.hash
        return v == 0x2C || isDash(t) || v == 0x29 || v == 0x5D || t.isQuotationMark
    }

    private func isDash(_ t: Token) -> Bool {
        guard t.kind == .punctuation else { return false }
        switch t.hash {
        case 0x2014, 0x2013, 0x2015, 0x2D: return true
        default: return false
        }
    }

    /// The end (a comma) of an appositive that starts at `from`, when a verb of saying follows it.
    private func appositiveEnd(from: Int, ceiling: Int) -> Int? {
        var k = from
        while k < ceiling, k - from < 30 {
            let t = tokens[k]
            if t.isQuotationMark || t.isPunctuation(".") && !(k > from && tokens[k - 1].end == t.start && tokens[k - 1].end - tokens[k - 1].start <= 4) || t.isPunctuation(";") {
                return nil
            }
            if t.isPunctuation(",") {
                var c = k + 1
                var aux = 0
                while c < ceiling, aux < 4, Lexicon.auxiliaries.contains(tokens[c].hash) {
                    c += 1
                    aux += 1
                }
                if c < ceiling, tokens[c].isWord, let cue = Lexicon.cues[tokens[c].hash], cue != .participle {
                    return k
                }
            }
            k += 1
        }
        return nil
    }

    private func skipParenthesis(_ c: Int, ceiling: Int) -> Int {
        guard c < ceiling, tokens[c].isPunctuation("(") else { return c }
        var k = c + 1
        while k < ceiling, k - c < 12, !tokens[k].isPunctuation(")") { k += 1 }
        return k < ceiling ? k + 1 : c
    }

    func span(_ k: Int) -> TextSpan { TextSpan(tokens[k].start, tokens[k].end) }
}
