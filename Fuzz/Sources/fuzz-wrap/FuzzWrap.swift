import BylineUI
import FuzzSupport

/// Wrapping by display width: the first byte is the width (0 to 99 columns; 0 is treated as
/// 1), the second where in the text the wrapped range starts, the rest the text. The promises
/// of `Wrapper`: lines in order inside the range, each as wide as the glyphs it draws, none
/// wider than the width unless it holds one glyph wider than the line (a cluster can take 3
/// columns or more: a Devanagari conjunct, or U+FFFD with a wide spacing mark), and nothing
/// lost: every visible glyph of the range lands on exactly one line.
@main enum FuzzWrapTarget {
    static func main() { runFuzzer(fuzzWrap) }
}

func fuzzWrap(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzBytes(start, count)
    let width = Int(input.next()) % 100
    let startByte = Int(input.next())
    let text = String(decoding: input.rest(), as: UTF8.self)
    let scalars = Array(text.unicodeScalars)
    let lower = startByte % (scalars.count + 1)
    let range = lower..<scalars.count
    let lines = Wrapper.wrap(scalars, range, width: width)
    require(!lines.isEmpty, "no line at all")
    var previousEnd = range.lowerBound
    var wrapped: [LineText.Placed] = []
    for (n, line) in lines.enumerated() {
        require(line.start >= previousEnd && line.start <= line.end && line.end <= range.upperBound,
                "line \(n) \(line.start)..<\(line.end) after \(previousEnd) in \(range)")
        previousEnd = line.end
        let placed = LineText.render(scalars, line)
        let drawn = placed.reduce(0) { $0 + $1.width }
        require(drawn == line.width, "line \(n) says \(line.width) columns, draws \(drawn)")
        require(line.width <= max(1, width) || placed.filter({ $0.text != " " }).count == 1,
                "line \(n) is \(line.width) columns in \(width)")
        wrapped += placed.filter { $0.text != " " }
    }
    let whole = LineText.render(scalars, WrappedLine(start: range.lowerBound, end: range.upperBound, width: 0))
        .filter { $0.text != " " }
    require(wrapped == whole, "wrapping lost or doubled glyphs: \(wrapped.count) of \(whole.count)")
    return 0
}
