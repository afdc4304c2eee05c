import BylineCore
import Foundation
import GRDB

/// The shared index of a library: every article under some folders, with speakers merged
/// across articles, quotations, time expressions, timelines and full-text search, cached in
/// SQLite (WAL mode, so several readers and processes share one cache file).
///
/// An index file holds one library: the articles under the paths it was last updated with.
/// Open it (`open(at:)` never fails: a cache that cannot be used is reported in `notices` and
/// replaced by a fresh file or an in-memory index), bring it up to date (`update`), then query
/// it. Queries may run on any thread, also while an update runs: they see the last committed
/// batch.
///
/// A reader opening a library shows it at once and fills it as indexing goes:
/// ```swift
/// let index = LibraryIndex.open(at: LibraryIndex.defaultPath(forLibrary: paths))
/// var entries = try index.articles()            // what the cache holds: instant
/// let task = index.startUpdate(paths: paths)    // scans and analyses in the background
/// // in the event loop, cheaply and often:
/// if task.progress.generation != shownGeneration {   // a batch was committed
///     entries = try index.articles()                 // and the speakers, the timeline...
/// }
/// ```
/// (`updates(paths:)` gives the same progress as an `AsyncThrowingStream`.)
public final class LibraryIndex: Sendable {
    public enum Storage: Sendable, Equatable, CustomStringConvertible {
        case file(String)
        case memory

        public var description: String {
            switch self {
            case .file(let path): return path
            case .memory: return "memory"
            }
        }
    }

    public let storage: Storage
    /// What happened while opening that the user should know: a corrupt cache moved aside and
    /// rebuilt, an unwritable or locked cache replaced by an in-memory index.
    public let notices: [String]

    let database: any DatabaseWriter

    private init(storage: Storage, database: any DatabaseWriter, notices: [String]) {
        self.storage = storage
        self.database = database
        self.notices = notices
    }

    /// How long a writer waits by default for another process's transaction before giving up.
    public static let defaultBusyTimeout: TimeInterval = 10

    // MARK: Opening

    /// Opens (creating if needed) the index at `path`. A file that is not a database or is
    /// damaged is moved aside to `PATH.corrupt` and a new index is started; a cache that cannot
    /// be created, opened or written (read-only folder, locked, written by a newer Byline) gives
    /// an in-memory index for this run. Every such case is described in `notices`.
    public static func open(at path: String, busyTimeout: TimeInterval = defaultBusyTimeout) -> LibraryIndex {
        var notices: [String] = []
        let folder = FilePaths.parent(of: path)
        do {
            try FileManager.default.createDirectory(atPath: folder,
                                                    withIntermediateDirectories: true)
        } catch {
            notices.append("cannot create the index folder \(folder) (\(reason(error))); indexing in memory for this run")
            return memoryIndex(notices: notices)
        }
        for attempt in 0..<2 {
            do {
                let pool = try openPool(path, busyTimeout: busyTimeout)
                return LibraryIndex(storage: .file(path), database: pool, notices: notices)
            } catch let failure as OpenFailure {
                switch failure {
                case .corrupt(let detail) where attempt == 0:
                    do {
                        let aside = try moveAside(path)
                        notices.append("the index \(path) was damaged (\(detail)); moved it to \(aside) and started a new index")
                    } catch {
                        notices.append("the index \(path) is damaged (\(detail)) and cannot be moved aside (\(reason(error)));"
                                       + " indexing in memory for this run")
                        return memoryIndex(notices: notices)
                    }
                case .corrupt(let detail):
                    notices.append("the index \(path) is still unusable after a rebuild (\(detail)); indexing in memory for this run")
                    return memoryIndex(notices: notices)
                case .newerSchema:
                    notices.append("the index \(path) was written by a newer version of Byline; indexing in memory for this run"
                                   + " (use --index to choose another file)")
                    return memoryIndex(notices: notices)
                case .locked:
                    notices.append("the index \(path) is locked by another process; indexing in memory for this run")
                    return memoryIndex(notices: notices)
                case .unusable(let detail):
                    notices.append("cannot use the index \(path) (\(detail)); indexing in memory for this run")
                    return memoryIndex(notices: notices)
                }
            } catch {
                notices.append("cannot use the index \(path) (\(reason(error))); indexing in memory for this run")
                return memoryIndex(notices: notices)
            }
        }
        return memoryIndex(notices: notices)
    }

    /// A new empty index that lives in memory only.
    public static func inMemory() -> LibraryIndex { memoryIndex(notices: []) }

    /// Opens the same index again, after moving a damaged file aside: used when damage shows
    /// only after opening (a query or an update met SQLITE_CORRUPT).
    public func reopenedAfterDamage(_ error: LibraryIndexError) -> LibraryIndex {
        guard case .file(let path) = storage else { return LibraryIndex.inMemory() }
        try? database.close()
        var notices: [String] = []
        do {
            let aside = try LibraryIndex.moveAside(path)
            notices.append("the index \(path) was damaged (\(error.description)); moved it to \(aside) and started a new index")
        } catch {
            notices.append("the index \(path) is damaged and cannot be moved aside (\(LibraryIndex.reason(error)));"
                           + " indexing in memory for this run")
            return LibraryIndex.memoryIndex(notices: notices)
        }
        let reopened = LibraryIndex.open(at: path, busyTimeout: database.configuration.busyTimeout)
        return LibraryIndex(storage: reopened.storage, database: reopened.database, notices: notices + reopened.notices)
    }

