/// Amounts of time and points counted from an anchor: `three years`, `48 hours`, `a decade`,
/// `two-year`, `several weeks`, `a year and a half`, `two days ago`, `three years earlier`,
/// `a week later`, `five years from now`.
extension TimexParser {
    /// A cardinal number in digits or words. The value is nil for vague amounts (`several`,
    /// `a few`, `many`), which give `X` in a TIMEX3 value.
    func cardinal(at i: Int) -> (value: Double?, end: Int)? {
        guard let t = tok(i) else { return nil }
        switch t.kind {
        case .number:
            guard !t.flags.contains(.plural), t.digits <= 6 else { return nil }
            var v = Double(t.value) + Double(t.fraction)
            var e = i + 1
            // `2 1/2`
            if isNumber(e), isPunct(e + 1, 0x2F), isNumber(e + 2), attached(e + 1), attached(e + 2),
                tokens[e].value < tokens[e + 2].value, tokens[e + 2].value <= 4
            {
                v += Double(tokens[e].value) / Double(tokens[e + 2].value)
                e += 3
            }
            return (v, e)
        case .word:
            if t.lex.kind == .number {
                var v = Int(t.lex.value)
                var e = i + 1
                if v >= 20, v <= 90, v % 10 == 0 {
                    let k = isHyphen(e) && attached(e) ? e + 1 : e
                    if lexKind(k) == .number, (1...9).contains(lexValue(k)) {
                        v += lexValue(k)
                        e = k + 1
                    }
                }
                if lexKind(e) == .number, lexValue(e) == 100 || lexValue(e) == 1000, v < 100 {
                    v *= lexValue(e)
                    e += 1
                }
                if kw(e, .and), kw(e + 1, .a), kw(e + 2, .half) {
                    return (Double(v) + 0.5, e + 3)
                }
                return (Double(v), e)
            }
            guard let k = t.keyword else { return nil }
            switch k {
            case .a, .an:
                if lexKind(i + 1) == .number, [12, 100, 1000].contains(lexValue(i + 1)) {
                    return (Double(lexValue(i + 1)), i + 2)
                }
                if kw(i + 1, .couple) { return (2, kw(i + 2, .of) ? i + 3 : i + 2) }
                if kw(i + 1, .few) { return (nil, i + 2) }
                if kw(i + 1, .half) { return (0.5, i + 2) }
                return (1, i + 1)
            case .few, .several, .many:
                return (nil, i + 1)
            case .couple:
                return (2, kw(i + 1, .of) ? i + 2 : i + 1)
            case .half:
                if kw(i + 1, .a) || kw(i + 1, .an) { return (0.5, i + 2) }
                return nil
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// A unit word (`year`, `weeks`, `second`).
    func unitAt(_ k: Int) -> (unit: TimeUnit, plural: Bool, end: Int)? {
        guard let t = tok(k), t.kind == .word else { return nil }
        switch t.lex.kind {
        case .unit:
            guard let u = TimeUnit(rawValue: t.lex.value), u != .weekend else { return nil }
            return (u, false, k + 1)
        case .unitPlural:
            guard let u = TimeUnit(rawValue: t.lex.value), u != .weekend else { return nil }
            return (u, true, k + 1)
        case .ordinal where t.lex.value == 2 && isWord(k, "second"):
            return (.second, false, k + 1)
        default:
            return nil
        }
    }

    /// Words that may sit between a number and its unit: `two straight years`, `three more weeks`.
    private func skipQuantityAdjectives(_ k: Int) -> Int {
        var k = k
        while let w = keyword(k),
            w == .straight || w == .consecutive || w == .successive || w == .full || w == .more || w == .whole
                || w == .long || w == .trading || w == .business || w == .working || w == .additional
        {
            k += 1
        }
        return k
    }

    /// `N units` as a duration, or counted from an anchor (`ago`, `earlier`, `later`, `from now`).
    func quantity(at i: Int, determined: Bool) -> TimexMatch? {
        var amount: Double?
        var unit: TimeUnit
        var end: Int
        // `the four day convention`: an amount used as an adjective leaves the article to its noun.
        var adjectival = false
        var hyphenatedUnit = false
        var fortnight = false
        if kw(i, .fortnight) {
            amount = 2
            unit = .week
            end = i + 1
        } else {
            guard let (n, afterNumber) = cardinal(at: i) else { return nil }
            amount = n
            var k = afterNumber
            // `two or three years`, `two to three weeks`: the lower bound.
            if kw(k, .or) || kw(k, .to) || (isHyphen(k) && tokens[i].kind == .number),
                let (_, afterSecond) = cardinal(at: k + 1), afterSecond > k + 1, !kw(k + 1, .a), !kw(k + 1, .an)
            {
                k = afterSecond
            }
            let beforeJoiner = k
            k = skipJoiner(k)
            let hyphenated = k > beforeJoiner
            hyphenatedUnit = hyphenated
            k = skipQuantityAdjectives(k)
            if kw(k, .fortnight), let n = amount {
                // `a fortnight`, `a fortnight ago`; `two fortnights` is rare enough to leave out.
                amount = 2 * n
                unit = .week
                end = k + 1
                fortnight = true
            } else {
                guard let u = unitAt(k) else { return nil }
                // `the 1988 quarter` is not an amount: more than one of a unit is plural unless
                // hyphenated (`48-hour`).
                if !u.plural, !hyphenated, (amount ?? 2) > 1 {
                    // `a five year low`, `a three hour meeting`: a small number as an adjective.
                    guard tokens[i].kind == .word || tokens[i].digits <= 3, let next = tok(u.end), next.kind == .word,
                        !next.isCapitalized
                    else { return nil }
                    adjectival = true
                }
                // `a second group` is an ordinal; `60 Minutes` a title.
                if u.unit == .second, kw(i, .a) || kw(i, .an) { return nil }
                if tokens[k].isCapitalized, !tokens[i].isCapitalized, !tokens[k].flags.contains(.allCaps) { return nil }
                // `a year-earlier loss` belongs to the `year-earlier` rule.
                if isHyphen(u.end), kw(u.end + 1, .earlier) || kw(u.end + 1, .ago) { return nil }
                // `a years` is not an amount; `one years` is a typo we accept.
                if u.plural, kw(i, .a) || kw(i, .an), amount == 1 { return nil }
                unit = u.unit
                end = u.end
                // `about a quarter as much`, `a quarter million`: a fraction, not a time.
                if unit == .quarter, kw(end, .as) || isNumber(end) || lexKind(end) == .number || isWord(end, "million")
                    || isWord(end, "billion") || isWord(end, "percent") || isWord(end, "point")
                {
                    return nil
                }
                // `a quarter century`, `a quarter-century`: 25 years.
                if unit == .quarter, !u.plural, isUnit(skipJoiner(end), .century), let a = amount {
                    return TimexMatch(first: i, end: skipJoiner(end) + 1, spec: .duration(a * 25, .year),
                                      rule: .durationQuarterCentury, takesDeterminer: true)
                }
                // `three-quarters of its food`, `a quarter of the market`: a fraction, not a time;
                // `a quarter of an hour` is fifteen minutes.
                if unit == .quarter, kw(end, .of) {
                    guard kw(end + 1, .an) || kw(end + 1, .a), isUnit(end + 2, .hour), let a = amount else {
                        return nil
                    }
                    return TimexMatch(first: i, end: end + 3, spec: .duration(a * 15, .minute),
                                      rule: .durationQuarterHour, takesDeterminer: true)
                }
                // Ages are not time expressions: `five years old`, `a five-year-old`, `aged 8-10 years`,
                // `at the age of four months`, `10-19 year olds`.
                if kw(end, .old) || (isHyphen(end) && kw(end + 1, .old)) || isWord(end, "olds") || isAge(before: i) {
                    return nil
                }
                if kw(end, .and), kw(end + 1, .a), kw(end + 2, .half), let a = amount {
                    amount = a + 0.5
                    end += 3
                }
                // `1 hour 59 minutes 40.2 seconds`, `three years and two months`: one amount.
                if !hyphenated, let a = amount, let (total, e) = compoundAmount(a, unit, after: end) {
                    amount = total
                    end = e
                }
            }
        }
        var m = TimexMatch(first: i, end: end, spec: .duration(amount, unit),
                           rule: fortnight ? .durationFortnight : .durationAmount, takesDeterminer: !adjectival)
        if tokens[i].kind == .number, isHyphen(i + 1) { m.rule = .durationCompound }
        // `the 20-minute demonstration`, `the 14-day waiting period`: a hyphenated amount before a
        // noun is an adjective and leaves the article to the noun.
        if hyphenatedUnit, let next = tok(end), next.kind == .word, next.lex.kind == .none {
            m.takesDeterminer = false
        }
        // Counted points.
        func counted(_ sign: Int, _ anchor: AnchorKind, _ rule: TimexRule, _ endIndex: Int) -> TimexMatch {
            var c = m
            c.end = endIndex
            c.spec.mod = m.spec.mod
            c.rule = rule
            c.takesDeterminer = false
            if let a = amount {
                var (n, u) = TimexParser.wholeUnits(a, unit)
                // `a decade ago` is a year ten years back; `48 hours ago` two days back.
                switch u {
                case .decade: (n, u) = (n * 10, .year)
                case .century: (n, u) = (n * 100, .year)
                case .millennium: (n, u) = (n * 1000, .year)
                case .hour where n >= 24: (n, u) = ((n + 12) / 24, .day)
                default: break
                }
                c.spec = .point(.relative(u, sign * n, anchor))
            } else if anchor == .narrative {
                // `a few days later`: an unknown amount from an unknown point; the amount is what
                // is known (`PXD`), so the duration stands without its adverb.
                return m
            } else {
                c.spec = .reference(sign < 0 ? "PAST_REF" : "FUTURE_REF")
            }
            c.spec.mod = m.spec.mod
            c.spec.counted = true
            return c
        }
        // `a week or so ago`
        var approximate = false
        if kw(end, .or), kw(end + 1, .so), kw(end + 2, .ago) || kw(end + 2, .earlier) || kw(end + 2, .later) {
            approximate = true
            end += 2
        }
        guard let k = keyword(end) else {
            // `redeemed in five years`: a point in the future (not `the first time in three years`, not
            // `in three days of talks`).
            if i > 0, tokens[i - 1].block == tokens[i].block, tokens[i - 1].isKeyword(.in), amount != nil,
                unit >= .day, !kw(end, .of), tense(first: i, end: end) == .future
            {                return counted(1, .document, .relativeInFuture, end)
            }
            return m
        }
        if approximate { m.spec.mod = .approx }
        switch k {
        case .ago:
            return counted(-1, .document, .relativeAgo, end + 1)
        case .earlier:
            return counted(-1, .narrative, .relativeEarlier, end + 1)
        case .later:
            return counted(1, .narrative, .relativeLater, end + 1)
        case .before, .after:
            // `two days later` is a point; `two days after the vote` keeps the duration.
            if endsClause(end + 1) {
                return counted(k == .before ? -1 : 1, .narrative, .relativeBeforeAfter, end + 1)
            }
            return m
        case .from:
            if kw(end + 1, .now) || kw(end + 1, .today) { return counted(1, .document, .relativeFromNow, end + 2) }
            return m
        case .hence:
            return counted(1, .document, .relativeHence, end + 1)
        default:
            return m
        }
    }

    /// Finer amounts right after an amount of `unit` (`59 minutes 40.2 seconds`, `and two months`),
    /// added to it in `unit`.
    func compoundAmount(_ amount: Double, _ unit: TimeUnit, after j: Int) -> (Double, Int)? {
        var total = amount
        var coarser = unit
        var k = j
        var end: Int?
        while true {
            var n = k
            if isComma(n) { n += 1 }
            if kw(n, .and) { n += 1 }
            guard let t = tok(n), t.kind == .number || t.lex.kind == .number, let (v, afterNumber) = cardinal(at: n),
                let value = v, let u = unitAt(afterNumber), u.unit < coarser, u.plural || value == 1,
                let ratio = TimexParser.ratio(coarser: unit, finer: u.unit)
            else { break }
            total += value / ratio
            coarser = u.unit
            k = u.end
            end = k
        }
        guard let end else { return nil }
        return (total, end)
    }

    /// How many `finer` units make one `coarser` (a month taken as 30 days).
    static func ratio(coarser: TimeUnit, finer: TimeUnit) -> Double? {
        var r = 1.0
        var u = coarser
        while u != finer {
            guard let (next, factor) = u == .week ? (.day, 7) : finerUnit(u) else { return nil }
            if next < finer { return nil }
            r *= factor
            u = next
        }
        return r
    }

    /// `aged`, `age of`, `ages` right before an amount (or before the lower end of `8-10 years`).
    func isAge(before i: Int) -> Bool {
        var p = i - 1
        if isHyphen(p) || isPunct(p, 0x2013) || kw(p, .to), isNumber(p - 1) { p -= 2 }
        if isWord(p, "aged") || isWord(p, "ages") { return true }
        return kw(p, .of) && isWord(p - 1, "age")
    }

    /// Converts a fractional amount to whole units of a finer unit (`1.5 years` = 18 months).
    static func wholeUnits(_ amount: Double, _ unit: TimeUnit) -> (Int, TimeUnit) {
        var a = amount
        var u = unit
        while a != a.rounded(), let (finer, factor) = finerUnit(u) {
            a *= factor
            u = finer
        }
        return (Int(a.rounded()), u)
    }

    static func finerUnit(_ unit: TimeUnit) -> (TimeUnit, Double)? {
        switch unit {
        case .millennium: return (.year, 1000)
        case .century: return (.year, 100)
        case .decade: return (.year, 10)
        case .year: return (.month, 12)
        case .half: return (.month, 6)
        case .quarter: return (.month, 3)
        case .month: return (.day, 30)
        case .week: return (.day, 7)
        case .day: return (.hour, 24)
        case .hour: return (.minute, 60)
        case .minute: return (.second, 60)
        default: return nil
        }
    }
}

enum DurationValue {
    /// TIMEX3 duration: `P3Y`, `PT48H`, `P10Y` (a decade), `P1Q`, `PXY` (unspecified amount).
    static func render(_ amount: Double?, _ unit: TimeUnit) -> String {
        guard let amount else {
            switch unit {
            case .hour: return "PTXH"
            case .minute: return "PTXM"
            case .second: return "PTXS"
            case .decade: return "PXDE"
            case .century: return "PXC"
            case .millennium: return "PXML"
            default: return "PX" + code(unit)
            }
        }
        var a = amount
        var u = unit
        switch unit {
        case .decade:
            a *= 10
            u = .year
        case .century:
            a *= 100
            u = .year
        case .millennium:
            a *= 1000
            u = .year
        case .half:
            a *= 6
            u = .month
        default: break
        }
        // A fraction goes to the next finer unit: 2 1/2 years = P2Y6M, 1.5 hours = PT1H30M; seconds
        // keep theirs (47.42 seconds = PT47.42S).
        var parts: [(String, TimeUnit)] = []
        var remaining = a
        while true {
            let whole = remaining.rounded(.down)
            let fraction = remaining - whole
            guard fraction > 1e-9, let (finer, factor) = TimexParser.finerUnit(u), parts.count < 3 else {
                if fraction > 1e-9 {
                    parts.append((decimal(remaining), u))
                } else if whole > 0 || parts.isEmpty {
                    parts.append((String(Int(whole)), u))
                }
                break
            }
            if whole > 0 { parts.append((String(Int(whole)), u)) }
            remaining = (fraction * factor * 1000).rounded() / 1000
            u = finer
        }
        var date = "P"
        var time = ""
        for (n, unit) in parts {
            switch unit {
            case .hour, .minute, .second: time += n + code(unit)
            default: date += n + code(unit)
            }
        }
        return time.isEmpty ? date : date + "T" + time
    }

    /// `47.42`: up to three decimals, without trailing zeros.
    static func decimal(_ x: Double) -> String {
        var digits = String(Int((x * 1000).rounded()))
        while digits.count < 4 { digits = "0" + digits }
        var fraction = digits.suffix(3)
        while fraction.last == "0" { fraction = fraction.dropLast() }
        let whole = digits.dropLast(3)
        return fraction.isEmpty ? String(whole) : whole + "." + fraction
    }

    static func code(_ unit: TimeUnit) -> String {
        switch unit {
        case .second: return "S"
        case .minute: return "M"
        case .hour: return "H"
        case .dayPart, .day: return "D"
        case .weekend: return "WE"
        case .week: return "W"
        case .month: return "M"
        case .season: return "S"
        case .quarter: return "Q"
        case .half: return "H"
        case .year: return "Y"
        case .decade: return "DE"
        case .century: return "CE"
        case .millennium: return "ML"
        }
    }
}

extension TimexParser {
    /// An amount of time with neither number nor unit: `for a while`, `after a long while`, `for
    /// quite some time`, `it took some time` (`PXX`); `a while ago`, `some time ago` are past
    /// references. Only after a word that asks for a length of time, so that `some time next
    /// week` or `a while later` are left to the rules for points.
    func vagueDuration(at i: Int) -> TimexMatch? {
        var e: Int
        if kw(i, .a) {
            e = kw(i + 1, .long) || kw(i + 1, .good) ? i + 2 : i + 1
            guard kw(e, .while) else { return nil }
        } else {
            guard kw(i, .some), kw(i + 1, .time) else { return nil }
            e = i + 1
        }
        e += 1
        if kw(e, .ago) {
            return TimexMatch(first: i, end: e + 1, spec: .reference("PAST_REF"), rule: .referenceVagueAgo)
        }
        // `some time next week`, `some time in March`: a point, not an amount.
        if let next = tok(e), next.kind == .word {
            switch next.lex.kind {
            case .month, .monthAbbreviation, .weekday, .weekdayAbbreviation, .dayPart, .season, .holiday, .unit:
                return nil
            case .keyword:
                if let k = next.keyword, k == .this || k == .last || k == .next || k == .later || k == .earlier
                    || k == .before || k == .after || k == .early || k == .late || k == .mid || k == .during
                    || (k == .in && (isNumber(e + 1) || monthName(e + 1) != nil))
                {
                    return nil
                }
            default:
                break
            }
        }
        var cue = i - 1
        if isWord(cue, "quite") { cue -= 1 }
        guard cue >= blockStart, tokens[cue].kind == .word else { return nil }
        let asks =
            kw(cue, .for) || kw(cue, .after) || isWord(cue, "take") || isWord(cue, "takes") || isWord(cue, "took")
            || isWord(cue, "taken") || isWord(cue, "taking") || isWord(cue, "spend") || isWord(cue, "spends")
            || isWord(cue, "spent") || isWord(cue, "spending")
        guard asks else { return nil }
        return TimexMatch(first: i, end: e, spec: TimexSpec(.vagueDuration), rule: .durationVague)
    }
}
