import Foundation

/// The stages of `Pipeline.generate` with what they made kept between builds (see `LiveBuild`).
///
/// Two ways through the stages: after an edit of practices that changes nothing resolve reads
/// of them (`PracticeEdit`) the last site is taken with the practices put in, and every later
/// stage looks only at what the edited files feed; after any other change every stage runs
/// over the whole site, still keeping the pages, words and records that did not change.
struct IncrementalBuild {
    let options: BuildOptions
    private var sources: SourceState
    private var bodies = BodyCache()
    private var theme: ThemeCache?
    private var graph = PageGraph()
    private var search = SearchState()
    private var openData = OpenDataState()
    /// What the last build made, when it succeeded.
    private var last: Made?
    /// The last good site; kept when a build fails.
    private(set) var snapshot = SiteSnapshot.empty

    /// What a good build made that the next one may start from.
    private struct Made {
        /// Nil once taken by the next build.
        var site: Site?
        var facets: [Facet]
        /// Practice id -> its place in `site.practices`.
        var practiceIndex: [String: Int]
        var searchSources: [SearchIndexBuilder.Source]
        var latest: [String]
        var pages: [OutputFile]
        /// Page path -> its place in `pages`.
        var pageIndex: [String: Int]
        var feed: OutputFile
        /// Ids of the practices in the feed.
        var feedIDs: Set<String>
        var sitemap: OutputFile
        /// The sitemap's paths in order, and its line for each.
        var sitemapPaths: [String]
        var sitemapEntries: [String]
        /// A digest of the address, the pages' paths and the practices' dates, all the sitemap
        /// shows; nil when not known.
        var sitemapKey: Int?
        /// Paths of the files beside the pages (search, open data, feeds, assets).
        var otherPaths: Set<String>
    }

    init(_ options: BuildOptions) {
        self.options = options
        sources = SourceState(root: options.siteRoot)
    }

    mutating func rebuild(_ changes: SourceChanges) async -> LiveBuild.Outcome {
        var clock = StageClock()
        do {
            var (next, fresh, rendered) = try await build(changes, clock: &clock)
            let staticEdits = changes.paths.filter { $0.hasPrefix("content/static/") }.map { String($0.dropFirst("content/static/".count)) }
            let changed = Self.difference(snapshot, next, fresh: fresh, edited: changes.everything ? Array(next.copies.keys) : staticEdits)
            next.build = snapshot.build + (changed.isEmpty ? 0 : 1)
            snapshot = next
            clock.lap("compare")
            return LiveBuild.Outcome(snapshot: next, failure: nil, changed: changed, rendered: rendered, timings: clock.laps)
        } catch let failure as BuildFailure {
            last = nil
            return LiveBuild.Outcome(snapshot: snapshot, failure: failure, changed: [], rendered: 0, timings: clock.laps)
        } catch {
            last = nil
            let failure = BuildFailure(stage: "build", diagnostics: [Diagnostic(file: options.siteRoot.path, message: "\(error)")])
            return LiveBuild.Outcome(snapshot: snapshot, failure: failure, changed: [], rendered: 0, timings: clock.laps)
        }
    }

