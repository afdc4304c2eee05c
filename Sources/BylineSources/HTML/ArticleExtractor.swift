import Foundation

/// Finds the article inside a web page, the way Mozilla Readability and trafilatura do:
///
/// 1. Prune what is never the article: navigation, headers and footers, asides, hidden
///    elements, and whatever the class, id or ARIA role says is a comment thread, a share bar,
///    related links, an ad, a cookie notice or a newsletter box (`ClassHints`).
/// 2. Score each paragraph by its length and commas, and give the score to its parent and
///    (less) to its ancestors; an ancestor starts from what its tag and class say, and ends
///    scaled by how little of its text is links.
/// 3. Take the best container, moving up when the score says more content lies beside it, with
///    the siblings that score well or read like prose.
/// 4. Clean inside it: drop blocks dense with links, lists of links, image galleries, forms,
///    bylines, and a heading repeating the title.
/// 5. If that leaves too little (under 500 characters), try again with looser rules (keeping
///    unlikely names, then ignoring class weights, then not cleaning); when every pass finds
///    little, keep the strictest unless a looser one finds half as much again; when no
///    paragraph scores at all, take the body's blocks without its furniture.
///
/// Every rule is generic (tags, class and id words, text and link lengths, punctuation,
/// position): nothing is keyed to a site.
struct ArticleExtractor {
    let tree: PageTree
    /// Receives a description of each pass's choice (development: `byline-eval extraction --show`).
    var explain: ((String) -> Void)?

    /// One pass's rules, loosened in turn when a pass finds too little.
    struct Rules: Equatable {
        var stripUnlikely = true
        var weightClasses = true
        var cleanConditionally = true
    }

    /// Readability's threshold: a result shorter than this many characters is retried.
    static let minimumCharacters: Int32 = 500

    /// The article's blocks; `headline` helps to drop a heading that repeats it.
    func extract(headline: String?) -> [TextBlock] {
        guard !tree.elements.isEmpty else { return [] }
        let passes = [
            Rules(),
            Rules(stripUnlikely: false),
            Rules(stripUnlikely: false, weightClasses: false),
            Rules(stripUnlikely: false, weightClasses: false, cleanConditionally: false),
        ]
        var attempts: [(blocks: [TextBlock], length: Int32)] = []
        for rules in passes {
            let attempt = run(rules, headline: headline)
            if attempt.length >= Self.minimumCharacters { return attempt.blocks }
            attempts.append(attempt)
        }
        // A short article: looser passes add what the stricter ones left out, menus and
        // bylines as well, so the strictest pass is kept unless a looser one finds half as
        // much again.
        let longest = attempts.map(\.length).max() ?? 0
        if longest > 0, let chosen = attempts.first(where: { $0.length * 3 >= longest * 2 }) { return chosen.blocks }
        // Nothing scored (no paragraph of 25 characters): the body without its furniture,
        // else the body as it is.
        let loosest = passes[passes.count - 1]
        let pruned = prune(loosest, whole: PageTotals(tree, removed: [Bool](repeating: false, count: tree.elements.count)))
        let blocks = HTMLBlocks.blocks(of: tree.node(0), leavingOut: leavingOut(pruned))
        return blocks.isEmpty ? HTMLBlocks.blocks(of: tree.node(0)) : blocks
    }

    // MARK: One pass

    /// A description of element `i` for `explain`: its tag, class and id, and index.
    private func describe(_ i: Int) -> String {
        let node = tree.node(i)
        var text = "<" + node.name
        if let c = node.attribute("class"), !c.isEmpty { text += " class=\"\(c)\"" }
        if let id = node.attribute("id"), !id.isEmpty { text += " id=\"\(id)\"" }
        return text + "> #\(i)"
    }

