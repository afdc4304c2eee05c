/// Parts of a year and longer periods: quarters (`the third quarter`, `third-quarter`, `Q4
/// 2011`, `the 1988 second quarter`), halves (`the first half of 2012`), seasons (`summer
/// 2011`, `the winter`), fiscal years (`fiscal 1989`), decades and centuries (`the 20th
/// century`, `the twenty-first century`).
extension TimexParser {
    /// An ordinal word or number: `third`, `3rd`, `twenty-first`.
    func ordinal(at i: Int) -> (value: Int, end: Int)? {
        guard let t = tok(i) else { return nil }
        if t.kind == .ordinalNumber { return (Int(t.value), i + 1) }
        guard t.kind == .word, t.lex.kind == .ordinal else { return nil }
        var v = Int(t.lex.value)
        var e = i + 1
        if v >= 20, v % 10 == 0 {
            let k = isHyphen(e) && attached(e) ? e + 1 : e
            if lexKind(k) == .ordinal, lexValue(k) <= 9 {
                v += lexValue(k)
                e = k + 1
            }
        }
        return (v, e)
    }

    /// Whether the `of` at `j` may still lead to a time or an amount (`of December`, `of the
    /// decade`, `of $8.6 million`): only a plain lowercase word after it, past a determiner or
    /// possessive, names an event (`of the match`, `of its convention`).
    private func timeAfterOf(_ j: Int) -> Bool {
        var k = j + 1
        var determined = false
        if let w = keyword(k), [.the, .this, .that, .its, .last, .next].contains(w) {
            k += 1
            determined = true
        } else if isWord(k, "their") || isWord(k, "his") || isWord(k, "her") || isWord(k, "our") {
            k += 1
            determined = true
        }
        guard let t = tok(k), t.kind == .word, !t.isCapitalized, determined else { return true }
        switch t.lex.kind {
        case .month, .unit, .unitPlural, .season, .holiday, .number, .ordinal, .decadeWord: return true
        case .keyword: return t.isKeyword(.fiscal) || t.isKeyword(.calendar)
        default: return false
        }
    }

    /// `of 2011`, `2011` (a year right after a quarter or season), `of next year`, `of this year`.
    func yearComplement(_ j: Int) -> (year: Int?, relative: Int?, end: Int)? {
        var k = j
        if kw(k, .of) { k += 1 }
        if let y = year4(k) { return (y, nil, k + 1) }
        if k > j, let (y, e) = trailingYear(k) { return (y, nil, e) }
        if k > j, lexKind(k) == .number, let s = spelledYear(at: k),
            case .point(.calendar(let y?, _, _)) = s.spec.base
        {
            return (y, nil, s.end)
        }
        if k > j || kw(k, .this) || kw(k, .last) || kw(k, .next) {
            // `of this year`, `of last year`, `of next year`, `of the year`
            if kw(k, .this), isUnit(k + 1, .year) { return (nil, 0, k + 2) }
            if kw(k, .last), isUnit(k + 1, .year) { return (nil, -1, k + 2) }
            if kw(k, .next), isUnit(k + 1, .year) { return (nil, 1, k + 2) }
            if k > j, kw(k, .the), isUnit(k + 1, .year), !kw(k + 2, .before), !kw(k + 2, .after) {
                return (nil, nil, k + 2)
            }
        }
        return nil
    }

    func isUnit(_ i: Int, _ unit: TimeUnit) -> Bool { lexKind(i) == .unit && lexValue(i) == Int(unit.rawValue) }

    private func yearPartMatch(_ i: Int, _ end: Int, grain: TimexPoint.Grain, part: Int,
                               complement: (year: Int?, relative: Int?, end: Int)?, rule: TimexRule) -> TimexMatch {
        if let c = complement {
            if let r = c.relative {
                // `the first quarter of next year`: the part of a year counted from the reference.
                return TimexMatch(first: i, end: c.end,
                                  spec: .point(.yearPartOfRelativeYear(grain: grain, part: part, yearOffset: r)),
                                  rule: rule, takesDeterminer: true)
            }
            return TimexMatch(first: i, end: c.end, spec: .point(.yearPart(year: c.year, grain: grain, part: part)),
                              rule: rule, takesDeterminer: true)
        }
        return TimexMatch(first: i, end: end, spec: .point(.yearPart(year: nil, grain: grain, part: part)),
                          rule: rule, takesDeterminer: true)
    }

