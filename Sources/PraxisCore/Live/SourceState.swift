import Foundation

/// The site root as `praxis serve` last read it: the tree part by part with each part's
/// problems, and every entry file parsed. A change reads again only the files it names; the
/// folders are walked again only when a file appeared or went.
struct SourceState {
    let root: URL
    private(set) var tree: SourceTree
    private var partProblems: [SourceTree.Part: Problems] = [:]
    /// Paths (relative to the root) of every file the tree holds, to tell an edit from an
    /// added or removed file.
    private var known: Set<String> = []
    /// The text of site.yaml the entries were parsed against.
    private(set) var configText: String?
    private var parsed: [String: ParsedFile] = [:]
    private(set) var staticSizes: [String: Int] = [:]
    private var scanned = false
    /// The entry files in the order of `ParseStage.jobs`, until the tree changes.
    private var jobs: [ParseStage.Job] = []
    private var jobByPath: [String: ParseStage.Job] = [:]
    /// Files changed since they were last parsed; kept across builds that stop early (a broken
    /// site.yaml), so that no edit is lost.
    private var stale: Set<String> = []
    /// What the last update returned, for one that touches no source file (a theme edit).
    private var last: ParsedContent?

    /// Entry files parsed again by the last update (every file when all were).
    private(set) var reread: Set<String> = []
    /// What the last update changed, when it was no more than entry files edited, added or
    /// removed, each without a problem before or after; nil when anything else changed (the
    /// first update, site.yaml, a folder walked again, a static file, a problem). Then the
    /// content was patched in place of being assembled again, and later stages may patch too.
    private(set) var delta: Delta?

    struct Delta: Sendable {
        /// Entry files parsed again that were there before.
        var edited: Set<String> = []
        var added: Set<String> = []
        var removed: Set<String> = []
        /// The entries of the edited and removed files as they were, and of the edited and
        /// added ones as they are now.
        var before: [ParseStage.Parsed] = []
        var after: [ParseStage.Parsed] = []
    }

    struct ParsedFile {
        var entry: ParseStage.Parsed?
        var problems: Problems
    }

    init(root: URL) {
        self.root = root
        tree = SourceTree(root: root)
    }

