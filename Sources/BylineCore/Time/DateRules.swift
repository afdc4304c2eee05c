/// Calendar dates written out: `Dec. 31`, `December 31, 2011`, `31 Dec 2011`, `the 31st of
/// December`, `2011-12-31`, `12/31/2011`, `December 2011`, `December`, years (`2011`, `'98`),
/// decades (`the 1990s`, `the '80s`, `the nineties`) and centuries are in `YearPartRules`.
extension TimexParser {
    // MARK: - Pieces

    /// A four-digit year written as digits.
    func year4(_ j: Int) -> Int? {
        guard let t = tok(j), t.kind == .number, t.digits == 4,
            !t.flags.contains(.grouped), !t.flags.contains(.decimal), !t.flags.contains(.plural),
            t.value >= 1000, t.value <= 2999
        else { return nil }
        // `2011-12` or `2011:` continue as something else.
        if isPunct(j + 1, 0x3A), attached(j + 1), isNumber(j + 2) { return nil }
        return Int(t.value)
    }

    /// A day of the month: `31`, `31st`, `third`.
    func dayOfMonth(_ j: Int) -> (day: Int, end: Int)? {
        guard let t = tok(j) else { return nil }
        switch t.kind {
        case .number:
            guard t.digits <= 2, !t.flags.contains(.decimal), !t.flags.contains(.plural), !t.flags.contains(.grouped),
                t.value >= 1, t.value <= 31
            else { return nil }
            // `Dec. 3:30`, `May 5-year`, `June 3 percent` are not days.
            if isPunct(j + 1, 0x3A) && attached(j + 1) && isNumber(j + 2) && attached(j + 2) || isPunct(j + 1, 0x25)
                || isPunct(j + 1, 0x2E) && isNumber(j + 2) && attached(j + 2)
            {
                return nil
            }
            if unitAt(skipJoiner(j + 1)) != nil { return nil }
            return (Int(t.value), j + 1)
        case .ordinalNumber:
            guard t.value >= 1, t.value <= 31 else { return nil }
            return (Int(t.value), j + 1)
        case .word:
            guard t.lex.kind == .ordinal, t.lex.value <= 31 else { return nil }
            var day = Int(t.lex.value)
            var e = j + 1
            // `twenty-first`
            if day >= 20, day % 10 == 0 {
                let k = isHyphen(e) && attached(e) ? e + 1 : e
                if lexKind(k) == .ordinal, lexValue(k) <= 9 {
                    day += lexValue(k)
                    e = k + 1
                }
            }
            if t.lex.value == 2, unitAt(j) != nil, !isCapitalized(j - 1) { return nil }
            return day <= 31 ? (day, e) : nil
        case .punct:
            return nil
        }
    }

    /// A month name at `j` (an abbreviation only when capitalised), with its end past an
    /// abbreviation's period.
    func monthName(_ j: Int) -> (month: Int, end: Int, abbreviated: Bool)? {
        guard let t = tok(j), t.kind == .word else { return nil }
        switch t.lex.kind {
        case .month:
            // Lowercase only right before a day or a year (`march 3`, `february 2013`): `may`
            // and `march` are words too.
            guard t.isCapitalized || (isNumber(j + 1) || tok(j + 1)?.kind == .ordinalNumber) && !isPunct(j + 2, 0x25)
                || afterOf(j)
            else { return nil }
            var e = j + 1
            // `Sept.` style period after a full name is a sentence end, not part of the name.
            if isPeriod(e), attached(e), t.end - t.start <= 4, isNumber(e + 1) { e += 1 }
            return (Int(t.lex.value), e, false)
        case .monthAbbreviation:
            guard t.isCapitalized else { return nil }
            return (Int(t.lex.value), isPeriod(j + 1) && attached(j + 1) ? j + 2 : j + 1, true)
        default:
            return nil
        }
    }

    /// `the 3rd of march`: a month name after `of` that follows a day.
    private func afterOf(_ j: Int) -> Bool {
        kw(j - 1, .of) && (tok(j - 2)?.kind == .ordinalNumber || lexKind(j - 2) == .ordinal || isNumber(j - 2))
    }

