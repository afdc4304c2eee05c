import BylineCore
import BylineSources
import Foundation
import GRDB

extension LibraryIndex {
    /// Brings the index up to date with the articles under `paths` (files or folders, read
    /// recursively), or under the paths of the last update when `paths` is nil.
    ///
    /// A file whose size and modification time match the index is not read. A file whose stamp
    /// changed is read and hashed; only if its content (or its reference date) changed is it
    /// analysed again. Articles whose files are gone, or no longer under `paths`, are removed.
    /// Analysis runs on every core while one writer commits batches; `progress` is called
    /// after the scan and after each committed batch (on the calling thread), and queries made
    /// meanwhile see every committed batch.
    ///
    /// Throws `.read` for a path that does not exist (nothing is changed then), `.noLibrary`
    /// when `paths` is nil and the index has never been given any, and `.damaged` / `.locked` /
    /// `.database` for an index that fails while writing.
    @discardableResult
    public func update(paths: [String]? = nil, referenceDate: CivilDate? = nil, analysis: IndexAnalysis = .standard,
                       cancellation: IndexCancellation? = nil,
                       progress: (IndexProgress) -> Void = { _ in }) throws(LibraryIndexError) -> IndexUpdateSummary
    {
        do {
            return try withoutActuallyEscaping(progress) { progress in
                let updater = IndexUpdater(index: self, referenceDate: referenceDate, analysis: analysis,
                                           cancellation: cancellation ?? IndexCancellation(), progress: progress)
                return try updater.run(paths: paths)
            }
        } catch {
            throw LibraryIndexError(error)
        }
    }

    /// The library paths of the last update (absolute), empty for a new index.
    public func libraryPaths() throws(LibraryIndexError) -> [String] {
        try read { db in try IndexMeta.roots(db) }
    }
}

/// Reading and writing the `meta` table.
enum IndexMeta {
    static let rootsKey = "roots"
    static let referenceDateKey = "reference_date"
    /// "1" while `persons` lags behind `speakers` (an update stopped before merging).
    static let personsDirtyKey = "persons_dirty"
    /// `SpeakerMerge.version` of the stored merge: other rules merge again.
    static let mergeVersionKey = "merge_version"
    /// `EchoWords.version` of the stored echoes, or "off" (`EchoSync.storedVersion`): another
    /// value finds them all again.
    static let echoVersionKey = "echo_version"

