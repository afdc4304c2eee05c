/// Where an entry goes on a timeline: the one definition of timeline order, for an article's
/// timeline (`TimelineBuilder`), the reader's timeline pane and the library timeline (the index
/// stores `packed` and orders by it).
///
/// Entries sort by their *sort day*: the first day of a period, or for `START` / `MID` / `END`
/// its first, middle or last day (`the end of 2011` sorts with 31 December, after the dates in
/// December). A period that contains another comes first, as a heading does: it starts first
/// (`this year` before `Nov. 15`), or on the same sort day the longer extent goes first
/// (`December` before `Dec. 1`), then a whole period before a part of the same extent
/// (`December` before `the start of December`); then the clock time (a day before its morning,
/// the morning before 3 p.m.). Periods that overlap without one containing the other sort by
/// their sort day, so by start.
/// Equal keys keep text order, which the caller adds (the expression's position, then the
/// article for the library).
///
/// Keys compare field by field, so the order is a strict weak ordering; `packed` is the same
/// order as one integer.
public struct TimelineOrderKey: Hashable, Comparable, Sendable {
    /// `CivilDate.dayNumber` of the sort day.
    public var day: Int
    /// Days the entry covers after its first (0 for a day), at most `maximumExtent`.
    public var extent: Int
    /// True for `START`, `MID` and `END`: a part of the period, not the whole.
    public var part: Bool
    /// Minutes into the day of a `...THH:MM` or part-of-day value, or -1 for none.
    public var clockMinutes: Int

    /// Longer extents are all alike (the longest a value spans is a millennium, 365,243 days).
    public static let maximumExtent = (1 << 20) - 1
    /// The largest clock time kept apart (a malformed `T99:99` sorts with it).
    static let maximumClockMinutes = (1 << 11) - 2

    /// The key of an entry whose (modifier-adjusted) days are `start`...`end`, with the
    /// expression's modifier and TIMEX3 value (for its clock time).
    public init(start: CivilDate, end: CivilDate, mod: TimexMod?, value: String) {
        let first = start.dayNumber
        let last = max(first, end.dayNumber)
        switch mod {
        case .start?: day = first
        case .mid?: day = first + (last - first) / 2
        case .end?: day = last
        default: day = first
        }
        extent = min(last - first, Self.maximumExtent)
        part = mod == .start || mod == .mid || mod == .end
        clockMinutes = min(Self.clockMinutes(value), Self.maximumClockMinutes)
    }

    /// The key of `entry`, an entry of `expression`.
    public init(_ entry: TimelineEntry, of expression: TimeExpression) {
        self.init(start: entry.start, end: entry.end, mod: expression.mod, value: expression.value)
    }

    public static func < (a: TimelineOrderKey, b: TimelineOrderKey) -> Bool {
        if a.day != b.day { return a.day < b.day }
        if a.extent != b.extent { return a.extent > b.extent }  // the containing period first
        if a.part != b.part { return !a.part }  // the whole before a part of it
        return a.clockMinutes < b.clockMinutes
    }

    /// The key as one integer in the same order, for the index's `ORDER BY`: the day above
    /// 32 bits, then the extent reversed (20 bits), the part flag (1 bit) and the clock time
    /// plus one (11 bits). Days run from year 0 to 9999, far inside 64 bits.
    public var packed: Int64 {
        let low = (Self.maximumExtent - extent) << 12 | (part ? 1 : 0) << 11 | (clockMinutes + 1)
        return Int64(day) * (1 << 32) + Int64(low)
    }

    /// Minutes into the day of a `...THH:MM` value (parts of day at their usual hours), or -1.
    static func clockMinutes(_ value: String) -> Int {
        var utf8 = value.utf8.makeIterator()
        while let c = utf8.next(), c != 0x54 {}  // up to `T`
        guard let a = utf8.next(), let b = utf8.next() else { return -1 }
        switch (a, b) {
        case (0x4D, 0x4F): return 8 * 60  // MO
        case (0x41, 0x46): return 14 * 60  // AF
        case (0x45, 0x56): return 19 * 60  // EV
        case (0x4E, 0x49): return 22 * 60  // NI
        case (0x44, 0x54): return 12 * 60  // DT
        default:
            guard (0x30...0x39).contains(a), (0x30...0x39).contains(b) else { return -1 }
            var minutes = (Int(a - 0x30) * 10 + Int(b - 0x30)) * 60
            if utf8.next() == 0x3A, let c = utf8.next(), let d = utf8.next(), (0x30...0x39).contains(c),
                (0x30...0x39).contains(d)
            {
                minutes += Int(c - 0x30) * 10 + Int(d - 0x30)
            }
            return minutes
        }
    }
}
