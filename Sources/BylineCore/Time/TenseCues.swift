/// The tense of the clause around an expression, which places a weekday or a bare month:
/// `told reporters on Thursday` (past: the Thursday before), `will meet on Thursday` (future:
/// the next one), no cue (the nearest).
enum ClauseTense {
    case past, present, future, none
    /// `had called`: read as past, and strong enough to overrule `until`.
    case pastPerfect
}

extension TimexParser {
    /// The nearest tense cue before the expression in its clause, else the nearest after it.
    func tense(first: Int, end: Int) -> ClauseTense {
        let block = tokens[first].block
        let found = clauseTense(first: first, end: end, block: block)
        // `postponed until Tuesday morning`, `as soon as Tuesday`: ahead, unless the clause is
        // in the past perfect (`until Thursday, they had not called him`).
        var p = first - 1
        // `back in February`, `back on March 3`: looking back.
        if p >= 1, tokens[p].block == block, tokens[p].isKeyword(.in) || tokens[p].isKeyword(.on),
            wordIs(p - 1, "back")
        {
            return .past
        }
        if p >= 0, tokens[p].block == block, tokens[p].isKeyword(.on) || tokens[p].isKeyword(.at) { p -= 1 }
        if p >= 0, tokens[p].block == block, found != .pastPerfect {
            if tokens[p].isKeyword(.until) { return .future }
            // `rescheduled its primary to June 2`, `postponed the vote until`: the new date lies ahead.
            if tokens[p].isKeyword(.to) || tokens[p].isKeyword(.for), postponedBefore(p) { return .future }
            if tokens[p].isKeyword(.as), p >= 2, tokens[p - 1].isKeyword(.soon), tokens[p - 2].isKeyword(.as) {
                return .future
            }
        }
        return found == .pastPerfect ? .past : found
    }

    /// `The storm would pass Bermuda Wednesday night`: a future seen from a past report (`would`
    /// without `have`), which may already have come by the article's date.
    func isFutureInPast(first: Int, end: Int) -> Bool {
        guard let k = clauseCue(first: first, end: end, block: tokens[first].block)?.index else { return false }
        return wordIs(k, "would") && !(k + 1 < tokens.count && wordIs(k + 1, "have"))
    }

    /// Whether the verb giving the clause its tense stands right before the expression (`died
    /// in January`, `was arrested on Dec. 28`): the time then dates that verb's event itself.
    func tenseCueGoverns(first: Int, end: Int) -> Bool {
        guard let k = clauseCue(first: first, end: end, block: tokens[first].block)?.index else { return false }
        return k < first && k >= first - 3
    }

    private func clauseTense(first: Int, end: Int, block: Int32) -> ClauseTense {
        clauseCue(first: first, end: end, block: block)?.tense ?? .none
    }

    /// The tense cue of the clause and the token that gives it.
    private func clauseCue(first: Int, end: Int, block: Int32) -> (tense: ClauseTense, index: Int)? {
        var k = first - 1
        var steps = 0
        while k >= 0, tokens[k].block == block, steps < 24 {
            if isClauseBoundary(k) { break }
            if let t = tenseCue(k) { return (t, k) }
            // `has been shut since May and reopens in March`: a second verb in the present, right
            // after `and`, gives its own clause a scheduled future.
            // (`and wages in March fell`: a verb after the time makes the `-s` word its subject.)
            if tokens[k].isKeyword(.and), first - k <= 4, presentVerbAfterAnd(k),
                end >= tokens.count || tokens[end].block != block || tenseCue(end) == nil
            {
                return (.future, k + 1)
            }
            k -= 1
            steps += 1
        }
        // `On Friday, an environmental group and property owners from Texas filed ...`: at the
        // start of a sentence the verb may come after a long subject.
        let opensSentence = steps <= 1
        k = end
        steps = 0
        while k < tokens.count, tokens[k].block == block, steps < (opensSentence ? 20 : 10) {
            if isClauseBoundary(k) { break }
            if let t = tenseCue(k) { return (t, k) }
            k += 1
            steps += 1
        }
        return nil
    }

    /// A lowercase word in `-s` right after `and` and before a preposition (`and reopens in`, `and
    /// resumes on`), where the word before `and` is not a plural noun (`imports and exports in`).
    private func presentVerbAfterAnd(_ k: Int) -> Bool {
        let v = k + 1
        guard v + 1 < tokens.count, k > 0, tokens[v].kind == .word, !tokens[v].isCapitalized,
            tokens[v].lex.kind == .none, endsInS(v), !endsInS(k - 1),
            tokens[v + 1].isKeyword(.in) || tokens[v + 1].isKeyword(.on) || wordIs(v + 1, "again")
        else { return false }
        return true
    }

