import Foundation

/// The files of a site root, found and named, before any is read. Stage "load" builds it.
struct SourceTree: Sendable {
    struct File: Sendable {
        /// The entry id: the file name without `.md` (for days: `day-<n>`).
        var id: String
        /// Path relative to the site root.
        var path: String
        var url: URL
    }

    struct WorkshopFolder: Sendable {
        var id: String
        var index: File?
        var folderPath: String
        var days: [File]
    }

    var root: URL
    var siteYAML: File?
    var practices: [File] = []
    var partners: [File] = []
    var workshops: [WorkshopFolder] = []
    var pages: [File] = []
    var seeds: [File] = []
    /// Paths below content/static/, sorted; copied to the site's root as they are.
    var staticFiles: [String] = []

    static let contentFolders = ["practices", "partners", "workshops", "pages", "static"]

    /// Walks `root`; every misplaced or misnamed file is a problem, never silently skipped.
    static func scan(root: URL, problems: inout Problems) -> SourceTree {
        var tree = SourceTree(root: root)
        for part in Part.allCases {
            problems.add(contentsOf: tree.rescan(part))
            if part == .top, !tree.hasContent { break }
        }
        return tree
    }

    /// The parts of a site root that are walked on their own. A full scan walks them all;
    /// `praxis serve` walks again only the parts a change touched.
    enum Part: CaseIterable, Sendable {
        /// content/ itself: site.yaml and what does not belong there.
        case top
        case practices, partners, pages, seeds, workshops, staticFiles

        /// The parts a change at `path` (relative to the site root) touches: a file's folder, and
        /// for a folder of content/ that appears or goes, content/ itself too. Empty outside
        /// content/ and seeds/.
        static func touched(by path: String) -> [Part] {
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            if parts.first == "seeds" { return [.seeds] }
            guard parts.first == "content" else { return [] }
            guard parts.count >= 2 else { return Part.allCases }
            let folder: Part? = switch parts[1] {
            case "practices": .practices
            case "partners": .partners
            case "pages": .pages
            case "workshops": .workshops
            case "static": .staticFiles
            default: nil
            }
            guard let folder else { return [.top] }
            return parts.count == 2 ? [.top, folder] : [folder]
        }
    }

    /// True when the site root has a content/ folder (set by the `.top` part).
    private(set) var hasContent = false

    /// Walks `part` again, replacing what the tree knew of it; returns the part's problems.
    mutating func rescan(_ part: Part) -> Problems {
        var problems = Problems()
        let content = root.appending(path: "content")
        switch part {
        case .top:
            hasContent = Self.isDirectory(content)
            siteYAML = nil
            guard hasContent else {
                problems.add("content", line: nil, "is missing: \(root.path) is not a site root.",
                             hint: "A site root holds content/ (with site.yaml) and seeds/. Run praxis in such a folder or name it: praxis build PATH.")
                return problems
            }
            let siteFile = content.appending(path: "site.yaml")
            if FileManager.default.fileExists(atPath: siteFile.path) {
                siteYAML = File(id: "site", path: "content/site.yaml", url: siteFile)
            } else {
                problems.add("content/site.yaml", line: nil, "is missing.",
                             hint: "Every site needs content/site.yaml with at least title, base_url and facets.")
            }
            for name in Self.visibleNames(in: content) {
                let url = content.appending(path: name)
                if name == "site.yaml" { continue }
                if !Self.isDirectory(url) || !Self.contentFolders.contains(name) {
                    let nearest = Suggestion.nearest(to: name, in: Self.contentFolders)
                    problems.add("content/\(name)", line: nil, "does not belong in content/.",
                                 hint: (nearest.map { "Did you mean \($0)/? " } ?? "") + "Allowed: site.yaml and the folders \(Self.contentFolders.joined(separator: ", ")).")
                }
            }
        case .practices: practices = Self.markdownFiles(in: content.appending(path: "practices"), path: "content/practices", problems: &problems)
        case .partners: partners = Self.markdownFiles(in: content.appending(path: "partners"), path: "content/partners", problems: &problems)
        case .pages: pages = Self.markdownFiles(in: content.appending(path: "pages"), path: "content/pages", problems: &problems)
        case .seeds: seeds = Self.markdownFiles(in: root.appending(path: "seeds"), path: "seeds", problems: &problems)
        case .workshops: workshops = Self.workshopFolders(in: content.appending(path: "workshops"), problems: &problems)
        case .staticFiles: staticFiles = Self.filesBelow(content.appending(path: "static"))
        }
        return problems
    }

