/// Clock times and parts of the day: `3 p.m.`, `10:30 a.m. EST`, `15:11 GMT`, `5pm`, `four
/// o'clock`, `4 in the morning`, `noon`, `midnight Friday`, `3 p.m. Thursday`, `the morning`,
/// `late afternoon`.
extension TimexParser {
    /// `am`, `pm`, `a.m.`, `p.m.`, `A.M.`: (is afternoon, end).
    func meridiem(at j: Int) -> (pm: Bool, end: Int)? {
        if kw(j, .am) {
            // `five AM radio stations`: the waveband.
            if tokens[j].flags.contains(.allCaps), isWord(j + 1, "radio") || isWord(j + 1, "stations")
                || isWord(j + 1, "station") || isWord(j + 1, "band")
            {
                return nil
            }
            return (false, j + 1)
        }
        if kw(j, .pm) { return (true, j + 1) }
        let isA = kw(j, .a)
        guard isA || kw(j, .pLetter), isPeriod(j + 1), attached(j + 1), kw(j + 2, .mLetter), attached(j + 2) else {
            return nil
        }
        var end = j + 3
        // The closing period belongs to `p.m.` unless it also ends the sentence.
        if isPeriod(end), attached(end), !periodEndsSentence(end) { end += 1 }
        return (!isA, end)
    }

    /// A period followed by the end of the paragraph or by a capitalised word that is not a
    /// time word is taken as the sentence end.
    func periodEndsSentence(_ p: Int) -> Bool {
        guard let next = tok(p + 1) else { return true }
        // `9 a.m. Eastern Standard Time`
        if zoneEnd(p + 1) > p + 1 { return false }
        if next.kind == .word, next.isCapitalized, next.lex.kind == .none || next.lex.kind == .keyword
            || next.lex.kind == .pastVerb || next.lex.kind == .futureCue
        {
            return true
        }
        return next.kind == .punct && next.value != 0x2C && next.value != 0x28
    }

    /// A time zone after a clock time: `EST`, `GMT`, `local time`, `(GMT)`.
    func zoneEnd(_ j: Int) -> Int {
        if isZone(j) { return offsetEnd(j + 1) }
        if kw(j, .local), kw(j + 1, .time) { return j + 2 }
        if isPunct(j, 0x28), isZone(j + 1) {
            let e = offsetEnd(j + 2)
            if isPunct(e, 0x29) { return e + 1 }
        }
        // `Eastern Standard Time`, `Greenwich Mean Time`, `Moscow time`: a capitalised place or
        // region, and `Standard`, `Daylight` or `Mean`, before `time`.
        if let t = tok(j), t.kind == .word, t.isCapitalized, t.lex.kind == .none, !t.flags.contains(.allCaps) {
            var k = j + 1
            if isWord(k, "standard") || isWord(k, "daylight") || isWord(k, "mean") || isWord(k, "summer") { k += 1 }
            if kw(k, .time) { return k + 1 }
        }
        return j
    }

    /// A zone abbreviation: `GMT`, `EST`, `ET` (the short and word-like ones only in capitals).
    func isZone(_ j: Int) -> Bool {
        guard lexKind(j) == .zone else { return false }
        return tokens[j].lex.value == 0 || tokens[j].flags.contains(.allCaps)
    }

    /// Past a UTC offset right after a zone: `GMT+8`, `UTC-5`, `UTC+5:30`, `UTC−3`.
    func offsetEnd(_ j: Int) -> Int {
        guard let t = tok(j), t.kind == .punct, t.value == 0x2B || t.value == 0x2D || t.value == 0x2212, attached(j),
            let n = tok(j + 1), n.kind == .number, attached(j + 1), n.digits <= 2, n.value <= 14
        else { return j }
        if isPunct(j + 2, 0x3A), attached(j + 2), isNumber(j + 3), attached(j + 3) { return j + 4 }
        return j + 2
    }

