import BylineCore
import BylineIndex

/// The library pane. It lists the articles (● the open one, • those not read yet; headline
/// and site, then date and quotation count, or with a speaker filter how often that speaker is
/// quoted there), or a list across the library: the filter's speaker's quotations, the library
/// timeline, search results. Only the rows on screen are drawn, from the window of rows the
/// index gave.
enum LibraryPane {
    static func draw(_ screen: inout Screen, _ rect: Rect, _ state: AppState) {
        guard !rect.isEmpty else { return }
        switch state.library.view {
        case .articles: drawArticles(&screen, rect, state)
        case .quotations: drawQuotations(&screen, rect, state)
        case .timeline: drawTimeline(&screen, rect, state)
        case .search(let query): drawResults(&screen, rect, query: query, state)
        case .echoes: drawEchoes(&screen, rect, state)
        case .mostEchoed: drawMostEchoed(&screen, rect, state)
        case .follows: drawFollows(&screen, rect, state)
        case .followed(let name): drawFollowed(&screen, rect, name: name, state)
        }
    }

    /// The cursor is marked in the columns arrangement, and in the single one when the library is shown.
    static func cursorShown(_ state: AppState) -> Bool {
        state.focus == .library || state.layout.arrangement == .columns
    }

    /// The slot of a speaker's colour by name (the same hash an article starts from).
    static func slot(_ name: String, _ theme: Theme) -> Int {
        SpeakerColors.preferredSlot(name, paletteSize: theme.paletteSize)
    }

    // MARK: Articles

    static func drawArticles(_ screen: inout Screen, _ rect: Rect, _ state: AppState) {
        let theme = state.theme
        let inner = rect.inset(horizontal: 1)
        guard let count = state.articles.count, count > 0 else {
            let note: String
            if let progress = state.indexing {
                note = progress.phase == .scanning ? "Indexing: looking for articles…"
                    : "Indexing: the first articles are on their way…"
            } else {
                note = state.articles.count == nil ? "Reading the library…" : "No articles in this library."
            }
            EmptyNote.draw(&screen, inner, note, theme)
            return
        }
        EntryList.draw(&screen, rect, count: count, cursor: cursorShown(state) ? state.libraryCursor : nil,
                       top: state.libraryTop, focused: state.focus == .library, theme) { screen, index, y in
            guard let entry = state.articles.row(index) else {
                screen.put("…", x: inner.x + 2, y: y, style: theme.secondaryText)
                return
            }
            let isCurrent = entry.id == state.currentID
            let filteredCount = state.filteredCount(article: entry.id)
            let absent = state.filter != nil && filteredCount == 0
            let headlineStyle = absent ? theme.dimmed : (isCurrent ? theme.emphasis : theme.text)
            if isCurrent {
                screen.put("●", x: inner.x, y: y, style: theme.accentText)
            } else if !state.readMarks.contains(entry) {
                screen.put("•", x: inner.x, y: y, style: theme.unread)
            }
            headlineLine(&screen, entry, x: inner.x + 2, y: y, width: inner.width - 2, style: headlineStyle, theme)
            guard y + 1 < rect.maxY else { return }
            var x = inner.x + 2
            x += screen.put(entry.date.map(DateLabel.short) ?? "undated", x: x, y: y + 1, style: theme.secondaryText,
                            maxWidth: inner.maxX - x)
            let count: String
            var countStyle = theme.secondaryText
            if let filter = state.filter {
                if let n = filteredCount {
                    count = n == 0 ? "not quoted" : "\(n) by \(filter.name)"
                    if n > 0 { countStyle = theme.accentText.adding(.bold) }
                } else {
                    count = "…"
                }
            } else if state.failures[entry.id] != nil {
                count = "unreadable"
            } else {
                count = entry.quotationCount == 1 ? "1 quotation" : "\(entry.quotationCount) quotations"
            }
            x += screen.put(" · ", x: x, y: y + 1, style: theme.secondaryText, maxWidth: inner.maxX - x)
            screen.put(count, x: x, y: y + 1, style: countStyle, maxWidth: inner.maxX - x)
        }
    }

    /// Columns from which the site goes beside the headline; below, the headline has them all.
    static let originMinimumWidth = 36

