import BylineCore
import Foundation

/// A name folded for matching — lower case, without diacritics, punctuation (but hyphens and
/// apostrophes inside names) as spaces, single spaces — and its words. The same rules as
/// `SpeakerQuery`, worked out once per name: the filter and the picker ask for thousands of
/// speakers on a large article, and Foundation's folding is too slow to redo every key.
public struct NameKey: Hashable, Sendable {
    public let folded: String
    public let words: [String]

    public init(_ text: String) {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func append(_ piece: String) {
            if pendingSpace, !out.isEmpty { out += " " }
            pendingSpace = false
            out += piece
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A {
                    append(String(UnicodeScalar(UInt8(v + 32))))
                } else if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || v == 0x2D || v == 0x27 {
                    append(String(UnicodeScalar(UInt8(v))))
                } else {
                    pendingSpace = true
                }
            } else if v == 0x2019 {
                append("'")
            } else if ScalarClass.isAlphanumeric(scalar) {
                append(String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil))
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue  // a combining accent: folded away
            } else {
                pendingSpace = true
            }
        }
        folded = out
        words = out.split(separator: " ").map(String.init)
    }
}

/// A speaker's names folded once, for the filter.
public struct SpeakerKeys: Hashable, Sendable {
    /// The name, then the aliases.
    public let names: [NameKey]
    public let description: NameKey?

    public init(name: String, aliases: [String], description: String?) {
        names = ([name] + aliases).map(NameKey.init)
        self.description = description.map(NameKey.init)
    }

    public init(_ speaker: Speaker) { self.init(name: speaker.name, aliases: speaker.aliases, description: speaker.description) }

    /// Every word of the names and the description (what the picker narrows on).
    public var allWords: [String] { names.flatMap(\.words) + (description?.words ?? []) }
}
