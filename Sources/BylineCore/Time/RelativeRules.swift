/// Expressions relative to the article's date or to the narrative: `today`, `yesterday
/// morning`, `tonight`, `last week`, `next month`, `this year`, `the past two years`, `the
/// next day`, `that week`, `last April`, `this summer`, `year-end`, `the year-earlier quarter`,
/// weekdays (`Thursday`, `Friday morning`, `last Friday`) and weekends.
extension TimexParser {
    /// A part of day right after a day expression: `yesterday morning`, `Friday night`.
    func trailingDayPart(_ j: Int) -> DayPart? {
        guard lexKind(j) == .dayPart, let part = DayPart(rawValue: tokens[j].lex.value) else { return nil }
        switch part {
        case .morning, .afternoon, .evening, .night: return part
        default: return nil
        }
    }

    /// `today`, `yesterday`, `tomorrow` (+ a part of day), `tonight`, `overnight`.
    func deicticDay(at i: Int) -> TimexMatch? {
        guard let k = keyword(i) else { return nil }
        let offset: Int
        var part: DayPart?
        switch k {
        case .today: offset = 0
        case .yesterday: offset = -1
        case .tomorrow: offset = 1
        case .tonight:
            offset = 0
            part = .night
        case .overnight:
            // `overnight` as an adverb is the night before the report.
            guard !kw(i + 1, .the) else { return nil }
            return TimexMatch(first: i, end: i + 1, spec: .point(.relative(.day, -1, .document), dayPart: .night),
                              rule: .relativeOvernight)
        default: return nil
        }
        var end = i + 1
        if part == nil, let p = trailingDayPart(end) {
            part = p
            end += 1
        }
        // `yesterday at 3 p.m.` stays two expressions; `today's` keeps its `'s` outside.
        return TimexMatch(first: i, end: end, spec: .point(.relative(.day, offset, .document), dayPart: part),
                          rule: .relativeDeictic)
    }

