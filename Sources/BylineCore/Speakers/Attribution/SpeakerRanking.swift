/// Choosing among candidate speakers is a ranking problem: the rules are good at marks, cues
/// and structure, and where they find no speaker for a quotation (and no other quotation of
/// its sentence has one to lend), a small learned model (an averaged perceptron over generic
/// features, `SpeakerRankerWeights`, trained by `byline-eval train-speakers` on PolNeAR train
/// only) chooses among the phrases that could speak, or defers to the neighbour rules of
/// `SpeakerAssembly`. A speaker the rules found always stands (`isRanked`).
///
/// The candidates of a quotation, each a phrase of its sentence:
/// - `opening`: the phrase opening the sentence, when more words follow it before the quotation;
/// - `clauseSubject`: the subject of the sentence's clause and its verb (`sentence-subject`);
/// - `nameBefore`, `nameAfter`: the nearest name before and after the quotation in its sentence;
/// - `none`: no speaker in the sentence (the neighbour rules decide).
///
/// The features say where the phrase comes from, what it is (a person's
/// name, an organisation's, a description, a pronoun), where it stands (distance, before or
/// after, opening the sentence, after a preposition, owned) and what follows it (a verb of
/// saying, another verb): generic properties, no words of any article.
enum CandidateSource: Int, CaseIterable, Sendable {
    case opening, clauseSubject, nameBefore, nameAfter, none

    var label: String {
        switch self {
        case .opening: return "opening"
        case .clauseSubject: return "clause-subject"
        case .nameBefore: return "name-before"
        case .nameAfter: return "name-after"
        case .none: return "none"
        }
    }
}

/// What a candidate phrase is, for the ranker.
enum CandidateKind: Int, CaseIterable, Sendable {
    case namePerson, nameOrganization, namePlace, nameOneWord, nameUnknown
    case descriptionKnown, descriptionOther
    case pronounPerson, pronounPlural, pronounIt, pronounFirstPerson, pronounRelative, pronounOther

    var label: String {
        switch self {
        case .namePerson: return "name-person"
        case .nameOrganization: return "name-organization"
        case .namePlace: return "name-place"
        case .nameOneWord: return "name-one-word"
        case .nameUnknown: return "name-unknown"
        case .descriptionKnown: return "description-known"
        case .descriptionOther: return "description-other"
        case .pronounPerson: return "pronoun-he-she"
        case .pronounPlural: return "pronoun-they"
        case .pronounIt: return "pronoun-it"
        case .pronounFirstPerson: return "pronoun-i-we"
        case .pronounRelative: return "pronoun-relative"
        case .pronounOther: return "pronoun-other"
        }
    }
}

/// Yes-or-no properties of a candidate or of its quotation.
enum CandidateFlag: Int, CaseIterable, Sendable {
    case sentenceInitial, afterPreposition, possessive, followedByCue, followedByVerb, afterComma, beforeComma
    case quoteOpensSentence, quoteEndsSentence, quoteIsFragment, mentionedOnce, mentionedOften
    case otherQuoteInSentence, capitalisedOpener

    var label: String { String(describing: self) }
}

/// The ranker's feature space: indices into `SpeakerRankerWeights.weights`.
enum RankFeature {
    static let sources = CandidateSource.allCases.count
    static let kinds = CandidateKind.allCases.count
    static let distances = 5
    static let flags = CandidateFlag.allCases.count

    static let sourceBase = 0
    static let kindBase = sourceBase + sources
    static let placeBase = kindBase + kinds * sources
    static let flagBase = placeBase + 2 * distances
    static let flagBySourceBase = flagBase + flags
    static let count = flagBySourceBase + flags * sources

    static func source(_ s: CandidateSource) -> Int { sourceBase + s.rawValue }
    static func kind(_ k: CandidateKind, _ s: CandidateSource) -> Int { kindBase + k.rawValue * sources + s.rawValue }
    static func place(after: Bool, distance: Int) -> Int { placeBase + (after ? distances : 0) + bucket(distance) }
    static func flag(_ f: CandidateFlag) -> Int { flagBase + f.rawValue }
    static func flag(_ f: CandidateFlag, _ s: CandidateSource) -> Int { flagBySourceBase + f.rawValue * sources + s.rawValue }

