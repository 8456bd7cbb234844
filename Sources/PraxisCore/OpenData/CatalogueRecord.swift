/// One published practice as open data: every front-matter key, its absolute URL, and its
/// partners resolved. Every key is always written (null or [] when the entry leaves it out),
/// so that a program reading the file sees one shape for every record.
struct CatalogueRecord: Sendable {
    struct PartnerReference: Sendable {
        var id: String
        var title: String
        /// The partner's page on this site, absolute.
        var url: String
        /// The organisation's own website, `url` in its front matter.
        var website: String?

    }

    var id: String
    var url: String
    var title: String
    var summary: String
    /// Values of every facet site.yaml declares, in its order; each is a key of the record.
    var facets: [(name: String, values: [String])]
    var place: [String: String?]?
    var partners: [PartnerReference]
    var tags: [String]
    var year: Int?
    var updated: String?
    var related: [String]
    var contact: [String: String?]?
    var media: [[String: String?]]
    var sources: [String]
    var lang: String
    /// Language -> practice id.
    var translations: [String: String]
    var draft: Bool

    /// `practice` as published in `site`: references to practices that are not published
    /// (drafts) are left out, as on its page.
    init(_ practice: Practice, site: Site) {
        let baseURL = site.config.baseURL
        id = practice.id
        url = baseURL + SitePaths.practice(practice.id)
        title = practice.title
        summary = practice.summary
        facets = site.config.facets.map { ($0.name, practice.facetValues[$0.name] ?? []) }
        place = practice.place.map { ["municipality": $0.municipality, "state": $0.state, "country": $0.country] }
        partners = practice.partners.compactMap { site.partnerByID[$0] }.map {
            PartnerReference(id: $0.id, title: $0.title, url: baseURL + SitePaths.partner($0.id), website: $0.url)
        }
        tags = practice.tags
        year = practice.year
        updated = practice.updated
        related = practice.related.filter { site.practiceByID[$0] != nil }
        contact = practice.contact.map { ["name": $0.name, "role": $0.role, "email": $0.email, "url": $0.url] }
        media = practice.media.map { ["type": $0.type, "url": $0.url, "file": $0.file, "title": $0.title, "credit": $0.credit] }
        sources = practice.sources
        lang = practice.lang
        translations = Dictionary(practice.translations.filter { site.practiceByID[$0.id] != nil }.map { ($0.lang, $0.id) },
                                  uniquingKeysWith: { first, _ in first })
        draft = practice.draft
    }
}
