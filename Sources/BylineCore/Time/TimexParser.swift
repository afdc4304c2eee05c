/// Finds time expressions in a token stream: one left-to-right pass, longest match at each
/// trigger token, bounded look-ahead (a rule reads at most a dozen tokens past its start).
///
/// A token is a trigger when it is a number or a word of the time lexicon; every other token
/// is skipped after one comparison. At a trigger, optional prefix modifiers (`the end of`,
/// `early`, `more than`) are read, then the rule family chosen by the next token's kind tries
/// its patterns; the longest candidate wins, then suffix modifiers (`or so`, `or later`).
/// The rule families live in `Time/*Rules.swift`.
struct TimexParser {
    let tokens: [TimeToken]
    let scalars: [Unicode.Scalar]
    /// The current paragraph's tokens (`blockStart..<limit`): rules never read outside it.
    var blockStart = 0
    var limit = 0
    /// Where the last match ended: a rule that reaches back before its trigger (`Mother's Day`
    /// from `Day`) stops there.
    var matchedUpTo = 0

    init(tokens: [TimeToken], scalars: [Unicode.Scalar]) {
        self.tokens = tokens
        self.scalars = scalars
    }

    mutating func parseAll() -> [TimexMatch] {
        var matches: [TimexMatch] = []
        var i = 0
        let n = tokens.count
        while i < n {
            if i >= limit {
                // Entering a new paragraph: find where it ends.
                let block = tokens[i].block
                var e = i + 1
                while e < n, tokens[e].block == block { e += 1 }
                blockStart = i
                limit = e
            }
            let t = tokens[i]
            guard isTrigger(t, at: i) else {
                i += 1
                continue
            }
            let m = parseExpression(at: i)
            // `3-4pm`, `13 to 15 July`: a range whose first end is not an expression on its own.
            if mayStartRange(i), let range = rangeStart(at: i), range.first.end >= m?.end ?? 0 {
                matches.append(range.first)
                matches.append(range.second)
                i = range.second.end
                takeYearAfterDay(&matches, &i)
                matchedUpTo = i
                continue
            }
            guard var m else {
                i += 1
                continue
            }
            // `Thursday 8:00 GMT`: the day and its clock time in one expression.
            if let timed = clockAfterDayWord(m) { m = timed }
            matches.append(m)
            i = max(m.end, i + 1)
            matchedUpTo = i
            // `April 24 and 25`: the second day is a date of its own.
            if let second = secondDay(after: m) {
                matches.append(second)
                i = second.end
            } else if let range = rangeEnd(after: m) {
                matches[matches.count - 1] = range.first
                matches.append(range.second)
                i = range.second.end
            } else if let clock = clockAfterDay(m) {
                // `tonight at 8`: the time is its own expression, on the day before it.
                matches.append(clock)
                i = clock.end
            }
            takeYearAfterDay(&matches, &i)
            matchedUpTo = i
        }
        return matches
    }

    /// `July 13 of last year`, `from May 2 to 9 of 2017`, `3 to 8 June last year`: a year after a
    /// day that has none belongs to the day, and to the start of its range.
    private func takeYearAfterDay(_ matches: inout [TimexMatch], _ i: inout Int) {
        guard let last = matches.last, last.end == i, last.spec.clock == nil,
            case .point(.calendar(nil, _?, _?)) = last.spec.base, let c = yearComplement(last.end),
            c.relative != nil || c.year != nil && kw(last.end, .of)
        else { return }
        func dated(_ m: TimexMatch) -> TimexMatch? {
            guard m.spec.clock == nil, case .point(.calendar(nil, let month?, let day?)) = m.spec.base else {
                return nil
            }
            var m = m
            if let r = c.relative {
                m.spec.base = .point(.monthOfRelativeYear(month: month, day: day, yearOffset: r))
            } else {
                m.spec.base = .point(.calendar(year: c.year, month: month, day: day))
            }
            return m
        }
        guard var end = dated(last) else { return }
        end.end = c.end
        matches[matches.count - 1] = end
        if last.rangeEnd, matches.count >= 2, let start = dated(matches[matches.count - 2]) {
            matches[matches.count - 2] = start
        }
        i = c.end
    }

