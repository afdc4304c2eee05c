import BylineCore

/// A publication date as feeds, pages and front matter write it — the one reader of them all:
/// RFC 822 (`Fri, 02 Dec 2011 10:00:00 +0000`) as RSS writes it, RFC 3339
/// (`2011-12-02T10:00:00Z`) as Atom, JSON Feed and page metadata do, and the variants seen in
/// the wild: named zones, no weekday, two-digit years, one-digit days, no seconds, RFC 850's
/// hyphens, asctime's order, `Dec 2, 2011`, `2 December 2011`, `2011 December 2`, a space
/// instead of `T`, fractional seconds, a date alone (`2011-12-02`, `2011/12/02`,
/// `2011.12.02`, `20111202`), English, French, German and Spanish month names, surrounding
/// junk.
///
/// The result is the calendar date *as written*: the day the outlet printed, in its own time
/// zone. `Thu, 01 Dec 2011 23:30:00 -0500` is 2011-12-01 even though it is already the 2nd in
/// UTC; the zone and the time of day are not applied to it. When a time is written, `dated`
/// also gives the instant it names, in UTC (`PublishedTime`): that one is
/// `2011-12-02T04:30:00Z`.
public enum PublicationDate {
    /// A date as written and, when the string gives a time of day, the instant of publication.
    public struct Dated: Equatable, Sendable {
        public var date: CivilDate
        /// `PublishedTime`'s canonical UTC form; nil without a time or with a zone not known.
        public var published: String?
    }

    public static func parse(_ string: String) -> CivilDate? {
        dated(string)?.date
    }

    public static func dated(_ string: String) -> Dated? {
        let tokens = tokenize(string)
        guard let date = iso(tokens) ?? written(tokens) else { return nil }
        return Dated(date: date, published: utcSeconds(tokens).map { PublishedTime.canonical(day: date, seconds: $0) })
    }

    private enum Token: Equatable {
        /// A run of digits: its value and how many digits it has.
        case number(Int, digits: Int)
        /// A run of letters, lowercased.
        case word(String)
        case punctuation(Unicode.Scalar)
        case space
    }

    private static func tokenize(_ string: String) -> [Token] {
        var tokens: [Token] = []
        var scalars = string.unicodeScalars.makeIterator()
        var pending = scalars.next()
        // Bounded: a date is short, and junk after it need not be read to the end.
        while let scalar = pending, tokens.count < 64 {
            if let digit = asciiDigit(scalar) {
                var value = digit
                var digits = 1
                pending = scalars.next()
                while let next = pending, let d = asciiDigit(next) {
                    if digits < 9 { value = value * 10 + d }
                    digits += 1
                    pending = scalars.next()
                }
                tokens.append(.number(value, digits: digits))
            } else if scalar.properties.isAlphabetic {
                var word = String.UnicodeScalarView()
                while let next = pending, next.properties.isAlphabetic, word.count < 16 {
                    if next.isASCII {
                        word.append(Unicode.Scalar(UInt8(next.value) | 0x20))
                    } else {
                        word.append(contentsOf: next.properties.lowercaseMapping.unicodeScalars)
                    }
                    pending = scalars.next()
                }
                while let next = pending, next.properties.isAlphabetic { pending = scalars.next() }
                tokens.append(.word(String(word)))
            } else if scalar.properties.isWhitespace {
                if tokens.last != .space { tokens.append(.space) }
                pending = scalars.next()
            } else {
                tokens.append(.punctuation(scalar))
                pending = scalars.next()
            }
        }
        return tokens
    }

    private static func asciiDigit(_ scalar: Unicode.Scalar) -> Int? {
        scalar.value >= 0x30 && scalar.value <= 0x39 ? Int(scalar.value - 0x30) : nil
    }

    /// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`, or `YYYYMMDD` alone or before `T`: the first
    /// such date in the string, whatever surrounds it (a time, a zone, junk).
    private static func iso(_ tokens: [Token]) -> CivilDate? {
        for (i, token) in tokens.enumerated() {
            guard case .number(let first, let digits) = token else { continue }
            if digits == 8, i + 1 == tokens.count || tokens[i + 1] == .word("t") || tokens[i + 1] == .space {
                return CivilDate(year: first / 10_000, month: first / 100 % 100, day: first % 100)
            }
            guard digits == 4, i + 4 < tokens.count,
                  case .punctuation(let separator) = tokens[i + 1], separator == "-" || separator == "/" || separator == ".",
                  case .number(let month, 1...2) = tokens[i + 2],
                  tokens[i + 3] == .punctuation(separator),
                  case .number(let day, 1...2) = tokens[i + 4]
            else { continue }
            return CivilDate(year: first, month: month, day: day)
        }
        return nil
    }

