import Foundation

/// Keeps a folder equal to the site `praxis serve` serves (`--output`): the whole site once,
/// then after every good build only the files that changed, each replaced in one rename so a
/// reader never sees half a file. The folder is guarded and marked like `praxis build`'s.
public struct SnapshotWriter: Sendable {
    public let output: URL

    public init(output: URL, siteRoot: URL) throws {
        try OutputGuard.check(output: output, siteRoot: siteRoot)
        self.output = output.standardizedFileURL
    }

    /// Replaces the folder's content with `snapshot`.
    public func writeAll(_ snapshot: SiteSnapshot) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: output, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: output.path) where name != OutputGuard.markerName {
            try manager.removeItem(at: output.appending(path: name))
        }
        let marker = "This folder is written by `praxis build` and replaced as a whole on every build.\n"
        try Data(marker.utf8).write(to: output.appending(path: OutputGuard.markerName))
        try write(snapshot, paths: snapshot.paths)
    }

    /// Writes the `changed` paths of `snapshot`, and removes those it no longer has.
    public func write(_ snapshot: SiteSnapshot, paths changed: [String]) throws {
        let manager = FileManager.default
        for path in changed {
            let target = output.appending(path: path)
            if let data = snapshot.files[path] ?? snapshot.copies[path].flatMap({ manager.contents(atPath: $0.path) }) {
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target, options: .atomic)
            } else {
                try? manager.removeItem(at: target)
                removeEmptyFolders(above: target)
            }
        }
    }

    /// Folders left empty by removed pages go too, as they would in a fresh build.
    private func removeEmptyFolders(above file: URL) {
        var folder = file.deletingLastPathComponent().standardizedFileURL
        while folder.path.hasPrefix(output.path + "/"),
              (try? FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty) == true {
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent().standardizedFileURL
        }
    }
}
