import BylineCore
import Foundation

/// A timing loop for the quotation and speaker analysis alone (hidden `--throughput DIR`):
/// best of five passes over every `.txt` file under a folder, in MB/s on one core.
enum QuoteThroughput {
    static func measure(root: String) throws {
        let files = try ArticleFinder.files(in: [root])
        let articles = try files.map { path in
            Article(text: String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self), source: path)
        }
        let bytes = articles.reduce(0) { $0 + $1.text.utf8.count }
        var best = Double.infinity
        var sink = 0
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            for article in articles { sink &+= QuoteAnalyzer.analyze(article).quotes.count }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print(String(format: "%d files, %.2f MB, quotations and speakers: %.1f MB/s (best of 5), %d quotations",
                     files.count, Double(bytes) / 1e6, Double(bytes) / 1e6 / best, sink / 5))
        var slowest: (String, Double) = ("", .infinity)
        for article in articles where article.text.utf8.count > 100_000 {
            let start = DispatchTime.now().uptimeNanoseconds
            sink &+= QuoteAnalyzer.analyze(article).quotes.count
            let rate = Double(article.text.utf8.count) / 1e6 / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            if rate < slowest.1 { slowest = ((article.source as NSString).lastPathComponent, rate) }
        }
        if slowest.1.isFinite { print(String(format: "slowest large file: %@ at %.1f MB/s", slowest.0, slowest.1)) }
    }
}
