/// content/site.yaml: the site's settings and its facet vocabularies.
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
    /// Whether an entry without a translation is listed in the other languages.
    public var fallback: LanguageFallback = .hide

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
        public var label: String
    }

    public var name: String
    public var label: String
    public var values: [Value]

    public func label(of id: String) -> String? {
        values.first { $0.id == id }?.label
    }
}

/// `fallback:` of site.yaml.
public enum LanguageFallback: String, Sendable {
    case show, hide
}

extension SiteConfig {
    /// Placeholder until site.yaml texts per language are read: the same texts in every language.
    public func localized(_ language: String) -> SiteConfig { self }
}