    /// Reads what `changes` touched (everything on the first call or when `changes.everything`)
    /// and returns the parsed content, as `ParseStage.run` would for the whole tree, and
    /// whether any file was read again or the tree changed.
    mutating func update(_ changes: SourceChanges, baseURL: String?) async throws -> (ParsedContent, changed: Bool) {
        if let last, !changes.everything, stale.isEmpty, changes.paths.allSatisfy({ Self.isIgnored($0) || Self.isTheme($0) }) {
            reread = []
            delta = nil
            return (last, false)
        }
        let previous = last
        last = nil
        reread = []
        delta = nil
        var structural = false
        // Files put into or taken out of the tree one by one (`SourceTree.update(file:)`); with
        // anything else structural, the content is assembled again.
        var added: Set<String> = [], removed: Set<String> = []
        var patchable = previous != nil
        if changes.everything || !scanned {
            rescan(SourceTree.Part.allCases)
            parsed = [:]
            scanned = true
            structural = true
            patchable = false
        } else {
            var parts: [SourceTree.Part] = []
            let flagged = Set(partProblems.values.flatMap { $0.all.map(\.file) })
            for path in changes.paths.sorted() where !Self.isIgnored(path) {
                let url = root.appending(path: path)
                if known.contains(path), Self.isFile(url) {
                    // An edit: the tree stays as it is, the file is read again.
                    stale.insert(path)
                    if path.hasPrefix(Self.staticPrefix) {
                        let file = String(path.dropFirst(Self.staticPrefix.count))
                        staticSizes[file] = ParseStage.staticSize(file, root: root)
                        structural = true
                        patchable = false
                    }
                } else if known.contains(path) || flagged.contains(path) || SafeRead.kind(url) != .missing
                            || known.contains(where: { $0.hasPrefix(path + "/") }) {
                    // Something appeared or went: a Markdown file is put in or taken out; for
                    // anything else its folder is walked again.
                    let touched = SourceTree.Part.touched(by: path)
                    if touched.count == 1, (partProblems[touched[0]] ?? Problems()).isEmpty, tree.update(file: path) {
                        if known.contains(path) {
                            known.remove(path)
                            if added.remove(path) == nil { removed.insert(path) }
                        } else {
                            known.insert(path)
                            if removed.remove(path) == nil { added.insert(path) }
                        }
                        structural = true
                    } else {
                        parts += touched
                    }
                }
                // Otherwise a file that came and went between two looks (an editor's temporary file).
            }
            if !parts.isEmpty {
                rescan(parts)
                structural = true
                patchable = false
            }
        }

        var problems = Problems()
        for part in SourceTree.Part.allCases {
            problems.add(contentsOf: partProblems[part] ?? Problems())
            if part == .top, !tree.hasContent { break }
        }
        if !problems.isEmpty {
            structural = true
            patchable = false
        }
        let config = try ParseStage.config(tree, baseURL: baseURL, problems: &problems)
        let text = tree.siteYAML.flatMap { try? SafeRead.read($0.url, path: $0.path) }.map { String(decoding: $0, as: UTF8.self) }
        if text != configText {
            // Entries are checked against site.yaml's facets and languages: all of them again.
            parsed = [:]
            configText = text
            structural = true
            patchable = false
        }

        if patchable, let previous, previous.problems.isEmpty,
           let patch = await self.patch(previous, config: config, added: added, removed: removed) {
            return patch
        }
        // Assembled again: the jobs in tree order, every file not parsed yet parsed.
        if structural || jobs.isEmpty {
            jobs = ParseStage.jobs(tree)
            jobByPath = Dictionary(jobs.map { ($0.file.path, $0) }, uniquingKeysWith: { a, _ in a })
        }
        let toParse = jobs.filter { parsed[$0.file.path] == nil || stale.contains($0.file.path) }
        let parser = EntryParser(site: config)
        let reread = await Self.parse(toParse, parser: parser, root: root)
        self.reread = Set(reread.map(\.0))
        for (path, file) in reread { parsed[path] = file }
        stale = []
        if parsed.count > jobs.count {
            let current = Set(jobs.map(\.file.path))
            parsed = parsed.filter { current.contains($0.key) }
        }
        let results = jobs.map { job -> ([ParseStage.Parsed], Problems) in
            let file = parsed[job.file.path]!
            return (file.entry.map { [$0] } ?? [], file.problems)
        }
        var content = ParseStage.assemble(tree, config: config, results: results, problems: problems)
        content.staticSizes = staticSizes
        last = content
        return (content, structural || !reread.isEmpty)
    }

