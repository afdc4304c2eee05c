import BylineCore
import BylineSources
import Foundation
import FuzzSupport

/// How one input is read: the first byte chooses. Through detection (with a name or a
/// content type that leaves the choice to the content, or pushes it), or straight into one
/// reader, so arbitrary bytes reach each of them and not only the plain-text one.
enum Route {
    case detected(name: String, contentType: String?)
    case forced(SourceFormat, contentType: String?)

    static let all: [Route] = [
        .detected(name: "input", contentType: nil),
        .detected(name: "input.md", contentType: nil),
        .detected(name: "https://example.com/page", contentType: "text/html; charset=windows-1252"),
        .detected(name: "feed.xml", contentType: "application/rss+xml"),
        .forced(.text, contentType: nil),
        .forced(.markdown, contentType: nil),
        .forced(.html, contentType: nil),
        .forced(.html, contentType: "text/html; charset=shift_jis"),
        .forced(.rss, contentType: nil),
        .forced(.atom, contentType: nil),
        .forced(.rss, contentType: "application/rss+xml; charset=iso-8859-1"),
        .forced(.jsonfeed, contentType: nil),
    ]
}

@main enum FuzzIngestTarget {
    static func main() { runFuzzer(fuzzIngest) }
}

func fuzzIngest(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzBytes(start, count)
    let route = Route.all[Int(input.next()) % Route.all.count]
    let data = Data(input.rest())
    let articles: [Article]
    do {
        switch route {
        case .detected(let name, let contentType):
            articles = try SourceReader.read(data, source: name, contentType: contentType)
        case .forced(let format, let contentType):
            articles = try SourceReader.read(data, source: "input", as: format, contentType: contentType)
        }
    } catch {
        // A clear refusal is a right answer; it must say something.
        require(!error.description.isEmpty, "a read error without a message")
        return 0
    }
    for article in articles { checkShape(article) }
    return 0
}

/// What every reader promises: paragraphs and sentences in order, inside the text, each
/// sentence inside its paragraph.
func checkShape(_ article: Article) {
    let size = article.scalars.count
    require(article.text.unicodeScalars.count == size, "text and scalars differ")
    var previousEnd = 0
    for (p, paragraph) in article.paragraphs.enumerated() {
        require(paragraph.span.start >= previousEnd && paragraph.span.start <= paragraph.span.end
                && paragraph.span.end <= size, "paragraph \(p) \(paragraph.span) out of order or of the text (\(size))")
        previousEnd = paragraph.span.end
        require(paragraph.sentences.lowerBound >= 0 && paragraph.sentences.upperBound <= article.sentences.count,
                "paragraph \(p) names sentences \(paragraph.sentences) of \(article.sentences.count)")
        for s in paragraph.sentences {
            let sentence = article.sentences[s]
            require(sentence.paragraph == p, "sentence \(s) of paragraph \(p) says \(sentence.paragraph)")
            require(paragraph.span.contains(sentence.span), "sentence \(s) \(sentence.span) outside \(paragraph.span)")
        }
    }
}
