/// Stage "markdown": every body through cmark-gfm, spread over the cores. cmark-gfm's inline
/// parse runs one at a time in the process; block parsing, our walk and the HTML renderer run
/// in parallel (see MarkdownRenderer for why a lock and not worker processes).
enum MarkdownStage {
    static func run(_ content: ParsedContent) async -> [String: RenderedMarkdown] {
        let sources = content.origins.map { (file: $0.file, body: $0.body, line: $0.bodyLine) }
        let rendered = await Parallel.mapChunks(sources, minimumChunk: 8) { chunk in
            // Heading ids repeat from body to body; each chunk keeps the ones it made.
            var slugs = HeadingSlugs()
            return chunk.map { MarkdownRenderer.render($0.body, firstLine: $0.line, slugs: &slugs) }
        }
        var bodies: [String: RenderedMarkdown] = [:]
        bodies.reserveCapacity(sources.count)
        // In the origins' order, as before: a later origin of the same file wins.
        for (source, body) in zip(sources, rendered) { bodies[source.file] = body }
        return bodies
    }
}
