#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The output's file operations, as plain system calls: each failure carries its errno and
/// path (Foundation's would say "NSCocoaErrorDomain error 512"), and none follows a symbolic
/// link, so the output never holds one and removing a folder never leaves it.
enum SafeWrite {
    /// `mkdir -p`.
    static func makeFolders(_ url: URL) throws(FileSystemError) {
        let path = url.path
        if mkdir(path, 0o755) == 0 { return }
        switch errno {
        case EEXIST:
            // Followed here: the folder holding the output may be reached through a link
            // (`~/sites -> /data/sites`); inside the output, folders are all new.
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return }
            throw FileSystemError(path: path, action: "create the folder", code: ENOTDIR)
        case ENOENT:
            try makeFolders(url.deletingLastPathComponent())
            if mkdir(path, 0o755) != 0 && errno != EEXIST { throw .last(path: path, action: "create the folder") }
        default:
            throw .last(path: path, action: "create the folder")
        }
    }

    /// Writes `data` to a new file (replacing a file of that name).
    static func write(_ data: Data, to path: String) throws(FileSystemError) {
        let descriptor = try create(path)
        defer { close(descriptor) }
        let code = data.withUnsafeBytes { writeAll($0, to: descriptor) }
        if code != 0 { throw FileSystemError(path: path, action: "write the file", code: code) }
    }

    /// Opens a new file (replacing a file of that name) to be written in pieces (`append`).
    static func create(_ path: String) throws(FileSystemError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .last(path: path, action: "write the file") }
        return descriptor
    }

    /// Writes all of `bytes` at the end of the file `create` opened at `path`.
    static func append(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileSystemError) {
        let code = bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
        if code != 0 { throw FileSystemError(path: path, action: "write the file", code: code) }
    }

    /// 0 when all of `buffer` is written, else the errno.
    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// Copies the regular file `source` (opened without following links, see `SafeRead`) to a
    /// new file `target`, in pieces: static files can be large.
    static func copy(_ source: URL, sourcePath: String, to target: String) throws(FileSystemError) {
        let input = try SafeRead.open(source, path: sourcePath)
        defer { close(input) }
        let output = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw .last(path: target, action: "write the file") }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 256 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .last(path: sourcePath, action: "read the file")
            }
            if count == 0 { return }
            let code = buffer.withUnsafeBytes { writeAll(UnsafeRawBufferPointer(rebasing: $0[0..<count]), to: output) }
            if code != 0 { throw FileSystemError(path: target, action: "write the file", code: code) }
        }
    }

    static func rename(_ from: URL, to: URL) throws(FileSystemError) {
        guard Glibc.rename(from.path, to.path) == 0 else { throw .last(path: to.path, action: "rename \(from.path) to it") }
    }

    /// `rm -rf` that never follows a link: a link is removed, not what it points to.
    static func removeTree(_ url: URL) throws(FileSystemError) {
        let path = url.path
        if SafeRead.kind(url) == .folder {
            for name in try SafeRead.names(in: url, path: path) { try removeTree(url.appending(path: name)) }
            guard rmdir(path) == 0 || errno == ENOENT else { throw .last(path: path, action: "remove the folder") }
        } else {
            guard unlink(path) == 0 || errno == ENOENT else { throw .last(path: path, action: "remove the file") }
        }
    }
}
