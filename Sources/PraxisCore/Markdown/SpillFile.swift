#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Where `praxis build` keeps the rendered bodies between stage "markdown" and the pages that
/// show them: an unnamed temporary file. Held in memory, every body's HTML and plain text made
/// most of the build's peak (1.4 GB of 3.2 GB at 100,000 practices); in this file they cost
/// a few dozen bytes each, and the kernel's page cache keeps them as long as memory allows.
///
/// The file has no name (O_TMPFILE, or a name removed right after it is made where the file
/// system cannot make unnamed files), so it disappears with the last descriptor: when the build
/// ends, fails or is killed, nothing is left behind. Bodies are appended by several tasks at
/// once (each reserves its range, then writes it) and read back by several at once (`pread`).
final class SpillFile: Sendable {
    private let descriptor: Int32
    /// The folder it is in, for messages.
    private let folder: String
    /// Bytes reserved so far: the offset of the next body.
    private let end = Locked(0)
    /// The errno of the first read that failed. A body read back for a page cannot throw
    /// through the renderer; `checkReads` reports it before the site is swapped in.
    private let readFailure = Locked<Int32?>(nil)

    /// A new empty file in `folder` (the temporary folder: `TMPDIR`, else /tmp).
    init(in folder: URL = FileManager.default.temporaryDirectory) throws(BuildFailure) {
        self.folder = folder.path
        #if os(Linux) && (arch(x86_64) || arch(arm64))
        // O_TMPFILE is a macro Swift does not import; its value on these architectures.
        let unnamed = Glibc.open(folder.path, 0o20_000_000 | O_DIRECTORY | O_RDWR | O_CLOEXEC, 0o600)
        #else
        let unnamed: Int32 = -1
        #endif
        if unnamed >= 0 {
            descriptor = unnamed
            return
        }
        var template = Array(folder.appending(path: ".praxis-bodies-XXXXXX").path.utf8CString)
        let named = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard named >= 0 else { throw Self.failure(in: folder.path, "create a temporary file in the folder", code: errno, stage: "markdown") }
        unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        _ = fcntl(named, F_SETFD, FD_CLOEXEC)
        descriptor = named
    }

    deinit { close(descriptor) }

    /// Writes the bytes of `parts` one after the other; returns where each is.
    func append(_ parts: UnsafeRawBufferPointer...) throws(BuildFailure) -> [Range<Int>] {
        let start = end.withLock { end in
            defer { end += parts.reduce(0) { $0 + $1.count } }
            return end
        }
        var ranges: [Range<Int>] = []
        var offset = start
        for part in parts {
            let code = write(part, at: offset)
            if code != 0 { throw Self.failure(in: folder, "write a temporary file in the folder", code: code, stage: "markdown") }
            ranges.append(offset..<offset + part.count)
            offset += part.count
        }
        return ranges
    }

    /// The text at `range`, as `append` wrote it. A failed read gives "" and is kept for `checkReads`.
    func read(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        var code: Int32 = 0
        let text = String(unsafeUninitializedCapacity: range.count) { buffer in
            var done = 0
            while done < range.count {
                let count = pread(descriptor, buffer.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    code = count == 0 ? EIO : errno
                    return 0
                }
                done += count
            }
            return done
        }
        if code != 0 { readFailure.withLock { if $0 == nil { $0 = code } } }
        return text
    }

    /// Throws the first failed read, if any: the pages made since then lack their bodies.
    func checkReads(stage: String) throws(BuildFailure) {
        if let code = readFailure.withLock({ $0 }) {
            throw Self.failure(in: folder, "read back a temporary file in the folder", code: code, stage: stage)
        }
    }

    /// The file system's reason, with a hint about the temporary folder rather than the output.
    private static func failure(in folder: String, _ action: String, code: Int32, stage: String) -> BuildFailure {
        let reason = FileSystemError(path: folder, action: action, code: code).reason
        let remedy = code == ENOSPC || code == EDQUOT
            ? "Free space on that disk, or set TMPDIR to a folder on another disk, then build again."
            : "Set TMPDIR to a folder that exists and that you may write to (or unset it for /tmp), then build again."
        return BuildFailure(stage: stage, diagnostics: [Diagnostic(
            file: folder, message: "cannot \(action): \(reason).",
            hint: "The build keeps the rendered bodies in a temporary file there. " + remedy)])
    }

    /// 0 when all of `buffer` is written at `offset`, else the errno.
    private func write(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> Int32 {
        var done = 0
        while done < buffer.count {
            let count = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            done += count
        }
        return 0
    }
}