    /// A year after a date: `, 2011`, ` 2011`, `, '98`.
    func trailingYear(_ j: Int) -> (year: Int, end: Int)? {
        var k = j
        if isComma(k) { k += 1 }
        if let y = year4(k) { return (y, k + 1) }
        if isApostrophe(k), let t = tok(k + 1), t.kind == .number, t.digits == 2, attached(k + 1),
            !t.flags.contains(.plural)
        {
            return (TimexParser.expandTwoDigitYear(Int(t.value)), k + 2)
        }
        return nil
    }

    static func expandTwoDigitYear(_ yy: Int) -> Int { yy < 30 ? 2000 + yy : 1900 + yy }

    // MARK: - Rules

    /// `December 31, 2011`, `Dec. 31`, `December 2011`, `December of 2011`, `December`.
    func monthExpression(at i: Int, afterModifier: Bool, determined: Bool) -> TimexMatch? {
        guard let (month, j, abbreviated) = monthName(i) else { return nil }
        if let (day, afterDay) = dayOfMonth(j) {
            if let (year, e) = trailingYear(afterDay) {
                return TimexMatch(first: i, end: e, spec: .point(.calendar(year: year, month: month, day: day)),
                                  rule: .dateMonthDayYear)
            }
            return TimexMatch(first: i, end: afterDay, spec: .point(.calendar(year: nil, month: month, day: day)),
                              rule: .dateMonthDay)
        }
        if let y = year4(j) {
            return TimexMatch(first: i, end: j + 1, spec: .point(.calendar(year: y, month: month, day: nil)),
                              rule: .dateMonthYear)
        }
        if kw(j, .of), let y = year4(j + 1) {
            return TimexMatch(first: i, end: j + 2, spec: .point(.calendar(year: y, month: month, day: nil)),
                              rule: .dateMonthOfYear)
        }
        if isComma(j), let y = year4(j + 1) {
            return TimexMatch(first: i, end: j + 2, spec: .point(.calendar(year: y, month: month, day: nil)),
                              rule: .dateMonthYear)
        }
        if let (year, e) = trailingYear(j), isApostrophe(j) {
            return TimexMatch(first: i, end: e, spec: .point(.calendar(year: year, month: month, day: nil)),
                              rule: .dateMonthYear)
        }
        if let c = yearComplement(j), c.end > j {
            if let r = c.relative {
                // `July last year`, `January of next year`
                return TimexMatch(first: i, end: c.end,
                                  spec: .point(.monthOfRelativeYear(month: month, day: nil, yearOffset: r)),
                                  rule: .dateMonthRelativeYear)
            }
            if let y = c.year {
                return TimexMatch(first: i, end: c.end, spec: .point(.calendar(year: y, month: month, day: nil)),
                                  rule: .dateMonthYear)
            }
        }
        if kw(j, .this) || kw(j, .last) || kw(j, .next), isUnit(j + 1, .year) {
            let r = kw(j, .this) ? 0 : kw(j, .last) ? -1 : 1
            return TimexMatch(first: i, end: j + 2,
                              spec: .point(.monthOfRelativeYear(month: month, day: nil, yearOffset: r)),
                              rule: .dateMonthRelativeYear)
        }
        if lexKind(j) == .number, let s = spelledYear(at: j), case .point(.calendar(let y?, _, _)) = s.spec.base {
            return TimexMatch(first: i, end: s.end, spec: .point(.calendar(year: y, month: month, day: nil)),
                              rule: .dateMonthSpelledYear)
        }
        guard bareMonthIsDate(i, month: month, abbreviated: abbreviated, afterModifier: afterModifier) else {
            return nil
        }
        return TimexMatch(first: i, end: j, spec: .point(.calendar(year: nil, month: month, day: nil)),
                          rule: .dateMonth)
    }

