import Foundation

/// Names folded for comparison, the one definition for the `--speaker` query, the reader's
/// filter, picker and colours, and the index's merge of speakers across articles: lower case,
/// no diacritics, punctuation (but hyphens and apostrophes inside names) as single spaces.
/// `Qassim al-Aaraji`, `QASSIM AL-AARAJI` and `Qassim  al-Aaraji.` all fold to `qassim al-aaraji`.
public enum NameFolding {
    public static func fold(_ name: String) -> String {
        // Most names are ASCII: lower-case them without Foundation's slower folding.
        let source = name.utf8.allSatisfy { $0 < 0x80 } ? name.lowercased()
            : name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in source.unicodeScalars {
            let kept: Unicode.Scalar
            if ScalarClass.isAlphanumeric(scalar) || scalar == "-" || scalar == "'" {
                kept = scalar
            } else if scalar == "\u{2019}" {
                kept = "'"
            } else if scalar.properties.generalCategory == .nonspacingMark {
                // A combining mark that folding leaves (a virama) belongs to its word: not a break.
                continue
            } else {
                pendingSpace = true
                continue
            }
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(kept)
        }
        return String(out)
    }

    /// The folded words of a name.
    public static func words(_ name: String) -> [String] { fold(name).split(separator: " ").map(String.init) }

    /// The words a name is compared by: for a person, without a title in front (`Mr.`,
    /// `President`, `U.S. Ambassador`) while a word remains, so `President Trump` is compared as
    /// `trump`. A title is what the name finder takes for one: a leading run of titles and
    /// words qualifying them (`Lexicon`) that holds a title. Its words are looked up as
    /// written: folding would split `U.S.` at its periods.
    public static func words(_ name: String, person: Bool) -> [String] {
        guard person else { return words(name) }
        let pieces = name.split(whereSeparator: { $0.isWhitespace })
        let folded = pieces.map { words(String($0)) }
        var titleEnd = 0
        var holdsTitle = false
        while titleEnd < pieces.count - 1, case let classes = Lexicon.titleClasses(pieces[titleEnd]), !classes.isEmpty,
              folded[(titleEnd + 1)...].contains(where: { !$0.isEmpty }) {
            if classes.contains(.title) { holdsTitle = true }
            titleEnd += 1
        }
        return Array(folded[(holdsTitle ? titleEnd : 0)...].joined())
    }
}

/// A name folded once (`NameFolding.fold`), and its words: the filter and the picker compare
/// thousands of speakers on a large article, and folding is too slow to redo for every key.
public struct NameKey: Hashable, Sendable {
    public let folded: String
    public let words: [String]

    public init(_ text: String) {
        folded = NameFolding.fold(text)
        words = folded.split(separator: " ").map(String.init)
    }
}
