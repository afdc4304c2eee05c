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
    /// The year of the last explicit date, and the first one in the text (for undated articles).
    private var lastExplicitYear: Int?
    private var lastExplicitSentence = -1
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
            if anchored {
                narrative = point
                narrativeSentence = sentence
            }
            if let y = TimexResolver.explicitYear(m.spec) {
                lastExplicitYear = y
                lastExplicitSentence = sentence
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
            let year = y ?? yearFor(month: month ?? 1, day: day, m, sentence: sentence, inferred: &inferred)
            if let month, let day {
                return TimexPoint(grain: .day, year: year, month: month, day: day)
            }
            if let month { return TimexPoint(grain: .month, year: year, month: month) }
            return TimexPoint(grain: .year, year: year)

        case .yearPart(let y, let grain, let part):
            var point = TimexPoint(grain: grain, year: y, part: part)
            if y == nil {
                let startMonth = TimexResolver.startMonth(grain, part)
                point.year = yearFor(month: startMonth, day: nil, m, sentence: sentence, inferred: &inferred,
                                     lastMonth: startMonth + TimexResolver.months(grain) - 1)
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
            case .this: break
            case .previous: target = saturday.adding(days: -7)
            case .next: target = saturday.adding(days: 7)
            case .tense:
                switch parser.tense(first: m.first, end: m.end) {
                case .past: if dct.weekday < 6 { target = saturday.adding(days: -7) }
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
                return TimexPoint.containing(dct, grain: grain).shifted(by: n, unit)
            case .narrative:
                guard let base = narrativeAnchor() else { return TimexPoint(grain: grain, year: nil) }
                var moved = base.shifted(by: n, unit)
                // Keep a quarter or half from the narrative (`a year earlier` after `the third
                // quarter` is that quarter a year before); otherwise answer at the unit's grain.
                if base.grain == .quarter || base.grain == .half, unit >= .year { return moved }
                if grain > base.grain, let start = moved.startDay {
                    moved = .containing(start, grain: grain)
                } else {
                    moved.dayPart = nil
                    moved.hour = nil
                    moved.minute = nil
                    moved.second = nil
                    if moved.grain == .time || moved.grain == .dayPart { moved.grain = .day }
                }
                return moved
            }

        case .relativeMonth(let month, let direction):
            guard let dct else {
                return TimexPoint(grain: .month, year: inferYear(sentence: sentence, inferred: &inferred), month: month)
            }
            var year = dct.year
            if direction < 0, month >= dct.month { year -= 1 }
            if direction > 0, month <= dct.month { year += 1 }
            return TimexPoint(grain: .month, year: year, month: month)

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
            if year == nil, let dct, let date = holiday.date(in: dct.year) {
                year = yearFor(month: date.month, day: date.day, m, sentence: sentence, inferred: &inferred)
            } else if year == nil {
                year = inferYear(sentence: sentence, inferred: &inferred)
            }
            guard let year, let date = holiday.date(in: year) else { return TimexPoint(grain: .day, year: nil) }
            return .day(date)

        case .latest(let grain):
            if let n = narrative, n.grain == grain { return n }
            guard let dct else { return TimexPoint(grain: grain, year: nil) }
            let unit: TimeUnit = grain == .quarter ? .quarter : grain == .half ? .half : .month
            return TimexPoint.containing(dct, grain: grain).shifted(by: -1, unit)

        case .yearEarlier(let grain):
            if let n = narrative, n.grain == .quarter || n.grain == .half || n.grain == .year || n.grain == .month {
                return n.shifted(by: -1, .year)
            }
            guard let dct else { return TimexPoint(grain: grain ?? .year, year: nil) }
            if let grain {
                let unit: TimeUnit = grain == .quarter ? .quarter : .month
                return TimexPoint.containing(dct, grain: grain).shifted(by: -1, unit).shifted(by: -1, .year)
            }
            return TimexPoint.containing(dct, grain: .year).shifted(by: -1, .year)

        case .contextDay:
            if let n = narrative, n.grain.isDayOrFiner, narrativeSentence == sentence, let d = n.startDay {
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

    /// The year of a date given without one: the year of an explicit date earlier in the same
    /// sentence; else the article's year moved by the clause's tense (a past `December` in a
    /// February article is last year's); else, without an article date, the text's explicit
    /// years (inferred).
    private func yearFor(month: Int, day: Int?, _ m: TimexMatch, sentence: Int, inferred: inout Bool,
                         lastMonth: Int? = nil) -> Int? {
        if let y = lastExplicitYear, lastExplicitSentence == sentence { return y }
        guard let dct = documentDate else { return inferYear(sentence: sentence, inferred: &inferred) }
        let startKey = month * 100 + (day ?? 1)
        let endKey = (lastMonth ?? month) * 100 + (day ?? 31)
        let dctKey = dct.month * 100 + dct.day
        switch parser.tense(first: m.first, end: m.end) {
        case .past: return startKey > dctKey ? dct.year - 1 : dct.year
        case .future: return endKey < dctKey ? dct.year + 1 : dct.year
        case .present, .none: return dct.year
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
        case .this: return dct.adding(days: wd - dct.weekday)
        case .tense:
            switch parser.tense(first: m.first, end: m.end) {
            case .past: return dct.adding(days: -back)
            case .future: return dct.adding(days: forward)
            case .present, .none: return back <= 3 ? dct.adding(days: -back) : dct.adding(days: forward)
            }
        }
    }

    static func startMonth(_ grain: TimexPoint.Grain, _ part: Int) -> Int {
        switch grain {
        case .quarter: return (part - 1) * 3 + 1
        case .half: return (part - 1) * 6 + 1
        case .season:
            switch Season(rawValue: Int16(part)) {
            case .spring: return 3
            case .summer: return 6
            case .fall: return 9
            default: return 12
            }
        default: return 1
        }
    }

    static func months(_ grain: TimexPoint.Grain) -> Int {
        switch grain {
        case .half: return 6
        case .season: return 1  // winter runs into the next year: compare by its first month
        default: return 3
        }
    }
}