    private func secondDay(after m: TimexMatch) -> TimexMatch? {
        guard case .point(.calendar(let year, let month?, _?)) = m.spec.base, m.spec.clock == nil else { return nil }
        let j = m.end
        guard kw(j, .and) || kw(j, .or) || kw(j, .to) || kw(j, .through) || isHyphen(j) || isPunct(j, 0x2013),
            let (day, end) = dayOfMonth(j + 1), tokens[j + 1].kind != .word, monthName(end) == nil,
            lexKind(end) != .unit, lexKind(end) != .unitPlural,
            // `from 1st of March to 10th of April`: the second day names its own month.
            !(kw(end, .of) && monthName(end + 1) != nil)
        else { return nil }
        var second = TimexMatch(first: j + 1, end: end, spec: .point(.calendar(year: year, month: month, day: day)),
                                rule: .dateSecondDay)
        second.rangeEnd = !kw(j, .or) && (!kw(j, .and) || opensBetween(m.first))
        return second
    }

    @inline(__always)
    func isTrigger(_ t: TimeToken, at i: Int) -> Bool {
        switch t.kind {
        case .number, .ordinalNumber: return true
        case .word:
            switch t.lex.kind {
            case .none, .pastVerb, .futureCue, .presentCue, .zone: return false
            case .keyword: return startsExpression(Keyword(rawValue: t.lex.value)!, at: i)
            default: return true
            }
        case .punct:
            // `'90s`, `'98`
            return (t.value == 0x27 || t.value == 0x2019) && isNumber(i + 1)
        }
    }

    /// Whether an expression can begin with this keyword (most function words cannot: they are
    /// only read from inside a rule), so the common ones are skipped at once.
    @inline(__always)
    private func startsExpression(_ k: Keyword, at i: Int) -> Bool {
        switch k {
        case .ago, .before, .after, .hence, .from, .soon, .middle, .close, .outset, .turn,
            .than, .least, .most, .to, .within, .of, .and, .or, .so, .other, .weekday, .times, .beyond, .am, .pm,
            .pLetter, .mLetter, .o, .clock, .in, .on, .since, .until, .by, .during, .through, .for, .long, .old,
            .straight, .consecutive, .successive, .ending, .ended, .latter, .dawn, .local, .s, .its, .period, .eve,
            .time, .longer, .between, .as, .trading, .business, .working, .additional, .while:
            return false
        case .at: return kw(i + 1, .least) || kw(i + 1, .most)
        case .up: return kw(i + 1, .to)
        case .beginning, .start: return kw(i + 1, .of)
        // Common words that start an expression only before a time word or a number (`the`, `a`,
        // `that`, `more`, `about`, `last`): before any other word they are skipped at once.
        case .the, .a, .an, .this, .that, .these, .those, .more, .less, .fewer, .over, .under, .about, .around,
            .nearly, .almost, .early, .late, .last, .next:
            guard i + 1 < limit else { return false }
            let next = tokens[i + 1]
            return next.kind != .word || next.lex.kind != .none
        case .no: return kw(i + 1, .more) || kw(i + 1, .less)
        default: return true
        }
    }

    // MARK: - Token access

    @inline(__always) func tok(_ i: Int) -> TimeToken? { i >= blockStart && i < limit ? tokens[i] : nil }

    @inline(__always) func kw(_ i: Int, _ k: Keyword) -> Bool { i >= blockStart && i < limit && tokens[i].isKeyword(k) }

    @inline(__always) func keyword(_ i: Int) -> Keyword? { i >= blockStart && i < limit ? tokens[i].keyword : nil }

    @inline(__always) func lexKind(_ i: Int) -> LexKind { i >= blockStart && i < limit ? tokens[i].lex.kind : .none }

    @inline(__always) func lexValue(_ i: Int) -> Int { Int(tokens[i].lex.value) }

    @inline(__always) func isPunct(_ i: Int, _ c: UInt32) -> Bool {
        i >= blockStart && i < limit && tokens[i].isPunct(c)
    }

    @inline(__always) func isNumber(_ i: Int) -> Bool { i >= blockStart && i < limit && tokens[i].kind == .number }

    /// No white space before token `i`.
    @inline(__always) func attached(_ i: Int) -> Bool { i >= blockStart && i < limit && !tokens[i].spaceBefore }

    @inline(__always) func isHyphen(_ i: Int) -> Bool {
        guard i >= blockStart, i < limit, tokens[i].kind == .punct else { return false }
        let v = tokens[i].value
        return v == 0x2D || v == 0x2010 || v == 0x2011
    }