    /// 0–2, 3–5, 6–10, 11–20, 21+ tokens.
    static func bucket(_ distance: Int) -> Int {
        switch distance {
        case ..<3: return 0
        case ..<6: return 1
        case ..<11: return 2
        case ..<21: return 3
        default: return 4
        }
    }

    /// The name of every feature, in index order (the generated weights file carries them too).
    static let names: [String] = {
        var names = [String](repeating: "", count: count)
        for s in CandidateSource.allCases { names[source(s)] = "source=\(s.label)" }
        for k in CandidateKind.allCases {
            for s in CandidateSource.allCases { names[kind(k, s)] = "kind=\(k.label)|\(s.label)" }
        }
        let buckets = ["0-2", "3-5", "6-10", "11-20", "21+"]
        for (b, label) in buckets.enumerated() {
            names[placeBase + b] = "before=\(label)"
            names[placeBase + distances + b] = "after=\(label)"
        }
        for f in CandidateFlag.allCases {
            names[flag(f)] = f.label
            for s in CandidateSource.allCases { names[flag(f, s)] = "\(f.label)|\(s.label)" }
        }
        return names
    }()
}

/// One candidate speaker of a quotation, with its features.
struct SpeakerCandidate {
    var attribution: Attribution?
    var source: CandidateSource
    var features: [Int]

    func score(_ weights: [Double]) -> Double { SpeakerRanking.score(features, weights) }
}

extension AttributionSieves {
    /// The attributions the ranker chooses for every quotation among its candidates (nil where
    /// it defers to the neighbour rules). Where it overrides the rules, the attribution says so
    /// (`explanation`, for `--explain`).
    func rankedAttributions() -> [Attribution?] {
        let sieves = quotes.indices.map { attribute($0) }
        let weights = SpeakerRanking.trialWeights ?? SpeakerRankerWeights.weights
        return quotes.indices.map { rankedAttribution($0, sieves, weights) }
    }

    private func rankedAttribution(_ q: Int, _ sieves: [Attribution?], _ weights: [Double]) -> Attribution? {
        let sieve = sieves[q]
        // An interview's answer is its turn's: the layout says who speaks.
        if quotes[q].rule == .interviewAnswer { return sieve }
        if !isRanked(q, sieves: sieves) { return sieve }
        let candidates = speakerCandidates(q)
        guard candidates.count > 1 else { return nil }
        // What the rules alone give: `none` (the last candidate).
        let rulesChoice = candidates.count - 1
        let choice = SpeakerRanking.choice(candidates.map { $0.score(weights) }, rulesChoice: rulesChoice,
                                           margin: SpeakerRanking.trialMargin ?? SpeakerRanking.overrideMargin)
        guard choice != rulesChoice, var att = candidates[choice].attribution else { return nil }
        att.explanation = "ranked over none by " + topFeatures(candidates[choice], against: candidates[rulesChoice], weights)
        return att
    }

    /// The features that most favour `chosen` over `other`, by weight (three at most).
    private func topFeatures(_ chosen: SpeakerCandidate, against other: SpeakerCandidate, _ weights: [Double]) -> String {
        var contributions: [(String, Double)] = []
        for f in chosen.features where !other.features.contains(f) {
            contributions.append((RankFeature.names[f], weights[f]))
        }
        contributions.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return contributions.prefix(3).map { "\($0.0)" }.joined(separator: ", ")
    }

    /// Another quotation of the sentence that the rules attribute: the neighbour rules give
    /// this one its speaker when the ranker defers.
    private func hasAttributedSibling(_ q: Int, _ b: Bounds, sieves: [Attribution?]) -> Bool {
        q > 0 && sieves[q - 1] != nil && isInSentence(q - 1, of: b)
            || q + 1 < quotes.count && sieves[q + 1] != nil && isInSentence(q + 1, of: b)
    }

    /// The rules found no speaker for quotation `q` but did for another of its sentence
    /// (`The plan was "a good thing" that gave "real results," he said`): the sentence's cue
    /// speaks for both, and the neighbour rules give it, so there is nothing to rank.
    func defersToSibling(_ q: Int, sieves: [Attribution?]) -> Bool {
        sieves[q] == nil && hasAttributedSibling(q, bounds(q), sieves: sieves)
    }

