/// After the quotation: `dash-signature` (`"…" ― Ann Lee`), `according-to`, `quote-cue-speaker`
/// (`"…," said Daalder`), `quote-verb-speaker` (`"…!" beamed Ann Lee`), `quote-speaker-cue`
/// (`"…," Daalder said`), `quote-speaker-verb` (`"…," Trump shot back`); then the outer source a
/// trailing `according to` names (`"…," Sanders said, according to CNN`).
extension AttributionSieves {
    func trailing(_ b: Bounds) -> Attribution? {
        var a = b.after
        var skipped = 0
        var comma = false
        while a < b.ceiling, skipped < TokenWindow.separatorsAfterQuotation, isSeparator(tokens[a]) {
            if tokens[a].isPunctuation(",") { comma = true }
            a += 1
            skipped += 1
        }
        guard a < b.ceiling else { return nil }
        // `"…" ― Christina Lastra`: a name signed after a dash.
        if a > b.after, tokens[a - 1].isDash, let phrase = reader.forward(startingAt: a, ceiling: b.ceiling), phrase.kind == .name {
            let next = phrase.tokens.upperBound
            if next >= b.ceiling || tokens[next].kind == .punctuation || tokens[next].flags.contains(.lineStart) {
                return Attribution(phrase: phrase, cue: grammar.span(a - 1), rule: .dashSignature)
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
            while p < b.ceiling, Lexicon.auxiliaries.contains(tokens[p].hash), p - a < TokenWindow.invertedAuxiliaries { p += 1 }
            if let phrase = reader.forward(startingAt: p, ceiling: b.ceiling), phrase.kind != .pronoun || isSubjectPronounAfterVerb(phrase),
               !closed || endsClause(after: phrase.tokens.upperBound, ceiling: b.ceiling) {
                return Attribution(phrase: phrase, cue: grammar.span(a), rule: .quoteCueSpeaker)
            }
        }
        // `"This is fantastic!" beamed Donald Hartley`: any verb in -ed before a name.
        if t.isWord, !t.isCapitalized, Lexicon.cues[t.hash] == nil, grammar.isVerbLike(t), NameFinder.endsWith(t, "ed", s),
           continuesSentence(b), a + 1 < b.ceiling, reader.nameAt[a + 1] >= 0,
           let phrase = reader.forward(startingAt: a + 1, ceiling: b.ceiling), phrase.kind == .name {
            return Attribution(phrase: phrase, cue: grammar.span(a), rule: .quoteVerbSpeaker)
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
        c = grammar.skipParenthesis(c, ceiling: b.ceiling)
        var aux = 0
        while c < b.ceiling, aux < TokenWindow.verbGroup, tokens[c].isWord, Lexicon.auxiliaries.contains(tokens[c].hash) {
            c += 1
            aux += 1
        }
        guard c < b.ceiling, tokens[c].isWord, !tokens[c].isCapitalized || grammar.isCueHere(c, floor: a) else { return nil }
        var result = phrase
        if let description { result.description = description }
        if let cue = Lexicon.cues[tokens[c].hash], cue != .participle {
            if closed, !endsClause(after: c + 1, ceiling: b.ceiling) { return nil }
            return Attribution(phrase: result, cue: grammar.span(c), rule: .quoteSpeakerCue)
        }
        // `"…," Trump shot back`, `"…," she laughed`: right after a quotation that goes on into
        // its sentence, a subject and any verb attribute it.
        // Not when the quotation is inside a clause with a subject of its own (`While Lee calls the
        // plan a "farce," Berg fixates on …`): that subject is the speaker.
        if !closed, continuesSentence(b), grammar.isVerbLike(tokens[c]), tokens[c].hash != Hashes.of,
           phrase.kind != .description || grammar.isPersonHead(phrase), grammar.subordinateClause(holding: b.open, floor: b.floor) == nil {
            var cueEnd = c
            if c + 1 < b.ceiling, Self.particles.contains(tokens[c + 1].hash) { cueEnd = c + 1 }
            return Attribution(phrase: result, cue: TextSpan(tokens[c].start, tokens[cueEnd].end), rule: .quoteSpeakerVerb)
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

    /// True when the quoted words end a sentence (`…now."`) and nothing but space follows the mark.
    func endsSentence(_ quote: DetectedQuote) -> Bool {
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

    /// The clause after a verb of saying ends soon (`Smith said on Thursday.`), with no new
    /// quotation or reported clause starting (`He added, "…"`, `He said that …`).
    private func endsClause(after k: Int, ceiling: Int) -> Bool {
        var i = k
        while i < ceiling, i - k < TokenWindow.clauseAfterCue {
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

    /// `"…," Sanders said, according to CNN`: the source the reporter names last is the one the
    /// quotation came through.
    func outerSource(_ att: Attribution, _ b: Bounds) -> Attribution {
        guard let cue = att.cue else { return att }
        var k = tokens.firstIndex(startingAtOrAfter: cue.end)
        let limit = min(b.ceiling, k + TokenWindow.outerSource)
        while k < limit, !tokens[k].isPunctuation(".") {
            if tokens[k].isPunctuation(","), k + 1 < limit, var outer = accordingTo(at: k + 1, ceiling: b.ceiling) {
                outer.via = att.phrase.kind == .pronoun ? att.antecedent ?? att.phrase : att.phrase
                return outer
            }
            if tokens[k].isQuotationMark { break }
            k += 1
        }
        return sentenceSource(over: att, b)
    }

    /// `Lee called the plan "a gift" on Monday, according to the Herald.` · `…, the Herald
    /// reported.` · `…, reported the Herald.`: a reporting clause that closes the quotation's
    /// sentence names the source everything in it came through; the speaker found in the
    /// sentence is kept as `via`.
    func sentenceSource(over att: Attribution, _ b: Bounds) -> Attribution {
        guard att.rule != .accordingTo, var source = closingReporter(b),
              source.phrase.tokens != att.phrase.tokens else { return att }
        source.via = att.phrase.kind == .pronoun ? att.antecedent ?? att.phrase : att.phrase
        return source
    }

    /// The source named by a reporting clause after the sentence's last comma (or a comma
    /// inside a closing mark: `… on his show, "Talk Hour," the Herald reported.`), when nothing
    /// but that clause follows: `, according to X.` · `, X reported.` · `, reported X.`.
    private func closingReporter(_ b: Bounds) -> Attribution? {
        guard !article.sentences.isEmpty else { return nil }
        var end = min(tokens.firstIndex(startingAtOrAfter: article.sentences[b.sentence].span.end, from: b.after), b.after + TokenWindow.sentence)
        while end > b.after, tokens[end - 1].kind == .punctuation, !tokens[end - 1].isQuotationMark, !tokens[end - 1].isPunctuation(")") { end -= 1 }
        var c = end - 1
        while c >= b.after, end - c <= TokenWindow.outerSource, !tokens[c].isPunctuation(","), !tokens[c].isQuotationMark { c -= 1 }
        guard c > b.after, c + 2 < end, tokens[c].isPunctuation(",") || tokens[c].isQuotationMark && tokens[c - 1].isPunctuation(",") else { return nil }
        if tokens[c + 1].hash == Hashes.according {
            return accordingTo(at: c + 1, ceiling: end)
        }
        // Naming the outlet, as `according to` does: `, reported the Herald.`
        if tokens[c + 1].isWord, Self.reportVerbs.contains(tokens[c + 1].hash) {
            guard let phrase = reader.forward(startingAt: c + 2, ceiling: end), isReporter(phrase),
                  grammar.skipTimeForward(phrase.tokens.upperBound, ceiling: end) == end else { return nil }
            return Attribution(phrase: phrase, cue: grammar.span(c + 1), rule: .accordingTo)
        }
        // `, the Herald first reported.` · `, the Herald reported Tuesday.`
        guard let phrase = reader.forward(startingAt: c + 1, ceiling: end), phrase.tokens.lowerBound == c + 1, isReporter(phrase) else { return nil }
        var v = phrase.tokens.upperBound
        if v < end, grammar.isAdverb(tokens[v]) || tokens[v].hash == Self.first { v += 1 }
        guard v < end, tokens[v].isWord, Self.reportVerbs.contains(tokens[v].hash), grammar.skipTimeForward(v + 1, ceiling: end) == end else { return nil }
        return Attribution(phrase: phrase, cue: grammar.span(v), rule: .accordingTo)
    }

    /// A news outlet or a person's description (`the Herald`, `the agency`).
    private func isReporter(_ phrase: Phrase) -> Bool {
        switch phrase.kind {
        case .name: return reader.names[phrase.name ?? 0].kind != .place
        case .description: return grammar.isPersonHead(phrase)
        case .pronoun: return false
        }
    }

    /// Verbs that name the outlet a report came through (`the Herald reported`).
    private static let reportVerbs = WordSet("reported reports")
    private static let first = WordHash.of("first")

    /// `said he` is rare but `said she` occurs; `it` and `they` after a verb are objects.
    private func isSubjectPronounAfterVerb(_ phrase: Phrase) -> Bool {
        let h = tokens[phrase.head].hash
        return h == Hashes.he || h == Hashes.she
    }

    /// The end (a comma) of an appositive that starts at `from`, when a verb of saying follows it.
    private func appositiveEnd(from: Int, ceiling: Int) -> Int? {
        var k = from
        while k < ceiling, k - from < TokenWindow.betweenCommas {
            let t = tokens[k]
            // A period ends it unless it closes an abbreviation (`Gov.`, `Jr.`).
            let abbreviation = k > from && tokens[k - 1].end == t.start && tokens[k - 1].end - tokens[k - 1].start <= 4
            if t.isQuotationMark || t.isPunctuation(".") && !abbreviation || t.isPunctuation(";") {
                return nil
            }
            if t.isPunctuation(",") {
                var c = k + 1
                var aux = 0
                while c < ceiling, aux < TokenWindow.verbGroup, Lexicon.auxiliaries.contains(tokens[c].hash) {
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

    /// What may stand between a closing mark and its attribution: `,` `)` `]`, a dash, a mark.
    private func isSeparator(_ t: Token) -> Bool {
        guard t.kind == .punctuation else { return false }
        let v = t.hash
        return v == 0x2C || t.isDash || v == 0x29 || v == 0x5D || t.isQuotationMark
    }
}
