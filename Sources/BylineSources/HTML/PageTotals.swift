/// Sums over each element's subtree (text, link text, commas, paragraphs, images, list items,
/// form controls, embeds, heading text), computed bottom-up from a `PageTree` in one pass over
/// its arrays. A removed element's subtree is left out of its ancestors' sums.
struct PageTotals {
    var text: [Int32]
    var linkText: [Int32]
    var commas: [Int32]
    var paragraphs: [Int32]
    var images: [Int32]
    var listItems: [Int32]
    var inputs: [Int32]
    var embeds: [Int32]
    var headingText: [Int32]
    /// The text of `<p>` elements outside links: the page's prose.
    var prose: [Int32]
    /// Header cells, captions and table heads: what makes a table one of data.
    var headerCells: [Int32]

    init(_ tree: PageTree, removed: [Bool]) {
        let n = tree.elements.count
        text = [Int32](repeating: 0, count: n)
        linkText = text
        commas = text
        paragraphs = text
        images = text
        listItems = text
        inputs = text
        embeds = text
        headingText = text
        prose = text
        headerCells = text
        tree.elements.withUnsafeBufferPointer { elements in
            for i in stride(from: n - 1, through: 0, by: -1) {
                let e = elements[i]
                text[i] &+= e.ownText
                commas[i] &+= e.ownCommas
                images[i] &+= Int32(e.ownImages)
                inputs[i] &+= Int32(e.ownInputs)
                embeds[i] &+= Int32(e.ownEmbeds)
                switch e.tag {
                case .a: linkText[i] = text[i]
                case .p:
                    if text[i] > 0 { paragraphs[i] &+= 1 }
                    prose[i] = text[i] - linkText[i]
                case .li: listItems[i] &+= 1
                case .th, .caption, .thead: headerCells[i] &+= 1
                default: if e.tag.headingLevel != nil { headingText[i] = text[i] }
                }
                guard !removed[i], e.parent >= 0 else { continue }
                let p = Int(e.parent)
                text[p] &+= text[i]
                linkText[p] &+= linkText[i]
                commas[p] &+= commas[i]
                paragraphs[p] &+= paragraphs[i]
                images[p] &+= images[i]
                listItems[p] &+= listItems[i]
                inputs[p] &+= inputs[i]
                embeds[p] &+= embeds[i]
                headingText[p] &+= headingText[i]
                prose[p] &+= prose[i]
                headerCells[p] &+= headerCells[i]
            }
        }
    }

    /// The share of an element's text inside links.
    func linkDensity(_ i: Int) -> Double {
        text[i] > 0 ? Double(linkText[i]) / Double(text[i]) : 0
    }
}
