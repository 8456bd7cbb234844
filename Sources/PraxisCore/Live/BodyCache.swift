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

    /// `praxis serve` after an edit of a few files (`SourceState.Delta`): the bodies of the
    /// entries `after` rendered when they changed, those of `removed` files dropped; nothing
    /// else is looked at.
    mutating func update(_ after: [ParseStage.Parsed], removed: Set<String>) -> [String: RenderedMarkdown] {
        for origin in after.map(\.origin) {
            if let entry = entries[origin.file], entry.body == origin.body, entry.firstLine == origin.bodyLine { continue }
            entries[origin.file] = Entry(body: origin.body, firstLine: origin.bodyLine)
            bodies[origin.file] = MarkdownRenderer.render(origin.body, firstLine: origin.bodyLine)
        }
        for file in removed {
            entries[file] = nil
            bodies[file] = nil
        }
        return bodies
    }

    /// Renders what changed in `content` and returns every body.
    mutating func update(_ content: ParsedContent) -> [String: RenderedMarkdown] {
        // The translations' bodies too: the trees of the other languages render them.
        let origins = content.origins + content.translationOrigins
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
