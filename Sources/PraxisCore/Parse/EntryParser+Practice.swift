import Foundation

extension EntryParser {
    var practiceSchema: KeySchema { .map(keys(of: .practice)) }

    /// Each key is read and checked by its row of `PracticeFields`.
    func practice(_ file: SourceTree.File, problems: inout Problems) -> Practice? {
        entry(file, schema: practiceSchema, problems: &problems) { read, origin in
            var fields = Practice.Fields(id: file.id, origin: origin, lang: site.language)
            for field in PracticeFields.all { field.read(&read, &fields, site) }
            return Practice(fields)
        }
    }
}

/// The keys of a practice that take more than a line of its row to read.
extension EntryReader {
    /// The values of every facet site.yaml declares; `fields` is required.
    mutating func facets(of site: SiteConfig) -> [String: [String]] {
        var facetValues: [String: [String]] = [:]
        for facet in site.facets {
            let values: [String] = self(facet.name) ?? []
            for (index, value) in values.enumerated() where facet.label(of: value) == nil {
                let nearest = Suggestion.nearest(to: value, in: facet.values.map(\.id))
                problem(facet.name, at: "\(facet.name)[\(index + 1)]", "\"\(value)\" is not a value of \(facet.name) (\(facet.label)).",
                        hint: (nearest.map { "Did you mean \($0)? " } ?? "")
                            + "Allowed: \(facet.values.map(\.id).joined(separator: ", ")) (declared in content/site.yaml).")
            }
            facetValues[facet.name] = values
        }
        guard let fields = site.facet(named: "fields") else { return facetValues }
        let node = front.value(forKey: "fields")
        if node == nil {
            problem("fields", "is missing.",
                    hint: "Every practice needs at least one field, e.g. fields: [\(fields.values.first?.id ?? "bildung-sprache")].")
        } else if node?.sequence?.isEmpty == true || node?.null != nil {
            problem("fields", "is empty.", hint: "Name at least one field.")
        }
        return facetValues
    }

    /// `translations:`, language -> practice id, in the order of the languages.
    mutating func translations() -> [(lang: String, id: String)] {
        var translations: [(lang: String, id: String)] = []
        for (lang, id) in (self("translations", [String: String].self) ?? [:]).sorted(by: { $0.key < $1.key }) {
            language(lang, key: "translations.\(lang)")
            checkIDs([id], key: "translations.\(lang)", itemPaths: false)
            translations.append((lang, id))
        }
        return translations
    }
}
