/// Which folders of the site are made before the files, and which by the writer of their file.
///
/// Making a folder costs the kernel about as much as making a file. Most of the site's folders
/// hold exactly one file (`practices/<id>/index.html`): each is made by the task that writes that
/// file, so folders are made on all cores like files. The others (several files, or folders
/// inside) are made up front, once each, parents first, so that no writer has to ask whether
/// one exists.
struct FolderPlan {
    /// Folders that hold one file and nothing else.
    let ownFolders: Set<Substring>
    /// The other folders, parents before children.
    let sharedFolders: [Substring]

    /// `paths`: every file of the site, relative to its root.
    init(paths: [String]) {
        var files: [Substring: Int] = [:]
        var withFolders = Set<Substring>()
        for path in paths {
            guard var folder = Self.folder(of: path[...]) else { continue }
            files[folder, default: 0] += 1
            // Each parent is walked up from once: the first time a child is seen in it.
            while let parent = Self.folder(of: folder), withFolders.insert(parent).inserted {
                folder = parent
            }
        }
        var own = Set<Substring>()
        var shared = Set(withFolders)
        for (folder, count) in files {
            if count == 1, !withFolders.contains(folder) { own.insert(folder) } else { shared.insert(folder) }
        }
        ownFolders = own
        // A parent's path is a prefix of its children's, so it sorts before them.
        sharedFolders = shared.sorted()
    }

    /// The folder part of `path` (`practices/x` of `practices/x/index.html`), nil at the root.
    static func folder(of path: Substring) -> Substring? {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        return path[..<slash]
    }
}