    /// A month name on its own is a date unless it is a name (`Theresa May`, `April Ryan`) or,
    /// for `May` and `March`, a verb or modal without a cue (`in May`, `since March`).
    func bareMonthIsDate(_ i: Int, month: Int, abbreviated: Bool, afterModifier: Bool) -> Bool {
        if abbreviated, !(isPeriod(i + 1) && attached(i + 1)) { return false }
        // A capitalised word right after the month makes it part of a name (`April Ryan`),
        // unless that word is itself a time word.
        if let next = tok(i + 1), next.kind == .word, next.isCapitalized, next.lex.kind == .none,
            !next.flags.contains(.allCaps)
        {
            return false
        }
        // A capitalised word right before it, inside a sentence, makes it a surname (`Theresa May`).
        if i > 0, let prev = tok(i - 1), prev.block == tokens[i].block, prev.kind == .word, prev.isCapitalized,
            prev.lex.kind == .none, prev.spaceBefore || i - 1 == 0, !isSentenceStart(i - 1)
        {
            return false
        }
        if afterModifier { return true }
        if month == 5 || month == 3 {
            guard i > 0, tokens[i - 1].block == tokens[i].block else { return false }
            if let k = tokens[i - 1].keyword {
                switch k {
                case .in, .since, .until, .by, .during, .of, .from, .to, .through, .early, .late, .mid, .last,
                    .next, .this, .before, .after, .and, .or, .that, .for, .between, .on, .end, .beginning, .the:
                    return true
                default:
                    break
                }
            }
            if isHyphen(i - 1) { return true }
            return false
        }
        return true
    }

    /// True when token `i` opens a sentence (first in its paragraph, or after `.`, `!`, `?`,
    /// or an opening quotation mark).
    func isSentenceStart(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, tokens[k].block == tokens[i].block, tokens[k].kind == .punct {
            let v = tokens[k].value
            if v == 0x2E || v == 0x21 || v == 0x3F { return true }
            if QuotationMarks.canOpen(UInt32(truncatingIfNeeded: v)) || v == 0x28 || v == 0x2014 || v == 0x2D {
                k -= 1
                continue
            }
            return false
        }
        return k < 0 || tokens[k].block != tokens[i].block
    }

    /// `31 December 2011`, `31st Dec.`, `the 31st of December`.
    func dayMonth(at i: Int) -> TimexMatch? {
        guard let (day, afterDay) = dayOfMonth(i) else { return nil }
        var j = afterDay
        var takesThe = false
        if kw(j, .of) {
            j += 1
            takesThe = true
        }
        guard let (month, afterMonth, _) = monthName(j) else { return nil }
        // `5 May` needs the month to be capitalised (checked by monthName); a bare `the 5th of
        // May` is fine as well.
        if let (year, e) = trailingYear(afterMonth) {
            return TimexMatch(first: i, end: e, spec: .point(.calendar(year: year, month: month, day: day)),
                              rule: .dateDayMonthYear, takesDeterminer: takesThe)
        }
        return TimexMatch(first: i, end: afterMonth, spec: .point(.calendar(year: nil, month: month, day: day)),
                          rule: .dateDayMonth, takesDeterminer: takesThe)
    }