    /// Returns the site, the paths made anew (all others are the last build's bytes) and the
    /// number of pages rendered.
    private mutating func build(_ changes: SourceChanges, clock: inout StageClock) async throws -> (SiteSnapshot, Set<String>, Int) {
        var (content, delta) = try await sources.update(changes, baseURL: options.baseURL)
        clock.lap("parse")

        let themeChanged = theme == nil || theme!.name != content.config.theme || changes.touchesThemes
        if themeChanged { theme = ThemeCache(name: content.config.theme, siteRoot: options.siteRoot) }
        content.problems.add(contentsOf: theme!.problems)
        // Taken out, so that changing what it holds does not copy it; made anew by a good build.
        var last = self.last.take()
        last?.site?.bodies = [:]  // the cache's bodies are then its own, and change in place
        // The edited files' bodies as they were, for `keepsResolve` (not the whole table: a second
        // reference would make the cache copy it when it changes).
        let oldBodies = Dictionary(delta.edited.compactMap { path in bodies.bodies[path].map { (path, $0) } },
                                   uniquingKeysWith: { a, _ in a })
        let edit = !delta.structural && !themeChanged && last != nil ? PracticeEdit(delta.replaced) : nil
        if edit != nil {
            bodies.update(origins: delta.replaced.compactMap { if case .practice(let practice) = $0.new { practice.origin } else { nil } })
        } else {
            _ = bodies.update(content)
        }
        clock.lap("markdown")

        // Resolve: the last site with the practices put in, when resolve reads nothing that changed.
        var quick: PracticeEdit?
        var site: Site
        if let edit, edit.keepsResolve(oldBodies: oldBodies, newBodies: bodies.bodies), let lastSite = last?.site.take() {
            site = lastSite  // taken out of `last`, so that `site` is its only owner and changes in place
            site.bodies = bodies.bodies
            for (_, practice) in edit.practices {
                guard let index = last!.practiceIndex[practice.id] else { continue }  // a draft, not published
                site.practices[index] = practice
                site.practiceByID[practice.id] = practice
            }
            quick = edit
        } else {
            site = try Resolver(content: content, bodies: bodies.bodies, includeDrafts: options.includeDrafts).resolve()
            last?.site = nil  // only the files it made may still serve (sitemap)
        }
        clock.lap("resolve")
        guard let theme = theme!.theme else { throw BuildFailure(stage: "theme", diagnostics: self.theme!.problems.all) }

        let strings = theme.strings(for: site.config.language)
        let facets: [Facet]
        let facetsChanged: Bool
        if let quick, quick.keepsFacets, let last {
            facets = last.facets
            facetsChanged = false
        } else {
            let labels = FacetLabels(country: strings["country"] ?? "Land", tags: strings["tags"] ?? "Schlagwörter",
                                     partners: strings["partners"] ?? "Partner")
            facets = FacetBuilder.build(site, labels: labels)
            facetsChanged = true
        }
        clock.lap("facets")

        // The pages: those to render again are rendered on the other cores while the search
        // index is brought up to date here.
        let latest = quick.flatMap { edit in edit.changesDates ? nil : last?.latest } ?? PageInputs.latest(of: site)
        let renderer = Renderer(site: site, facets: facets, theme: theme, strings: strings, staticSizes: content.staticSizes)
        let inputs = PageInputs(site: site, facets: facets, staticSizes: content.staticSizes, fileVersions: sources.fileVersions,
                                bodyVersions: bodies.versions,
                                layoutDigest: layoutDigest(site: site, facets: facets, strings: strings),
                                templateDigests: self.theme!.templateDigests, latest: latest)
        var plan: RenderPlan
        if let quick, !facetsChanged, last != nil {
            let pages = last!.pages
            last!.pages = []  // so that the plan is the only owner of the pages and changes them in place
            plan = planStale(scope: .edits(files: Set(delta.edited), latest: quick.changesDates, facets: false), pages: consume pages,
                             pageIndex: last!.pageIndex, inputs: inputs)
        } else {
            let scope = quick.map { PageGraph.Scope.edits(files: Set(delta.edited), latest: $0.changesDates, facets: true) } ?? .everything
            plan = planAll(renderer.jobs, scope: scope, inputs: inputs)
        }
        async let renderedPages = Self.render(plan.toRender, renderer, inputs: inputs)

        let practiceIndex = quick != nil ? last!.practiceIndex
            : Dictionary(site.practices.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var searchSources: [SearchIndexBuilder.Source]
        var changedDocuments: [Int]?
        if let quick, last != nil {
            searchSources = last!.searchSources
            last!.searchSources = []  // so that `searchSources` is its only owner
            changedDocuments = []
            for (_, practice) in quick.practices {
                guard let index = practiceIndex[practice.id] else { continue }
                searchSources[index] = SearchIndexBuilder.practiceSource(practice, site: site)
                changedDocuments!.append(index)
            }
        } else {
            searchSources = SearchIndexBuilder.sources(site, countryLanguage: site.config.language)
        }
        let typeLabels = Dictionary(uniqueKeysWithValues: EntryKind.allCases.map { ($0.rawValue, strings["type-" + $0.rawValue] ?? $0.rawValue) })
        let searchFiles = await search.files(site, sources: searchSources, changed: changedDocuments, facets: facets, facetsChanged: facetsChanged,
                                             typeLabels: typeLabels, typeFacetLabel: strings["search-type"] ?? "Art")
        clock.lap("search")

        var settings = Hasher()
        settings.combine(sources.configText)
        settings.combine(options.baseURL)
        let openData = try self.openData.files(site, fileVersions: sources.fileVersions, settings: settings.finalize(),
                                               edited: quick.map { $0.practices.map(\.new.id) })
        clock.lap("open data")

        for (position, job, identity, file, pageInputs) in await renderedPages {
            plan.pages[position] = file
            graph.record(file.path, identity: identity, job: job, inputs: pageInputs, in: inputs)
        }
        let pages = plan.pages
        let rendered = plan.toRender.map { pages[$0.0].path }
        clock.lap("render")
        var fresh = Set(rendered)

        // The rest of the site, in the order `Pipeline.generate` lists it (a later file of the
        // same path wins, as it would on disk).
        var others = searchFiles + openData
        let samePages = quick != nil && !facetsChanged
        let keepsFeed = quick.map { !$0.changesFeed(inFeed: last?.feedIDs ?? []) } ?? false
        let feedEntries = keepsFeed ? [] : AtomFeed.entries(site)
        let feed = keepsFeed ? last!.feed : AtomFeed.make(site, entries: feedEntries)
        let feedIDs = keepsFeed ? last!.feedIDs : Set(feedEntries.map(\.id))
        // The same pages: the last sitemap, with the lines of practices whose date changed.
        var sitemapPaths: [String], sitemapEntries: [String], sitemap: OutputFile
        var sitemapKey: Int? = nil
        if quick == nil || !samePages {
            // Otherwise the last one still, when the pages' paths and the practices' dates are the same.
            var key = site.config.baseURL.hashValue
            for page in pages where page.path.hasSuffix("index.html") { key = key &+ page.path.hashValue }
            for practice in site.practices {
                var hasher = Hasher()
                hasher.combine(practice.id)
                hasher.combine(practice.updated)
                key = key &+ hasher.finalize()
            }
            sitemapKey = key
        }
        if samePages, let quick, let last {
            // Its digest is not worked out again: unknown when a date changed.
            sitemapKey = quick.changesDates ? nil : last.sitemapKey
            (sitemapPaths, sitemapEntries, sitemap) = (last.sitemapPaths, last.sitemapEntries, last.sitemap)
            if quick.changesDates {
                for (old, new) in quick.practices where old.updated != new.updated && practiceIndex[new.id] != nil {
                    let path = SitePaths.file(for: SitePaths.practice(new.id))
                    guard let index = Self.index(of: path, in: sitemapPaths) else { continue }
                    sitemapEntries[index] = Sitemap.entry(site.config.baseURL, path: path, lastModified: new.updated)
                }
                sitemap = Sitemap.document(sitemapEntries)
            }
        } else if let last, let sitemapKey, last.sitemapKey == sitemapKey {
            (sitemapPaths, sitemapEntries, sitemap) = (last.sitemapPaths, last.sitemapEntries, last.sitemap)
        } else {
            sitemapPaths = Sitemap.paths(pages)
            sitemapEntries = Sitemap.entries(site, paths: sitemapPaths)
            sitemap = Sitemap.document(sitemapEntries)
        }
        others += [feed, sitemap, Sitemap.robots(site)]
        others += theme.assets.map { OutputFile(path: "assets/" + $0.path, data: $0.data) }
        fresh.formUnion(others.map(\.path))

        let otherPaths = Set(others.map(\.path))
        var table: [String: Data]
        if samePages, let last {
            // The same pages at the same paths: the last table with the new bytes put in.
            table = snapshot.files
            for path in rendered { table[path] = pages[plan.position[path]!].data }
            for path in last.otherPaths where !otherPaths.contains(path) { table[path] = nil }
        } else {
            table = [:]
            table.reserveCapacity(pages.count + others.count)
            for page in pages { table[page.path] = page.data }
        }
        for file in others { table[file.path] = file.data }
        let copies = try StaticFiles.copies(site.staticFiles, siteRoot: options.siteRoot, isGenerated: { table[$0] != nil })
        clock.lap("feeds")

        let pageIndex = samePages && last != nil ? last!.pageIndex
            : Dictionary(pages.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        self.last = Made(site: site, facets: facets, practiceIndex: practiceIndex, searchSources: searchSources, latest: latest,
                         pages: pages, pageIndex: pageIndex, feed: feed, feedIDs: feedIDs, sitemap: sitemap,
                         sitemapPaths: sitemapPaths, sitemapEntries: sitemapEntries, sitemapKey: sitemapKey,
                         otherPaths: otherPaths)
        let snapshot = SiteSnapshot(files: table, copies: Dictionary(copies.map { ($0.to, $0.from) }, uniquingKeysWith: { a, _ in a }),
                                    basePath: site.config.basePath, build: 0)
        return (snapshot, fresh, rendered.count)
    }

    /// The pages of a build: those kept from the last build filled in, the rest to render.
    private struct RenderPlan {
        /// Those to render hold a placeholder until they are.
        var pages: [OutputFile]
        /// Position in `pages`, job, identity.
        var toRender: [(Int, Renderer.Job, String)]
        /// Path -> position in `pages`, for the pages rendered.
        var position: [String: Int]
    }

    /// Every job of the site: kept where nothing its page shows changed.
    private mutating func planAll(_ jobs: [Renderer.Job], scope: PageGraph.Scope, inputs: PageInputs) -> RenderPlan {
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
    private mutating func planStale(scope: PageGraph.Scope, pages: [OutputFile], pageIndex: [String: Int], inputs: PageInputs) -> RenderPlan {
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
    private static func render(_ jobs: [(Int, Renderer.Job, String)], _ renderer: Renderer,
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
    private func layoutDigest(site: Site, facets: [Facet], strings: [String: String]) -> Int {
        var hasher = Hasher()
        hasher.combine(sources.configText)
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

    /// Paths whose bytes differ between two sites, or that only one has. Only `fresh` files can
    /// differ in bytes, and copies whose source was `edited`.
    static func difference(_ old: SiteSnapshot, _ new: SiteSnapshot, fresh: Set<String>, edited: [String]) -> [String] {
        var changed = Set<String>()
        for path in fresh where !Self.same(old.files[path], new.files[path]) { changed.insert(path) }
        for (path, source) in new.copies where old.copies[path] != source { changed.insert(path) }
        for path in edited where new.copies[path] != nil { changed.insert(path) }
        // A path can only have gone when a fresh one is new or there are fewer.
        if new.files.count != old.files.count || fresh.contains(where: { old.files[$0] == nil }) {
            for path in old.files.keys where new.files[path] == nil { changed.insert(path) }
        }
        for path in old.copies.keys where new.copies[path] == nil { changed.insert(path) }
        return changed.sorted()
    }

    /// Where `path` is in sorted `paths`.
    private static func index(of path: String, in paths: [String]) -> Int? {
        var low = 0, high = paths.count
        while low < high {
            let middle = (low + high) / 2
            if paths[middle] < path { low = middle + 1 } else { high = middle }
        }
        return low < paths.count && paths[low] == path ? low : nil
    }

    /// Equal bytes; at once when both are the same bytes in memory (a file kept from the last build).
    private static func same(_ a: Data?, _ b: Data?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        guard a.count == b.count else { return false }
        let sameStorage = a.withUnsafeBytes { first in b.withUnsafeBytes { second in first.baseAddress == second.baseAddress } }
        return sameStorage || a == b
    }
}
