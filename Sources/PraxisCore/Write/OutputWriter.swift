import CAtomicSwap
#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Stage "write": the whole site goes into a fresh folder beside the output (staging); only when
/// every file is written does it take the output's place. A failed or killed build leaves the
/// previous site exactly as it was:
/// - where the kernel can exchange two folders in one step (renameat2 RENAME_EXCHANGE), the
///   output is at every moment the old site or the new one;
/// - elsewhere, the old site is first renamed to `.praxis-previous-<name>-<pid>`, then staging to
///   the output. A kill between the two leaves no output but the old site under that known name:
///   the next build (even one that fails) puts it back first, see `recoverLeftovers`.
struct OutputWriter: Sendable {
    let output: URL

    var parent: URL { output.deletingLastPathComponent() }
    var stagingPrefix: String { ".praxis-staging-\(shortName)-" }
    var previousPrefix: String { ".praxis-previous-\(shortName)-" }

    /// The output's name in the names beside it; a long one (up to the 255 bytes a name may
    /// have) is replaced by its hash, so that prefix and pid still fit.
    private var shortName: String {
        let name = output.lastPathComponent
        guard name.utf8.count > 200 else { return name }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: the same name gives the same hash in every run
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "long-" + String(hash, radix: 16)
    }
    static let markerText = "This folder is written by `praxis build` and replaced as a whole on every build.\n"

    /// Writes a site into staging, then swaps it in. The folders of `paths` are made, then `fill` writes the files
    /// through the staging folder it is given as they are made, so the build never holds the
    /// whole site; then the static copies, then the swap. A problem in `fill` removes staging
    /// and leaves the output as it was. Returns what `fill` returned and what the editor must
    /// know although the build succeeded (an old site left over).
    func write<Filled: Sendable>(paths: [String], copies: [(from: URL, to: String)], siteRoot: URL,
                                 fill: @Sendable (Staging) async throws -> Filled) async throws -> (Filled, notes: [String]) {
        do { try SafeWrite.makeFolders(parent) } catch { throw error.failure(stage: "write") }
        try recoverLeftovers()
        let plan = FolderPlan(paths: paths + copies.map(\.to))
        let staging = Staging(folder: parent.appending(path: stagingPrefix + String(getpid())), ownFolders: plan.ownFolders)
        let filled: Filled
        do {
            try? SafeWrite.removeTree(staging.folder)
            try SafeWrite.makeFolders(staging.folder)
            for folder in plan.sharedFolders { try SafeWrite.makeFolders(URL(fileURLWithPath: staging.prefix + folder)) }
            filled = try await fill(staging)
            for copy in copies {
                try SafeWrite.copy(copy.from, sourcePath: Self.relative(copy.from, to: siteRoot), to: try staging.prepare(copy.to))
            }
            try SafeWrite.write(Data(Self.markerText.utf8), to: staging.prefix + OutputGuard.markerName)
        } catch let failure as BuildFailure {
            try? SafeWrite.removeTree(staging.folder)
            throw failure
        } catch {
            try? SafeWrite.removeTree(staging.folder)
            var problem = FileSystemError(error, path: staging.folder.path, action: "write the site")
            // Name the file as it would have been in the output: staging is gone now.
            if problem.path == staging.folder.path {
                (problem.path, problem.action) = (parent.path, "create a folder in it")
            } else if problem.path.hasPrefix(staging.folder.path + "/") {
                problem.path = output.path + problem.path.dropFirst(staging.folder.path.count)
            }
            throw problem.failure(stage: "write")
        }
        WriteTestHooks.reached("staged")
        return (filled, try await swapIn(staging.folder))
    }

    /// The folder a build fills before it is swapped in. The folders that hold more than one entry
    /// exist before any file is written (`FolderPlan`); a folder of one file (a page's own
    /// `practices/<id>/`, most of the site's folders) is made by the writer of that file, right
    /// before it, so that making folders is spread over the cores like writing files.
    struct Staging: Sendable {
        let folder: URL
        /// `folder.path` and a slash, to put before a file's path (cheaper than URL's `appending`).
        let prefix: String
        /// Folders of one file each, made by `prepare`.
        let ownFolders: Set<Substring>