    /// `2011-12-31`, `2011/12/31`, `12/31/2011`, `12/31/11`, `31/12/2011`, `12-31-2011`, `9/11`.
    func numericDate(at i: Int) -> TimexMatch? {
        let t = tokens[i]
        guard !t.flags.contains(.grouped), !t.flags.contains(.decimal), !t.flags.contains(.plural) else { return nil }
        let sep1 = i + 1
        guard let s = tok(sep1), s.kind == .punct, s.value == 0x2D || s.value == 0x2F, attached(sep1),
            let b = tok(i + 2), b.kind == .number, attached(i + 2), !b.flags.contains(.decimal)
        else { return nil }
        let slash = s.value == 0x2F
        let sameSep = { (k: Int) -> Bool in
            self.isPunct(k, UInt32(s.value)) && self.attached(k) && self.attached(k + 1)
        }
        // Year first.
        if t.digits == 4 {
            guard b.digits <= 2, (1...12).contains(b.value), sameSep(i + 3), let c = tok(i + 4), c.kind == .number,
                c.digits <= 2, (1...31).contains(c.value)
            else { return nil }
            guard let date = CivilDate(year: Int(t.value), month: Int(b.value), day: Int(c.value)) else { return nil }
            return TimexMatch(first: i, end: i + 5,
                              spec: .point(.calendar(year: date.year, month: date.month, day: date.day)),
                              rule: .dateIso)
        }
        guard t.digits <= 2, b.digits <= 2 else { return nil }
        var month = Int(t.value)
        var day = Int(b.value)
        // Day first (`31/12/2011`) only with a year: `24/7` is not the 24th of July.
        if month > 12, day <= 12, sameSep(i + 3) { swap(&month, &day) }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        if sameSep(i + 3), let c = tok(i + 4), c.kind == .number, !c.flags.contains(.decimal) {
            let year: Int
            if c.digits == 4 {
                year = Int(c.value)
            } else if c.digits == 2, slash {
                year = TimexParser.expandTwoDigitYear(Int(c.value))
            } else {
                return nil
            }
            guard CivilDate(year: year, month: month, day: day) != nil else { return nil }
            return TimexMatch(first: i, end: i + 5, spec: .point(.calendar(year: year, month: month, day: day)),
                              rule: .dateNumeric)
        }
        // `9/11` without a year: only slashes, and not a fraction (`1/2`, `3/4`, a stock's `4 5/8`).
        guard slash, !(t.value < b.value && b.value <= 4), !isPunct(i + 3, 0x2F), !isNumber(i + 3) else { return nil }
        if [2, 3, 4, 8, 16, 32].contains(b.value) && t.value < b.value || isNumber(i - 1) || isPunct(i + 3, 0x25) {
            return nil
        }
        if unitAt(i + 3) != nil { return nil }
        return TimexMatch(first: i, end: i + 3, spec: .point(.calendar(year: nil, month: month, day: day)),
                          rule: .dateMonthSlashDay)
    }

    /// Years: `2011`, `1990s`, `1990's`, `'98` (after a cue), `'90s`.
    func yearExpression(at i: Int, determined: Bool) -> TimexMatch? {
        let t = tokens[i]
        guard t.digits == 4, !t.flags.contains(.grouped), !t.flags.contains(.decimal), t.value >= 1000,
            t.value <= 2999
        else { return nil }
        let y = Int(t.value)
        // `the 1800s`, `the early 1900s`: a century (the 19th, the 20th); `the 2000s` is the decade.
        let period: PointSpec = y % 100 == 0 && y < 2000 ? .century(y) : .decade(y)
        if t.flags.contains(.plural) {
            guard y % 10 == 0 else { return nil }
            return TimexMatch(first: i, end: i + 1, spec: .point(period), rule: .yearDecade,
                              takesDeterminer: true)
        }
        if y % 10 == 0, let e = possessive(i + 1) {
            // `1990's` is a decade unless it is a possessive of the year (`2010's budget`):
            // take it as a decade after `the`, `early`, `late`, `mid`.
            if determined || i > 0 && [.early, .late, .mid].contains(tokens[i - 1].keyword) || isHyphen(i - 1) {
                return TimexMatch(first: i, end: e, spec: .point(period), rule: .yearDecade,
                                  takesDeterminer: true)
            }
        }
        guard yearIsDate(i) else { return nil }
        // `Kopp's 1987 Chevrolet`, `a 1987 Ford`: a model year.
        if let next = tok(i + 1), next.kind == .word, next.isCapitalized, next.lex.kind == .none,
            kw(i - 1, .a) || kw(i - 1, .s) && isApostrophe(i - 2)
        {
            return nil
        }
        // `the 2020 fiscal year`, `its 2019 financial year`: the year named as a fiscal one, as
        // `fiscal 2019` is.
        if kw(i + 1, .fiscal) || kw(i + 1, .calendar) || isWord(i + 1, "financial"), isUnit(skipJoiner(i + 2), .year) {
            return TimexMatch(first: i, end: skipJoiner(i + 2) + 1,
                              spec: .point(.calendar(year: y, month: nil, day: nil)), rule: .yearPartFiscalYear,
                              takesDeterminer: true)
        }
        return TimexMatch(first: i, end: i + 1, spec: .point(.calendar(year: y, month: nil, day: nil)),
                          rule: .yearDigits)
    }

