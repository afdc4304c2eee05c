import BylineCore
import Foundation

/// When an article appeared, as it is shown to the person reading: the day and time of its
/// instant of publication in their time zone, when the source gave a time
/// (`LibraryArticle.published`); else the date as written, with no time. The reader's echoes
/// and `byline echoes` both show it.
public struct PublicationMoment: Sendable, Hashable {
    public var date: CivilDate
    /// Minutes past midnight of `date`; nil when only the date is known.
    public var minutes: Int?

    public init(date: CivilDate, minutes: Int? = nil) {
        self.date = date
        self.minutes = minutes
    }

    /// Nil for an undated article.
    public init?(_ article: LibraryArticle, in zone: DisplayZone) {
        if let published = article.published, let instant = PublishedTime.secondsSince1970(published) {
            let local = instant + zone.secondsFromUTC(at: instant)
            let day = local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400)
            self.init(date: CivilDate(dayNumber: day), minutes: (local - day * 86_400) / 60)
        } else if let date = article.date {
            self.init(date: date)
        } else {
            return nil
        }
    }

    /// `HH:MM`, when the time is known.
    public var time: String? {
        minutes.map { minutes in
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
            return "\(two(minutes / 60)):\(two(minutes % 60))"
        }
    }
}

/// The time zone instants are shown in: the system's (`TZ`), or one named. It keeps Foundation's
/// `TimeZone` out of the modules that draw (`BylineUI` holds one of these).
public struct DisplayZone: Sendable, Hashable {
    let zone: TimeZone

    public static var current: DisplayZone { DisplayZone(zone: .current) }

    /// A zone by its IANA name (`Europe/Paris`); nil when the name is unknown.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.zone = zone
    }

    init(zone: TimeZone) {
        self.zone = zone
    }

    /// The zone's offset from UTC at an instant (seconds since 1970), summer time included.
    func secondsFromUTC(at instant: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }
}