    /// `previous` with the stale files parsed again and the files of `added` and `removed` put
    /// in or taken out, each in its place: what `ParseStage.assemble` would make of the whole
    /// tree. Nil (nothing changed yet) when a file had or has a problem, or is not an entry
    /// file whose place can be found: the content is then assembled again.
    private mutating func patch(_ previous: ParsedContent, config: SiteConfig, added: Set<String>, removed: Set<String>) async
        -> (ParsedContent, changed: Bool)? {
        let edited = stale.subtracting(added).subtracting(removed)
        var toParse: [ParseStage.Job] = []
        for path in edited.union(added).sorted() {
            // A file just put in: its job as the tree's jobs give it.
            guard let job = jobByPath[path] ?? ParseStage.jobs(tree).first(where: { $0.file.path == path }) else { return nil }
            toParse.append(job)
        }
        for path in removed where parsed[path]?.entry == nil || !(parsed[path]!.problems.isEmpty) { return nil }
        let parser = EntryParser(site: previous.config)
        let results = await Self.parse(toParse, parser: parser, root: root)
        var content = previous
        content.config = config
        for (path, file) in results {
            guard let entry = file.entry, file.problems.isEmpty else { return nil }
            if let before = parsed[path] {
                guard let old = before.entry, before.problems.isEmpty, content.replace(old, with: entry) else { return nil }
            } else {
                guard content.insert(entry) else { return nil }
            }
        }
        for path in removed {
            guard content.remove(parsed[path]!.entry!) else { return nil }
        }
        // The content is the new one: now the state may change.
        let before = edited.union(removed).sorted().compactMap { parsed[$0]?.entry }
        for (path, file) in results { parsed[path] = file }
        for path in removed { parsed[path] = nil }
        for (path, job) in toParse.map({ ($0.file.path, $0) }) { jobByPath[path] = job }
        for path in removed { jobByPath[path] = nil }
        if !added.isEmpty || !removed.isEmpty { jobs = [] }
        stale = []
        reread = Set(results.map(\.0))
        delta = Delta(edited: edited, added: added, removed: removed, before: before, after: results.compactMap(\.1.entry))
        last = content
        return (content, !results.isEmpty || !removed.isEmpty)
    }

    /// Below themes/: read by the theme, not by this tree.
    private static func isTheme(_ path: String) -> Bool {
        path == "themes" || path.hasPrefix("themes/")
    }

    private static let staticPrefix = "content/static/"

    /// Walks `parts` again and notes their files.
    private mutating func rescan(_ parts: [SourceTree.Part]) {
        var parts = Set(parts)
        if parts.contains(.top) {
            let hadContent = tree.hasContent
            partProblems[.top] = tree.rescan(.top)
            // content/ appeared or went: every part is another now.
            if tree.hasContent != hadContent { parts = Set(SourceTree.Part.allCases) }
        }
        for part in SourceTree.Part.allCases where part != .top && parts.contains(part) {
            partProblems[part] = tree.rescan(part)
        }
        var known: Set<String> = []
        if let site = tree.siteYAML { known.insert(site.path) }
        for file in tree.practices + tree.partners + tree.pages + tree.seeds { known.insert(file.path) }
        for workshop in tree.workshops {
            if let index = workshop.index { known.insert(index.path) }
            for file in workshop.days + workshop.translations { known.insert(file.path) }
        }
        for path in tree.staticFiles { known.insert(Self.staticPrefix + path) }
        if parts.contains(.staticFiles) {
            staticSizes = ParseStage.staticSizes(tree.staticFiles, root: root)
        }
        self.known = known
    }

    /// Hidden files and editor backups: the scan never sees them.
    private static func isIgnored(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0.hasPrefix(".") } || path.hasSuffix("~")
    }

    private static func isFile(_ url: URL) -> Bool {
        // A regular file itself: one replaced by a link or a FIFO must be walked again and refused.
        SafeRead.kind(url) == .file
    }

    /// Parses `jobs` on every core, in path order.
    private static func parse(_ jobs: [ParseStage.Job], parser: EntryParser, root: URL) async -> [(String, ParsedFile)] {
        await Parallel.map(jobs, minimumChunk: 64) { job in
            var problems = Problems()
            let entry = ParseStage.parse(job, parser: parser, problems: &problems)
            return (job.file.path, ParsedFile(entry: entry, problems: problems))
        }
    }
}

/// What changed below a site root since the last build: paths relative to the root, or
/// everything (the first build, or when the watcher lost track).
public struct SourceChanges: Sendable {
    public var paths: Set<String>
    public var everything: Bool

    public init(paths: Set<String> = [], everything: Bool = false) {
        self.paths = paths
        self.everything = everything
    }

    public static let all = SourceChanges(everything: true)

    /// True when a theme file (templates, assets, strings) changed.
    var touchesThemes: Bool { everything || paths.contains { $0 == "themes" || $0.hasPrefix("themes/") } }
}
