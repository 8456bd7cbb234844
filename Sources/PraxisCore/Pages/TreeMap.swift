import Foundation

/// The pages of one language's tree, described once: a `Renderer.Job` each, at the path
/// `path(of:)` gives below the tree's prefix. `SiteMap` puts the trees of a site together with
/// the files beside the pages.
struct TreeMap: Sendable {
    let model: SiteModel
    /// Set once the maps of every language exist (SiteMap), so pages can link their versions.
    var renderer: Renderer
    /// Every page, in the order the build lists them.
    let jobs: [Renderer.Job]
    /// Page path (below the output, with the tree's prefix) -> its job.
    let pageIndex: PageIndex

    /// `samePages`: a map of a model with the same pages (`SiteModel.rethemed`), whose list and
    /// paths are taken over instead of made again. `previous`: the map of an earlier model
    /// (`praxis serve`), whose paths are taken over where its list of pages and this one agree.
    init(_ model: SiteModel, samePages: TreeMap? = nil, previous: TreeMap? = nil) {
        self.model = model
        renderer = model.renderer
        let index: PageIndex
        if let samePages {
            jobs = samePages.jobs
            index = samePages.pageIndex
        } else if let previous {
            jobs = renderer.jobs
            index = Self.index(jobs, facets: model.facets, from: previous)
        } else {
            jobs = renderer.jobs
            let facets = model.facets
            var paths: [String: Renderer.Job] = [:]
            paths.reserveCapacity(jobs.count)
            let prefix = model.site.prefix
            for job in jobs { paths[prefix + Self.path(of: job, facets: facets)] = job }
            index = PageIndex(paths)
        }
        pageIndex = index
    }

    /// The index of `jobs` made from that of `previous`. Both lists are walked side by side:
    /// where they hold the same job it is the same page at the same path (a job's path is a
    /// function of the job and of the facets' value ids, compared too); where they differ, a
    /// few jobs taken out or put in are looked for ahead, and only the paths of the jobs that
    /// are in one list alone are made. A page moved in the list (a new title) is one of each.
    private static func index(_ jobs: [Renderer.Job], facets: [Facet], from previous: TreeMap) -> PageIndex {
        let old = previous.jobs, oldFacets = previous.model.facets
        func same(_ a: Int, _ b: Int) -> Bool { Self.same(old[a], oldFacets, jobs[b], facets) }
        let lookAhead = 16
        var gone: [Int] = [], come: [Int] = []
        var i = 0, j = 0
        walk: while i < old.count || j < jobs.count {
            if i < old.count, j < jobs.count, same(i, j) {
                i += 1
                j += 1
                continue
            }
            for step in 1...lookAhead {
                if i + step < old.count, j < jobs.count, same(i + step, j) {
                    gone += i..<(i + step)
                    i += step
                    continue walk
                }
                if j + step < jobs.count, i < old.count, same(i, j + step) {
                    come += j..<(j + step)
                    j += step
                    continue walk
                }
            }
            if i < old.count { gone.append(i); i += 1 }
            if j < jobs.count { come.append(j); j += 1 }
        }
        var index = previous.pageIndex
        // Taken out first: a page that moved is in both.
        let prefix = previous.model.site.prefix
        for position in gone { index.set(prefix + path(of: old[position], facets: oldFacets), nil) }
        for position in come { index.set(prefix + path(of: jobs[position], facets: facets), jobs[position]) }
        return index
    }

    /// Whether two jobs are the same page at the same path.
    private static func same(_ a: Renderer.Job, _ facetsA: [Facet], _ b: Renderer.Job, _ facetsB: [Facet]) -> Bool {
        switch (a, b) {
        case (.home, .home), (.search, .search), (.notFound, .notFound), (.workshopsIndex, .workshopsIndex),
             (.sourcesIndex, .sourcesIndex): return true
        case (.practicesIndex(let x), .practicesIndex(let y)): return x == y
        case (.practice(let x), .practice(let y)), (.partner(let x), .partner(let y)), (.workshop(let x), .workshop(let y)),
             (.page(let x), .page(let y)), (.source(let x), .source(let y)): return x == y
        case (.day(let w, let x), .day(let v, let y)): return w == v && x == y
        case (.facet(let x), .facet(let y)): return x == y && facetsA[x].name == facetsB[y].name
        case (.facetValue(let f, let v, let p), .facetValue(let g, let w, let q)):
            return f == g && v == w && p == q && facetsA[f].name == facetsB[g].name && facetsA[f].values[v].id == facetsB[g].values[w].id
        default: return false
        }
    }

    /// The file a page job writes.
    static func path(of job: Renderer.Job, facets: [Facet]) -> String {
        let path: String
        switch job {
        case .home: path = SitePaths.home
        case .search: path = SitePaths.search
        case .notFound: return "404.html"
        case .workshopsIndex: path = SitePaths.workshops
        case .sourcesIndex: path = SitePaths.sources
        case .practicesIndex(let page): path = SitePaths.paged(SitePaths.practices, page)
        case .practice(let id): path = SitePaths.practice(id)
        case .partner(let id): path = SitePaths.partner(id)
        case .workshop(let id): path = SitePaths.workshop(id)
        case .day(let workshop, let id): path = SitePaths.day(workshop, id)
        case .page(let id): path = SitePaths.page(id)
        case .source(let id): path = SitePaths.source(id)
        case .facet(let index): path = SitePaths.facet(facets[index].name)
        case .facetValue(let facet, let value, let page):
            path = SitePaths.paged(SitePaths.facetValue(facets[facet].name, facets[facet].values[value].id), page)
        }
        return SitePaths.file(for: path)
    }

    /// The files of the pages, below the site root.
    var pagePaths: [String] {
        let prefix = model.site.prefix
        return jobs.map { prefix + Self.path(of: $0, facets: model.facets) }
    }

    /// The page at `path`, rendered now; nil when no page is there.
    func page(at path: String) -> OutputFile? {
        pageIndex[path].map { render($0) }
    }

    func render(_ job: Renderer.Job) -> OutputFile {
        let file = renderer.render(job)
        assert(file.path == model.site.prefix + Self.path(of: job, facets: model.facets), "a page function wrote \(file.path)")
        return file
    }
}

/// Page path -> its job. `praxis serve` makes a map after every edit: the table of every page is
/// shared with the maps before, and only what changed since is kept beside it (made one table
/// again once that grows), so that a new map does not copy thousands of paths.
struct PageIndex: Sendable {
    private var base: [String: Renderer.Job]
    /// Path -> its job now, or nil when it has none now.
    private var changes: [String: Renderer.Job?] = [:]

    init(_ base: [String: Renderer.Job]) {
        self.base = base
    }

    subscript(path: String) -> Renderer.Job? {
        if let change = changes[path] { return change }
        return base[path]
    }

    /// Every path that has a page.
    var paths: Set<String> {
        var paths = Set(base.keys)
        for (path, job) in changes {
            if job == nil { paths.remove(path) } else { paths.insert(path) }
        }
        return paths
    }

    mutating func set(_ path: String, _ job: Renderer.Job?) {
        changes[path] = .some(job)
        if changes.count > 4096 {
            for (path, job) in changes { base[path] = job }
            changes = [:]
        }
    }
}
