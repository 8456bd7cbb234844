import Foundation

/// The render stage of `praxis serve`: which pages are kept, which are rendered again.
extension IncrementalBuild {
    /// The pages of a build: those kept from the last build filled in, the rest to render.
    struct RenderPlan {
        /// Those to render hold a placeholder until they are.
        var pages: [OutputFile]
        /// Position in `pages`, job, identity.
        var toRender: [(Int, Renderer.Job, String)]
        /// Path -> position in `pages`, for the pages rendered.
        var position: [String: Int]
    }

    /// Every job of the site: kept where nothing its page shows changed.
    mutating func planAll(_ jobs: [Renderer.Job], scope: PageGraph.Scope, inputs: PageInputs) -> RenderPlan {
        let stale = graph.stalePages(in: inputs, scope: scope)
        var plan = RenderPlan(pages: [OutputFile](repeating: OutputFile(path: "", data: Data()), count: jobs.count), toRender: [], position: [:])
        var current = Set<String>()
        current.reserveCapacity(jobs.count)
        for (position, job) in jobs.enumerated() {
            let path = PageInputs.path(of: job, facets: inputs.facets)
            let identity = PageInputs.identity(of: job, facets: inputs.facets)
            current.insert(path)
            if !stale.contains(path), graph.pages[path]?.identity == identity, let data = snapshot.files[path] {
                plan.pages[position] = OutputFile(path: path, data: data)
                graph.update(path, job: job)
            } else {
                plan.toRender.append((position, job, identity))
                plan.position[path] = position
            }
        }
        for path in graph.pages.keys where !current.contains(path) { graph.remove(path) }
        return plan
    }

    /// The pages of the last build with the stale ones to render again: the same jobs, when the
    /// site's shape did not change.
    mutating func planStale(scope: PageGraph.Scope, pages: [OutputFile], pageIndex: [String: Int], inputs: PageInputs) -> RenderPlan {
        let stale = graph.stalePages(in: inputs, scope: scope)
        var plan = RenderPlan(pages: pages, toRender: [], position: [:])
        guard !stale.isEmpty else { return plan }
        for path in stale { plan.position[path] = pageIndex[path] }
        for path in stale.sorted() {
            guard let page = graph.pages[path], let index = plan.position[path] else { continue }
            plan.toRender.append((index, page.job, page.identity))
        }
        return plan
    }

    /// Renders `jobs` (position, job, identity) on every core, with what each page read.
    static func render(_ jobs: [(Int, Renderer.Job, String)], _ renderer: Renderer,
                               inputs: PageInputs) async -> [(Int, Renderer.Job, String, OutputFile, [PageInput])] {
        let chunkSize = max(4, jobs.count / (ProcessInfo.processInfo.activeProcessorCount * 8) + 1)
        let chunks = stride(from: 0, to: jobs.count, by: chunkSize).map { Array(jobs[$0..<min($0 + chunkSize, jobs.count)]) }
        return await withTaskGroup(of: [(Int, Renderer.Job, String, OutputFile, [PageInput])].self) { group in
            for chunk in chunks {
                group.addTask { chunk.map { ($0.0, $0.1, $0.2, renderer.render($0.1), inputs.inputs(of: $0.1)) } }
            }
            var all: [(Int, Renderer.Job, String, OutputFile, [PageInput])] = []
            for await results in group { all += results }
            return all
        }
    }

    /// What `PageInput.layout` covers: site.yaml, the theme's strings, the navigation's facets
    /// and workshops, the footer's pages.
    func layoutDigest(configText: String?, site: Site, facets: [Facet], strings: [String: String]) -> Int {
        var hasher = Hasher()
        hasher.combine(configText)
        hasher.combine(options.baseURL)
        hasher.combine(strings)
        for facet in facets where facet.kind == .vocabulary {
            hasher.combine(facet.name)
            hasher.combine(facet.label)
        }
        hasher.combine(site.workshops.isEmpty)
        for page in site.pages {
            hasher.combine(page.id)
            hasher.combine(page.title)
        }
        return hasher.finalize()
    }
}