    /// `this`/`last`/`next`/`past`/`coming`/`previous`/`following`/`that`/`same`/`latest` + a
    /// unit, month, season, weekday, weekend or part of day; or + an amount (a duration).
    func relativeExpression(at i: Int, determined: Bool) -> TimexMatch? {
        guard var k = keyword(i) else { return nil }
        var j = i + 1
        // `this past week`, `this coming year`
        if k == .this, kw(j, .past) || kw(j, .coming) {
            k = keyword(j)!
            j += 1
        }
        let direction: Int
        var anchor = AnchorKind.document
        switch k {
        case .this, .current: direction = 0
        case .last, .past: direction = -1
        case .next:
            direction = 1
            // `the next day` counts from the narrative, `next week` (`over the next year`) from the
            // article's date.
            if determined, !(i >= 2 && [.in, .over, .during, .within, .through].contains(tokens[i - 2].keyword)) {
                anchor = .narrative
            }
        case .coming, .upcoming: direction = 1
        case .previous, .preceding, .prior:
            direction = -1
            anchor = .narrative
        case .following:
            direction = 1
            anchor = .narrative
        case .that, .same:
            direction = 0
            anchor = .narrative
        case .latest, .recent:
            direction = -1
        case .these, .those:
            // `these days` = now; `those days` = back then.
            if lexKind(j) == .unitPlural, lexValue(j) == Int(TimeUnit.day.rawValue) {
                return TimexMatch(first: i, end: j + 1, spec: .reference(k == .these ? "PRESENT_REF" : "PAST_REF"),
                                  rule: .referenceTheseDays)
            }
            return nil
        default:
            return nil
        }
        func match(_ end: Int, _ spec: TimexSpec, _ rule: TimexRule) -> TimexMatch {
            TimexMatch(first: i, end: end, spec: spec, rule: rule, takesDeterminer: true)
        }
        // An amount: `the past two years`, `the next few months`, `last three weeks`.
        if k != .this, k != .that, k != .same, k != .current, let (n, afterFirst) = cardinal(at: j),
            !kw(j, .a), !kw(j, .an)
        {
            var afterNumber = afterFirst
            // `the past 25-26 years`, `the next two to three weeks`: the lower bound, as for amounts.
            if kw(afterNumber, .or) || kw(afterNumber, .to) || isHyphen(afterNumber) && tokens[j].kind == .number,
                let (_, afterSecond) = cardinal(at: afterNumber + 1), afterSecond > afterNumber + 1,
                !kw(afterNumber + 1, .a), !kw(afterNumber + 1, .an), unitAt(afterSecond)?.plural == true
            {
                afterNumber = afterSecond
            }
            if let u = unitAt(skipJoiner(afterNumber)), u.plural || n == 1 {
                return match(u.end, .duration(n, u.unit), .durationRelativeSpan)
            }
        }
        // `the current fiscal year`
        if kw(j, .fiscal) || kw(j, .calendar), isUnit(j + 1, .year) { j += 1 }
        // `the latest period`: the last quarter reported.
        if k == .latest || k == .recent, kw(j, .period), determined {
            return match(j + 1, .point(.latest(.quarter)), .relativeLatestPeriod)
        }
        if let (unit, plural, end) = unitAt(j) ?? weekendAt(j) {
            // `ABC's "This Week"`: a title, not a time.
            if tokens[j].isCapitalized, !tokens[j].flags.contains(.allCaps), tokens[j].block != 0 { return nil }
            // `this year's third quarter`, `next year's first half`
            if unit == .year, !plural, anchor == .document, k != .latest, k != .recent, let e = possessive(end),
                let (n, afterOrdinal) = ordinal(at: e)
            {
                let u = skipJoiner(afterOrdinal)
                if isUnit(u, .quarter), (1...4).contains(n) {
                    let spec = TimexSpec.point(.yearPartOfRelativeYear(grain: .quarter, part: n, yearOffset: direction))
                    return match(u + 1, spec, .relativeYearQuarter)
                }
                if kw(u, .half), n == 1 || n == 2 {
                    let spec = TimexSpec.point(.yearPartOfRelativeYear(grain: .half, part: n, yearOffset: direction))
                    return match(u + 1, spec, .relativeYearHalf)
                }
            }
            if plural {
                // `recent years`, `the coming months`, `the past weeks`
                switch k {
                case .recent:
                    // `recent years`: an unspecified number of them, up to now.
                    return match(end, .duration(nil, unit), .durationRecentPlural)
                case .past, .last, .previous, .latest:
                    return match(end, .reference("PAST_REF"), .referenceRelativePlural)
                case .coming, .next, .upcoming, .following:
                    return match(end, .reference("FUTURE_REF"), .referenceRelativePlural)
                default:
                    return nil
                }
            }
            switch unit {
            case .weekend:
                let choice: WeekdayChoice = direction < 0 ? .previous : direction > 0 ? .next : .this
                if anchor == .narrative {
                    return match(end, .point(.relative(.week, direction, .narrative)), .relativeWeekend)
                }
                return match(end, .point(.weekend(choice)), .relativeWeekend)
            case .day:
                // `this day` is rare and idiomatic; `that day`, `the next day`, `the same day` count.
                guard anchor == .narrative || k == .next else { return nil }
                var spec = TimexSpec.point(.relative(.day, direction, .narrative))
                var e = end
                if let part = trailingDayPart(e) {
                    spec.dayPart = part
                    e += 1
                }
                return match(e, spec, .relativeNarrativeDay)
            case .quarter where k == .latest || k == .recent:
                return match(end, .point(.latest(.quarter)), .relativeLatestQuarter)
            case .decade, .century, .millennium:
                if (k == .past || k == .last) && determined {
                    // `the past decade`: the ten years up to now.
                    return match(end, .duration(1, unit), .durationPastDecade)
                }
                return match(end, .point(.relative(unit, direction, anchor)), .relativeUnit)
            case .second, .minute, .hour:
                return nil
            default:
                if k == .latest || k == .recent {
                    // `the latest fiscal year`: the last one completed.
                    guard unit == .year, determined else { return nil }
                    return match(end, .point(.relative(.year, -1, .document)), .relativeLatestYear)
                }
                return match(end, .point(.relative(unit, direction, anchor)), .relativeUnit)
            }
        }
        // `this morning`, `last night`, `that evening`, `the next morning`
        if let part = trailingDayPart(j) {
            var spec = TimexSpec.point(.relative(.day, 0, anchor), dayPart: part)
            if k == .last, part == .night || part == .evening {
                spec = .point(.relative(.day, -1, .document), dayPart: part)
            } else if anchor == .narrative {
                spec = .point(.relative(.day, direction, .narrative), dayPart: part)
            } else if direction != 0 {
                return nil
            }
            return match(j + 1, spec, .relativeDayPart)
        }
        // `last April`, `this September`, `next May`
        if let (month, end, _) = monthName(j) {
            // `that September`: in the year the story is about.
            if k == .that, dayOfMonth(end) == nil {
                return match(end, .point(.narrativeMonth(Int8(month))), .relativeThatMonth)
            }
            guard anchor == .document, k != .latest, k != .recent else { return nil }
            if let (day, afterDay) = dayOfMonth(end) {
                return match(afterDay, .point(.relativeMonth(month: month, day: day, direction: direction)),
                             .relativeMonthDay)
            }
            return match(end, .point(.relativeMonth(month: month, day: nil, direction: direction)), .relativeMonth)
        }
        // `last fall`, `this summer`, `next spring`
        if lexKind(j) == .season {
            guard anchor == .document, k != .latest, k != .recent else { return nil }
            return match(j + 1, .point(.relativeYearPart(grain: .season, part: lexValue(j), direction: direction)),
                         .relativeSeason)
        }
        // `last Christmas`, `this Thanksgiving`, `next Easter`
        if anchor == .document, k != .latest, k != .recent, lexKind(j) == .holiday || keyword(j) != nil,
            let h = holidayExpression(at: j), case .point(.holiday(let holiday, nil)) = h.spec.base
        {
            return match(h.end, .point(.relativeHoliday(holiday, direction: direction)), .relativeHoliday)
        }
        // `last Friday`, `next Tuesday`, `this Thursday`, `the following Monday`
        if lexKind(j) == .weekday {
            let choice: WeekdayChoice
            switch k {
            case .previous, .preceding: choice = .narrativePrevious
            case .following: choice = .narrativeNext
            case .last, .past: choice = .previous
            case .next, .coming, .upcoming: choice = .next
            case .this: choice = .this
            default: choice = .tense
            }
            var spec = TimexSpec.point(.weekday(lexValue(j), choice))
            var e = j + 1
            if let part = trailingDayPart(e) {
                spec.dayPart = part
                e += 1
            }
            return match(e, spec, .relativeWeekday)
        }
        return nil
    }

