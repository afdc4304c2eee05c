/// The words the time rules react to, looked up once per word token.
///
/// Every other word of the text misses the table after one integer hash probe, which keeps
/// the tagger's first check cheap (see `TimeTokenizer`). Words are keyed by their lowercase
/// ASCII letters packed five bits each (up to twelve letters: a collision-free key); longer
/// words go through a small `String` dictionary.
enum LexKind: UInt8 {
    case none
    /// `value` = 1...12.
    case month
    /// `Dec`, `Sept`: a month only when capitalised.
    case monthAbbreviation
    /// `value` = ISO weekday 1...7.
    case weekday
    case weekdayPlural
    case weekdayAbbreviation
    /// `value` = the number (`one`, `twenty`, `hundred`, `dozen`).
    case number
    /// `value` = the ordinal (`first` = 1, `twentieth` = 20).
    case ordinal
    /// `value` = `TimeUnit.rawValue`.
    case unit
    case unitPlural
    /// `value` = `DayPart.rawValue`.
    case dayPart
    case dayPartPlural
    /// `value` = `Season.rawValue`.
    case season
    /// Time zones (`EST`, `GMT`).
    case zone
    /// `value` = `Holiday.rawValue`.
    case holiday
    /// `nineties` = 90: a decade of the 1900s.
    case decadeWord
    /// `value` = `Keyword.rawValue`.
    case keyword
    /// Past-tense verb forms (irregular ones; regular `-ed` forms are recognised by shape).
    case pastVerb
    /// Modal and auxiliary words pointing to the future.
    case futureCue
    /// Present-tense auxiliaries (`is`, `are`, `has`).
    case presentCue
}

struct LexEntry: Equatable, Sendable {
    var kind: LexKind
    var value: Int16

    static let none = LexEntry(kind: .none, value: 0)
}

/// Time units, ordered by length (`<` = finer).
enum TimeUnit: Int16, Comparable {
    case second, minute, hour, dayPart, day, weekend, week, month, season, quarter, half, year, decade, century,
        millennium

    static func < (lhs: TimeUnit, rhs: TimeUnit) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Parts of the day with their TIMEX3 codes.
enum DayPart: Int16 {
    case morning, afternoon, evening, night, daytime, noon, midnight

    var code: String {
        switch self {
        case .morning: return "MO"
        case .afternoon: return "AF"
        case .evening: return "EV"
        case .night: return "NI"
        case .daytime: return "DT"
        case .noon: return "12:00"
        case .midnight: return "24:00"
        }
    }
}

enum Season: Int16 {
    case spring, summer, fall, winter

    var code: String {
        switch self {
        case .spring: return "SP"
        case .summer: return "SU"
        case .fall: return "FA"
        case .winter: return "WI"
        }
    }
}

/// Named days with a calendar rule.
enum Holiday: Int16 {
    case christmas, christmasEve, newYearsDay, newYearsEve, thanksgiving, easter, goodFriday, halloween,
        valentines, independence, labor, memorial, veterans, boxing
    // Fixed days.
    case stPatricks, canada, australia, anzac, bastille, remembrance, mayDay
    // The nth weekday of a month (US).
    case martinLutherKing, presidents, mothers, fathers, columbus, election
    // Counted from Easter or Thanksgiving.
    case ashWednesday, shroveTuesday, palmSunday, maundyThursday, easterMonday, ascension, pentecost, blackFriday,
        cyberMonday
    /// Named, but on a different day in each country (`Labour Day`): no calendar value.
    case labourDay
}

/// Function words and time words that steer the rules.
enum Keyword: Int16 {
    case the, a, an, this, that, these, those, last, next, past, coming, previous, following, preceding, upcoming,
        current, recent, latest, prior, same, ago, earlier, later, before, after, hence, from, now, today, yesterday,
        tomorrow, tonight, currently, recently, nowadays, presently, lately, future, present, soon, early, late, mid,
        middle, end, beginning, start, close, outset, turn, around, about, approximately, roughly, some, nearly,
        almost, more, less, fewer, than, over, under, least, most, up, to, within, at, of, and, or, so, every, each,
        per, other, daily, weekly, monthly, yearly, annually, hourly, quarterly, biweekly, semiannually, nightly,
        weekday, twice, times, fiscal, calendar, post, pre, beyond, half, overnight, am, pm, pLetter, mLetter, o,
        clock, couple, few, several, many, `in`, on, since, until, by, during, through, `for`, long, old, straight,
        consecutive, successive, full, whole, entire, fortnight, just, once, ending, ended, latter, dawn, local, q, h,
        s, its, upwards, no, period, new, eve, time, longer, between, near, thrice, good, labor, memorial, veterans,
        independence, boxing, valentines, `as`, trading, business, working, additional, `while`
}

enum TimeLexicon {
    /// Packs a lowercase ASCII word of 1...12 letters into a key; 0 means "not packable".
    @inline(__always)
    static func pack(_ letters: UInt64, _ next: UInt32) -> UInt64 { (letters << 5) | UInt64(next &- 0x60) }

