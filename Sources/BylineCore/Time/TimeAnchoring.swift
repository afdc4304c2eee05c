/// Gives each recognised expression its TIMEX3 value, in text order.
///
/// Relative expressions count from the article's date (`yesterday`, `last week`, `two days
/// ago`) or from the time last mentioned in the narrative (`two days later`, `that week`, `the
/// next day`). Weekdays, bare months and seasons follow the tense of their clause. Without an
/// article date, a year-less date takes the year of the explicit dates in the text (marked
/// `inferred`); what cannot be placed keeps an `X` value and `anchored = false`.
struct TimexResolver {
    struct Resolved {
        var value: String
        var type: TimexType
        var anchored: Bool
        var inferred: Bool
    }

    let parser: TimexParser
    let documentDate: CivilDate?
    /// The last calendar position mentioned, and the sentence it was in.
    private(set) var narrative: TimexPoint?
    private var narrativeSentence = -1
    /// The last point mentioned that does not lie after the article's date: the anchor of a
    /// past-tense `the same day` or `at 13:40` when the narrative has moved to a coming date.
    private var pastNarrative: TimexPoint?
    /// The last day (or finer) mentioned: the anchor of `that day` when the narrative is coarser.
    private var lastDay: TimexPoint?
    private var lastDaySentence = -10
    /// The year of the last explicit date, and the first one in the text (for undated articles).
    private var lastExplicitYear: Int?
    /// Token index just past the last explicit date (`in March 1995 and in June` shares the year).
    private var lastExplicitEnd = -10
    /// Whether that explicit date named a month or a day (a bare year does not set the year of
    /// a later `in June` in the same sentence).
    private var lastExplicitIsDate = false
    private let firstExplicitYear: Int?
    /// The point resolved for the match before, the start of a range when the next match ends one.
    private var previousPoint: TimexPoint?
    /// A year named right before (`last year August 8`): its end token and the year.
    private var adjacentYear: (end: Int, year: Int)?

    init(parser: TimexParser, documentDate: CivilDate?, matches: [TimexMatch]) {
        self.parser = parser
        self.documentDate = documentDate
        var first: Int?
        for m in matches {
            if let y = TimexResolver.explicitYear(m.spec) {
                first = y
                break
            }
        }
        firstExplicitYear = first
    }

    /// `a year earlier`, `a year ago`, `the year-earlier quarter`: a comparison period, which
    /// does not move the narrative's focus (else `a year earlier` twice would drift two years).
    static func isComparison(_ spec: TimexSpec) -> Bool {
        guard case .point(let p) = spec.base else { return false }
        switch p {
        case .relative(let unit, let n, _): return n < 0 && unit >= .year
        case .yearEarlier: return true
        case .yearPartOfRelativeYear(_, _, let offset): return offset < 0
        default: return false
        }
    }

    static func explicitYear(_ spec: TimexSpec) -> Int? {
        guard case .point(let p) = spec.base else { return nil }
        switch p {
        case .calendar(let y?, _, _): return y
        case .yearPart(let y?, _, _): return y
        case .holiday(_, let y?): return y
        default: return nil
        }
    }

