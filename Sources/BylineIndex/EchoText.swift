import BylineCore
import Foundation

/// A quotation's words as echoes compare them: what two outlets print differently when they
/// quote the same words does not count.
///
/// - Case, diacritics, punctuation and quotation marks (straight or curly) are not words;
///   apostrophes inside a word are dropped (`don’t` = `don't` = `dont`), a hyphen separates
///   (`commander-in-chief` = `commander in chief`), and digit groups join (`1,000` = `1000`).
/// - An elision (`…`, `...`, `. . .`, `[...]`) and a bracketed insertion (`[the mayor]`, which
///   stands for words the outlet left out) are gaps: the words on either side must match, but
///   not the words between. Words are hashed (32 bits; a gap is 0).
///
/// Two quotations in different articles echo each other when all the words of one appear in
/// the other, in order, each run between gaps unbroken (`contains`). A fragment must be long
/// enough to say something of its own: a quotation echoes only with `minimumWords` words or
/// more. Measured on 9,400 quotations of 924 US political news articles (the shared PolNeAR
/// data, by a script, not in the project), containments of 3 and 4 words are mostly slogans and
/// idioms found in unrelated quotations (556 pairs), 5 words still some coincidences (2 of 13
/// pairs: a common clause inside an unrelated quotation), and from 6 words on almost every
/// containment is the same person's words reprinted (125 pairs). So `"we will not back down"`
/// (five words) inside two unrelated quotations is no echo, while a six-word run is one only
/// when a whole quotation of six words or more lies in the other, never a shared phrase alone.
public struct EchoWords: Sendable, Equatable {
    /// Word hashes in order; `EchoWords.gap` between the runs an elision or insertion separates.
    public let hashes: [UInt32]

    /// The fewest words (gaps not counted) of a quotation that takes part in echoes.
    public static let minimumWords = 6
    /// Words per shingle: the index finds candidate echoes through shared runs of this many
    /// words, so an elided quotation needs one unbroken run at least this long.
    public static let shingleWords = 4
    /// Marks an elision or a bracketed insertion.
    public static let gap: UInt32 = 0
    /// Bump when the words, shingles or the echo rule change: indexes compute their echoes again.
    public static let version = 1

    public init(hashes: [UInt32]) {
        self.hashes = hashes
    }

    /// The words of a quotation's text (its parts joined by newlines, as the index keeps it).
    public init(_ text: String) {
        hashes = EchoWords.hashes(of: text)
    }

    /// How many words, gaps not counted.
    public var wordCount: Int { hashes.reduce(0) { $0 + ($1 == EchoWords.gap ? 0 : 1) } }

    /// The runs of words between gaps.
    public var runs: [ArraySlice<UInt32>] {
        hashes.split(separator: EchoWords.gap, omittingEmptySubsequences: true)
    }

    /// Whether the quotation is long enough to echo and can be found: `minimumWords` words
    /// and one run of `shingleWords`.
    public var canEcho: Bool {
        wordCount >= EchoWords.minimumWords && runs.contains { $0.count >= EchoWords.shingleWords }
    }

    /// Every run of `shingleWords` words inside a run, hashed, without repeats, sorted. Whoever
    /// contains this quotation holds each of them.
    public var shingles: [Int64] {
        var found = Set<Int64>()
        for run in runs where run.count >= EchoWords.shingleWords {
            var start = run.startIndex
            while start + EchoWords.shingleWords <= run.endIndex {
                found.insert(EchoWords.shingle(run[start..<(start + EchoWords.shingleWords)]))
                start += 1
            }
        }
        return found.sorted()
    }

    /// Whether every word of `other` appears here in order, each of its runs unbroken inside
    /// one of these runs (a gap here stands for unknown words, so a run of `other` may not
    /// cross it: no word hashes to a gap, so an equal stretch holds none). Equal words contain
    /// each other.
    public func contains(_ other: EchoWords) -> Bool {
        let mine = hashes
        let theirs = other.hashes
        var from = 0
        var runStart = 0
        while runStart < theirs.count {
            var runEnd = runStart
            while runEnd < theirs.count, theirs[runEnd] != EchoWords.gap { runEnd += 1 }
            let length = runEnd - runStart
            var at = from
            var found = false
            while at + length <= mine.count {
                if mine[at] == theirs[runStart], mine[at..<(at + length)].elementsEqual(theirs[runStart..<runEnd]) {
                    found = true
                    break
                }
                at += 1
            }
            if !found { return false }
            from = at + length
            runStart = runEnd + 1
        }
        return true
    }

