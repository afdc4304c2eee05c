import Foundation

/// Matches a user's speaker query (`--speaker Daalder`, the reader's speaker picker) against a
/// speaker: case- and diacritic-insensitive, on the name, an alias or the description, or on
/// every word of the query appearing among the name's words.
public struct SpeakerQuery: Sendable {
    public let raw: String
    private let folded: String
    private let words: [String]

    public init(_ raw: String) {
        self.raw = raw
        folded = SpeakerQuery.fold(raw)
        words = folded.split(separator: " ").map(String.init)
    }

    public var isEmpty: Bool { words.isEmpty }

    public func matches(_ speaker: Speaker) -> Bool {
        if words.isEmpty { return true }
        let names = [speaker.name] + speaker.aliases
        for name in names {
            let f = SpeakerQuery.fold(name)
            if f == folded { return true }
            let nameWords = Set(f.split(separator: " ").map(String.init))
            if words.allSatisfy(nameWords.contains) { return true }
        }
        if let d = speaker.description, SpeakerQuery.fold(d) == folded { return true }
        return false
    }

    /// Narrowing as the user types: every query word is a prefix of some word of the
    /// name, aliases or description.
    public func prefixMatches(_ speaker: Speaker) -> Bool {
        if words.isEmpty { return true }
        let haystack = ([speaker.name] + speaker.aliases + [speaker.description ?? ""])
            .flatMap { SpeakerQuery.fold($0).split(separator: " ") }
        return words.allSatisfy { w in haystack.contains { $0.hasPrefix(w) } }
    }

    /// Lower case, diacritics dropped, punctuation (but hyphens and apostrophes inside names)
    /// turned into spaces.
    static func fold(_ s: String) -> String {
        var out = ""
        for scalar in s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars {
            if ScalarClass.isAlphanumeric(scalar) || scalar == "-" || scalar == "'" {
                out.unicodeScalars.append(scalar)
            } else if scalar == "\u{2019}" {
                out += "'"
            } else {
                out += " "
            }
        }
        return out.split(separator: " ").joined(separator: " ")
    }
}
