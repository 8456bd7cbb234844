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
    /// What each page read (`IncrementalBuild+Pages`).
    var graph = PageGraph()
    private var search = SearchState()
    private var openData = OpenDataState()
    /// What the last build made, when it succeeded.
    private var last: Made?
    /// The last good site; kept when a build fails.
    private(set) var snapshot = SiteSnapshot.empty

    /// What a good build made that the next one may start from.
    struct Made {
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
        var feeds: Feeds
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
            facets = try FacetBuilder.build(site, labels: labels)
            facetsChanged = true
        }
        clock.lap("facets")

        // The pages: those to render again are rendered on the other cores while the search
        // index is brought up to date here.
        let latest = quick.flatMap { edit in edit.changesDates ? nil : last?.latest } ?? PageInputs.latest(of: site)
        let renderer = Renderer(site: site, facets: facets, theme: theme, strings: strings, staticSizes: content.staticSizes)
        let inputs = PageInputs(site: site, facets: facets, staticSizes: content.staticSizes, fileVersions: sources.fileVersions,
                                bodyVersions: bodies.versions,
                                layoutDigest: layoutDigest(configText: sources.configText, site: site, facets: facets, strings: strings),
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
        let feeds = Self.feeds(site, pages: pages, edit: quick, samePages: samePages, last: last?.feeds, practiceIndex: practiceIndex)
        others += [feeds.feed, feeds.sitemap, Sitemap.robots(site)]
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
                         pages: pages, pageIndex: pageIndex, feeds: feeds, otherPaths: otherPaths)
        let snapshot = SiteSnapshot(files: table, copies: Dictionary(copies.map { ($0.to, $0.from) }, uniquingKeysWith: { a, _ in a }),
                                    basePath: site.config.basePath, build: 0)
        return (snapshot, fresh, rendered.count)
    }
}
