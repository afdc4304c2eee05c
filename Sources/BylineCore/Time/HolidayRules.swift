/// Named days with a calendar rule: `Christmas`, `Christmas Eve`, `New Year's Day`, `New
/// Year's Eve`, `Thanksgiving`, `Easter`, `Good Friday`, `Halloween`, `Valentine's Day`,
/// `Independence Day`, `Labor Day`, `Memorial Day`, `Veterans Day`, `Boxing Day` (+ a year).
extension TimexParser {
    func holidayExpression(at i: Int) -> TimexMatch? {
        // Names of holidays are capitalised; `christmas` and `thanksgiving` are unambiguous anyway.
        guard isCapitalized(i) || lexKind(i) == .holiday && tokens[i].lex.value != Holiday.valentines.rawValue else {
            return nil
        }
        var holiday: Holiday
        var end: Int
        func isDay(_ j: Int) -> Bool { isUnit(j, .day) && (isCapitalized(j) || !isCapitalized(i)) }
        if lexKind(i) == .holiday, let h = Holiday(rawValue: tokens[i].lex.value) {
            if h != .shroveTuesday, holidayIsName(i) { return nil }
            holiday = h
            end = i + 1
            switch h {
            case .christmas:
                if kw(end, .eve), isCapitalized(end) {
                    holiday = .christmasEve
                    end += 1
                } else if isDay(end) {
                    end += 1
                }
            case .thanksgiving:
                if isDay(end) { end += 1 }
            case .easter:
                if lexKind(end) == .weekday, lexValue(end) == 7 { end += 1 }
                if lexKind(end) == .weekday, lexValue(end) == 1 {
                    holiday = .easterMonday
                    end += 1
                }
            case .valentines:
                // `Valentine's Day`
                guard let e = possessive(end), isDay(e) else { return nil }
                end = e + 1
            case .pentecost:
                if lexKind(end) == .weekday, lexValue(end) == 7 { end += 1 }
            case .shroveTuesday:
                // `Mardi Gras`
                guard isWord(end, "gras") else { return nil }
                end += 1
            default:
                break
            }
        } else if let k = keyword(i) {
            switch k {
            case .new:
                // `New Year's Day`, `New Year's Eve`, `New Year's`
                guard isUnit(i + 1, .year), isCapitalized(i + 1) else { return nil }
                var e = i + 2
                if let p = possessive(e) { e = p }
                if kw(e, .eve), isCapitalized(e) {
                    holiday = .newYearsEve
                    end = e + 1
                } else {
                    holiday = .newYearsDay
                    end = isDay(e) ? e + 1 : e
                    if end == i + 2, !(i > 0 && tokens[i - 1].isKeyword(.the)) { return nil }
                }
            case .good:
                guard lexKind(i + 1) == .weekday, lexValue(i + 1) == 5, isCapitalized(i + 1) else { return nil }
                holiday = .goodFriday
                end = i + 2
            case .labor, .memorial, .veterans, .independence, .boxing, .valentines:
                var e = i + 1
                if let p = possessive(e) { e = p } else if isApostrophe(e), attached(e) { e += 1 }
                guard isDay(e) else { return nil }
                switch k {
                // `Labour Day` is on a different day in each country that spells it so: no date.
                case .labor: holiday = isWord(i, "labour") ? .labourDay : .labor
                case .memorial: holiday = .memorial
                case .veterans: holiday = .veterans
                case .independence: holiday = .independence
                case .boxing: holiday = .boxing
                default: holiday = .valentines
                }
                end = e + 1
            default:
                return nil
            }
        } else {
            return nil
        }
        var year: Int?
        if let (y, e) = trailingYear(end) {
            year = y
            end = e
        }
        return TimexMatch(first: i, end: end, spec: .point(.holiday(holiday, year: year)), rule: .dateHoliday)
    }
}

extension TimexParser {
    /// Names before a capitalised `Day` (letters only, lowercase, the possessive dropped).
    static let namedDays: [String: Holiday] = [
        "stpatricks": .stPatricks, "saintpatricks": .stPatricks, "stpatrick": .stPatricks, "canada": .canada,
        "australia": .australia, "anzac": .anzac, "bastille": .bastille, "remembrance": .remembrance,
        "armistice": .remembrance, "may": .mayDay, "martinlutherking": .martinLutherKing,
        "martinlutherkingjr": .martinLutherKing,
        "mlk": .martinLutherKing, "presidents": .presidents, "mothers": .mothers, "fathers": .fathers,
        "columbus": .columbus, "election": .election, "ascension": .ascension,
    ]

    /// Capitalised prefixes that name a weekday's holiday.
    static let namedWeekdays: [String: (weekday: Int, holiday: Holiday)] = [
        "black": (5, .blackFriday), "cyber": (1, .cyberMonday), "ash": (3, .ashWednesday),
        "shrove": (2, .shroveTuesday), "palm": (7, .palmSunday), "maundy": (4, .maundyThursday),
        "whit": (7, .pentecost),
    ]

