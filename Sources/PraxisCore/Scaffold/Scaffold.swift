import Foundation
import Yams

/// `praxis new`: writes the file of a new entry with every key of its kind, ready to build.
/// Refuses what the build would refuse (an invalid id, an id a page cannot take) and never
/// overwrites a file.
public enum Scaffold {
    /// What was written, for the command line to tell.
    public struct Created: Sendable {
        /// The new file, relative to the site root.
        public var path: String
        /// Further things the editor should know, one sentence each.
        public var notes: [String]
    }

    /// Writes the new entry `id` of `kind` below `siteRoot`. For a day, `id` is
    /// `<workshop>/day-<n>`. `today` (YYYY-MM-DD) fills a practice's `updated`.
    public static func create(_ kind: NewEntryKind, id: String, title: String? = nil, siteRoot: URL,
                              today: String) throws -> Created {
        let config = try readConfig(siteRoot)
        var target = NewEntryTarget(kind: kind, written: id)
        try target.check(config: config, siteRoot: siteRoot)
        let path = kind.path(for: target.id)
        let url = siteRoot.appending(path: path)
        let template = EntryTemplate(config: config, partnerIDs: ids(in: siteRoot.appending(path: "content/partners")),
                                     sourceIDs: ids(in: siteRoot.appending(path: "seeds")),
                                     partnerKinds: kind == .partner ? partnerKinds(siteRoot) : [], today: today)
        var notes: [String] = []
        let text: String
        switch kind {
        case .practice:
            text = template.practice(id: target.id, title: title)
            notes.append("It is a draft (draft: true): praxis build --drafts shows it; set draft: false to publish it.")
        case .partner:
            text = template.partner(id: target.id, title: title)
        case .workshop:
            text = template.workshop(id: target.id, title: title)
            notes.append("Add its days with: praxis new day \(target.id)/day-1")
        case .day:
            text = template.day(workshop: target.workshop, number: target.day, workshopTitle: target.workshopTitle, title: title)
        case .page:
            text = template.page(id: target.id, title: title)
        }
        if kind != .practice {
            notes.append("It has no draft state: it is on the site with the next build, so replace the text marked "
                + "\"\(EntryTemplate.placeholder)\" first.")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw BuildFailure(stage: "new", diagnostics: [Diagnostic(file: path, message: "could not be written: \(error.localizedDescription)")])
        }
        if kind == .day, let note = DayCount.update(workshop: target.workshop, siteRoot: siteRoot) { notes.append(note) }
        return Created(path: path, notes: notes)
    }

    /// site.yaml, whose vocabularies the new file's comments list. Its problems stop `new`.
    private static func readConfig(_ siteRoot: URL) throws -> SiteConfig {
        let path = "content/site.yaml"
        guard SourceTree.isDirectory(siteRoot.appending(path: "content")) else {
            throw BuildFailure(stage: "new", diagnostics: [Diagnostic(
                file: "content", message: "is missing: \(siteRoot.path) is not a site root.",
                hint: "Run praxis new in the folder that holds content/ and seeds/, or name it with --site-root.")])
        }
        var problems = Problems()
        switch SourceFile.read(siteRoot.appending(path: path), path: path) {
        case .failure(let problem):
            problems.add(problem)
        case .success(let file):
            if let config = SiteConfig.parse(file, baseURLOverride: nil, problems: &problems), problems.isEmpty { return config }
        }
        try problems.check(stage: "new")
        throw BuildFailure(stage: "new", diagnostics: [])
    }

    /// Entry ids of a folder of `<id>.md` files, sorted.
    static func ids(in folder: URL) -> [String] {
        SourceTree.visibleNames(in: folder).filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
            .filter(Slug.isValidID)
    }

    /// Folders with an index.md (the workshops), sorted.
    static func ids(inFolders folder: URL) -> [String] {
        SourceTree.visibleNames(in: folder).filter {
            Slug.isValidID($0) && FileManager.default.fileExists(atPath: folder.appending(path: "\($0)/index.md").path)
        }
    }

    /// The `kind:` values existing partners use, as examples for a new one.
    private static func partnerKinds(_ siteRoot: URL) -> [String] {
        var kinds: Set<String> = []
        for id in ids(in: siteRoot.appending(path: "content/partners")) {
            let path = "content/partners/\(id).md"
            guard case .success(let file) = SourceFile.read(siteRoot.appending(path: path), path: path),
                  case .success(let front) = FrontMatter.split(file),
                  let kind = front.mapping["kind"]?.string, !kind.isEmpty else { continue }
            kinds.insert(kind)
        }
        return kinds.sorted()
    }
}