    @inline(__always) func isApostrophe(_ i: Int) -> Bool {
        guard i >= blockStart, i < limit, tokens[i].kind == .punct else { return false }
        let v = tokens[i].value
        return v == 0x27 || v == 0x2019
    }

    @inline(__always) func isPeriod(_ i: Int) -> Bool { isPunct(i, 0x2E) }

    @inline(__always) func isComma(_ i: Int) -> Bool { isPunct(i, 0x2C) }

    /// A hyphen joining two words (`third-quarter`): skipped when present.
    @inline(__always) func skipJoiner(_ i: Int) -> Int { isHyphen(i) && attached(i) && attached(i + 1) ? i + 1 : i }

    /// `'s` after token `i - 1`: returns the index after it, or nil.
    func possessive(_ i: Int) -> Int? {
        if isApostrophe(i), attached(i), let t = tok(i + 1), t.isKeyword(.s), attached(i + 1) { return i + 2 }
        return nil
    }

    func isCapitalized(_ i: Int) -> Bool { i >= blockStart && i < limit && tokens[i].isCapitalized }

    /// The token's text in lowercase ASCII (for the few checks on exact words).
    func lower(_ i: Int) -> String {
        var view = String.UnicodeScalarView()
        for k in Int(tokens[i].start)..<Int(tokens[i].end) { view.append(ScalarClass.asciiLower(scalars[k])) }
        return String(view)
    }

    /// A word token whose text (lowercased) is `word`; for words outside the lexicon. One walk
    /// compares the scalars and checks the length (counting `unicodeScalars` first walked the
    /// word twice).
    func isWord(_ i: Int, _ word: String) -> Bool {
        guard i >= blockStart, i < limit, tokens[i].kind == .word else { return false }
        let t = tokens[i]
        var k = Int(t.start)
        let end = Int(t.end)
        for s in word.unicodeScalars {
            guard k < end, ScalarClass.asciiLower(scalars[k]) == s else { return false }
            k += 1
        }
        return k == end
    }

    /// True when token `i` ends a clause: the end of the paragraph, or punctuation other
    /// than a hyphen or an apostrophe.
    func endsClause(_ i: Int) -> Bool {
        guard let t = tok(i) else { return true }
        if t.kind != .punct { return false }
        return !isHyphen(i) && !isApostrophe(i)
    }

    // MARK: - Expressions

    mutating func parseExpression(at i: Int) -> TimexMatch? {
        // Prefix modifiers: `the end of`, `early`, `mid-`, `about`, `more than`, `post-` ...
        if let prefix = prefixModifier(at: i), let core = parseDetermined(at: prefix.end, afterModifier: true) {
            // `At the end of the day, it is up to the voters`: an idiom, not a time.
            if prefix.mod == .end, kw(i - 1, .at) || kw(i - 1, .the) && kw(i - 2, .at), isUnit(core.end - 1, .day),
                core.end == prefix.end + 2, isComma(core.end)
            {
                return nil
            }
            if let mod = compatible(prefix.mod, with: core.spec, prefix: prefix) {
                var m = core
                m.first = i
                m.spec.mod = mod
                // `the first half of 2012` on a year is the year's half.
                if let half = prefix.half, case .point(let p) = m.spec.base, let converted = halfOf(p, half) {
                    m.spec = .point(converted)
                }
                return suffixModifier(m)
            }
            return suffixModifier(core)
        }
        guard let core = parseDetermined(at: i, afterModifier: false) else { return nil }
        return suffixModifier(core)
    }

    /// A core expression, with a leading `the` when the rule takes one.
    func parseDetermined(at i: Int, afterModifier: Bool) -> TimexMatch? {
        if kw(i, .the) {
            if var m = parseCore(at: i + 1, afterModifier: afterModifier, determined: true) {
                guard m.takesDeterminer else { return nil }
                m.first = i
                return m
            }
            return nil
        }
        return parseCore(at: i, afterModifier: afterModifier, determined: false)
    }