    mutating func resolve(_ m: TimexMatch, sentence: Int) -> Resolved {
        let rangeStart = previousPoint
        previousPoint = nil
        let yearBefore = adjacentYear
        adjacentYear = nil
        switch m.spec.base {
        case .duration(let n, let unit):
            return Resolved(value: DurationValue.render(n, unit), type: .duration, anchored: false, inferred: false)
        case .vagueDuration:
            return Resolved(value: "PXX", type: .duration, anchored: false, inferred: false)
        case .set(let v):
            return Resolved(value: v, type: .set, anchored: false, inferred: false)
        case .reference(let v):
            return Resolved(value: v, type: .date, anchored: false, inferred: false)
        case .point(let p):
            var inferred = false
            var point = resolvePoint(p, m, sentence: sentence, inferred: &inferred, yearBefore: yearBefore)
            if let part = m.spec.dayPart, point.grain.isDayOrFiner {
                point.grain = .dayPart
                point.dayPart = part
            }
            if let clock = m.spec.clock, point.grain.isDayOrFiner {
                point.grain = .time
                point.hour = clock.hour
                point.minute = clock.minute
                point.second = clock.second
            }
            if m.rangeEnd, let start = rangeStart, TimexResolver.precedes(point, start) {
                point = TimexResolver.advance(point, p)
            }
            previousPoint = point
            if point.grain == .year, let y = point.year { adjacentYear = (m.end, y) }
            let anchored = point.isAnchored
            if anchored, point.grain.isDayOrFiner, let d = point.startDay {
                lastDay = .day(d)
                lastDaySentence = sentence
            }
            if anchored, !TimexResolver.isComparison(m.spec) {
                // `that week` after `March 5` keeps March 5 as the time in focus.
                if let n = narrative, let d = n.startDay, point.grain > n.grain, let s = point.startDay,
                    let e = point.endDay, s <= d, d <= e
                {
                    narrativeSentence = sentence
                } else {
                    narrative = point
                    narrativeSentence = sentence
                }
                if let dct = documentDate, let d = point.startDay, d <= dct { pastNarrative = point }
            }
            if let y = TimexResolver.explicitYear(m.spec) {
                lastExplicitYear = y
                lastExplicitEnd = m.end
                if case .point(.calendar(_, let month, _)) = m.spec.base { lastExplicitIsDate = month != nil } else {
                    lastExplicitIsDate = false
                }
            }
            let type: TimexType = point.grain == .time || point.grain == .dayPart ? .time : .date
            return Resolved(value: point.value, type: type, anchored: anchored, inferred: inferred && anchored)
        }
    }

    /// Whether `point` lies before `start` (by day, then by clock time on the same day).
    static func precedes(_ point: TimexPoint, _ start: TimexPoint) -> Bool {
        guard let a = point.startDay, let b = start.startDay else { return false }
        if a != b { return a < b }
        guard point.grain == .time, start.grain == .time, let h = point.hour, let k = start.hour else { return false }
        return h * 60 + (point.minute ?? 0) < k * 60 + (start.minute ?? 0)
    }

    /// The end of a range found before its start, moved to the next occurrence of what its words
    /// name: a weekday a week on, a date without a year a year on, a clock time a day on.
    static func advance(_ point: TimexPoint, _ spec: PointSpec) -> TimexPoint {
        switch spec {
        case .weekday: return point.shifted(by: 7, .day)
        case .calendar(nil, _?, _), .relativeMonth: return point.shifted(by: 1, .year)
        case .holiday(let h, nil):
            guard let y = point.year, let d = h.date(in: y + 1) else { return point }
            return .day(d)
        case .contextDay: return point.grain == .time ? point.shifted(by: 1, .day) : point
        default: return point
        }
    }

    // MARK: - Points