    /// A word of four letters or more ending in a single `s` (`opens`, not `press` or `its`).
    private func endsInS(_ k: Int) -> Bool {
        let t = tokens[k]
        guard t.kind == .word, t.end - t.start >= 4 else { return false }
        let e = Int(t.end)
        return ScalarClass.asciiLower(scalars[e - 1]) == "s" && ScalarClass.asciiLower(scalars[e - 2]) != "s"
            && ScalarClass.asciiLower(scalars[e - 2]) != "u" && ScalarClass.asciiLower(scalars[e - 2]) != "i"
    }

    private func isClauseBoundary(_ k: Int) -> Bool {
        let t = tokens[k]
        guard t.kind == .punct else { return false }
        switch t.value {
        case 0x2E, 0x21, 0x3F, 0x3B: return true  // . ! ? ;
        default: return false
        }
    }

    private func tenseCue(_ k: Int) -> ClauseTense? {
        let t = tokens[k]
        guard t.kind == .word else { return nil }
        switch t.lex.kind {
        case .pastVerb:
            if wordIs(k, "had") { return .pastPerfect }
            // `to be held`: an infinitive passive looks ahead.
            if let b = passiveAuxiliary(k), wordIs(b, "be"), b > 0, tokens[b - 1].isKeyword(.to) { return .future }
            // `be held`, `being sold`: a passive takes its tense from the auxiliary before it.
            if isPassiveParticiple(k) { return nil }
            // `set to resume`, `set for Monday`
            if wordIs(k, "set"), k + 1 < tokens.count, tokens[k + 1].isKeyword(.to) || tokens[k + 1].isKeyword(.for) {
                return .future
            }
            // `won't` is a future.
            if k + 2 < tokens.count, tokens[k + 1].kind == .punct, tokens[k + 1].value == 0x27
                || tokens[k + 1].value == 0x2019, wordIs(k + 2, "t")
            {
                return .future
            }
            return .past
        case .futureCue:
            // `could have killed`, `must have left`: a modal perfect looks back.
            if isModalPerfect(k) { return .past }
            // `plans to`, `scheduled for`; without `to` or `for`, `plan` and `plans` are nouns.
            let toOrFor = k + 1 < tokens.count
                && (tokens[k + 1].isKeyword(.to) || tokens[k + 1].isKeyword(.for) && !wordIs(k, "forecast"))
            // `due to the police shooting`: because of, not a schedule (`due to expire`).
            if wordIs(k, "due"), k + 2 < tokens.count, tokens[k + 1].isKeyword(.to), tokens[k + 2].kind != .word
                || isDeterminer(k + 2) || tokens[k + 2].isKeyword(.that) || tokens[k + 2].isKeyword(.these)
                || tokens[k + 2].isKeyword(.those) || tokens[k + 2].isCapitalized || isPossessivePronoun(k + 2)
            {
                return nil
            }
            // `plan` and `plans` are nouns too; `planned a rally`, `scheduled talks` still look ahead,
            // and so does `due` before its time (`the election due this September`, `due in May`).
            if isIntentionWord(k), !toOrFor, !isScheduledWord(k), !(wordIs(k, "due") && dueBeforeTime(k)) {
                return nil
            }
            // `as previously planned`
            if isScheduledWord(k), k > 0, wordIs(k - 1, "previously") || wordIs(k - 1, "originally") { return .past }
            // `Storm Ilse was expected to pass the islands Wednesday night`: an expectation reported from
            // the past points neither way; the nearest day is meant.
            if k > 0, wordIs(k - 1, "was") || wordIs(k - 1, "were"), wordIs(k, "expected") || wordIs(k, "forecast") {
                return ClauseTense.none
            }
            // `had been due to expire`, `was planning to hold`: a future already past (not `has been
            // scheduled for November`, which still lies ahead).
            var b = k - 1
            while b >= 0, b >= k - 2, tokens[b].kind == .word {
                if wordIs(b, "had") { return .past }
                if wordIs(b, "been"), !(b > 0 && (wordIs(b - 1, "has") || wordIs(b - 1, "have"))) { return .past }
                // `was planning to hold`: the plan belongs to the past (not `was planned for March`).
                let progressive = wordIs(k, "planning") || wordIs(k, "going") || wordIs(k, "intending")
                if progressive, wordIs(b, "was") || wordIs(b, "were") { return .past }
                b -= 1
            }
            return .future
        case .presentCue:
            // `is to resume trading Tuesday`
            if k + 2 < tokens.count, wordIs(k, "is") || wordIs(k, "are"), tokens[k + 1].isKeyword(.to),
                tokens[k + 2].kind == .word
            {
                return .future
            }
            return .present
        case .keyword:
            return t.isKeyword(.ended) ? .past : nil
        case .month:
            if !t.isCapitalized, isModalPerfect(k) { return .past }
            // `may be ready by late August`: the modal, in lower case.
            return t.lex.value == 5 && !t.isCapitalized && !isNumber(k + 1) ? .future : nil
        case .none:
            // `set to resume Monday`
            if wordIs(k, "set"), k + 1 < tokens.count, tokens[k + 1].isKeyword(.to) { return .future }
            // Regular past forms: lowercase words ending in `-ed` (`announced`, `agreed`).
            let n = Int(t.end - t.start)
            guard n >= 4, !t.isCapitalized else { return nil }
            let e = Int(t.end)
            guard scalars[e - 1] == "d", scalars[e - 2] == "e" else { return nil }
            if scalars[e - 3] == "e", n < 7 { return nil }  // need, speed, freed is rare
            if wordIs(k, "hundred") || wordIs(k, "united") || wordIs(k, "indeed") { return nil }
            if let b = passiveAuxiliary(k) {
                // `to be published in early November`
                if wordIs(b, "be"), b > 0, tokens[b - 1].isKeyword(.to) { return .future }
                return nil
            }
            // `will remain closed through Wednesday`: a state after a linking verb, not a past event.
            if k > 0, wordIs(k - 1, "remain") || wordIs(k - 1, "remains") || wordIs(k - 1, "stay")
                || wordIs(k - 1, "stays") || wordIs(k - 1, "seem") || wordIs(k - 1, "seems")
            {
                return nil
            }
            // `the proposed plan`, `a still unspecified date`: an adjective after a determiner (and an
            // adverb); `the government lowered` is a verb after its subject.
            if isDeterminer(k - 1) || isDeterminer(k - 2) && isAdverb(k - 1) { return nil }
            // `decided to meet`, `agreed to hold`: an intention, looking ahead.
            if k + 1 < tokens.count, tokens[k + 1].isKeyword(.to), isIntentionVerb(k) { return .future }
            return .past
        default:
            return nil
        }
    }

