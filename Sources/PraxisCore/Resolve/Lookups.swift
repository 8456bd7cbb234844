/// The tables every check of stage "resolve" looks ids up in, built once from the parsed content.
struct Lookups {
    let practices: [String: Practice]
    let publishedIDs: Set<String>
    let partners: [String: Partner]
    let sources: [String: SourceDocument]
    let workshops: [String: Workshop]
    let pages: [String: Page]
    let staticFiles: Set<String>
    /// Ids of every entry file found, parsed or not; see `ParsedContent.fileIDs`.
    let fileIDs: [EntryKind: Set<String>]
    let dayFileIDs: [String: [String]]

    init(_ content: ParsedContent, includeDrafts: Bool) {
        func table<T>(_ items: [T], _ id: (T) -> String) -> [String: T] {
            Dictionary(items.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
        }
        practices = table(content.practices, \.id)
        publishedIDs = Set(content.practices.filter { includeDrafts || !$0.draft }.map(\.id))
        partners = table(content.partners, \.id)
        sources = table(content.sources, \.id)
        workshops = table(content.workshops, \.id)
        pages = table(content.pages, \.id)
        staticFiles = Set(content.staticFiles)
        fileIDs = content.fileIDs
        dayFileIDs = content.dayFileIDs
    }

    /// True when an entry file with this id exists but could not be parsed: its own problems
    /// are reported, and references to it are not reported a second time.
    func hasUnparsedFile(_ kind: EntryKind, _ id: String) -> Bool {
        fileIDs[kind]?.contains(id) == true
    }

    /// "Did you mean ...? Ids are the file names in ...", for a reference to nothing.
    func hint(_ id: String, known: some Collection<String>, folder: String) -> String {
        let nearest = Suggestion.nearest(to: id, in: Array(known))
        return (nearest.map { "Did you mean \($0)? " } ?? "") + "Ids are the file names in \(folder)/ without .md."
    }
}