    /// Where the index of a library lives by default: `$XDG_CACHE_HOME/byline/` (else
    /// `~/.cache/byline/`), one file per set of library paths.
    public static func defaultPath(forLibrary roots: [String],
                                   environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let cacheHome: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            cacheHome = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            cacheHome = FilePaths.joined(home, ".cache")
        }
        return FilePaths.joined(FilePaths.joined(cacheHome, "byline"), fileName(forLibrary: roots))
    }

    /// `library-<hash of the sorted absolute roots>.sqlite`.
    public static func fileName(forLibrary roots: [String]) -> String {
        let key = roots.map { FilePaths.absolute($0) }.sorted().joined(separator: "\n")
        return "library-" + String(ContentHash.of(Data(key.utf8)), radix: 16) + ".sqlite"
    }

    // MARK: Internals

    private enum OpenFailure: Error {
        case corrupt(String)
        case newerSchema
        case locked
        case unusable(String)
    }

    private static func configuration(busyTimeout: TimeInterval = defaultBusyTimeout) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "byline-index"
        configuration.prepareDatabase { db in
            // WAL with NORMAL is durable across application crashes; only a power loss can
            // lose the last commits, and the index can always be rebuilt from the files.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // After a checkpoint, the WAL file shrinks back to this size.
            try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
        }
        return configuration
    }

    private static func openPool(_ path: String, busyTimeout: TimeInterval) throws -> DatabasePool {
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration(busyTimeout: busyTimeout))
        } catch {
            throw classify(error)
        }
        do {
            let migrator = IndexSchema.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                try? pool.close()
                throw OpenFailure.newerSchema
            }
            try migrate(pool, with: migrator)
            // Reading the schema proves the header; this proves the tables open.
            _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM meta") }
            return pool
        } catch let failure as OpenFailure {
            throw failure
        } catch {
            try? pool.close()
            throw classify(error)
        }
    }

    /// Two processes opening a new index at once may both find a migration to apply; the
    /// second then fails on what the first created (a table that exists, a migration already
    /// recorded). Reading what was applied and going on settles it: each migration runs in a
    /// transaction of its own.
    private static func migrate(_ pool: DatabasePool, with migrator: DatabaseMigrator) throws {
        let raced: [ResultCode] = [.SQLITE_ERROR, .SQLITE_CONSTRAINT, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_SCHEMA]
        var attempt = 0
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch let error as DatabaseError where raced.contains(error.resultCode) && attempt < 8 {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.01 * Double(attempt))
            }
        }
    }

    private static func classify(_ error: any Error) -> OpenFailure {
        guard let error = error as? DatabaseError else { return .unusable(reason(error)) }
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt(error.message ?? "\(error.resultCode)")
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked
        default: return .unusable(error.message ?? "\(error.resultCode)")
        }
    }

    private static func memoryIndex(notices: [String]) -> LibraryIndex {
        // An in-memory database cannot fail to open short of running out of memory.
        let queue = try! DatabaseQueue(configuration: configuration())
        try! IndexSchema.migrator.migrate(queue)
        return LibraryIndex(storage: .memory, database: queue, notices: notices)
    }

    /// Moves a damaged index (and its WAL and shared-memory files) to `PATH.corrupt`.
    private static func moveAside(_ path: String) throws -> String {
        let fm = FileManager.default
        let aside = path + ".corrupt"
        try? fm.removeItem(atPath: aside)
        if fm.fileExists(atPath: path) { try fm.moveItem(atPath: path, toPath: aside) }
        for suffix in ["-wal", "-shm", "-journal"] where fm.fileExists(atPath: path + suffix) {
            try fm.removeItem(atPath: path + suffix)
        }
        return aside
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return FileFailure.reason(error)
    }

    /// Runs a read, turning SQLite failures into `LibraryIndexError`.
    func read<T>(_ body: (Database) throws -> T) throws(LibraryIndexError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw LibraryIndexError(error)
        }
    }
}

/// Why an index operation failed.
public enum LibraryIndexError: Error, CustomStringConvertible, Sendable {
    /// The file is damaged: `LibraryIndex.reopenedAfterDamage` starts a new one.
    case damaged(String)
    /// Another process held the index longer than the busy timeout.
    case locked
    /// The index has no library yet and no paths were given.
    case noLibrary
    case cancelled
    case database(String)
    /// An article file could not be read (an error only for a file named explicitly).
    case read(ReadError)

    init(_ error: any Error) {
        if let error = error as? LibraryIndexError {
            self = error
        } else if let error = error as? ReadError {
            self = .read(error)
        } else if error is RowDecodingError {
            self = .damaged("a stored value has the wrong type")
        } else if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .damaged(error.message ?? "\(error.resultCode)")
            case .SQLITE_BUSY, .SQLITE_LOCKED: self = .locked
            default: self = .database(error.message ?? "\(error.resultCode)")
            }
        } else {
            self = .database(LibraryIndex.reason(error))
        }
    }

    public var isDamage: Bool {
        if case .damaged = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .damaged(let detail): return "the index is damaged (\(detail))"
        case .locked: return "the index is locked by another process"
        case .noLibrary: return "the index holds no library yet: give the article folders to index"
        case .cancelled: return "indexing was cancelled"
        case .database(let detail): return "index database error: \(detail)"
        case .read(let error): return error.description
        }
    }
}

extension Configuration {
    /// The busy timeout this configuration was made with.
    var busyTimeout: TimeInterval {
        if case .timeout(let seconds) = busyMode { return seconds }
        return LibraryIndex.defaultBusyTimeout
    }
}
