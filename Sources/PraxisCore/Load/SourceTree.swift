import Foundation

/// The files of a site root, found and named, before any is read. Stage "load" builds it.
struct SourceTree: Sendable {
    struct File: Sendable {
        /// The entry id: the file name without `.md` (for days: `day-<n>`).
        var id: String
        /// Path relative to the site root.
        var path: String
        var url: URL
        /// The language a translation's name gives (`<id>.en.md`); nil for a file of the
        /// default language (`<id>.md`). Checked against site.yaml's languages when parsed.
        var lang: String? = nil
    }

    /// `<id>.md` -> (id, nil); `<id>.<lang>.md` -> (id, lang) when `<lang>` is written like a
    /// language code; nil for any other name. The id is checked by the caller.
    static func entryName(_ name: String) -> (id: String, lang: String?)? {
        guard name.hasSuffix(".md") else { return nil }
        let stem = name.dropLast(3)
        if let dot = stem.lastIndex(of: "."), Validate.isLanguageCode(String(stem[stem.index(after: dot)...])) {
            return (String(stem[..<dot]), String(stem[stem.index(after: dot)...]))
        }
        return (String(stem), nil)
    }

    struct WorkshopFolder: Sendable {
        var id: String
        var index: File?
        var folderPath: String
        /// The day files of every language, in day order; `lang` tells the translations.
        var days: [File]
        /// Translations of index.md (`index.en.md`).
        var translations: [File] = []