    /// `Mother's Day`, `St. Patrick's Day`, `Martin Luther King Jr. Day`, `Canada Day`, `May Day`,
    /// `Election Day`: a capitalised `Day` (token `i`) after the name of a holiday. The match
    /// starts at the name, which no rule has taken (its words are not time words).
    func namedDay(endingAt i: Int) -> TimexMatch? {
        guard isUnit(i, .day), isCapitalized(i) else { return nil }
        // Back over capitalised words, abbreviation periods (`St.`, `Jr.`) and possessives (`'s`),
        // at most six tokens; the longest name in the table wins.
        var key = ""
        var found: (first: Int, holiday: Holiday)?
        var k = i - 1
        while k >= max(blockStart, matchedUpTo), k >= i - 6 {
            let t = tokens[k]
            if t.kind == .word, t.isCapitalized || t.isKeyword(.s) {
                key = lower(k) + key
            } else if !(isApostrophe(k) || isPeriod(k) && attached(k)) {
                break
            }
            if t.kind == .word, t.isCapitalized, let h = TimexParser.namedDays[key] { found = (k, h) }
            k -= 1
        }
        guard let (first, holiday) = found else { return nil }
        var end = i + 1
        var year: Int?
        if let (y, e) = trailingYear(end) {
            year = y
            end = e
        }
        return TimexMatch(first: first, end: end, spec: .point(.holiday(holiday, year: year)), rule: .dateNamedDay)
    }

    /// `Johnnie Christmas` (a surname after a given name), `Christmas Island`, `the Orchestra of
    /// Christmas Charity`, `Easter Rising`: a capitalised name word before or after the holiday.
    func holidayIsName(_ i: Int) -> Bool {
        func nameWord(_ j: Int) -> Bool {
            guard let t = tok(j), t.kind == .word, t.isCapitalized, t.lex.kind == .none else { return false }
            return !t.flags.contains(.allCaps)
        }
        if nameWord(i + 1) { return true }
        return nameWord(i - 1) && !isSentenceStart(i - 1) && !isWord(i - 1, "orthodox")
    }
}

extension Holiday {
    /// The holiday's day in `year`.
    func date(in year: Int) -> CivilDate? {
        switch self {
        case .christmas: return CivilDate(year: year, month: 12, day: 25)
        case .christmasEve: return CivilDate(year: year, month: 12, day: 24)
        case .newYearsDay: return CivilDate(year: year, month: 1, day: 1)
        case .newYearsEve: return CivilDate(year: year, month: 12, day: 31)
        case .halloween: return CivilDate(year: year, month: 10, day: 31)
        case .valentines: return CivilDate(year: year, month: 2, day: 14)
        case .independence: return CivilDate(year: year, month: 7, day: 4)
        case .veterans: return CivilDate(year: year, month: 11, day: 11)
        case .boxing: return CivilDate(year: year, month: 12, day: 26)
        case .thanksgiving: return Holiday.nthWeekday(4, weekday: 4, month: 11, year: year)
        case .labor: return Holiday.nthWeekday(1, weekday: 1, month: 9, year: year)
        case .memorial:
            // The last Monday of May.
            guard let last = CivilDate(year: year, month: 5, day: 31) else { return nil }
            return last.adding(days: -((last.weekday - 1 + 7) % 7))
        case .easter: return Holiday.easter(year)
        case .goodFriday: return Holiday.easter(year)?.adding(days: -2)
        case .stPatricks: return CivilDate(year: year, month: 3, day: 17)
        case .canada: return CivilDate(year: year, month: 7, day: 1)
        case .australia: return CivilDate(year: year, month: 1, day: 26)
        case .anzac: return CivilDate(year: year, month: 4, day: 25)
        case .bastille: return CivilDate(year: year, month: 7, day: 14)
        case .remembrance: return CivilDate(year: year, month: 11, day: 11)
        case .mayDay: return CivilDate(year: year, month: 5, day: 1)
        case .martinLutherKing: return Holiday.nthWeekday(3, weekday: 1, month: 1, year: year)
        case .presidents: return Holiday.nthWeekday(3, weekday: 1, month: 2, year: year)
        case .mothers: return Holiday.nthWeekday(2, weekday: 7, month: 5, year: year)
        case .fathers: return Holiday.nthWeekday(3, weekday: 7, month: 6, year: year)
        case .columbus: return Holiday.nthWeekday(2, weekday: 1, month: 10, year: year)
        case .election:
            // US: the Tuesday after the first Monday of November.
            return Holiday.nthWeekday(1, weekday: 1, month: 11, year: year)?.adding(days: 1)
        case .ashWednesday: return Holiday.easter(year)?.adding(days: -46)
        case .shroveTuesday: return Holiday.easter(year)?.adding(days: -47)
        case .palmSunday: return Holiday.easter(year)?.adding(days: -7)
        case .maundyThursday: return Holiday.easter(year)?.adding(days: -3)
        case .easterMonday: return Holiday.easter(year)?.adding(days: 1)
        case .ascension: return Holiday.easter(year)?.adding(days: 39)
        case .pentecost: return Holiday.easter(year)?.adding(days: 49)
        case .blackFriday: return Holiday.nthWeekday(4, weekday: 4, month: 11, year: year)?.adding(days: 1)
        case .cyberMonday: return Holiday.nthWeekday(4, weekday: 4, month: 11, year: year)?.adding(days: 4)
        case .labourDay: return nil
        }
    }

    static func nthWeekday(_ n: Int, weekday: Int, month: Int, year: Int) -> CivilDate? {
        guard let first = CivilDate(year: year, month: month, day: 1) else { return nil }
        let offset = (weekday - first.weekday + 7) % 7
        return first.adding(days: offset + (n - 1) * 7)
    }

    /// Easter Sunday (Gregorian computus, anonymous algorithm).
    static func easter(_ y: Int) -> CivilDate? {
        let a = y % 19
        let b = y / 100
        let c = y % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: y, month: month, day: day)
    }
}
