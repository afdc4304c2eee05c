import BylineCore
import BylineIndex

/// The reader and the library index: what to ask for, what to do with the answers, and the
/// library pane's lists across the library (a speaker's quotations, the library timeline,
/// search results).
extension Reader {
    /// Rows asked for beyond the visible ones, on each side, so that scrolling a long list
    /// rarely waits for the index.
    static let windowMargin = 48

    // MARK: What to ask for

    /// The requests the state needs answered and has not asked for: the articles around the
    /// library pane's window, the open article, where the filter's speaker appears, the
    /// picker's speakers, the list the library pane shows, a search's matches in an article
    /// being opened. At most one request of a kind is on its way; one that failed is not
    /// asked again until the index moves on.
    static func fetches(_ state: inout AppState) -> [Effect] {
        var wanted: [LibraryRequest] = []
        if let request = articlesRequest(state) { wanted.append(request) }
        if let id = state.currentID, state.documents[id] == nil, state.failures[id] == nil { wanted.append(.article(id)) }
        if let id = state.currentID, state.documents[id] != nil, let known = state.echoes[id], known.generation < state.generation {
            // The index moved on since the article was read: its quotations may have new echoes.
            wanted.append(.echoSummaries(article: id, generation: state.generation))
        }
        if let person = state.filter?.person {
            let request = LibraryRequest.appearances(person: person, generation: state.generation)
            if state.appearances.request != request { wanted.append(request) }
        }
        if case .picker(let picker) = state.mode {
            let request = LibraryRequest.speakers(generation: state.generation)
            if picker.request != request { wanted.append(request) }
        }
        if let request = libraryListRequest(state) { wanted.append(request) }
        if let jump = state.pendingJump, case .matches(let query, _) = jump.target, jump.matches == nil {
            wanted.append(.matches(query: query, article: jump.article))
        }
        var effects: [Effect] = []
        for request in wanted where state.inFlight[request.kind] == nil && state.failedRequests[request.kind] != request {
            state.inFlight[request.kind] = request
            effects.append(.fetch(request))
        }
        return effects
    }

    /// A page of articles, when the library pane's window (or a position to open, or the
    /// open article's position) is not at hand for the index's current generation.
    static func articlesRequest(_ state: AppState) -> LibraryRequest? {
        let visible = visibleEntries(.library, state)
        let needed = ahead(top: state.libraryTop, visible: visible)
        let stale = state.articles.request?.generation != state.generation
        let missingOpen = state.pendingOpen.map { !state.articles.covers($0..<($0 + 1)) } ?? false
        guard state.articles.count == nil || stale || !state.articles.covers(needed) || missingOpen
            || state.currentPositionPending
        else { return nil }
        let from = min(state.libraryTop, state.pendingOpen ?? state.libraryTop)
        let offset = max(0, from - windowMargin)
        let anchors = [state.currentID, state.libraryCursorID].compactMap { $0 }
        return .articles(offset: offset, limit: visible + 2 * windowMargin, anchors: anchors, generation: state.generation)
    }

    /// The rows a window should hold: those on screen and half a margin around them, so that
    /// the next rows are asked for before scrolling reaches them.
    static func ahead(top: Int, visible: Int) -> Range<Int> {
        max(0, top - windowMargin / 2)..<(top + visible + windowMargin / 2)
    }

    /// The list the library pane shows, when it is not at hand.
    static func libraryListRequest(_ state: AppState) -> LibraryRequest? {
        switch state.library.view {
        case .articles:
            return nil
        case .quotations:
            guard let person = state.filter?.person else { return nil }
            let request = LibraryRequest.quotations(person: person, generation: state.generation)
            return state.library.quotations.request == request ? nil : request
        case .timeline:
            let person = state.filter?.person
            let window = state.library.timeline
            let top = state.library.positions[.timeline]?.top ?? 0
            let visible = visibleEntries(.library, state)
            if case .timeline(let answeredPerson, _, _, let generation)? = window.request, answeredPerson == person,
                generation == state.generation, window.covers(ahead(top: top, visible: visible))
            {
                return nil
            }
            let offset = max(0, top - windowMargin)
            return .timeline(person: person, offset: offset, limit: visible + 2 * windowMargin, generation: state.generation)
        case .search(let query):
            let request = LibraryRequest.search(query: query, generation: state.generation)
            return state.library.results.request == request ? nil : request
        case .echoes(let article, let quotation):
            let request = LibraryRequest.echoes(article: article, quotation: quotation, generation: state.generation)
            return state.library.echoes.request == request ? nil : request
        case .mostEchoed:
            let request = LibraryRequest.echoClusters(generation: state.generation)
            return state.library.clusters.request == request ? nil : request
        case .follows, .followed:
            guard !state.follows.names.isEmpty else { return nil }
            let request = LibraryRequest.followed(names: state.follows.names, generation: state.generation)
            return state.library.followed.request == request ? nil : request
        }
    }