    /// The point `p` names, one method per kind of point. `yearBefore`: a year named right before
    /// (`last year August 8`).
    private func resolvePoint(_ p: PointSpec, _ m: TimexMatch, sentence: Int, inferred: inout Bool,
                              yearBefore: (end: Int, year: Int)? = nil) -> TimexPoint {
        switch p {
        case .calendar(let year, let month, let day):
            return calendarPoint(year: year, month: month, day: day, m, sentence: sentence, inferred: &inferred,
                                 yearBefore: yearBefore)
        case .yearPart(let year, let grain, let part):
            return yearPartPoint(year: year, grain: grain, part: part, m, sentence: sentence, inferred: &inferred)
        case .decade(let y): return TimexPoint(grain: .decade, year: y)
        case .century(let y): return TimexPoint(grain: .century, year: y)
        case .millennium(let y): return TimexPoint(grain: .millennium, year: y)
        case .weekday(let wd, let choice): return weekdayPoint(wd, choice, m)
        case .weekend(let choice): return weekendPoint(choice, m)
        case .relative(let unit, let n, .document): return documentRelativePoint(unit, n, m)
        case .relative(let unit, let n, .narrative): return narrativeRelativePoint(unit, n, m)
        case .relativeMonth(let month, let day, 0):
            // `this September`: the article's year, unless the tense points past it or ahead of it.
            let year = parser.tense(first: m.first, end: m.end) == .none ? documentDate?.year : nil
            return resolvePoint(.calendar(year: year, month: month, day: day), m, sentence: sentence, inferred: &inferred)
        case .relativeMonth(let month, let day, let direction):
            return relativeMonthPoint(month: month, day: day, direction: direction, sentence: sentence, inferred: &inferred)
        case .relativeYearPart(let grain, let part, 0):
            return thisYearPartPoint(grain: grain, part: part, m, sentence: sentence, inferred: &inferred)
        case .relativeYearPart(let grain, let part, let direction):
            return relativeYearPartPoint(grain: grain, part: part, direction: direction)
        case .yearPartOfRelativeYear(let grain, let part, let offset):
            return TimexPoint(grain: grain, year: documentDate.map { $0.year + offset }, part: part)
        case .holiday(let holiday, let year):
            return holidayPoint(holiday, year: year, m, sentence: sentence, inferred: &inferred)
        case .relativeHoliday(let holiday, let direction):
            return relativeHolidayPoint(holiday, direction: direction)
        case .discussed(let grain):
            if let n = narrative, n.grain == grain { return n }
            return resolvePoint(.latest(grain), m, sentence: sentence, inferred: &inferred)
        case .latest(let grain): return latestPoint(grain)
        case .yearEarlier(let grain): return yearEarlierPoint(grain)
        case .periodInYear(let year): return periodInYearPoint(year)
        case .monthOfRelativeYear(let month, let day, let offset):
            guard let dct = documentDate else {
                return TimexPoint(grain: day == nil ? .month : .day, year: nil, month: month, day: day)
            }
            return TimexPoint(grain: day == nil ? .month : .day, year: dct.year + offset, month: month, day: day)
        case .contextDay: return contextDayPoint(m, sentence: sentence)
        case .nthWeekdayOfMonth(let n, let wd, let month):
            return nthWeekdayOfMonthPoint(n, wd, month, m, sentence: sentence, inferred: &inferred)
        case .nthDayOfMonth(let n, let month):
            return nthDayOfMonthPoint(n, month, m, sentence: sentence, inferred: &inferred)
        case .nthWeekOfMonth(let n, let weekend, let month):
            return nthWeekOfMonthPoint(n, weekend: weekend, month, m, sentence: sentence, inferred: &inferred)
        case .dayInMonth(let day):
            return dayInMonth(Int(day), m, sentence: sentence)
        case .narrativeMonth(let month):
            if let n = narrative, let y = n.year, n.isAnchored {
                return TimexPoint(grain: .month, year: y, month: Int(month))
            }
            return resolvePoint(.calendar(year: nil, month: Int(month), day: nil), m, sentence: sentence, inferred: &inferred)
        case .weekOf(let year, let month, let day):
            let p = resolvePoint(.calendar(year: year.map { Int($0) }, month: Int(month), day: Int(day)), m,
                                 sentence: sentence, inferred: &inferred)
            guard let d = p.startDay else { return TimexPoint(grain: .week, year: nil) }
            return .containing(d, grain: .week)
        }
    }

    /// `Dec. 31, 2011`, `Dec. 31`, `December`: a missing year from the year named right before,
    /// else from the context (`yearFor`).
    private func calendarPoint(year y: Int?, month: Int?, day: Int?, _ m: TimexMatch, sentence: Int, inferred: inout Bool,
                               yearBefore: (end: Int, year: Int)?) -> TimexPoint {
        var year = y
        // `last year August 8`: the year named right before.
        if year == nil, month != nil, let b = yearBefore, b.end == m.first { year = b.year }
        if year == nil {
            let grain: TimexPoint.Grain = day == nil ? .month : .day
            year = yearFor(m, sentence: sentence, inferred: &inferred) { y in
                TimexPoint(grain: grain, year: y, month: month ?? 1, day: day ?? 1)
            }
        }
        if let month, let day {
            return TimexPoint(grain: .day, year: year, month: month, day: day)
        }
        if let month { return TimexPoint(grain: .month, year: year, month: month) }
        return TimexPoint(grain: .year, year: year)
    }

