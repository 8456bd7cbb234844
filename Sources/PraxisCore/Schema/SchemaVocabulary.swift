import Foundation

/// What a site's schemas offer besides the key tables: site.yaml (facets, languages) and the
/// entries that exist, each id with its title, so an editor picks `partners: [gdx]` from a list
/// that says "German Diaspora Exchange". Read from the files as they are; an entry that cannot
/// be read still gives its id (the build reports its problem), titled by its id.
struct SchemaVocabulary: Sendable {
    struct Named: Sendable, Equatable {
        var id: String
        var title: String
    }

    let site: SiteConfig
    let partners: [Named]
    let practices: [Named]
    let sources: [Named]

    func entries(_ reference: ValueType.EntryReference) -> [Named] {
        switch reference {
        case .partners: partners
        case .practices: practices
        case .sources: sources
        }
    }

    /// Reads site.yaml (whose problems stop `praxis schema`, as they stop the build) and the
    /// ids of content/partners, content/practices and seeds.
    static func read(siteRoot: URL) throws -> SchemaVocabulary {
        let path = "content/site.yaml"
        var problems = Problems()
        var config: SiteConfig?
        switch SourceFile.read(siteRoot.appending(path: path), path: path) {
        case .failure(let problem):
            problems.add(problem)
        case .success(let file):
            config = SiteConfig.parse(file, baseURLOverride: nil, problems: &problems)
        }
        try problems.check(stage: "schema")
        guard let config else { throw BuildFailure(stage: "schema", diagnostics: []) }
        return SchemaVocabulary(
            site: config,
            partners: named(in: siteRoot, folder: "content/partners", site: config),
            practices: named(in: siteRoot, folder: "content/practices", site: config),
            sources: named(in: siteRoot, folder: "seeds", site: config))
    }

    /// The ids of a folder's `<id>.md` and `<id>.<lang>.md` (an entry may exist only in another
    /// language), sorted; the title of the default language's file, else of the first translation.
    private static func named(in root: URL, folder: String, site: SiteConfig) -> [Named] {
        var files: [String: [(lang: String?, name: String)]] = [:]
        for name in SourceTree.visibleNames(in: root.appending(path: folder)) {
            guard let (id, lang) = SourceTree.entryName(name), Slug.isValidID(id) else { continue }
            if let lang, lang == site.language || !site.languages.contains(lang) { continue }
            files[id, default: []].append((lang, name))
        }
        return files.keys.sorted().map { id in
            let candidates = files[id]!.sorted { ($0.lang ?? "") < ($1.lang ?? "") }
            let found = candidates.lazy.compactMap { Self.title(of: "\(folder)/\($0.name)", root: root) }.first
            return Named(id: id, title: found ?? id)
        }
    }

    private static func title(of path: String, root: URL) -> String? {
        guard case .success(let file) = SourceFile.read(root.appending(path: path), path: path),
              case .success(let front) = FrontMatter.split(file),
              let title = front.value(forKey: "title")?.string?.trimmingCharacters(in: .whitespacesAndNewlines),
              !title.isEmpty else { return nil }
        return title.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
