/// `fallback:` of site.yaml: what a language's pages do with an entry that has no translation into it.
public enum LanguageFallback: String, Sendable, CaseIterable {
    /// Listed anyway, in its own language (marked with `lang` on its card).
    case show
    /// Listed only on the pages of the languages it is written in.
    case hide
}

extension SiteConfig {
    /// The same settings with the texts of `language`: title, description and every facet and
    /// value label, each falling back to the default language's text where site.yaml gives that
    /// text no version in `language`. `language` and `languages` stay as they are. The texts of
    /// all languages are kept, so a localized config can be localized again.
    public func localized(_ language: String) -> SiteConfig {
        var copy = self
        copy.title = Self.text(titles, in: language, default: self.language) ?? title
        copy.description = Self.text(descriptions, in: language, default: self.language) ?? description
        copy.facets = facets.map { facet in
            var facet = facet
            facet.label = Self.text(facet.labels, in: language, default: self.language) ?? facet.label
            facet.values = facet.values.map { value in
                var value = value
                value.label = Self.text(value.labels, in: language, default: self.language) ?? value.label
                return value
            }
            return facet
        }
        return copy
    }

    /// The text of `language` in a per-language map, else the default language's; nil for a
    /// text that is the same in every language (an empty map).
    private static func text(_ texts: [String: String], in language: String, default defaultLanguage: String) -> String? {
        texts[language] ?? texts[defaultLanguage]
    }
}
