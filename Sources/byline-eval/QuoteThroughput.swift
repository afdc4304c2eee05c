import BylineCore
import Foundation

/// A timing loop for the quotation and speaker analysis alone (hidden `--throughput DIR`):
/// best of five passes over every `.txt` file under a folder, in MB/s on one core. Both wall
/// time and the thread's CPU time are reported: on a shared machine the CPU time is steadier.
enum QuoteThroughput {
    static func measure(root: String) throws {
        let files = try ArticleFinder.files(in: [root])
        let articles = try files.map { path in
            Article(text: String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self), source: path)
        }
        let bytes = articles.reduce(0) { $0 + $1.text.utf8.count }
        var best = Double.infinity
        var bestCPU = Double.infinity
        var sink = 0
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = cpuSeconds()
            for article in articles { sink &+= QuoteAnalyzer.analyze(article).quotes.count }
            bestCPU = min(bestCPU, cpuSeconds() - cpuStart)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print(String(format: "%d files, %.2f MB, quotations and speakers: %.1f MB/s wall, %.1f MB/s CPU (best of 5), %d quotations",
                     files.count, Double(bytes) / 1e6, Double(bytes) / 1e6 / best, Double(bytes) / 1e6 / bestCPU, sink / 5))
        // For context: the whole pipeline (document layout, quotations and speakers, time tagging).
        var bestWhole = Double.infinity
        for _ in 0..<(ProcessInfo.processInfo.environment["BYLINE_QUOTES_ONLY"] == nil ? 3 : 0) {
            let cpuStart = cpuSeconds()
            for article in articles {
                sink &+= Analyzer.analyze(Article(text: article.text, source: article.source)).quotes.count
            }
            bestWhole = min(bestWhole, cpuSeconds() - cpuStart)
        }
        print(String(format: "whole analysis (document + quotations + time): %.1f MB/s CPU (best of 3)", Double(bytes) / 1e6 / bestWhole))
        var slowest: (String, Double) = ("", .infinity)
        for article in articles where article.text.utf8.count > 100_000 {
            let start = DispatchTime.now().uptimeNanoseconds
            sink &+= QuoteAnalyzer.analyze(article).quotes.count
            let rate = Double(article.text.utf8.count) / 1e6 / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            if rate < slowest.1 { slowest = ((article.source as NSString).lastPathComponent, rate) }
        }
        if slowest.1.isFinite { print(String(format: "slowest large file: %@ at %.1f MB/s", slowest.0, slowest.1)) }
    }

    /// CPU time used by this thread, in seconds.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
