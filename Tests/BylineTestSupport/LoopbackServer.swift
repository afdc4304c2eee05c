import FlyingFox
import FlyingSocks
import Foundation

/// A real HTTP server on 127.0.0.1 and an ephemeral port, for one test: routes answer with
/// closures, and every request is recorded so a test can check the headers it sent.
public final class LoopbackServer: @unchecked Sendable {
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    public let port: UInt16

    public typealias Handler = @Sendable (HTTPRequest) async throws -> HTTPResponse

    /// Starts a server answering `routes` (`"/path"` or `"GET /path"`: FlyingFox's patterns);
    /// anything else gets a 404.
    public static func start(_ routes: [(String, Handler)]) async throws -> LoopbackServer {
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: 0)
        // The handler timeout is long: tests that need a silent server sleep in a handler.
        let server = HTTPServer(config: HTTPServer.Configuration(address: address, timeout: 120, logger: .disabled))
        let recorder = Recorder()
        for (route, handler) in routes {
            await server.appendRoute(HTTPRoute(stringLiteral: route)) { request in
                recorder.record(request)
                return try await handler(request)
            }
        }
        let task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port) = await server.listeningAddress else { throw SocketError.disconnected }
        return LoopbackServer(server: server, task: task, port: port, recorder: recorder)
    }

    private let recorder: Recorder

    private init(server: HTTPServer, task: Task<Void, any Error>, port: UInt16, recorder: Recorder) {
        self.server = server
        self.task = task
        self.port = port
        self.recorder = recorder
    }

    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The requests received so far for `path`.
    public func requests(to path: String) -> [HTTPRequest] { recorder.requests.filter { $0.path == path } }

    public func stop() async {
        await server.stop(timeout: 0)
        task.cancel()
    }

    /// Stops the server and waits (up to five seconds) until its port refuses connections, so
    /// a test of being offline cannot meet a server still closing.
    public func stopAndWaitUntilRefused() async throws {
        await stop()
        for _ in 0..<100 {
            let socket = try Socket(domain: AF_INET, type: .stream)
            defer { try? socket.close() }
            do {
                try socket.connect(to: sockaddr_in.inet(ip4: "127.0.0.1", port: port))
            } catch {
                return
            }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
    }

    private final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var all: [HTTPRequest] = []
        func record(_ request: HTTPRequest) { lock.withLock { all.append(request) } }
        var requests: [HTTPRequest] { lock.withLock { all } }
    }
}

/// A port on 127.0.0.1 where nothing listens: bound, then closed.
public func closedLoopbackPort() throws -> UInt16 {
    let socket = try Socket(domain: AF_INET, type: .stream)
    try socket.bind(to: sockaddr_in.inet(ip4: "127.0.0.1", port: 0))
    guard case .ip4(_, let port) = try socket.sockname() else { throw SocketError.disconnected }
    try socket.close()
    return port
}

/// A body that arrives one byte every `interval` seconds, `count` bytes in all: a server that
/// keeps a connection alive without ever finishing.
public struct TricklingBytes: AsyncBufferedSequence, Sendable {
    public typealias Element = UInt8
    public let count: Int
    public let interval: Double

    public init(count: Int, interval: Double) {
        self.count = count
        self.interval = interval
    }

    public func makeAsyncIterator() -> Iterator { Iterator(remaining: count, interval: interval) }

    public struct Iterator: AsyncBufferedIteratorProtocol {
        var remaining: Int
        let interval: Double

        public mutating func next() async throws -> UInt8? {
            guard remaining > 0 else { return nil }
            try await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
            remaining -= 1
            return UInt8(ascii: "x")
        }

        public mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            try await next().map { [$0] }
        }
    }
}

extension HTTPResponse {
    /// A response with a text body and headers given as pairs.
    public init(_ status: HTTPStatusCode, _ body: String = "", headers: [(String, String)] = []) {
        self.init(status, Data(body.utf8), headers: headers)
    }

    public init(_ status: HTTPStatusCode, _ body: Data, headers: [(String, String)] = []) {
        var fields = HTTPHeaders()
        for (name, value) in headers { fields.addValue(value, for: HTTPHeader(name)) }
        self.init(statusCode: status, headers: fields, body: body)
    }
}
