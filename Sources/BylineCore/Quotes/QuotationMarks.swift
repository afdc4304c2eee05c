/// A quotation mark met in the text, with what its surroundings allow it to do.
///
/// Direction comes from flanking, as in CommonMark's emphasis rules: a mark with a letter after
/// it and space (or an opening bracket, a dash, the paragraph start) before it can open; a mark
/// with a letter or punctuation before it and space or punctuation after it can close. The
/// glyph (`“` or `”`) only breaks ties, so a misused curly mark (`done.“`) still closes.
struct QuotationMark {
    enum Family {
        /// `"`, `“ ”`, `„`, `''`, ``` `` ```, `« »`: the marks of direct speech.
        case double
        /// `'`, `‘ ’`, `‹ ›`: headlines and nested quotations; shared with the apostrophe.
        case single
    }

    enum Role {
        case open
        case close
        /// Either (a straight mark between two letters): decided by the pairing state.
        case either
    }

    var position: Int
    /// 1, or 2 for a doubled mark (`''`, ``` `` ```).
    var length: Int
    var family: Family
    var role: Role
    /// A single mark after a plural `s` with a word after it (`the trainers’ agreement`):
    /// more likely an apostrophe than a closing mark.
    var possessiveLike = false

    var end: Int { position + length }
    var canOpen: Bool { role != .close }
    var canClose: Bool { role != .open }
    /// The rule name for a quotation opened by this mark.
    var style: DetectionRule = .straight
}

enum QuotationMarks {
    // MARK: Classes of scalars

    /// The one definition of which scalars are quotation marks, for every part of the analysis
    /// that meets them (the tokenizer, the sentence splitter, the attribution rules, the time
    /// tagger). In running text a mark's role comes from its flanking (`marks(_:in:at:)`); these
    /// classes are what the glyph alone allows, where only the glyph is known.
    enum Glyph {
        /// `"` `'`: either way.
        case straight
        /// `“` `„` `‟` `‘` `«` `‹` `` ` ``
        case opening
        /// `”` `’` `»` `›`
        case closing
    }

    /// The glyph class of scalar value `v`, or nil when it is no quotation mark. (`‚` and `‛`
    /// are left out: in news text they stand for a comma and an apostrophe.)
    @inline(__always) static func glyph(_ v: UInt32) -> Glyph? {
        switch v {
        case 0x22, 0x27: return .straight
        case 0x201C, 0x201E, 0x201F, 0x2018, 0xAB, 0x2039, 0x60: return .opening
        case 0x201D, 0x2019, 0xBB, 0x203A: return .closing
        default: return nil
        }
    }

    /// Any quotation mark.
    @inline(__always) static func isMark(_ v: UInt32) -> Bool { glyph(v) != nil }

    /// Marks that can open a quotation: straight ones and opening glyphs.
    @inline(__always) static func canOpen(_ v: UInt32) -> Bool {
        guard let g = glyph(v) else { return false }
        return g != .closing
    }

    /// Marks that can close a quotation: straight ones and closing glyphs.
    @inline(__always) static func canClose(_ v: UInt32) -> Bool {
        guard let g = glyph(v) else { return false }
        return g != .opening
    }

    // MARK: Marks in the text

    /// The quotation marks of `span` in order, from the offsets of the scalars that can be
    /// marks (`positions`, ascending, all inside `span`). Apostrophes inside or after words
    /// (`isn't`, `’90s`, `O'Neill`) are left out; a plural possessive (`trainers’ agreement`)
    /// is kept but flagged.
    static func marks(_ s: UnsafeBufferPointer<Unicode.Scalar>, in span: TextSpan, at positions: ArraySlice<Int>) -> [QuotationMark] {
        var marks: [QuotationMark] = []
        var skipUntil = span.start
        for i in positions where i >= skipUntil {
            if let mark = classify(s, at: i, span: span) {
                marks.append(mark)
                skipUntil = i + mark.length
            }
        }
        return marks
    }

    /// The mark at `i`, if the scalar there is one.
    static func mark(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, in span: TextSpan) -> QuotationMark? {
        i < span.end ? classify(s, at: i, span: span) : nil
    }

    private static func classify(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, span: TextSpan) -> QuotationMark? {
        let v = s[i].value
        let nextValue: UInt32 = i + 1 < span.end ? s[i + 1].value : 0
        switch v {
        case 0x22:
            return make(s, i, 1, .double, glyph: nil, style: .straight, span)
        case 0x201C, 0x201E, 0x201F:
            return make(s, i, 1, .double, glyph: .open, style: .curly, span)
        case 0x201D:
            if nextValue == 0x201D { return make(s, i, 2, .double, glyph: .close, style: .curly, span) }
            return make(s, i, 1, .double, glyph: .close, style: .curly, span)
        case 0xAB:
            return make(s, i, 1, .double, glyph: .open, style: .guillemet, span)
        case 0xBB:
            return make(s, i, 1, .double, glyph: .close, style: .guillemet, span)
        case 0x60:
            if nextValue == 0x60 { return make(s, i, 2, .double, glyph: .open, style: .backtick, span) }
            return make(s, i, 1, .single, glyph: .open, style: .backtick, span)
        case 0x27, 0x2019, 0x2018:
            // Two apostrophes in a row: the `''…''` convention for double quotation marks.
            if nextValue == 0x27 || nextValue == 0x2019 || nextValue == 0x2018 {
                return make(s, i, 2, .double, glyph: v == 0x2018 ? .open : nil, style: .doubledApostrophe, span)
            }
            return single(s, i, span, glyph: v == 0x2018 ? .open : (v == 0x2019 ? .close : nil))
        case 0x2039:
            return make(s, i, 1, .single, glyph: .open, style: .guillemet, span)
        case 0x203A:
            return make(s, i, 1, .single, glyph: .close, style: .guillemet, span)
        default:
            return nil
        }
    }

