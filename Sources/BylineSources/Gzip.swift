import BylineCore
import CZlib
import Foundation

/// gzip (and zlib) decompression with a cap on what it may produce: a small file that
/// inflates to gigabytes (a gzip bomb) is refused once the cap is passed, before it is held.
public enum Gzip {
    /// Whether `data` starts with the gzip magic number.
    public static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B
    }

    public enum Failure: Error, Equatable, Sendable {
        /// The output would pass `limit` bytes.
        case tooLarge(limit: Int)
        /// Not gzip or zlib data, or damaged (zlib's message).
        case damaged(String)
    }

    /// The decompressed bytes of `data` (one gzip member after another, as `gunzip` reads them).
    public static func decompress(_ data: Data, limit: Int) throws(Failure) -> Data {
        var stream = z_stream()
        // 15 + 32: the largest window, and a gzip or a zlib header detected automatically.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        var failure: Failure?
        data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            guard let base = input.bindMemory(to: Bytef.self).baseAddress else {
                failure = .damaged("empty input")
                return
            }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(input.count)
            while true {
                let status: Int32 = buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(chunk)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk - Int(stream.avail_out)
                if output.count + produced > limit {
                    failure = .tooLarge(limit: limit)
                    return
                }
                output.append(buffer, count: produced)
                switch status {
                case Z_STREAM_END:
                    // Another member may follow (concatenated gzip files).
                    if stream.avail_in > 0, stream.next_in.pointee == 0x1F, inflateReset(&stream) == Z_OK { continue }
                    return
                case Z_OK:
                    if stream.avail_in == 0 && produced == 0 {
                        failure = .damaged("the compressed data ends early")
                        return
                    }
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 {
                        failure = .damaged("the compressed data ends early")
                        return
                    }
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    failure = .damaged(message)
                    return
                }
            }
        }
        if let failure { throw failure }
        return output
    }
}