    /// `the third quarter of 2011`, `the third quarter`, `summer`.
    private func yearPartPoint(year y: Int?, grain: TimexPoint.Grain, part: Int, _ m: TimexMatch, sentence: Int,
                               inferred: inout Bool) -> TimexPoint {
        var point = TimexPoint(grain: grain, year: y, part: part)
        if y == nil {
            point.year = yearFor(m, sentence: sentence, inferred: &inferred) { y in
                TimexPoint(grain: grain, year: y, part: part)
            }
        }
        return point
    }

    /// `Friday`, `last Friday`, `the previous Friday`.
    private func weekdayPoint(_ wd: Int, _ choice: WeekdayChoice, _ m: TimexMatch) -> TimexPoint {
        guard let dct = documentDate else {
            var unknown = TimexPoint(grain: .day, year: nil)
            unknown.weekday = wd
            return unknown
        }
        switch choice {
        case .narrativePrevious, .narrativeNext:
            // `down 4.5% from the previous Friday` after last Friday's close: the Friday before that.
            var reference = dct
            if let n = narrative, n.grain.isDayOrFiner, let d = n.startDay {
                reference = d
            } else if let d = lastDay?.startDay {
                reference = d
            }
            return .day(weekday(wd, choice == .narrativePrevious ? .previous : .next, reference: reference, m))
        default:
            return .day(weekday(wd, choice, reference: dct, m))
        }
    }

    /// `this weekend`, `last weekend`, `the weekend`.
    private func weekendPoint(_ choice: WeekdayChoice, _ m: TimexMatch) -> TimexPoint {
        guard let dct = documentDate else { return TimexPoint(grain: .weekend, year: nil) }
        let saturday = TimexPoint.mondayOfWeek(year: dct.isoWeek.year, week: dct.isoWeek.week).adding(days: 5)
        var target = saturday
        switch choice {
        case .this:
            // `this weekend` in a past-tense clause is the one just gone.
            if parser.tense(first: m.first, end: m.end) == .past, saturday > dct {
                target = saturday.adding(days: -7)
            }
        case .previous, .narrativePrevious: target = saturday.adding(days: -7)
        case .next, .narrativeNext: target = saturday.adding(days: 7)
        case .tense:
            switch parser.tense(first: m.first, end: m.end) {
            case .past, .pastPerfect: if dct.weekday < 6 { target = saturday.adding(days: -7) }
            case .future: if dct.weekday == 7 { target = saturday.adding(days: 7) }
            case .present, .none: if dct.weekday <= 2 { target = saturday.adding(days: -7) }
            }
        }
        return .containing(target, grain: .weekend)
    }

    /// `two days ago`, `next week`, `a year ago`: counted from the article's date.
    private func documentRelativePoint(_ unit: TimeUnit, _ n: Int, _ m: TimexMatch) -> TimexPoint {
        let grain = TimexPoint.Grain(unit)
        guard let dct = documentDate else { return TimexPoint(grain: grain, year: nil) }
        // `earnings fell from $5 million a year ago` after `the third quarter`: the same
        // quarter a year before.
        if unit == .year, n == -1, m.spec.counted, let q = narrative, q.grain == .quarter || q.grain == .half {
            return q.shifted(by: n, unit)
        }
        return TimexPoint.containing(dct, grain: grain).shifted(by: n, unit)
    }