    /// A day right after a clock time: `3 p.m. Friday`, `noon Saturday`, `5 p.m. EST, Nov. 9`.
    func dayAfterClock(_ j: Int) -> TimexMatch? {
        let k = isComma(j) ? j + 1 : j
        guard let t = tok(k), t.kind == .word || t.kind == .number else { return nil }
        var m: TimexMatch?
        switch t.lex.kind {
        case .weekday: m = weekdayExpression(at: k)
        case .month, .monthAbbreviation: m = monthExpression(at: k, afterModifier: false, determined: false)
        case .keyword:
            if kw(k, .today) || kw(k, .yesterday) || kw(k, .tomorrow) { m = deicticDay(at: k) }
        default: break
        }
        // `midnight Wednesday night`: the clock time is finer than the part of day.
        guard var d = m else { return nil }
        d.spec.dayPart = nil
        switch d.spec.base {
        case .point(.weekday), .point(.relative(.day, _, _)): return d
        case .point(.calendar(_, _, let day)) where day != nil: return d
        default: return nil
        }
    }

    /// `3 p.m.`, `10:30 a.m. EST`, `15:11 GMT`, `four o'clock`, `4 in the morning`.
    func clockTime(at i: Int) -> TimexMatch? {
        let t = tokens[i]
        // `2:49 a.m. local time (7:49 a.m. UTC)`: the same time again in another zone, not a new one.
        if isPunct(i - 1, 0x28), isZone(i - 2) || kw(i - 2, .time) || kw(i - 2, .am) || kw(i - 2, .pm)
            || kw(i - 2, .mLetter) || isPeriod(i - 2) && kw(i - 3, .mLetter)
        {
            return nil
        }
        var hour: Int
        var minute = 0
        var second: Int?
        var j = i + 1
        var hasMinutes = false
        if t.kind == .number {
            guard !t.flags.contains(.grouped), !t.flags.contains(.plural) else { return nil }
            if t.digits == 4, !t.flags.contains(.decimal) {
                // `7:30 a.m. EDT (1130 UTC)`: the same time again in another zone, not a new one.
                if isPunct(i - 1, 0x28) { return nil }
                // `1530 GMT`, `0900 hours`: military time needs a zone or `hours` after it.
                let v = Int(t.value)
                guard v % 100 < 60, v / 100 <= 24, zoneEnd(j) > j || isUnit(j, .hour) && lexKind(j) == .unitPlural
                else { return nil }
                hour = v / 100
                minute = v % 100
                hasMinutes = true
            } else {
                guard t.digits <= 2 else { return nil }
                hour = Int(t.value)
                if t.flags.contains(.decimal) {
                    // `10.30 am`
                    minute = Int((Double(t.fraction) * 100).rounded())
                    guard minute < 60, meridiem(at: j) != nil else { return nil }
                } else if isPunct(j, 0x3A), attached(j), let m = tok(j + 1), m.kind == .number, attached(j + 1),
                    m.digits == 2, m.value < 60, !m.flags.contains(.decimal)
                {
                    minute = Int(m.value)
                    hasMinutes = true
                    j += 2
                    if isPunct(j, 0x3A), attached(j), let s = tok(j + 1), s.kind == .number, attached(j + 1),
                        s.digits == 2, s.value < 60
                    {
                        second = Int(s.value)
                        j += 2
                    }
                }
            }
        } else if t.lex.kind == .number, (1...12).contains(t.lex.value) {
            hour = Int(t.lex.value)
            // `seven thirty p.m.`, `at three twenty`: spelled minutes (a meridiem or `at` needed below).
            if lexKind(j) == .number, let (v, after) = cardinal(at: j), let minutes = v, minutes >= 10, minutes < 60,
                minutes == minutes.rounded(), unitAt(after) == nil, lexKind(after) != .number
            {
                minute = Int(minutes)
                hasMinutes = true
                j = after
            }
        } else {
            return nil
        }
        var end = j
        var pm: Bool?
        if let (isPM, e) = meridiem(at: j) {
            guard (1...12).contains(hour) else { return nil }
            pm = isPM
            end = e
        } else if kw(j, .o), isApostrophe(j + 1), kw(j + 2, .clock) {
            guard (1...12).contains(hour) else { return nil }
            end = j + 3
            // `3 o'clock in the afternoon`
            if kw(end, .in), kw(end + 1, .the), let part = trailingDayPart(end + 2) {
                pm = TimexParser.isAfternoon(part, hour: hour)
                end += 3
            }
        } else if kw(j, .in), kw(j + 1, .the), let part = trailingDayPart(j + 2), (1...12).contains(hour) {
            // `4 in the morning`, `8 in the evening`, `3:20 in the afternoon`
            pm = TimexParser.isAfternoon(part, hour: hour)
            end = j + 3
        } else if let m = hourBeforeDayPart(at: i, hour: hour, minute: minute, end: j) {
            // `8 tonight`, `9 tomorrow morning`
            return m
        } else if hasMinutes, hour <= 24 {
            // `15:11 GMT`, `at 10:30`: a bare h:mm needs a zone or a preposition before it.
            if zoneEnd(j) == j {
                guard i > 0, tokens[i - 1].block == t.block, let k = tokens[i - 1].keyword,
                    [.at, .by, .until, .before, .after, .from, .around, .about, .since, .to, .approximately]
                        .contains(k)
                else { return nil }
            }
        } else {
            return nil
        }
        if let pm {
            if pm, hour < 12 { hour += 12 }
            if !pm, hour == 12 { hour = 0 }
        }
        end = zoneEnd(end)
        // `10:35 a.m. (0735 GMT) Friday`: the same time in another zone, in brackets.
        var dayStart = end
        if isPunct(end, 0x28) {
            var k = end + 1
            while k < end + 12, let t = tok(k), !t.isPunct(0x29) { k += 1 }
            if isPunct(k, 0x29), (end + 1..<k).contains(where: { isZone($0) }) { dayStart = k + 1 }
        }
        let clock = Clock(hour: hour, minute: minute, second: second)
        if dayStart == end, let day = dayAfterClock(dayStart) {
            var m = day
            m.first = i
            m.spec.clock = clock
            m.rule = .clockTimeDay
            return m
        }
        // `at 9 a.m. on Dec. 5`, `10:35 a.m. (0735 GMT) Friday`: two expressions, the time
        // taking the day that follows.
        let afterBracket = kw(dayStart, .on) ? dayStart + 1 : dayStart
        if let day = kw(end, .on) ? dayAfterClock(end + 1) : dayStart > end ? dayAfterClock(afterBracket) : nil {
            var spec = day.spec
            spec.clock = clock
            return TimexMatch(first: i, end: end, spec: spec, rule: .clockTimeOnDay)
        }
        return TimexMatch(first: i, end: end, spec: TimexSpec(.point(.contextDay), clock: clock), rule: .clockTime)
    }

