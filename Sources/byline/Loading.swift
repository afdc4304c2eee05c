import BylineCore
import BylineSources
import Foundation

/// Reads and analyses the articles named on the command line.
enum ArticleLoading {
    /// Articles under `paths` (the bundled seed when empty). An unreadable file named
    /// explicitly is an error; inside a folder it is skipped with a warning.
    static func load(_ options: ArticleOptions) throws -> [Article] {
        let date = options.referenceDate
        if options.paths.isEmpty { return [BundledSeed.article(date: date)] }
        var articles: [Article] = []
        let dates = DateResolver(override: date)
        for path in options.paths {
            let files = try ArticleFinder.files(in: [path])
            let explicit = files.count == 1 && files[0] == path
            for file in files {
                do {
                    let read = try SourceReader.read(path: file, dates: dates)
                    read.forEach { $0.warnings.forEach(warn) }
                    articles += read
                } catch {
                    if explicit { throw error }
                    if !SourceReader.isIncidental(error, path: file) { warn("skipped \(error.description)") }
                }
            }
        }
        if articles.isEmpty { throw InputError(description: "no readable articles in \(options.paths.joined(separator: " "))") }
        return articles
    }

    /// Analyses articles on every core, keeping their order.
    static func analyze(_ articles: [Article]) -> [AnalyzedArticle] {
        let results = UnsafeMutableBufferPointer<AnalyzedArticle?>.allocate(capacity: articles.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let base = UnsafeSendable(results)
        DispatchQueue.concurrentPerform(iterations: articles.count) { i in
            base.value[i] = Analyzer.analyze(articles[i])
        }
        return results.map { $0! }
    }

    static func loadAndAnalyze(_ options: ArticleOptions) throws -> [AnalyzedArticle] {
        analyze(try load(options))
    }
}

/// Each concurrent iteration writes only its own slot.
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