    /// A month written as a word with a day and a year around it: day month year (RFC 822,
    /// RFC 850), month day year (asctime, `Dec 2, 2011`) or year month day (`2011 December 2`,
    /// a four-digit year only). Numbers that belong to a time of
    /// day (next to a colon) or a zone offset (after a sign) are not the day or the year. Every
    /// word that could be a month is tried, day-first order before month-first: a French
    /// weekday `mar.` (mardi) is not March when `02 déc. 2011` follows.
    private static func written(_ tokens: [Token]) -> CivilDate? {
        var months: [(index: Int, month: Int)] = []
        var numbers: [(index: Int, value: Int, digits: Int)] = []
        for (i, token) in tokens.enumerated() {
            switch token {
            case .word(let word): if let month = month(word) { months.append((i, month)) }
            case .number(let value, let digits): if !isTimeOrZone(tokens, i) { numbers.append((i, value, digits)) }
            default: break
            }
        }
        for (index, month) in months {
            // Day month year: the number right before the month, the one right after.
            guard let before = numbers.last(where: { $0.index < index }), before.digits <= 2,
                  let after = numbers.first(where: { $0.index > index }), let year = fullYear(after.value, after.digits),
                  let date = CivilDate(year: year, month: month, day: before.value)
            else { continue }
            return date
        }
        for (index, month) in months {
            // Month day year.
            let after = numbers.filter { $0.index > index }.prefix(2)
            guard after.count == 2, after.first!.digits <= 2, let year = fullYear(after.last!.value, after.last!.digits),
                  let date = CivilDate(year: year, month: month, day: after.first!.value)
            else { continue }
            return date
        }
        for (index, month) in months {
            // Year month day.
            guard let before = numbers.last(where: { $0.index < index }), before.digits == 4,
                  let after = numbers.first(where: { $0.index > index }), after.digits <= 2,
                  let date = CivilDate(year: before.value, month: month, day: after.value)
            else { continue }
            return date
        }
        return nil
    }

    /// The time of day written after the date's day, in seconds from that day's midnight in
    /// UTC (so below 0 or past 86,400 when the zone moves it to another day): the first
    /// `H:MM`, `H:MM:SS` or `H:MM:SS.fff`, an optional `am`/`pm`, then the zone: an offset
    /// (`-0500`, `+05:30`, `+05`, also after `GMT` or `UTC`), `Z`, `UT`, `UTC`, `GMT` or a North
    /// American name (`EST`, `PDT`). A time with no zone counts as UTC, as does a single
    /// military letter (RFC 2822 §4.3 reads those as `-0000`, an unknown local zone, since
    /// RFC 822 got their signs wrong). Another word where the zone would be (`CET`, `IST`: names that mean several
    /// zones) gives no instant rather than a wrong one.
    private static func utcSeconds(_ tokens: [Token]) -> Int? {
        guard let start = tokens.indices.first(where: { i in
            guard i + 2 < tokens.count, case .number(_, 1...2) = tokens[i], tokens[i + 1] == .punctuation(":"),
                  case .number(_, 2) = tokens[i + 2] else { return false }
            return true
        }), case .number(var hour, _) = tokens[start], case .number(let minute, _) = tokens[start + 2]
        else { return nil }
        var second = 0
        var k = start + 3
        if k + 1 < tokens.count, tokens[k] == .punctuation(":"), case .number(let s, 2) = tokens[k + 1] {
            second = min(s, 59)  // a leap second is the second before it
            k += 2
        }
        if k + 1 < tokens.count, tokens[k] == .punctuation(".") || tokens[k] == .punctuation(","),
           case .number = tokens[k + 1] {
            k += 2  // fractional seconds: kept to the second
        }
        if k < tokens.count, tokens[k] == .space { k += 1 }
        if k < tokens.count, case .word(let half) = tokens[k], half == "am" || half == "pm" {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (half == "pm" ? 12 : 0)
            k += 1
            if k < tokens.count, tokens[k] == .space { k += 1 }
        }
        guard hour < 24, minute < 60 else { return nil }
        let local = hour * 3600 + minute * 60 + second
        guard k < tokens.count else { return local }
        if case .word(let name) = tokens[k], name == "gmt" || name == "utc" || name == "ut", k + 1 < tokens.count,
           tokens[k + 1] == .punctuation("+") || tokens[k + 1] == .punctuation("-") {
            k += 1  // `GMT-0500`, `UTC+01:00` (as JavaScript's Date writes it): the offset is the zone
        }
        switch tokens[k] {
        case .punctuation(let sign) where sign == "+" || sign == "-":
            var offset: Int
            if k + 1 < tokens.count, case .number(let hhmm, 4) = tokens[k + 1] {
                offset = hhmm / 100 * 3600 + hhmm % 100 * 60
                guard hhmm % 100 < 60 else { return nil }
            } else if k + 1 < tokens.count, case .number(let hours, 1...2) = tokens[k + 1] {
                offset = hours * 3600
                if k + 3 < tokens.count, tokens[k + 2] == .punctuation(":"), case .number(let minutes, 2) = tokens[k + 3] {
                    guard minutes < 60 else { return nil }
                    offset += minutes * 60
                }
            } else {
                return local  // a dash after the time, not an offset
            }
            guard offset < 24 * 3600 else { return nil }
            return sign == "+" ? local - offset : local + offset
        case .word(let name):
            if let hours = zoneHours[name] { return local - hours * 3600 }
            return name.unicodeScalars.count == 1 ? local : nil
        default:
            return local
        }
    }

