/// What a rule recognised, before anchoring: the meaning of the words, not yet a calendar value.
struct TimexSpec {
    enum Base {
        case point(PointSpec)
        /// An amount of units; nil amount = unspecified (`several years` = `PXY`).
        case duration(Double?, TimeUnit)
        /// An amount of time with neither number nor unit (`a while`, `some time`): `PXX`.
        case vagueDuration
        /// A SET value, already in TIMEX3 form (`P1W`, `XXXX-WXX-1`).
        case set(String)
        /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
        case reference(String)
    }

    var base: Base
    var dayPart: DayPart?
    var clock: Clock?
    var mod: TimexMod?
    /// A point counted from its anchor by an amount (`two years ago`, `a year earlier`): it takes
    /// quantity modifiers (`more than two years ago`) and keeps the grain of a narrative anchor.
    var counted = false

    init(_ base: Base, dayPart: DayPart? = nil, clock: Clock? = nil, mod: TimexMod? = nil) {
        self.base = base
        self.dayPart = dayPart
        self.clock = clock
        self.mod = mod
    }

    static func point(_ p: PointSpec, dayPart: DayPart? = nil) -> TimexSpec { TimexSpec(.point(p), dayPart: dayPart) }
    static func duration(_ n: Double?, _ unit: TimeUnit) -> TimexSpec { TimexSpec(.duration(n, unit)) }
    static func set(_ value: String) -> TimexSpec { TimexSpec(.set(value)) }
    static func reference(_ value: String) -> TimexSpec { TimexSpec(.reference(value)) }

    var isDuration: Bool {
        switch base {
        case .duration, .vagueDuration: return true
        default: return false
        }
    }

    var isPoint: Bool {
        if case .point = base { return true }
        return false
    }

}

struct Clock: Hashable {
    var hour: Int
    var minute: Int
    var second: Int?
}

/// How a weekday (or weekend) is placed relative to the reference date.
enum WeekdayChoice {
    /// By the tense of its clause: past = the one before, future = the one after, else the nearest.
    case tense
    /// `last Friday`
    case previous
    /// `next Friday`
    case next
    /// `this Friday`: the one in the reference week.
    case this
    /// `the previous Friday`, `the following Monday`: the one before or after the day last
    /// mentioned in the narrative (else the article's date).
    case narrativePrevious, narrativeNext
}

/// What a relative expression counts from.
enum AnchorKind {
    /// The article's date (`two days ago`, `next week`).
    case document
    /// The time last mentioned in the narrative (`two days later`, `that week`, `the next day`).
    case narrative
}

enum PointSpec {
    /// Explicit calendar fields; a missing year is filled from the context (tense and the
    /// article's date, or the text's explicit years).
    case calendar(year: Int?, month: Int?, day: Int?)
    /// A quarter, half or season (`grain`) with its number; nil year as for `calendar`.
    case yearPart(year: Int?, grain: TimexPoint.Grain, part: Int)
    /// The decade or century starting in the given year.
    case decade(Int)
    case century(Int)
    case millennium(Int)
    case weekday(Int, WeekdayChoice)
    case weekend(WeekdayChoice)
    /// `amount` units from the anchor, at the unit's granularity (`last week` = week, -1).
    case relative(TimeUnit, Int, AnchorKind)
    /// `last April` (-1), `this September` (0), `next May` (+1), `last Oct. 23` (with a day).
    case relativeMonth(month: Int, day: Int?, direction: Int)
    /// `last fall`, `this summer`, `next quarter`-like: a year part relative to the reference.
    case relativeYearPart(grain: TimexPoint.Grain, part: Int, direction: Int)
    /// `the first quarter of next year`: a part of the reference year moved by `yearOffset`.
    case yearPartOfRelativeYear(grain: TimexPoint.Grain, part: Int, yearOffset: Int)
    case holiday(Holiday, year: Int?)
    /// `last Christmas` (-1: the latest before the reference), `this Easter` (0: the reference
    /// year's), `next Thanksgiving` (1: the first after it).
    case relativeHoliday(Holiday, direction: Int)
    /// `the latest quarter`: the last one completed before the article.
    case latest(TimexPoint.Grain)
    /// `the quarter`: the one under discussion (last mentioned), else the last completed one.
    case discussed(TimexPoint.Grain)
    /// `the year-earlier quarter`: the period last mentioned (or the last completed one), a year before.
    case yearEarlier(TimexPoint.Grain?)
    /// `the 1988 quarter`, `the 1989 period`: the period of the narrative's grain in that year.
    case periodInYear(Int)
    /// `July last year`, `January this year`: a month (and day) of a year counted from the reference.
    case monthOfRelativeYear(month: Int, day: Int?, yearOffset: Int)
    /// A clock time or part of day with no day of its own: the day in context.
    case contextDay
    // Small fields below keep the enum (copied with every match) no larger than `calendar`.
    /// `the first Monday of October` (`n` = 1), `the last Friday in March` (`n` = -1).
    case nthWeekdayOfMonth(n: Int8, weekday: Int8, month: MonthReference)
    /// `the last day of the month` (-1), `the 20th day of next month` (20).
    case nthDayOfMonth(n: Int8, month: MonthReference)
    /// `the first week of October` (the first week whose Thursday is in October), `the last
    /// weekend of July` (the one of the last Saturday).
    case nthWeekOfMonth(n: Int8, weekend: Bool, month: MonthReference)
    /// `on the 15th`: a day of the month in context.
    case dayInMonth(Int8)
    /// `the week of March 6`: the week holding a day (a missing year as for `calendar`).
    case weekOf(year: Int32?, month: Int8, day: Int8)
    /// `that September`: the month in the year of the time last mentioned.
    case narrativeMonth(Int8)
}

/// One recognised expression: a token range, its meaning and the rule that found it.
struct TimexMatch {
    var first: Int
    var end: Int
    var spec: TimexSpec
    var rule: TimexRule
    /// Whether a `the` right before belongs to the expression (`the third quarter`).
    var takesDeterminer: Bool = false
    /// The end of a range whose start is the match before (`Friday` in `from Monday to Friday`):
    /// placed on or after the start.
    var rangeEnd = false
}
