/// Everything stage "parse" produced: typed entries, drafts included, not yet linked.
struct ParsedContent: Sendable {
    var config: SiteConfig
    var practices: [Practice] = []
    var partners: [Partner] = []
    var workshops: [Workshop] = []
    var days: [String: [WorkshopDay]] = [:]
    var pages: [Page] = []
    var sources: [SourceDocument] = []
    var staticFiles: [String] = []
    var staticSizes: [String: Int] = [:]
    /// Ids of every entry file found, parsed or not. A reference to an entry whose file has
    /// problems of its own is not reported a second time as a reference to nothing.
    var fileIDs: [EntryKind: Set<String>] = [:]
    /// Day ids (`day-<n>`) of every workshop folder, parsed or not.
    var dayFileIDs: [String: [String]] = [:]
    /// Problems found while parsing; resolving goes on so that one build reports everything.
    var problems = Problems()

    /// Every entry's origin, to render bodies in a fixed order.
    var origins: [EntryOrigin] {
        practices.map(\.origin) + partners.map(\.origin) + workshops.map(\.origin)
            + days.keys.sorted().flatMap { days[$0]!.map(\.origin) } + pages.map(\.origin) + sources.map(\.origin)
    }
}
