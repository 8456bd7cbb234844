/// Stage "markdown": every body through cmark-gfm, one at a time (Debian's cmark-gfm must
/// never run two parses at once in one process; see MarkdownRenderer).
enum MarkdownStage {
    static func run(_ content: ParsedContent) -> [String: RenderedMarkdown] {
        var bodies: [String: RenderedMarkdown] = [:]
        for origin in content.origins {
            bodies[origin.file] = MarkdownRenderer.render(origin.body, firstLine: origin.bodyLine)
        }
        return bodies
    }
}
