import CAtomicSwap
#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Stage "write": the whole site goes into a fresh folder beside the output; only when every
/// file is written does it take the output's place, in one rename. A failed or killed build
/// leaves the previous site exactly as it was.
struct OutputWriter: Sendable {
    let output: URL

    var parent: URL { output.deletingLastPathComponent() }
    var stagingPrefix: String { ".praxis-staging-\(output.lastPathComponent)-" }

    /// Writes `files` and copies `copies` (source URL, path) into staging, then swaps it in.
    func write(files: [OutputFile], copies: [(from: URL, to: String)]) async throws {
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        removeStaleStaging()
        let staging = parent.appending(path: stagingPrefix + String(ProcessInfo.processInfo.processIdentifier))
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            try createFolders(for: files.map(\.path) + copies.map(\.to), in: staging)
            try await writeInParallel(files, into: staging)
            for copy in copies {
                try FileManager.default.copyItem(at: copy.from, to: staging.appending(path: copy.to))
            }
            let marker = "This folder is written by `praxis build` and replaced as a whole on every build.\n"
            try Data(marker.utf8).write(to: staging.appending(path: OutputGuard.markerName))
            try swapIn(staging)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    /// Folders first, once each, so the parallel writers only create files.
    private func createFolders(for paths: [String], in staging: URL) throws {
        var folders = Set<String>()
        for path in paths {
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        for folder in folders.sorted() {
            try FileManager.default.createDirectory(at: staging.appending(path: folder), withIntermediateDirectories: true)
        }
    }

    private func writeInParallel(_ files: [OutputFile], into staging: URL) async throws {
        let workers = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        let chunkSize = max(1, (files.count + workers - 1) / workers)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for start in stride(from: 0, to: files.count, by: chunkSize) {
                let chunk = files[start..<min(start + chunkSize, files.count)]
                group.addTask {
                    for file in chunk {
                        try Self.writeFile(file.data, to: staging.appending(path: file.path).path)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// A plain write: the files are new, in a folder nobody reads until the swap, so the
    /// temporary file and fsync of an atomic write would only cost time (a lot, per file).
    private static func writeFile(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        let complete = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue } else { return false } }
                offset += written
            }
            return true
        }
        guard complete else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }

    /// Exchanges staging and output atomically where the kernel can; otherwise two renames.
    private func swapIn(_ staging: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if praxis_exchange_paths(staging.path, output.path) == 0 {
            try fileManager.removeItem(at: staging)  // now holds the previous site
            return
        }
        let old = parent.appending(path: ".praxis-previous-\(output.lastPathComponent)-\(ProcessInfo.processInfo.processIdentifier)")
        try fileManager.moveItem(at: output, to: old)
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: old, to: output)
            throw error
        }
        try? fileManager.removeItem(at: old)
    }

    /// Staging folders left by builds that were killed; only ours, recognised by their name.
    private func removeStaleStaging() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(stagingPrefix) {
            let pid = Int32(name.dropFirst(stagingPrefix.count)) ?? 0
            if pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(at: parent.appending(path: name))
            }
        }
    }
}
