/// A resolved calendar position at some granularity, rendered as a TIMEX3 value:
/// `2011-12-31`, `2011-12-02TMO`, `2011-12-02T15:00`, `2011-W48`, `2011-W48-WE`, `2011-12`,
/// `2011-Q4`, `2011-H1`, `2011-WI`, `2011`, `201` (decade), `20` (century), or with `XXXX`
/// for an unknown year (`XXXX-12-31`, `XXXX-WXX-4`).
struct TimexPoint: Hashable {
    enum Grain: Int, Comparable {
        case time, dayPart, day, weekend, week, month, season, quarter, half, year, decade, century, millennium

        static func < (lhs: Grain, rhs: Grain) -> Bool { lhs.rawValue < rhs.rawValue }

        init(_ unit: TimeUnit) {
            switch unit {
            case .second, .minute, .hour: self = .time
            case .dayPart: self = .dayPart
            case .day: self = .day
            case .weekend: self = .weekend
            case .week: self = .week
            case .month: self = .month
            case .season: self = .season
            case .quarter: self = .quarter
            case .half: self = .half
            case .year: self = .year
            case .decade: self = .decade
            case .century: self = .century
            case .millennium: self = .millennium
            }
        }

        var isDayOrFiner: Bool { self <= .day }
    }

    var grain: Grain
    /// The year (ISO week-year for week grains); nil renders `XXXX`. For decades and centuries
    /// the first year of the period.
    var year: Int?
    var month: Int?
    var day: Int?
    var week: Int?
    /// Quarter 1...4, half 1...2 or `Season.rawValue`.
    var part: Int?
    /// An unanchored weekday (`XXXX-WXX-4`).
    var weekday: Int?
    var dayPart: DayPart?
    var hour: Int?
    var minute: Int?
    var second: Int?

    init(grain: Grain, year: Int?, month: Int? = nil, day: Int? = nil, week: Int? = nil, part: Int? = nil) {
        self.grain = grain
        self.year = year
        self.month = month
        self.day = day
        self.week = week
        self.part = part
    }

    /// True when the value is a calendar position (no `X`).
    var isAnchored: Bool {
        guard year != nil, weekday == nil else { return false }
        switch grain {
        case .time, .dayPart, .day: return month != nil && day != nil
        case .month: return month != nil
        case .week, .weekend: return week != nil
        case .season, .quarter, .half: return part != nil
        default: return true
        }
    }

    // MARK: - Construction

    static func day(_ d: CivilDate) -> TimexPoint { TimexPoint(grain: .day, year: d.year, month: d.month, day: d.day) }

    /// The period of `grain` that contains the day `d`.
    static func containing(_ d: CivilDate, grain: Grain) -> TimexPoint {
        switch grain {
        case .time, .dayPart, .day: return .day(d)
        case .week, .weekend:
            let w = d.isoWeek
            return TimexPoint(grain: grain, year: w.year, week: w.week)
        case .month: return TimexPoint(grain: .month, year: d.year, month: d.month)
        case .season:
            switch d.month {
            case 3...5: return TimexPoint(grain: .season, year: d.year, part: Int(Season.spring.rawValue))
            case 6...8: return TimexPoint(grain: .season, year: d.year, part: Int(Season.summer.rawValue))
            case 9...11: return TimexPoint(grain: .season, year: d.year, part: Int(Season.fall.rawValue))
            case 12: return TimexPoint(grain: .season, year: d.year, part: Int(Season.winter.rawValue))
            default: return TimexPoint(grain: .season, year: d.year - 1, part: Int(Season.winter.rawValue))
            }
        case .quarter: return TimexPoint(grain: .quarter, year: d.year, part: (d.month - 1) / 3 + 1)
        case .half: return TimexPoint(grain: .half, year: d.year, part: (d.month - 1) / 6 + 1)
        case .year: return TimexPoint(grain: .year, year: d.year)
        case .decade: return TimexPoint(grain: .decade, year: floorDiv(d.year, 10) * 10)
        case .century: return TimexPoint(grain: .century, year: floorDiv(d.year, 100) * 100)
        case .millennium: return TimexPoint(grain: .millennium, year: floorDiv(d.year, 1000) * 1000)
        }
    }

    // MARK: - Extent

    /// The first day the value covers (nil when the year is unknown).
    var startDay: CivilDate? {
        guard let y = year, weekday == nil else { return nil }
        switch grain {
        case .time, .dayPart, .day:
            guard let m = month, let d = day else { return nil }
            return CivilDate(year: y, month: m, day: d)
        case .week:
            guard let w = week else { return nil }
            return TimexPoint.mondayOfWeek(year: y, week: w)
        case .weekend:
            guard let w = week else { return nil }
            return TimexPoint.mondayOfWeek(year: y, week: w).adding(days: 5)
        case .month:
            guard let m = month else { return nil }
            return CivilDate(year: y, month: m, day: 1)
        case .season:
            guard let p = part, let season = Season(rawValue: Int16(p)) else { return nil }
            let m: Int
            switch season {
            case .spring: m = 3
            case .summer: m = 6
            case .fall: m = 9
            case .winter: m = 12
            }
            return CivilDate(year: y, month: m, day: 1)
        case .quarter:
            guard let p = part else { return nil }
            return CivilDate(year: y, month: (p - 1) * 3 + 1, day: 1)
        case .half:
            guard let p = part else { return nil }
            return CivilDate(year: y, month: (p - 1) * 6 + 1, day: 1)
        case .year, .decade, .century, .millennium:
            return CivilDate(year: y, month: 1, day: 1)
        }
    }