    // MARK: Answers

    static func received(_ answer: LibraryAnswer, _ state: inout AppState) {
        switch answer {
        case .articles(let request, let page):
            state.inFlight[.articles] = nil
            receivedArticles(page, request, &state)
        case .article(let id, let analysis, let persons, let echoes):
            state.inFlight[.article] = nil
            state.echoes[id] = ArticleEchoes(generation: state.generation, byQuote: echoes)
            loaded(id, analysis, persons: persons, &state)
        case .echoSummaries(let request, let summaries):
            state.inFlight[.echoSummaries] = nil
            guard case .echoSummaries(let id, let generation) = request else { return }
            state.echoes[id] = ArticleEchoes(generation: generation, byQuote: summaries)
        case .echoes(let request, let cluster):
            state.inFlight[.echoes] = nil
            state.library.echoes = Answered(cluster, answering: request)
            clampLibraryList(&state, .echoes)
        case .echoClusters(let request, let clusters):
            state.inFlight[.echoClusters] = nil
            state.library.clusters = Answered(clusters, answering: request)
            clampLibraryList(&state, .mostEchoed)
        case .followed(let request, let lists):
            state.inFlight[.followed] = nil
            state.library.followed = Answered(lists, answering: request)
            state.follows.startLooking(lists)
            countFollowed(&state)
            clampLibraryList(&state, .follows)
        case .speakers(let request, let list):
            state.inFlight[.speakers] = nil
            receivedSpeakers(list, request, &state)
        case .appearances(let request, let list):
            state.inFlight[.appearances] = nil
            guard case .appearances(let person, _) = request, person == state.filter?.person else { return }
            state.appearances = Answered(SpeakerAppearances(list), answering: request)
        case .quotations(let request, let list):
            state.inFlight[.quotations] = nil
            state.library.quotations = Answered(list, answering: request)
            clampLibraryList(&state, .quotations)
        case .timeline(let request, let count, let rows):
            state.inFlight[.timeline] = nil
            guard case .timeline(_, let offset, _, _) = request else { return }
            state.library.timeline = RowWindow(count: count, offset: offset, rows: rows, request: request)
            clampLibraryList(&state, .timeline)
        case .search(let request, let results):
            state.inFlight[.search] = nil
            state.library.results = Answered(results.articles.map(SearchHit.article) + results.quotations.map(SearchHit.quotation),
                                             answering: request)
            state.library.resultCounts = (results.articleMatches, results.articlesWithMatchingQuotations)
            clampLibraryList(&state, .search)
        case .matches(let request, let spans):
            state.inFlight[.matches] = nil
            guard case .matches(_, let article) = request, var jump = state.pendingJump, jump.article == article else { return }
            jump.matches = spans
            state.pendingJump = jump
            applyPendingJump(&state)
        case .failed(let request, let message):
            state.inFlight[request.kind] = nil
            if case .article(let id) = request {
                state.failures[id] = message
                if id == state.currentID { state.message = StatusMessage(message, kind: .warning) }
                return
            }
            state.failedRequests[request.kind] = request
            if case .picker = state.mode, request.kind == .speakers { state.mode = .normal }
            if request.kind == .matches, var jump = state.pendingJump {
                jump.matches = []
                state.pendingJump = jump
                applyPendingJump(&state)
            }
            state.message = StatusMessage("The library index could not answer: \(message)", kind: .warning)
        }
    }

    /// A page of articles: the rows, and where the open article and the cursor's article are
    /// now (an update can add articles before them).
    static func receivedArticles(_ page: LibraryPage, _ request: LibraryRequest, _ state: inout AppState) {
        state.articles = RowWindow(count: page.count, offset: page.offset, rows: page.articles.map(LibraryEntry.init),
                                   request: request)
        guard case .articles(_, _, let anchors, _) = request else { return }
        if let id = state.currentID, anchors.contains(id) {
            if let position = page.positions[id] {
                state.current = position
            }
            if state.currentPositionPending {
                state.currentPositionPending = false
                state.libraryCursor = state.current
                state.libraryCursorID = id
            }
        }
        if let id = state.libraryCursorID, anchors.contains(id), let position = page.positions[id] {
            // The rows on screen move with the cursor's article.
            state.libraryTop = max(0, state.libraryTop + position - state.libraryCursor)
            state.libraryCursor = position
        }
        state.libraryCursor = min(state.libraryCursor, max(0, page.count - 1))
        state.current = min(state.current, max(0, page.count - 1))
        if state.libraryCursorID == nil { state.libraryCursorID = state.articles.row(state.libraryCursor)?.id }
        ensureLibraryCursorVisible(&state)
        if let position = state.pendingOpen {
            if position >= page.count {
                state.pendingOpen = nil
            } else if let entry = state.articles.row(position) {
                open(entry.id, at: position, &state)
            }
        } else if state.currentID == nil, let first = state.articles.row(0) {
            // The library's first article, once it has one: shown, not chosen, so not read yet.
            open(first.id, at: 0, &state)
            state.readPending = nil
        }
    }

