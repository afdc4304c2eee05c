import BylineCore
import FuzzSupport

/// The time normaliser alone (tokens, the TIMEX3 rules, anchoring to the document date) on
/// arbitrary text. The first two bytes give the document date (none when the first is 0), so
/// anchoring meets every year from 1801 to 2055, leap days and year ends included.
@main enum FuzzTimeTarget {
    static func main() { runFuzzer(fuzzTime) }
}

func fuzzTime(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzBytes(start, count)
    let year = input.next()
    let dayOfYear = input.next()
    let date = year == 0 ? nil : documentDate(year: 1800 + Int(year), dayByte: dayOfYear)
    let text = String(decoding: input.rest(), as: UTF8.self)
    let article = Article(text: text, source: "fuzz.txt", date: date)
    let expressions = TimeTagger.tag(article)
    let size = article.scalars.count
    var previous: TextSpan?
    for expression in expressions {
        let span = expression.span
        require(span.start >= 0 && span.start < span.end && span.end <= size, "expression \(span) in \(size)")
        if let previous { require(span.start >= previous.end, "expression \(span) overlaps \(previous)") }
        previous = span
        require(!expression.value.isEmpty, "expression \(span) without a value")
        require(expression.sentence >= 0 && expression.sentence < max(1, article.sentences.count),
                "expression \(span) in sentence \(expression.sentence) of \(article.sentences.count)")
    }
    return 0
}

/// A valid date in `year`: the byte picks a month, then the 1st to the 18th or one of its
/// last four days (29 February in a leap year included), where anchoring turns over.
func documentDate(year: Int, dayByte: UInt8) -> CivilDate? {
    let month = 1 + Int(dayByte) % 12
    let k = Int(dayByte / 12)  // 0...21
    let day = k < 18 ? 1 + k : CivilDate.daysIn(month: month, year: year) - (k - 18)
    return CivilDate(year: year, month: month, day: day)
}