    /// Notes that the Markdown file `path` (`content/practices/x.md`, ...) appeared or went,
    /// without walking its folder again; false when that is not enough (a folder, a name that is
    /// no id, a part without such a folder), and the part must be walked again.
    mutating func update(file path: String) -> Bool {
        let folders: [(String, WritableKeyPath<SourceTree, [File]>)] = [
            ("content/practices/", \.practices), ("content/partners/", \.partners), ("content/pages/", \.pages), ("seeds/", \.seeds),
        ]
        guard let (folder, files) = folders.first(where: { path.hasPrefix($0.0) }) else { return false }
        let name = String(path.dropFirst(folder.count))
        guard !name.contains("/"), name.hasSuffix(".md"), Slug.isValidID(String(name.dropLast(3))) else { return false }
        let url = root.appending(path: path)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue { return false }
        // In the order of names, as `visibleNames` lists them.
        var list = self[keyPath: files]
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].path.dropFirst(folder.count) < name { low = middle + 1 } else { high = middle }
        }
        let present = low < list.count && list[low].path == path
        if exists, !present {
            list.insert(File(id: String(name.dropLast(3)), path: path, url: url), at: low)
        } else if !exists, present {
            list.remove(at: low)
        }
        self[keyPath: files] = list
        return true
    }

    /// `<id>.md` files of one folder; a file with a bad id or another extension is a problem.
    private static func markdownFiles(in folder: URL, path: String, problems: inout Problems) -> [File] {
        var files: [File] = []
        for name in visibleNames(in: folder) {
            let url = folder.appending(path: name)
            let filePath = "\(path)/\(name)"
            if isDirectory(url) {
                problems.add(filePath, line: nil, "is a folder; only Markdown files (<id>.md) belong in \(path)/.")
                continue
            }
            guard name.hasSuffix(".md") else {
                problems.add(filePath, line: nil, "is not a Markdown file; only <id>.md files belong in \(path)/.",
                             hint: "Pictures and PDFs go to content/static/.")
                continue
            }
            let id = String(name.dropLast(3))
            guard checkID(id, path: filePath, problems: &problems) else { continue }
            files.append(File(id: id, path: filePath, url: url))
        }
        return files
    }

    private static func workshopFolders(in folder: URL, problems: inout Problems) -> [WorkshopFolder] {
        var workshops: [WorkshopFolder] = []
        for name in visibleNames(in: folder) {
            let url = folder.appending(path: name)
            let path = "content/workshops/\(name)"
            guard isDirectory(url) else {
                problems.add(path, line: nil, "is a file; each workshop is a folder content/workshops/<id>/ with index.md and day-<n>.md files.")
                continue
            }
            guard checkID(name, path: path, problems: &problems) else { continue }
            var workshop = WorkshopFolder(id: name, index: nil, folderPath: path, days: [])
            for fileName in visibleNames(in: url) {
                let fileURL = url.appending(path: fileName)
                let filePath = "\(path)/\(fileName)"
                if fileName == "index.md" {
                    workshop.index = File(id: name, path: filePath, url: fileURL)
                } else if fileName.hasPrefix("day-"), fileName.hasSuffix(".md"),
                          let number = Int(fileName.dropFirst(4).dropLast(3)), number >= 1,
                          fileName == "day-\(number).md" {
                    workshop.days.append(File(id: "day-\(number)", path: filePath, url: fileURL))
                } else {
                    problems.add(filePath, line: nil, "does not belong in a workshop folder.",
                                 hint: "Allowed: index.md and one day-<n>.md per day (day-1.md, day-2.md, ...). Handouts go to content/static/.")
                }
            }
            if workshop.index == nil {
                problems.add("\(path)/index.md", line: nil, "is missing.", hint: "Each workshop folder needs index.md with title and summary.")
            }
            workshop.days.sort { dayNumber($0.id) < dayNumber($1.id) }
            workshops.append(workshop)
        }
        return workshops
    }

    static func dayNumber(_ id: String) -> Int { Int(id.dropFirst(4)) ?? 0 }

    private static func checkID(_ id: String, path: String, problems: inout Problems) -> Bool {
        if Slug.isValidID(id) { return true }
        let suggestion = Slug.make(id)
        problems.add(path, line: nil, "\"\(id)\" is not a valid id: ids may only use a-z, 0-9 and -.",
                     hint: suggestion.isEmpty ? "Rename the file." : "Rename it to \"\(suggestion)\".")
        return false
    }

    /// Names in a folder, sorted, without hidden files and editor backups (`x.md~`).
    static func visibleNames(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix("~") }.sorted()
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every regular file below `folder`, as sorted relative paths.
    static func filesBelow(_ folder: URL) -> [String] {
        var paths: [String] = []
        func walk(_ url: URL, prefix: String) {
            for name in visibleNames(in: url) {
                let child = url.appending(path: name)
                let relative = prefix.isEmpty ? name : "\(prefix)/\(name)"
                if isDirectory(child) { walk(child, prefix: relative) } else { paths.append(relative) }
            }
        }
        walk(folder, prefix: "")
        return paths.sorted()
    }
}
