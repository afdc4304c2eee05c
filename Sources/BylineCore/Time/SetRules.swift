/// Recurring times (TIMEX3 SET): `daily`, `weekly`, `annually`, `every week`, `each year`,
/// `every two years`, `every other day`, `every Monday`, `on Mondays`, `per year`, `twice a
/// week`, `$5 million a year`.
extension TimexParser {
    static func period(_ unit: TimeUnit, _ n: Int = 1) -> String {
        DurationValue.render(Double(n), unit)
    }

    func setExpression(at i: Int) -> TimexMatch? {
        guard let k = keyword(i) else { return nil }
        func set(_ value: String, _ end: Int, _ rule: TimexRule) -> TimexMatch {
            TimexMatch(first: i, end: end, spec: .set(value), rule: rule)
        }
        // `the Daily Telegraph`: a name.
        if tokens[i].isCapitalized, !isSentenceStart(i), [.daily, .weekly, .monthly, .yearly].contains(k) { return nil }
        switch k {
        case .daily: return set("P1D", i + 1, .setAdverb)
        case .nightly: return set("P1D", i + 1, .setAdverb)
        case .weekly: return set("P1W", i + 1, .setAdverb)
        case .biweekly: return set("P2W", i + 1, .setAdverb)
        case .monthly: return set("P1M", i + 1, .setAdverb)
        case .quarterly:
            // `its quarterly dividend`: an adjective of reporting, not a recurrence.
            if let next = tok(i + 1), next.kind == .word { return nil }
            return set("P3M", i + 1, .setAdverb)
        case .semiannually: return set("P6M", i + 1, .setAdverb)
        case .yearly, .annually: return set("P1Y", i + 1, .setAdverb)
        case .hourly: return set("PT1H", i + 1, .setAdverb)
        case .every, .each:
            return everyExpression(at: i)
        case .per:
            guard let (unit, plural, end) = unitAt(i + 1), !plural, !isMeasureUnit(i - 1) else { return nil }
            return set(TimexParser.period(unit), end, .setPer)
        case .a, .an:
            // `$5 million a year`, `three times a week`, `24 hours a day`
            guard let (unit, plural, end) = unitAt(i + 1), !plural, precededByAmount(i), !isMeasureUnit(i - 1) else {
                return nil
            }
            return set(TimexParser.period(unit), end, .setPerUnit)
        case .twice, .once, .thrice:
            let j = i + 1
            guard kw(j, .a) || kw(j, .an) || kw(j, .per) || kw(j, .every) || kw(j, .each) else { return nil }
            if kw(j, .every) || kw(j, .each), let m = everyExpression(at: j) {
                return set(setValue(m), m.end, .setFrequency)
            }
            guard let (unit, plural, end) = unitAt(j + 1), !plural else { return nil }
            return set(TimexParser.period(unit), end, .setFrequency)
        default:
            return nil
        }
    }

    private func setValue(_ m: TimexMatch) -> String {
        if case .set(let v) = m.spec.base { return v }
        return "P1D"
    }

    /// `every week`, `every two years`, `every other day`, `each Monday`, `every morning`,
    /// `every January`, `every summer`.
    func everyExpression(at i: Int) -> TimexMatch? {
        var j = i + 1
        var n = 1
        if kw(j, .other) {
            n = 2
            j += 1
        } else if let (value, after) = cardinal(at: j), !kw(j, .a), !kw(j, .an), let v = value, v == v.rounded() {
            n = Int(v)
            j = after
        }
        if let (unit, plural, end) = unitAt(j), plural == (n > 1) || unit == .day && plural {
            return TimexMatch(first: i, end: end, spec: .set(TimexParser.period(unit, n)), rule: .setEvery)
        }
        guard n == 1 else { return nil }
        if lexKind(j) == .unit, lexValue(j) == Int(TimeUnit.weekend.rawValue) {
            return TimexMatch(first: i, end: j + 1, spec: .set("XXXX-WXX-WE"), rule: .setEvery)
        }
        if lexKind(j) == .weekday {
            var value = "XXXX-WXX-\(lexValue(j))"
            var end = j + 1
            if let part = trailingDayPart(end) {
                value += "T" + part.code
                end += 1
            }
            return TimexMatch(first: i, end: end, spec: .set(value), rule: .setEveryWeekday)
        }
        if let part = trailingDayPart(j) {
            return TimexMatch(first: i, end: j + 1, spec: .set("XXXX-XX-XXT" + part.code), rule: .setEveryDayPart)
        }
        if let (month, end, _) = monthName(j) {
            return TimexMatch(first: i, end: end, spec: .set("XXXX-\(pad(month, 2))"), rule: .setEveryMonth)
        }
        if lexKind(j) == .season, let season = Season(rawValue: tokens[j].lex.value) {
            return TimexMatch(first: i, end: j + 1, spec: .set("XXXX-" + season.code), rule: .setEverySeason)
        }
        return nil
    }