    /// `Headline · Site`: the headline, and where the article comes from, dimmed, when the
    /// row is wide enough (the site takes at most a third of it).
    static func headlineLine(_ screen: inout Screen, _ entry: LibraryEntry, x: Int, y: Int, width: Int, style: Style,
                             _ theme: Theme) {
        guard let origin = entry.origin, width >= originMinimumWidth else {
            screen.put(TextFit.shorten(entry.title, to: width), x: x, y: y, style: style, maxWidth: width)
            return
        }
        let site = TextFit.shorten(origin, to: width / 3)
        let headline = TextFit.shorten(entry.title, to: width - DisplayWidth.of(site) - 3)
        var cx = x
        cx += screen.put(headline, x: cx, y: y, style: style, maxWidth: width)
        cx += screen.put(" · ", x: cx, y: y, style: theme.secondaryText, maxWidth: x + width - cx)
        screen.put(site, x: cx, y: y, style: theme.secondaryText, maxWidth: x + width - cx)
    }

    // MARK: A speaker's quotations

    /// The quotations the index gave for the filter's speaker (nil while they are on their way).
    static func quotations(_ state: AppState) -> [LibraryQuotation]? {
        guard case .quotations(let person, _)? = state.library.quotations.request, person == state.filter?.person else {
            return nil
        }
        return state.library.quotations.value
    }

    static func drawQuotations(_ screen: inout Screen, _ rect: Rect, _ state: AppState) {
        let theme = state.theme
        let inner = rect.inset(horizontal: 1)
        guard let filter = state.filter else {
            EmptyNote.draw(&screen, inner, "Choose a speaker to list their quotations across the library.", theme)
            return
        }
        let list = quotations(state)
        let quoteStyle = theme.quote(slot: slot(filter.name, theme))
        drawList(&screen, rect, state, .quotations, count: list?.count, loading: "Finding \(filter.name)'s quotations…",
                 empty: "No quotations by \(filter.name) in the library.") { screen, index, y in
            guard let list else { return }
            let quotation = list[index]
            articleLine(&screen, quotation.article, x: inner.x, y: y, width: inner.width, state)
            guard y + 1 < rect.maxY else { return }
            let text = "\u{201C}" + quotation.text + "\u{201D}"
            screen.put(TextFit.shorten(text, to: inner.width - 2), x: inner.x + 2, y: y + 1, style: quoteStyle,
                       maxWidth: inner.width - 2)
        }
    }

    /// A list across the library as it stands: `loading` until the index has answered (`count`
    /// nil), `empty` when it has no entry, else its entries from the position kept for `kind`.
    static func drawList(_ screen: inout Screen, _ rect: Rect, _ state: AppState, _ kind: LibraryView.Kind, count: Int?,
                         loading: String, empty: String, entry: (_ screen: inout Screen, _ index: Int, _ y: Int) -> Void) {
        let inner = rect.inset(horizontal: 1)
        guard let count else {
            EmptyNote.draw(&screen, inner, loading, state.theme)
            return
        }
        if count == 0 {
            EmptyNote.draw(&screen, inner, empty, state.theme)
            return
        }
        let position = state.library.positions[kind] ?? ListPosition()
        EntryList.draw(&screen, rect, count: count, cursor: cursorShown(state) ? position.cursor : nil, top: position.top,
                       focused: state.focus == .library, state.theme, entry: entry)
    }

    /// `● 6 Mar 2024 · Headline`: the article of an entry of a list across the library, marked
    /// when it is the open article.
    static func articleLine(_ screen: inout Screen, _ article: LibraryArticle, x: Int, y: Int, width: Int, _ state: AppState,
                            timed: Bool = false) {
        let theme = state.theme
        let isCurrent = article.id == state.currentID
        screen.put(isCurrent ? "●" : " ", x: x, y: y, style: theme.accentText)
        var cx = x + 2
        let right = x + width
        // With `timed`, the local day and time of publication where the source gave a time.
        let moment = timed ? PublicationMoment(article, in: state.timeZone) : article.date.map { PublicationMoment(date: $0) }
        cx += screen.put(moment.map { DateLabel.short($0) } ?? "undated", x: cx, y: y, style: theme.secondaryText,
                         maxWidth: right - cx)
        cx += screen.put(" · ", x: cx, y: y, style: theme.secondaryText, maxWidth: right - cx)
        let headline = article.headline.isEmpty ? FileName.of(article.path) : article.headline
        screen.put(TextFit.shorten(headline, to: max(0, right - cx)), x: cx, y: y, style: isCurrent ? theme.emphasis : theme.text,
                   maxWidth: right - cx)
    }

