import BylineCore
import FuzzSupport

/// The whole analysis of arbitrary text (invalid UTF-8 becomes U+FFFD, as ingest makes it):
/// it must not trap or hang, and what it gives must hold together (the checks of
/// `AnalysisFuzzTests`, on inputs libFuzzer grows instead of random pieces). The first byte
/// says whether the article has a publication date, as one read from a bare file has none.
@main enum FuzzAnalysisTarget {
    static func main() { runFuzzer(fuzzAnalysis) }
}

func fuzzAnalysis(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzBytes(start, count)
    let dated = input.next() & 1 == 0
    let text = String(decoding: input.rest(), as: UTF8.self)
    let article = Article(text: text, source: "fuzz.txt", date: dated ? CivilDate(year: 2011, month: 12, day: 2) : nil)
    let analysed = Analyzer.analyze(article)
    let size = article.scalars.count
    func valid(_ span: TextSpan) -> Bool { span.start >= 0 && span.start <= span.end && span.end <= size }
    var previousEnd = 0
    for (i, quote) in analysed.quotes.enumerated() {
        require(quote.id == i, "quote \(i) has id \(quote.id)")
        require(valid(quote.span) && quote.span.length >= 2, "quote \(i) span \(quote.span) in \(size)")
        require(quote.span.start >= previousEnd, "quote \(i) overlaps the one before")
        previousEnd = quote.span.end
        require(quote.parts.allSatisfy { valid($0) && quote.span.contains($0) }, "quote \(i) parts \(quote.parts)")
        if let s = quote.speaker {
            require(s >= 0 && s < analysed.speakers.count, "quote \(i) speaker \(s) of \(analysed.speakers.count)")
            require(analysed.speakers[s].quotes.contains(i), "speaker \(s) does not list quote \(i)")
        }
        if let mention = quote.speakerMention { require(valid(mention), "quote \(i) mention \(mention)") }
    }
    for speaker in analysed.speakers {
        require(!speaker.name.isEmpty, "a speaker without a name")
        require(speaker.mentions.allSatisfy(valid), "speaker \(speaker.name) mentions out of the text")
        require(speaker.quotes.allSatisfy { $0 >= 0 && $0 < analysed.quotes.count && analysed.quotes[$0].speaker == speaker.id },
                "speaker \(speaker.name) lists quotes not theirs")
    }
    for expression in analysed.timeExpressions {
        require(valid(expression.span) && !expression.span.isEmpty, "time expression \(expression.span) in \(size)")
        require(expression.sentence >= 0 && expression.sentence < max(1, article.sentences.count),
                "time expression in sentence \(expression.sentence) of \(article.sentences.count)")
        require(!expression.value.isEmpty, "time expression \(expression.span) without a value")
    }
    for entry in analysed.timeline.entries {
        require(entry.expression >= 0 && entry.expression < analysed.timeExpressions.count,
                "timeline entry for expression \(entry.expression) of \(analysed.timeExpressions.count)")
        require(entry.start <= entry.end, "timeline entry ends before it starts")
    }
    return 0
}