    private func weekendAt(_ j: Int) -> (unit: TimeUnit, plural: Bool, end: Int)? {
        guard lexKind(j) == .unit || lexKind(j) == .unitPlural, lexValue(j) == Int(TimeUnit.weekend.rawValue) else {
            return nil
        }
        return (.weekend, lexKind(j) == .unitPlural, j + 1)
    }

    /// Rules that start with a unit word: `year-end`, `year-earlier`, `the year 2000`, `the day
    /// before yesterday`, `the weekend`, `the quarter`, and `the year` after a modifier (`the end
    /// of the year`, `earlier in the week`).
    func unitExpression(at i: Int, afterModifier: Bool, determined: Bool) -> TimexMatch? {
        let t = tokens[i]
        guard let unit = TimeUnit(rawValue: t.lex.value) else { return nil }
        // `decades-long`, `a day-long meeting`
        if isHyphen(i + 1), attached(i + 1), kw(i + 2, .long), unit >= .minute, unit != .weekend {
            return TimexMatch(first: i, end: i + 3,
                              spec: .duration(t.lex.kind == .unitPlural ? nil : 1, unit), rule: .durationLong)
        }
        if t.lex.kind == .unitPlural, kw(i + 1, .ago), unit >= .minute, !determined {
            // `months ago`
            return TimexMatch(first: i, end: i + 2, spec: .reference("PAST_REF"), rule: .referenceUnitsAgo)
        }
        // `the weeks ahead`, `the days ahead`: an unspecified stretch still to come.
        if t.lex.kind == .unitPlural, determined, isWord(i + 1, "ahead"), unit >= .hour, unit != .weekend {
            return TimexMatch(first: i, end: i + 2, spec: .duration(nil, unit), rule: .durationAhead,
                              takesDeterminer: true)
        }
        if t.lex.kind == .unitPlural {
            // `weeks or months`, `days to weeks`: an unspecified amount between two units, read at
            // the lower one (as `two or three years` is).
            if !determined, kw(i + 1, .or) || kw(i + 1, .to), let upper = unitAt(i + 2), upper.plural,
                upper.unit > unit, unit >= .minute, unit != .weekend, upper.unit != .weekend
            {
                return TimexMatch(first: i, end: upper.end, spec: .duration(nil, unit), rule: .durationVague)
            }
            // `for years`, `in decades`, `within weeks`: an unspecified amount.
            guard i > 0, tokens[i - 1].block == t.block, let k = tokens[i - 1].keyword,
                k == .for || k == .in || k == .within || k == .over, !determined, unit >= .minute, unit != .weekend
            else { return nil }
            // `in years past`, `for days on end` are idioms of the same kind; `in days of old` is rare.
            return TimexMatch(first: i, end: i + 1, spec: .duration(nil, unit), rule: .durationVague)
        }
        let j = i + 1
        // `year-end`, `year end`, `month-end`, `year's end`
        let endWord = possessive(j) ?? skipJoiner(j)
        if kw(endWord, .end), unit == .year || unit == .month || unit == .quarter || unit == .week {
            var m = TimexMatch(first: i, end: endWord + 1, spec: .point(.relative(unit, 0, .document)),
                               rule: .relativeUnitEnd, takesDeterminer: true)
            m.spec.mod = .end
            return m
        }
        // `year-earlier`, `year-ago` (+ `quarter`, `period`, `level`)
        if unit == .year, isHyphen(j), kw(j + 1, .earlier) || kw(j + 1, .ago) {
            var end = j + 2
            var grain: TimexPoint.Grain?
            if let (n, afterOrdinal) = ordinal(at: end), (1...4).contains(n),
                isUnit(skipJoiner(afterOrdinal), .quarter)
            {
                // `the year-ago third quarter`
                return TimexMatch(first: i, end: skipJoiner(afterOrdinal) + 1,
                                  spec: .point(.yearPartOfRelativeYear(grain: .quarter, part: n, yearOffset: -1)),
                                  rule: .relativeYearEarlierQuarter, takesDeterminer: true)
            }
            if isUnit(end, .quarter) {
                grain = .quarter
                end += 1
            } else if kw(end, .period) {
                end += 1
            }
            return TimexMatch(first: i, end: end, spec: .point(.yearEarlier(grain)), rule: .relativeYearEarlier,
                              takesDeterminer: true)
        }
        // `the year 2000`
        if unit == .year, let y = year4(j) {
            return TimexMatch(first: i, end: j + 1, spec: .point(.calendar(year: y, month: nil, day: nil)),
                              rule: .yearTheYear, takesDeterminer: true)
        }
        if unit == .year, lexKind(j) == .number {
            if let s = spelledYear(at: j) {
                return TimexMatch(first: i, end: s.end, spec: s.spec, rule: .yearTheYear, takesDeterminer: true)
            }
            if let s = spelledThousands(at: j) {
                return TimexMatch(first: i, end: s.end, spec: s.spec, rule: .yearTheYear, takesDeterminer: true)
            }
        }
        // `the day before yesterday`, `the day after tomorrow`, `the day before`
        // (`day after tomorrow` is found without its article too)
        if unit == .day, determined || kw(j + 1, .yesterday) || kw(j + 1, .tomorrow), kw(j, .before) || kw(j, .after) {
            let sign = kw(j, .before) ? -1 : 1
            if kw(j + 1, .yesterday) || kw(j + 1, .tomorrow) {
                let base = kw(j + 1, .yesterday) ? -1 : 1
                return TimexMatch(first: i, end: j + 2, spec: .point(.relative(.day, base + sign, .document)),
                                  rule: .relativeDayBeforeYesterday, takesDeterminer: true)
            }
            if endsClause(j + 1) {
                return TimexMatch(first: i, end: j + 1, spec: .point(.relative(.day, sign, .narrative)),
                                  rule: .relativeDayBefore, takesDeterminer: true)
            }
        }
        // `end of month`, `by the end of year`: after a modifier's `of`, the article may be dropped.
        guard determined || afterModifier && kw(i - 1, .of) && unit >= .day else { return nil }
        // `the week of March 6`
        if unit == .week, let w = weekOf(at: i, end: j) { return w }
        if unit == .weekend {
            return TimexMatch(first: i, end: j, spec: .point(.weekend(.tense)), rule: .relativeTheWeekend,
                              takesDeterminer: true)
        }
        // `the quarter century anniversary` is twenty-five years, not a quarter of a year.
        if unit == .quarter, !kw(j, .of), !afterModifier, !isUnit(skipJoiner(j), .century) {
            return TimexMatch(first: i, end: j, spec: .point(.discussed(.quarter)), rule: .relativeTheQuarter,
                              takesDeterminer: true)
        }
        if unit == .year, !afterModifier {
            return theYear(at: i, end: j)
        }
        if afterModifier, unit >= .day, unit != .weekend {
            return TimexMatch(first: i, end: j, spec: .point(.relative(unit, 0, unit == .day ? .narrative : .document)),
                              rule: .relativeTheUnit, takesDeterminer: true)
        }
        return nil
    }