    /// Whether a four-digit number is a year: `in 1990` is, `$1990`, `1990 people` and `1990%`
    /// are not. Years outside 1900...2099 need a cue word before them.
    func yearIsDate(_ i: Int) -> Bool {
        let y = tokens[i].value
        if i > 0, tokens[i - 1].block == tokens[i].block {
            let p = tokens[i - 1]
            if p.kind == .punct {
                switch p.value {
                case 0x24, 0xA3, 0x20AC, 0xA5, 0x23: return false  // $ £ € ¥ #
                default: break
                }
            }
        }
        // `post-1959`, `mid-2012`: a joined prefix announces the year.
        let cue = isCueBefore(i) || isHyphen(i - 1) && attached(i)
        // `8:30 p.m. BST (1930 UTC)`, `0600 GMT`: a clock time on the 24-hour clock.
        if zoneEnd(i + 1) > i + 1 { return false }
        if let next = tok(i + 1) {
            if next.kind == .punct, next.value == 0x25, !next.spaceBefore { return false }
            if next.kind == .number, !isPunct(i + 1, 0x2C) { return false }
            if next.kind == .word, next.lex.kind == .none, !next.isCapitalized {
                let n = Int(next.end - next.start)
                let last = ScalarClass.asciiLower(scalars[Int(next.end) - 1]).value
                // `1990 people`, `2000 troops`, `1500 metres`: a count of something.
                if last == 0x73, n > 2, !cue { return false }
                // `a survey of 1709 schoolchildren`, `between 1500 and 2000 troops`: after an amount
                // word, a noun makes the number a count.
                if countsAfter(i - 1, strict: y >= 1900 && y <= 2099), !isFunctionWord(i + 1) { return false }
                if isWord(i + 1, "percent") || isWord(i + 1, "km") || isWord(i + 1, "kilometres")
                    || isWord(i + 1, "kilometers") || isWord(i + 1, "m") || isWord(i + 1, "kg")
                {
                    return false
                }
            }
            if next.kind == .word, next.lex.kind == .unitPlural || next.lex.kind == .unit,
                !(next.lex.value == TimeUnit.quarter.rawValue)
            {
                // `1990 years` is an amount, `the 1988 period` a date; units come through `quantity`.
                return false
            }
        }
        // `between 1500 and 2000 troops`: a range of numbers before a noun is a range of counts when
        // it starts outside 1900...2099 (`2010-11 season` and `1995 and 2000 levels` are years).
        if rangeJoiner(i + 1), let other = tok(i + 2), other.kind == .number, other.value > y, y < 1900 || y > 2099,
            countedNoun(i + 3)
        {
            return false
        }
        if rangeJoiner(i - 1), let other = tok(i - 2), other.kind == .number, other.value < y,
            other.value < 1900 || other.value > 2099, countedNoun(i + 1)
        {
            return false
        }
        // `the index closed at 2010`, `gold settled at 1950 an ounce`: a level reached, not a year.
        if kw(i - 1, .at), isLevelVerb(i - 2) { return false }
        if y >= 1900, y <= 2099 { return true }
        return cue
    }

    /// A verb that reports where a price or an index stood: `closed`, `opened`, `settled`, `ended`.
    private func isLevelVerb(_ j: Int) -> Bool {
        guard let t = tok(j), t.kind == .word else { return false }
        for w in ["closed", "closes", "closing", "opened", "opens", "ended", "ends", "finished", "finishes",
                  "settled", "settles", "stood", "stands", "traded", "trades", "trading", "peaked", "hovered",
                  "hovering"] where isWord(j, w) {
            return true
        }
        return false
    }

    private func rangeJoiner(_ j: Int) -> Bool {
        kw(j, .and) || kw(j, .to) || kw(j, .or) || isHyphen(j) || isPunct(j, 0x2013)
    }

    /// A lowercase word after a number that is not a function word: what the number counts.
    private func countedNoun(_ j: Int) -> Bool {
        guard let t = tok(j), t.kind == .word, t.lex.kind == .none, !t.isCapitalized else { return false }
        return !isFunctionWord(j)
    }

