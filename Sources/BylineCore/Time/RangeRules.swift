/// Ranges: `3-4pm`, `9:30 - 11:00 on Thursday`, `from noon to 2 p.m.`, `between 9:30 and 11:00`,
/// `13 to 15 July`, `July 13-15`, `from Monday to Friday`, `between 1990 and 1995`, `1990-95`.
///
/// A range is two TIMEX3s, one for each end, as TimeML annotates `from 1991 to 1997` (not one
/// DURATION: `3-4pm` is 15:00 and 16:00, so both ends keep their place on the timeline). An end
/// written short takes what it lacks from the other: the meridiem (`3-4pm`), the month (`13 to 15
/// July`), the century (`1990-95`), the day (`1pm-2pm tomorrow`), the year (`Dec. 28 to Jan. 3,
/// 2012`). The end of a range is marked (`TimexMatch.rangeEnd`) and the resolver places it on
/// or after the start (`from Friday to Monday`, `10 p.m. to 2 a.m.`).
extension TimexParser {
    /// The token after a range connector at `j` (`-`, `–`, `to`, `through`, `until`, or `and`
    /// after `between`), past a `the` (`from the 13th to the 15th`).
    func rangeConnector(_ j: Int, between: Bool) -> Int? {
        guard let t = tok(j) else { return nil }
        if t.kind == .punct {
            guard isHyphen(j) || t.value == 0x2013 else { return nil }
        } else if !(kw(j, .to) || kw(j, .through) || kw(j, .until) || between && kw(j, .and)) {
            return nil
        }
        let next = kw(j + 1, .the) ? j + 2 : j + 1
        // A connector at the end of the text or block connects nothing.
        return tok(next) == nil ? nil : next
    }

    /// Whether the expression starting at `i` opens with `between` (`between 9:30 and 11:00`).
    func opensBetween(_ i: Int) -> Bool { kw(i - 1, .between) || kw(i - 1, .the) && kw(i - 2, .between) }

    /// A quick look for a range connector right after a short first end (`3-`, `9:30 -`, `3pm to`,
    /// `the 13th to`), before `rangeStart` is tried.
    @inline(__always)
    func mayStartRange(_ i: Int) -> Bool {
        let t = tokens[i]
        switch t.kind {
        case .number, .ordinalNumber: break
        case .word:
            guard t.lex.kind == .number || t.lex.kind == .ordinal || t.lex.kind == .dayPart || t.isKeyword(.the) else {
                return false
            }
        case .punct: return false
        }
        var k = t.isKeyword(.the) ? i + 2 : i + 1
        if isPunct(k, 0x3A) { k += 2 }
        if k < limit, tokens[k].kind == .word, kw(k, .am) || kw(k, .pm) || kw(k, .a) || kw(k, .pLetter) || kw(k, .o) {
            k = meridiem(at: k)?.end ?? (kw(k, .o) ? k + 3 : k)
        }
        guard k < limit else { return false }
        let c = tokens[k]
        if c.kind == .punct { return c.value == 0x2D || c.value == 0x2013 }
        guard c.kind == .word else { return false }
        return c.isKeyword(.to) || c.isKeyword(.through) || c.isKeyword(.until) || c.isKeyword(.and)
    }

    /// A range starting at token `i` whose first end is not an expression on its own: a bare
    /// clock (`3` in `3-4pm`, `9:30` in `9:30 - 11:00`) or a bare day (`13` in `13 to 15 July`).
    func rangeStart(at i: Int) -> (first: TimexMatch, second: TimexMatch)? {
        guard let t = tok(i) else { return nil }
        switch t.kind {
        case .number: return clockRange(at: i) ?? dayRange(at: i)
        case .ordinalNumber: return dayRange(at: i)
        case .word:
            if t.lex.kind == .ordinal
                || kw(i, .the) && (lexKind(i + 1) == .ordinal || tok(i + 1)?.kind == .ordinalNumber)
            {
                return dayRange(at: kw(i, .the) ? i + 1 : i)
            }
            if t.lex.kind == .number || t.lex.kind == .dayPart && DayPart(rawValue: t.lex.value) == .noon {
                return clockRange(at: i)
            }
            return nil
        case .punct:
            return nil
        }
    }

    // MARK: - Clock ranges

