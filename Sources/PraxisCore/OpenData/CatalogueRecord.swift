/// One published practice as open data: every front-matter key, its absolute URL, and its
/// partners resolved. Every key is always written (null or [] when the entry leaves it out),
/// so that a program reading the file sees one shape for every record. What each key holds is
/// its row's `record` (PracticeFields).
struct CatalogueRecord: Sendable {
    struct PartnerReference: Sendable {
        var id: String
        var title: String
        /// The partner's page on this site, absolute.
        var url: String
        /// The organisation's own website, `url` in its front matter.
        var website: String?
    }

    /// A key's value, as catalogue.json writes it and catalogue.csv spreads it over its columns.
    enum Value: Sendable {
        /// A string, or null.
        case text(String?)
        /// A list of strings; one cell, joined with "; ".
        case texts([String])
        /// A whole number, or null.
        case number(Int?)
        case flag(Bool)
        /// A map, or null; a cell for each of its row's subkeys.
        case map([String: String?]?)
        case partners([PartnerReference])
        /// A cell of their addresses (a file as the absolute URL it is published at).
        case media([[String: String?]])
        /// Language -> practice id; one cell of "lang: id".
        case translations([String: String])
    }

    var id: String
    /// The translation group: the id of the default language's version of the practice, the
    /// same for all its versions (`x.md`, `x.en.md`, or one a `translations:` key names).
    var group: String
    var url: String
    /// Values of every facet site.yaml declares, in its order; each is a key of the record.
    var facets: [(name: String, values: [String])]
    /// The values of `PracticeFields.published`, in its order.
    var values: [Value]

    /// `practice` as published in `site`: references to practices that are not published
    /// (drafts) are left out, as on its page.
    init(_ practice: Practice, site: Site) {
        id = practice.id
        group = practice.translations.first { $0.lang == site.config.language }?.id ?? practice.id
        url = site.config.baseURL + site.prefix(ofFile: practice.origin.file) + SitePaths.practice(practice.id)
        facets = site.config.facets.map { ($0.name, practice.facetValues[$0.name] ?? []) }
        values = PracticeFields.published.map { $0.record.value(practice, site) }
    }
}