    // MARK: Echoes

    /// Every appearance of the chosen quotation: when (with the local time of publication where
    /// known) and in which article, then who it is given to there and the words it takes there.
    static func drawEchoes(_ screen: inout Screen, _ rect: Rect, _ state: AppState) {
        let theme = state.theme
        let inner = rect.inset(horizontal: 1)
        let list = state.echoList
        drawList(&screen, rect, state, .echoes, count: list?.count, loading: "Finding where this quotation appears…",
                 empty: "This quotation appears in no other article.") { screen, index, y in
            guard let list else { return }
            let quotation = list[index]
            articleLine(&screen, quotation.article, x: inner.x, y: y, width: inner.width, state, timed: true)
            guard y + 1 < rect.maxY else { return }
            quotationLine(&screen, quotation, x: inner.x + 2, y: y + 1, width: inner.width - 2, theme)
        }
    }

    /// `Ann Lee: “the words…”` (unattributed in italics; `Ann Lee via Tom Berg:` for a nested
    /// source).
    static func quotationLine(_ screen: inout Screen, _ quotation: LibraryQuotation, x: Int, y: Int, width: Int, _ theme: Theme) {
        var cx = x
        let right = x + width
        let name = quotation.speakerName ?? "unattributed"
        let colour = quotation.speakerName.map { LibraryPane.slot($0, theme) }
        let nameStyle = quotation.speakerName == nil ? theme.secondaryText.adding(.italic) : theme.mention(slot: colour)
        cx += screen.put(TextFit.shorten(name, to: max(0, (right - cx) / 2)), x: cx, y: y, style: nameStyle, maxWidth: right - cx)
        if let via = quotation.via {
            cx += screen.put(" via " + TextFit.shorten(via, to: max(0, (right - cx) / 3)), x: cx, y: y, style: theme.secondaryText,
                             maxWidth: right - cx)
        }
        cx += screen.put(": ", x: cx, y: y, style: theme.secondaryText, maxWidth: right - cx)
        screen.put(TextFit.shorten("\u{201C}" + quotation.text + "\u{201D}", to: max(0, right - cx)), x: cx, y: y,
                   style: theme.quote(slot: colour), maxWidth: right - cx)
    }

    /// The most echoed quotations of the period: how many articles, when first, who is named
    /// (and whether they disagree), then the words.
    static func drawMostEchoed(_ screen: inout Screen, _ rect: Rect, _ state: AppState) {
        let theme = state.theme
        let inner = rect.inset(horizontal: 1)
        let clusters = state.echoClusterList
        drawList(&screen, rect, state, .mostEchoed, count: clusters?.count, loading: "Finding the most echoed quotations…",
                 empty: "No quotation appears in two articles (\(state.library.echoPeriod.label)).") { screen, index, y in
            guard let clusters else { return }
            let cluster = clusters[index]
            var x = inner.x
            let right = inner.maxX
            x += screen.put("\(cluster.articleCount) articles", x: x, y: y, style: theme.emphasis, maxWidth: right - x)
            let first = cluster.first.article.date.map { " · first " + DateLabel.short($0) } ?? ""
            x += screen.put(first, x: x, y: y, style: theme.secondaryText, maxWidth: right - x)
            if cluster.disagree {
                x += screen.put(" · speakers disagree", x: x, y: y, style: theme.warning, maxWidth: right - x)
            }
            let names = cluster.speakers.map(\.name).joined(separator: ", ")
            if !names.isEmpty, right - x > 6 {
                x += screen.put(" · ", x: x, y: y, style: theme.secondaryText, maxWidth: right - x)
                screen.put(TextFit.shorten(names, to: right - x), x: x, y: y, style: theme.text, maxWidth: right - x)
            }
            guard y + 1 < rect.maxY else { return }
            screen.put(TextFit.shorten("\u{201C}" + cluster.text + "\u{201D}", to: inner.width - 2), x: inner.x + 2, y: y + 1,
                       style: theme.accentText, maxWidth: inner.width - 2)
        }
    }