    /// Whether the ranker chooses quotation `q`'s speaker: only where the rules found none and
    /// no other quotation of its sentence has one to lend. A speaker the rules found stands:
    /// their structure (a verb's subject, an appositive, a label) holds on articles the
    /// ranker's training never saw, where its learned preferences (the sentence's opening
    /// phrase, a nearby name) do not.
    func isRanked(_ q: Int, sieves: [Attribution?]) -> Bool {
        sieves[q] == nil && !defersToSibling(q, sieves: sieves)
    }

    /// The candidates of quotation `q`, one the rules found no speaker for: the phrases of the
    /// sentence that could speak, each once, then `none`.
    func speakerCandidates(_ q: Int) -> [SpeakerCandidate] {
        let b = bounds(q)
        let sentenceStart = tokens.firstIndex(startingAtOrAfter: article.sentences.isEmpty ? 0 : article.sentences[b.sentence].span.start)
        let context = quoteContext(q, b, sentenceStart: sentenceStart)
        // (Room reserved once: the candidates and their features are built for every quotation.)
        var found: [(Attribution, CandidateSource)] = []
        found.reserveCapacity(CandidateSource.allCases.count)
        if let opening = openingPhrase(q) { found.append((opening, .opening)) }
        if let clause = grammar.clauseSubjectAndVerb(from: b.floor, before: b.open), clause.verb < b.open {
            found.append((Attribution(phrase: clause.phrase, cue: grammar.communicativeCue(at: clause.verb), rule: .sentenceSubject), .clauseSubject))
        }
        if let before = nearestName(before: b.open, floor: max(b.floor, sentenceStart)) {
            found.append((Attribution(phrase: before, cue: nil, rule: .nearestName), .nameBefore))
        }
        if let after = nearestName(after: b.after, ceiling: b.ceiling) {
            found.append((Attribution(phrase: after, cue: nil, rule: .nearestName), .nameAfter))
        }
        var candidates: [SpeakerCandidate] = []
        candidates.reserveCapacity(found.count + 1)
        var heads: [Int] = []
        heads.reserveCapacity(found.count)
        for (att, source) in found {
            let head = speakingHead(att)
            if heads.contains(head) { continue }
            heads.append(head)
            candidates.append(SpeakerCandidate(attribution: att, source: source, features: features(att, source, b, context)))
        }
        var none = [RankFeature.source(.none)]
        for f in context { none.append(RankFeature.flag(f, .none)) }
        candidates.append(SpeakerCandidate(attribution: nil, source: .none, features: none))
        return candidates
    }

    /// The token that stands for the speaker: a relative pronoun's antecedent's head, else the
    /// phrase's head.
    private func speakingHead(_ att: Attribution) -> Int {
        if att.phrase.kind == .pronoun, let antecedent = att.antecedent { return antecedent.head }
        return att.phrase.head
    }

    /// Whether quotation `i` opens in the sentence of the quotation bounded by `b`.
    func isInSentence(_ i: Int, of b: Bounds) -> Bool {
        article.sentenceIndex(containing: quotes[i].span.start) == b.sentence
    }

    /// Properties of the quotation itself.
    private func quoteContext(_ q: Int, _ b: Bounds, sentenceStart: Int) -> [CandidateFlag] {
        var flags: [CandidateFlag] = []
        var k = b.open - 1
        while k >= sentenceStart, tokens[k].kind == .punctuation { k -= 1 }
        if k < sentenceStart { flags.append(.quoteOpensSentence) }
        if b.endsSentence { flags.append(.quoteEndsSentence) }
        if !flags.contains(.quoteOpensSentence), !b.endsSentence { flags.append(.quoteIsFragment) }
        if q > 0 && isInSentence(q - 1, of: b) || q + 1 < quotes.count && isInSentence(q + 1, of: b) {
            flags.append(.otherQuoteInSentence)
        }
        return flags
    }

    /// Room for a candidate's features: its source, kind and place, and each flag twice.
    private static let featuresPerCandidate = 3 + 2 * CandidateFlag.allCases.count

