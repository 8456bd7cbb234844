import Foundation

/// Rendered pieces that many pages share: the site header of a link depth and menu state, the card
/// of a practice at a link depth and heading level. Each is a pure function of its key, so which
/// page renders it first does not matter; pages rendered in parallel share one cache per build.
///
/// Guarded by an `NSLock` (a pthread mutex), not `Synchronization.Mutex`, which ThreadSanitizer
/// cannot see on Linux (see BuildExecutor). `@unchecked Sendable` is sound: `pieces` is touched only
/// with `lock` held, and it holds only Sendable values.
final class FragmentCache<Piece: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var pieces: [String: Piece] = [:]

    /// The piece under `key`, made by `make` the first time. `make` runs outside the lock: two pages
    /// asking at once may both make it, with the same bytes.
    func piece(_ key: String, make: () -> Piece) -> Piece {
        if let found = lock.withLock({ pieces[key] }) { return found }
        let made = make()
        lock.withLock { pieces[key] = made }
        return made
    }
}