    /// `two days later`, `that week`, `the next day`: counted from the time last mentioned.
    private func narrativeRelativePoint(_ unit: TimeUnit, _ n: Int, _ m: TimexMatch) -> TimexPoint {
        let grain = TimexPoint.Grain(unit)
        guard var base = pastAnchor(m) ?? narrativeAnchor() else {
            return TimexPoint(grain: grain, year: nil)
        }
        // `that day`, `the next day` after `in 2025`: count from the last day mentioned.
        if grain.isDayOrFiner, !base.grain.isDayOrFiner {
            base = lastDay ?? documentDate.map { TimexPoint.day($0) } ?? base
        }
        var moved = base.shifted(by: n, unit)
        // `the following year`, `that week`: the period itself; `a year earlier` (a counted
        // shift) keeps the grain of the time it counts from.
        // `ten years later`, `a decade later` after a day: the year it names (only the single
        // `a year earlier` of a results comparison keeps the day).
        let period = n == 0 || !m.spec.counted || unit == .year && abs(n) >= 2
        if period, grain > base.grain, let start = moved.startDay {
            // `that week`, `that year`: the period holding the time last mentioned.
            moved = .containing(start, grain: grain)
        } else {
            // `a year earlier` after `Sept. 30` is Sept. 30 of the year before; after `the
            // third quarter`, that quarter a year before (TimeML annotators' reading).
            moved.dayPart = nil
            moved.hour = nil
            moved.minute = nil
            moved.second = nil
            if moved.grain == .time || moved.grain == .dayPart { moved.grain = .day }
        }
        return moved
    }

    /// `last September`, `next May 5`: the one before or after the article's date.
    private func relativeMonthPoint(month: Int, day: Int?, direction: Int, sentence: Int, inferred: inout Bool) -> TimexPoint {
        let grain: TimexPoint.Grain = day == nil ? .month : .day
        guard let dct = documentDate else {
            return TimexPoint(grain: grain, year: inferYear(sentence: sentence, inferred: &inferred), month: month, day: day)
        }
        var year = dct.year
        let key = month * 100 + (day ?? 0)
        let today = dct.month * 100 + (day == nil ? 0 : dct.day)
        if direction < 0, key >= today { year -= 1 }
        if direction > 0, key <= today { year += 1 }
        return TimexPoint(grain: grain, year: year, month: month, day: day)
    }

    /// `this summer`: the one the clause's tense points to; without a tense, the one of the
    /// article's year (`this winter` in January: the winter under way).
    private func thisYearPartPoint(grain: TimexPoint.Grain, part: Int, _ m: TimexMatch, sentence: Int,
                                   inferred: inout Bool) -> TimexPoint {
        if let dct = documentDate, parser.tense(first: m.first, end: m.end) == .none {
            let current = TimexPoint.containing(dct, grain: grain)
            let year = current.part == part ? current.year : dct.year
            return TimexPoint(grain: grain, year: year, part: part)
        }
        return resolvePoint(.yearPart(year: nil, grain: grain, part: part), m, sentence: sentence, inferred: &inferred)
    }

    /// `last summer`, `next quarter`: the one before or after the current one.
    private func relativeYearPartPoint(grain: TimexPoint.Grain, part: Int, direction: Int) -> TimexPoint {
        guard let dct = documentDate else { return TimexPoint(grain: grain, year: nil, part: part) }
        let current = TimexPoint.containing(dct, grain: grain)
        var point = TimexPoint(grain: grain, year: current.year, part: part)
        if direction < 0, let s = point.startDay, let c = current.startDay, s >= c { point.year! -= 1 }
        if direction > 0, let s = point.startDay, let c = current.startDay, s <= c { point.year! += 1 }
        return point
    }

    /// `Christmas 2011`, `Christmas`: a missing year from the context (`yearFor`).
    private func holidayPoint(_ holiday: Holiday, year y: Int?, _ m: TimexMatch, sentence: Int, inferred: inout Bool) -> TimexPoint {
        var year = y
        if year == nil {
            year = yearFor(m, sentence: sentence, inferred: &inferred) { y in
                holiday.date(in: y).map { TimexPoint.day($0) } ?? TimexPoint(grain: .day, year: nil)
            }
        }
        guard let year, let date = holiday.date(in: year) else { return TimexPoint(grain: .day, year: nil) }
        return .day(date)
    }

    /// `last Christmas`, `next Easter`.
    private func relativeHolidayPoint(_ holiday: Holiday, direction: Int) -> TimexPoint {
        guard let dct = documentDate, let this = holiday.date(in: dct.year) else { return TimexPoint(grain: .day, year: nil) }
        var year = dct.year
        if direction < 0, this >= dct { year -= 1 }
        if direction > 0, this <= dct { year += 1 }
        return holiday.date(in: year).map { TimexPoint.day($0) } ?? TimexPoint(grain: .day, year: nil)
    }

