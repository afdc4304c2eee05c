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
/// sieves): the most reliable, closest patterns first.
///
/// 1. `quote-speaker-cue` / `quote-cue-speaker`: `"…," Daalder said` · `"…," said Daalder`
/// 2. `according-to`: `"…," according to X` · `According to X, "…"`
/// 3. `speaker-cue-quote`: `X said: "…"` · `X told Y …, when he said, "…"` · `X called it "…"`
/// 4. `label`: `X: "…"` (a name and a colon opening the sentence)
/// 5. `later-cue`: a verb of saying later in the sentence (`the "disaster" of a deal, X said`)
/// Then, once identities are known (`SpeakerResolver`), quotations still without a speaker take
/// one from their neighbours: `same-sentence`, `continuation` (the next sentence or a
/// paragraph that is only a quotation), `introduced-by-colon` (`X said:` closing the paragraph
/// before).
struct AttributionSieves {
    let article: Article
    let s: UnsafeBufferPointer<Unicode.Scalar>
    let tokens: [Token]
    let reader: PhraseReader
    let quotes: [DetectedQuote]

    /// Furthest the rules look from a quotation, in tokens.
    static let window = 45

    struct Bounds {
        /// First token of the quotation (its opening mark) and first token after it.
        var open: Int
        var after: Int
        /// Where looking back stops (sentence start or previous quotation) and where looking
        /// ahead stops (paragraph end, next quotation, or the window).
        var floor: Int
        var ceiling: Int
        var sentence: Int
        var paragraph: Int
    }

    func bounds(_ q: Int) -> Bounds {
        let quote = quotes[q]
        let open = tokens.firstIndex(startingAtOrAfter: quote.span.start)
        let after = tokens.firstIndex(startingAtOrAfter: quote.span.end)
        let sentence = article.sentenceIndex(containing: quote.span.start) ?? 0
        let paragraph = article.paragraphIndex(containing: quote.span.start) ?? 0
        let paragraphEnd = article.paragraphs.isEmpty ? s.count : article.paragraphs[article.paragraphIndex(containing: max(0, quote.span.end - 1)) ?? 0].span.end
        var floorOffset = article.sentences.isEmpty ? 0 : article.sentences[sentence].span.start
        if q > 0, quotes[q - 1].span.end > floorOffset, quotes[q - 1].span.end <= quote.span.start {
            floorOffset = quotes[q - 1].span.end
        }
        var ceilingOffset = paragraphEnd
        if q + 1 < quotes.count, quotes[q + 1].span.start < ceilingOffset { ceilingOffset = quotes[q + 1].span.start }
        let floor = max(tokens.firstIndex(startingAtOrAfter: floorOffset), open - Self.window)
        let ceiling = min(tokens.firstIndex(startingAtOrAfter: ceilingOffset), after + Self.window)
        return Bounds(open: open, after: max(after, open), floor: floor, ceiling: max(ceiling, after), sentence: sentence, paragraph: paragraph)
    }

    /// The in-sentence rules, in order.
    func attribute(_ q: Int) -> Attribution? {
        let b = bounds(q)
        return trailing(b) ?? leading(b, q) ?? label(b) ?? laterCue(b)
    }

    // MARK: 1. After the quotation

