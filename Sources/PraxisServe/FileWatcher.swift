import Foundation
import PraxisCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Watches the sources of a site root with inotify: content/, seeds/, themes/ and every folder
/// below them, and the root itself for those folders appearing. Saves come in bursts (an
/// editor writes a temporary file, renames it, sets its attributes), so events are collected
/// until the folders have been quiet for `quiet`, then added to the changes waiting for the
/// next build. Waiting changes are merged, never queued: while a build runs, every burst that
/// comes piles up, and the next build takes all of them at once (`take()`). A `git checkout`
/// of a thousand files is thus one build: while git holds its index lock, the burst is not
/// over, however long git pauses between files on a loaded machine. Other tools (a copy) give
/// one build, or two when they paused for longer than `quiet` and the first build started
/// before the rest was written.
final class FileWatcher: Sendable {
    /// Paths relative to the site root that changed; `everything` when events were lost.
    struct Batch: Sendable {
        var paths: Set<String>
        var everything: Bool
    }

    let root: URL
    /// The folders below the root that hold sources.
    static let watched = ["content", "seeds", "themes"]
    private let descriptor: Int32
    private let stopped = Atomic<Bool>(false)
    private let state = Locked(State())
    private let quiet: Duration
    /// The changes not yet taken by a build.
    private let waiting = Locked<Batch?>(nil)
    private let signals: AsyncStream<Void>.Continuation
    /// One element whenever changes are waiting; a burst that comes while the builder is busy
    /// does not add a second one (the stream keeps only the newest).
    let changes: AsyncStream<Void>

    private struct State {
        /// Watch descriptor -> folder relative to the root ("" for the root).
        var folders: [Int32: String] = [:]
    }

    private static let folderEvents = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                              | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    /// A steady stream of events (a copy, a checkout) is handed on after this long at the latest,
    /// so that the site does not stay stale while a slow tool writes.
    private let longest: Duration
    /// `.git/index.lock` of the repository the root is in, if it is in one: git holds it while a
    /// checkout, merge or reset writes the working tree.
    private let gitLock: String?
    /// A lock older than this is taken for one left behind by a git that was killed.
    private static let longestGitLock: Duration = .seconds(60)

