import BylineCore
import Foundation

/// Lists of spans stored as one BLOB: start and end of each span as little-endian UInt32
/// (an article is at most 64 MB, so offsets fit).
enum SpanCoding {
    static func encode(_ spans: [TextSpan]) -> Data {
        var data = Data(capacity: spans.count * 8)
        for span in spans {
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: span.start).littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: span.end).littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// Nil when the BLOB is not a list of well-formed spans (a damaged row).
    static func decode(_ data: Data) -> [TextSpan]? {
        guard data.count % 8 == 0 else { return nil }
        var spans: [TextSpan] = []
        spans.reserveCapacity(data.count / 8)
        let ok = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            var offset = 0
            while offset < raw.count {
                let start = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                let end = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)))
                guard start <= end else { return false }
                spans.append(TextSpan(start, end))
                offset += 8
            }
            return true
        }
        return ok ? spans : nil
    }
}

/// Lists of names stored as one TEXT, separated by U+001F (which names never contain).
enum NameList {
    static let separator = "\u{1F}"

    static func encode(_ names: [String]) -> String { names.joined(separator: separator) }

    static func decode(_ text: String) -> [String] {
        text.isEmpty ? [] : text.components(separatedBy: separator)
    }
}

/// Lists of small integers stored as TEXT: `3,5,8`.
enum IntList {
    static func encode(_ values: [Int]) -> String { values.map(String.init).joined(separator: ",") }

    static func decode(_ text: String) -> [Int]? {
        if text.isEmpty { return [] }
        var values: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let v = Int(part) else { return nil }
            values.append(v)
        }
        return values
    }
}
