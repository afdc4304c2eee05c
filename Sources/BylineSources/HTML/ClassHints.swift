/// What an element's `class` and `id` say about it, as Readability and trafilatura read them:
/// names such as `comment`, `share-bar` or `related` mark what is never the article; names such
/// as `article-body` or `entry-content` mark where it is.
struct ClassHints: OptionSet, Sendable {
    let rawValue: UInt8

    /// Never the article (navigation, comments, share bars, related links, ads, cookie banners):
    /// dropped before scoring unless the name also says `maybe`.
    static let unlikely = ClassHints(rawValue: 1 << 0)
    /// Names that rescue an unlikely one (`article-footer` keeps `article`).
    static let maybe = ClassHints(rawValue: 1 << 1)
    /// Lowers a candidate's score.
    static let negative = ClassHints(rawValue: 1 << 2)
    /// Raises a candidate's score.
    static let positive = ClassHints(rawValue: 1 << 3)
    /// The usual names of the article body's own container (`article-body`, `entry-content`).
    static let articleBody = ClassHints(rawValue: 1 << 4)
    /// Author and date lines (`byline`, `author`, `dateline`): metadata, not body text.
    static let byline = ClassHints(rawValue: 1 << 5)
    /// Always-removed furniture, even in the loosest pass (comments, share bars, cookie
    /// notices, related links, newsletter boxes).
    static let furniture = ClassHints(rawValue: 1 << 6)

    /// The hints of an attribute value (UTF-8 bytes).
    static func of(_ value: ArraySlice<UInt8>) -> ClassHints {
        ClassHintMatcher.shared.match(value)
    }
}

/// Keyword matching over class and id values. A value is read as words: lowercased, split at
/// anything but letters and digits and where a lowercase letter meets an uppercase one
/// (`relatedLinks` is `related links`). A keyword written `|ad|` must be a whole word; one
/// without bars matches inside a word (`comment` in `commentlist`). All keywords are matched in
/// one pass over the value (an Aho–Corasick automaton over 37 symbols: a word boundary, letters,
/// digits), so the cost per element is one table step per byte of its class and id.
struct ClassHintMatcher: Sendable {
    static let shared = ClassHintMatcher(keywords: ClassHintMatcher.keywords)

    private static let boundary = 0
    private static let symbols = 37

    /// The keyword table. Sources: Readability's unlikelyCandidates, okMaybeItsACandidate,
    /// positive and negative patterns, and trafilatura's discard and body selectors.
    static let keywords: [(String, ClassHints)] = {
        var list: [(String, ClassHints)] = []
        func add(_ hints: ClassHints, _ words: [String]) { for w in words { list.append((w, hints)) } }
        // Furniture: removed in every pass.
        add([.unlikely, .negative, .furniture], [
            "comment", "disqus", "|replies|", "respond", "share", "sharing", "sharethis", "addthis", "social",
            "related", "recommend", "outbrain", "taboola", "newsletter", "subscribe", "subscription", "signup",
            "|sign|up|", "cookie", "consent", "gdpr", "paywall", "popup", "modal", "breadcrumb", "pagination",
            "|pager|", "most|popular", "mostpopular", "|most|read|", "mostread", "trending", "|tags|", "taglist",
            "|tag|list|", "tagcloud", "|tag|cloud|", "advert", "|ad|", "|ads|", "adslot", "|ad|slot|", "adunit",
            "|ad|unit|", "adsense", "|ad|container|", "|ad|wrapper|", "|dfp|", "|gpt|ad|", "sponsor", "promo",
            "skyscraper", "|skip|", "toolbar", "|print|only|", "|login|", "|read|more|", "readmore", "|see|also|",
            "|more|stories|", "|more|articles|", "|more|news|", "|next|article|", "|prev|", "|next|post|",
            "|yom|remote|", "|rss|", "shoutbox", "agegate", "|nav|", "navbar", "navigation", "|menu|", "menubar",
            "sidebar", "masthead", "|banner|", "|footer|", "sitefooter", "|site|footer|", "|page|footer|",
            "|site|header|", "siteheader", "|page|header|", "|global|header|", "|top|bar|", "topbar",
            "|widget|", "|widgets|", "|teaser|", "|teasers|", "|carousel|", "|slider|", "|author|box|",
            "|author|bio|", "authorbio", "|about|the|author|", "|bio|", "|visually|hidden|",
            "|sr|only|", "|screen|reader|", "|screenreader|", "|offscreen|",
        ])
        // Unlikely in the strict pass only.
        add([.unlikely, .negative], [
            "ai2html", "combx", "community", "|cover|wrap|", "extra", "footer", "header", "legends", "menu", "remark",
            "supplemental", "pager", "|aside|", "|rail|", "|right|col|", "|left|col|", "|sidebar|",
        ])
        add([.negative], [
            "|hid|", "|hidden|", "|com|", "contact", "|media|", "|meta|", "scroll", "shopping", "|caption|", "|credit|",
            "|credits|", "|figcaption|", "|photo|credit|", "|image|credit|",
        ])
        add([.byline, .negative], [
            "byline", "|author|", "|authors|", "|author|name|", "authorname", "dateline", "|timestamp|",
            "|publish|date|", "|pub|date|", "|post|date|", "postmeta", "|post|meta|", "entry|meta", "|article|meta|",
            "|article|info|",
        ])
        add([.maybe], ["and", "column", "shadow"])
        add([.maybe, .positive], ["article", "body", "content", "main", "story", "entry", "hentry", "|h|entry|",
                                  "|post|", "|text|", "blog", "|page|"])
        add([.maybe, .positive, .articleBody], [
            "articlebody", "|article|body|", "|article|content|", "articlecontent", "|article|text|", "articletext",
            "|article|main|", "|entry|content|", "entrycontent", "|entry|body|", "|entry|text|", "|post|content|",
            "postcontent", "|post|body|", "postbody", "|post|text|", "posttext", "|post|entry|", "|story|body|",
            "storybody", "|story|content|", "storycontent", "|story|text|", "storytext", "|body|text|", "bodytext",
            "|text|body|", "|main|text|", "|article|copy|", "|body|copy|", "bodycopy", "|rich|text|", "richtext",
            "|node|body|", "|field|body|", "|item|page|", "|blog|post|", "|single|post|", "|main|content|",
            "maincontent", "|page|content|", "|news|text|", "|news|body|", "|news|content|", "|content|body|",
            "|content|text|", "|article|detail|", "|articlecontent|", "|art|content|", "|entry|",
        ])
        return list
    }()

