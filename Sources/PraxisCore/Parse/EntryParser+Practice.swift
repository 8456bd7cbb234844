import Foundation

extension EntryParser {
    var practiceSchema: KeySchema { .map(keys(of: .practice)) }

    func practice(_ file: SourceTree.File, problems: inout Problems) -> Practice? {
        entry(file, schema: practiceSchema, problems: &problems) { read, origin in
            let title = read.required("title", example: "Arbeitsmarktintegration in Wuppertal")
            let summary = read.summary(required: true) ?? ""
            let facetValues = facets(&read)
            let place: Place? = read("place")
            read.country(place?.country, key: "place.country")
            let updated: String? = read("updated")
            if let updated, !Validate.isDate(updated) {
                read.problem("updated", "\"\(updated)\" is not a date.", hint: "Write it as YYYY-MM-DD, e.g. 2024-05-31.")
            }
            let year = read.integer("year", in: Limits.year, hint: "Write the year the practice started, e.g. 2016.")
            let contact: Contact? = read("contact")
            read.email(contact?.email, key: "contact.email")
            read.webURL(contact?.url, key: "contact.url")
            var translations: [(lang: String, id: String)] = []
            for (lang, id) in (read("translations", [String: String].self) ?? [:]).sorted(by: { $0.key < $1.key }) {
                read.language(lang, key: "translations.\(lang)")
                read.checkIDs([id], key: "translations.\(lang)", itemPaths: false)
                translations.append((lang, id))
            }
            let tags: [String] = read("tags") ?? []
            return Practice(
                id: file.id, origin: origin, title: title, summary: summary, facetValues: facetValues,
                place: place, partners: read.ids("partners"),
                tags: tags.map { $0.trimmed(.whitespaces) }.filter { !$0.isEmpty },
                year: year, updated: updated, related: read.ids("related"), contact: contact, media: read.media(),
                sources: read.ids("sources"), lang: read.lang() ?? site.language, translations: translations,
                draft: read("draft", Bool.self) ?? false)
        }
    }

    /// The values of every facet site.yaml declares; `fields` is required.
    private func facets(_ read: inout EntryReader) -> [String: [String]] {
        var facetValues: [String: [String]] = [:]
        for facet in site.facets {
            let values: [String] = read(facet.name) ?? []
            for (index, value) in values.enumerated() where facet.label(of: value) == nil {
                let nearest = Suggestion.nearest(to: value, in: facet.values.map(\.id))
                read.problem(facet.name, at: "\(facet.name)[\(index + 1)]", "\"\(value)\" is not a value of \(facet.name) (\(facet.label)).",
                             hint: (nearest.map { "Did you mean \($0)? " } ?? "")
                                 + "Allowed: \(facet.values.map(\.id).joined(separator: ", ")) (declared in content/site.yaml).")
            }
            facetValues[facet.name] = values
        }
        guard let fields = site.facet(named: "fields") else { return facetValues }
        let node = read.front.value(forKey: "fields")
        if node == nil {
            read.problem("fields", "is missing.",
                         hint: "Every practice needs at least one field, e.g. fields: [\(fields.values.first?.id ?? "bildung-sprache")].")
        } else if node?.sequence?.isEmpty == true || node?.null != nil {
            read.problem("fields", "is empty.", hint: "Name at least one field.")
        }
        return facetValues
    }
}
