#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The build, stage by stage. Each stage is a function of what the earlier ones produced; the
/// first stage that finds problems ends the build with all of them, before anything is written.
///
///     load     find the files of the site root              SourceTree
///     parse    front matter into typed, checked entries     ParsedContent
///     markdown bodies through cmark-gfm, as each chunk is   [file: RenderedMarkdown]
///              parsed (build: kept in a SpillFile)
///     resolve  references, links both ways, @/ links        Site
///     facets   group practices by every facet               [Facet]      -> SiteModel
///     search   the client-side index, cut into parts        search.json, search/
///     open data the catalogue for other programs           catalogue.json, catalogue.csv
///     feeds    Atom feed, sitemap, robots.txt, theme assets
///     pages    every page through the theme, written as it is rendered (SiteMap)
///     write    static copies, then the new folder swapped in
///
/// Everything after facets is described once in `SiteMap`, which `build` writes, `generate`
/// (for `praxis check` and the tests) keeps in memory, and `praxis serve` renders on request.
public enum Pipeline {
    /// `praxis build`: the model, then every file written into a fresh folder as it is made,
    /// swapped in when complete.
    public static func build(_ options: BuildOptions) async throws -> BuildReport {
        try OutputGuard.check(output: options.output, siteRoot: options.siteRoot)
        let writer = OutputWriter(output: options.output)
        // A site a killed build left moved aside is put back first, whatever this build does.
        try writer.recoverLeftovers()
        var clock = StageClock()
        // The bodies wait there for their pages instead of in memory (see SpillFile).
        let spill = try SpillFile()
        let map = try await siteMap(options, spill: spill, clock: &clock)
        let (written, notes) = try await write(map, to: options.output, siteRoot: options.siteRoot, spill: spill, clock: clock) { sink, clock in
            try await otherFiles(map, into: &sink, clock: &clock)
        }
        var report = BuildReport(pages: map.jobs.count, files: map.jobs.count + written.others + map.copies.count,
                                 practices: map.practiceCount, timings: written.laps)
        report.notes = notes
        return report
    }

    /// Stages search to write into a fresh folder: `others` writes the files beside the pages
    /// into the sink it is given, each as it is made (the search and open data files are
    /// 400 MB at 100,000 practices: never all in memory); then every page, each chunk of pages
    /// written by the task that rendered it (pages are never all in memory, and both cores
    /// render and write), then the static copies and the swap. Returns how many files `others`
    /// wrote and the laps of `clock` with those of these stages.
    static func write(_ map: SiteMap, to output: URL, siteRoot: URL, spill: SpillFile? = nil, clock: StageClock = StageClock(),
                      others: @escaping @Sendable (inout FileSink, inout StageClock) async throws -> Void)
        async throws -> (written: (others: Int, laps: [(stage: String, seconds: Double)]), notes: [String]) {
        let jobs = map.jobs
        return try await OutputWriter(output: output).write(paths: map.pagePaths, copies: map.copies, siteRoot: siteRoot) { staging in
            var clock = clock
            var sink = FileSink.writing(into: staging)
            try await others(&sink, &clock)
            // Each page written as soon as it is rendered: a chunk is thousands of pages at 100,000.
            let failures = await Parallel.mapChunks(jobs, minimumChunk: 8) { chunk in
                [Result { for job in chunk { try staging.write([map.render(job)]) } }]
            }
            for failure in failures { try failure.get() }
            try spill?.checkReads(stage: "pages")
            clock.lap("pages+write")
            return (sink.count, clock.laps)
        }
    }

    /// `write` with the files beside the pages made already (`praxis serve --output`).
    static func write(_ map: SiteMap, others: consuming [OutputFile], to output: URL, siteRoot: URL) async throws -> [String] {
        // Let go of each once written.
        let pending = Locked(consume others)
        return try await write(map, to: output, siteRoot: siteRoot) { sink, _ in
            for file in pending.withLock({ files in defer { files = [] }; return files }) { try sink.add(file) }
        }.notes
    }

    /// Refuses an output folder that is not Praxis' to replace (`OutputGuard`), before any work.
    public static func checkOutput(_ output: URL, siteRoot: URL) throws {
        try OutputGuard.check(output: output.standardizedFileURL, siteRoot: siteRoot.standardizedFileURL)
    }

    /// Every stage but the write: the site in memory. `praxis check` and the tests use it
    /// without touching the output folder.
    public static func generate(_ options: BuildOptions) async throws -> GeneratedSite {
        var clock = StageClock()
        let map = try await siteMap(options, clock: &clock)
        var sink = FileSink.memory()
        try await otherFiles(map, into: &sink, clock: &clock)
        var files = sink.files
        let pages = await Parallel.map(map.jobs, minimumChunk: 8, map.render)
        clock.lap("pages")
        files = pages + files
        let report = BuildReport(pages: pages.count, files: files.count + map.copies.count, practices: map.practiceCount,
                                 timings: clock.laps)
        return GeneratedSite(files: files, copies: map.copies, report: report)
    }

    /// Stages load to facets, and the description of every file made from them.
    static func siteMap(_ options: BuildOptions, spill: SpillFile? = nil, clock: inout StageClock) async throws -> SiteMap {
        var problems = Problems()
        let tree = SourceTree.scan(root: options.siteRoot, problems: &problems)
        clock.lap("load")

        let markdown = MarkdownStage(spill: spill)
        let content = try await ParseStage.run(tree, baseURL: options.baseURL, problems: problems, markdown: markdown)
        let bodies = try markdown.bodies()
        clock.lap("parse+md")

        // Problems of the theme, like those of entries, are collected and reported with the rest.
        var themeProblems = Problems()
        let theme = Theme.load(named: content.config.theme, siteRoot: options.siteRoot, languages: content.config.languages, problems: &themeProblems)

        let model = try await SiteModel.make(content: content, bodies: bodies, theme: theme, themeProblems: themeProblems,
                                       includeDrafts: options.includeDrafts, clock: &clock)
        let others = try await SiteModel.others(content: content, bodies: bodies, theme: theme, includeDrafts: options.includeDrafts)
        if !others.isEmpty { clock.lap("languages") }
        return try SiteMap([model] + others, siteRoot: options.siteRoot)
    }

    /// The files beside the pages, stage by stage, into `sink` as each is made.
    private static func otherFiles(_ map: SiteMap, into sink: inout FileSink, clock: inout StageClock) async throws {
        try await map.writeSearch { try sink.add($0) }
        // The search's tables are gone; the memory they took goes back to the system now, or
        // the pages' peak adds to it (malloc keeps freed memory scattered among live blocks).
        trimMemory()
        clock.lap("search")
        try OpenData.write(map.trees.map(\.model.site), into: &sink)
        clock.lap("open data")
        for file in map.feeds() { try sink.add(file) }
        clock.lap("feeds")
    }
}

/// glibc's `malloc_trim(0)`: freed memory back to the system. Looked up by name, as Swift's
/// Glibc module does not import malloc.h.
private func trimMemory() {
    #if canImport(Glibc)
    typealias Trim = @convention(c) (Int) -> Int32
    if let symbol = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
    #endif
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
    var laps: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now()
        laps.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
