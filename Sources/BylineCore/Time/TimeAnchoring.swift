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
    /// The last day (or finer) mentioned: the anchor of `that day` when the narrative is coarser.
    private var lastDay: TimexPoint?
    /// The year of the last explicit date, and the first one in the text (for undated articles).
    private var lastExplicitYear: Int?
    /// Token index just past the last explicit date (`in March 1995 and in June` shares the year).
    private var lastExplicitEnd = -10
    /// Whether that explicit date named a month or a day (a bare year does not set the year of
    /// a later `in June` in the same sentence).
    private var lastExplicitIsDate = false
    private let firstExplicitYear: Int?

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
        switch m.spec.base {
        case .duration(let n, let unit):
            return Resolved(value: DurationValue.render(n, unit), type: .duration, anchored: false, inferred: false)
        case .set(let v):
            return Resolved(value: v, type: .set, anchored: false, inferred: false)
        case .reference(let v):
            return Resolved(value: v, type: .date, anchored: false, inferred: false)
        case .point(let p):
            var inferred = false
            var point = resolvePoint(p, m, sentence: sentence, inferred: &inferred)
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
            let anchored = point.isAnchored
            if anchored, point.grain.isDayOrFiner, let d = point.startDay { lastDay = .day(d) }
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

    // MARK: - Points

    private func resolvePoint(_ p: PointSpec, _ m: TimexMatch, sentence: Int, inferred: inout Bool) -> TimexPoint {
        let dct = documentDate
        switch p {
        case .calendar(let y, let month, let day):
            var year = y
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

        case .yearPart(let y, let grain, let part):
            var point = TimexPoint(grain: grain, year: y, part: part)
            if y == nil {
                point.year = yearFor(m, sentence: sentence, inferred: &inferred) { y in
                    TimexPoint(grain: grain, year: y, part: part)
                }
            }
            return point

        case .decade(let y): return TimexPoint(grain: .decade, year: y)
        case .century(let y): return TimexPoint(grain: .century, year: y)
        case .millennium(let y): return TimexPoint(grain: .millennium, year: y)

        case .weekday(let wd, let choice):
            guard let dct else {
                var unknown = TimexPoint(grain: .day, year: nil)
                unknown.weekday = wd
                return unknown
            }
            return .day(weekday(wd, choice, reference: dct, m))

        case .weekend(let choice):
            guard let dct else { return TimexPoint(grain: .weekend, year: nil) }
            let saturday = TimexPoint.mondayOfWeek(year: dct.isoWeek.year, week: dct.isoWeek.week).adding(days: 5)
            var target = saturday
            switch choice {
            case .this:
                // `this weekend` in a past-tense clause is the one just gone.
                if parser.tense(first: m.first, end: m.end) == .past, saturday > dct {
                    target = saturday.adding(days: -7)
                }
            case .previous: target = saturday.adding(days: -7)
            case .next: target = saturday.adding(days: 7)
            case .tense:
                switch parser.tense(first: m.first, end: m.end) {
                case .past, .pastPerfect: if dct.weekday < 6 { target = saturday.adding(days: -7) }
                case .future: if dct.weekday == 7 { target = saturday.adding(days: 7) }
                case .present, .none: if dct.weekday <= 2 { target = saturday.adding(days: -7) }
                }
            }
            return .containing(target, grain: .weekend)

        case .relative(let unit, let n, let anchor):
            let grain = TimexPoint.Grain(unit)
            switch anchor {
            case .document:
                guard let dct else { return TimexPoint(grain: grain, year: nil) }
                // `earnings fell from $5 million a year ago` after `the third quarter`: the same
                // quarter a year before.
                if unit == .year, n < 0, m.spec.counted, let q = narrative, q.grain == .quarter || q.grain == .half {
                    return q.shifted(by: n, unit)
                }
                return TimexPoint.containing(dct, grain: grain).shifted(by: n, unit)
            case .narrative:
                guard var base = narrativeAnchor() else { return TimexPoint(grain: grain, year: nil) }
                // `that day`, `the next day` after `in 2025`: count from the last day mentioned.
                if grain.isDayOrFiner, !base.grain.isDayOrFiner {
                    base = lastDay ?? documentDate.map { TimexPoint.day($0) } ?? base
                }
                var moved = base.shifted(by: n, unit)
                // `the following year`, `that week`: the period itself; `a year earlier` (a counted
                // shift) keeps the grain of the time it counts from.
                let period = n == 0 || !m.spec.counted
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

        case .relativeMonth(let month, let day, 0):
            // `this September`: the article's year, unless the tense points past it or ahead of it.
            let year = parser.tense(first: m.first, end: m.end) == .none ? documentDate?.year : nil
            return resolvePoint(.calendar(year: year, month: month, day: day), m, sentence: sentence,
                                inferred: &inferred)

        case .relativeMonth(let month, let day, let direction):
            let grain: TimexPoint.Grain = day == nil ? .month : .day
            guard let dct else {
                return TimexPoint(grain: grain, year: inferYear(sentence: sentence, inferred: &inferred), month: month,
                                  day: day)
            }
            var year = dct.year
            let key = month * 100 + (day ?? 0)
            let today = dct.month * 100 + (day == nil ? 0 : dct.day)
            if direction < 0, key >= today { year -= 1 }
            if direction > 0, key <= today { year += 1 }
            return TimexPoint(grain: grain, year: year, month: month, day: day)

        case .relativeYearPart(let grain, let part, 0):
            // `this summer`: the one the clause's tense points to; without a tense, the one of
            // the article's year (`this winter` in January: the winter under way).
            if let dct, parser.tense(first: m.first, end: m.end) == .none {
                let current = TimexPoint.containing(dct, grain: grain)
                let year = current.part == part ? current.year : dct.year
                return TimexPoint(grain: grain, year: year, part: part)
            }
            return resolvePoint(.yearPart(year: nil, grain: grain, part: part), m, sentence: sentence,
                                inferred: &inferred)

        case .relativeYearPart(let grain, let part, let direction):
            guard let dct else { return TimexPoint(grain: grain, year: nil, part: part) }
            let current = TimexPoint.containing(dct, grain: grain)
            var point = TimexPoint(grain: grain, year: current.year, part: part)
            if direction < 0, let s = point.startDay, let c = current.startDay, s >= c { point.year! -= 1 }
            if direction > 0, let s = point.startDay, let c = current.startDay, s <= c { point.year! += 1 }
            return point

        case .yearPartOfRelativeYear(let grain, let part, let offset):
            return TimexPoint(grain: grain, year: dct.map { $0.year + offset }, part: part)

        case .holiday(let holiday, let y):
            var year = y
            if year == nil {
                year = yearFor(m, sentence: sentence, inferred: &inferred) { y in
                    holiday.date(in: y).map { TimexPoint.day($0) } ?? TimexPoint(grain: .day, year: nil)
                }
            }
            guard let year, let date = holiday.date(in: year) else { return TimexPoint(grain: .day, year: nil) }
            return .day(date)

        case .discussed(let grain):
            if let n = narrative, n.grain == grain { return n }
            return resolvePoint(.latest(grain), m, sentence: sentence, inferred: &inferred)

        case .latest(let grain):
            guard let dct else { return TimexPoint(grain: grain, year: nil) }
            let unit: TimeUnit = grain == .quarter ? .quarter : grain == .half ? .half : .month
            return TimexPoint.containing(dct, grain: grain).shifted(by: -1, unit)

        case .yearEarlier(let grain):
            if let n = narrative, n.grain == .quarter || n.grain == .half || n.grain == .year || n.grain == .month {
                // A period already in a past year is the comparison period itself.
                if let dct, let y = n.year, y < dct.year { return n }
                return n.shifted(by: -1, .year)
            }
            guard let dct else { return TimexPoint(grain: grain ?? .year, year: nil) }
            if let grain {
                let unit: TimeUnit = grain == .quarter ? .quarter : .month
                return TimexPoint.containing(dct, grain: grain).shifted(by: -1, unit).shifted(by: -1, .year)
            }
            return TimexPoint.containing(dct, grain: .year).shifted(by: -1, .year)

        case .periodInYear(let year):
            if let n = narrative, n.grain == .quarter || n.grain == .half {
                var p = n
                p.year = year
                return p
            }
            return TimexPoint(grain: .year, year: year)

        case .monthOfRelativeYear(let month, let day, let offset):
            guard let dct else {
                return TimexPoint(grain: day == nil ? .month : .day, year: nil, month: month, day: day)
            }
            return TimexPoint(grain: day == nil ? .month : .day, year: dct.year + offset, month: month, day: day)

        case .contextDay:
            if let n = narrative, n.grain.isDayOrFiner, sentence - narrativeSentence <= 2, let d = n.startDay {
                return .day(d)
            }
            guard let dct else { return TimexPoint(grain: .day, year: nil) }
            return .day(dct)
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
            return extents.last(where: { $0.start <= today + slack })?.year ?? dct.year - 1
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
        case .previous: return dct.adding(days: -(back == 0 ? 7 : back))
        case .next: return dct.adding(days: forward == 0 ? 7 : forward)
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
            case .future: return dct.adding(days: forward)
            // Without a cue, the nearest one (news convention); three days back beats four ahead.
            case .present, .none: return back <= 3 ? dct.adding(days: -back) : dct.adding(days: forward)
            }
        }
    }
}