    private func trailing(_ b: Bounds) -> Attribution? {
        var a = b.after
        var skipped = 0
        while a < b.ceiling, skipped < 3, isSeparator(tokens[a]) {
            a += 1
            skipped += 1
        }
        guard a < b.ceiling else { return nil }
        if let att = accordingTo(at: a, ceiling: b.ceiling) { return att }
        let t = tokens[a]
        // `"…," said Daalder` (an inverted subject after the verb).
        if t.isWord, let cue = Lexicon.cues[t.hash], cue == .speech {
            var p = a + 1
            while p < b.ceiling, Lexicon.auxiliaries.contains(tokens[p].hash), p - a < 3 { p += 1 }
            if let phrase = reader.forward(startingAt: p, ceiling: b.ceiling), phrase.kind != .pronoun || isSubjectPronounAfterVerb(phrase) {
                return Attribution(phrase: phrase, cue: span(a), rule: "quote-cue-speaker")
            }
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
        guard c < b.ceiling, tokens[c].isWord, let cue = Lexicon.cues[tokens[c].hash], cue != .participle else { return nil }
        var result = phrase
        if let description { result.description = description }
        var att = Attribution(phrase: result, cue: span(c), rule: "quote-speaker-cue")
        if phrase.kind == .pronoun, tokens[phrase.head].hash == Hashes.who { att.antecedent = nil }
        return att
    }

    /// `said he` is rare but `said she` occurs; `it` and `they` after a verb are objects.
    private func isSubjectPronounAfterVerb(_ phrase: Phrase) -> Bool {
        let h = tokens[phrase.head].hash
        return h == WordHash.of("he") || h == WordHash.of("she")
    }

    // MARK: 2. According to

    private func accordingTo(at a: Int, ceiling: Int) -> Attribution? {
        guard a + 2 < ceiling, tokens[a].hash == Hashes.according, tokens[a + 1].hash == Hashes.to,
              let phrase = reader.forward(startingAt: a + 2, ceiling: ceiling) else { return nil }
        return Attribution(phrase: phrase, cue: TextSpan(tokens[a].start, tokens[a + 1].end), rule: "according-to")
    }

    // MARK: 3. Before the quotation, in its sentence

    private func leading(_ b: Bounds, _ q: Int) -> Attribution? {
        var k = b.open - 1
        while k >= b.floor {
            let t = tokens[k]
            if t.isWord, t.hash == Hashes.according, let att = accordingTo(at: k, ceiling: b.open) { return att }
            if t.isWord, let cue = Lexicon.cues[t.hash], isCueHere(k, floor: b.floor) {
                let direct = isRightBefore(k, open: b.open)
                if cue == .participle || isBareBase(k, floor: b.floor) {
                    if let phrase = clauseSubject(from: b.floor, before: k) {
                        return Attribution(phrase: phrase, cue: span(k), rule: direct ? "speaker-cue-quote" : "reported-speech")
                    }
                } else if let found = subject(ofCueAt: k, floor: b.floor) {
                    var att = found
                    att.rule = direct ? "speaker-cue-quote" : "reported-speech"
                    return att
                }
            }
            k -= 1
        }
        return nil
    }

    /// The subject of the verb at `k`: `Daalder said` · `Ivo Daalder, the U.S. Ambassador to
    /// NATO, said` · `Smith, who said` · `he told`.
    func subject(ofCueAt k: Int, floor: Int) -> Attribution? {
        var c = k - 1
        var aux = 0
        while c >= floor, aux < 4, tokens[c].isWord, Lexicon.auxiliaries.contains(tokens[c].hash) {
            c -= 1
            aux += 1
        }
        guard c >= floor else { return nil }
        var description: Range<Int>?
        var phrase: Phrase?
        if tokens[c].isPunctuation(",") {
            // An appositive or relative clause between two commas.
            var p = c - 1
            while p >= floor, c - p < 30, !tokens[p].isPunctuation(","), !isQuoteMark(tokens[p]), !tokens[p].isPunctuation(";") {
                p -= 1
            }
            guard p > floor, tokens[p].isPunctuation(",") else { return nil }
            phrase = reader.backward(endingAt: p - 1, floor: floor)
            description = (p + 1)..<c
            if let ph = phrase, ph.kind == .description, ph.tokens.count == 1 { phrase = nil }
        } else {
            phrase = reader.backward(endingAt: c, floor: floor)
        }
        guard var found = phrase else { return nil }
        if let description, found.description == nil { found.description = description }
        var att = Attribution(phrase: found, cue: span(k), rule: "")
        if found.kind == .pronoun, tokens[found.head].hash == Hashes.who {
            // `Smith, who said`: the relative pronoun stands for the phrase before its comma.
            var r = found.head - 1
            if r >= floor, tokens[r].isPunctuation(",") { r -= 1 }
            att.antecedent = reader.backward(endingAt: r, floor: floor)
        }
        return att
    }

    /// The main clause's subject for a participle (`Trump hit back, saying`): the first phrase
    /// that can speak, from the clause start.
    private func clauseSubject(from floor: Int, before k: Int) -> Phrase? {
        var i = floor
        while i < k {
            let t = tokens[i]
            if t.isWord, !t.flags.contains(.quoted) {
                if Lexicon.subjectPronouns.contains(t.hash) || reader.nameAt[i] >= 0 {
                    if let phrase = reader.forward(startingAt: i, ceiling: k) {
                        if phrase.kind != .name || names(phrase).kind != .place { return phrase }
                    }
                }
                if Lexicon.determiners.contains(t.hash), let phrase = reader.forward(startingAt: i, ceiling: k),
                   phrase.kind == .description, Lexicon.personNouns.contains(tokens[phrase.head].hash) {
                    return phrase
                }
            }
            i += 1
        }
        return nil
    }

    private func names(_ phrase: Phrase) -> NameMention { reader.names[phrase.name ?? 0] }

    // MARK: 4. `X: "…"`

    private func label(_ b: Bounds) -> Attribution? {
        let sentenceStart = tokens.firstIndex(startingAtOrAfter: article.sentences.isEmpty ? 0 : article.sentences[b.sentence].span.start)
        guard sentenceStart < b.open, let phrase = reader.forward(startingAt: sentenceStart, ceiling: b.open),
              phrase.kind == .name, phrase.tokens.upperBound < b.open, tokens[phrase.tokens.upperBound].isPunctuation(":") else {
            return nil
        }
        return Attribution(phrase: phrase, cue: span(phrase.tokens.upperBound), rule: "label")
    }

    // MARK: 5. A verb of saying later in the sentence

    private func laterCue(_ b: Bounds) -> Attribution? {
        let sentenceEnd = article.sentences.isEmpty ? s.count : article.sentences[b.sentence].span.end
        let ceiling = min(b.ceiling, tokens.firstIndex(startingAtOrAfter: sentenceEnd))
        var k = b.after
        while k < ceiling {
            let t = tokens[k]
            if t.isWord, let cue = Lexicon.cues[t.hash], cue != .participle, isCueHere(k, floor: b.after),
               let att = subject(ofCueAt: k, floor: b.after) {
                var result = att
                result.rule = "later-cue"
                return result
            }
            if t.isWord, t.hash == Hashes.according, let att = accordingTo(at: k, ceiling: ceiling) { return att }
            k += 1
        }
        return nil
    }

    // MARK: Helpers

    /// A cue word is a verb here unless it is a common noun with nothing verb-like before it
    /// (`the states`, `a report`).
    private func isCueHere(_ k: Int, floor: Int) -> Bool {
        let t = tokens[k]
        guard !t.flags.contains(.quoted), t.isWord, !t.isCapitalized || t.flags.contains(.sentenceStart) == false else { return false }
        if t.isCapitalized { return false }
        guard Lexicon.ambiguousCues.contains(t.hash) else { return true }
        guard k - 1 >= floor else { return false }
        let p = tokens[k - 1]
        if Lexicon.determiners.contains(p.hash) || p.flags.contains(.possessive) { return false }
        return p.isPunctuation(",") || Lexicon.auxiliaries.contains(p.hash) || Lexicon.subjectPronouns.contains(p.hash)
            || reader.nameAt[k - 1] >= 0 || Lexicon.personNouns.contains(p.hash) || Lexicon.institutionNouns.contains(p.hash)
    }

    /// `say`, `tell` with no auxiliary or subject right before: `to say`, `would say` are not finite.
    private func isBareBase(_ k: Int, floor: Int) -> Bool {
        guard Lexicon.baseForms.contains(tokens[k].hash), k - 1 >= floor else { return false }
        return tokens[k - 1].hash == Hashes.to
    }

    /// Only punctuation or `that` between the cue and the quotation.
    private func isRightBefore(_ k: Int, open: Int) -> Bool {
        var i = k + 1
        while i < open {
            let t = tokens[i]
            if !(t.kind == .punctuation || t.hash == Hashes.that) { return false }
            i += 1
        }
        return true
    }

    private func isSeparator(_ t: Token) -> Bool {
        guard t.kind == .punctuation else { return false }
        let v = t.hash
        return v == 0x2C || v == 0x2014 || v == 0x2013 || v == 0x2D || v == 0x29 || v == 0x5D || isQuoteMark(t)
    }

    func isQuoteMark(_ t: Token) -> Bool {
        guard t.kind == .punctuation else { return false }
        switch t.hash {
        case 0x22, 0x27, 0x2018, 0x2019, 0x201C, 0x201D, 0xAB, 0xBB, 0x60: return true
        default: return false
        }
    }

    /// The end (a comma) of an appositive that starts at `from`, when a verb of saying follows it.
    private func appositiveEnd(from: Int, ceiling: Int) -> Int? {
        var k = from
        while k < ceiling, k - from < 30 {
            let t = tokens[k]
            if isQuoteMark(t) || t.isPunctuation(".") && !(k > from && tokens[k - 1].end == t.start && tokens[k - 1].end - tokens[k - 1].start <= 4) || t.isPunctuation(";") {
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