        init(folder: URL, ownFolders: Set<Substring>) {
            self.folder = folder
            prefix = folder.path + "/"
            self.ownFolders = ownFolders
        }

        /// Plain writes: the files are new, in a folder nobody reads until the swap, so the
        /// temporary file and fsync of an atomic write would only cost time (a lot, per file).
        func write(_ files: [OutputFile]) throws {
            for file in files { try SafeWrite.write(file.data, to: try prepare(file.path)) }
        }

        /// The absolute path of the file at `path` in staging, its folder made if it is the file's own.
        func prepare(_ path: String) throws(FileSystemError) -> String {
            if let folder = FolderPlan.folder(of: path[...]), ownFolders.contains(folder) {
                let absolute = prefix + folder
                // Made by this file's writer only; a file written twice finds it made.
                if mkdir(absolute, 0o755) != 0 && errno != EEXIST { throw .last(path: absolute, action: "create the folder") }
            }
            return prefix + path
        }
    }

    /// Exchanges staging and output in one step where the kernel can; otherwise two renames.
    private func swapIn(_ staging: URL) async throws -> [String] {
        func fail(_ error: FileSystemError) -> BuildFailure {
            try? SafeWrite.removeTree(staging)
            return error.failure(stage: "write")
        }
        guard SafeRead.kind(output) != .missing else {
            do { try SafeWrite.rename(staging, to: output) } catch { throw fail(error) }
            return []
        }
        if !WriteTestHooks.noRenameExchange, praxis_exchange_paths(staging.path, output.path) == 0 {
            WriteTestHooks.reached("swapped")
            return await removeOld(staging)  // now holds the previous site
        }
        let previous = parent.appending(path: previousPrefix + String(getpid()))
        do { try SafeWrite.rename(output, to: previous) } catch { throw fail(error) }
        WriteTestHooks.reached("moved-aside")
        do {
            try SafeWrite.rename(staging, to: output)
        } catch {
            try? SafeWrite.rename(previous, to: output)
            throw fail(error)
        }
        WriteTestHooks.reached("swapped")
        return await removeOld(previous)
    }

    /// After the swap the build has succeeded; an old site that cannot be removed is said as it is.
    private func removeOld(_ old: URL) async -> [String] {
        do {
            try await SiteRemoval.remove(old)
            return []
        } catch {
            return ["The new site is in place in \(output.path), but the previous one could not be removed (\(error.path): cannot \(error.action): \(error.reason)). It is left at \(old.path): remove it by hand (rm -rf '\(old.path)'); the next build tries again."]
        }
    }

    /// Puts back and cleans up what killed builds left beside the output: when the output is
    /// missing and an old site was moved aside (`.praxis-previous-*`), it becomes the output
    /// again; then staging folders and old sites of builds no longer running are removed.
    func recoverLeftovers() throws {
        guard let names = try? SafeRead.names(in: parent, path: parent.path, followingLink: true) else { return }
        var leftovers: [String] = []
        for name in names.sorted() {
            guard let prefix = [stagingPrefix, previousPrefix].first(where: { name.hasPrefix($0) }),
                  let pid = Int32(name.dropFirst(prefix.count)) else { continue }
            // A build still running (another user's answers EPERM) keeps its folders.
            if pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
            leftovers.append(name)
        }
        if SafeRead.kind(output) == .missing, let previous = leftovers.last(where: { $0.hasPrefix(previousPrefix) }) {
            do { try SafeWrite.rename(parent.appending(path: previous), to: output) } catch { throw error.failure(stage: "write") }
            leftovers.removeAll { $0 == previous }
        }
        for name in leftovers { try? SafeWrite.removeTree(parent.appending(path: name)) }
    }

    /// `content/static/x` for messages, when `url` is below the site root.
    static func relative(_ url: URL, to root: URL) -> String {
        let rootPath = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(rootPath + "/") ? String(path.dropFirst(rootPath.count + 1)) : path
    }
}
