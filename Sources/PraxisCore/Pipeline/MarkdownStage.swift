/// Stage "markdown": every body through cmark-gfm, spread over the cores. cmark-gfm's inline
/// parse runs one at a time in the process; block parsing, our walk and the HTML renderer run
/// in parallel (see MarkdownRenderer for why a lock and not worker processes).
enum MarkdownStage {
    /// With `spill`, each body's HTML and plain text go to that file as soon as it is rendered
    /// (`praxis build`: they are read back once, by the search and by the body's page); without,
    /// they stay in memory (`praxis check`, which holds the whole site anyway).
    static func run(_ content: ParsedContent, spill: SpillFile? = nil) async throws -> [String: RenderedMarkdown] {
        let sources = content.origins.map { (file: $0.file, body: $0.body, line: $0.bodyLine) }
        let rendered = await Parallel.mapChunks(sources, minimumChunk: 8) { chunk in
            // Heading ids repeat from body to body; each chunk keeps the ones it made.
            var slugs = HeadingSlugs()
            return chunk.map { source in
                let body = MarkdownRenderer.render(source.body, firstLine: source.line, slugs: &slugs)
                guard let spill else { return Result<RenderedMarkdown, BuildFailure>.success(body) }
                return Result { () throws(BuildFailure) in try body.spilled(into: spill) }
            }
        }
        var bodies: [String: RenderedMarkdown] = [:]
        bodies.reserveCapacity(sources.count)
        // In the origins' order, as before: a later origin of the same file wins.
        for (source, body) in zip(sources, rendered) { bodies[source.file] = try body.get() }
        return bodies
    }
}

extension ParsedContent {
    /// Every entry without its Markdown source, once stage "markdown" has rendered it: later
    /// stages read the rendered bodies only, and the sources are as large as the whole catalogue.
    mutating func dropMarkdownSources() {
        for index in practices.indices { practices[index].origin.body = "" }
        for index in partners.indices { partners[index].origin.body = "" }
        for index in workshops.indices { workshops[index].origin.body = "" }
        for key in days.keys { for index in days[key]!.indices { days[key]![index].origin.body = "" } }
        for index in pages.indices { pages[index].origin.body = "" }
        for index in sources.indices { sources[index].origin.body = "" }
    }
}
