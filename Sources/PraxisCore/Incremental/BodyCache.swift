/// Stage "markdown" for `praxis serve`: a body goes through cmark-gfm again only when its
/// text (or the line it starts on) changed. Each rendering gets a new version, the input
/// `PageInput.body` of the pages showing it.
struct BodyCache {
    private struct Entry {
        var body: String
        var firstLine: Int
        var rendered: RenderedMarkdown
        var version: Int
    }

    private var entries: [String: Entry] = [:]
    private var nextVersion = 1

    /// Every entry's body rendered, as `MarkdownStage.run` gives them.
    mutating func bodies(of content: ParsedContent) -> [String: RenderedMarkdown] {
        var bodies: [String: RenderedMarkdown] = [:]
        var seen: [String: Entry] = [:]
        for origin in content.origins {
            var entry = entries[origin.file]
            if entry == nil || entry!.body != origin.body || entry!.firstLine != origin.bodyLine {
                entry = Entry(body: origin.body, firstLine: origin.bodyLine,
                              rendered: MarkdownRenderer.render(origin.body, firstLine: origin.bodyLine), version: nextVersion)
                nextVersion += 1
            }
            seen[origin.file] = entry
            bodies[origin.file] = entry!.rendered
        }
        entries = seen
        return bodies
    }

    var versions: [String: Int] { entries.mapValues(\.version) }
}