    static func key(_ word: String) -> UInt64 {
        var k: UInt64 = 0
        var n = 0
        for s in word.unicodeScalars {
            let v = ScalarClass.asciiLower(s).value
            guard v >= 0x61, v <= 0x7A, n < 12 else { return 0 }
            k = pack(k, v)
            n += 1
        }
        return k
    }

    /// The key of `s[from..<to]`, 1...12 ASCII letters (either case).
    static func key(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ from: Int, _ to: Int) -> UInt64 {
        (from..<to).reduce(0) { pack($0, s[$1].value | 0x20) }
    }

    /// Open-addressing table from packed keys to entries (keys and entries side by side).
    static let capacity = 4096  // a power of two; lookups mask with 4095
    static let table: Table = Table(allEntries())

    final class Table: Sendable {
        let keys: [UInt64]
        let entries: [LexEntry]
        let long: [String: LexEntry]
        /// The packed first twelve letters of each thirteen-letter word of `long`: a word of the
        /// text whose first twelve letters are none of these cannot be in `long`, and is turned
        /// away without building a `String` to look it up.
        let longPrefixes: [UInt64]
        /// A bit per value of the top 13 bits of a key's hash that some word has: most words of
        /// a text are not time words, and this 1 KB filter (which stays in cache) turns nearly
        /// all of them away before a probe into the 32 KB key table, the costliest step of
        /// tokenizing a word. It only skips probes that would find nothing.
        let filter: [UInt64]

        init(_ list: [(String, LexEntry)]) {
            var filter = [UInt64](repeating: 0, count: 128)
            var keys = [UInt64](repeating: 0, count: TimeLexicon.capacity)
            var entries = [LexEntry](repeating: .none, count: TimeLexicon.capacity)
            var long: [String: LexEntry] = [:]
            for (word, entry) in list {
                let k = TimeLexicon.key(word)
                if k == 0 {
                    long[word] = entry
                    continue
                }
                let bit = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 51)
                filter[bit >> 6] |= 1 << UInt64(bit & 63)
                var slot = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 52)
                while keys[slot] != 0, keys[slot] != k { slot = (slot + 1) & (TimeLexicon.capacity - 1) }
                keys[slot] = k
                entries[slot] = entry
            }
            self.keys = keys
            self.entries = entries
            self.long = long
            self.longPrefixes = long.keys.compactMap { word in
                let scalars = Array(word.unicodeScalars)
                guard scalars.count == 13, scalars.allSatisfy({ $0.value >= 0x61 && $0.value <= 0x7A }) else { return nil }
                return scalars[..<12].reduce(0) { TimeLexicon.pack($0, $1.value) }
            }
            self.filter = filter
        }

