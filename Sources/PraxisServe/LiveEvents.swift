import Hummingbird
import PraxisCore

/// The open pages, each listening on `/__praxis/events` (server-sent events). After every build
/// each gets one event: `reload` when files changed, `ok` when nothing did, `problems` when the
/// build failed; `hello` when it connects. Every event carries the whole `LiveState`, so a page
/// that missed one still ends up right.
final class LiveEvents: Sendable {
    private struct Listeners {
        var next = 0
        var open: [Int: AsyncStream<ByteBuffer>.Continuation] = [:]
    }

    private let listeners = Locked(Listeners())

    /// A new listener's stream, starting with `hello`.
    func subscribe(hello state: LiveState) -> AsyncStream<ByteBuffer> {
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.yield(Self.event("hello", state))
        let id = listeners.withLock { listeners in
            listeners.next += 1
            listeners.open[listeners.next] = continuation
            return listeners.next
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.listeners.withLock { $0.open.removeValue(forKey: id) }
        }
        return stream
    }

    func send(_ name: String, _ state: LiveState) {
        let event = Self.event(name, state)
        for continuation in listeners.withLock({ Array($0.open.values) }) { continuation.yield(event) }
    }

    /// Keeps connections open through proxies and finds pages that went away.
    func ping() {
        for continuation in listeners.withLock({ Array($0.open.values) }) { continuation.yield(ByteBuffer(string: ": ping\n\n")) }
    }

    /// Ends every stream, so that the server can shut down.
    func finishAll() {
        for continuation in listeners.withLock({ Array($0.open.values) }) { continuation.finish() }
    }

    var count: Int { listeners.withLock { $0.open.count } }

    private static func event(_ name: String, _ state: LiveState) -> ByteBuffer {
        ByteBuffer(string: "event: \(name)\ndata: \(state.json)\n\n")
    }
}
