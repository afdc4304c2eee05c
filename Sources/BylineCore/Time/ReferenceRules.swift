/// General references to the present, past and future: `now`, `currently`, `nowadays`, `at
/// present`, `recently`, `lately`, `previously`, `in the past`, `the future`, `the near
/// future`, `soon`.
extension TimexParser {
    func referenceExpression(at i: Int, determined: Bool) -> TimexMatch? {
        guard let k = keyword(i) else { return nil }
        func ref(_ value: String, _ end: Int, _ rule: String) -> TimexMatch {
            TimexMatch(first: i, end: end, spec: .reference(value), rule: rule, takesDeterminer: true)
        }
        switch k {
        case .now:
            // `now-defunct` is an adjective prefix, not a time.
            if isHyphen(i + 1), attached(i + 1) { return nil }
            return ref("PRESENT_REF", i + 1, "reference.now")
        case .currently, .nowadays, .presently:
            return ref("PRESENT_REF", i + 1, "reference.present")
        case .present:
            // `at present`, `the present`; `present` as a verb or adjective is not a time.
            let previousIsAt = i > 0 && tokens[i - 1].block == tokens[i].block && tokens[i - 1].isKeyword(.at)
            guard determined || previousIsAt, endsClause(i + 1) || kw(i + 1, .and) else { return nil }
            return ref("PRESENT_REF", i + 1, "reference.present")
        case .recently, .lately, .previously, .formerly:
            return ref("PAST_REF", i + 1, "reference.past")
        case .past:
            // `in the past`: the past on its own, not `the past two years` (a relative rule).
            guard determined, endsClause(i + 1) || kw(i + 1, .and) || kw(i + 1, .or) else { return nil }
            return ref("PAST_REF", i + 1, "reference.thePast")
        case .future:
            guard determined, !kw(i + 1, .of) else { return nil }
            return ref("FUTURE_REF", i + 1, "reference.future")
        case .near:
            guard determined, kw(i + 1, .future) else { return nil }
            return ref("FUTURE_REF", i + 2, "reference.future")
        case .soon:
            // `as soon as` is a conjunction.
            if i > 0, tokens[i - 1].block == tokens[i].block, tokens[i - 1].isKeyword(.so) || isWord(i - 1, "as") {
                return nil
            }
            return ref("FUTURE_REF", i + 1, "reference.soon")
        default:
            return nil
        }
    }
}
