import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Removes a whole built site (the previous one, after the new one is swapped in) on all cores.
/// A site is a few wide folders (`practices/` holds a folder per practice): the entries of the
/// first two levels are removed in parallel, each as a tree, then the emptied folders, children
/// before their parents. Like `SafeWrite.removeTree` it never follows a link.
enum SiteRemoval {
    static func remove(_ root: URL) async throws(FileSystemError) {
        guard SafeRead.kind(root) == .folder else { return try SafeWrite.removeTree(root) }
        var pieces: [URL] = []
        var folders: [URL] = []
        for name in try SafeRead.names(in: root, path: root.path) {
            let entry = root.appending(path: name)
            guard SafeRead.kind(entry) == .folder else {
                pieces.append(entry)
                continue
            }
            for inner in try SafeRead.names(in: entry, path: entry.path) { pieces.append(entry.appending(path: inner)) }
            folders.append(entry)
        }
        let failures = await Parallel.mapChunks(pieces, minimumChunk: 32) { chunk -> [FileSystemError] in
            do throws(FileSystemError) {
                for piece in chunk { try SafeWrite.removeTree(piece) }
                return []
            } catch {
                return [error]
            }
        }
        if let failure = failures.first { throw failure }
        for folder in folders + [root] {
            guard rmdir(folder.path) == 0 || errno == ENOENT else { throw .last(path: folder.path, action: "remove the folder") }
        }
    }
}
