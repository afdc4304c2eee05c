/// Clock times told from an hour: `a quarter past 1pm`, `half past three`, `20 minutes to noon`,
/// `ten minutes before midnight`; spelled times (`seven thirty p.m.`); bare hours placed by a
/// part of day (`8 tonight`, `9 tomorrow morning`, `tonight at 8`, `Saturday morning at 9`).
extension TimexParser {
    /// The hour a clock offset counts from: `3pm`, `three`, `1 o'clock`, `noon`, `midnight`, with
    /// whether it was bare (no meridiem, no `o'clock`, not noon or midnight).
    func offsetHour(at j: Int) -> (piece: ClockPiece, bare: Bool)? {
        if lexKind(j) == .dayPart, let part = DayPart(rawValue: tokens[j].lex.value),
            part == .noon || part == .midnight
        {
            return (ClockPiece(hour: part == .noon ? 12 : 0, minute: 0, hasMinutes: false, pm: part == .noon,
                               end: zoneEnd(j + 1)), false)
        }
        guard let t = tok(j), t.kind == .number || t.lex.kind == .number, let piece = clockPiece(at: j),
            !piece.hasMinutes, (1...12).contains(piece.hour)
        else { return nil }
        // `a quarter to 3 percent`, `20 minutes to 2 hours`, `half past 3 million`: amounts.
        if isPunct(piece.end, 0x25) || unitAt(piece.end) != nil || isNumber(piece.end) || lexKind(piece.end) == .number
            || isWord(piece.end, "percent") || isWord(piece.end, "million") || isWord(piece.end, "billion")
        {
            return nil
        }
        let bare = piece.pm == nil && !(kw(j + 1, .o) && kw(j + 3, .clock))
        return (piece, bare)
    }

    /// `a quarter past 1pm`, `quarter to noon`, `half past three`, `15 minutes past 3pm`, `twenty
    /// after 3pm`, `ten minutes before midnight`. A bare number of minutes needs a clock hour
    /// (`20 past 3pm`); a quarter, a half or `minutes` may count from a bare hour (`half past three`).
    func clockOffset(at i: Int) -> TimexMatch? {
        var minutes: Int
        var j: Int
        var named = true
        if kw(i, .half) {
            minutes = 30
            j = i + 1
        } else if isUnit(i, .quarter) || (kw(i, .a) && isUnit(i + 1, .quarter)) {
            minutes = 15
            j = kw(i, .a) ? i + 2 : i + 1
        } else if let (n, after) = cardinal(at: i), let v = n, v == v.rounded(), v >= 1, v < 60, !kw(i, .a),
            !kw(i, .an)
        {
            minutes = Int(v)
            j = after
            if lexKind(j) == .unitPlural || lexKind(j) == .unit, lexValue(j) == Int(TimeUnit.minute.rawValue) {
                j += 1
            } else {
                named = false
            }
        } else {
            return nil
        }
        let before: Bool
        if kw(j, .past) || kw(j, .after) || kw(j, .from) && named {
            before = false
        } else if kw(j, .to) || kw(j, .before) || kw(j, .of) && minutes == 15 {
            before = true
        } else {
            return nil
        }
        // `half past` only; `half to` is not English.
        if kw(i, .half), before { return nil }
        guard let (piece, bare) = offsetHour(at: j + 1), !bare || named else { return nil }
        var hour = piece.hour
        if let pm = piece.pm { hour = hour % 12 + (pm ? 12 : 0) }
        var total = hour * 60 + (before ? -minutes : minutes)
        if total < 0 { total += 24 * 60 }
        let clock = Clock(hour: total / 60, minute: total % 60)
        if let day = dayAfterClock(piece.end) {
            var m = day
            m.first = i
            m.spec.clock = clock
            m.rule = .clockOffsetDay
            return m
        }
        return TimexMatch(first: i, end: piece.end, spec: TimexSpec(.point(.contextDay), clock: clock),
                          rule: .clockOffset)
    }

    /// The meridiem a part of day gives a bare hour: morning before noon, afternoon and evening
    /// after it (`12:15 in the afternoon` is 12:15), night after it from six (`2 at night` is 2:00).
    static func isAfternoon(_ part: DayPart, hour: Int) -> Bool {
        switch part {
        case .morning: return false
        case .night: return hour >= 6 && hour < 12
        default: return true
        }
    }