    /// `the year` (`for the year`, `a high for the year`): the article's year; `the year ended
    /// Sept. 30`: a year-long duration; `the year before`: the year before the narrative's.
    func theYear(at i: Int, end j: Int) -> TimexMatch? {
        if tokens[i].isCapitalized, !isSentenceStart(i) { return nil }  // `Person of the Year`
        if kw(j, .ended) || kw(j, .ending) {
            return TimexMatch(first: i, end: j, spec: .duration(1, .year), rule: .durationTheYearEnded,
                              takesDeterminer: true)
        }
        if kw(j, .before) || kw(j, .after), endsClause(j + 1) {
            return TimexMatch(first: i, end: j + 1, spec: .point(.relative(.year, kw(j, .before) ? -1 : 1, .narrative)),
                              rule: .relativeTheYearBefore, takesDeterminer: true)
        }
        // `the year of the dragon`, `the year that`, `the year when`: a year described, not this one.
        if kw(j, .of) || isWord(j, "that") || isWord(j, "when") || isWord(j, "in") || isHyphen(j) { return nil }
        return TimexMatch(first: i, end: j, spec: .point(.relative(.year, 0, .document)), rule: .relativeTheYear,
                          takesDeterminer: true)
    }

    /// `two thousand`, `two thousand and one` (after `the year`).
    func spelledThousands(at i: Int) -> (end: Int, spec: TimexSpec)? {
        guard lexKind(i) == .number, lexValue(i) == 2, lexKind(i + 1) == .number, lexValue(i + 1) == 1000 else {
            return nil
        }
        var year = 2000
        var e = i + 2
        let k = kw(e, .and) ? e + 1 : e
        if lexKind(k) == .number, let (n, after) = cardinal(at: k), let v = n, v < 100 {
            year += Int(v)
            e = after
        }
        return (e, .point(.calendar(year: year, month: nil, day: nil)))
    }

