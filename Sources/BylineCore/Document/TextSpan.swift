/// A half-open range of Unicode-scalar offsets into an article's text, as read from disk.
///
/// Offsets are scalar offsets everywhere (model, index, JSON output): a `Character` index is
/// not stable across normalisation forms, and a byte offset is not what users' tools count.
public struct TextSpan: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "TextSpan start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    public init(start: Int, end: Int) { self.init(start, end) }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func contains(_ other: TextSpan) -> Bool { other.start >= start && other.end <= end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    public func overlapLength(_ other: TextSpan) -> Int {
        max(0, min(end, other.end) - max(start, other.start))
    }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}