    init(root: URL, quiet: Duration = .milliseconds(25), longest: Duration = .seconds(2)) throws {
        self.root = root.standardizedFileURL
        self.quiet = quiet
        self.longest = longest
        gitLock = Self.gitIndexLock(above: root.standardizedFileURL)
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "inotify is not available"]) }
        (changes, signals) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        add("")
        for folder in Self.watched { addTree(folder) }
    }

    /// Reads events on a thread of its own until `stop()`.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "praxis-watch"
        thread.start()
    }

    func stop() {
        stopped.store(true, ordering: .relaxed)
    }

    /// Every change that came since the last call, as one batch; nil when there is none.
    func take() -> Batch? {
        waiting.withLock { $0.take() }
    }

    /// Adds a finished burst to the waiting changes and wakes the builder.
    private func hand(_ paths: Set<String>, everything: Bool) {
        waiting.withLock { waiting in
            var batch = waiting ?? Batch(paths: [], everything: false)
            batch.paths.formUnion(paths)
            batch.everything = batch.everything || everything
            waiting = batch
        }
        signals.yield()
    }

    // MARK: Watches

    @discardableResult
    private func add(_ folder: String) -> Bool {
        let path = folder.isEmpty ? root.path : root.appending(path: folder).path
        let mask = folder.isEmpty ? UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR) : Self.folderEvents
        let watch = inotify_add_watch(descriptor, path, mask)
        guard watch >= 0 else { return false }
        state.withLock { $0.folders[watch] = folder }
        return true
    }

    /// Watches `folder` and every folder below it; returns the files found in them, which may
    /// have been written before their folder was watched.
    @discardableResult
    private func addTree(_ folder: String) -> [String] {
        guard add(folder) else { return [] }
        var files: [String] = []
        let url = root.appending(path: folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] {
            let child = folder + "/" + name
            // lstat: a link to a folder is not walked into (two links to `.` would never end);
            // the build refuses it, and the link itself is reported like a file.
            var info = stat()
            guard lstat(root.appending(path: child).path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR { files += addTree(child) } else { files.append(child) }
        }
        return files
    }

    // MARK: Git

    /// The index lock of the repository holding `root`: `.git/index.lock` in the nearest folder
    /// at or above it with a `.git`, or in the folder a `.git` file names (worktrees, submodules).
    static func gitIndexLock(above root: URL) -> String? {
        var folder = root
        while true {
            let git = folder.appending(path: ".git")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: git.path, isDirectory: &isFolder) {
                if isFolder.boolValue { return git.appending(path: "index.lock").path }
                // "gitdir: PATH", relative to the folder holding the .git file.
                guard let text = try? String(contentsOf: git, encoding: .utf8), text.hasPrefix("gitdir:") else { return nil }
                let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
                let gitFolder = path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appending(path: path)
                return gitFolder.appending(path: "index.lock").standardizedFileURL.path
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// Whether git is writing the working tree: its index lock exists (and is not one left
    /// behind: the burst began less than `longestGitLock` ago).
    private func gitIsWriting(since first: ContinuousClock.Instant?) -> Bool {
        guard let gitLock, let first, ContinuousClock.now - first < Self.longestGitLock else { return false }
        return access(gitLock, F_OK) == 0
    }

    // MARK: Events

    private func run() {
        var pending = Set<String>()
        var everything = false
        var firstPending: ContinuousClock.Instant?
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer {
            buffer.deallocate()
            close(descriptor)
            signals.finish()
        }
        let quietMilliseconds = Int32(quiet.components.seconds * 1000 + quiet.components.attoseconds / 1_000_000_000_000_000)
        while !stopped.load(ordering: .relaxed) {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            // Waiting for a burst to end: the quiet time; otherwise wake now and then to see `stop()`.
            let timeout = pending.isEmpty && !everything ? 250 : quietMilliseconds
            let ready = poll(&poller, 1, timeout)
            if ready > 0 {
                let count = read(descriptor, buffer, 64 * 1024)
                if count > 0 { collect(buffer, count: count, into: &pending, everything: &everything) }
                if firstPending == nil, !pending.isEmpty || everything { firstPending = .now }
                if let first = firstPending, ContinuousClock.now - first < longest || gitIsWriting(since: first) { continue }
            } else if ready < 0, errno != EINTR {
                break
            }
            if !pending.isEmpty || everything {
                // A pause of git between files is no end of the checkout.
                if gitIsWriting(since: firstPending) { continue }
                hand(pending, everything: everything)
                pending = []
                everything = false
                firstPending = nil
            }
        }
    }

    private func collect(_ buffer: UnsafeMutableRawPointer, count: Int, into pending: inout Set<String>, everything: inout Bool) {
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
            let nameStart = buffer.advanced(by: offset + headerSize)
            let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
            offset += headerSize + Int(event.len)

            if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                everything = true
                continue
            }
            guard let folder = state.withLock({ $0.folders[event.wd] }) else { continue }
            if event.mask & UInt32(IN_IGNORED) != 0 {
                _ = state.withLock { $0.folders.removeValue(forKey: event.wd) }
                continue
            }
            if folder.isEmpty {
                // The root: only its source folders matter.
                guard Self.watched.contains(name) else { continue }
                if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { pending.formUnion(addTree(name)) }
                pending.insert(name)
                continue
            }
            if event.mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                // Gone from where it was: a moved folder's watch would name its files wrongly.
                inotify_rm_watch(descriptor, event.wd)
                pending.insert(folder)
                continue
            }
            let path = folder + "/" + name
            if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                pending.formUnion(addTree(path))
            }
            pending.insert(path)
        }
    }
}
