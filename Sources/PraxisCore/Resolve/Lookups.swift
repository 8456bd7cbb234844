/// The tables every check of stage "resolve" looks ids up in, built once from the parsed content.
/// The checks read them only through the functions below, each of which notes the id it was
/// asked for in `log` when there is one (`praxis serve`): what an entry's checks read is then
/// known without a list kept by hand, and an entry is checked again when an id it read changed.
struct Lookups: Sendable {
    private var practices: [String: Practice]
    private var publishedIDs: Set<String>
    private var partners: [String: Partner]
    private var sources: [String: SourceDocument]
    private var workshops: [String: Workshop]
    private var days: [String: [WorkshopDay]]
    private var pages: [String: Page]
    private var staticFiles: Set<String>
    /// Ids of every entry file found, parsed or not; see `ParsedContent.fileIDs`.
    private var fileIDs: [EntryKind: Set<String>]
    private var dayFileIDs: [String: [String]]
    private let includeDrafts: Bool
    /// Where the ids read are noted; nil when nobody asks (`praxis build`).
    private(set) var log: ReadLog?

    init(_ content: ParsedContent, includeDrafts: Bool, log: ReadLog? = nil) {
        practices = Self.table(content.practices, \.id)
        publishedIDs = Set(content.practices.filter { includeDrafts || !$0.draft }.map(\.id))
        partners = Self.table(content.partners, \.id)
        sources = Self.table(content.sources, \.id)
        workshops = Self.table(content.workshops, \.id)
        days = content.days
        pages = Self.table(content.pages, \.id)
        staticFiles = Set(content.staticFiles)
        fileIDs = content.fileIDs
        dayFileIDs = content.dayFileIDs
        self.includeDrafts = includeDrafts
        self.log = log
    }

    private static func table<T>(_ items: [T], _ id: (T) -> String) -> [String: T] {
        Dictionary(items.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `praxis serve`: these tables with the entries `before` (as they were) replaced by `after`
    /// (as `content` has them now), noting into `log` from now on. Only the practices are patched
    /// one by one; a table of another kind that changed is made again from `content` (a few hundred).
    mutating func patch(_ content: ParsedContent, before: [ParseStage.Parsed], after: [ParseStage.Parsed], log: ReadLog) {
        var kinds = Set<EntryKind>()
        for entry in before {
            if case .practice(let practice) = entry {
                practices[practice.id] = nil
                publishedIDs.remove(practice.id)
            } else {
                kinds.insert(entry.ref.kind)
            }
        }
        for entry in after {
            if case .practice(let practice) = entry {
                practices[practice.id] = practice
                if includeDrafts || !practice.draft { publishedIDs.insert(practice.id) }
            } else {
                kinds.insert(entry.ref.kind)
            }
        }
        if kinds.contains(.partner) { partners = Self.table(content.partners, \.id) }
        if kinds.contains(.source) { sources = Self.table(content.sources, \.id) }
        if kinds.contains(.workshop) { workshops = Self.table(content.workshops, \.id) }
        if kinds.contains(.day) { days = content.days }
        if kinds.contains(.page) { pages = Self.table(content.pages, \.id) }
        fileIDs = content.fileIDs
        dayFileIDs = content.dayFileIDs
        self.log = log
    }

    // MARK: Reads, each noted

    private func note(_ kind: EntryKind, _ id: String) {
        log?.note(EntryRef(kind: kind, id: id))
    }

    func practice(_ id: String) -> Practice? {
        note(.practice, id)
        return practices[id]
    }

    /// Whether the practice `id` is built (published, or drafts are built).
    func isPublished(_ id: String) -> Bool {
        note(.practice, id)
        return publishedIDs.contains(id)
    }

    func partner(_ id: String) -> Partner? {
        note(.partner, id)
        return partners[id]
    }

    func source(_ id: String) -> SourceDocument? {
        note(.source, id)
        return sources[id]
    }

    func workshop(_ id: String) -> Workshop? {
        note(.workshop, id)
        return workshops[id]
    }

    func page(_ id: String) -> Page? {
        note(.page, id)
        return pages[id]
    }

    func day(_ workshop: String, _ id: String) -> WorkshopDay? {
        note(.day, workshop + "/" + id)
        return days[workshop]?.first { $0.id == id }
    }

    /// The entry of `kind` with this id, if it was parsed: its file.
    func file(of kind: EntryKind, _ id: String) -> String? {
        switch kind {
        case .practice: practice(id)?.origin.file
        case .partner: partner(id)?.origin.file
        case .workshop: workshop(id)?.origin.file
        case .page: page(id)?.origin.file
        case .source: source(id)?.origin.file
        case .day: nil
        }
    }

    /// Not noted: a change below content/static/ resolves everything again.
    func hasStaticFile(_ path: String) -> Bool {
        staticFiles.contains(path)
    }

    /// Day ids (`day-<n>`) of the workshop's folder, parsed or not.
    func dayFiles(of workshop: String) -> [String] {
        note(.workshop, workshop)
        return dayFileIDs[workshop] ?? []
    }

    /// True when an entry file with this id exists but could not be parsed: its own problems
    /// are reported, and references to it are not reported a second time.
    func hasUnparsedFile(_ kind: EntryKind, _ id: String) -> Bool {
        note(kind, id)
        return fileIDs[kind]?.contains(id) == true
    }

    // MARK: Whole tables: for hints (there is a problem, so nothing is patched) and the site

    func ids(of kind: EntryKind) -> [String] {
        switch kind {
        case .practice: Array(practices.keys)
        case .partner: Array(partners.keys)
        case .workshop: Array(workshops.keys)
        case .page: Array(pages.keys)
        case .source: Array(sources.keys)
        case .day: []
        }
    }

    var staticFileList: [String] { Array(staticFiles) }
    var partnerTable: [String: Partner] { partners }
    var sourceTable: [String: SourceDocument] { sources }
    var workshopTable: [String: Workshop] { workshops }

    /// "Did you mean ...? Ids are the file names in ...", for a reference to nothing.
    func hint(_ id: String, known: some Collection<String>, folder: String) -> String {
        let nearest = Suggestion.nearest(to: id, in: Array(known))
        return (nearest.map { "Did you mean \($0)? " } ?? "") + "Ids are the file names in \(folder)/ without .md."
    }
}

/// An entry as other entries name it: its kind and id (a day: `<workshop>/day-<n>`).
struct EntryRef: Hashable, Sendable {
    var kind: EntryKind
    var id: String
}

/// The ids one entry's checks read (`Lookups`), collected while they run.
final class ReadLog: Sendable {
    private let refs = Locked<Set<EntryRef>>([])

    func note(_ ref: EntryRef) {
        refs.withLock { _ = $0.insert(ref) }
    }

    /// What was noted since the last call.
    func take() -> Set<EntryRef> {
        refs.withLock { refs in
            defer { refs = [] }
            return refs
        }
    }
}