        @inline(__always)
        func lookup(_ k: UInt64) -> LexEntry {
            let hash = k &* 0x9E37_79B9_7F4A_7C15
            let bit = Int(truncatingIfNeeded: hash >> 51)
            let known = filter.withUnsafeBufferPointer { $0[bit >> 6] &>> UInt64(bit & 63) & 1 != 0 }
            guard known else { return .none }
            var slot = Int(truncatingIfNeeded: hash >> 52)
            return keys.withUnsafeBufferPointer { keys in
                while true {
                    let stored = keys[slot]
                    if stored == k { return entries[slot] }
                    if stored == 0 { return .none }
                    slot = (slot + 1) & 4095  // capacity - 1
                }
            }
        }
    }

    // MARK: - The word lists

    private static func allEntries() -> [(String, LexEntry)] {
        var list: [(String, LexEntry)] = []
        func add(_ words: [String], _ kind: LexKind, _ value: Int16) {
            for w in words { list.append((w, LexEntry(kind: kind, value: value))) }
        }
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december"]
        for (i, m) in months.enumerated() { add([m], .month, Int16(i + 1)) }
        let monthAbbreviations: [(String, Int16)] = [
            ("jan", 1), ("feb", 2), ("febr", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
            ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
        ]
        for (w, v) in monthAbbreviations { add([w], .monthAbbreviation, v) }
        let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for (i, d) in weekdays.enumerated() {
            add([d], .weekday, Int16(i + 1))
            add([d + "s"], .weekdayPlural, Int16(i + 1))
        }
        let weekdayAbbreviations: [(String, Int16)] = [
            ("mon", 1), ("tue", 2), ("tues", 2), ("wed", 3), ("thu", 4), ("thur", 4), ("thurs", 4), ("fri", 5),
            ("sat", 6), ("sun", 7),
        ]
        for (w, v) in weekdayAbbreviations { add([w], .weekdayAbbreviation, v) }

        let small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                     "nineteen"]
        for (i, w) in small.enumerated() { add([w], .number, Int16(i)) }
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        for (i, w) in tens.enumerated() { add([w], .number, Int16((i + 2) * 10)) }
        let decadeWords = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                           "nineties"]
        for (i, w) in decadeWords.enumerated() { add([w], .decadeWord, Int16((i + 2) * 10)) }
        add(["hundred"], .number, 100)
        add(["thousand"], .number, 1000)
        add(["dozen"], .number, 12)
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                        "seventeenth", "eighteenth", "nineteenth"]
        for (i, w) in ordinals.enumerated() { add([w], .ordinal, Int16(i + 1)) }
        let tensOrdinals = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
                            "eightieth", "ninetieth"]
        for (i, w) in tensOrdinals.enumerated() { add([w], .ordinal, Int16((i + 2) * 10)) }
        add(["hundredth"], .ordinal, 100)

        let units: [([String], [String], TimeUnit)] = [
            (["sec"], ["seconds", "secs"], .second),
            (["minute", "min"], ["minutes", "mins"], .minute),
            (["hour", "hr"], ["hours", "hrs"], .hour),
            (["day"], ["days"], .day),
            (["weekend"], ["weekends"], .weekend),
            (["week"], ["weeks"], .week),
            (["month"], ["months"], .month),
            (["quarter", "qtr"], ["quarters", "qtrs"], .quarter),
            (["year", "yr"], ["years", "yrs"], .year),
            (["decade"], ["decades"], .decade),
            (["century"], ["centuries"], .century),
            (["millennium"], ["millennia", "millenniums"], .millennium),
        ]
        for (singular, plural, unit) in units {
            add(singular, .unit, unit.rawValue)
            add(plural, .unitPlural, unit.rawValue)
        }
        let dayParts: [(String, String?, DayPart)] = [
            ("morning", "mornings", .morning), ("afternoon", "afternoons", .afternoon),
            ("evening", "evenings", .evening), ("night", "nights", .night), ("daytime", nil, .daytime),
            ("noon", nil, .noon), ("midday", nil, .noon), ("midnight", nil, .midnight),
            ("nighttime", nil, .night),
        ]
        for (w, plural, part) in dayParts {
            add([w], .dayPart, part.rawValue)
            if let p = plural { add([p], .dayPartPlural, part.rawValue) }
        }
        add(["spring"], .season, Season.spring.rawValue)
        add(["summer"], .season, Season.summer.rawValue)
        add(["fall", "autumn"], .season, Season.fall.rawValue)
        add(["winter"], .season, Season.winter.rawValue)
        add(["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "eet",
             "eest", "ist", "jst", "aest", "aedt", "hkt", "sgt", "wib", "msk", "akst", "hst", "ast", "adt", "kst",
             "pkt", "sast", "nzst", "nzdt", "awst", "acst", "acdt", "wet", "wat", "wita", "wit", "akdt", "hkst"],
            .zone, 0)
        // Zones that are also words or letters (`ET`, `PT`, `EAT`): only in capitals.
        add(["et", "pt", "ct", "mt", "eat", "cat", "west", "ict", "art", "brt"], .zone, 1)
        let holidays: [(String, Holiday)] = [
            ("christmas", .christmas), ("xmas", .christmas), ("thanksgiving", .thanksgiving), ("easter", .easter),
            ("halloween", .halloween), ("valentine", .valentines), ("pentecost", .pentecost),
            ("mardi", .shroveTuesday),
        ]
        for (w, h) in holidays { add([w], .holiday, h.rawValue) }

        let keywords: [(String, Keyword)] = [
            ("the", .the), ("a", .a), ("an", .an), ("this", .this), ("that", .that), ("these", .these),
            ("those", .those), ("last", .last), ("next", .next), ("past", .past), ("coming", .coming),
            ("previous", .previous), ("following", .following), ("preceding", .preceding),
            ("upcoming", .upcoming), ("current", .current), ("recent", .recent), ("latest", .latest),
            ("prior", .prior), ("same", .same), ("ago", .ago), ("earlier", .earlier), ("later", .later),
            ("before", .before), ("after", .after), ("hence", .hence), ("from", .from), ("now", .now),
            ("today", .today), ("yesterday", .yesterday), ("tomorrow", .tomorrow), ("tonight", .tonight),
            ("currently", .currently), ("recently", .recently), ("nowadays", .nowadays),
            ("presently", .presently), ("lately", .lately), ("future", .future), ("present", .present),
            ("soon", .soon), ("early", .early),
            ("late", .late), ("mid", .mid), ("middle", .middle), ("end", .end), ("beginning", .beginning),
            ("start", .start), ("close", .close), ("outset", .outset), ("turn", .turn), ("around", .around),
            ("about", .about), ("approximately", .approximately), ("roughly", .roughly), ("some", .some),
            ("nearly", .nearly), ("almost", .almost), ("more", .more), ("less", .less), ("fewer", .fewer),
            ("than", .than), ("over", .over), ("under", .under), ("least", .least), ("most", .most),
            ("up", .up), ("to", .to), ("within", .within), ("at", .at), ("of", .of), ("and", .and),
            ("or", .or), ("so", .so), ("every", .every), ("each", .each), ("per", .per), ("other", .other),
            ("daily", .daily), ("weekly", .weekly), ("monthly", .monthly), ("yearly", .yearly),
            ("annually", .annually), ("hourly", .hourly), ("quarterly", .quarterly),
            ("biweekly", .biweekly), ("semiannually", .semiannually), ("nightly", .nightly),
            ("weekday", .weekday), ("weekdays", .weekday), ("twice", .twice), ("times", .times),
            ("fiscal", .fiscal), ("calendar", .calendar), ("post", .post), ("pre", .pre),
            ("beyond", .beyond), ("half", .half), ("overnight", .overnight), ("am", .am), ("pm", .pm),
            ("p", .pLetter), ("m", .mLetter), ("o", .o), ("clock", .clock), ("couple", .couple),
            ("few", .few), ("several", .several), ("many", .many), ("in", .in), ("on", .on),
            ("since", .since), ("until", .until), ("till", .until), ("by", .by), ("during", .during),
            ("through", .through), ("throughout", .through), ("for", .for), ("long", .long), ("old", .old),
            ("straight", .straight), ("consecutive", .consecutive), ("successive", .successive),
            ("full", .full), ("whole", .whole), ("entire", .entire),
            ("fortnight", .fortnight), ("just", .just), ("once", .once),
            ("ending", .ending), ("ended", .ended), ("latter", .latter),
            ("dawn", .dawn),
            ("local", .local), ("q", .q), ("h", .h),
            ("s", .s), ("its", .its),
            ("upwards", .upwards), ("no", .no),
            ("period", .period),
            ("new", .new), ("eve", .eve), ("time", .time), ("longer", .longer),
            ("between", .between), ("near", .near), ("thrice", .thrice), ("as", .as), ("trading", .trading),
            ("business", .business), ("working", .working), ("additional", .additional), ("while", .while),
            ("good", .good), ("labor", .labor), ("labour", .labor), ("memorial", .memorial), ("veterans", .veterans),
            ("independence", .independence), ("boxing", .boxing), ("valentines", .valentines),
        ]
        for (w, k) in keywords { list.append((w, LexEntry(kind: .keyword, value: k.rawValue))) }

        // Tense cues for weekdays and bare months: irregular past forms, future and present markers.
        add(["said", "told", "was", "were", "had", "did", "went", "came", "made", "took", "met", "held", "left",
             "gave", "got", "found", "saw", "began", "rose", "fell", "won", "lost", "sold", "bought", "paid",
             "spoke", "wrote", "ran", "struck", "led", "brought", "thought", "knew", "became", "kept", "sent",
             "spent", "stood", "fought", "caught", "felt", "heard", "meant", "shot", "sat", "built", "broke",
             "chose", "drove", "flew", "froze", "hid", "hung", "rode", "rang", "sang", "sank", "sought", "stole",
             "stuck", "swore", "taught", "tore", "threw", "understood", "woke", "wore", "withdrew", "arose",
             "blew", "drew", "fled", "grew", "shook", "slept", "swung", "underwent", "upheld", "wept", "wound",
             "overtook", "forgave", "beat", "hit", "quit", "cut", "set", "put", "let", "died", "been", "dealt", "lent",
             "lit", "slid", "split", "swept", "bid", "bore",
             "laid", "lay", "fed", "oversaw", "dropped", "shut"],
            .pastVerb, 0)
        add(["will", "shall", "ll", "wo", "going", "gonna", "plans", "plan", "planning", "scheduled", "planned",
             "slated",
             "expected", "expects", "forecast", "due", "effective", "intends", "aims", "hopes", "would", "could",
             "might", "should", "must", "can"],
            .futureCue, 0)
        add(["is", "are", "has", "have", "says", "say", "do", "does"], .presentCue, 0)
        return list
    }
}
