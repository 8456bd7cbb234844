/// content/site.yaml: the site's settings and its facet vocabularies. Its texts (`title`,
/// `description`, facet and value labels) are the default language's; `localized(_:)` gives
/// another language's.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String?
    /// Always ends with `/`, e.g. `https://example.org/catalogue/`.
    public var baseURL: String
    public var language: String
    public var languages: [String]
    public var theme: String
    /// Practices per facet value page before it is split into pages (used by themes that paginate).
    public var pageSize: Int
    /// Declared facets in the order site.yaml lists them (display order).
    public var facets: [FacetVocabulary]
    /// Whether an entry without a translation into a language is listed on that language's pages.
    public var fallback: LanguageFallback = .hide
    /// `title` in every language site.yaml gives it in (the default language's included); empty
    /// when it is one text for all languages. `title` itself is the default language's text.
    public var titles: [String: String] = [:]
    /// `description` per language, as `titles`.
    public var descriptions: [String: String] = [:]

    /// The path part of `baseURL`, e.g. `/catalogue/`; `/` at a host's root.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }

    public func facet(named name: String) -> FacetVocabulary? {
        facets.first { $0.name == name }
    }
}

/// One controlled vocabulary of site.yaml, e.g. `fields` with its labelled values.
public struct FacetVocabulary: Sendable {
    public struct Value: Sendable {
        public var id: String
        /// The default language's label (see `SiteConfig.localized` for the others).
        public var label: String
        /// The label in every language site.yaml gives it in; empty when it is one text for all.
        public var labels: [String: String] = [:]
    }

    public var name: String
    /// The default language's label (see `SiteConfig.localized` for the others).
    public var label: String
    public var values: [Value]
    /// The facet's label in every language site.yaml gives it in; empty when it is one text for all.
    public var labels: [String: String] = [:]

    public func label(of id: String) -> String? {
        values.first { $0.id == id }?.label
    }
}