    static func value(_ key: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    static func set(_ key: String, _ value: String, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value
            """).execute(arguments: [key, value])
    }

    static func generation(_ db: Database) throws -> Int64 {
        Int64(try value(MetaKey.generation, db) ?? "0") ?? 0
    }

    static func roots(_ db: Database) throws -> [String] {
        guard let text = try value(rootsKey, db), !text.isEmpty else { return [] }
        return text.components(separatedBy: "\n")
    }
}

/// One update of an index: scan, compare, analyse in parallel, write in batches.
private final class IndexUpdater {
    private let index: LibraryIndex
    private let referenceDate: CivilDate?
    private let analysis: IndexAnalysis
    private let cancellation: IndexCancellation
    private let report: (IndexProgress) -> Void
    private let started = DispatchTime.now().uptimeNanoseconds
    private var analysisStarted: UInt64?
    private var state = IndexProgress(phase: .scanning)
    private var summary = IndexUpdateSummary()
    private let persons = PersonSync()
    private let echoes: EchoSync
    /// The generation this update last wrote (or read): another value means another writer.
    private var knownGeneration: Int64 = 0
    private var lastPersonSync: UInt64 = 0
    private var lastPersonSyncCost: UInt64 = 0

    /// A stored file (the articles read from it share its stamp and hash), as the scan compares it.
    private struct StoredFile {
        var stamp: FileStamp
        var hash: UInt64
        var articles: [Int64] = []
    }

    init(index: LibraryIndex, referenceDate: CivilDate?, analysis: IndexAnalysis, cancellation: IndexCancellation,
         progress: @escaping (IndexProgress) -> Void)
    {
        self.index = index
        self.referenceDate = referenceDate
        self.analysis = analysis
        self.cancellation = cancellation
        self.report = progress
        echoes = EchoSync(enabled: analysis.echoes)
    }

    private var database: any DatabaseWriter { index.database }

    private func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private func send(_ phase: IndexProgress.Phase) {
        state.phase = phase
        state.elapsed = seconds(since: started)
        state.analyzingElapsed = analysisStarted.map(seconds(since:)) ?? 0
        report(state)
    }

    func run(paths: [String]?) throws -> IndexUpdateSummary {
        // 1. What the index holds.
        var storedRoots: [String] = []
        var stored: [String: StoredFile] = [:]
        var storedCatalogs: [String: FileStamp] = [:]
        var storedVersion: String?
        var storedReferenceDate: String?
        var personsDirty = false
        var echoesStale = false
        try database.read { db in
            storedRoots = try IndexMeta.roots(db)
            storedVersion = try IndexMeta.value(MetaKey.analysisVersion, db)
            storedReferenceDate = try IndexMeta.value(IndexMeta.referenceDateKey, db)
            knownGeneration = try IndexMeta.generation(db)
            personsDirty = try IndexMeta.value(IndexMeta.personsDirtyKey, db) == "1"
                || (try IndexMeta.value(IndexMeta.mergeVersionKey, db)) != String(SpeakerMerge.version)
                || (try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM speakers WHERE person_id IS NULL)") ?? false)
            echoesStale = try EchoSync.isStale(db, enabled: analysis.echoes)
            let rows = try Row.fetchCursor(db, sql: "SELECT id, file, size, mtime, content_hash FROM articles")
            while let r = try rows.next() {
                let file: String = try r.decode(atIndex: 1)
                let id: Int64 = try r.decode(atIndex: 0)
                if stored[file] == nil {
                    stored[file] = StoredFile(stamp: FileStamp(size: try r.decode(atIndex: 2), mtime: try r.decode(atIndex: 3)),
                                              hash: UInt64(bitPattern: try r.decode(atIndex: 4)))
                }
                stored[file]?.articles.append(id)
            }
            for r in try Row.fetchAll(db, sql: "SELECT path, size, mtime FROM catalogs") {
                storedCatalogs[try r.decode(atIndex: 0)] = FileStamp(size: try r.decode(atIndex: 1), mtime: try r.decode(atIndex: 2))
            }
        }
        let roots = paths.map { $0.map { FilePaths.absolute($0) } } ?? storedRoots
        if roots.isEmpty { throw LibraryIndexError.noLibrary }

        // 2. What the library holds now.
        let files = try ArticleFinder.scan(roots)
        let explicitFiles = Set(roots.filter { root in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) && !isDirectory.boolValue
        })
        let discardOld = storedVersion != analysis.version && !stored.isEmpty
        if discardOld { stored = [:] }
        let overrideText = referenceDate?.iso ?? ""
        let catalogs = DateResolver.catalogStamps(forFolders: Set(files.map(\.folder)))
        // What a catalog says (dates, titles) reaches the files of its folder and of the folders
        // just below it; the --date override reaches every file.
        let overrideMoved = overrideText != (storedReferenceDate ?? "")
        let changedCatalogFolders = Set(Set(catalogs.keys).union(storedCatalogs.keys)
            .filter { catalogs[$0] != storedCatalogs[$0] }.map { FilePaths.parent(of: $0) })

        var work: [WorkItem] = []
        var present = Set<String>()
        present.reserveCapacity(files.count)
        for file in files {
            let path = file.path
            let stamp = file.stamp
            guard present.insert(path).inserted else { continue }
            let previous = stored[path]
            let describedAnew = overrideMoved || changedCatalogFolders.contains(file.folder)
                || changedCatalogFolders.contains(FilePaths.parent(of: file.folder))
            if let previous, previous.stamp == stamp, !describedAnew {
                state.unchanged += 1
                continue
            }
            work.append(WorkItem(path: path, stamp: stamp, storedHash: previous?.hash, describedAnew: describedAnew,
                                 stored: [], explicit: explicitFiles.contains(path)))
        }
        // For files described anew, what is stored of their articles, to compare.
        let described = work.indices.filter { work[$0].describedAnew && work[$0].storedHash != nil }
        if !described.isEmpty {
            let facts = try database.read { db in try StoredArticleFacts.all(db) }
            for i in described { work[i].stored = facts[work[i].path] ?? [] }
        }
        let removed = stored.filter { !present.contains($0.key) }.flatMap(\.value.articles)
        state.files = present.count
        state.removed = removed.count
        state.toAnalyze = work.count
        state.bytesToAnalyze = work.reduce(0) { $0 + $1.stamp.size }
        state.generation = knownGeneration
        summary.files = present.count
        summary.unchanged = state.unchanged
        summary.removed = removed.count
        summary.discardedOldAnalysis = discardOld
        send(.scanning)
        let metaChanged = storedRoots != roots || storedVersion != analysis.version
            || (storedReferenceDate ?? "") != overrideText || catalogs != storedCatalogs

        // Many files to write, or every stored quotation's echoes to find.
        let writesMuch = work.count >= 256 || (echoesStale && !stored.isEmpty)
        if writesMuch { try startWritingMuch() }
        defer { if writesMuch { stopWritingMuch() } }

        // 3. Housekeeping in one transaction: a new analysis version, removed files, the
        // library's paths and catalogs, echoes found again for the stored quotations when they
        // are stale (loading them does that).
        if discardOld {
            // Erasing is much faster than deleting row by row through the search triggers.
            try database.erase()
            try IndexSchema.migrator.migrate(database)
        }
        if discardOld || metaChanged || !removed.isEmpty || echoesStale {
            try write { db in
                for id in removed {
                    try ArticleRows.delete(id: id, db: db, echoes: self.echoes)
                    self.persons.removedArticle(id)
                }
                try IndexMeta.set(IndexMeta.rootsKey, roots.joined(separator: "\n"), db)
                try IndexMeta.set(MetaKey.analysisVersion, self.analysis.version, db)
                try IndexMeta.set(IndexMeta.referenceDateKey, overrideText, db)
                try db.execute(sql: "DELETE FROM catalogs")
                for (path, stamp) in catalogs {
                    try db.execute(sql: "INSERT INTO catalogs (path, size, mtime) VALUES (?, ?, ?)",
                                   arguments: [path, stamp.size, stamp.mtime])
                }
                if !removed.isEmpty {
                    // Until the merge at the end, the library's speakers still count them.
                    personsDirty = true
                    try IndexMeta.set(IndexMeta.personsDirtyKey, "1", db)
                }
            }
        }

        // 4. Analyse and write.
        if !work.isEmpty {
            try analyzeAndWrite(work)
            personsDirty = true
        }
        if personsDirty {
            let mergeStart = DispatchTime.now().uptimeNanoseconds
            defer { summary.mergingSeconds += seconds(since: mergeStart) }
            try write { db in
                try self.persons.sync(db)
                try IndexMeta.set(IndexMeta.personsDirtyKey, "0", db)
                try IndexMeta.set(IndexMeta.mergeVersionKey, String(SpeakerMerge.version), db)
            }
        }
        summary.echoCPUSeconds = echoes.cpuSeconds
        summary.seconds = seconds(since: started)
        send(.finished)
        return summary
    }

    /// One write transaction; reloads the speaker cache first when another process wrote
    /// since this update last looked, and moves the generation on.
    private func write(_ body: (Database) throws -> Void) throws {
        try database.write { db in
            let generation = try IndexMeta.generation(db)
            if !persons.isLoaded || generation != knownGeneration {
                try persons.load(db)
                try echoes.load(db)
            }
            try body(db)
            knownGeneration = generation + 1
            try IndexMeta.set(MetaKey.generation, String(knownGeneration), db)
        }
        state.generation = knownGeneration
    }

    // MARK: Pipeline

    /// Sets the writer for writing much: a checkpoint (copying the WAL into the database, with
    /// an fsync) every 4 MB, the default, means some 60 of them in a large build, so every 32 MB;
    /// and a page cache of 64 MB instead of 2, so that the indexes whose keys come in no order
    /// (search terms, echo shingles) are not read back from the file at every insert.
    private func startWritingMuch() throws {
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192")
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
    }

    /// The writer's defaults again, and a checkpoint.
    private func stopWritingMuch() {
        try? database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 1000")
            try db.execute(sql: "PRAGMA cache_size = -2000")
            try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)")
        }
    }

    private func analyzeAndWrite(_ work: [WorkItem]) throws {
        let batches = IndexUpdater.batches(of: work)
        let channel = BatchChannel(capacity: 2)
        let analysis = self.analysis
        let dates = DateResolver(override: referenceDate)
        let cancellation = self.cancellation
        let stop = IndexCancellation()
        analysisStarted = DispatchTime.now().uptimeNanoseconds
        // The producer analyses batch n+1 on every core while this thread writes batch n.
        DispatchQueue.global(qos: .userInitiated).async {
            for batch in batches {
                if cancellation.isCancelled || stop.isCancelled { break }
                channel.put(IndexUpdater.process(batch, analysis: analysis, dates: dates))
            }
            channel.close()
        }
        defer {
            // However this ends, let the producer finish without blocking.
            stop.cancel()
            channel.drain()
        }
        var waitStart = DispatchTime.now().uptimeNanoseconds
        while let outcomes = channel.take() {
            summary.waitingSeconds += seconds(since: waitStart)
            if cancellation.isCancelled { throw LibraryIndexError.cancelled }
            let writeStart = DispatchTime.now().uptimeNanoseconds
            let writeCPUStart = ThreadClock.cpuSeconds()
            try write { db in
                for outcome in outcomes { try self.store(outcome, db: db) }
                // Merging speakers again costs a pass over all names: every few seconds (and
                // at most a tenth of the writer's time), so the reader's speaker list fills as
                // indexing goes without slowing the build.
                let now = DispatchTime.now().uptimeNanoseconds
                if now - self.lastPersonSync > max(3_000_000_000, 10 * self.lastPersonSyncCost) {
                    try self.persons.sync(db)
                    let cost = DispatchTime.now().uptimeNanoseconds - now
                    self.summary.mergingSeconds += Double(cost) / 1e9
                    self.lastPersonSyncCost = cost
                    self.lastPersonSync = DispatchTime.now().uptimeNanoseconds
                    try IndexMeta.set(IndexMeta.personsDirtyKey, "0", db)
                } else {
                    try IndexMeta.set(IndexMeta.personsDirtyKey, "1", db)
                }
            }
            summary.writingSeconds += seconds(since: writeStart)
            summary.writingCPUSeconds += ThreadClock.cpuSeconds() - writeCPUStart
            for outcome in outcomes {
                state.analyzed += 1
                state.bytesAnalyzed += outcome.item.stamp.size
            }
            send(.analyzing)
            waitStart = DispatchTime.now().uptimeNanoseconds
        }
        if cancellation.isCancelled, state.analyzed < state.toAnalyze { throw LibraryIndexError.cancelled }
    }

    private func store(_ outcome: Outcome, db: Database) throws {
        let item = outcome.item
        switch outcome.result {
        case .analyzed(let articles, let hash):
            for old in try ArticleRows.delete(file: item.path, db: db, echoes: echoes) { persons.removedArticle(old) }
            let file = ArticleFileInfo(path: item.path, stamp: item.stamp, hash: hash)
            for article in articles {
                // Two items of one feed under one key: the first is kept.
                if try ArticleRows.exists(key: article.key, db: db) { continue }
                let (_, speakers) = try ArticleRows.insert(article, file: file, db: db, echoes: echoes,
                                                           person: persons.predictedPerson)
                persons.added(speakers)
                summary.warnings += article.warnings
            }
            summary.analyzed += 1
        case .sameContent:
            try ArticleRows.restamp(file: item.path, stamp: item.stamp, db: db)
            summary.sameContent += 1
        case .failed(let error):
            for old in try ArticleRows.delete(file: item.path, db: db, echoes: echoes) { persons.removedArticle(old) }
            summary.failures.append(IndexFailure(path: item.path, error: error, explicit: item.explicit))
        }
    }

    /// Small first batches so a reader sees articles at once, then larger ones for throughput.
    static func batches(of work: [WorkItem]) -> [[WorkItem]] {
        var batches: [[WorkItem]] = []
        var current: [WorkItem] = []
        var bytes: Int64 = 0
        for item in work {
            current.append(item)
            bytes += item.stamp.size
            let limit = batches.isEmpty ? 32 : 1024
            if current.count >= limit || bytes >= 4 << 20 {
                batches.append(current)
                current = []
                bytes = 0
            }
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }

    /// Threads analysing while the writer writes. The writer is one thread of its own and
    /// usually the slower side (the search index costs more than the analysis), so it gets a
    /// core: three busy threads on two cores would slow it by a third.
    static let analysisThreads = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)

    /// Reads, hashes and analyses a batch on `analysisThreads` threads, keeping its order.
    static func process(_ batch: [WorkItem], analysis: IndexAnalysis, dates: DateResolver) -> [Outcome] {
        OrderedParallel.map(count: batch.count, threads: analysisThreads) { i in
            Outcome(item: batch[i], result: process(batch[i], analysis: analysis, dates: dates))
        }
    }

    private static func process(_ item: WorkItem, analysis: IndexAnalysis, dates: DateResolver) -> Outcome.Result {
        let data: Data
        do {
            data = try ArticleReader.contents(ofFileAt: item.path)
        } catch {
            return .failed(error)
        }
        let hash = ContentHash.of(data)
        // Same bytes and nothing new from a catalog or --date: the stored analysis stands.
        if hash == item.storedHash, !item.describedAnew { return .sameContent }
        do {
            let articles = SourceReader.dated(try SourceReader.read(data, source: item.path), path: item.path, dates: dates)
            if hash == item.storedHash, item.stored == articles.map(StoredArticleFacts.init) { return .sameContent }
            return .analyzed(articles.map { PreparedArticle(analysis.analyze($0), echoes: analysis.echoes) }, hash: hash)
        } catch {
            return .failed(error)
        }
    }
}

/// The calling thread's clock, for the time summaries of an update.
enum ThreadClock {
    /// CPU time of the calling thread.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// What decides whether a stored article still stands when its file's content has not changed:
/// its key, dates and metadata (a catalog or --date may have changed them).
struct StoredArticleFacts: Equatable, Sendable {
    var key: String
    var date: CivilDate?
    var dateSource: DateSource?
    var metadata: ArticleMetadata

    init(_ article: Article) {
        key = article.source
        date = article.date
        dateSource = article.dateSource
        metadata = article.metadata
    }

    init(key: String, date: CivilDate?, dateSource: DateSource?, metadata: ArticleMetadata) {
        self.key = key
        self.date = date
        self.dateSource = dateSource
        self.metadata = metadata
    }

    /// Every stored article's facts, by file, in insertion order.
    static func all(_ db: Database) throws -> [String: [StoredArticleFacts]] {
        var facts: [String: [StoredArticleFacts]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT file, path, date, date_source, format, title, authors, url, site, language, item_id
            FROM articles ORDER BY id
            """)
        while let row = try rows.next() {
            let file: String = try row.decode(atIndex: 0)
            facts[file, default: []].append(StoredArticleFacts(
                key: try row.decode(atIndex: 1), date: (try row.decode(String?.self, atIndex: 2)).flatMap(CivilDate.init(iso:)),
                dateSource: (try row.decode(String?.self, atIndex: 3)).flatMap(DateSource.init(rawValue:)),
                metadata: try ArticleRows.metadata(row, from: 4)))
        }
        return facts
    }
}

