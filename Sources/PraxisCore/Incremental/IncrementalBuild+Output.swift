import Foundation

/// What changed between two builds' files.
extension IncrementalBuild {
    /// Paths whose bytes differ between two sites, or that only one has. Only `fresh` files can
    /// differ in bytes, and copies whose source was `edited`.
    static func difference(_ old: SiteSnapshot, _ new: SiteSnapshot, fresh: Set<String>, edited: [String]) -> [String] {
        var changed = Set<String>()
        for path in fresh where !Self.same(old.files[path], new.files[path]) { changed.insert(path) }
        for (path, source) in new.copies where old.copies[path] != source { changed.insert(path) }
        for path in edited where new.copies[path] != nil { changed.insert(path) }
        // A path can only have gone when a fresh one is new or there are fewer.
        if new.files.count != old.files.count || fresh.contains(where: { old.files[$0] == nil }) {
            for path in old.files.keys where new.files[path] == nil { changed.insert(path) }
        }
        for path in old.copies.keys where new.copies[path] == nil { changed.insert(path) }
        return changed.sorted()
    }

    /// Equal bytes; at once when both are the same bytes in memory (a file kept from the last build).
    static func same(_ a: Data?, _ b: Data?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        guard a.count == b.count else { return false }
        let sameStorage = a.withUnsafeBytes { first in b.withUnsafeBytes { second in first.baseAddress == second.baseAddress } }
        return sameStorage || a == b
    }
}
