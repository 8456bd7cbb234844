#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Keeps a folder equal to the site `praxis serve` serves (`--output`). The first complete
/// site replaces the folder as `praxis build` replaces its output (staging, then one swap), so an
/// earlier build stays whole until then, also when the first build fails or serve is killed.
/// After every good build only the files that changed are replaced, each written beside its
/// place and renamed over it, so a reader never sees half a file. The folder is guarded and
/// marked like `praxis build`'s.
public struct SnapshotWriter: Sendable {
    public let output: URL
    let siteRoot: URL
    /// Whether a whole site has replaced the folder yet: until then, changed files alone
    /// would be mixed into the earlier build's.
    private let wroteAll = Flag()

    private final class Flag: Sendable {
        let value = Mutex(false)
    }

    public init(output: URL, siteRoot: URL) throws {
        try OutputGuard.check(output: output, siteRoot: siteRoot)
        self.output = output.standardizedFileURL
        self.siteRoot = siteRoot
    }

    /// Replaces the folder with `snapshot`, as a whole. Returns what the editor must know
    /// although it succeeded (an old site left over).
    public func writeAll(_ snapshot: SiteSnapshot) async throws -> [String] {
        let files = snapshot.files.map { OutputFile(path: $0.key, data: $0.value) }
        let copies = snapshot.copies.map { (from: $0.value, to: $0.key) }
        let notes = try await OutputWriter(output: output).write(files: files, copies: copies, siteRoot: siteRoot)
        wroteAll.value.withLock { $0 = true }
        return notes
    }

    /// Writes the `changed` paths of `snapshot`, and removes those it no longer has; the whole
    /// site when none has been written yet (the first build of `praxis serve` failed).
    public func write(_ snapshot: SiteSnapshot, paths changed: [String]) async throws -> [String] {
        if !wroteAll.value.withLock({ $0 }) { return try await writeAll(snapshot) }
        for path in changed {
            let target = output.appending(path: path)
            if snapshot.files[path] != nil || snapshot.copies[path] != nil {
                try SafeWrite.makeFolders(target.deletingLastPathComponent())
                let part = target.deletingLastPathComponent().appending(path: ".praxis-part-\(getpid())-\(target.lastPathComponent)")
                do {
                    if let data = snapshot.files[path] {
                        try SafeWrite.write(data, to: part.path)
                    } else if let source = snapshot.copies[path] {
                        try SafeWrite.copy(source, sourcePath: OutputWriter.relative(source, to: siteRoot), to: part.path)
                    }
                    try SafeWrite.rename(part, to: target)
                } catch {
                    try? SafeWrite.removeTree(part)
                    throw error
                }
            } else {
                try? SafeWrite.removeTree(target)
                removeEmptyFolders(above: target)
            }
        }
        return []
    }

    /// Folders left empty by removed pages go too, as they would in a fresh build.
    private func removeEmptyFolders(above file: URL) {
        var folder = file.deletingLastPathComponent().standardizedFileURL
        while folder.path.hasPrefix(output.path + "/"),
              (try? SafeRead.names(in: folder, path: folder.path).isEmpty) == true {
            rmdir(folder.path)
            folder = folder.deletingLastPathComponent().standardizedFileURL
        }
    }
}