    /// A bare hour 1...12 on a 24-hour clock, by the part of day (midnight for 12 in the night or
    /// evening), or by office hours without one (7 to 11 in the morning, 12 to 6 in the afternoon).
    static func hourIn(_ part: DayPart?, _ hour: Int) -> Int {
        guard let part else { return hour >= 1 && hour <= 6 ? hour + 12 : hour }
        guard hour >= 1, hour <= 12 else { return hour }
        switch part {
        case .morning: return hour == 12 ? 0 : hour
        case .night, .evening: return hour == 12 ? 24 : isAfternoon(part, hour: hour) ? hour + 12 : hour
        default: return hour == 12 ? 12 : hour + 12
        }
    }

    /// `8 tonight`, `9 tomorrow morning`, `5 this afternoon`, `seven this evening`: a bare hour
    /// with the day and part of day after it, as one expression.
    func hourBeforeDayPart(at i: Int, hour: Int, minute: Int, end j: Int) -> TimexMatch? {
        guard (1...12).contains(hour) else { return nil }
        var day: TimexMatch?
        if kw(j, .tonight) || kw(j, .today) || kw(j, .tomorrow) || kw(j, .yesterday) {
            day = deicticDay(at: j)
        } else if kw(j, .this), trailingDayPart(j + 1) != nil {
            day = relativeExpression(at: j, determined: false)
        }
        guard var m = day, let part = m.spec.dayPart else { return nil }
        m.spec.clock = Clock(hour: TimexParser.hourIn(part, hour), minute: minute)
        m.spec.dayPart = nil
        m.first = i
        m.rule = .clockHourDayPart
        return m
    }

    /// `at 8` after a day or part of day (`tonight at 8`, `Saturday morning at 9`, `tomorrow at
    /// 5`): the hour takes its meridiem from the part of day (or office hours without one) and its
    /// day from the expression before.
    func clockAfterDay(_ m: TimexMatch) -> TimexMatch? {
        guard m.spec.clock == nil, case .point(let p) = m.spec.base, kw(m.end, .at) else { return nil }
        switch p {
        case .weekday, .relative(.day, _, _), .contextDay, .holiday: break
        case .calendar(_, _?, _?): break
        default: return nil
        }
        let j = m.end + 1
        guard let piece = clockPiece(at: j), piece.pm == nil, piece.hour <= 12,
            piece.hasMinutes || endsClause(piece.end) || kw(piece.end, .o) || kw(piece.end, .on)
                || kw(piece.end, .and)
        else { return nil }
        if unitAt(piece.end) != nil || isPunct(piece.end, 0x25) { return nil }
        let hour = TimexParser.hourIn(m.spec.dayPart, piece.hour)
        return TimexMatch(first: j, end: piece.end,
                          spec: TimexSpec(.point(.contextDay), clock: Clock(hour: hour, minute: piece.minute)),
                          rule: .clockAfterDay)
    }

    /// A clock time right after a day, as one expression: `Thursday 8:00 GMT`, `Friday 3 p.m.`,
    /// `Jul 18, 2014 07:00 PM`, `the day after tomorrow 5pm`.
    func clockAfterDayWord(_ m: TimexMatch) -> TimexMatch? {
        guard m.spec.clock == nil, case .point(let p) = m.spec.base else { return nil }
        switch p {
        case .weekday, .relative(.day, _, _): break
        case .calendar(_, _?, _?): break
        default: return nil
        }
        var j = m.end
        if isComma(j) { j += 1 }
        guard isNumber(j) || lexKind(j) == .dayPart, let piece = clockPiece(at: j), piece.pm != nil || piece.hasMinutes,
            piece.hour <= 24
        else { return nil }
        var hour = piece.hour
        if let pm = piece.pm { hour = hour % 12 + (pm ? 12 : 0) }
        var c = m
        c.end = piece.end
        c.spec.clock = Clock(hour: hour, minute: piece.minute)
        c.spec.dayPart = nil
        c.rule = .clockDayTime
        return c
    }
}
