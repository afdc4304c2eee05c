import ArgumentParser
import BylineCore
import BylineUI
import Foundation

/// Opens the reader; when stdout is not a terminal, prints the articles as plain text.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the reader (the default command).",
        discussion: """
            Panes: the library, the article, its quotations and its timeline. Press ? in the \
            reader for every key. Keys and colours can be set in \
            $XDG_CONFIG_HOME/byline/config.toml; reading positions are kept in \
            $XDG_STATE_HOME/byline/. When stdout is not a terminal, the articles are printed \
            as plain text instead.
            """)

    @OptionGroup var articles: ArticleOptions

    @Flag(name: .long, help: "Draw without colours (as with NO_COLOR): bold, underline and reverse only.")
    var noColor = false

    func run() throws {
        let loaded = try ArticleLoading.load(articles)
        guard isatty(STDOUT_FILENO) == 1 else {
            printPlain(loaded)
            return
        }
        let code = try ReaderLoop.run(source: ArticleListSource(articles: loaded), noColor: noColor)
        if code != 0 { throw ExitCode(code) }
    }

    private func printPlain(_ articles: [Article]) {
        for (n, article) in articles.enumerated() {
            if n > 0 { print("") }
            print(TerminalSafe.line(article.headlineText))
            for p in article.bodyParagraphs {
                print("")
                print(TerminalSafe.line(article.string(p.span)))
            }
        }
    }
}