    /// A calendar day or a weekday.
    private func isDay(_ base: TimexSpec.Base) -> Bool {
        switch base {
        case .point(.calendar(_, _, _?)), .point(.weekday): return true
        default: return false
        }
    }

    /// `noon`, `midnight Friday`, `the morning`, `the night of Dec. 3`, `late afternoon`.
    func dayPartExpression(at i: Int, afterModifier: Bool, determined: Bool) -> TimexMatch? {
        guard tokens[i].lex.kind == .dayPart, let part = DayPart(rawValue: tokens[i].lex.value) else { return nil }
        switch part {
        case .noon, .midnight:
            if isWord(i - 1, "high") { return nil }  // `high noon`
            let clock = part == .noon ? Clock(hour: 12, minute: 0) : Clock(hour: 24, minute: 0)
            let end = zoneEnd(i + 1)
            if let day = dayAfterClock(end) {
                var m = day
                m.first = i
                m.spec.clock = clock
                m.rule = .clockNoonDay
                return m
            }
            return TimexMatch(first: i, end: end, spec: TimexSpec(.point(.contextDay), clock: clock),
                              rule: .clockNoon, takesDeterminer: false)
        default:
            // `the night of Dec. 3`, `the night of Friday, Oct. 23`, `the morning of Tuesday`: TimeML
            // annotators mark the date alone, which follows as its own expression.
            if kw(i + 1, .of),
                let d = monthExpression(at: i + 2, afterModifier: false, determined: false) ?? dayMonth(at: i + 2)
                    ?? (lexKind(i + 2) == .weekday ? weekdayExpression(at: i + 2) : nil),
                d.spec.dayPart == nil, d.spec.clock == nil, isDay(d.spec.base)
            {
                return nil
            }
            guard determined || afterModifier else { return nil }
            // `Imus in the Morning`: a title.
            if tokens[i].isCapitalized, !isSentenceStart(i), !tokens[i].flags.contains(.allCaps) { return nil }
            // `mid-afternoon yesterday`, `late morning Friday`
            if !determined, let day = dayAfterClock(i + 1) {
                var m = day
                m.first = i
                m.spec.dayPart = part
                m.rule = .clockDayPartDay
                return m
            }
            return TimexMatch(first: i, end: i + 1, spec: .point(.contextDay, dayPart: part), rule: .clockDayPart,
                              takesDeterminer: true)
        }
    }
}
