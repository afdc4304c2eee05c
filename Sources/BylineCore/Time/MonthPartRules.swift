/// Days and weeks counted within a month: `the first Monday of October`, `the last Friday in
/// March 2014`, `the last day of the month`, `the 15th of next month`, `the first week of
/// October`, `the last weekend of July`, `the week of March 6`, and a day of the month on its own
/// after a preposition (`on the 15th`, `by the 3rd`).
extension TimexParser {
    /// The month a day or week is counted in: `October`, `October 2014`, `this month`, `next
    /// month`, `the month`, `the current month`, `the previous month`.
    func monthReference(_ j: Int) -> (month: MonthReference, end: Int)? {
        if let t = tok(j), t.kind == .word,
            t.lex.kind == .month || t.lex.kind == .monthAbbreviation && t.isCapitalized
        {
            let month = Int(t.lex.value)
            var e = j + 1
            if t.lex.kind == .monthAbbreviation, isPeriod(e), attached(e) { e += 1 }
            if let (y, after) = trailingYear(e) { return (.named(month: Int8(month), year: Int32(y)), after) }
            if kw(e, .of), let y = year4(e + 1) { return (.named(month: Int8(month), year: Int32(y)), e + 2) }
            return (.named(month: Int8(month), year: nil), e)
        }
        var k = j
        var offset = 0
        if let w = keyword(k) {
            switch w {
            case .this, .current, .the: offset = 0
            case .next, .following, .coming: offset = 1
            case .last, .previous, .past, .preceding: offset = -1
            default: return nil
            }
            k += 1
            // `the current month`, `the next month`
            if w == .the, let w2 = keyword(k), [.current, .next, .following, .previous, .last].contains(w2) {
                offset = w2 == .current ? 0 : [.next, .following].contains(w2) ? 1 : -1
                k += 1
            }
        } else {
            return nil
        }
        guard isUnit(k, .month) else { return nil }
        return (.relative(Int8(offset)), k + 1)
    }

    /// `of October`, `in the month`: the month after `of` or `in`.
    private func monthAfterPreposition(_ j: Int) -> (month: MonthReference, end: Int)? {
        guard kw(j, .of) || kw(j, .in) else { return nil }
        return monthReference(j + 1)
    }

    /// `first` ... `fifth`, `1st` ... `5th`, `last`: the count of a weekday or week in a month
    /// (`last` = -1); with `day`, up to the 31st.
    private func countInMonth(_ i: Int) -> (n: Int, end: Int)? {
        if kw(i, .last) { return (-1, i + 1) }
        guard let (n, e) = ordinal(at: i), n >= 1, n <= 31 else { return nil }
        return (n, e)
    }

    /// `the first Monday of October`, `the last day of the month`, `the 20th day of next month`,
    /// `the second week of March`, `the last weekend of July`, `the 15th of next month`.
    func countedInMonth(at i: Int) -> TimexMatch? {
        guard let (n, j) = countInMonth(i) else { return nil }
        func match(_ spec: PointSpec, _ end: Int, _ rule: TimexRule) -> TimexMatch {
            TimexMatch(first: i, end: end, spec: .point(spec), rule: rule, takesDeterminer: true)
        }
        if lexKind(j) == .weekday, n <= 5, let (month, end) = monthAfterPreposition(j + 1) {
            return match(.nthWeekdayOfMonth(n: Int8(n), weekday: Int8(lexValue(j)), month: month), end,
                         .monthNthWeekday)
        }
        if isUnit(j, .day), let (month, end) = monthAfterPreposition(j + 1) {
            return match(.nthDayOfMonth(n: Int8(n), month: month), end, .monthNthDay)
        }
        if isUnit(j, .week) || isUnit(j, .weekend), n <= 5, let (month, end) = monthAfterPreposition(j + 1) {
            return match(.nthWeekOfMonth(n: Int8(n), weekend: isUnit(j, .weekend), month: month), end,
                         .monthNthWeek)
        }
        // `the 15th of next month`, `20th of this month` (a named month is `dayMonth`'s).
        if n > 0, kw(j, .of), let (month, end) = monthReference(j + 1), case .relative = month {
            return match(.nthDayOfMonth(n: Int8(n), month: month), end, .monthDayOfRelativeMonth)
        }
        return nil
    }

    /// `on the 15th`, `by the 3rd`, `until the 21st.`: a day of the month alone, after a
    /// preposition and before anything but a noun (`on the 33rd floor` is no date).
    func dayOfMonthAlone(at i: Int, determined: Bool) -> TimexMatch? {
        guard let t = tok(i), t.kind == .ordinalNumber || t.lex.kind == .ordinal, let (day, end) = dayOfMonth(i) else {
            return nil
        }
        let p = determined ? i - 2 : i - 1
        guard let k = keyword(p), [.on, .by, .until, .since, .from, .before, .after, .to, .through].contains(k),
            determined || t.kind == .ordinalNumber
        else { return nil }
        if let next = tok(end), next.kind == .word {
            guard next.lex.kind == .dayPart || next.lex.kind == .keyword && kw(end, .at) || kw(end, .and)
                || kw(end, .or)
            else { return nil }
        }
        return TimexMatch(first: i, end: end, spec: .point(.dayInMonth(Int8(day))), rule: .monthDayAlone,
                          takesDeterminer: true)
    }

    /// `the week of March 6`, `the week of Oct. 7th`: the week that holds the day.
    func weekOf(at i: Int, end j: Int) -> TimexMatch? {
        guard kw(j, .of),
            let d = monthExpression(at: j + 1, afterModifier: false, determined: false) ?? dayMonth(at: j + 1),
            case .point(.calendar(let year, let month?, let day?)) = d.spec.base
        else { return nil }
        return TimexMatch(first: i, end: d.end,
                          spec: .point(.weekOf(year: year.map { Int32($0) }, month: Int8(month), day: Int8(day))),
                          rule: .monthWeekOf, takesDeterminer: true)
    }
}

/// The month a counted day or week belongs to.
enum MonthReference {
    /// `October`, `October 2014` (a missing year is placed by the clause's tense).
    case named(month: Int8, year: Int32?)
    /// `this month` (0), `next month` (1), `last month` (-1), from the article's date.
    case relative(Int8)
}

extension Holiday {
    /// The `n`th `weekday` of a month (`n` = -1: the last one).
    static func weekday(_ n: Int, _ weekday: Int, month: Int, year: Int) -> CivilDate? {
        if n > 0 {
            guard let d = nthWeekday(n, weekday: weekday, month: month, year: year), d.month == month else {
                return nil
            }
            return d
        }
        guard let last = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year)) else {
            return nil
        }
        return last.adding(days: -((last.weekday - weekday + 7) % 7))
    }
}