    /// Dispatches on the first token's kind to the rule families that can start there.
    func parseCore(at i: Int, afterModifier: Bool, determined: Bool) -> TimexMatch? {
        guard let t = tok(i) else { return nil }
        var best: TimexMatch?
        func consider(_ m: TimexMatch?) {
            guard let m else { return }
            if best == nil || m.end > best!.end { best = m }
        }
        switch t.kind {
        case .number:
            consider(numericDate(at: i))
            consider(yearExpression(at: i, determined: determined))
            consider(dayMonth(at: i))
            consider(clockTime(at: i))
            consider(quantity(at: i, determined: determined))
            consider(yearPartWithYear(at: i))
            if t.digits <= 2, kw(i + 1, .past) || kw(i + 1, .after) || kw(i + 1, .to) || kw(i + 1, .before)
                || lexKind(i + 1) == .unitPlural
            {
                consider(clockOffset(at: i))
            }
        case .ordinalNumber:
            consider(dayMonth(at: i))
            consider(ordinalExpression(at: i))
            consider(countedInMonth(at: i))
            consider(dayOfMonthAlone(at: i, determined: determined))
        case .punct:
            consider(apostropheYear(at: i, determined: determined))
        case .word:
            switch t.lex.kind {
            case .month, .monthAbbreviation:
                consider(monthExpression(at: i, afterModifier: afterModifier, determined: determined))
            case .weekday, .weekdayAbbreviation:
                consider(weekdayExpression(at: i))
            case .weekdayPlural:
                consider(weekdaySet(at: i))
            case .number:
                consider(quantity(at: i, determined: determined))
                consider(clockTime(at: i))
                consider(spelledYear(at: i))
                consider(clockOffset(at: i))
            case .ordinal:
                consider(ordinalExpression(at: i))
                consider(dayMonth(at: i))
                consider(countedInMonth(at: i))
                consider(dayOfMonthAlone(at: i, determined: determined))
                if t.lex.value == 2, isWord(i, "second") { consider(quantity(at: i, determined: determined)) }
            case .unit, .unitPlural:
                consider(unitExpression(at: i, afterModifier: afterModifier, determined: determined))
                consider(quantity(at: i, determined: determined))
                if isUnit(i, .quarter) { consider(clockOffset(at: i)) }
                if isUnit(i, .day), t.isCapitalized { consider(namedDay(endingAt: i)) }
            case .season:
                consider(seasonExpression(at: i, afterModifier: afterModifier, determined: determined))
            case .dayPart, .dayPartPlural:
                consider(dayPartExpression(at: i, afterModifier: afterModifier, determined: determined))
            case .holiday:
                consider(holidayExpression(at: i))
            case .decadeWord:
                consider(decadeWord(at: i, determined: determined))
            case .keyword:
                consider(keywordExpression(at: i, afterModifier: afterModifier, determined: determined))
            default:
                break
            }
        }
        return best
    }

    /// `USA Today`, `Fridays for Future`, `the Party of Tomorrow`: a capitalised time word inside
    /// a body sentence belongs to a name (headlines, in title case, keep theirs).
    func inName(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.isCapitalized, !t.flags.contains(.allCaps), t.block > 0, i > 0, tokens[i - 1].block == t.block,
            tokens[i - 1].kind == .word
        else { return false }
        let previous = tokens[i - 1]
        if previous.isCapitalized { return true }
        // `Fridays for Future`: after a lowercase word only a name capitalises these.
        return kw(i, .future) || kw(i, .tomorrow)
    }