    private func features(_ att: Attribution, _ source: CandidateSource, _ b: Bounds, _ context: [CandidateFlag]) -> [Int] {
        var f: [Int] = []
        f.reserveCapacity(Self.featuresPerCandidate)
        f.append(RankFeature.source(source))
        f.append(RankFeature.kind(candidateKind(att), source))
        let phrase = att.phrase
        let after = phrase.tokens.lowerBound >= b.after
        let distance = after ? phrase.tokens.lowerBound - b.after : max(0, b.open - phrase.tokens.upperBound)
        f.append(RankFeature.place(after: after, distance: distance))
        var flags: [CandidateFlag] = []
        flags.reserveCapacity(CandidateFlag.allCases.count)
        flags += context
        let first = phrase.tokens.lowerBound
        let next = phrase.tokens.upperBound
        if tokens[first].flags.contains(.sentenceStart) { flags.append(.sentenceInitial) }
        if first > 0, tokens[first - 1].isWord, Lexicon.stopWords.contains(tokens[first - 1].hash) { flags.append(.afterPreposition) }
        if first > 0, tokens[first - 1].isPunctuation(",") { flags.append(.afterComma) }
        if next < tokens.count, tokens[next].isPunctuation(",") { flags.append(.beforeComma) }
        if tokens[next - 1].flags.contains(.possessive) { flags.append(.possessive) }
        var v = next
        while v < tokens.count, v - next < TokenWindow.verbGroup, tokens[v].isWord, Lexicon.auxiliaries.contains(tokens[v].hash) { v += 1 }
        if v < tokens.count, tokens[v].isWord, Lexicon.cues[tokens[v].hash] != nil, grammar.isCueHere(v, floor: first) {
            flags.append(.followedByCue)
        } else if v < tokens.count, grammar.isVerbLike(tokens[v]) {
            flags.append(.followedByVerb)
        }
        if phrase.kind == .name, let m = phrase.name {
            let count = nameCounts[m]
            if count <= 1 { flags.append(.mentionedOnce) } else if count >= 4 { flags.append(.mentionedOften) }
            if tokens[first].flags.contains(.sentenceStart), reader.names[m].words.count == 1 { flags.append(.capitalisedOpener) }
        }
        for flag in flags {
            f.append(RankFeature.flag(flag))
            f.append(RankFeature.flag(flag, source))
        }
        return f
    }

    private func candidateKind(_ att: Attribution) -> CandidateKind {
        var phrase = att.phrase
        if phrase.kind == .pronoun, let antecedent = att.antecedent { phrase = antecedent }
        switch phrase.kind {
        case .name:
            let mention = reader.names[phrase.name ?? 0]
            switch mention.kind {
            case .person: return .namePerson
            case .organization: return .nameOrganization
            case .place: return .namePlace
            case .unknown: return mention.words.count == 1 ? .nameOneWord : .nameUnknown
            }
        case .description:
            return reader.isValidDescription(head: phrase.head) ? .descriptionKnown : .descriptionOther
        case .pronoun:
            let h = tokens[phrase.head].hash
            if Hashes.isRelativePronoun(h) { return .pronounRelative }
            switch Lexicon.pronouns[h] {
            case .male, .female: return .pronounPerson
            case .plural: return .pronounPlural
            case .neuter: return .pronounIt
            case .firstPerson: return .pronounFirstPerson
            default: return .pronounOther
            }
        }
    }

    /// Whether the name's tokens are joined by a hyphen or an en dash, with no space, to a word
    /// before or after them: part of a compound modifier (`the Kessler–Brandt scale`,
    /// `U.S.-Russian talks`), not a mention that could speak.
    private func isInCompound(_ name: Range<Int>) -> Bool {
        func isJoiningDash(_ k: Int) -> Bool {
            guard k > 0, k + 1 < tokens.count, tokens[k].kind == .punctuation, tokens[k].end - tokens[k].start == 1 else { return false }
            let c = s[tokens[k].start].value
            return (c == 0x2D || c == 0x2010 || c == 0x2013) && tokens[k - 1].end == tokens[k].start && tokens[k].end == tokens[k + 1].start
                && tokens[k - 1].isWord && tokens[k + 1].isWord
        }
        return isJoiningDash(name.lowerBound - 1) || isJoiningDash(name.upperBound)
    }

