/// Rules for a quotation nothing nearer attributes, tried after the others of its sentence:
/// `reported-speech` from a verb of saying further back in a long sentence than the other rules
/// look (`distantCue`), and `sentence-subject` for the subject of a clause opened by `that` or
/// `why` (`complementClauseSubject`).
extension AttributionSieves {
    /// `Ann Lee, who ran the harbour office for a decade and …, said in a long interview with …
    /// that the board had "lost its way"`: the speaker a sentence names with a verb of saying
    /// before the quotation, further back than the window the other rules look in.
    func distantCue(_ b: Bounds) -> Attribution? {
        guard quotes[b.quote].unspokenRule == nil, !article.sentences.isEmpty, b.floor > 0, !followsQuotationOfItsSentence(b),
              let subject = speakerOfSentence(b.sentence), let cue = subject.cue,
              cue.end <= tokens[b.floor].start, cue.start >= blocks.start(b.block) else { return nil }
        return Attribution(subject, rule: .reportedSpeech)
    }

    /// `It has not helped that her campaign has cycled through slogans, from "…"` · `That is why
    /// he wanted to "go an extra step"` · `so quiet that Tom Berg was moved to say, "…"`: the
    /// subject of the clause that `that` or `why` opens (after a word that is no verb of saying)
    /// and that holds the quotation, when a verb follows it. Not where the phrase opening the
    /// sentence can speak (`Many followed the senator's dictum that the port was "…"`: the
    /// neighbour rules give that phrase), nor after another quotation of the sentence.
    func complementClauseSubject(_ b: Bounds) -> Attribution? {
        guard quotes[b.quote].unspokenRule == nil, !followsQuotationOfItsSentence(b), openingPhrase(b.quote) == nil else { return nil }
        var k = b.open - 1
        while k > b.floor {
            let t = tokens[k]
            if t.isWord, !t.flags.contains(.quoted), t.hash == Hashes.that || t.hash == Self.why {
                let before = tokens[k - 1]
                guard !(before.isWord && Lexicon.cues[before.hash] != nil),
                      let phrase = reader.forward(startingAt: k + 1, ceiling: b.open, subject: true),
                      grammar.canSpeak(phrase) || grammar.isPersonHead(phrase) else { return nil }
                var v = phrase.tokens.upperBound
                while v < b.open, v - phrase.tokens.upperBound < TokenWindow.verbGroup, tokens[v].isWord,
                      Lexicon.auxiliaries.contains(tokens[v].hash) || grammar.isAdverb(tokens[v]) {
                    v += 1
                }
                guard v < b.open, v > phrase.tokens.upperBound || grammar.isVerbLike(tokens[v]) else { return nil }
                return Attribution(phrase: phrase, cue: grammar.communicativeCue(at: v), rule: .sentenceSubject)
            }
            k -= 1
        }
        return nil
    }

    private static let why = WordHash.of("why")

    /// Another quotation of the sentence comes before this one: the neighbour rules give this
    /// one that one's speaker (`same-sentence`).
    private func followsQuotationOfItsSentence(_ b: Bounds) -> Bool {
        b.quote > 0 && isInSentence(b.quote - 1, of: b)
    }
}
