import ArgumentParser
import BylineCore
import Foundation

/// Opens the reader. Until the terminal reader lands, prints the article as plain text.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the reader (the default command).")

    @OptionGroup var articles: ArticleOptions

    func run() throws {
        for article in try ArticleLoading.load(articles) {
            print(TerminalSafe.line(article.headlineText))
            for p in article.bodyParagraphs {
                print("")
                print(TerminalSafe.line(article.string(p.span)))
            }
        }
    }
}
