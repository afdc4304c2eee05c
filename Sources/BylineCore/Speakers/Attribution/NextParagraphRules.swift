/// A quotation that is a whole paragraph, attributed by the paragraph after it: a signature
/// (`dash-signature`, `"…" ¶ — Ann Lee`) or the attribution of the quotation that goes on there
/// (`later-cue`, `"…" ¶ "…," Lee notes.`). Tried last, as nothing else in a paragraph made of
/// the quotation alone can name its speaker.
extension AttributionSieves {
    func nextParagraph(_ b: Bounds) -> Attribution? {
        signatureBelow(b) ?? cueInNextParagraph(b)
    }

    /// `"…" ¶ — Ann Lee.` · `"…" ¶ -Ann Lee, Elm Grove.` · `"…" ¶ ― Sen. Tom Berg, in a tweet.`:
    /// a quote box or a list of quotations signs each one on the line below it, a dash and a name
    /// alone (or followed by where or when after a comma).
    func signatureBelow(_ b: Bounds) -> Attribution? {
        guard let next = paragraphAfter(b), next.first + 1 < next.end, tokens[next.first].isDash,
              let phrase = reader.forward(startingAt: next.first + 1, ceiling: next.end), phrase.kind == .name else { return nil }
        let after = grammar.skipParenthesis(phrase.tokens.upperBound, ceiling: next.end)
        guard after >= next.end || tokens[after].isPunctuation(",") || tokens[after].isPunctuation(".") && after + 1 >= next.end else {
            return nil
        }
        return Attribution(phrase: phrase, cue: grammar.span(next.first), rule: .dashSignature)
    }

    /// `"The plan will not work." ¶ "We said so for months," Kim Ortiz notes.`: a quotation that
    /// is its whole paragraph is the first part of the one that opens the paragraph after it
    /// (or a few whole-paragraph quotations later), whose attribution follows its closing mark.
    /// Only where nothing before says who speaks: the paragraph before holds no quotation (it
    /// would go on), does not introduce one with a colon, and names no speaker in its last
    /// sentence (`Carter said that …`: the neighbour rules' choices).
    func cueInNextParagraph(_ b: Bounds) -> Attribution? {
        guard isOpeningItsParagraph(b), !isIntroducedBefore(b) else { return nil }
        var current = b
        for _ in 0..<Self.quotationParagraphsAhead {
            guard let next = paragraphAfter(current), current.quote + 1 < quotes.count else { return nil }
            let following = bounds(current.quote + 1)
            guard following.open == next.first else { return nil }
            if let att = trailing(following), att.rule == .quoteSpeakerCue || att.rule == .quoteCueSpeaker {
                return Attribution(phrase: att.phrase, cue: att.cue, rule: .laterCue)
            }
            // A whole paragraph again: the attribution may come after it.
            guard paragraphAfter(following) != nil else { return nil }
            current = following
        }
        return nil
    }

    /// How many paragraphs made of a quotation alone are passed to find the one attributed.
    private static let quotationParagraphsAhead = 3

    /// The paragraph (or line block) after the quotation, when the quotation opens its own and
    /// nothing but punctuation follows its closing mark there: its first token and where it ends.
    private func paragraphAfter(_ b: Bounds) -> (first: Int, end: Int)? {
        guard isOpeningItsParagraph(b) else { return nil }
        let quote = quotes[b.quote]
        let lastBlock = blocks.block(containing: max(quote.span.start, quote.span.end - 1))
        let nextStart = blocks.end(lastBlock, limit: s.count)
        guard nextStart < s.count else { return nil }
        let first = tokens.firstIndex(startingAtOrAfter: nextStart, from: b.after)
        guard first < tokens.count else { return nil }
        for k in b.after..<first where tokens[k].kind != .punctuation || tokens[k].isQuotationMark { return nil }
        let end = tokens.firstIndex(startingAtOrAfter: blocks.end(lastBlock + 1, limit: s.count), from: first)
        return (first, end)
    }

    /// The quotation's opening mark is the first token of its paragraph (or line block).
    private func isOpeningItsParagraph(_ b: Bounds) -> Bool {
        b.open == 0 || tokens[b.open - 1].end <= blocks.start(b.block)
    }

    /// The paragraph before the quotation's holds a quotation, ends with a colon, or names a
    /// speaker in its last sentence: what the neighbour rules would give this one.
    private func isIntroducedBefore(_ b: Bounds) -> Bool {
        guard b.block > 0 else { return false }
        let previousStart = blocks.start(b.block - 1)
        if b.quote > 0, quotes[b.quote - 1].span.end > previousStart { return true }
        // The quotation opens its paragraph: the token before it ends the paragraph before.
        if b.open > 0, tokens[b.open - 1].isPunctuation(":") { return true }
        guard let sentence = article.sentenceIndex(containing: max(previousStart, blocks.start(b.block) - 1)) else { return false }
        return speakerOfSentence(sentence) != nil
    }
}