    /// `the latest quarter`: the last one over before the article's date.
    private func latestPoint(_ grain: TimexPoint.Grain) -> TimexPoint {
        guard let dct = documentDate else { return TimexPoint(grain: grain, year: nil) }
        let unit: TimeUnit = grain == .quarter ? .quarter : grain == .half ? .half : .month
        return TimexPoint.containing(dct, grain: grain).shifted(by: -1, unit)
    }

    /// `the year-earlier quarter`: the period a year before the one under discussion.
    private func yearEarlierPoint(_ grain: TimexPoint.Grain?) -> TimexPoint {
        if let n = narrative, n.grain == .quarter || n.grain == .half || n.grain == .year || n.grain == .month {
            // A period already in a past year is the comparison period itself.
            if let dct = documentDate, let y = n.year, y < dct.year { return n }
            return n.shifted(by: -1, .year)
        }
        guard let dct = documentDate else { return TimexPoint(grain: grain ?? .year, year: nil) }
        if let grain {
            let unit: TimeUnit = grain == .quarter ? .quarter : .month
            return TimexPoint.containing(dct, grain: grain).shifted(by: -1, unit).shifted(by: -1, .year)
        }
        return TimexPoint.containing(dct, grain: .year).shifted(by: -1, .year)
    }

    /// `the 1988 quarter`: the period of the narrative's grain (a quarter or half) in that year;
    /// else the year.
    private func periodInYearPoint(_ year: Int) -> TimexPoint {
        if let n = narrative, n.grain == .quarter || n.grain == .half {
            var p = n
            p.year = year
            return p
        }
        return TimexPoint(grain: .year, year: year)
    }

    /// A clock time or part of day with no day of its own (`at 13:40`, `that night`): the day in
    /// focus.
    private func contextDayPoint(_ m: TimexMatch, sentence: Int) -> TimexPoint {
        let dct = documentDate
        if let n = pastAnchor(m), let dct {
            guard n.grain.isDayOrFiner, let d = n.startDay else { return .day(dct) }
            return .day(d)
        }
        if let n = narrative, n.grain.isDayOrFiner, sentence - narrativeSentence <= 2, let d = n.startDay {
            return .day(d)
        }
        // `the opening Thursday night ... the 20th century ... the big hit of the evening`: the day
        // last mentioned, when a coarser period came between.
        if let d = lastDay, sentence - lastDaySentence <= 2 { return d }
        guard let dct else { return TimexPoint(grain: .day, year: nil) }
        return .day(dct)
    }

    /// `the second Tuesday of October`.
    private func nthWeekdayOfMonthPoint(_ n: Int8, _ wd: Int8, _ month: MonthReference, _ m: TimexMatch, sentence: Int,
                                        inferred: inout Bool) -> TimexPoint {
        guard let (y, mo) = resolveMonth(month, m, sentence: sentence, inferred: &inferred),
            let d = Holiday.weekday(Int(n), Int(wd), month: mo, year: y)
        else { return TimexPoint(grain: .day, year: nil) }
        return .day(d)
    }

    /// `the last day of the month`, `the 20th day of next month`.
    private func nthDayOfMonthPoint(_ n: Int8, _ month: MonthReference, _ m: TimexMatch, sentence: Int,
                                    inferred: inout Bool) -> TimexPoint {
        guard let (y, mo) = resolveMonth(month, m, sentence: sentence, inferred: &inferred) else {
            return TimexPoint(grain: .day, year: nil)
        }
        let length = CivilDate.daysIn(month: mo, year: y)
        guard let d = CivilDate(year: y, month: mo, day: n > 0 ? Int(n) : length + 1 + Int(n)) else {
            return TimexPoint(grain: .day, year: nil)
        }
        return .day(d)
    }

