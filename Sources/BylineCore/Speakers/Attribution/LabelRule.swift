/// `label`: a name and a colon before the quotation (`X: "…"`), or opening its sentence.
extension AttributionSieves {
    func label(_ b: Bounds) -> Attribution? {
        let sentenceStart = tokens.firstIndex(startingAtOrAfter: article.sentences.isEmpty ? 0 : article.sentences[b.sentence].span.start)
        if sentenceStart < b.open, let phrase = reader.forward(startingAt: sentenceStart, ceiling: b.open),
           phrase.kind == .name, phrase.tokens.upperBound < b.open {
            // `Rep. Ann Moss (R-Ohio): "…"`: past the parenthesis after the name.
            var colon = grammar.skipParenthesis(phrase.tokens.upperBound, ceiling: b.open)
            // `Ann Berg Endorses Tom Lee: I Am 'Proud'`: a headline's subject, verb and object.
            if tokens[colon].isWord, tokens[colon].isCapitalized, reader.nameAt[colon] < 0, colon + 1 < b.open,
               reader.nameAt[colon + 1] >= 0 {
                colon = reader.names[Int(reader.nameAt[colon + 1])].tokens.upperBound
            }
            if colon < b.open, tokens[colon].isPunctuation(":") {
                return Attribution(phrase: phrase, cue: grammar.span(colon), rule: .label)
            }
        }
        // `A lesson from Loretta Lynch: 'Be the voice …'`: a name, a colon, the quotation.
        let colon = b.open - 1
        if colon > b.floor, tokens[colon].isPunctuation(":"), reader.nameAt[nameEnd(before: colon, floor: b.floor)] >= 0,
           let phrase = reader.backward(endingAt: colon - 1, floor: b.floor), phrase.kind == .name {
            // `Trump took a parting shot on Twitter: "…"`: a name after a preposition is where it
            // was said; the clause's subject said it.
            let before = phrase.tokens.lowerBound - 1
            if before > b.floor, tokens[before].isWord, Self.mediumPrepositions.contains(tokens[before].hash) {
                guard let found = grammar.clauseSubjectAndVerb(from: b.floor, before: before) else { return nil }
                return Attribution(phrase: found.phrase, cue: grammar.span(colon), rule: .label)
            }
            // `Ann Berg Endorses Tom Lee: 'I Am Proud'`: in a headline, the subject of the verb
            // before the name speaks, not its object.
            let verb = phrase.tokens.lowerBound - 1
            if verb > sentenceStart, tokens[verb].isWord, tokens[verb].isCapitalized, reader.nameAt[verb] < 0,
               reader.nameAt[verb - 1] >= 0, let subject = reader.backward(endingAt: verb - 1, floor: sentenceStart),
               subject.kind == .name, subject.tokens.lowerBound == sentenceStart {
                return Attribution(phrase: subject, cue: grammar.span(colon), rule: .label)
            }
            return Attribution(phrase: phrase, cue: grammar.span(colon), rule: .label)
        }
        return nil
    }

    /// `Ann Lee 'ready to fight' for the harbour.` · `Tom Berg Takes the Job 'Very Seriously.'`: a
    /// quotation in the article's headline (its first paragraph, a single sentence) that no rule
    /// attributes is the words of the person the headline opens with, as after a label.
    func headlineSubject(_ b: Bounds) -> Attribution? {
        guard b.block == 0, b.sentence == 0, quotes[b.quote].unspokenRule == nil,
              article.sentences.count < 2 || article.sentences[1].span.start >= blocks.end(0, limit: s.count) else { return nil }
        var first = 0
        while first < b.open, tokens[first].kind == .punctuation { first += 1 }
        guard first < b.open, let phrase = reader.forward(startingAt: first, ceiling: b.open), phrase.kind == .name,
              phrase.tokens.upperBound <= b.open, let m = phrase.name,
              (reader.names[m].title.isEmpty ? reader.names[m].tokens.lowerBound : reader.names[m].title.lowerBound) == first,
              reader.names[m].kind == .person || reader.names[m].kind == .unknown else { return nil }
        return Attribution(phrase: phrase, cue: nil, rule: .label)
    }

    /// The last token of what stands before the colon at `colon`: the word before it, or before
    /// a parenthesis (`Ann Moss (R-Ohio):`), which the phrase reader steps over.
    private func nameEnd(before colon: Int, floor: Int) -> Int {
        var k = colon - 1
        guard tokens[k].isPunctuation(")") else { return k }
        while k > floor, colon - k <= TokenWindow.parenthesis, !tokens[k].isPunctuation("(") { k -= 1 }
        return tokens[k].isPunctuation("(") && k > floor ? k - 1 : colon - 1
    }

    private static let mediumPrepositions = WordSet("on via in through over")
}