        /// The days of the default language.
        var defaultDays: [File] { days.filter { $0.lang == nil } }
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
    /// Only regular files and folders are taken: a symbolic link, FIFO, socket or device, or a
    /// folder that cannot be read, is a problem (see `SafeRead`).
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
            if let refusal = SafeRead.refusal(content, path: "content", root: root) {
                problems.add(refusal)
                return problems
            }
            guard hasContent else {
                problems.add("content", line: nil, "is missing: \(root.path) is not a site root.",
                             hint: "A site root holds content/ (with site.yaml) and seeds/. Run praxis in such a folder or name it: praxis build PATH.")
                return problems
            }
            let siteFile = content.appending(path: "site.yaml")
            if let refusal = SafeRead.refusal(siteFile, path: "content/site.yaml", root: root) {
                problems.add(refusal)
            } else if SafeRead.kind(siteFile) == .file {
                siteYAML = File(id: "site", path: "content/site.yaml", url: siteFile)
            } else if SafeRead.kind(siteFile) == .folder {
                problems.add("content/site.yaml", line: nil, "is a folder.", hint: "content/site.yaml must be a YAML file with at least title, base_url and facets.")
            } else {
                problems.add("content/site.yaml", line: nil, "is missing.",
                             hint: "Every site needs content/site.yaml with at least title, base_url and facets.")
            }
            for entry in Self.entries(in: content, path: "content", root: root, problems: &problems) {
                let name = entry.name
                if name == "site.yaml" { continue }
                if entry.kind != .folder || !Self.contentFolders.contains(name) {
                    let nearest = Suggestion.nearest(to: name, in: Self.contentFolders)
                    problems.add("content/\(name)", line: nil, "does not belong in content/.",
                                 hint: (nearest.map { "Did you mean \($0)/? " } ?? "") + "Allowed: site.yaml and the folders \(Self.contentFolders.joined(separator: ", ")).")
                }
            }
        case .practices: practices = Self.markdownFiles(in: content.appending(path: "practices"), path: "content/practices", root: root, problems: &problems)
        case .partners: partners = Self.markdownFiles(in: content.appending(path: "partners"), path: "content/partners", root: root, problems: &problems)
        case .pages: pages = Self.markdownFiles(in: content.appending(path: "pages"), path: "content/pages", root: root, problems: &problems)
        case .seeds: seeds = Self.markdownFiles(in: root.appending(path: "seeds"), path: "seeds", root: root, problems: &problems)
        case .workshops: workshops = Self.workshopFolders(in: content.appending(path: "workshops"), root: root, problems: &problems)
        case .staticFiles: staticFiles = Self.filesBelow(content.appending(path: "static"), path: "content/static", root: root, problems: &problems)
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
        guard !name.contains("/"), let entry = Self.entryName(name), Slug.isValidID(entry.id) else { return false }
        let url = root.appending(path: path)
        // Only a regular file or nothing is noted here; a folder, link or FIFO needs the walk,
        // which reports it.
        let kind = SafeRead.kind(url)
        guard kind == .file || kind == .missing else { return false }
        let exists = kind == .file
        // In the order of names, as `visibleNames` lists them.
        var list = self[keyPath: files]
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].path.dropFirst(folder.count) < name { low = middle + 1 } else { high = middle }
        }
        let present = low < list.count && list[low].path == path
        if exists, !present {
            list.insert(File(id: entry.id, path: path, url: url, lang: entry.lang), at: low)
        } else if !exists, present {
            list.remove(at: low)
        }
        self[keyPath: files] = list
        return true
    }

    /// `<id>.md` files of one folder; a file with a bad id or another extension is a problem.
    private static func markdownFiles(in folder: URL, path: String, root: URL, problems: inout Problems) -> [File] {
        var files: [File] = []
        for entry in entries(in: folder, path: path, root: root, problems: &problems) {
            let (name, url) = (entry.name, entry.url)
            let filePath = "\(path)/\(name)"
            if entry.kind == .folder {
                problems.add(filePath, line: nil, "is a folder; only Markdown files (<id>.md) belong in \(path)/.")
                continue
            }
            guard name.hasSuffix(".md") else {
                problems.add(filePath, line: nil, "is not a Markdown file; only <id>.md files belong in \(path)/.",
                             hint: "Pictures and PDFs go to content/static/.")
                continue
            }
            let (id, lang) = entryName(name)!
            guard checkID(id, path: filePath, problems: &problems) else { continue }
            files.append(File(id: id, path: filePath, url: url, lang: lang))
        }
        return files
    }

    private static func workshopFolders(in folder: URL, root: URL, problems: inout Problems) -> [WorkshopFolder] {
        var workshops: [WorkshopFolder] = []
        for entry in entries(in: folder, path: "content/workshops", root: root, problems: &problems) {
            let (name, url) = (entry.name, entry.url)
            let path = "content/workshops/\(name)"
            guard entry.kind == .folder else {
                problems.add(path, line: nil, "is a file; each workshop is a folder content/workshops/<id>/ with index.md and day-<n>.md files.")
                continue
            }
            guard checkID(name, path: path, problems: &problems) else { continue }
            var workshop = WorkshopFolder(id: name, index: nil, folderPath: path, days: [])
            for file in entries(in: url, path: path, root: root, problems: &problems) {
                let (fileName, fileURL) = (file.name, file.url)
                let filePath = "\(path)/\(fileName)"
                let entry = file.kind == .file ? Self.entryName(fileName) : nil
                if let entry, entry.id == "index" {
                    let index = File(id: name, path: filePath, url: fileURL, lang: entry.lang)
                    if entry.lang == nil { workshop.index = index } else { workshop.translations.append(index) }
                } else if let entry, entry.id.hasPrefix("day-"), let number = Int(entry.id.dropFirst(4)), number >= 1,
                          entry.id == "day-\(number)" {
                    workshop.days.append(File(id: entry.id, path: filePath, url: fileURL, lang: entry.lang))
                } else {
                    problems.add(filePath, line: nil, "does not belong in a workshop folder.",
                                 hint: "Allowed: index.md and one day-<n>.md per day (day-1.md, day-2.md, ...), and their translations (index.en.md, day-1.en.md, ...). Handouts go to content/static/.")
                }
            }
            // A workshop written only in another language (index.en.md and its days) needs no index.md.
            if workshop.index == nil, workshop.translations.isEmpty || !workshop.defaultDays.isEmpty {
                problems.add("\(path)/index.md", line: nil, "is missing.", hint: "Each workshop folder needs index.md with title and summary.")
            }
            workshop.days.sort { (dayNumber($0.id), $0.lang ?? "") < (dayNumber($1.id), $1.lang ?? "") }
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

    /// Names in a folder, sorted, without hidden files and editor backups (`x.md~`); none when
    /// the folder cannot be listed. For `praxis new`, which only looks; the build uses `entries`.
    static func visibleNames(in folder: URL) -> [String] {
        let names = (try? SafeRead.names(in: folder, path: folder.path)) ?? []
        return names.filter(isVisible).sorted()
    }

    static func isVisible(_ name: String) -> Bool { !name.hasPrefix(".") && !name.hasSuffix("~") }

    /// A folder itself, not a link to one.
    static func isDirectory(_ url: URL) -> Bool {
        SafeRead.kind(url) == .folder
    }

    struct Entry {
        var name: String
        var url: URL
        /// `.file` or `.folder`: nothing else is listed.
        var kind: SafeRead.Kind
    }

    /// The visible regular files and folders of `folder` (named `path` in messages), sorted by
    /// name. A missing folder has none; a folder that cannot be read, a link, FIFO, socket or
    /// device is a problem, never silently left out.
    static func entries(in folder: URL, path: String, root: URL, problems: inout Problems) -> [Entry] {
        switch SafeRead.kind(folder) {
        case .missing: return []
        case .symbolicLink, .special:
            if let refusal = SafeRead.refusal(folder, path: path, root: root) { problems.add(refusal) }
            return []
        case .file, .folder: break
        }
        let names: [String]
        do {
            names = try SafeRead.names(in: folder, path: path)
        } catch {
            var diagnostic = error.diagnostic
            if error.code == EACCES || error.code == EPERM {
                diagnostic.hint = "Everything in it would be left out of the site. Make it readable for the user running praxis (e.g. chmod u+rx \(path)), then build again."
            }
            problems.add(diagnostic)
            return []
        }
        var entries: [Entry] = []
        for name in names.filter(isVisible).sorted() {
            let url = folder.appending(path: name)
            if let refusal = SafeRead.refusal(url, path: "\(path)/\(name)", root: root) {
                problems.add(refusal)
                continue
            }
            let kind = SafeRead.kind(url)
            if kind == .file || kind == .folder { entries.append(Entry(name: name, url: url, kind: kind)) }
        }
        return entries
    }

    /// Every regular file below `folder`, as sorted relative paths. Links are not followed
    /// (they are problems), so the walk cannot loop.
    static func filesBelow(_ folder: URL, path: String, root: URL, problems: inout Problems) -> [String] {
        var paths: [String] = []
        func walk(_ url: URL, prefix: String) {
            let shown = prefix.isEmpty ? path : "\(path)/\(prefix)"
            for entry in entries(in: url, path: shown, root: root, problems: &problems) {
                let relative = prefix.isEmpty ? entry.name : "\(prefix)/\(entry.name)"
                if entry.kind == .folder { walk(entry.url, prefix: relative) } else { paths.append(relative) }
            }
        }
        walk(folder, prefix: "")
        return paths.sorted()
    }
}
