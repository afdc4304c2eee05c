import BylineCore
import BylineIndex
import BylineSources
import Foundation

/// Where a command's records go, in the format asked for: the one writer of each format.
/// `text` is written as the command lays it out; `json` is one array, written element by element
/// as the records come (the same bytes as serialising the whole array at once); `jsonl` is one
/// object per line. Output is buffered and written as it fills, and after every article on a
/// terminal, so a long run shows its first records at once without holding them all.
final class RecordWriter {
    let format: OutputFormat
    private var buffer = ""
    private var records = 0
    private let interactive = isatty(STDOUT_FILENO) == 1

    init(_ format: OutputFormat) {
        self.format = format
    }

    /// Text for the `text` format (not even computed for the others, which get records).
    func text(_ text: @autoclosure () -> String) {
        guard format == .text else { return }
        append(text())
    }

    /// A record for the `json` and `jsonl` formats (not even computed for `text`).
    func record(_ record: @autoclosure () -> JSON) {
        switch format {
        case .text: return
        case .json:
            buffer += records == 0 ? "[\n  " : ",\n  "
            append(record().serialized(pretty: true, indent: 1))
        case .jsonl:
            append(record().serialized())
            buffer += "\n"
        }
        records += 1
        flushIfFull()
    }

    /// A large piece (a whole article's text) is written as it is rather than copied into the
    /// buffer: a 20 MB page would otherwise be held twice more.
    private func append(_ piece: String) {
        if piece.utf8.count >= Self.flushSize {
            flush()
            emit(piece)
        } else {
            buffer += piece
            flushIfFull()
        }
    }

    /// The records of one article are written: on a terminal, show them now.
    func endOfArticle() {
        if interactive { flush() }
    }

    /// Closes the JSON array and writes what is left.
    func finish() {
        if format == .json { buffer += records == 0 ? "[]\n" : "\n]\n" }
        flush()
    }

    private static let flushSize = 1 << 16

    private func flushIfFull() {
        if buffer.utf8.count >= Self.flushSize { flush() }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        emit(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes the UTF-8 of `text` to standard output in place. A closed pipe (`byline … | head`)
    /// ends the process as it would any Unix tool, by SIGPIPE.
    private func emit(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}

/// The articles a command reads when it has no `--index`: its PATHs (with none, the library
/// `byline update` fills, or the bundled seed while that is empty) streamed through `ArticleStream`, analysed on every core, in order. An
/// unreadable file named on the command line stops the command; one inside a folder is skipped
/// with a warning.
enum CommandInput {
    static func forEach<T: Sendable>(_ options: ArticleOptions, transform: @escaping @Sendable (Article) -> T,
                                     _ body: (T) throws -> Void) throws
    {
        let paths = options.readPaths
        let sources = paths.isEmpty ? [ArticleStream.bundledSeed] : try ArticleStream.sources(for: paths)
        let dates = DateResolver(override: options.referenceDate)
        var read = 0
        try ArticleStream.forEach(sources, dates: dates, web: WebSource(options: options.fetch.options),
                                  transform: { article in (article.warnings, transform(article)) }) { source, result in
            switch result {
            case .success(let reading):
                reading.notices.map(TerminalSafe.line).forEach(warn)
                for (warnings, item) in reading.items {
                    warnings.map(TerminalSafe.line).forEach(warn)
                    try body(item)
                    read += 1
                }
            case .failure(let error):
                if source.explicit { throw error }
                if !SourceReader.isIncidental(error, path: source.location) { warn(TerminalSafe.line("skipped \(error.description)")) }
            }
        }
        if read == 0 { throw InputError(description: "no readable articles in \(paths.joined(separator: " "))") }
    }

    /// Each article analysed; without `time`, its quotations and speakers only (see
    /// `Analyzer.analyzeQuotations`).
    static func forEachAnalyzed(_ options: ArticleOptions, time: Bool = true, _ body: (AnalyzedArticle) throws -> Void) throws {
        try forEach(options, transform: time ? Analyzer.analyze : Analyzer.analyzeQuotations, body)
    }
}