    /// One end of a clock range: `3`, `9:30`, `4pm`, `six p.m.`, `noon`, `11:00 CST`.
    struct ClockPiece {
        var hour: Int
        var minute: Int
        var hasMinutes: Bool
        /// From its own meridiem (`pm`), nil when bare.
        var pm: Bool?
        var end: Int
    }

    func clockPiece(at i: Int) -> ClockPiece? {
        guard let t = tok(i) else { return nil }
        var piece = ClockPiece(hour: 0, minute: 0, hasMinutes: false, pm: nil, end: i + 1)
        switch t.kind {
        case .number:
            guard t.digits <= 2, !t.flags.contains(.decimal), !t.flags.contains(.grouped),
                !t.flags.contains(.plural), t.value <= 24
            else { return nil }
            piece.hour = Int(t.value)
            let j = i + 1
            if isPunct(j, 0x3A), attached(j), let m = tok(j + 1), m.kind == .number, attached(j + 1), m.digits == 2,
                m.value < 60, !m.flags.contains(.decimal)
            {
                piece.minute = Int(m.value)
                piece.hasMinutes = true
                piece.end = j + 2
            }
        case .word:
            if t.lex.kind == .number, (1...12).contains(t.lex.value) {
                piece.hour = Int(t.lex.value)
            } else if t.lex.kind == .dayPart, DayPart(rawValue: t.lex.value) == .noon {
                return ClockPiece(hour: 12, minute: 0, hasMinutes: true, pm: true, end: zoneEnd(i + 1))
            } else {
                return nil
            }
        default:
            return nil
        }
        if let (pm, e) = meridiem(at: piece.end) {
            guard (1...12).contains(piece.hour) else { return nil }
            piece.pm = pm
            piece.end = e
        } else if kw(piece.end, .o), isApostrophe(piece.end + 1), kw(piece.end + 2, .clock) {
            piece.end += 3
        }
        piece.end = zoneEnd(piece.end)
        return piece
    }

    /// `3-4pm`, `3:30 to 6 p.m.`, `from 3 p.m. to 5`, `9:30 - 11:00`, `between 9:30 and 11:00 on
    /// Thursday`, `1pm-2pm tomorrow`, `from noon to 2 p.m.`. One side needs a meridiem, or both
    /// minutes, or `from`/`between` and minutes on one side: `won 3-1` is a score.
    func clockRange(at i: Int) -> (first: TimexMatch, second: TimexMatch)? {
        guard let a = clockPiece(at: i) else { return nil }
        let between = opensBetween(i)
        guard let j = rangeConnector(a.end, between: between), let b = clockPiece(at: j) else { return nil }
        let introduced = between || kw(i - 1, .from)
        guard a.pm != nil || b.pm != nil || a.hasMinutes && b.hasMinutes
            || introduced && (a.hasMinutes || b.hasMinutes)
        else { return nil }
        // `3 to 4 hours`, `2-3 percent`: amounts.
        if b.pm == nil, !b.hasMinutes, unitAt(b.end) != nil || isPunct(b.end, 0x25) { return nil }
        func withMeridiem(_ hour: Int, pm: Bool) -> Int { hour % 12 + (pm ? 12 : 0) }
        var h1 = a.pm.map { withMeridiem(a.hour, pm: $0) } ?? a.hour
        var h2 = b.pm.map { withMeridiem(b.hour, pm: $0) } ?? b.hour
        if a.pm == nil, let pm = b.pm, (1...12).contains(a.hour) {
            // `3-4pm`: the second's meridiem, unless that puts the start after the end (`11-1pm`).
            let same = withMeridiem(a.hour, pm: pm)
            h1 = same * 60 + a.minute <= h2 * 60 + b.minute ? same : withMeridiem(a.hour, pm: !pm)
        } else if b.pm == nil, let pm = a.pm, (1...12).contains(b.hour) {
            // `from 11 a.m. to 1`: the first's meridiem, unless the end would come first.
            let same = withMeridiem(b.hour, pm: pm)
            h2 = same * 60 + b.minute >= h1 * 60 + a.minute ? same : withMeridiem(b.hour, pm: true)
        } else if a.pm == nil, b.pm == nil, h2 < h1, h2 < 12 {
            // `11:30-1:30`: across noon.
            h2 += 12
        }
        // The day: right after the second time (`1pm-2pm tomorrow`, one expression with it) or
        // after `on` (`on Thursday`, its own expression); else the day in context.
        var day = PointSpec.contextDay
        var secondEnd = b.end
        if let d = dayAfterClock(b.end), case .point(let p) = d.spec.base {
            day = p
            secondEnd = d.end
        } else if kw(b.end, .on), let d = dayAfterClock(b.end + 1), case .point(let p) = d.spec.base {
            day = p
        }
        let first = TimexMatch(first: i, end: a.end,
                               spec: TimexSpec(.point(day), clock: Clock(hour: h1, minute: a.minute)),
                               rule: .rangeClockStart)
        var second = TimexMatch(first: j, end: secondEnd,
                                spec: TimexSpec(.point(day), clock: Clock(hour: h2, minute: b.minute)),
                                rule: .rangeClockEnd)
        second.rangeEnd = true
        return (first, second)
    }