/// A file to read and perhaps analyse.
private struct WorkItem: Sendable {
    var path: String
    var stamp: FileStamp
    /// The stored hash: equal content needs no analysis, unless the articles are described anew.
    var storedHash: UInt64?
    /// A catalog that could describe the file's articles changed, or the --date override did:
    /// their dates and metadata must be compared even if the content is the same.
    var describedAnew: Bool
    /// What is stored of the file's articles, in order, when it is described anew.
    var stored: [StoredArticleFacts]
    var explicit: Bool
}

private struct Outcome: Sendable {
    enum Result: Sendable {
        case analyzed([PreparedArticle], hash: UInt64)
        case sameContent
        case failed(ReadError)
    }

    var item: WorkItem
    var result: Result
}

/// A bounded queue of analysed batches between the analysis and the writer: at most
/// `capacity` batches wait, which bounds memory on a large library.
private final class BatchChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [[Outcome]] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    func put(_ batch: [Outcome]) {
        condition.lock()
        while items.count >= capacity && !closed { condition.wait() }
        if !closed { items.append(batch) }
        condition.broadcast()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, or nil once the producer closed and everything was taken.
    func take() -> [Outcome]? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        if items.isEmpty { return nil }
        let batch = items.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Drops waiting batches and waits for the producer to close.
    func drain() {
        condition.lock()
        defer { condition.unlock() }
        items.removeAll()
        condition.broadcast()
        while !closed {
            condition.wait()
            items.removeAll()
            condition.broadcast()
        }
    }
}
