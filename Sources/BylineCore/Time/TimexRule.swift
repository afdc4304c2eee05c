/// The names of the time-expression rules, as the index stores them and `byline-eval` reports
/// them (`family.rule`): every rule that finds an expression names itself by one of these.
public enum TimexRule: String, Sendable {
    // MARK: Calendar dates (`DateRules`, `HolidayRules`): `Dec. 31, 2011`, `31 December`, `2011-12-31`, `Christmas`.

    case dateDayMonth = "date.dayMonth"
    case dateDayMonthYear = "date.dayMonthYear"
    case dateHoliday = "date.holiday"
    case dateIso = "date.iso"
    case dateMonth = "date.month"
    case dateMonthDay = "date.monthDay"
    case dateMonthDayYear = "date.monthDayYear"
    case dateMonthOfYear = "date.monthOfYear"
    case dateMonthRelativeYear = "date.monthRelativeYear"
    case dateMonthSlashDay = "date.monthSlashDay"
    case dateMonthSpelledYear = "date.monthSpelledYear"
    case dateMonthYear = "date.monthYear"
    case dateNamedDay = "date.namedDay"
    case dateNumeric = "date.numeric"
    case dateSecondDay = "date.secondDay"
    case dateWeekdayDate = "date.weekdayDate"

    // MARK: Years and decades (`DateRules`): `2011`, `'98`, `the 1990s`.

    case yearApostrophe = "year.apostrophe"
    case yearApostropheDecade = "year.apostropheDecade"
    case yearDecade = "year.decade"
    case yearDecadeWord = "year.decadeWord"
    case yearDigits = "year.digits"
    case yearSpelled = "year.spelled"
    case yearTheYear = "year.theYear"

    // MARK: Parts of a year (`YearPartRules`): `the third quarter`, `fiscal 2020`, `summer 2011`.

    case yearPartCentury = "yearPart.century"
    case yearPartCode = "yearPart.code"
    case yearPartFirstTwoQuarters = "yearPart.firstTwoQuarters"
    case yearPartFiscalYear = "yearPart.fiscalYear"
    case yearPartHalf = "yearPart.half"
    case yearPartMillennium = "yearPart.millennium"
    case yearPartQuarter = "yearPart.quarter"
    case yearPartSeason = "yearPart.season"
    case yearPartSeasonYear = "yearPart.seasonYear"
    case yearPartYearHalf = "yearPart.yearHalf"
    case yearPartYearPeriod = "yearPart.yearPeriod"
    case yearPartYearQuarter = "yearPart.yearQuarter"

    // MARK: Parts of a month (`MonthPartRules`): `the first week of May`, `on the 15th`.

    case monthDayAlone = "month.dayAlone"
    case monthDayOfRelativeMonth = "month.dayOfRelativeMonth"
    case monthNthDay = "month.nthDay"
    case monthNthWeek = "month.nthWeek"
    case monthNthWeekday = "month.nthWeekday"
    case monthWeekOf = "month.weekOf"

    // MARK: Times counted from the article or the narrative (`RelativeRules`): `yesterday`, `last week`, `two days later`.