    // MARK: - Day ranges

    /// `13 to 15 July`, `13th-15th of July`, `the 13th to the 15th of July`, `between 13 and 15
    /// July`: the first day takes the month (and year) of the second.
    func dayRange(at i: Int) -> (first: TimexMatch, second: TimexMatch)? {
        guard let (day, afterDay) = dayOfMonth(i),
            let j = rangeConnector(afterDay, between: opensBetween(kw(i - 1, .the) ? i - 1 : i)),
            var second = dayMonth(at: j), case .point(.calendar(let year, let month?, let endDay?)) = second.spec.base,
            day < endDay
        else { return nil }
        second.rangeEnd = true
        second.takesDeterminer = false
        let first = TimexMatch(first: i, end: afterDay, spec: .point(.calendar(year: year, month: month, day: day)),
                               rule: .rangeDayStart)
        return (first, second)
    }

    // MARK: - Ranges after an expression

    /// The end of a range after the expression `m`: a short end (`1990-95`, `2010-11`) or a full
    /// one (`from Monday to Friday`, `between 1990 and 1995`, `Aug. 8 - Aug. 12`); `m` comes back
    /// with what it takes from the end (`from Dec. 28 to Jan. 3, 2012`: the end's year).
    mutating func rangeEnd(after m: TimexMatch) -> (first: TimexMatch, second: TimexMatch)? {
        guard case .point(let p) = m.spec.base, m.spec.mod == nil,
            let j = rangeConnector(m.end, between: opensBetween(m.first))
        else { return nil }
        // `1990-95`, `2010-11`: a two-digit year after a year.
        if case .calendar(let y?, nil, nil) = p, let t = tok(j), t.kind == .number, t.digits == 2,
            !t.flags.contains(.decimal), !t.flags.contains(.plural), !isPeriod(j + 1) || !isNumber(j + 2)
        {
            let endYear = y / 100 * 100 + Int(t.value)
            guard endYear > y, unitAt(j + 1) == nil, !isPunct(j + 1, 0x25) else { return nil }
            var second = TimexMatch(first: j, end: j + 1, spec: .point(.calendar(year: endYear, month: nil, day: nil)),
                                    rule: .rangeYearEnd)
            second.rangeEnd = true
            return (m, second)
        }
        guard isTrigger(tokens[j], at: j), var second = parseExpression(at: j), second.first == j,
            case .point(let q) = second.spec.base, (m.spec.clock != nil) == (second.spec.clock != nil),
            TimexParser.sameKind(p, q)
        else { return nil }
        second.rangeEnd = true
        var first = m
        // `from Dec. 28 to Jan. 3, 2012`: the start takes the end's year.
        if case .calendar(nil, let m1?, let d1) = p, case .calendar(let y2?, let m2?, _) = q {
            first.spec.base = .point(.calendar(year: m1 > m2 ? y2 - 1 : y2, month: m1, day: d1))
        }
        return (first, second)
    }

    /// Both ends name the same kind of time (two weekdays, two years, two dates, two months):
    /// `revised Friday to December's figures` is no range.
    static func sameKind(_ p: PointSpec, _ q: PointSpec) -> Bool {
        switch (p, q) {
        case (.weekday, .weekday), (.contextDay, .contextDay), (.holiday, .holiday): return true
        case (.calendar(let y1, let m1, let d1), .calendar(let y2, let m2, let d2)):
            return (m1 == nil) == (m2 == nil) && (d1 == nil) == (d2 == nil) && (m1 != nil || y1 != nil && y2 != nil)
        case (.calendar(_, _?, _?), .weekday), (.weekday, .calendar(_, _?, _?)): return true
        case (.relative(let u1, _, _), .relative(let u2, _, _)): return u1 == u2
        default: return false
        }
    }
}