    /// The zone names RFC 822 defines, and `UTC`, in hours east of UTC.
    private static let zoneHours: [String: Int] = [
        "z": 0, "ut": 0, "utc": 0, "gmt": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7,
    ]

    /// A number right before or after a colon is part of a time; one after `+` or `-` (with
    /// nothing but the sign between) is a zone offset.
    private static func isTimeOrZone(_ tokens: [Token], _ i: Int) -> Bool {
        if i + 1 < tokens.count, tokens[i + 1] == .punctuation(":") { return true }
        if i > 0, tokens[i - 1] == .punctuation(":") { return true }
        if i > 0, tokens[i - 1] == .punctuation("+") { return true }
        // `-0500` is a zone; `02-Dec-2011`'s hyphens sit between a day and a month word.
        if i > 0, tokens[i - 1] == .punctuation("-"), case .number(_, 4) = tokens[i],
           i < 2 || tokens[i - 2] == .space {
            return true
        }
        return false
    }

    /// Four digits as they are; two digits as RFC 2822 reads them (00–49 → 20xx, 50–99 → 19xx).
    private static func fullYear(_ value: Int, _ digits: Int) -> Int? {
        switch digits {
        case 4: return value
        case 2: return value < 50 ? 2000 + value : 1900 + value
        default: return nil
        }
    }

    /// The month a word names: three letters (`Dec`, `déc`, `Dez`) or a whole name
    /// (`December`, `Sept`, `juillet`). Other words that start like a month (`Mayor`, `Marc`,
    /// `Junk`) are not one.
    private static func month(_ word: String) -> Int? {
        word.unicodeScalars.count == 3 ? monthAbbreviations[word] : monthNames[word]
    }

    /// The first three letters of each month in English, French, German and Spanish.
    private static let monthAbbreviations: [String: Int] = [
        "jan": 1, "ene": 1, "feb": 2, "fév": 2, "fev": 2, "mar": 3, "mär": 3, "mrz": 3, "apr": 4, "avr": 4, "abr": 4,
        "may": 5, "mai": 5, "jun": 6, "jul": 7, "aug": 8, "aoû": 8, "aou": 8, "ago": 8, "sep": 9, "oct": 10,
        "okt": 10, "nov": 11, "dec": 12, "déc": 12, "dez": 12, "dic": 12,
    ]

    /// Whole names and the four-letter forms in use. (French `juin` and `juillet` share their
    /// first three letters, so `jui` alone names neither.)
    private static let monthNames: [String: Int] = [
        "january": 1, "janv": 1, "janvier": 1, "januar": 1, "enero": 1, "february": 2, "févr": 2, "fevr": 2,
        "février": 2, "fevrier": 2, "februar": 2, "febrero": 2, "march": 3, "mars": 3, "märz": 3, "marzo": 3,
        "april": 4, "avril": 4, "abril": 4, "mayo": 5, "june": 6, "juin": 6, "juni": 6, "junio": 6, "july": 7,
        "juil": 7, "juillet": 7, "juli": 7, "julio": 7, "august": 8, "août": 8, "aout": 8, "agosto": 8, "sept": 9,
        "september": 9, "septembre": 9, "septiembre": 9, "setiembre": 9, "october": 10, "octobre": 10, "oktober": 10,
        "octubre": 10, "november": 11, "novembre": 11, "noviembre": 11, "december": 12, "décembre": 12,
        "decembre": 12, "dezember": 12, "diciembre": 12,
    ]
}