    /// Rules that start with an ordinal: quarters, halves, centuries, `the first nine months`.
    func ordinalExpression(at i: Int) -> TimexMatch? {
        guard let (n, afterOrdinal) = ordinal(at: i) else { return nil }
        var j = skipJoiner(afterOrdinal)
        // `third-quarter results`: the hyphenated adjective stands without its article.
        let adjective = j > afterOrdinal
        if kw(j, .fiscal) || kw(j, .calendar) { j = skipJoiner(j + 1) }
        // `the second half of the match`, `the first quarter of the game`: part of an event.
        if isUnit(j, .quarter) || kw(j, .half), kw(j + 1, .of), yearComplement(j + 1) == nil, !timeAfterOf(j + 1) {
            return nil
        }
        if isUnit(j, .quarter), (1...4).contains(n) {
            var m = yearPartMatch(i, j + 1, grain: .quarter, part: n, complement: yearComplement(j + 1),
                                  rule: .yearPartQuarter)
            if adjective, m.end == j + 1 { m.takesDeterminer = false }
            return m
        }
        if lexKind(j) == .unitPlural, lexValue(j) == Int(TimeUnit.quarter.rawValue), (1...4).contains(n) {
            return TimexMatch(first: i, end: j + 1, spec: .set("XXXX-Q\(n)"), rule: .setQuarters,
                              takesDeterminer: true)
        }
        if kw(j, .half), n == 1 || n == 2 {
            return yearPartMatch(i, j + 1, grain: .half, part: n, complement: yearComplement(j + 1),
                                 rule: .yearPartHalf)
        }
        if isUnit(j, .century), n >= 1, n <= 30 {
            return TimexMatch(first: i, end: j + 1, spec: .point(.century((n - 1) * 100)), rule: .yearPartCentury,
                              takesDeterminer: true)
        }
        if isUnit(j, .millennium), n >= 1, n <= 3 {
            return TimexMatch(first: i, end: j + 1, spec: .point(.millennium((n - 1) * 1000)),
                              rule: .yearPartMillennium, takesDeterminer: true)
        }
        // `the first two quarters of 1990`: the first half.
        if n == 1, tokens[i].kind == .word, isWord(afterOrdinal, "two"), lexKind(afterOrdinal + 1) == .unitPlural,
            lexValue(afterOrdinal + 1) == Int(TimeUnit.quarter.rawValue)
        {
            return yearPartMatch(i, afterOrdinal + 2, grain: .half, part: 1,
                                 complement: yearComplement(afterOrdinal + 2), rule: .yearPartFirstTwoQuarters)
        }
        // `the first nine months`, `the first two weeks`: a duration.
        if n == 1, tokens[i].kind == .word, var q = quantity(at: afterOrdinal, determined: true), q.spec.isDuration {
            q.first = i
            q.rule = .durationFirstAmount
            return q
        }
        return nil
    }

    /// `1988 third quarter`, `the 1988 fourth-quarter`, `the 1988 quarter`, `the 1989 period`.
    func yearPartWithYear(at i: Int) -> TimexMatch? {
        guard let y = year4(i) else { return nil }
        if isUnit(i + 1, .quarter) || kw(i + 1, .period), i > 0, tokens[i - 1].isKeyword(.the) {
            return TimexMatch(first: i, end: i + 2, spec: .point(.periodInYear(y)), rule: .yearPartYearPeriod,
                              takesDeterminer: true)
        }
        guard let (n, afterOrdinal) = ordinal(at: i + 1) else { return nil }
        let j = skipJoiner(afterOrdinal)
        if isUnit(j, .quarter), (1...4).contains(n) {
            return TimexMatch(first: i, end: j + 1, spec: .point(.yearPart(year: y, grain: .quarter, part: n)),
                              rule: .yearPartYearQuarter, takesDeterminer: true)
        }
        if kw(j, .half), n == 1 || n == 2 {
            return TimexMatch(first: i, end: j + 1, spec: .point(.yearPart(year: y, grain: .half, part: n)),
                              rule: .yearPartYearHalf, takesDeterminer: true)
        }
        return nil
    }

