/// One published practice as open data: every front-matter key, its absolute URL, and its
/// partners resolved. Every key is always written (null or [] when the entry leaves it out),
/// so that a program reading the file sees one shape for every record.
struct CatalogueRecord: Encodable {
    struct PartnerReference: Encodable {
        var id: String
        var title: String
        /// The partner's page on this site, absolute.
        var url: String
        /// The organisation's own website, `url` in its front matter.
        var website: String?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            try container.encode(id, forKey: "id")
            try container.encode(title, forKey: "title")
            try container.encode(url, forKey: "url")
            try container.encode(website, forKey: "website")
        }
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

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        // Facets first: should a facet share its name with a key below, the key below wins.
        for facet in facets { try container.encode(facet.values, forKey: DynamicKey(facet.name)) }
        try container.encode(id, forKey: "id")
        try container.encode(url, forKey: "url")
        try container.encode(title, forKey: "title")
        try container.encode(summary, forKey: "summary")
        try container.encode(place, forKey: "place")
        try container.encode(partners, forKey: "partners")
        try container.encode(tags, forKey: "tags")
        try container.encode(year, forKey: "year")
        try container.encode(updated, forKey: "updated")
        try container.encode(related, forKey: "related")
        try container.encode(contact, forKey: "contact")
        try container.encode(media, forKey: "media")
        try container.encode(sources, forKey: "sources")
        try container.encode(lang, forKey: "lang")
        try container.encode(translations, forKey: "translations")
        try container.encode(draft, forKey: "draft")
    }
}

/// A JSON key known only at run time (facet names come from site.yaml).
struct DynamicKey: CodingKey, ExpressibleByStringLiteral {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init(stringLiteral name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
