import Foundation

/// The build, stage by stage. Each stage is a function of what the earlier ones produced; the
/// first stage that finds problems ends the build with all of them, before anything is written.
///
///     load     find the files of the site root              SourceTree
///     parse    front matter into typed, checked entries     ParsedContent
///     markdown bodies through cmark-gfm                     [file: RenderedMarkdown]
///     resolve  references, links both ways, @/ links        Site
///     facets   group practices by every facet               [Facet]
///     search   the client-side index, cut into shards       search.json, search/
///     open data the catalogue for other programs           catalogue.json, catalogue.csv
///     render   pages through the theme                      [OutputFile]
///     write    a fresh folder, swapped in when complete     public/
public enum Pipeline {
    /// `praxis build`: the whole site, then the write stage.
    public static func build(_ options: BuildOptions) async throws -> BuildReport {
        try OutputGuard.check(output: options.output, siteRoot: options.siteRoot)
        let writer = OutputWriter(output: options.output)
        // A site a killed build left moved aside is put back first, whatever this build does.
        try writer.recoverLeftovers()
        var generated = try await generate(options)
        var clock = StageClock()
        generated.report.notes = try await writer.write(files: generated.files, copies: generated.copies, siteRoot: options.siteRoot)
        clock.lap("write")
        generated.report.timings += clock.laps
        return generated.report
    }

    /// Every stage but the write: the site in memory. `praxis check` and `praxis serve` use it
    /// without touching the output folder.
    public static func generate(_ options: BuildOptions) async throws -> GeneratedSite {
        var clock = StageClock()
        var problems = Problems()
        let tree = SourceTree.scan(root: options.siteRoot, problems: &problems)
        clock.lap("load")

        var content = try await ParseStage.run(tree, baseURL: options.baseURL, problems: problems)
        clock.lap("parse")

        // Problems of the theme, like those of entries, are collected and reported with the rest.
        var themeProblems = Problems()
        let theme = Theme.load(named: content.config.theme, siteRoot: options.siteRoot, problems: &themeProblems)
        content.problems.add(contentsOf: themeProblems)

        let bodies = await MarkdownStage.run(content)
        clock.lap("markdown")

        let site = try Resolver(content: content, bodies: bodies, includeDrafts: options.includeDrafts).resolve()
        clock.lap("resolve")
        guard let theme else { throw BuildFailure(stage: "theme", diagnostics: themeProblems.all) }

        let strings = theme.strings(for: site.config.language)
        let labels = FacetLabels(country: strings["country"] ?? "Land", tags: strings["tags"] ?? "Schlagwörter",
                                 partners: strings["partners"] ?? "Partner")
        let facets = try FacetBuilder.build(site, labels: labels)
        clock.lap("facets")

        let typeLabels = Dictionary(uniqueKeysWithValues: EntryKind.allCases.map { ($0.rawValue, strings["type-" + $0.rawValue] ?? $0.rawValue) })
        let index = await SearchIndexBuilder.build(site, facets: facets, typeLabels: typeLabels,
                                                   typeFacetLabel: strings["search-type"] ?? "Art")
        clock.lap("search")
        let searchFiles = SearchShards.files(index)
        clock.lap("search files")

        let openData = try OpenData.files(site)
        clock.lap("open data")

        let renderer = Renderer(site: site, facets: facets, theme: theme, strings: strings,
                                staticSizes: content.staticSizes)
        let pages = await renderer.renderAll()
        var files = pages
        files += searchFiles
        files += openData
        files.append(AtomFeed.make(site))
        files.append(Sitemap.make(site, pages: pages))
        files.append(Sitemap.robots(site))
        files += theme.assets.map { OutputFile(path: "assets/" + $0.path, data: $0.data) }
        clock.lap("render")

        let copies = try StaticFiles.copies(site.staticFiles, siteRoot: options.siteRoot, generated: files.map(\.path))
        let report = BuildReport(pages: pages.count, files: files.count + copies.count, practices: site.practices.count,
                                 timings: clock.laps)
        return GeneratedSite(files: files, copies: copies, report: report)
    }
}

/// A built site not yet written: generated files, and static files to copy from the site root.
public struct GeneratedSite: Sendable {
    public var files: [OutputFile]
    /// Source file (absolute) and its path in the output.
    public var copies: [(from: URL, to: String)]
    public var report: BuildReport
}

/// Wall time per stage, for `--verbose` and the benchmark.
struct StageClock {
    private var last = DispatchTime.now()
    private(set) var laps: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now()
        laps.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