    /// The background update moved on: what was read at an older generation is asked again.
    static func indexingMoved(_ progress: IndexProgress, _ state: inout AppState) {
        if progress.generation > state.generation {
            state.generation = progress.generation
            state.failedRequests = [:]
        }
        guard progress.phase == .finished else {
            state.indexing = progress
            return
        }
        let wasIndexing = state.indexing != nil
        state.indexing = nil
        if wasIndexing, progress.toAnalyze > 0, state.message == nil {
            let n = progress.analyzed
            state.message = StatusMessage("Library indexed: \(n) article\(n == 1 ? "" : "s") analysed, "
                                          + "\(progress.files) in all")
        }
    }

    // MARK: The library pane's lists

    /// Shows a list across the library in the library pane, and focuses it.
    static func showLibrary(_ view: LibraryView, _ state: inout AppState) {
        if state.library.view != view {
            state.library.view = view
            state.library.positions[view.kind] = ListPosition()
        }
        if state.layout.rect(of: .library) == nil { state.secondary = .library }
        state.focus = .library
    }

    /// The filter's speaker's quotations across the library; with no filter, the picker first.
    static func showSpeakerQuotations(_ state: inout AppState) {
        guard state.filter?.person != nil else {
            openPicker(.libraryQuotations, &state)
            return
        }
        showLibrary(.quotations, &state)
    }

    /// Entries in the list the library pane shows (nil while the index has not answered).
    static func libraryListCount(_ state: AppState) -> Int? {
        switch state.library.view {
        case .articles: return state.articles.count
        case .quotations: return state.library.quotations.value?.count
        case .timeline: return state.library.timeline.count
        case .search: return state.library.results.value?.count
        case .echoes: return state.echoList?.count
        case .mostEchoed: return state.echoClusterList?.count
        case .follows: return state.follows.names.count
        case .followed: return state.library.unread.count
        }
    }

    /// Keeps a list's cursor inside it when a new answer is shorter.
    static func clampLibraryList(_ state: inout AppState, _ kind: LibraryView.Kind) {
        guard state.library.view.kind == kind, let count = libraryListCount(state) else { return }
        var position = state.library.position
        position.cursor = min(position.cursor, max(0, count - 1))
        position.top = ListWindow.top(cursor: position.cursor, top: position.top, count: count,
                                      visible: visibleEntries(.library, state))
        state.library.position = position
    }

    /// Opens what the library pane's cursor is on: an article; a quotation, a dated event or a
    /// search hit in its article; a followed speaker's new quotations. False when no article
    /// was opened (nothing there yet, or another list shown instead).
    static func activateLibraryEntry(_ state: inout AppState) -> Bool {
        let cursor = state.library.position.cursor
        switch state.library.view {
        case .articles:
            guard state.libraryCursor < state.articleCount else { return false }
            open(state.libraryCursor, &state)
        case .quotations:
            guard let list = state.library.quotations.value, list.indices.contains(cursor) else { return false }
            let quotation = list[cursor]
            open(quotation.article.id, at: nil, jump: .quotation(quotation.ordinal), &state)
        case .timeline:
            guard let entry = state.library.timeline.row(cursor) else { return false }
            open(entry.article.id, at: nil, jump: .timeExpression(entry.expressionOrdinal), &state)
        case .search(let query):
            guard let hits = state.library.results.value, hits.indices.contains(cursor) else { return false }
            switch hits[cursor] {
            case .article(let hit):
                open(hit.article.id, at: nil, jump: .matches(query: query, quotation: nil), &state)
            case .quotation(let hit):
                open(hit.quotation.article.id, at: nil, jump: .matches(query: query, quotation: hit.quotation.ordinal), &state)
            }
        case .echoes:
            guard let list = state.echoList, list.indices.contains(cursor) else { return false }
            open(list[cursor].article.id, at: nil, jump: .quotation(list[cursor].ordinal), &state)
        case .mostEchoed:
            guard let clusters = state.echoClusterList, clusters.indices.contains(cursor) else { return false }
            let first = clusters[cursor].first
            open(first.article.id, at: nil, jump: .quotation(first.ordinal), &state)
        case .follows:
            guard state.follows.names.indices.contains(cursor) else { return false }
            showFollowed(state.follows.names[cursor], &state)
            return false
        case .followed(let name):
            guard state.library.unread.indices.contains(cursor) else { return false }
            let quotation = state.library.unread[cursor].quotation
            state.follows.markSeen([quotation], of: name)
            countFollowed(&state)
            open(quotation.article.id, at: nil, jump: .quotation(quotation.ordinal), &state)
        }
        return true
    }