    static let namedDayPrefixes = ["super", "black", "cyber", "ash", "holy", "bloody", "shrove", "maundy", "palm",
                                   "whit", "giving", "fat", "manic", "blue"]

    /// `Thursday`, `Friday morning`, `Friday, Dec. 2, 2011`, `Tues.`
    func weekdayExpression(at i: Int) -> TimexMatch? {
        let t = tokens[i]
        var j = i + 1
        if t.lex.kind == .weekdayAbbreviation {
            // `Sun` and `Sat` are words too: an abbreviation needs its period or a date after it.
            guard t.isCapitalized else { return nil }
            if isPeriod(j), attached(j) {
                j += 1
            } else if !(isComma(j) && monthName(j + 1) != nil) {
                return nil
            }
        }
        // `Friday, Dec. 2, 2011`, `Friday 2 December`
        let k = isComma(j) ? j + 1 : j
        if let d = monthExpression(at: k, afterModifier: true, determined: false) ?? dayMonth(at: k),
            case .point(.calendar(let year, let month, let day)) = d.spec.base, day != nil
        {
            // `the Edmonton Sun, August 16, 2008` (a Saturday): an abbreviation that disagrees with
            // the date is a word of a name.
            if t.lex.kind == .weekdayAbbreviation, let year, let month, let day,
                let date = CivilDate(year: year, month: month, day: day), date.weekday != lexValue(i)
            {
                return nil
            }
            var m = d
            m.first = i
            m.rule = .dateWeekdayDate
            return m
        }
        guard t.lex.kind == .weekday else { return nil }
        // `Black Friday`, `Ash Wednesday`, `Palm Sunday`: holidays; `Super Tuesday`, `Holy Saturday`:
        // named days, not the weekday around the article.
        if isCapitalized(i - 1), TimexParser.namedDayPrefixes.contains(where: { isWord(i - 1, $0) }) {
            guard i - 1 >= matchedUpTo, let (weekday, holiday) = TimexParser.namedWeekdays[lower(i - 1)],
                weekday == lexValue(i)
            else { return nil }
            var end = i + 1
            var year: Int?
            if let (y, e) = trailingYear(end) {
                year = y
                end = e
            }
            return TimexMatch(first: i - 1, end: end, spec: .point(.holiday(holiday, year: year)),
                              rule: .dateNamedDay)
        }
        // `Tuesday nights`, `on Monday and Tuesday nights`: that part of every such weekday.
        if lexKind(j) == .dayPartPlural, let set = weekdaySet(at: i) { return set }
        if kw(j, .and) || kw(j, .or), lexKind(j + 1) == .weekday, lexKind(j + 2) == .dayPartPlural,
            t.isCapitalized, let part = DayPart(rawValue: tokens[j + 2].lex.value)
        {
            return TimexMatch(first: i, end: j, spec: .set("XXXX-WXX-\(lexValue(i))T" + part.code),
                              rule: .setWeekdayPlural)
        }
        var spec = TimexSpec.point(.weekday(lexValue(i), .tense))
        var end = j
        if let part = trailingDayPart(end) {
            spec.dayPart = part
            end += 1
        }
        return TimexMatch(first: i, end: end, spec: spec, rule: .relativeWeekday)
    }
}
