import BylineCore
import Foundation

/// A small timing loop (hidden `--bench PATH...` of `byline-eval timex`): reads every `.txt`
/// under the paths, builds the articles once, then times the time tagger alone and the whole
/// analysis (quotes, speakers, time, timeline) over them, best of `rounds`.
enum TimexBenchmark {
    static func run(paths: [String], rounds: Int) throws {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let items = fm.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
                files += items.filter { $0.hasSuffix(".txt") }.sorted().map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        var articles: [Article] = []
        var bytes = 0
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            bytes += text.utf8.count
            articles.append(Article(text: text, source: file, date: CivilDate(year: 2011, month: 12, day: 2)))
        }
        let megabytes = Double(bytes) / 1_000_000
        print("benchmark: \(files.count) files, \(String(format: "%.2f", megabytes)) MB")

        func time(_ label: String, _ body: () -> Int) {
            var best = Double.infinity
            var count = 0
            for _ in 0..<max(1, rounds) {
                let start = DispatchTime.now().uptimeNanoseconds
                count = body()
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                best = min(best, seconds)
            }
            print("  \(label): \(String(format: "%.1f", megabytes / best)) MB/s (best of \(rounds), \(count) results)")
        }
        time("time tagger") { articles.reduce(0) { $0 + TimeTagger.tag($1).count } }
        time("time tagger + timeline") {
            articles.reduce(0) { sum, a in
                let e = TimeTagger.tag(a)
                return sum + TimelineBuilder.build(article: a, expressions: e, quotes: []).entries.count
            }
        }
        time("whole analysis") { articles.reduce(0) { $0 + Analyzer.analyze($1).timeExpressions.count } }
    }
}
