import Foundation

/// A value shared between threads, guarded by a pthread mutex (NSLock). Not
/// Synchronization.Mutex: ThreadSanitizer cannot see its futexes on Linux and reports the
/// accesses it guards as races.
public final class Locked<Value>: @unchecked Sendable {
    // Sound because every access to `value` goes through `lock`.
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