    /// What a pass decided, for `byline-eval extraction --show`.
    private func explanation(_ rules: Rules, top: Int, roots: [Int], scores: [Float], totals: PageTotals) -> String {
        var lines = ["pass \(rules)", "  top candidate and its ancestors:"]
        var k = top
        while k >= 0 {
            lines.append("    \(describe(k)) score \(scores[k]) text \(totals.text[k]) links \(totals.linkText[k])")
            k = Int(tree.elements[k].parent)
        }
        lines.append("  taken: " + roots.map(describe).joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    private func run(_ rules: Rules, headline: String?) -> (blocks: [TextBlock], length: Int32) {
        guard let (roots, removed) = choose(rules, headline: headline) else { return ([], 0) }
        let leaving = leavingOut(removed)
        var blocks: [TextBlock] = []
        for root in roots where !removed[root] {
            blocks += HTMLBlocks.blocks(of: tree.node(root), leavingOut: leaving)
        }
        // Characters: UTF-8 bytes that start one.
        let length = blocks.reduce(0) { total, block in total + block.text.utf8.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
        return (blocks, Int32(clamping: length))
    }

    /// What is left out, by the document's node indices.
    private func leavingOut(_ removed: [Bool]) -> [Bool] {
        var nodes = [Bool](repeating: false, count: tree.document.nodes.count)
        for (i, element) in tree.elements.enumerated() where removed[i] { nodes[Int(element.node)] = true }
        return nodes
    }

    /// The containers a pass takes and what is left out inside them. The sums over subtrees
    /// live only here: on a large page each set of them is megabytes, let go before the text
    /// is written.
    private func choose(_ rules: Rules, headline: String?) -> (roots: [Int], removed: [Bool])? {
        var removed = prune(rules, whole: PageTotals(tree, removed: [Bool](repeating: false, count: tree.elements.count)))
        let totals = PageTotals(tree, removed: removed)
        let scores = score(totals, removed: removed, rules: rules)
        guard let top = topCandidate(scores, totals: totals, removed: removed) else { return nil }
        let roots = withSiblings(top, scores: scores, totals: totals, removed: removed)
        explain?(explanation(rules, top: top, roots: roots, scores: scores, totals: totals))
        if rules.cleanConditionally {
            for root in roots { clean(root, totals: totals, removed: &removed, rules: rules) }
        }
        dropTitleHeadings(roots, headline: headline, removed: &removed)
        return (roots, removed)
    }

    /// Marks what is never the article. Furniture (comments, share bars, related links, ads,
    /// cookie notices), hidden elements and structural chrome go in every pass; names that are
    /// only unlikely (`header`, `extra`, `menu`) go in the strict pass. An element holding most
    /// of the page's prose is spared whatever its name (a body classed `ad_body` or
    /// `has-sidebar`): the furniture inside it still goes, element by element.
    private func prune(_ rules: Rules, whole: PageTotals) -> [Bool] {
        let elements = tree.elements
        var removed = [Bool](repeating: false, count: elements.count)
        for i in elements.indices {
            let e = elements[i]
            if i == 0 { continue }
            let p = Int(e.parent)
            if p >= 0, removed[p] {
                removed[i] = true
                continue
            }
            let protected = e.hints.contains(.articleBody) || e.flags.contains(.articleBodyProperty)
                || e.flags.contains(.mainRole)
            var remove = false
            switch e.tag {
            // Figures are images with their captions and credits: not the article's text.
            case .nav, .aside, .footer, .dialog, .menu, .figure, .figcaption: remove = true
            case .header: remove = !protected
            default: break
            }
            if e.flags.contains(.hidden) || e.flags.contains(.boilerplateRole) { remove = true }
            if !protected {
                if e.hints.contains(.furniture) { remove = true }
                if rules.stripUnlikely, e.hints.contains(.unlikely), !e.hints.contains(.maybe) { remove = true }
            }
            if remove, holdsMostOfThePage(i, whole) { remove = false }
            removed[i] = remove
        }
        return removed
    }

    /// Whether element `i` holds more than half of the page's prose (the text of its
    /// paragraphs outside links) or, on a page written without `<p>`, more than half of its
    /// text outside links.
    private func holdsMostOfThePage(_ i: Int, _ whole: PageTotals) -> Bool {
        if whole.prose[0] > 0 && whole.prose[i] * 2 > whole.prose[0] { return true }
        let plain = whole.text[i] - whole.linkText[i]
        return plain * 2 > whole.text[0] - whole.linkText[0]
    }

    // MARK: Scoring

    /// Readability's content scores: each paragraph of 25 characters or more scores 1, plus
    /// its commas, plus one per 100 characters (at most 3), and gives it to up to five
    /// ancestors (the parent whole, the grandparent half, then a third of that per level).
    /// Returns each element's final score, scaled by 1 − link density (NaN for elements never
    /// given one).
    private func score(_ totals: PageTotals, removed: [Bool], rules: Rules) -> [Float] {
        let elements = tree.elements
        var scores = [Float](repeating: .nan, count: elements.count)
        func initialize(_ i: Int) {
            guard scores[i].isNaN else { return }
            var s: Float
            switch elements[i].tag {
            case .div, .article, .main: s = 5
            case .pre, .td, .blockquote: s = 3
            case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: s = -3
            case .h1, .h2, .h3, .h4, .h5, .h6, .th: s = -5
            default: s = 0
            }
            if rules.weightClasses { s += weight(i) }
            scores[i] = s
        }
        for i in elements.indices where !removed[i] {
            let e = elements[i]
            let text: Int32
            let commas: Int32
            var first: Int
            switch e.tag {
            case .p, .pre, .td, .section, .h2, .h3, .h4, .h5, .h6:
                text = totals.text[i]
                commas = totals.commas[i]
                first = Int(e.parent)
            case .div, .article, .main, .center, .font, .span, .blockquote, .li, .dd:
                if !e.flags.contains(.hasBlockChild) && e.tag != .span {
                    // A div of phrasing content is a paragraph.
                    text = totals.text[i]
                    commas = totals.commas[i]
                    first = Int(e.parent)
                } else {
                    // Its loose text runs are paragraphs inside it.
                    text = e.ownText
                    commas = e.ownCommas
                    first = i
                }
            default:
                continue
            }
            guard text >= 25, first >= 0 else { continue }
            let points = 1 + Float(commas) + Float(min(text / 100, 3))
            var level = 0
            var ancestor = first
            while ancestor >= 0, level < 5 {
                // Readability leaves out the root (the node whose parent is the document).
                if ancestor == 0 && elements[0].tag == .html { break }
                initialize(ancestor)
                let divider: Float = level == 0 ? 1 : (level == 1 ? 2 : Float(level * 3))
                scores[ancestor] += points / divider
                ancestor = Int(elements[ancestor].parent)
                level += 1
            }
        }
        for i in scores.indices where !scores[i].isNaN {
            scores[i] *= Float(1 - totals.linkDensity(i))
        }
        return scores
    }

    /// Readability's class weight: ±25 for the class and again for the id.
    private func weight(_ i: Int) -> Float {
        var w = Float(tree.elements[i].classWeight) * 25
        if tree.elements[i].flags.contains(.articleBodyProperty) { w += 25 }
        return w
    }

    /// The best-scoring container, moved up to an ancestor when several near-best candidates
    /// share it or when the score rises going up; then past ancestors with one child.
    private func topCandidate(_ scores: [Float], totals: PageTotals, removed: [Bool]) -> Int? {
        let elements = tree.elements
        var ranked: [(Int, Float)] = []
        for i in scores.indices where !scores[i].isNaN && !removed[i] {
            ranked.append((i, scores[i]))
        }
        guard !ranked.isEmpty else { return nil }
        ranked.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        var top = ranked[0].0
        let topScore = ranked[0].1
        if elements[top].tag == .body || elements[top].tag == .html { return top }
        // Three or more of the close runners-up under one ancestor: that ancestor.
        let close = ranked.dropFirst().prefix(4).filter { topScore > 0 && $0.1 / topScore >= 0.75 }.map(\.0)
        if close.count >= 3 {
            var ancestor = Int(elements[top].parent)
            while ancestor > 0, elements[ancestor].tag != .body {
                let inside = close.filter { isAncestor(ancestor, of: $0) }.count
                if inside >= 3 {
                    top = ancestor
                    break
                }
                ancestor = Int(elements[ancestor].parent)
            }
        }
        // Scores rising going up: the content continues beside.
        var lastScore = scores[top]
        let threshold = lastScore / 3
        var parent = Int(elements[top].parent)
        while parent > 0, elements[parent].tag != .body {
            if scores[parent].isNaN {
                parent = Int(elements[parent].parent)
                continue
            }
            let parentScore = scores[parent]
            if parentScore < threshold { break }
            if parentScore > lastScore {
                top = parent
                break
            }
            lastScore = parentScore
            parent = Int(elements[parent].parent)
        }
        // An only child stands for its parent.
        parent = Int(elements[top].parent)
        while parent > 0, elements[parent].tag != .body, elementChildren(parent, removed: removed).count == 1 {
            top = parent
            parent = Int(elements[top].parent)
        }
        return top
    }

    private func isAncestor(_ a: Int, of d: Int) -> Bool {
        a < d && d < Int(tree.elements[a].end)
    }

    /// The children of element `i` that are kept, in order.
    private func elementChildren(_ i: Int, removed: [Bool]) -> [Int] {
        var children: [Int] = []
        var c = i + 1
        let end = Int(tree.elements[i].end)
        while c < end {
            if !removed[c] { children.append(c) }
            c = Int(tree.elements[c].end)
        }
        return children
    }

    /// The top candidate with its siblings that belong to the article: those scoring at least
    /// a fifth of it (more easily with the same class), and paragraphs that read like prose.
    private func withSiblings(_ top: Int, scores: [Float], totals: PageTotals, removed: [Bool]) -> [Int] {
        let elements = tree.elements
        let parent = Int(elements[top].parent)
        guard parent >= 0, elements[top].tag != .body else { return [top] }
        let topScore = scores[top].isNaN ? 0 : scores[top]
        let threshold = max(10, topScore * 0.2)
        let topClass = tree.classValue(top)
        var roots: [Int] = []
        for sibling in elementChildren(parent, removed: removed) {
            if sibling == top {
                roots.append(sibling)
                continue
            }
            var bonus: Float = 0
            if let topClass, !topClass.isEmpty, let siblingClass = tree.classValue(sibling), siblingClass.elementsEqual(topClass) {
                bonus = topScore * 0.2
            }
            if !scores[sibling].isNaN, scores[sibling] + bonus >= threshold {
                roots.append(sibling)
            } else if elements[sibling].tag == .p {
                let length = totals.text[sibling]
                let density = totals.linkDensity(sibling)
                if length > 80 && density < 0.25 {
                    roots.append(sibling)
                } else if length > 0, length <= 80, density == 0, elements[sibling].flags.contains(.hasSentenceEnd) {
                    roots.append(sibling)
                }
            }
        }
        return roots
    }

    // MARK: Cleaning

    /// Readability's conditional cleaning inside the article: lists, tables, divs and sections
    /// that look like furniture (negative weight, mostly links, more list items or images or
    /// form controls than paragraphs, embeds with little text), bylines, and empty paragraphs.
    private func clean(_ root: Int, totals: PageTotals, removed: inout [Bool], rules: Rules) {
        let elements = tree.elements
        var i = root + 1
        let end = Int(elements[root].end)
        while i < end {
            let e = elements[i]
            if removed[i] {
                i = Int(e.end)
                continue
            }
            if shouldRemove(i, totals: totals, rules: rules) {
                for k in i..<Int(e.end) { removed[k] = true }
                i = Int(e.end)
                continue
            }
            i += 1
        }
    }

    private func shouldRemove(_ i: Int, totals: PageTotals, rules: Rules) -> Bool {
        let e = tree.elements[i]
        let text = totals.text[i]
        // Bylines and date lines: short, and metadata rather than body.
        if e.hints.contains(.byline) || e.flags.contains(.bylineProperty), text < 300 { return true }
        switch e.tag {
        case .form, .fieldset, .object, .embed, .footer, .aside, .nav:
            return true
        case .p:
            if text == 0 && totals.images[i] == 0 && totals.embeds[i] == 0 { return true }
            // A paragraph that is one link (Read more: ..., Related: ...).
            if totals.linkDensity(i) > 0.8 && text < 300 { return true }
            return false
        case .table, .ul, .ol, .div, .section, .dl, .header:
            break
        default:
            return false
        }
        let w = rules.weightClasses ? weight(i) : 0
        if w < 0 { return true }
        if totals.commas[i] >= 10 { return false }
        let p = totals.paragraphs[i]
        let img = totals.images[i]
        let li = totals.listItems[i] - 100
        let input = totals.inputs[i]
        let linkDensity = totals.linkDensity(i)
        let headingDensity = text > 0 ? Double(totals.headingText[i]) / Double(text) : 0
        let embeds = totals.embeds[i]
        let isList = e.tag == .ul || e.tag == .ol
        // A table of data (header cells, a caption) rather than one used for layout.
        if e.tag == .table, totals.headerCells[i] > 0 { return false }
        if img > 1 && Double(p) / Double(img) < 0.5 { return true }
        if !isList && li > p { return true }
        if input > p / 3 { return true }
        if !isList && headingDensity < 0.9 && text < 25 && (img == 0 || img > 2) { return true }
        // Readability's limit of a fifth of links, except for prose: paragraphs that are mostly
        // not links (a sentence citing its source) are kept up to a half.
        let prose = totals.prose[i] * 2 >= text
        if !isList && w < 25 && linkDensity > (prose ? 0.5 : 0.2) { return true }
        if w >= 25 && linkDensity > 0.5 { return true }
        if (embeds == 1 && text < 75) || embeds > 1 { return true }
        // A list that is mostly links is a list of links.
        if isList && linkDensity > 0.5 { return true }
        return false
    }

    /// The article's `<h1>` (its headline, which the text shape has as its first line already)
    /// and an `<h2>` repeating the headline.
    private func dropTitleHeadings(_ roots: [Int], headline: String?, removed: inout [Bool]) {
        let elements = tree.elements
        let title = headline.map { Self.comparable($0) } ?? ""
        for root in roots {
            for i in root..<Int(elements[root].end) where !removed[i] {
                let tag = elements[i].tag
                guard tag == .h1 || tag == .h2 else { continue }
                let repeatsTitle = { () -> Bool in
                    let text = Self.comparable(self.tree.node(i).textContent)
                    return !title.isEmpty && (text == title || title.contains(text) && text.count * 2 >= title.count)
                }
                if tag == .h1 || repeatsTitle() {
                    for k in i..<Int(elements[i].end) { removed[k] = true }
                }
            }
        }
    }

    /// Text reduced to lowercase letters and digits, for comparing titles.
    static func comparable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
    }
}
