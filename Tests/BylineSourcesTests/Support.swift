import CZlib
import Foundation

/// gzip-compresses `data`, as a server or `gzip` would (test fixtures only).
func gzipped(_ data: Data, level: Int32 = 6) -> Data {
    var stream = z_stream()
    // 15 + 16: the largest window, with a gzip header.
    precondition(deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                               Int32(MemoryLayout<z_stream>.size)) == Z_OK)
    defer { deflateEnd(&stream) }
    var output = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
        stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
        stream.avail_in = uInt(input.count)
        var status = Z_OK
        repeat {
            buffer.withUnsafeMutableBufferPointer { out in
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                status = deflate(&stream, Z_FINISH)
            }
            output.append(buffer, count: buffer.count - Int(stream.avail_out))
        } while status == Z_OK
    }
    return output
}