    private let transitions: [Int16]
    private let outputs: [ClassHints]

    init(keywords: [(String, ClassHints)]) {
        // The trie.
        var next: [[Int16]] = [[Int16](repeating: -1, count: Self.symbols)]
        var out: [ClassHints] = [[]]
        for (word, hints) in keywords {
            var state = 0
            for byte in word.utf8 {
                let symbol = Self.symbol(of: byte)
                if next[state][symbol] < 0 {
                    next.append([Int16](repeating: -1, count: Self.symbols))
                    out.append([])
                    next[state][symbol] = Int16(next.count - 1)
                }
                state = Int(next[state][symbol])
            }
            out[state].formUnion(hints)
        }
        // Failure links, breadth first, completing the transitions into a full automaton.
        var fail = [Int](repeating: 0, count: next.count)
        var queue: [Int] = []
        for symbol in 0..<Self.symbols {
            if next[0][symbol] < 0 {
                next[0][symbol] = 0
            } else {
                queue.append(Int(next[0][symbol]))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            out[state].formUnion(out[fail[state]])
            for symbol in 0..<Self.symbols {
                let child = next[state][symbol]
                if child < 0 {
                    next[state][symbol] = next[fail[state]][symbol]
                } else {
                    fail[Int(child)] = Int(next[fail[state]][symbol])
                    queue.append(Int(child))
                }
            }
        }
        transitions = next.flatMap { $0 }
        outputs = out
    }

    /// A byte of a keyword or a value as a symbol: letters and digits, anything else a boundary.
    private static func symbol(of byte: UInt8) -> Int {
        switch byte {
        case 0x61...0x7A: return Int(byte - 0x61) + 1
        case 0x41...0x5A: return Int(byte - 0x41) + 1
        case 0x30...0x39: return Int(byte - 0x30) + 27
        default: return boundary
        }
    }

    /// The hints of a value.
    func match(_ value: ArraySlice<UInt8>) -> ClassHints {
        var found: ClassHints = []
        transitions.withUnsafeBufferPointer { table in
            outputs.withUnsafeBufferPointer { outputs in
                var state = Int(table[Self.boundary])
                var previousWasLower = false
                for byte in value {
                    let isUpper = byte >= 0x41 && byte <= 0x5A
                    if isUpper && previousWasLower {
                        state = Int(table[state * Self.symbols + Self.boundary])
                        found.formUnion(outputs[state])
                    }
                    previousWasLower = byte >= 0x61 && byte <= 0x7A
                    state = Int(table[state * Self.symbols + Self.symbol(of: byte)])
                    found.formUnion(outputs[state])
                }
                state = Int(table[state * Self.symbols + Self.boundary])
                found.formUnion(outputs[state])
            }
        }
        return found
    }
}