    // MARK: Follows

    /// The followed speakers: each name, then how many of their quotations are unread.
    static func drawFollows(_ screen: inout Screen, _ rect: Rect, _ state: AppState) {
        let theme = state.theme
        let inner = rect.inset(horizontal: 1)
        let names = state.follows.names
        let counts = state.library.followCounts
        drawList(&screen, rect, state, .follows, count: names.count, loading: "",
                 empty: "You follow no speaker. byline follow NAME follows one; their new quotations then show here.") { screen, index, y in
            let name = names[index]
            let count = counts[name]
            let unread = count?.unread
            if let unread, unread > 0 { screen.put("•", x: inner.x, y: y, style: theme.unread) }
            screen.put(TextFit.shorten(name, to: inner.width - 2), x: inner.x + 2, y: y, style: theme.mention(slot: slot(name, theme)),
                       maxWidth: inner.width - 2)
            guard y + 1 < rect.maxY else { return }
            let detail: String
            if let count {
                detail = "\(count.unread) new · \(counted(count.quotations, "quotation")) in the library"
            } else {
                detail = "…"
            }
            screen.put(detail, x: inner.x + 2, y: y + 1, style: (unread ?? 0) > 0 ? theme.emphasis : theme.secondaryText,
                       maxWidth: inner.width - 2)
        }
    }

    /// A followed speaker's quotations that were unread when the list opened, by date; those
    /// read since lose their mark.
    static func drawFollowed(_ screen: inout Screen, _ rect: Rect, name: String, _ state: AppState) {
        let theme = state.theme
        let inner = rect.inset(horizontal: 1)
        let list = state.library.unread
        drawList(&screen, rect, state, .followed, count: list.count, loading: "",
                 empty: "No unread quotations by \(name).") { screen, index, y in
            let entry = list[index]
            let quotation = entry.quotation
            articleLine(&screen, quotation.article, x: inner.x, y: y, width: inner.width, state)
            if quotation.article.id != state.currentID, state.follows.isUnread(key: entry.key, of: name) {
                screen.put("•", x: inner.x, y: y, style: theme.unread)
            }
            guard y + 1 < rect.maxY else { return }
            quotationLine(&screen, quotation, x: inner.x + 2, y: y + 1, width: inner.width - 2, theme)
        }
    }

    // MARK: The library timeline

    /// The timeline window the index gave for the filter's speaker (or everyone).
    static func timeline(_ state: AppState) -> RowWindow<LibraryTimelineEntry>? {
        guard case .timeline(let person, _, _, _)? = state.library.timeline.request, person == state.filter?.person else {
            return nil
        }
        return state.library.timeline
    }

    static func drawTimeline(_ screen: inout Screen, _ rect: Rect, _ state: AppState) {
        let theme = state.theme
        let inner = rect.inset(horizontal: 1)
        let window = timeline(state)
        let whose = state.filter.map { " for \($0.name)" } ?? ""
        drawList(&screen, rect, state, .timeline, count: window?.count, loading: "Reading the library timeline…",
                 empty: "No dated events\(whose) in the library.") { screen, index, y in
            guard let entry = window?.row(index) else {
                screen.put("…", x: inner.x + 2, y: y, style: theme.secondaryText)
                return
            }
            var x = inner.x
            x += screen.put(DateLabel.label(start: entry.start, end: entry.end), x: x, y: y, style: theme.emphasis,
                            maxWidth: inner.width)
            x += screen.put("  ", x: x, y: y, maxWidth: inner.maxX - x)
            x += screen.put(TextFit.shorten(entry.text, to: max(0, inner.maxX - x)), x: x, y: y, style: theme.accentText,
                            maxWidth: inner.maxX - x)
            if let name = entry.speakerName, inner.maxX - x > 6 {
                x += screen.put(" · ", x: x, y: y, style: theme.secondaryText, maxWidth: inner.maxX - x)
                screen.put(TextFit.shorten(name, to: inner.maxX - x), x: x, y: y, style: theme.mention(slot: slot(name, theme)),
                           maxWidth: inner.maxX - x)
            }
            guard y + 1 < rect.maxY else { return }
            articleLine(&screen, entry.article, x: inner.x, y: y + 1, width: inner.width, state)
        }
    }