    /// Rules that start with a keyword.
    func keywordExpression(at i: Int, afterModifier: Bool, determined: Bool) -> TimexMatch? {
        guard let k = keyword(i) else { return nil }
        switch k {
        case .today, .yesterday, .tomorrow, .tonight, .overnight:
            if inName(i) { return nil }
            return deicticDay(at: i)
        case .this, .last, .next, .past, .coming, .previous, .following, .preceding, .upcoming, .current,
            .latest, .recent, .prior, .that, .same, .these, .those:
            var best = relativeExpression(at: i, determined: determined)
            if best == nil || [.current, .recent, .past, .present].contains(k) {
                if let r = referenceExpression(at: i, determined: determined), r.end > (best?.end ?? 0) { best = r }
            }
            // `the last Friday of October`, `the last day of the month`
            if k == .last, let c = countedInMonth(at: i), c.end > (best?.end ?? 0) { best = c }
            return best
        case .now, .currently, .recently, .nowadays, .presently, .lately, .future, .present:
            if k == .future, inName(i) { return nil }
            return referenceExpression(at: i, determined: determined)
        case .every, .each, .per, .daily, .weekly, .monthly, .yearly, .annually, .hourly, .quarterly, .biweekly,
            .semiannually, .nightly, .twice, .once, .thrice:
            return setExpression(at: i)
        case .near:
            return referenceExpression(at: i, determined: determined)
        case .good, .labor, .memorial, .veterans, .independence, .boxing, .valentines:
            return holidayExpression(at: i)
        case .some:
            return vagueDuration(at: i)
        case .a, .an, .few, .several, .many, .couple, .half:
            if k == .a, let v = vagueDuration(at: i) { return v }
            // `40 kilometres an hour`: a speed, neither a rate nor an amount of time.
            if k == .a || k == .an, isMeasureUnit(i - 1), let u = unitAt(i + 1), u.unit <= .hour { return nil }
            // A rate (`$5 million a year`) wins over the amount it looks like.
            var best = setExpression(at: i)
            if let q = quantity(at: i, determined: determined), q.end > (best?.end ?? 0) { best = q }
            // `a quarter past 1pm`, `half past three`
            if k == .half || k == .a && isUnit(i + 1, .quarter), let c = clockOffset(at: i), c.end > (best?.end ?? 0) {
                best = c
            }
            return best
        case .fiscal, .calendar:
            if determined, isUnit(i + 1, .year), var m = theYear(at: i + 1, end: i + 2) {
                m.first = i
                return m
            }
            return fiscalExpression(at: i, determined: determined)
        case .full, .whole, .entire:
            // `the full year`
            guard determined, isUnit(i + 1, .year), var m = theYear(at: i + 1, end: i + 2) else { return nil }
            m.first = i
            return m
        case .q, .h:
            return quarterCode(at: i)
        case .fortnight:
            return quantity(at: i, determined: determined)
        case .new:
            return holidayExpression(at: i)
        default:
            return nil
        }
    }

    // MARK: - Modifiers

    struct Prefix {
        var mod: TimexMod
        var end: Int
        /// `the first half of`, `the second half of`: 1 or 2.
        var half: Int?
        /// A quantity modifier (`more than`) that only fits amounts.
        var quantity: Bool
    }

    func prefixModifier(at i: Int) -> Prefix? {
        guard let k = keyword(i) else { return nil }
        func p(_ mod: TimexMod, _ end: Int, quantity: Bool = false) -> Prefix {
            Prefix(mod: mod, end: end, half: nil, quantity: quantity)
        }
        switch k {
        case .early, .late:
            let mod: TimexMod = k == .early ? .start : .end
            // `early in the month`, `late in the season`
            if kw(i + 1, .in), kw(i + 2, .the) { return p(mod, i + 2) }
            return p(mod, i + 1)
        case .earlier, .later:
            let mod: TimexMod = k == .earlier ? .start : .end
            // `earlier this year`, `later in the day`, `earlier Friday`
            if kw(i + 1, .in), kw(i + 2, .the) { return p(mod, i + 2) }
            return p(mod, i + 1)
        case .mid:
            return p(.mid, skipJoiner(i + 1))
        case .the:
            // the end of / the beginning of / the middle of / the start of / the first half of
            if lexKind(i + 1) == .ordinal, kw(i + 2, .half), kw(i + 3, .of) {
                let n = lexValue(i + 1)
                guard n == 1 || n == 2 else { return nil }
                return Prefix(mod: n == 1 ? .start : .end, end: i + 4, half: n, quantity: false)
            }
            guard let k2 = keyword(i + 1) else { return nil }
            switch k2 {
            case .end, .close: return kw(i + 2, .of) ? p(.end, i + 3) : nil
            case .beginning, .start, .outset, .dawn: return kw(i + 2, .of) ? p(.start, i + 3) : nil
            case .turn: return kw(i + 2, .of) ? p(.start, i + 3) : nil
            case .middle: return kw(i + 2, .of) ? p(.mid, i + 3) : nil
            case .latter: return kw(i + 2, .half) && kw(i + 3, .of) ? p(.end, i + 4) : nil
            default:
                if kw(i + 1, .last), kw(i + 2, .half), kw(i + 3, .of) {
                    return Prefix(mod: .end, end: i + 4, half: 2, quantity: false)
                }
                return nil
            }
        case .end:
            // `end of 2011` without an article, and `year-end` is a unit rule.
            return kw(i + 1, .of) ? p(.end, i + 2) : nil
        case .beginning, .start:
            // `beginning of 2012`, `start of next month`
            return kw(i + 1, .of) ? p(.start, i + 2) : nil
        case .post, .pre:
            guard isHyphen(i + 1), attached(i + 1), attached(i + 2) else { return nil }
            return p(k == .post ? .after : .before, i + 2)
        case .about, .around, .approximately, .roughly:
            return p(.approx, i + 1, quantity: true)
        case .some:
            return lexKind(i + 1) == .number || isNumber(i + 1) ? p(.approx, i + 1, quantity: true) : nil
        case .nearly, .almost:
            return p(.lessThan, i + 1, quantity: true)
        case .under:
            return p(.lessThan, i + 1, quantity: true)
        case .less, .fewer:
            return kw(i + 1, .than) ? p(.lessThan, i + 2, quantity: true) : nil
        case .more:
            return kw(i + 1, .than) ? p(.moreThan, i + 2, quantity: true) : nil
        case .over:
            // `over the next three quarters`, `over the weekend`: a preposition.
            if let k2 = keyword(i + 1), [.the, .this, .that, .last, .past, .next, .recent, .coming].contains(k2) {
                return nil
            }
            return p(.moreThan, i + 1, quantity: true)
        case .upwards:
            return kw(i + 1, .of) ? p(.moreThan, i + 2, quantity: true) : nil
        case .at:
            if kw(i + 1, .least) { return p(.equalOrMore, i + 2, quantity: true) }
            if kw(i + 1, .most) { return p(.equalOrLess, i + 2, quantity: true) }
            return nil
        case .up:
            return kw(i + 1, .to) ? p(.equalOrLess, i + 2, quantity: true) : nil
        case .no:
            if kw(i + 1, .more), kw(i + 2, .than) { return p(.equalOrLess, i + 3, quantity: true) }
            if kw(i + 1, .less), kw(i + 2, .than) { return p(.equalOrMore, i + 3, quantity: true) }
            return nil
        case .just:
            if kw(i + 1, .under) { return p(.lessThan, i + 2, quantity: true) }
            if kw(i + 1, .over) { return p(.moreThan, i + 2, quantity: true) }
            return nil
        default:
            return nil
        }
    }

