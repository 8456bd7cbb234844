import Foundation

/// The stages of `Pipeline.generate` with what they made kept between builds (see `LiveBuild`).
struct IncrementalBuild {
    let options: BuildOptions
    private var sources: SourceState
    private var bodies = BodyCache()
    private var theme: ThemeCache?
    private var graph = PageGraph()
    private var search = SearchState()
    private var openData = OpenDataState()
    /// The last good site; kept when a build fails.
    private(set) var snapshot = SiteSnapshot.empty

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
            return LiveBuild.Outcome(snapshot: snapshot, failure: failure, changed: [], rendered: 0, timings: clock.laps)
        } catch {
            let failure = BuildFailure(stage: "build", diagnostics: [Diagnostic(file: options.siteRoot.path, message: "\(error)")])
            return LiveBuild.Outcome(snapshot: snapshot, failure: failure, changed: [], rendered: 0, timings: clock.laps)
        }
    }

    /// Returns the site, the paths made anew (all others are the last build's bytes) and the
    /// number of pages rendered.
    private mutating func build(_ changes: SourceChanges, clock: inout StageClock) async throws -> (SiteSnapshot, Set<String>, Int) {
        var content = try await sources.update(changes, baseURL: options.baseURL)
        clock.lap("parse")

        if theme == nil || theme!.name != content.config.theme || changes.touchesThemes {
            theme = ThemeCache(name: content.config.theme, siteRoot: options.siteRoot)
        }
        content.problems.add(contentsOf: theme!.problems)
        let bodyMap = bodies.update(content)
        clock.lap("markdown")

        let site = try Resolver(content: content, bodies: bodyMap, includeDrafts: options.includeDrafts).resolve()
        clock.lap("resolve")
        guard let theme = theme!.theme else { throw BuildFailure(stage: "theme", diagnostics: self.theme!.problems.all) }

        let strings = theme.strings(for: site.config.language)
        let labels = FacetLabels(country: strings["country"] ?? "Land", tags: strings["tags"] ?? "Schlagwörter",
                                 partners: strings["partners"] ?? "Partner")
        let facets = FacetBuilder.build(site, labels: labels)
        clock.lap("facets")

        let typeLabels = Dictionary(uniqueKeysWithValues: EntryKind.allCases.map { ($0.rawValue, strings["type-" + $0.rawValue] ?? $0.rawValue) })
        let searchFiles = await search.files(site, facets: facets, typeLabels: typeLabels,
                                             typeFacetLabel: strings["search-type"] ?? "Art")
        clock.lap("search")

        var settings = Hasher()
        settings.combine(sources.configText)
        settings.combine(options.baseURL)
        let openData = try self.openData.files(site, fileVersions: sources.fileVersions, settings: settings.finalize())
        clock.lap("open data")

        let renderer = Renderer(site: site, facets: facets, theme: theme, strings: strings, staticSizes: content.staticSizes)
        let inputs = PageInputs(site: site, facets: facets, staticSizes: content.staticSizes, fileVersions: sources.fileVersions,
                                bodyVersions: bodies.versions,
                                layoutDigest: layoutDigest(site: site, facets: facets, strings: strings),
                                templateDigests: self.theme!.templateDigests)
        let (pages, rendered) = await renderPages(renderer, inputs: inputs)
        clock.lap("render")
        var fresh = Set(rendered)

        // The rest of the site, in the order `Pipeline.generate` lists it (a later file of the
        // same path wins, as it would on disk).
        var files = pages
        var others = searchFiles + openData
        others.append(AtomFeed.make(site))
        others.append(Sitemap.make(site, pages: pages))
        others.append(Sitemap.robots(site))
        others += theme.assets.map { OutputFile(path: "assets/" + $0.path, data: $0.data) }
        files += others
        fresh.formUnion(others.map(\.path))
        let copies = try StaticFiles.copies(site.staticFiles, siteRoot: options.siteRoot, generated: files.map(\.path))
        var table: [String: Data] = [:]
        table.reserveCapacity(files.count)
        for file in files { table[file.path] = file.data }
        clock.lap("feeds")
        let snapshot = SiteSnapshot(files: table, copies: Dictionary(copies.map { ($0.to, $0.from) }, uniquingKeysWith: { a, _ in a }),
                                    basePath: site.config.basePath, build: 0)
        return (snapshot, fresh, rendered.count)
    }

    /// Every page in job order: kept from the last build where nothing it shows changed,
    /// rendered again on every core otherwise.
    /// Returns the pages and the paths of those rendered.
    private mutating func renderPages(_ renderer: Renderer, inputs: PageInputs) async -> ([OutputFile], [String]) {
        let jobs = renderer.jobs
        let stale = graph.stalePages(in: inputs)
        var pages = [OutputFile?](repeating: nil, count: jobs.count)
        var toRender: [(Int, Renderer.Job, String, String)] = []
        for (position, job) in jobs.enumerated() {
            let path = PageInputs.path(of: job, facets: inputs.facets)
            let identity = PageInputs.identity(of: job, facets: inputs.facets)
            if !stale.contains(path), graph.pages[path]?.identity == identity, let data = snapshot.files[path] {
                pages[position] = OutputFile(path: path, data: data)
            } else {
                toRender.append((position, job, path, identity))
            }
        }
        let chunkSize = max(4, toRender.count / (ProcessInfo.processInfo.activeProcessorCount * 8) + 1)
        let chunks = stride(from: 0, to: toRender.count, by: chunkSize).map { Array(toRender[$0..<min($0 + chunkSize, toRender.count)]) }
        let rendered = await withTaskGroup(of: [(Int, OutputFile, [PageInput])].self) { group in
            for chunk in chunks {
                group.addTask { chunk.map { ($0.0, renderer.render($0.1), inputs.inputs(of: $0.1)) } }
            }
            var all: [(Int, OutputFile, [PageInput])] = []
            for await results in group { all += results }
            return all
        }
        let identities = Dictionary(toRender.map { ($0.0, $0.3) }, uniquingKeysWith: { a, _ in a })
        for (position, file, pageInputs) in rendered {
            pages[position] = file
            graph.record(file.path, identity: identities[position]!, inputs: pageInputs, in: inputs)
        }
        let current = Set(pages.map { $0!.path })
        for path in graph.pages.keys where !current.contains(path) { graph.remove(path) }
        return (pages.map { $0! }, rendered.map(\.1.path))
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
        for path in fresh where old.files[path] != new.files[path] { changed.insert(path) }
        for (path, source) in new.copies where old.copies[path] != source { changed.insert(path) }
        for path in edited where new.copies[path] != nil { changed.insert(path) }
        for path in old.files.keys where new.files[path] == nil { changed.insert(path) }
        for path in old.copies.keys where new.copies[path] == nil { changed.insert(path) }
        return changed.sorted()
    }
}