    // MARK: Search results

    /// The hits the index gave for `query` (nil while the search runs).
    static func results(_ state: AppState, query: String) -> [SearchHit]? {
        guard case .search(let answered, _)? = state.library.results.request, answered == query else { return nil }
        return state.library.results.value
    }

    static func drawResults(_ screen: inout Screen, _ rect: Rect, query: String, _ state: AppState) {
        let theme = state.theme
        let inner = rect.inset(horizontal: 1)
        let hits = results(state, query: query)
        drawList(&screen, rect, state, .search, count: hits?.count, loading: "Searching the library for \u{201C}\(query)\u{201D}…",
                 empty: "No article or quotation matches \u{201C}\(query)\u{201D}.") { screen, index, y in
            guard let hits else { return }
            let hit = hits[index]
            let isCurrent = hit.article.id == state.currentID
            screen.put(isCurrent ? "●" : " ", x: inner.x, y: y, style: theme.accentText)
            var x = inner.x + 2
            let headline = hit.article.headline.isEmpty ? FileName.of(hit.article.path) : hit.article.headline
            var snippetOpen = ""
            var snippetClose = ""
            switch hit {
            case .article:
                x += screen.put(TextFit.shorten(headline, to: max(0, inner.maxX - x)), x: x, y: y,
                                style: isCurrent ? theme.emphasis : theme.text, maxWidth: inner.maxX - x)
                if let date = hit.article.date.map({ " · " + DateLabel.short($0) }), DisplayWidth.of(date) <= inner.maxX - x {
                    screen.put(date, x: x, y: y, style: theme.secondaryText)
                }
            case .quotation(let quotation):
                let name = quotation.quotation.speakerName ?? "unattributed"
                let nameStyle = quotation.quotation.speakerName == nil ? theme.secondaryText.adding(.italic)
                    : theme.mention(slot: slot(name, theme))
                x += screen.put(TextFit.shorten(name, to: max(0, inner.maxX - x)), x: x, y: y, style: nameStyle,
                                maxWidth: inner.maxX - x)
                if inner.maxX - x > 6 {
                    x += screen.put(" · ", x: x, y: y, style: theme.secondaryText, maxWidth: inner.maxX - x)
                    screen.put(TextFit.shorten(headline, to: max(0, inner.maxX - x)), x: x, y: y, style: theme.secondaryText,
                               maxWidth: inner.maxX - x)
                }
                snippetOpen = "\u{201C}"
                snippetClose = "\u{201D}"
            }
            guard y + 1 < rect.maxY else { return }
            let segments = [(snippetOpen, false)] + hit.snippet.segments.map { ($0.text, $0.isMatch) } + [(snippetClose, false)]
            SnippetLine.draw(&screen, segments, x: inner.x + 2, y: y + 1, width: inner.width - 2, style: theme.secondaryText,
                             matchStyle: theme.match)
        }
    }
}

/// A search snippet on one line: white space collapsed, controls visible, matches in their
/// own style, cut with an ellipsis when it does not fit.
enum SnippetLine {
    static func draw(_ screen: inout Screen, _ segments: [(text: String, isMatch: Bool)], x: Int, y: Int, width: Int,
                     style: Style, matchStyle: Style) {
        guard width > 0 else { return }
        var line = LineGlyphs(columns: width, spaceTag: false)
        outer: for segment in segments {
            for c in segment.text {
                guard line.add(Glyphs.glyph(c), segment.isMatch) else { break outer }
            }
        }
        let limit = line.overflows ? width - 1 : width
        var column = x
        for (glyph, isMatch) in line.glyphs {
            if column + glyph.width > x + limit { break }
            column += screen.put(grapheme: glyph.text, width: glyph.width, x: column, y: y, style: isMatch ? matchStyle : style,
                                 limit: x + width)
        }
        if line.overflows { screen.put("…", x: column, y: y, style: style) }
    }
}
