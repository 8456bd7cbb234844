/// Stage "markdown": every body through cmark-gfm. cmark-gfm's inline parse runs one at a time
/// in the process; block parsing, our walk and the HTML renderer run in parallel (see
/// MarkdownRenderer for why a lock and not worker processes).
///
/// It runs inside stage "parse": each chunk of entries is rendered by the task that parsed it,
/// and their Markdown sources are dropped there. Held for every entry until a stage of its own,
/// the sources were a third of the build's peak memory (650 MB at 100,000 practices). Given a
/// `SpillFile` (`praxis build`), each body's HTML and plain text go there as soon as it is
/// rendered and are read back once, by the search and by the body's page; without one (`praxis
/// check`, which holds the whole site anyway) they stay in memory.
final class MarkdownStage: Sendable {
    private let spill: SpillFile?
    private let rendered = Locked<[String: RenderedMarkdown]>([:])
    private let failure = Locked<BuildFailure?>(nil)

    init(spill: SpillFile?) {
        self.spill = spill
    }

    /// Renders the bodies of `entries`, one parse chunk, and empties their Markdown sources.
    func render(_ entries: inout [ParseStage.Parsed]) {
        // Heading ids repeat from body to body; each chunk keeps the ones it made.
        var slugs = HeadingSlugs()
        var bodies: [(String, RenderedMarkdown)] = []
        bodies.reserveCapacity(entries.count)
        do {
            for index in entries.indices {
                var origin = entries[index].origin
                let body = if let spill {
                    try MarkdownRenderer.render(origin.body, firstLine: origin.bodyLine, slugs: &slugs, spill: spill)
                } else {
                    MarkdownRenderer.render(origin.body, firstLine: origin.bodyLine, slugs: &slugs)
                }
                bodies.append((origin.file, body))
                origin.body = ""
                entries[index].origin = origin
            }
        } catch {
            self.failure.withLock { if $0 == nil { $0 = error } }
        }
        // Each entry file is one entry, so no file comes twice and the order does not matter.
        rendered.withLock { rendered in for (file, body) in bodies { rendered[file] = body } }
    }

    /// Every body rendered, by file; or the first failure to write one to the spill file.
    func bodies() throws(BuildFailure) -> [String: RenderedMarkdown] {
        if let failure = failure.withLock({ $0 }) { throw failure }
        return rendered.withLock { rendered in defer { rendered = [:] }; return rendered }
    }
}

extension ParseStage.Parsed {
    /// The entry's file, line and body, whatever its kind.
    var origin: EntryOrigin {
        get {
            switch self {
            case .practice(let entry): entry.origin
            case .partner(let entry): entry.origin
            case .workshop(let entry): entry.origin
            case .day(let entry): entry.origin
            case .page(let entry): entry.origin
            case .source(let entry): entry.origin
            }
        }
        set {
            switch self {
            case .practice(var entry): entry.origin = newValue; self = .practice(entry)
            case .partner(var entry): entry.origin = newValue; self = .partner(entry)
            case .workshop(var entry): entry.origin = newValue; self = .workshop(entry)
            case .day(var entry): entry.origin = newValue; self = .day(entry)
            case .page(var entry): entry.origin = newValue; self = .page(entry)
            case .source(var entry): entry.origin = newValue; self = .source(entry)
            }
        }
    }
}
