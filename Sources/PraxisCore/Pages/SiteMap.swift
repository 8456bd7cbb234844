import Foundation

/// Every file of the site, described once: the pages of each language's tree (`TreeMap`, the
/// default language's first, at the site root; each other one under `/<lang>/`) and the files
/// beside them. `praxis build` writes them all as they are made, `praxis check` reads them in
/// memory, `praxis serve` makes each one when a browser asks for it. All three go through here,
/// so they cannot disagree.
struct SiteMap: Sendable {
    /// One tree per language of site.yaml, in its order; the default language's first.
    let trees: [TreeMap]
    /// Every page: its tree and its job, in the order the build lists them.
    let jobs: [Job]
    /// Static files of content/static/, by their path in the output.
    let copies: [(from: URL, to: String)]

    struct Job: Sendable {
        let tree: Int
        let job: Renderer.Job
    }

    /// The default language's model: the settings, the theme and the facets every tree shares.
    var model: SiteModel { trees[0].model }

    /// `models`: one per language, the default language's first. `samePages` and `previous` as
    /// for `TreeMap`, tree by tree (a tree of another language is made again when the number of
    /// languages changed).
    init(_ models: [SiteModel], siteRoot: URL, samePages: SiteMap? = nil, previous: SiteMap? = nil) throws {
        var trees: [TreeMap] = []
        for (index, model) in models.enumerated() {
            let same = samePages.flatMap { $0.trees.count == models.count ? $0.trees[index] : nil }
            let before = previous.flatMap { $0.trees.count == models.count ? $0.trees[index] : nil }
            trees.append(TreeMap(model, samePages: same, previous: before))
        }
        // Every page links its versions in the other languages: each renderer sees every tree's pages.
        if trees.count > 1 {
            let languages = trees.map { tree in
                LanguageTree(language: tree.model.site.pageLanguage, prefix: tree.model.site.prefix, pageIndex: tree.pageIndex,
                             name: tree.model.strings["language-name"] ?? tree.model.site.pageLanguage,
                             missing: tree.model.strings["translation-missing"] ?? "")
            }
            for index in trees.indices { trees[index].renderer.trees = languages }
        }
        self.trees = trees
        jobs = trees.enumerated().flatMap { index, tree in tree.jobs.map { Job(tree: index, job: $0) } }
        let theme = models[0].theme
        let prefixes = trees.map { $0.model.site.prefix }
        copies = try StaticFiles.copies(models[0].site.staticFiles, siteRoot: siteRoot, isGenerated: { path in
            trees.contains { $0.pageIndex[path] != nil }
                || prefixes.contains { prefix in
                    path.hasPrefix(prefix) && Self.isGenerated(String(path.dropFirst(prefix.count)))
                }
                || (path.hasPrefix("assets/") && theme.assets.contains { "assets/" + $0.path == path })
        })
    }

    /// Files beside the pages whose names are fixed (below a tree's prefix: its search and feed).
    static let reservedNames: Set<String> = ["search.json", "catalogue.json", "catalogue.csv", "feed.xml", "sitemap.xml", "robots.txt"]
    /// The search's parts; their names depend on the content, so the folder is Praxis' own.
    static let searchFolder = "search/"

    private static func isGenerated(_ path: String) -> Bool {
        reservedNames.contains(path) || path.hasPrefix(searchFolder)
    }

    /// The practices published in every language, each version counted once (its tree's own).
    var practiceCount: Int {
        trees.reduce(0) { count, tree in
            let site = tree.model.site
            return count + (site.fallbackFiles.isEmpty ? site.practices.count : site.practices.count { site.isOwn($0.origin.file) })
        }
    }

    /// The files of the pages, below the site root.
    var pagePaths: [String] { trees.flatMap(\.pagePaths) }

    func render(_ job: Job) -> OutputFile {
        trees[job.tree].render(job.job)
    }

    /// The page at `path`, rendered now; nil when no page is there.
    func page(at path: String) -> OutputFile? {
        for tree in trees where path.hasPrefix(tree.model.site.prefix) {
            if let page = tree.page(at: path) { return page }
        }
        return nil
    }

    /// Every path that has a page, as the trees' indexes know them (`praxis serve` patches them).
    var indexedPaths: Set<String> { trees.reduce(into: Set()) { $0.formUnion($1.pageIndex.paths) } }

    func hasPage(at path: String) -> Bool {
        trees.contains { $0.pageIndex[path] != nil }
    }

    /// The search of each tree: its search.json and parts below the tree's prefix.
    func searchFiles() async -> [OutputFile] {
        var files: [OutputFile] = []
        for tree in trees {
            let prefix = tree.model.site.prefix
            files += await tree.model.searchFiles().map { OutputFile(path: prefix + $0.path, data: $0.data) }
        }
        return files
    }

    /// Each tree's search into `emit`, file by file.
    func writeSearch(_ emit: (OutputFile) throws -> Void) async throws {
        for tree in trees {
            let prefix = tree.model.site.prefix
            try SearchShards.write(await tree.model.searchIndex()) { file in
                try emit(prefix.isEmpty ? file : OutputFile(path: prefix + file.path, data: file.data))
            }
        }
    }

    /// An Atom feed per language, the sitemap with every page's versions, robots.txt and the theme's assets.
    func feeds() -> [OutputFile] {
        trees.map { AtomFeed.make($0.model.site) }
            + [Sitemap.make(trees.map { ($0.model.site, $0.pagePaths) }), Sitemap.robots(model.site)]
            + model.theme.assets.map { OutputFile(path: "assets/" + $0.path, data: $0.data) }
    }
}