    /// A verb of postponing (`postponed`, `rescheduled`, `delayed`, `pushed back`, `moved`) within
    /// the eight words before token `p`, in the same clause.
    private func postponedBefore(_ p: Int) -> Bool {
        var k = p - 1
        while k >= 0, k >= p - 8, tokens[k].block == tokens[p].block, !isClauseBoundary(k) {
            let t = tokens[k]
            if t.kind == .word, t.end - t.start >= 5 {
                let start = Int(t.start)
                func prefix(_ word: String) -> Bool {
                    var i = start
                    for c in word.unicodeScalars {
                        guard i < Int(t.end), ScalarClass.asciiLower(scalars[i]) == c else { return false }
                        i += 1
                    }
                    return true
                }
                if prefix("postpon") || prefix("reschedul") || prefix("delay") || prefix("deferr") || prefix("moved")
                    || prefix("pushed")
                {
                    return true
                }
            }
            k -= 1
        }
        return false
    }

    private func isPossessivePronoun(_ b: Int) -> Bool {
        wordIs(b, "his") || wordIs(b, "her") || wordIs(b, "their") || wordIs(b, "our") || wordIs(b, "my")
            || wordIs(b, "your")
    }

    private func isDeterminer(_ b: Int) -> Bool {
        guard b >= 0, let d = tokens[b].keyword else { return false }
        return d == .the || d == .a || d == .an || d == .its || d == .this
    }

    /// `still`, `long`, `newly`: an adverb between a determiner and a participle.
    private func isAdverb(_ b: Int) -> Bool {
        guard b >= 0, tokens[b].kind == .word else { return false }
        let t = tokens[b]
        let n = Int(t.end - t.start)
        if n > 3, scalars[Int(t.end) - 1] == "y", scalars[Int(t.end) - 2] == "l" { return true }
        return wordIs(b, "still") || wordIs(b, "long") || wordIs(b, "once") || wordIs(b, "well") || wordIs(b, "much")
            || wordIs(b, "now") || wordIs(b, "yet") || wordIs(b, "so") || wordIs(b, "ill") || wordIs(b, "un")
    }

