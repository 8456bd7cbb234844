/// Stage "markdown" for `praxis serve`: a body goes through cmark-gfm again only when its
/// text (or the line it starts on) changed.
struct BodyCache {
    private struct Entry {
        var body: String
        var firstLine: Int
    }

    private var entries: [String: Entry] = [:]
    /// Every entry's body rendered, as `MarkdownStage` gives them, but kept in memory: serve
    /// renders a page whenever it is asked for and replaces a body whenever it changes, which an
    /// append-only `SpillFile` would only let grow (at 10,000 practices: about 140 MB in memory).
    private(set) var bodies: [String: RenderedMarkdown] = [:]

    /// Renders what changed in `content` and returns every body.
    mutating func update(_ content: ParsedContent) -> [String: RenderedMarkdown] {
        let origins = content.origins
        for origin in origins {
            if let entry = entries[origin.file], entry.body == origin.body, entry.firstLine == origin.bodyLine { continue }
            entries[origin.file] = Entry(body: origin.body, firstLine: origin.bodyLine)
            bodies[origin.file] = MarkdownRenderer.render(origin.body, firstLine: origin.bodyLine)
        }
        if entries.count > origins.count {
            let files = Set(origins.map(\.file))
            entries = entries.filter { files.contains($0.key) }
            bodies = bodies.filter { files.contains($0.key) }
        }
        return bodies
    }
}