    /// Whether the two are echoes of each other: both long enough, and one contains the other.
    public func echoes(_ other: EchoWords) -> Bool {
        canEcho && other.canEcho && (contains(other) || other.contains(self))
    }

    // MARK: Encoding (the index keeps the hashes as a blob, four bytes each, little-endian)

    public var encoded: Data {
        var data = Data(capacity: hashes.count * 4)
        for hash in hashes { withUnsafeBytes(of: hash.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    public init?(encoded data: Data) {
        guard data.count % 4 == 0 else { return nil }
        var hashes: [UInt32] = []
        hashes.reserveCapacity(data.count / 4)
        data.withUnsafeBytes { raw in
            for i in stride(from: 0, to: raw.count, by: 4) {
                hashes.append(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt32.self)))
            }
        }
        self.hashes = hashes
    }

    // MARK: Internals

    static func shingle(_ words: ArraySlice<UInt32>) -> Int64 {
        var h = FNV1a.offsetBasis
        for word in words {
            for shift in stride(from: 0, to: 32, by: 8) { h = FNV1a.step(h, UInt64((word >> UInt32(shift)) & 0xFF)) }
        }
        return Int64(bitPattern: h)
    }

    /// The hashes of the words of `text`, with gaps (never two in a row, none at either end).
    static func hashes(of text: String) -> [UInt32] {
        // Folded once: most quotations are ASCII, which lowercased() does fast.
        let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased()
            : text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let s = Array(folded.unicodeScalars)
        var hashes: [UInt32] = []
        var word = FNV1a.offsetBasis
        var inWord = false

        func endWord() {
            guard inWord else { return }
            let folded = UInt32(truncatingIfNeeded: word ^ (word >> 32))
            hashes.append(folded == gap ? 1 : folded)
            word = FNV1a.offsetBasis
            inWord = false
        }
        func addGap() {
            endWord()
            if let last = hashes.last, last != gap { hashes.append(gap) }
        }

        var i = 0
        while i < s.count {
            let c = s[i]
            if ScalarClass.isAlphanumeric(c) {
                word = FNV1a.step(word, UInt64(c.value))
                inWord = true
            } else if isApostrophe(c) || (inWord && c.value >= 0x300 && c.properties.generalCategory == .nonspacingMark) {
                // Inside a word (or before one): not a break, not a letter.
            } else if c == "\u{2026}" {
                addGap()
            } else if c == "." || c == ",", inWord, i > 0, ScalarClass.isDigit(s[i - 1]), i + 1 < s.count,
                      ScalarClass.isDigit(s[i + 1]) {
                // A digit group or a decimal point: 1,000 and 3.5 stay one word.
            } else if c == ".", let end = ellipsisEnd(s, i) {
                addGap()
                i = end
                continue
            } else if c == "[", let close = closingBracket(s, i) {
                addGap()
                i = close + 1
                continue
            } else {
                endWord()
            }
            i += 1
        }
        endWord()
        if hashes.last == gap { hashes.removeLast() }
        return hashes
    }

    private static func isApostrophe(_ c: Unicode.Scalar) -> Bool {
        c == "'" || c == "\u{2019}" || c == "\u{2018}" || c == "\u{02BC}"
    }

    /// Three or more periods, perhaps spaced (`...`, `. . .`): the index after them.
    private static func ellipsisEnd(_ s: [Unicode.Scalar], _ start: Int) -> Int? {
        var i = start
        var periods = 0
        while i < s.count {
            if s[i] == "." {
                periods += 1
                i += 1
            } else if s[i] == " ", i + 1 < s.count, s[i + 1] == ".", periods > 0 {
                i += 1
            } else {
                break
            }
        }
        return periods >= 3 ? i : nil
    }

    /// The `]` closing a bracket near `start`: an insertion is a few words. An unclosed or
    /// nested bracket is punctuation.
    private static func closingBracket(_ s: [Unicode.Scalar], _ start: Int) -> Int? {
        var i = start + 1
        while i < s.count, i - start <= 120 {
            if s[i] == "]" { return i }
            if s[i] == "[" || s[i] == "\n" { return nil }
            i += 1
        }
        return nil
    }
}