    /// Words before a number that make it an amount rather than a year when a noun follows; in
    /// 1900...2099 (`of 2000 levels`) only the words of approximation and comparison.
    private func countsAfter(_ p: Int, strict: Bool) -> Bool {
        guard let k = keyword(p) else { return false }
        switch k {
        case .of, .and, .between, .to, .from:
            return !strict
        case .about, .around, .approximately, .roughly, .nearly, .almost, .than, .some, .over, .under, .least, .most:
            return true
        default:
            return false
        }
    }

    /// Pronouns, conjunctions and other function words that may follow a year (`in 1968 when`,
    /// `since 1990 there`): not nouns counted by the number.
    func isFunctionWord(_ j: Int) -> Bool {
        guard let t = tok(j), t.kind == .word, t.end - t.start <= 5 else { return false }
        return TimexParser.functionWords.contains { isWord(j, $0) }
    }

    static let functionWords = ["he", "she", "it", "they", "we", "i", "you", "who", "which", "when", "where",
                                "while", "there", "his", "her", "their", "our", "if", "but", "nor", "yet", "with",
                                "into", "onto", "upon", "then", "not", "also", "alone", "only", "amid", "via"]

    /// A preposition or time word right before token `i` that announces a year (`in`, `since`,
    /// `fiscal`, `summer`, `year`).
    func isCueBefore(_ i: Int) -> Bool {
        guard i > 0, tokens[i - 1].block == tokens[i].block else { return false }
        let p = tokens[i - 1]
        switch p.lex.kind {
        case .season, .month: return true
        case .unit: return p.lex.value == TimeUnit.year.rawValue
        case .keyword:
            switch p.keyword! {
            case .in, .since, .of, .by, .from, .to, .until, .before, .after, .during, .through, .early, .late, .mid,
                .fiscal, .calendar, .end, .between, .and:
                return true
            default:
                return false
            }
        default:
            return false
        }
    }

    /// `'98` after a cue word, `'90s` (a decade).
    func apostropheYear(at i: Int, determined: Bool) -> TimexMatch? {
        guard isApostrophe(i), let t = tok(i + 1), t.kind == .number, t.digits == 2, attached(i + 1),
            !t.flags.contains(.decimal)
        else { return nil }
        let yy = Int(t.value)
        if t.flags.contains(.plural) || possessive(i + 2) != nil && yy % 10 == 0 {
            guard yy % 10 == 0 else { return nil }
            let decade = yy < 20 ? 2000 + yy : 1900 + yy
            let end = t.flags.contains(.plural) ? i + 2 : possessive(i + 2)!
            return TimexMatch(first: i, end: end, spec: .point(.decade(decade)), rule: .yearApostropheDecade,
                              takesDeterminer: true)
        }
        guard isCueBefore(i) else { return nil }
        return TimexMatch(first: i, end: i + 2,
                          spec: .point(.calendar(year: TimexParser.expandTwoDigitYear(yy), month: nil, day: nil)),
                          rule: .yearApostrophe)
    }

    /// `the nineties`, `the mid-eighties`.
    func decadeWord(at i: Int, determined: Bool) -> TimexMatch? {
        guard determined || i > 0 && (tokens[i - 1].keyword == .mid || isHyphen(i - 1)) else { return nil }
        return TimexMatch(first: i, end: i + 1, spec: .point(.decade(1900 + lexValue(i))), rule: .yearDecadeWord,
                          takesDeterminer: true)
    }

    /// `nineteen ninety-six`, `two thousand` (after `the year`).
    func spelledYear(at i: Int) -> TimexMatch? {
        let v = lexValue(i)
        if (11...20).contains(v), lexKind(i + 1) == .number {
            guard let (rest, e) = cardinal(at: i + 1), let r = rest, r >= 10, r < 100, r == r.rounded() else {
                return nil
            }
            return TimexMatch(first: i, end: e,
                              spec: .point(.calendar(year: v * 100 + Int(r), month: nil, day: nil)),
                              rule: .yearSpelled)
        }
        return nil
    }
}
