import BylineCore
import Foundation

/// One article's speaker, as the cross-article merge sees it. The folded forms are computed
/// once, so a long-lived caller (the index updater) can keep inputs and merge again cheaply;
/// they sit behind one reference, so copying an input costs no more than copying a pointer.
public struct SpeakerMergeInput: Sendable {
    /// Any identity of the article (an index in a list, a database id).
    public internal(set) var article: Int
    /// The speaker's position in its article (`Speaker.id`).
    public let ordinal: Int
    let names: FoldedNames

    public var name: String { names.name }
    public var kind: SpeakerKind { names.kind }
    public var description: String? { names.description }
    public var aliases: [String] { names.aliases }

    var nameKey: String { names.nameKey }
    var nameWordCount: Int { names.nameWordCount }
    var lastWord: String { names.lastWord }
    var endings: [String] { names.endings }
    var aliasKeys: [String] { names.aliasKeys }
    var descriptionKey: String? { names.descriptionKey }

    public init(article: Int, ordinal: Int, name: String, kind: SpeakerKind, description: String?, aliases: [String]) {
        self.article = article
        self.ordinal = ordinal
        names = FoldedNames(name: name, kind: kind, description: description, aliases: aliases)
    }

    public init(_ speaker: Speaker, article: Int) {
        self.init(article: article, ordinal: speaker.id, name: speaker.name, kind: speaker.kind,
                  description: speaker.description, aliases: speaker.aliases)
    }
}

/// A speaker's names as given and as compared.
final class FoldedNames: Sendable {
    let name: String
    let kind: SpeakerKind
    let description: String?
    let aliases: [String]
    /// The name folded into words (`NameFolding.words(_:person:)`: lower case, no diacritics, no
    /// title): `ivo daalder`.
    let nameKey: String
    let nameWordCount: Int
    /// The last word, and the endings of two or more words shorter than the name, shortest
    /// first (`ivo h daalder` → `h daalder`).
    let lastWord: String
    let endings: [String]
    /// One per alias, folded like the name (empty when an alias folds to nothing).
    let aliasKeys: [String]
    let descriptionKey: String?