    /// The last day the value covers.
    var endDay: CivilDate? {
        guard let start = startDay else { return nil }
        switch grain {
        case .time, .dayPart, .day: return start
        case .week: return start.adding(days: 6)
        case .weekend: return start.adding(days: 1)
        case .month: return start.addingMonths(1).adding(days: -1)
        case .season, .quarter: return start.addingMonths(3).adding(days: -1)
        case .half: return start.addingMonths(6).adding(days: -1)
        case .year: return start.addingMonths(12).adding(days: -1)
        case .decade: return start.addingMonths(120).adding(days: -1)
        case .century: return start.addingMonths(1200).adding(days: -1)
        case .millennium: return start.addingMonths(12000).adding(days: -1)
        }
    }

    /// Moves the value by `amount` units, keeping its granularity (`1989-Q3` a year earlier is
    /// `1988-Q3`; `1989-09-30` a year earlier is `1988-09-30`). Unknown years stay unknown.
    func shifted(by amount: Int, _ unit: TimeUnit) -> TimexPoint {
        guard let start = startDay else { return self }
        let moved = start.adding(amount, unit)
        var result = TimexPoint.containing(moved, grain: grain)
        result.dayPart = dayPart
        result.hour = hour
        result.minute = minute
        result.second = second
        if result.grain == .day, dayPart != nil { result.grain = .dayPart }
        if result.grain == .day, hour != nil { result.grain = .time }
        return result
    }

    static func mondayOfWeek(year: Int, week: Int) -> CivilDate {
        let jan4 = CivilDate(year: year, month: 1, day: 4)!
        return jan4.adding(days: 1 - jan4.weekday + (week - 1) * 7)
    }

    // MARK: - Rendering

    var value: String {
        let y = year.map { pad($0, 4) } ?? "XXXX"
        switch grain {
        case .millennium: return year.map { String(floorDiv($0, 1000)) } ?? "X"
        case .century: return year.map { pad(floorDiv($0, 100), 2) } ?? "XX"
        case .decade: return year.map { pad(floorDiv($0, 10), 3) } ?? "XXX"
        case .year: return y
        case .half: return "\(y)-H\(part.map(String.init) ?? "X")"
        case .quarter: return "\(y)-Q\(part.map(String.init) ?? "X")"
        case .season:
            return "\(y)-\(part.flatMap { Season(rawValue: Int16($0))?.code } ?? "XX")"
        case .month: return "\(y)-\(month.map { pad($0, 2) } ?? "XX")"
        case .week: return "\(y)-W\(week.map { pad($0, 2) } ?? "XX")"
        case .weekend: return "\(y)-W\(week.map { pad($0, 2) } ?? "XX")-WE"
        case .day, .dayPart, .time:
            var s: String
            if let wd = weekday {
                s = "\(y)-WXX-\(wd)"
            } else {
                s = "\(y)-\(month.map { pad($0, 2) } ?? "XX")-\(day.map { pad($0, 2) } ?? "XX")"
            }
            if grain == .time, let h = hour {
                s += "T\(pad(h, 2)):\(pad(minute ?? 0, 2))"
                if let sec = second { s += ":\(pad(sec, 2))" }
            } else if grain != .day, let part = dayPart {
                s += "T" + part.code
            }
            return s
        }
    }
}

@inline(__always)
func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

/// `n` in decimal with at least `width` digits (zeros before), a minus sign before them when
/// negative. Written straight into the string's bytes: every date value formats two to four
/// numbers, and joining a sign, a run of zeros and the digits made three strings each time.
func pad(_ n: Int, _ width: Int) -> String {
    var digits = 1
    var rest = n.magnitude / 10
    while rest > 0 {
        digits += 1
        rest /= 10
    }
    let sign = n < 0 ? 1 : 0
    let length = sign + max(digits, width)
    return String(unsafeUninitializedCapacity: length) { bytes in
        var magnitude = n.magnitude
        var at = length
        repeat {
            at -= 1
            bytes[at] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        while at > sign {
            at -= 1
            bytes[at] = 0x30
        }
        if sign == 1 { bytes[0] = 0x2D }
        return length
    }
}

extension CivilDate {
    /// The same day `months` later, clamped to the month's length (Jan 31 + 1 month = Feb 28/29).
    func addingMonths(_ months: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + months
        let y = floorDiv(total, 12)
        let m = total - y * 12 + 1
        let d = min(day, CivilDate.daysIn(month: m, year: y))
        return CivilDate(year: y, month: m, day: d)!
    }

    /// Moves by whole calendar units; units finer than a day leave the day unchanged.
    func adding(_ amount: Int, _ unit: TimeUnit) -> CivilDate {
        switch unit {
        case .second, .minute, .hour, .dayPart: return self
        case .day: return adding(days: amount)
        case .week, .weekend: return adding(days: 7 * amount)
        case .month: return addingMonths(amount)
        case .season, .quarter: return addingMonths(3 * amount)
        case .half: return addingMonths(6 * amount)
        case .year: return addingMonths(12 * amount)
        case .decade: return addingMonths(120 * amount)
        case .century: return addingMonths(1200 * amount)
        case .millennium: return addingMonths(12000 * amount)
        }
    }
}
