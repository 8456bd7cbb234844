import Foundation

/// Refuses output folders whose replacement would destroy something that is not a built site.
enum OutputGuard {
    /// Marks a folder as Praxis output, so a later build may replace it.
    static let markerName = ".praxis-output"

    static func check(output: URL, siteRoot: URL) throws {
        let out = canonical(output)
        let root = canonical(siteRoot)
        let home = canonical(FileManager.default.homeDirectoryForCurrentUser)
        func refuse(_ reason: String) -> BuildFailure {
            BuildFailure(stage: "write", diagnostics: [Diagnostic(file: output.path, message: "cannot be the output folder: \(reason)",
                                                                  hint: "Choose a folder of its own, e.g. \(siteRoot.appending(path: "public").path).")])
        }
        // Said before the build rather than after it, when the folder cannot be created.
        if output.standardizedFileURL.path.utf8.count >= Int(PATH_MAX) || output.pathComponents.contains(where: { $0.utf8.count > Int(NAME_MAX) }) {
            throw FileSystemError(path: output.path, action: "create the output folder", code: ENAMETOOLONG).failure(stage: "write")
        }
        if out.path == "/" { throw refuse("it is the file system's root.") }
        if out.path == home.path { throw refuse("it is your home folder.") }
        if out.path == root.path { throw refuse("it is the site root itself.") }
        if root.path.hasPrefix(out.path + "/") { throw refuse("it contains the site root, which would be deleted.") }
        for source in ["content", "seeds", "themes"] {
            let folder = root.appending(path: source).path
            if out.path == folder || out.path.hasPrefix(folder + "/") { throw refuse("it is inside \(source)/, the site's sources.") }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out.path, isDirectory: &isDirectory) else { return }
        if !isDirectory.boolValue { throw refuse("it is a file.") }
        // A folder that cannot be listed may hold anything: it is not taken for an empty one.
        let entries: [String]
        do { entries = try SafeRead.names(in: out, path: output.path, followingLink: true) } catch { throw error.failure(stage: "write") }
        if !entries.isEmpty && !entries.contains(markerName) {
            throw refuse("it holds files that Praxis did not build (no \(markerName) in it). Praxis replaces its output folder as a whole; empty it or delete it yourself first.")
        }
    }

    /// Absolute, with `..` and symbolic links resolved, so two spellings of a folder compare equal.
    static func canonical(_ url: URL) -> URL {
        url.standardizedFileURL.resolvingSymlinksInPath()
    }
}
