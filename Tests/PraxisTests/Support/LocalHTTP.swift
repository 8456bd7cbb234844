import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP/1.1 client over a socket to 127.0.0.1 (or another IPv4 address of the machine), enough for the tests of `praxis serve`:
/// one request per connection, and server-sent events read as they come.
enum LocalHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func get(port: Int, path: String, method: String = "GET") throws -> Response {
        try request(port: port, "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
    }

    /// Sends `head` as it is (the whole request, ending in an empty line) on a connection of its
    /// own and reads the response until the server closes the connection.
    static func request(port: Int, address: String = "127.0.0.1", _ head: String) throws -> Response {
        let socket = try connect(port: port, address: address)
        defer { close(socket) }
        try send(head, to: socket)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(socket, &buffer, buffer.count)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { throw LocalHTTPError.malformed }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(data[end.upperBound...]))
    }

    /// A connection to `address` (IPv4), 127.0.0.1 unless told otherwise.
    static func connect(port: Int, address text: String = "127.0.0.1") throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw LocalHTTPError.connect }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(text)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(socket); throw LocalHTTPError.connect }
        return socket
    }

    /// Waits until the server closes `socket` (a read gives end of file or a reset), reading and
    /// dropping what comes before; false when it is still open after `timeout` seconds, the upper
    /// bound that keeps a failing test from hanging.
    static func waitForClose(_ socket: Int32, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return false }
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 3600) * 1000) + 1)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return false }
            if read(socket, &buffer, buffer.count) <= 0 { return true }
        }
    }

    static func send(_ text: String, to socket: Int32) throws {
        let bytes = Array(text.utf8)
        guard write(socket, bytes, bytes.count) == bytes.count else { throw LocalHTTPError.connect }
    }
}

enum LocalHTTPError: Error {
    case connect, malformed
}

/// `/__praxis/events` of a running `praxis serve`, read on a thread of its own.
final class EventListener: Sendable {
    private let socket: Int32
    private let received = Mutex("")

    init(port: Int) throws {
        socket = try LocalHTTP.connect(port: port)
        try LocalHTTP.send("GET /__praxis/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n", to: socket)
        let socket = self.socket
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(socket, &buffer, buffer.count)
                if count <= 0 { break }
                received.withLock { $0 += String(decoding: buffer[0..<count], as: UTF8.self) }
            }
        }
    }

    deinit { shutdown(socket, Int32(SHUT_RDWR)); close(socket) }

    /// The data of every event called `name` so far, in order.
    func events(_ name: String) -> [String] {
        let text = received.withLock { $0 }
        var found: [String] = []
        // "\r\n" (of the chunked encoding) is one Character: split on the bytes.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: ["\r"]) }
        for (index, line) in lines.enumerated() where line == "event: \(name)" && index + 1 < lines.count {
            let data = lines[index + 1]
            if data.hasPrefix("data: ") { found.append(String(data.dropFirst(6))) }
        }
        return found
    }

    /// Waits until there are more than `count` events called `name`; returns the newest.
    func waitForEvent(_ name: String, after count: Int, timeout: TimeInterval = 30) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let all = events(name)
            if all.count > count { return all.last }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return nil
    }
}
