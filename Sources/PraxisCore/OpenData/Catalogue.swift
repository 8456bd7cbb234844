/// `catalogue.json`: the site, the vocabularies of its facets, and every published practice.
struct Catalogue: Sendable {
    struct SiteInfo: Sendable {
        var title: String
        var url: String
        var language: String
    }

    /// A vocabulary of site.yaml, so that ids in the records can be shown with their labels.
    struct Vocabulary: Sendable {
        var label: String
        /// Value id -> label.
        var values: [String: String]
        /// Value ids in site.yaml's order (the display order).
        var order: [String]
    }

    /// Raised when the shape of the file changes in a way readers must know about.
    var version = 1
    var site: SiteInfo
    var facets: [String: Vocabulary]
    /// In order of id: a record keeps its place when its title changes, so versions of the
    /// file compare line by line.
    var practices: [CatalogueRecord]

    /// `records: false` leaves the practices out: the frame `praxis serve` puts its kept
    /// records into.
    init(_ site: Site, records: Bool = true) {
        let config = site.config
        self.site = SiteInfo(title: config.title, url: config.baseURL, language: config.language)
        facets = Dictionary(config.facets.map { vocabulary in
            (vocabulary.name, Vocabulary(label: vocabulary.label,
                                         values: Dictionary(vocabulary.values.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a }),
                                         order: vocabulary.values.map(\.id)))
        }, uniquingKeysWith: { a, _ in a })
        practices = records ? site.practices.sorted { $0.id < $1.id }.map { CatalogueRecord($0, site: site) } : []
    }
}