    case relativeAgo = "relative.ago"
    case relativeBeforeAfter = "relative.beforeAfter"
    case relativeDayBefore = "relative.dayBefore"
    case relativeDayBeforeYesterday = "relative.dayBeforeYesterday"
    case relativeDayPart = "relative.dayPart"
    case relativeDeictic = "relative.deictic"
    case relativeEarlier = "relative.earlier"
    case relativeFromNow = "relative.fromNow"
    case relativeHence = "relative.hence"
    case relativeHoliday = "relative.holiday"
    case relativeInFuture = "relative.inFuture"
    case relativeLater = "relative.later"
    case relativeLatestPeriod = "relative.latestPeriod"
    case relativeLatestQuarter = "relative.latestQuarter"
    case relativeLatestYear = "relative.latestYear"
    case relativeMonth = "relative.month"
    case relativeMonthDay = "relative.monthDay"
    case relativeNarrativeDay = "relative.narrativeDay"
    case relativeOvernight = "relative.overnight"
    case relativeSeason = "relative.season"
    case relativeThatMonth = "relative.thatMonth"
    case relativeTheQuarter = "relative.theQuarter"
    case relativeTheUnit = "relative.theUnit"
    case relativeTheWeekend = "relative.theWeekend"
    case relativeTheYear = "relative.theYear"
    case relativeTheYearBefore = "relative.theYearBefore"
    case relativeUnit = "relative.unit"
    case relativeUnitEnd = "relative.unitEnd"
    case relativeWeekday = "relative.weekday"
    case relativeWeekend = "relative.weekend"
    case relativeYearEarlier = "relative.yearEarlier"
    case relativeYearEarlierQuarter = "relative.yearEarlierQuarter"
    case relativeYearHalf = "relative.yearHalf"
    case relativeYearQuarter = "relative.yearQuarter"

    // MARK: Vague references (`ReferenceRules`): `now`, `recently`, `the past`.

    case referenceCurrent = "reference.current"
    case referenceFuture = "reference.future"
    case referenceFutureAdjective = "reference.futureAdjective"
    case referenceNow = "reference.now"
    case referencePast = "reference.past"
    case referencePresent = "reference.present"
    case referenceRecent = "reference.recent"
    case referenceRelativePlural = "reference.relativePlural"
    case referenceThePast = "reference.thePast"
    case referenceTheseDays = "reference.theseDays"
    case referenceUnitsAgo = "reference.unitsAgo"
    case referenceVagueAgo = "reference.vagueAgo"

    // MARK: Durations (`DurationRules`): `three years`, `a decade-long`, `for a while`.

    case durationAhead = "duration.ahead"
    case durationAmount = "duration.amount"
    case durationCompound = "duration.compound"
    case durationFirstAmount = "duration.firstAmount"
    case durationFortnight = "duration.fortnight"
    case durationLong = "duration.long"
    case durationPastDecade = "duration.pastDecade"
    case durationQuarterCentury = "duration.quarterCentury"
    case durationQuarterHour = "duration.quarterHour"
    case durationRecentPlural = "duration.recentPlural"
    case durationRelativeSpan = "duration.relativeSpan"
    case durationTheYearEnded = "duration.theYearEnded"
    case durationVague = "duration.vague"

    // MARK: Recurring times (`SetRules`): `every Monday`, `weekly`, `twice a year`.

    case setAdverb = "set.adverb"
    case setEvery = "set.every"
    case setEveryDayPart = "set.everyDayPart"
    case setEveryMonth = "set.everyMonth"
    case setEverySeason = "set.everySeason"
    case setEveryWeekday = "set.everyWeekday"
    case setFrequency = "set.frequency"
    case setPer = "set.per"
    case setPerUnit = "set.perUnit"
    case setQuarters = "set.quarters"
    case setWeekdayPlural = "set.weekdayPlural"

    // MARK: Times of day (`ClockRules`, `ClockPhraseRules`): `3:30 p.m.`, `noon Friday`, `Tuesday morning`.

    case clockAfterDay = "clock.afterDay"
    case clockDayPart = "clock.dayPart"
    case clockDayPartDay = "clock.dayPartDay"
    case clockDayTime = "clock.dayTime"
    case clockHourDayPart = "clock.hourDayPart"
    case clockNoon = "clock.noon"
    case clockNoonDay = "clock.noonDay"
    case clockOffset = "clock.offset"
    case clockOffsetDay = "clock.offsetDay"
    case clockTime = "clock.time"
    case clockTimeDay = "clock.timeDay"
    case clockTimeOnDay = "clock.timeOnDay"

    // MARK: Ranges (`RangeRules`): the start and end of `from Monday to Friday`, `9 a.m.-5 p.m.`.

    case rangeClockEnd = "range.clockEnd"
    case rangeClockStart = "range.clockStart"
    case rangeDayStart = "range.dayStart"
    case rangeYearEnd = "range.yearEnd"
}