    init(name: String, kind: SpeakerKind, description: String?, aliases: [String]) {
        self.name = name
        self.kind = kind
        self.description = description
        self.aliases = aliases
        let isPerson = kind == .person
        let words = NameFolding.words(name, person: isPerson)
        nameKey = words.joined(separator: " ")
        nameWordCount = words.count
        lastWord = words.last ?? ""
        endings = words.count > 2 ? (2..<words.count).map { words[(words.count - $0)...].joined(separator: " ") } : []
        aliasKeys = aliases.map { NameFolding.words($0, person: isPerson).joined(separator: " ") }
        descriptionKey = description.map { NameFolding.fold($0) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// A library speaker: the inputs merged into one, with the name, kind, description and
/// aliases shown for the group.
public struct MergedSpeaker: Sendable, Equatable {
    /// Names the group: equal keys mean one speaker. Stable while the group's root name stays.
    public var key: String
    public var name: String
    public var kind: SpeakerKind
    public var description: String?
    /// Other names the group's members go by, sorted.
    public var aliases: [String]
    /// Indices into the inputs, in input order.
    public var members: [Int]
}

/// Merges the speakers of many articles into the speakers of a library.
///
/// Rules, in order (the result does not depend on the order of the inputs):
/// 1. `anonymous`: an unnamed source (`a senior official`) is never merged across articles.
/// 2. Same name: named speakers whose folded names are equal are one (`Ivo Daalder` in five
///    articles). Case, diacritics, punctuation, honorifics and leading titles (`Mr.`,
///    `President`, `U.S. Ambassador`) do not count.
/// 3. Longer name: a person whose name of three or more words ends with another person's name
///    of two or more words is that person (`Hong Kong Carrie Lam` is `Carrie Lam`, `Robert
///    Hunter Biden` is `Hunter Biden`): a first and a last name identify someone, the words
///    before them are titles or places.
/// 4. Surname alone: a person named by one word (`Daalder`, `Biden`) joins the person whose
///    longer names end with that word, when there is exactly one. Two people who share the
///    surname (`Joe Biden`, `Hunter Biden`) are never merged with each other, and a `Biden`
///    alone then joins one of them only when its description matches exactly one; else it
///    stays apart, as one speaker per article (within an article, the analysis already
///    decided who it is).
/// 5. Alias: a name given as an alias by exactly one group of the same kind (`NATO` for
///    `North Atlantic Treaty Organization`) joins that group.
public enum SpeakerMerge {
    /// Bump when the rules change: indexes merge their speakers again. (3: a person's title is
    /// the name finder's, `NameFolding.words(_:person:)`.)
    static let version = 3

    public static func merge(_ inputs: [SpeakerMergeInput]) -> [MergedSpeaker] {
        let keys = self.keys(inputs)
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (index, key) in keys.enumerated() {
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(index)
        }
        return order.map { summarize(key: $0, members: members[$0]!, inputs: inputs) }
    }

    /// The group key of each input.
    public static func keys(_ inputs: [SpeakerMergeInput]) -> [String] {
        var personNames = Set<String>()
        var aliasOwners: [String: Set<String>] = [:]  // "kind|alias" → names that give it
        for input in inputs where input.kind != .anonymous && !input.nameKey.isEmpty {
            for alias in input.aliasKeys where !alias.isEmpty && alias != input.nameKey {
                aliasOwners[input.kind.rawValue + "|" + alias, default: []].insert(input.nameKey)
            }
            if input.kind == .person { personNames.insert(input.nameKey) }
        }

        // Rule 3: the root of a name of two or more words is its shortest ending of two or
        // more words that is itself a person's name.
        var roots: [String: String] = [:]
        var rootsByLastWord: [String: Set<String>] = [:]
        for input in inputs where input.kind == .person && input.nameWordCount > 1 && roots[input.nameKey] == nil {
            let root = input.endings.first(where: personNames.contains) ?? input.nameKey
            roots[input.nameKey] = root
            rootsByLastWord[input.lastWord, default: []].insert(root)
        }

        // Rule 4: a one-word name joins the only root with that last word.
        var ambiguous: [String: Set<String>] = [:]
        for name in personNames where roots[name] == nil {
            let candidates = rootsByLastWord[name] ?? []
            switch candidates.count {
            case 0: roots[name] = name
            case 1: roots[name] = candidates.first!
            default: ambiguous[name] = candidates
            }
        }

        // Descriptions by root, to settle an ambiguous short name.
        var descriptionsByRoot: [String: Set<String>] = [:]
        for input in inputs where input.kind == .person {
            if let root = roots[input.nameKey], let d = input.descriptionKey {
                descriptionsByRoot[root, default: []].insert(d)
            }
        }

        func aliasRoot(_ input: SpeakerMergeInput) -> String? {
            guard let owners = aliasOwners[input.kind.rawValue + "|" + input.nameKey] else { return nil }
            let groups = Set(owners.map { roots[$0] ?? $0 }).subtracting([input.nameKey])
            return groups.count == 1 ? groups.first : nil
        }

        return inputs.map { input in
            if input.kind == .anonymous || input.nameKey.isEmpty {
                return "anonymous:\(input.article):\(input.ordinal)"
            }
            if input.kind == .person, let candidates = ambiguous[input.nameKey] {
                if let d = input.descriptionKey {
                    let matching = candidates.filter { descriptionsByRoot[$0]?.contains(d) == true }
                    if matching.count == 1 { return "name:" + matching.first! }
                }
                return "ambiguous:\(input.nameKey):\(input.article)"
            }
            if input.kind == .person, let root = roots[input.nameKey], root != input.nameKey {
                return "name:" + root
            }
            if let root = aliasRoot(input) {
                return "name:" + root
            }
            return "name:" + input.nameKey
        }
    }

    /// The shown name (the commonest spelling of the root name), kind, description and aliases.
    static func summarize(key: String, members: [Int], inputs: [SpeakerMergeInput]) -> MergedSpeaker {
        let group = members.map { inputs[$0] }
        let rootKey = key.hasPrefix("name:") ? String(key.dropFirst(5)) : nil
        // The root's own spelling, else the commonest name of several words, else any.
        let rootForms = group.filter { $0.nameKey == rootKey }
        let fullForms = rootForms.isEmpty ? group.filter { $0.nameWordCount > 1 } : rootForms
        let name = mostCommon((fullForms.isEmpty ? group : fullForms).map(\.name)) ?? group[0].name
        let kind = mostCommon(group.map(\.kind.rawValue)).flatMap(SpeakerKind.init(rawValue:)) ?? group[0].kind
        let description = mostCommon(group.compactMap(\.description))
        // Every other spelling once (by its folded form), sorted.
        var spellings: [String: String] = [:]
        for input in group {
            for (spelling, folded) in zip([input.name] + input.aliases, [input.nameKey] + input.aliasKeys) where !folded.isEmpty {
                if let known = spellings[folded], known <= spelling { continue }
                spellings[folded] = spelling
            }
        }
        spellings[NameFolding.words(name, person: kind == .person).joined(separator: " ")] = nil
        let aliases = spellings.values.sorted()
        return MergedSpeaker(key: key, name: name, kind: kind, description: description, aliases: aliases,
                             members: members)
    }

    /// The most frequent value; ties go to the smallest, so the result is stable.
    private static func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
    }
}