    /// `the first week of May`, `the last weekend of July`: a week belongs to the month of its
    /// Thursday (as ISO weeks to years); a weekend to the month of its Saturday.
    private func nthWeekOfMonthPoint(_ n: Int8, weekend: Bool, _ month: MonthReference, _ m: TimexMatch, sentence: Int,
                                     inferred: inout Bool) -> TimexPoint {
        guard let (y, mo) = resolveMonth(month, m, sentence: sentence, inferred: &inferred),
            let d = Holiday.weekday(Int(n), weekend ? 6 : 4, month: mo, year: y)
        else { return TimexPoint(grain: weekend ? .weekend : .week, year: nil) }
        return .containing(d, grain: weekend ? .weekend : .week)
    }

    /// The year and month of `October`, `October 2014`, `next month`.
    private func resolveMonth(_ month: MonthReference, _ m: TimexMatch, sentence: Int,
                              inferred: inout Bool) -> (year: Int, month: Int)? {
        switch month {
        case .named(let mo, let y?):
            return (Int(y), Int(mo))
        case .named(let mo, nil):
            let y = yearFor(m, sentence: sentence, inferred: &inferred) { y in
                TimexPoint(grain: .month, year: y, month: Int(mo))
            }
            return y.map { ($0, Int(mo)) }
        case .relative(let n):
            guard let dct = documentDate else { return nil }
            let p = TimexPoint.containing(dct, grain: .month).shifted(by: Int(n), .month)
            guard let y = p.year, let mo = p.month else { return nil }
            return (y, mo)
        }
    }

    /// `on the 15th`: in the month just mentioned (a day or month of the narrative, within three
    /// sentences), else in the month before, of, or after the article's date by the clause's
    /// tense (past: the latest 15th not after the article; future: the first not before; else the nearest).
    private func dayInMonth(_ day: Int, _ m: TimexMatch, sentence: Int) -> TimexPoint {
        if let n = narrative, n.grain == .month || n.grain.isDayOrFiner, sentence - narrativeSentence <= 3,
            let y = n.year, let mo = n.month, let d = CivilDate(year: y, month: mo, day: day)
        {
            return .day(d)
        }
        guard let dct = documentDate else {
            var unknown = TimexPoint(grain: .day, year: nil)
            unknown.day = day
            return unknown
        }
        let first = CivilDate(year: dct.year, month: dct.month, day: 1)!
        let candidates = [-1, 0, 1].compactMap { offset -> CivilDate? in
            let month = first.addingMonths(offset)
            return CivilDate(year: month.year, month: month.month, day: day)
        }
        guard !candidates.isEmpty else { return TimexPoint(grain: .day, year: nil) }
        let choice: CivilDate?
        switch parser.tense(first: m.first, end: m.end) {
        case .past, .pastPerfect: choice = candidates.last { $0 <= dct }
        case .future: choice = candidates.first { $0 >= dct }
        case .present, .none:
            choice = candidates.min { abs($0.dayNumber - dct.dayNumber) < abs($1.dayNumber - dct.dayNumber) }
        }
        return .day(choice ?? candidates[0])
    }

    /// `The hearing is on April 5. The attack began at 13:40`: a past-tense clause cannot count
    /// from a date still to come; it counts from the last point not after the article's date.
    private func pastAnchor(_ m: TimexMatch) -> TimexPoint? {
        guard let n = narrative, let dct = documentDate, let d = n.startDay, d > dct else { return nil }
        switch parser.tense(first: m.first, end: m.end) {
        case .past, .pastPerfect: return pastNarrative ?? .day(dct)
        default: return nil
        }
    }

    private func narrativeAnchor() -> TimexPoint? {
        if let n = narrative { return n }
        return documentDate.map { TimexPoint.day($0) }
    }