    /// `on Mondays`, `Tuesday nights`.
    func weekdaySet(at i: Int) -> TimexMatch? {
        guard tokens[i].isCapitalized else { return nil }
        var value = "XXXX-WXX-\(lexValue(i))"
        var end = i + 1
        if lexKind(end) == .dayPartPlural, let part = DayPart(rawValue: tokens[end].lex.value) {
            value += "T" + part.code
            end += 1
        }
        return TimexMatch(first: i, end: end, spec: .set(value), rule: .setWeekdayPlural)
    }

    /// A lowercase plural noun (`flights`) after a number, perhaps with one word between
    /// (`four new flights`).
    private func countedPlural(_ k: Int) -> Bool {
        let t = tokens[k]
        guard t.kind == .word, t.lex.kind == .none, !t.isCapitalized, t.end - t.start >= 3,
            scalars[Int(t.end) - 1] == "s", scalars[Int(t.end) - 2] != "s"
        else { return false }
        func isCount(_ j: Int) -> Bool {
            guard j >= 0, tokens[j].block == t.block else { return false }
            return tokens[j].kind == .number || tokens[j].lex.kind == .number
        }
        if isCount(k - 1) { return true }
        let between = tokens[max(k - 1, 0)]
        guard k >= 2, between.kind == .word, between.lex.kind == .none || between.lex.kind == .keyword,
            !between.isCapitalized
        else { return false }
        return isCount(k - 2)
    }

    /// A number, money amount or `times` right before token `i`.
    /// A unit of length or volume: `miles per hour`, `20 kilometres an hour` and `litres per
    /// second` are speeds and flows, not recurring times.
    func isMeasureUnit(_ j: Int) -> Bool {
        guard let t = tok(j), t.kind == .word, t.lex.kind == .none else { return false }
        for w in ["miles", "mile", "kilometres", "kilometers", "kilometre", "kilometer", "km", "metres", "meters",
                  "metre", "meter", "feet", "foot", "ft", "inches", "centimetres", "centimeters", "cm", "mm",
                  "litres", "liters", "gallons", "knots", "yards"] where isWord(j, w) {
            return true
        }
        return false
    }

    func precededByAmount(_ i: Int) -> Bool {
        guard i > 0, tokens[i - 1].block == tokens[i].block else { return false }
        let p = tokens[i - 1]
        switch p.kind {
        case .number: return true
        case .punct: return p.value == 0x25  // %
        case .word:
            if p.isKeyword(.times) || p.isKeyword(.twice) || p.isKeyword(.once) || p.isKeyword(.thrice) { return true }
            if p.lex.kind == .number || p.lex.kind == .unitPlural { return true }
            // `four flights a week`, `five new rallies a day`: a counted plural noun is a rate.
            if countedPlural(i - 1) { return true }
            return isWord(i - 1, "million") || isWord(i - 1, "billion") || isWord(i - 1, "trillion")
                || isWord(i - 1, "percent") || isWord(i - 1, "dollars") || isWord(i - 1, "cents")
                || isWord(i - 1, "euros") || isWord(i - 1, "pounds") || isWord(i - 1, "barrels")
                || isWord(i - 1, "tons") || isWord(i - 1, "tonnes") || isWord(i - 1, "people")
        default:
            return false
        }
    }
}
