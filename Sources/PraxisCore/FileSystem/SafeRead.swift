#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Every file and folder Praxis reads from a site root (content/, seeds/, themes/, site.yaml)
/// is looked at and opened here, so that the build reads only the site root:
/// - the type is taken with lstat, which does not follow links; only regular files and folders
///   are read, never a symbolic link, FIFO, socket or device;
/// - a file is opened with O_NOFOLLOW | O_NONBLOCK and its type checked again with fstat, so a
///   file swapped for a link or a FIFO after the look is refused too, and nothing blocks.
/// As no link is followed, no loop can form.
public enum SafeRead {
    enum Kind: Equatable {
        case file, folder, symbolicLink, missing
        /// A FIFO, socket or device, named for the message.
        case special(String)
    }

    static func kind(_ url: URL) -> Kind {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        case S_IFIFO: return .special("a named pipe (FIFO)")
        case S_IFSOCK: return .special("a socket")
        case S_IFCHR, S_IFBLK: return .special("a device")
        default: return .special("not a regular file")
        }
    }

    /// The problem with an entry that is neither a regular file nor a folder, or nil.
    /// `root` is the site root, to tell a link that leaves it.
    static func refusal(_ url: URL, path: String, root: URL) -> Diagnostic? {
        switch kind(url) {
        case .file, .folder, .missing: return nil
        case .symbolicLink:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? "?"
            let resolved = URL(fileURLWithPath: target, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
                .resolvingSymlinksInPath().path
            let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
            let inside = resolved == rootPath || resolved.hasPrefix(rootPath + "/")
            return Diagnostic(file: path, message: "is a symbolic link to \"\(target)\"\(inside ? "" : ", outside the site root"). Praxis does not follow symbolic links: it reads only regular files and folders inside the site root, so that no file from elsewhere is published.",
                              hint: "Replace the link by a copy of what it points to (e.g. cp -r --remove-destination \"$(readlink -f \(path))\" \(path)), or delete it.")
        case .special(let what):
            return Diagnostic(file: path, message: "is \(what), not a regular file; Praxis does not read or copy it.",
                              hint: "Delete it or move it out of the site root.")
        }
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// The names in `folder` (not `.` and `..`), unsorted. An unreadable folder is an error,
    /// never an empty list. `folder` itself may be a link only when `followingLink` (a folder the
    /// user named, such as the output's, not one of the site root).
    static func names(in folder: URL, path: String, followingLink: Bool = false) throws(FileSystemError) -> [String] {
        let descriptor = Glibc.open(folder.path, O_RDONLY | O_DIRECTORY | (followingLink ? 0 : O_NOFOLLOW) | O_CLOEXEC)
        guard descriptor >= 0 else { throw .last(path: path, action: "list the folder") }
        guard let directory = fdopendir(descriptor) else {
            let error = FileSystemError.last(path: path, action: "list the folder")
            close(descriptor)
            throw error
        }
        defer { closedir(directory) }
        var names: [String] = []
        errno = 0
        while let entry = readdir(directory) {
            // The name is read where it lies: a dirent record is only as long as its name
            // (d_reclen), so copying `entry.pointee` or its 256-byte `d_name` reads past the
            // record's end (AddressSanitizer: heap-buffer-overflow).
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: Self.nameOffset).assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { names.append(name) }
            errno = 0
        }
        if errno != 0 { throw .last(path: path, action: "list the folder") }
        return names
    }

    /// Opens a regular file for reading; the descriptor is the caller's to close.
    static func open(_ url: URL, path: String) throws(FileSystemError) -> Int32 {
        let descriptor = Glibc.open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .last(path: path, action: "read the file") }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let error = FileSystemError.last(path: path, action: "read the file")
            close(descriptor)
            throw error
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw FileSystemError(path: path, action: "read the file", code: FileSystemError.notRegularFile)
        }
        return descriptor
    }

    /// The bytes of the regular file `url`; `path` names it in messages.
    public static func read(_ url: URL, path: String) throws(FileSystemError) -> Data {
        let descriptor = try open(url, path: path)
        defer { close(descriptor) }
        var data = Data()
        // Not zeroed: `read` fills what is used (zeroing 64 KiB for every source file showed
        // in the parse stage's profile).
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 * 1024) { (buffer) throws(FileSystemError) in
            while true {
                let count = Glibc.read(descriptor, buffer.baseAddress!, buffer.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw .last(path: path, action: "read the file")
                }
                if count == 0 { break }
                data.append(buffer.baseAddress!, count: count)
            }
        }
        return data
    }
}
