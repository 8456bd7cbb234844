#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A file system call that failed, told as the editor needs it: the path, what Praxis tried to
/// do, why it failed in plain words (not "NSCocoaErrorDomain error 512"), and what to do.
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    /// As shown: relative to the site root for sources, absolute for the output.
    public var path: String
    /// What Praxis tried, e.g. "write", "read", "create the folder".
    public var action: String
    /// The `errno` of the failed call.
    public var code: Int32

    public init(path: String, action: String, code: Int32) {
        self.path = path
        self.action = action
        self.code = code
    }

    /// For a call that just failed: takes `errno` now, before anything can change it.
    static func last(path: String, action: String) -> FileSystemError {
        FileSystemError(path: path, action: action, code: errno)
    }

    /// Foundation's errors carry the POSIX error underneath; fall back on the Cocoa code.
    public init(_ error: Error, path: String, action: String) {
        if let known = error as? FileSystemError { self = known; return }
        let nsError = error as NSError
        var code: Int32 = EIO
        if nsError.domain == NSPOSIXErrorDomain {
            code = Int32(nsError.code)
        } else if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            code = Int32(underlying.code)
        } else if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileWriteOutOfSpace: code = ENOSPC
            case .fileWriteNoPermission, .fileReadNoPermission: code = EACCES
            case .fileWriteVolumeReadOnly: code = EROFS
            case .fileNoSuchFile, .fileReadNoSuchFile: code = ENOENT
            case .fileWriteFileExists: code = EEXIST
            default: code = EIO
            }
        }
        self.init(path: path, action: action, code: code)
    }

    public var diagnostic: Diagnostic {
        Diagnostic(file: path, message: "cannot \(action): \(reason).", hint: hint)
    }

    public var description: String { diagnostic.description }

    /// The failure as a problem of the build stage `stage`.
    func failure(stage: String) -> BuildFailure {
        BuildFailure(stage: stage, diagnostics: [diagnostic])
    }

    /// Not an errno: the path is a link, pipe, socket or device where a regular file was expected.
    static let notRegularFile: Int32 = -1

    var reason: String {
        switch code {
        case Self.notRegularFile: "it is not a regular file (a symbolic link, pipe, socket or device)"
        case ENOSPC, EDQUOT: "the disk is full (no space left on the device)"
        case EACCES, EPERM: "permission denied"
        case ENAMETOOLONG: "a name is too long (file systems allow 255 bytes per file or folder name and about 4,000 for a whole path)"
        case EROFS: "the file system is read-only"
        case ENOENT: "it does not exist (it was moved or deleted while Praxis ran?)"
        case ENOTDIR: "a part of the path is a file where a folder is needed"
        case EISDIR: "it is a folder where a file is needed"
        case EEXIST: "something of that name is already there"
        case ELOOP: "it is a symbolic link"
        case EMFILE, ENFILE: "too many files are open"
        case EBUSY: "it is in use (a mount point, or open in another program)"
        case EXDEV: "it is on another file system"
        case EIO: "the disk reported an input/output error"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    var hint: String {
        switch code {
        case ENOSPC, EDQUOT: "Free space on that disk (or choose an output folder on another one with --output), then build again."
        case EACCES, EPERM: "Give your user the right to \(action.hasPrefix("read") || action.hasPrefix("list") ? "read" : "change") it (ls -ld shows the owner; chmod or chown changes it), or choose another folder."
        case ENAMETOOLONG: "Shorten the name (or the output path) and build again."
        case EROFS: "Choose an output folder on a writable disk with --output."
        case ENOENT: "Build again when no other program is changing the folder."
        case EMFILE, ENFILE: "Raise the limit (ulimit -n) or close other programs, then build again."
        case EBUSY: "Close the program using it (or unmount what is mounted there), then build again."
        case EIO: "Check the disk (dmesg shows its errors); build again or choose another output folder."
        default: "Fix the path named here and build again."
        }
    }
}