    /// `may have`, `might have`, `could have`, `must have`, `should have` before a past participle
    /// (`may have killed`, `could have been`); `would have been 80 on Feb. 20` is left to the date.
    private func isModalPerfect(_ k: Int) -> Bool {
        guard k + 2 < tokens.count, wordIs(k, "may") || wordIs(k, "might") || wordIs(k, "could")
            || wordIs(k, "must") || wordIs(k, "should"), wordIs(k + 1, "have"), tokens[k + 2].kind == .word
        else { return false }
        let p = tokens[k + 2]
        if p.lex.kind == .pastVerb { return true }
        let e = Int(p.end)
        return p.end - p.start >= 4 && scalars[e - 1] == "d" && scalars[e - 2] == "e"
    }

    /// `due this September`, `due next week`, `due in May`, `due on Monday`, `due by Friday`,
    /// `due Tuesday`: a time (or its preposition) right after `due`.
    private func dueBeforeTime(_ k: Int) -> Bool {
        guard k + 1 < tokens.count, tokens[k + 1].block == tokens[k].block else { return false }
        let n = tokens[k + 1]
        if n.isKeyword(.this) || n.isKeyword(.next) || n.lex.kind == .weekday || n.lex.kind == .month { return true }
        guard n.isKeyword(.in) || n.isKeyword(.on) || n.isKeyword(.by), k + 2 < tokens.count else { return false }
        let t = tokens[k + 2]
        return t.kind == .number || t.lex.kind == .month || t.lex.kind == .weekday || t.isKeyword(.the)
            || t.isKeyword(.early) || t.isKeyword(.late) || t.isKeyword(.mid)
    }

    /// Future cues that are also nouns or plain verbs unless `to` or `for` follows.
    private func isIntentionWord(_ k: Int) -> Bool {
        wordIs(k, "plan") || wordIs(k, "plans") || wordIs(k, "planning") || wordIs(k, "planned")
            || wordIs(k, "intending")
            || wordIs(k, "intends") || wordIs(k, "aims") || wordIs(k, "hopes") || wordIs(k, "expects")
            || wordIs(k, "expected") || wordIs(k, "scheduled") || wordIs(k, "slated") || wordIs(k, "due")
            || wordIs(k, "forecast")
    }

    /// Past forms that announce an intention when `to` follows (`decided to`, `agreed to`).
    private func isIntentionVerb(_ k: Int) -> Bool {
        wordIs(k, "decided") || wordIs(k, "agreed") || wordIs(k, "promised") || wordIs(k, "pledged")
            || wordIs(k, "vowed") || wordIs(k, "threatened") || wordIs(k, "hoped") || wordIs(k, "wanted")
            || wordIs(k, "intended") || wordIs(k, "prepared") || wordIs(k, "aimed") || wordIs(k, "offered")
            || wordIs(k, "asked") || wordIs(k, "voted") || wordIs(k, "urged")
    }

    /// `planned`, `scheduled`, `slated`: past forms that still point ahead.
    private func isScheduledWord(_ k: Int) -> Bool {
        wordIs(k, "planned") || wordIs(k, "scheduled") || wordIs(k, "slated")
    }

    /// The form of `be` right before a participle (`be`, `is`, `was` ...), skipping `still`, `also`, `not`.
    private func passiveAuxiliary(_ k: Int) -> Int? {
        var b = k - 1
        if b >= 0, tokens[b].kind == .word, wordIs(b, "still") || wordIs(b, "also") || wordIs(b, "not") { b -= 1 }
        guard b >= 0, wordIs(b, "be") || wordIs(b, "being") || wordIs(b, "is") || wordIs(b, "are") || wordIs(b, "am")
            || wordIs(b, "was")
            || wordIs(b, "were") || wordIs(b, "been")
        else { return nil }
        return b
    }

    /// A participle right after a form of `be` (`must be returned`, `is heard`, `was held`): the
    /// auxiliary carries the tense.
    private func isPassiveParticiple(_ k: Int) -> Bool { passiveAuxiliary(k) != nil }

    /// The word's scalars are compared in one walk that also checks the length (counting
    /// `unicodeScalars` first walked every word twice).
    private func wordIs(_ k: Int, _ word: String) -> Bool {
        let t = tokens[k]
        guard t.kind == .word else { return false }
        var i = Int(t.start)
        let end = Int(t.end)
        for s in word.unicodeScalars {
            guard i < end, ScalarClass.asciiLower(scalars[i]) == s else { return false }
            i += 1
        }
        return i == end
    }
}