    /// The nearest name ending before token `open`, not before `floor`, outside quotations.
    private func nearestName(before open: Int, floor: Int) -> Phrase? {
        var k = open - 1
        while k >= floor {
            if reader.nameAt[k] >= 0, !tokens[k].flags.contains(.quoted) {
                let m = Int(reader.nameAt[k])
                if reader.names[m].tokens.upperBound - 1 == k, !isInCompound(reader.names[m].tokens),
                   let phrase = reader.backward(endingAt: k, floor: floor), phrase.kind == .name {
                    return phrase
                }
            }
            k -= 1
        }
        return nil
    }

    /// The nearest name starting at or after token `after`, before `ceiling`.
    private func nearestName(after: Int, ceiling: Int) -> Phrase? {
        var k = after
        while k < ceiling {
            if tokens[k].isQuotationMark { return nil }
            if reader.nameAt[k] >= 0, !tokens[k].flags.contains(.quoted), !isInCompound(reader.names[Int(reader.nameAt[k])].tokens),
               let phrase = reader.forward(startingAt: k, ceiling: ceiling), phrase.kind == .name {
                return phrase
            }
            k += 1
        }
        return nil
    }
}

// MARK: Training data

/// The ranker's candidates for every quotation of an article, for `byline-eval train-speakers`.
public enum SpeakerRanking {
    public struct Candidate: Sendable {
        /// The mention that would attribute the quotation (nil for `none`).
        public var mention: TextSpan?
        /// For a relative pronoun, the phrase it stands for.
        public var antecedent: TextSpan?
        public var features: [Int]
        public var source: String
    }

    public struct QuoteCandidates: Sendable {
        public var span: TextSpan
        public var candidates: [Candidate]
    }

    /// Every feature's name, in index order.
    public static var featureNames: [String] { RankFeature.names }

    /// How much more the ranker's best candidate must score than `none` (what the rules alone
    /// give: the neighbour rules decide) to be taken: the ranker names a speaker only when it is
    /// clearly surer than leaving the quotation to the neighbour rules.
    public static let overrideMargin = 2.0

    /// Weights that replace the shipped ones while a task runs (`byline-eval train-speakers
    /// --evaluate`: the analysis with freshly trained weights, scored without a rebuild).
    @TaskLocal public static var trialWeights: [Double]?
    /// An override margin that replaces `overrideMargin` while a task runs (the same use).
    @TaskLocal public static var trialMargin: Double?

    /// A candidate's score: the sum of its features' weights.
    public static func score(_ features: [Int], _ weights: [Double]) -> Double {
        var total = 0.0
        for f in features { total += weights[f] }
        return total
    }

    /// The first best-scoring candidate.
    public static func best(_ scores: [Double]) -> Int {
        var best = 0
        for (i, score) in scores.enumerated() where score > scores[best] { best = i }
        return best
    }

    /// The candidate the analysis takes (and training measures): the first best-scoring one
    /// where it scores at least `margin` more than the rules' choice, else the rules' choice.
    public static func choice(_ scores: [Double], rulesChoice: Int, margin: Double) -> Int {
        let best = best(scores)
        return scores[best] - scores[rulesChoice] < margin ? rulesChoice : best
    }

    /// The candidates of every quotation the analysis detects in `article` (scare quotes and
    /// titles included: they may still be spoken).
    public static func candidates(_ article: Article) -> [QuoteCandidates] {
        QuoteAnalyzer.withSieves(article) { sieves in
            let found = sieves.quotes.indices.map { sieves.attribute($0) }
            return sieves.quotes.indices.map { q in
                // (None where the analysis does not rank: training sees what the analysis ranks.)
                let list = sieves.isRanked(q, sieves: found) ? sieves.speakerCandidates(q) : []
                return QuoteCandidates(span: sieves.quotes[q].span, candidates: list.map { c in
                    Candidate(mention: c.attribution.map { sieves.span(of: $0.phrase) },
                              antecedent: c.attribution?.antecedent.map { sieves.span(of: $0) },
                              features: c.features, source: c.source.label)
                })
            }
        }
    }
}

extension AttributionSieves {
    /// The text a phrase covers (a name's without its title).
    func span(of phrase: Phrase) -> TextSpan {
        switch phrase.kind {
        case .name: return reader.names[phrase.name ?? 0].span
        case .pronoun: return TextSpan(tokens[phrase.head].start, tokens[phrase.head].end)
        case .description: return TextSpan(tokens[phrase.tokens.lowerBound].start, tokens[phrase.tokens.upperBound - 1].end)
        }
    }
}
