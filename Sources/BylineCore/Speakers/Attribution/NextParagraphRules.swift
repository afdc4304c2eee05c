/// A quotation that is a whole paragraph, attributed by the paragraph after it: a signature
/// (`dash-signature`, `"…" ¶ — Ann Lee`). Tried last, as nothing else in a paragraph made of the
/// quotation alone can name its speaker.
extension AttributionSieves {
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
}

extension Token {
    /// A hyphen or a dash standing alone (`-`, `–`, `—`, `―`).
    var isDash: Bool {
        guard kind == .punctuation else { return false }
        switch hash {
        case 0x2014, 0x2013, 0x2015, 0x2D: return true
        default: return false
        }
    }
}