    private static func make(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int, _ length: Int,
                             _ family: QuotationMark.Family, glyph: QuotationMark.Role?, style: DetectionRule,
                             _ span: TextSpan) -> QuotationMark? {
        let prev = i > span.start ? s[i - 1] : " "
        let next = i + length < span.end ? s[i + length] : " "
        // `author="x"`: an attribute value, not speech.
        if prev.value == 0x3D { return nil }
        var role = role(prev: prev, next: next, glyph: glyph)
        if role == .open, glyph == nil, i > span.start, ScalarClass.isWhitespace(prev),
           next.value == 0x2C || next.value == 0x2E || next.value == 0x3B || next.value == 0x3A || next.value == 0x21 || next.value == 0x3F {
            // `… 'I'm a drummer' ", he recalled`: a mark followed by a comma and a space quotes
            // nothing after it, so it closes (a space slipped in before it).
            let afterNext = i + length + 1 < span.end ? s[i + length + 1] : " "
            // (`". . . I just want`: a spaced ellipsis opens a quotation.)
            let ellipsis = next.value == 0x2E && i + length + 2 < span.end && s[i + length + 2].value == 0x2E
            if ScalarClass.isWhitespace(afterNext), !ellipsis { role = .close }
        }
        return QuotationMark(position: i, length: length, family: family, role: role, style: style)
    }

    /// A single mark, unless it is an apostrophe.
    private static func single(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int, _ span: TextSpan,
                               glyph: QuotationMark.Role?) -> QuotationMark? {
        let prev = i > span.start ? s[i - 1] : " "
        let next = i + 1 < span.end ? s[i + 1] : " "
        let prevWord = Letters.isAlphanumeric(prev)
        let nextWord = Letters.isAlphanumeric(next)
        // Inside a word: `isn't`, `O'Neill`, `rock'n'roll`.
        if prevWord && nextWord { return nil }
        if !prevWord && nextWord {
            // `’90s`, `'em`, `'til`: an elision at the start of a word.
            if ScalarClass.isDigit(next) && !ScalarClass.isDigit(prev) {
                var j = i + 1
                while j < span.end, ScalarClass.isDigit(s[j]) { j += 1 }
                if j - i - 1 == 2, j == span.end || !ScalarClass.isDigit(s[j]) { return nil }
            }
            if isElision(s, from: i + 1, span: span) { return nil }
        }
        let role = role(prev: prev, next: next, glyph: glyph)
        var mark = QuotationMark(position: i, length: 1, family: .single, role: role,
                                 style: glyph == nil ? .straightSingle : .curlySingle)
        if prevWord && role == .close, prev.value == 0x73 || prev.value == 0x53 {
            // `the trainers’ agreement`: a plural possessive unless punctuation follows.
            var j = i + 1
            while j < span.end, ScalarClass.isSpace(s[j]) { j += 1 }
            if j > i + 1, j < span.end, Letters.isLetter(s[j]) { mark.possessiveLike = true }
        }
        return mark
    }

    private static let elisions: WordSet = WordSet("em til cause cos n tis twas bout round nother kay all ya")

    private static func isElision(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, span: TextSpan) -> Bool {
        var j = start
        while j < span.end, Letters.isLetter(s[j]) { j += 1 }
        guard j - start <= 6 else { return false }
        // `'n'` in `rock 'n' roll` is an elision too; a word followed by another mark may be a quotation.
        return elisions.contains(WordHash.of(s, start, j)) && !(j < span.end && Letters.isAlphanumeric(s[j]))
            && !(j - start > 1 && j < span.end && ScalarClass.isApostrophe(s[j]))
    }

    /// Punctuation next to a mark, as CommonMark counts it for flanking.
    private static func isPunctuation(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 {
            return (v >= 0x21 && v <= 0x2F) || (v >= 0x3A && v <= 0x40) || (v >= 0x5B && v <= 0x60) || (v >= 0x7B && v <= 0x7E)
        }
        // General Punctuation: dashes, quotes, bullets, ellipsis (not spaces, separators or
        // the invisible format controls).
        if v >= 0x2000 && v <= 0x206F { return (v >= 0x2010 && v <= 0x2027) || (v >= 0x2030 && v <= 0x205E) }
        return slowIsPunctuation(c)
    }

    /// Out of line: see `Letters` on why property look-ups get functions of their own.
    @inline(never) private static func slowIsPunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol:
            return true
        default:
            return false
        }
    }

    private static func role(prev: Unicode.Scalar, next: Unicode.Scalar, glyph: QuotationMark.Role?) -> QuotationMark.Role {
        let prevSpace = ScalarClass.isWhitespace(prev)
        let nextSpace = ScalarClass.isWhitespace(next)
        let prevPunct = isPunctuation(prev)
        let nextPunct = isPunctuation(next)
        let left = !nextSpace && (!nextPunct || prevSpace || prevPunct)
        let right = !prevSpace && (!prevPunct || nextSpace || nextPunct)
        if left, !right, isClauseEnd(prev), Letters.isLetter(next) {
            // `…paranoia,”Clinton said` · `…voters!"After`: a space missing after the closing mark.
            return glyph ?? .either
        }
        if left && !right { return .open }
        if right && !left { return .close }
        if let glyph { return glyph }
        // Both or neither: a straight mark between two letters or two punctuation marks.
        return .either
    }

    /// Punctuation that ends a quoted clause right before its closing mark.
    private static func isClauseEnd(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2C, 0x2E, 0x21, 0x3F, 0x3B, 0x2026: return true
        default: return false
        }
    }
}
