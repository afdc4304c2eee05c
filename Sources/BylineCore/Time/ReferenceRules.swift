/// General references to the present, past and future: `now`, `currently`, `nowadays`, `at
/// present`, `current` (`current conditions`), `recently`, `lately`, `recent`, `in the past`,
/// `the future`, `future` (`future losses`), `the near future`.
///
/// `previously`, `formerly` and `soon` are left out: annotators of news rarely mark them.
extension TimexParser {
    func referenceExpression(at i: Int, determined: Bool) -> TimexMatch? {
        guard let k = keyword(i) else { return nil }
        func ref(_ value: String, _ end: Int, _ rule: TimexRule, determiner: Bool = true) -> TimexMatch {
            TimexMatch(first: i, end: end, spec: .reference(value), rule: rule, takesDeterminer: determiner)
        }
        // `current`, `recent`, `future` before a noun: an adjective, without its article.
        func adjectiveFollows() -> Bool {
            guard let next = tok(i + 1), next.kind == .word, !next.isCapitalized else { return false }
            // `the upward current brought`: a noun before a verb.
            return next.lex.kind != .pastVerb && next.lex.kind != .futureCue && next.lex.kind != .presentCue
        }
        switch k {
        case .now:
            // `now-defunct` is an adjective prefix, not a time.
            if isHyphen(i + 1), attached(i + 1) { return nil }
            // `every now and then`, `now and again`: an idiom for `sometimes`.
            if kw(i + 1, .and), isWord(i + 2, "then") || isWord(i + 2, "again") { return nil }
            return ref("PRESENT_REF", i + 1, .referenceNow)
        case .currently, .nowadays, .presently:
            return ref("PRESENT_REF", i + 1, .referencePresent, determiner: false)
        case .present:
            // `at present`, `the present`; `present` as a verb or adjective is not a time.
            let previousIsAt = i > 0 && tokens[i - 1].block == tokens[i].block && tokens[i - 1].isKeyword(.at)
            guard determined || previousIsAt, endsClause(i + 1) || kw(i + 1, .and) else { return nil }
            return ref("PRESENT_REF", i + 1, .referencePresent)
        case .recently, .lately:
            // An adverb: `the recently released report` leaves `the` to the noun.
            return ref("PAST_REF", i + 1, .referencePast, determiner: false)
        case .current:
            // `current conditions`, `its current position`; `the current quarter` is a relative rule.
            guard adjectiveFollows() else { return nil }
            return ref("PRESENT_REF", i + 1, .referenceCurrent, determiner: false)
        case .recent:
            guard adjectiveFollows() else { return nil }
            return ref("PAST_REF", i + 1, .referenceRecent, determiner: false)
        case .past:
            // `in the past`: the past on its own, not `the past two years` (a relative rule) nor
            // `the past president`.
            guard determined else { return nil }
            if let next = tok(i + 1), next.kind == .word, next.lex.kind == .none, !endsClause(i + 1) {
                let that = isWord(i + 1, "that") || isWord(i + 1, "it") || isWord(i + 1, "he") || isWord(i + 1, "she")
                    || isWord(i + 1, "they") || isWord(i + 1, "we")
                guard that else { return nil }
            }
            return ref("PAST_REF", i + 1, .referenceThePast)
        case .future:
            if determined {
                guard !kw(i + 1, .of) else { return nil }
                return ref("FUTURE_REF", i + 1, .referenceFuture)
            }
            // `future losses`, `future demand`: the adjective.
            guard adjectiveFollows(), tokens[i + 1].lex.kind == .none else { return nil }
            return ref("FUTURE_REF", i + 1, .referenceFutureAdjective, determiner: false)
        case .near:
            guard determined, kw(i + 1, .future) else { return nil }
            return ref("FUTURE_REF", i + 2, .referenceFuture)
        default:
            return nil
        }
    }
}
