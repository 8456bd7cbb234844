/// Stage "markdown" for `praxis serve`: a body goes through cmark-gfm again only when its
/// text (or the line it starts on) changed. Each rendering gets a new version, the input
/// `PageInput.body` of the pages showing it.
struct BodyCache {
    private struct Entry {
        var body: String
        var firstLine: Int
    }

    private var entries: [String: Entry] = [:]
    /// Every entry's body rendered, as `MarkdownStage.run` gives them.
    private(set) var bodies: [String: RenderedMarkdown] = [:]
    private(set) var versions: [String: Int] = [:]
    private var nextVersion = 1

    /// Renders what changed in `content` and returns every body.
    mutating func update(_ content: ParsedContent) -> [String: RenderedMarkdown] {
        let origins = content.origins
        update(origins: origins)
        if entries.count > origins.count {
            let files = Set(origins.map(\.file))
            entries = entries.filter { files.contains($0.key) }
            bodies = bodies.filter { files.contains($0.key) }
            versions = versions.filter { files.contains($0.key) }
        }
        return bodies
    }

    /// Renders those of `origins` that changed; the others entries stay as they are.
    mutating func update(origins: [EntryOrigin]) {
        for origin in origins {
            if let entry = entries[origin.file], entry.body == origin.body, entry.firstLine == origin.bodyLine { continue }
            entries[origin.file] = Entry(body: origin.body, firstLine: origin.bodyLine)
            bodies[origin.file] = MarkdownRenderer.render(origin.body, firstLine: origin.bodyLine)
            versions[origin.file] = nextVersion
            nextVersion += 1
        }
    }
}