    /// The year of a date given without one (`Dec. 31`, `the third quarter`, `in March`): the
    /// year of an explicit date right before it (`in March 1995 and June`);
    /// else last year, this year or next year around the article's date, by the clause's tense
    /// (past: the latest one that has begun, future: the first one not yet over, otherwise the
    /// nearest); else, without an article date, the text's explicit years (inferred).
    private func yearFor(_ m: TimexMatch, sentence: Int, inferred: inout Bool,
                         period: (Int) -> TimexPoint) -> Int? {
        if let y = lastExplicitYear, lastExplicitEnd >= m.first - 3, lastExplicitIsDate { return y }
        guard let dct = documentDate else { return inferYear(sentence: sentence, inferred: &inferred) }
        let candidates = [dct.year - 1, dct.year, dct.year + 1]
        var extents: [(year: Int, start: Int, end: Int)] = []
        for y in candidates {
            let p = period(y)
            guard let s = p.startDay, let e = p.endDay else { continue }
            extents.append((y, s.dayNumber, e.dayNumber))
        }
        guard !extents.isEmpty else { return dct.year }
        let today = dct.dayNumber
        let grain = period(dct.year).grain
        // Slack for what lies just ahead (two months for days, one for months): news reports upcoming
        // dates in past-tense clauses (`declared a dividend payable Dec. 15`, `said final rules will be
        // published in November`, written in late October).
        let slack = grain.isDayOrFiner ? 60 : grain == .month ? 31 : 0
        switch parser.tense(first: m.first, end: m.end) {
        case .past, .pastPerfect:
            // `was arrested in January`, written in December: the verb right before dates its own
            // event, which lies behind; the slack is for times reported in a past clause (`extended
            // the offer to Nov. 20`).
            let ahead = grain == .month && m.first > 0 && parser.tokens[m.first - 1].isKeyword(.in)
                && parser.tenseCueGoverns(first: m.first, end: m.end) ? 0 : slack
            return extents.last(where: { $0.start <= today + ahead })?.year ?? dct.year - 1
        case .future:
            // Results of a quarter that has just ended are still reported in the future tense.
            let lag = grain == .quarter || grain == .half || grain == .season ? 92 : slack
            return extents.first(where: { $0.end >= today - lag })?.year ?? dct.year + 1
        case .present, .none:
            func distance(_ x: (year: Int, start: Int, end: Int)) -> Int {
                x.start > today ? x.start - today : x.end < today ? today - x.end : 0
            }
            var best = extents[0]
            for x in extents.dropFirst()
            where distance(x) < distance(best) || distance(x) == distance(best) && x.year == dct.year {
                best = x
            }
            return best.year
        }
    }

    private func inferYear(sentence: Int, inferred: inout Bool) -> Int? {
        guard let y = lastExplicitYear ?? firstExplicitYear else { return nil }
        inferred = true
        return y
    }

    private func weekday(_ wd: Int, _ choice: WeekdayChoice, reference dct: CivilDate, _ m: TimexMatch) -> CivilDate {
        let back = (dct.weekday - wd + 7) % 7
        let forward = (wd - dct.weekday + 7) % 7
        switch choice {
        case .previous, .narrativePrevious: return dct.adding(days: -(back == 0 ? 7 : back))
        case .next, .narrativeNext: return dct.adding(days: forward == 0 ? 7 : forward)
        case .this:
            // `this Friday` in the reference week, unless the tense points past it (`the strike
            // this Monday ended`, said on a Sunday, is in the same week; said on a Tuesday of a
            // Thursday in the past tense, the week before).
            let inWeek = dct.adding(days: wd - dct.weekday)
            switch parser.tense(first: m.first, end: m.end) {
            case .past where inWeek > dct, .pastPerfect where inWeek > dct: return inWeek.adding(days: -7)
            case .future where inWeek < dct: return inWeek.adding(days: 7)
            default: return inWeek
            }
        case .tense:
            switch parser.tense(first: m.first, end: m.end) {
            case .past, .pastPerfect: return dct.adding(days: -back)
            case .future:
                // `said the storm would pass Wednesday night`, reported a day before the article:
                // the first one from the day before the article's date.
                if parser.isFutureInPast(first: m.first, end: m.end) {
                    return dct.adding(days: back == 1 ? -1 : forward)
                }
                return dct.adding(days: forward)
            // Without a cue, the nearest one (news convention); three days back beats four ahead.
            case .present, .none: return back <= 3 ? dct.adding(days: -back) : dct.adding(days: forward)
            }
        }
    }
}
