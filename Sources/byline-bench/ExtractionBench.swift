import ArgumentParser
import BylineCore
import BylineSources
import Foundation

/// Web-page reading throughput on one core: character set, libxml2's parse, the measuring walk,
/// the article's extraction and the metadata, over every page of a folder.
struct ExtractionBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract: "Measure web-page extraction throughput (MB of HTML per second, one core).",
        discussion: """
            FOLDER holds pages (*.html, *.htm, and these gzip-compressed; an html/ folder inside is \
            searched too). Pages are decompressed before timing. `--synthetic-mb N --write PATH` writes \
            a synthetic cluttered page of about N MB instead, for measuring memory with \
            `/usr/bin/time -v byline text PATH`.
            """)

    @Option(help: "Timed passes over the pages (the best and the median are reported).")
    var passes = 5

    @Option(help: "Size of the synthetic page to write, in MB.")
    var syntheticMb: Int?

    @Option(help: "Where to write the synthetic page.")
    var write: String?

    @Option(help: "Read this one page once and report the time and the process's peak memory.")
    var page: String?

    @Argument(help: "A folder of pages. Default: ../shared/data/extraction")
    var folder: String?

    func run() throws {
        if let page {
            let data = try Data(contentsOf: URL(fileURLWithPath: page))
            let start = Clock.threadCPU
            let read = try HTMLReader.page(data, source: page)
            let seconds = Clock.threadCPU - start
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            let characters = read.blocks.reduce(0) { $0 + $1.text.utf8.count }
            print(String(format: "%@: %.1f MB of HTML, %d blocks, %.1f MB of text, in %.2f s (%.1f MB/s); peak memory %.0f MB",
                         page, Double(data.count) / 1e6, read.blocks.count, Double(characters) / 1e6, seconds,
                         Double(data.count) / 1e6 / seconds, Double(usage.ru_maxrss) / 1024))
            return
        }
        if let syntheticMb {
            guard let write else { throw ValidationError("--synthetic-mb needs --write PATH") }
            let page = Self.syntheticPage(megabytes: syntheticMb)
            try Data(page.utf8).write(to: URL(fileURLWithPath: write))
            print("wrote \(write): \(page.utf8.count / 1_000_000) MB")
            return
        }
        let root = folder ?? "../shared/data/extraction"
        let pages = try Self.pages(in: root)
        guard !pages.isEmpty else { throw ValidationError("\(root): no pages (*.html, *.htm, *.html.gz)") }
        let bytes = pages.reduce(0) { $0 + $1.1.count }
        print("pages: \(pages.count), \(String(format: "%.2f", Double(bytes) / 1e6)) MB of HTML, \(passes) passes, one core")
        var seconds: [Double] = []
        var sink = 0
        for _ in 0..<max(1, passes) {
            let start = Clock.threadCPU
            for (path, html) in pages {
                if let page = try? HTMLReader.page(html, source: path) { sink &+= page.blocks.count }
            }
            seconds.append(Clock.threadCPU - start)
        }
        seconds.sort()
        let mb = Double(bytes) / 1e6
        print(String(format: "  read, parse, extract, metadata: best %.1f MB/s   median %.1f MB/s (CPU time of this thread)",
                     mb / seconds[0], mb / seconds[seconds.count / 2]))
        if sink == 42 { print("") }
    }

    /// The pages under `root` (and `root/html`), decompressed.
    static func pages(in root: String) throws -> [(String, Data)] {
        var found: [(String, Data)] = []
        for folder in [root, root + "/html"] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where name.hasSuffix(".html") || name.hasSuffix(".htm") || name.hasSuffix(".html.gz") {
                let path = folder + "/" + name
                var data = try Data(contentsOf: URL(fileURLWithPath: path))
                if Gzip.isCompressed(data) { data = try Gzip.decompress(data, limit: 1 << 28) }
                found.append((path, data))
            }
        }
        return found
    }

    /// A news page of about `megabytes` MB: navigation, a long article of paragraphs with links
    /// and quotations, share bars, related links and reader comments, repeated in sections.
    static func syntheticPage(megabytes: Int) -> String {
        var page = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A long report - The Daily Example</title>
            <meta property="og:title" content="A long report"><meta property="article:published_time" content="2020-03-04T09:00:00Z">
            </head><body><nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
            <main><article><h1>A long report</h1><div class="article-body">

            """
        let paragraph = """
            <p>The council met on Tuesday to discuss the <a href="/budget">new budget</a>, and members said the plan, \
            which has been debated for months, would be put to a vote next week. "We are ready to move," said Ann Lee, \
            the chair, adding that <em>several</em> questions remained open.</p>

            """
        let clutter = """
            <div class="share-bar"><a href="#">Share</a><a href="#">Tweet</a></div>
            <aside class="related"><h3>Related</h3><ul><li><a href="/a">"Budget talks stall," officials say</a></li></ul></aside>
            <section class="comments"><div class="comment"><p>"Nonsense," wrote a reader.</p></div></section>

            """
        let target = megabytes * 1_000_000
        var section = 0
        while page.utf8.count < target {
            page += "<h2>Part \(section)</h2>\n"
            for _ in 0..<40 { page += paragraph }
            page += clutter
            section += 1
        }
        page += "</div></article></main><footer class=\"site-footer\">© The Daily Example</footer></body></html>\n"
        return page
    }
}