    // MARK: Echoes and follows

    /// The selected quotation's echoes, in the library pane.
    static func showEchoes(_ state: inout AppState) {
        guard let id = state.currentID, let quote = state.view.selectedQuote else {
            let keys = [Command.nextQuote, .previousQuote].compactMap { state.keymap.keys(for: $0).first?.label }
            state.message = StatusMessage("Select a quotation first (\(keys.joined(separator: " and ")) move between them)")
            return
        }
        if state.echoes[id] != nil, state.echoSummary(quote: quote) == nil {
            state.message = StatusMessage("This quotation appears in no other article")
            return
        }
        showLibrary(.echoes(article: id, quotation: quote), &state)
    }

    /// The most echoed quotations; again in that list, the next period.
    static func showMostEchoed(_ state: inout AppState) {
        if state.library.view == .mostEchoed, state.libraryFocused {
            state.library.echoPeriod = state.library.echoPeriod.next
            state.library.position = ListPosition()
        } else {
            showLibrary(.mostEchoed, &state)
        }
        let again = state.keymap.keys(for: .mostEchoed).first.map { " (\($0.label) again: \(state.library.echoPeriod.next.label))" } ?? ""
        state.message = StatusMessage("Most echoed quotations: \(state.library.echoPeriod.label)\(again)")
    }

    /// The followed speakers, with their unread quotations.
    static func showFollows(_ state: inout AppState) {
        showLibrary(.follows, &state)
        if state.follows.names.isEmpty {
            state.message = StatusMessage("You follow nobody yet: byline follow NAME follows a speaker")
        }
    }

    /// Counts each followed speaker's quotations and unread ones, for the list of followed
    /// speakers: when the index answers and when one is read.
    static func countFollowed(_ state: inout AppState) {
        var counts: [String: FollowCount] = [:]
        for list in state.followedQuotations ?? [] {
            counts[list.name] = FollowCount(quotations: list.quotations.count,
                                            unread: state.follows.unread(list.quotations, of: list.name).count)
        }
        state.library.followCounts = counts
    }

    /// A followed speaker's unread quotations, by date, as they are now: reading one marks it
    /// without taking it off the list.
    static func showFollowed(_ name: String, _ state: inout AppState) {
        guard let lists = state.followedQuotations, let list = lists.first(where: { $0.name == name }) else {
            state.message = StatusMessage("Still finding \(name)'s quotations")
            return
        }
        state.library.unread = state.follows.unread(list.quotations, of: name).map(UnreadQuotation.init)
        showLibrary(.followed(name), &state)
        if state.library.unread.isEmpty { state.message = StatusMessage("No unread quotations by \(name)") }
    }

    /// Goes where an article was opened to go, once its analysis (and, for a search, the
    /// matches) are at hand.
    static func applyPendingJump(_ state: inout AppState) {
        guard let jump = state.pendingJump, jump.article == state.currentID, let document = state.document else { return }
        switch jump.target {
        case .quotation(let id):
            state.pendingJump = nil
            if document.quote(id) != nil {
                select(quote: id, &state)
            } else {
                state.message = StatusMessage("That quotation is no longer in this article", kind: .warning)
            }
        case .timeExpression(let expression):
            state.pendingJump = nil
            let entries = document.analysis.timeline.entries
            if let row = document.timelineRows.indices.first(where: { entries[document.timelineRows[$0].entry].expression == expression }) {
                select(row: row, &state)
            } else {
                state.message = StatusMessage("That date is no longer in this article", kind: .warning)
            }
        case .matches(let query, let quotation):
            guard let matches = jump.matches else { return }
            state.pendingJump = nil
            let text = trimmed(query)
            if matches.isEmpty {
                state.search = nil
            } else {
                state.search = SearchState(query: text, matches: matches, current: 0)
            }
            if let quotation, let quote = document.quote(quotation) {
                select(quote: quotation, &state)
                if var search = state.search, let index = matches.firstIndex(where: { $0.start >= quote.span.start }) {
                    search.current = index
                    state.search = search
                }
            } else if let first = matches.first {
                reveal(first, &state)
            }
        }
    }

    // MARK: Searching the library

    static func librarySearchKey(_ key: Key, field: TextField, _ state: inout AppState) {
        var field = field
        switch field.handle(key, cancelsWhenEmpty: true) {
        case .cancelled: state.mode = .normal
        case .submitted:
            state.mode = .normal
            let text = trimmed(field.text)
            guard !text.isEmpty else { return }
            state.library.view = .articles  // a new search starts at its first hit
            showLibrary(.search(text), &state)
        case .edited, .moved: state.mode = .searchingLibrary(field)
        case .ignored: break
        }
    }
}
