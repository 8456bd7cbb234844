import Foundation
import NIOCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Keeps the number of open connections below the limit of open files, so that accepting never
/// fails for want of a descriptor: when `accept` fails with EMFILE the waiting connection stays
/// queued and the event loop wakes for it again and again (seen as 60-100% CPU). Connections
/// beyond the limit are accepted and closed at once; those already open are served on, and the
/// build keeps descriptors for reading sources and writing `--output`.
final class ConnectionLimit: Sendable {
    let maximum: Int
    private let open = Atomic<Int>(0)
    /// Whether the refusal was told since the connections last fell below the limit: the
    /// terminal gets one line per episode, not one per connection.
    private let told = Atomic<Bool>(false)
    private let report: Report

    /// Descriptors kept free for the build (sources read in parallel, `--output`, inotify's
    /// folders being listed) and for the server's own needs.
    static let reserve = 24

    init(report: Report) {
        self.report = report
        let limit = Self.raiseOpenFileLimit()
        maximum = max(1, limit - Self.openDescriptors() - Self.reserve)
    }

    /// Whether a new connection may stay open; if so, it counts until `closed()`.
    func admit() -> Bool {
        let now = open.add(1, ordering: .relaxed).newValue
        if now <= maximum { return true }
        open.subtract(1, ordering: .relaxed)
        if !told.exchange(true, ordering: .relaxed) {
            report.error("""
                \(maximum) connections are open, as many as the limit of open files allows (ulimit -n); \
                new connections are closed until some end. Raise the limit (ulimit -n) to serve more at once.
                """)
        }
        return false
    }

    func closed() {
        let now = open.subtract(1, ordering: .relaxed).newValue
        if now < maximum { told.store(false, ordering: .relaxed) }
    }

    /// The handler that counts one connection.
    func handler() -> any RemovableChannelHandler {
        CountedConnection(limit: self)
    }

    /// Raises the soft limit of open files to the hard one, as a server should; returns the
    /// limit now in force.
    private static func raiseOpenFileLimit() -> Int {
        var limits = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits) == 0 else { return 1024 }
        if limits.rlim_cur < limits.rlim_max {
            var raised = limits
            raised.rlim_cur = limits.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limits = raised }
        }
        // RLIM_INFINITY or a huge hard limit: more connections than an editor's browser opens.
        return Int(min(limits.rlim_cur, 1 << 20))
    }

    /// Descriptors open now (the event loops', inotify's, standard streams).
    private static func openDescriptors() -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.count ?? 16)
    }
}

/// One connection's place under the limit: taken when it opens, given back when it closes.
/// A connection over the limit is closed before anything is read from it.
private final class CountedConnection: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny
    private let limit: ConnectionLimit
    /// Whether it was admitted or refused already (both handlerAdded and channelActive may see it open).
    private var decided = false
    private var counted = false

    init(limit: ConnectionLimit) { self.limit = limit }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { admit(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        release()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        release()
    }

    private func admit(_ context: ChannelHandlerContext) {
        guard !decided else { return }
        decided = true
        if limit.admit() {
            counted = true
        } else {
            context.close(promise: nil)
        }
    }

    private func release() {
        guard counted else { return }
        counted = false
        limit.closed()
    }
}
