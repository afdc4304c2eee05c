/// The instant an article was published, as Byline keeps it: RFC 3339 in UTC to the second
/// (`2024-03-05T15:00:00Z`). One fixed width and zone, so comparing the strings compares the
/// instants (in the index too). `PublicationDate` (BylineSources) computes it from what a
/// source writes; this only writes the canonical form and checks a stored one.
public enum PublishedTime {
    /// The canonical string for `seconds` past midnight UTC of `day` (any number of seconds,
    /// negative too: the day is carried).
    public static func canonical(day: CivilDate, seconds: Int) -> String {
        let dayOffset = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let second = seconds - dayOffset * 86_400
        let utcDay = CivilDate(dayNumber: day.dayNumber + dayOffset)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(utcDay.iso)T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))Z"
    }

    /// Seconds since 1970-01-01T00:00:00Z of a canonical instant; nil for any other string. The
    /// inverse of `canonical`.
    public static func secondsSince1970(_ instant: String) -> Int? {
        guard isCanonical(instant), let day = CivilDate(iso: String(instant.prefix(10))) else { return nil }
        let bytes = Array(instant.utf8)
        func two(_ at: Int) -> Int { Int(bytes[at] - 0x30) * 10 + Int(bytes[at + 1] - 0x30) }
        return day.dayNumber * 86_400 + two(11) * 3600 + two(14) * 60 + two(17)
    }

    /// Whether `string` is a canonical instant (`YYYY-MM-DDTHH:MM:SSZ`, a real day and time).
    public static func isCanonical(_ string: String) -> Bool {
        let bytes = Array(string.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
              CivilDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)) != nil
        else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for k in range {
                guard bytes[k] >= 0x30, bytes[k] <= 0x39 else { return nil }
                n = n * 10 + Int(bytes[k] - 0x30)
            }
            return n
        }
        guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19) else { return false }
        return hour < 24 && minute < 60 && second < 60
    }
}