    /// `Q3`, `Q3 2011`, `H1 2012`.
    func quarterCode(at i: Int) -> TimexMatch? {
        guard isCapitalized(i), let t = tok(i + 1), t.kind == .number, attached(i + 1), t.digits == 1,
            !(tok(i + 2).map { !$0.spaceBefore && $0.kind != .punct } ?? false)
        else {
            return nil
        }
        let isQuarter = kw(i, .q)
        guard isQuarter ? (1...4).contains(t.value) : (1...2).contains(t.value) else { return nil }
        let grain: TimexPoint.Grain = isQuarter ? .quarter : .half
        var end = i + 2
        var year: Int?
        if let y = year4(end) {
            year = y
            end += 1
        } else if i > 0, let y = year4(i - 1) {
            _ = y  // `2011 Q3`: the year rule already took the year; this quarter stays year-less.
        } else if !isQuarter {
            // `100% H2`, `H1N1`: a half-year code needs its year.
            return nil
        }
        return TimexMatch(first: i, end: end, spec: .point(.yearPart(year: year, grain: grain, part: Int(t.value))),
                          rule: .yearPartCode, takesDeterminer: true)
    }

    /// `fiscal 1989`, `fiscal year 1990`, `fiscal third quarter`, `calendar 1990`.
    func fiscalExpression(at i: Int, determined: Bool) -> TimexMatch? {
        var j = skipJoiner(i + 1)
        if isUnit(j, .year) { j += 1 }
        if let y = year4(j) {
            return TimexMatch(first: i, end: j + 1, spec: .point(.calendar(year: y, month: nil, day: nil)),
                              rule: .yearPartFiscalYear, takesDeterminer: true)
        }
        if let (y, e) = trailingYear(j), isApostrophe(j) {
            return TimexMatch(first: i, end: e, spec: .point(.calendar(year: y, month: nil, day: nil)),
                              rule: .yearPartFiscalYear, takesDeterminer: true)
        }
        if var m = ordinalExpression(at: skipJoiner(i + 1)) {
            m.first = i
            return m
        }
        return nil
    }

    /// `summer 2011`, `the summer of 2011`, `the winter`, `early spring` (a bare season needs a
    /// determiner, a modifier or a preposition before it: `spring` and `fall` are verbs too).
    func seasonExpression(at i: Int, afterModifier: Bool, determined: Bool) -> TimexMatch? {
        let season = lexValue(i)
        if let c = yearComplement(i + 1), c.year != nil || c.relative != nil {
            return yearPartMatch(i, i + 1, grain: .season, part: season, complement: c, rule: .yearPartSeasonYear)
        }
        if let (y, e) = trailingYear(i + 1), !isComma(i + 1) {
            return TimexMatch(first: i, end: e, spec: .point(.yearPart(year: y, grain: .season, part: season)),
                              rule: .yearPartSeasonYear, takesDeterminer: true)
        }
        var cue = determined || afterModifier
        if !cue, i > 0, tokens[i - 1].block == tokens[i].block, let k = tokens[i - 1].keyword {
            switch k {
            case .in, .during, .since, .until, .by, .through, .over, .this, .last, .next, .early, .late, .mid, .for:
                cue = true
            default:
                break
            }
        }
        guard cue else { return nil }
        // `the summer Olympics`, `the fall of Rome`: a capitalised word after it or `of` + noun.
        if kw(i + 1, .of) { return nil }
        if let next = tok(i + 1), next.kind == .word, next.lex.kind == .none, next.isCapitalized { return nil }
        return TimexMatch(first: i, end: i + 1, spec: .point(.yearPart(year: nil, grain: .season, part: season)),
                          rule: .yearPartSeason, takesDeterminer: true)
    }
}
