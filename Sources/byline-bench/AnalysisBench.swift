import ArgumentParser
import BylineCore
import Foundation

/// Analysis throughput on one core: document layout, quotations and speakers, time tagging,
/// and the whole pipeline, over every article file under the given paths.
struct AnalysisBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analysis",
        abstract: "Measure analysis throughput (MB/s, one core) over a corpus.")

    @Option(help: "Timed passes over the corpus (the best and the median are reported).")
    var passes = 5

    @Flag(help: "Also report each file's throughput (to check the analysis stays linear in size).")
    var perFile = false

    @Argument(help: "Article files or folders. Default: ../shared/corpus")
    var paths: [String] = []

    func run() throws {
        let roots = paths.isEmpty ? ["../shared/corpus"] : paths
        let files = try ArticleFinder.files(in: roots)
        let texts: [(String, String)] = try files.map { path in
            (path, String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
        }
        let bytes = texts.reduce(0) { $0 + $1.1.utf8.count }
        let articles = texts.map { Article(text: $0.1, source: $0.0, date: CivilDate(year: 2011, month: 12, day: 2)) }
        print("corpus: \(files.count) files, \(String(format: "%.2f", Double(bytes) / 1_000_000)) MB, \(passes) passes, one core")

        var sink = 0
        let stages: [(String, () -> Void)] = [
            ("document (paragraphs, sentences)", { for t in texts { sink &+= Article(text: t.1).sentences.count } }),
            ("quotations and speakers", { for a in articles { sink &+= QuoteAnalyzer.analyze(a).quotes.count } }),
            ("time expressions", { for a in articles { sink &+= TimeTagger.tag(a).count } }),
            ("whole analysis (document + all)", {
                for t in texts {
                    let a = Article(text: t.1, source: t.0, date: CivilDate(year: 2011, month: 12, day: 2))
                    sink &+= Analyzer.analyze(a).quotes.count
                }
            }),
        ]
        for (name, body) in stages {
            var seconds: [Double] = []
            for _ in 0..<passes { seconds.append(Self.time(body)) }
            seconds.sort()
            let best = Double(bytes) / 1_000_000 / seconds[0]
            let median = Double(bytes) / 1_000_000 / seconds[seconds.count / 2]
            let label = name.padding(toLength: 34, withPad: " ", startingAt: 0)
            print("  \(label)" + String(format: " best %7.1f MB/s   median %7.1f MB/s", best, median))
        }
        if perFile {
            print("per file (whole analysis, best of \(passes)):")
            for t in texts {
                var best = Double.infinity
                for _ in 0..<passes {
                    best = min(best, Self.time {
                        sink &+= Analyzer.analyze(Article(text: t.1, date: CivilDate(year: 2011, month: 12, day: 2))).quotes.count
                    })
                }
                let mb = Double(t.1.utf8.count) / 1_000_000
                print(String(format: "  %8.0f KB %7.1f MB/s  %@", mb * 1000, mb / best, (t.0 as NSString).lastPathComponent))
            }
        }
        if sink == 42 { print("") }  // keeps the work from being optimised away
    }

    static func time(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
