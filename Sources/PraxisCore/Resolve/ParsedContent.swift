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

    /// Every entry's origin, to render bodies in a fixed order.
    var origins: [EntryOrigin] {
        practices.map(\.origin) + partners.map(\.origin) + workshops.map(\.origin)
            + days.keys.sorted().flatMap { days[$0]!.map(\.origin) } + pages.map(\.origin) + sources.map(\.origin)
    }
}