    /// Whether a prefix modifier fits the expression it precedes (`over the weekend` is a
    /// preposition, `over three years` a modifier); returns the mod to keep.
    func compatible(_ mod: TimexMod, with spec: TimexSpec, prefix: Prefix) -> TimexMod? {
        switch spec.base {
        case .duration:
            return prefix.quantity ? mod : nil
        case .point:
            // Quantity modifiers fit counted points (`more than two years ago`); `around` also
            // fits dates and clock times (`around Nov. 1`, `about 10:35 a.m.`), not weekdays.
            if prefix.quantity {
                if spec.counted { return mod }
                guard mod == .approx else { return nil }
                if spec.clock != nil { return mod }
                if case .point(.calendar) = spec.base { return mod }
                return nil
            }
            return mod
        case .set, .vagueDuration:
            return nil
        case .reference:
            return prefix.quantity ? nil : mod
        }
    }

    /// `the first half of 2012` → 2012-H1.
    func halfOf(_ p: PointSpec, _ half: Int) -> PointSpec? {
        switch p {
        case .calendar(let y, nil, nil): return .yearPart(year: y, grain: .half, part: half)
        case .relative(.year, let n, .document):
            return .yearPartOfRelativeYear(grain: .half, part: half, yearOffset: n)
        default: return nil
        }
    }

    func suffixModifier(_ m: TimexMatch) -> TimexMatch {
        var m = m
        let j = m.end
        guard kw(j, .or) || kw(j, .and) else { return m }
        if kw(j, .or), kw(j + 1, .so) {
            m.end = j + 2
            if m.spec.mod == nil { m.spec.mod = .approx }
            return m
        }
        if m.spec.isPoint {
            if kw(j, .or), kw(j + 1, .later) || kw(j + 1, .after) {
                m.end = j + 2
                m.spec.mod = .onOrAfter
            } else if kw(j, .and), kw(j + 1, .beyond) {
                m.end = j + 2
                m.spec.mod = .onOrAfter
            } else if kw(j, .or), kw(j + 1, .earlier) || kw(j + 1, .before) {
                m.end = j + 2
                m.spec.mod = .onOrBefore
            }
        } else if m.spec.isDuration, kw(j, .or) {
            if kw(j + 1, .more) || kw(j + 1, .longer) {
                m.end = j + 2
                m.spec.mod = .equalOrMore
            } else if kw(j + 1, .less) {
                m.end = j + 2
                m.spec.mod = .equalOrLess
            }
        }
        return m
    }
}
