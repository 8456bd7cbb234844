/// The practice page: everything a reader needs to judge and copy a practice. What each key of
/// the practice gives to the page is its row's `page` (PracticeFields); the title, summary and
/// language go to the layout, and the workshop days that presented the practice come from them.
extension Renderer {
    func practice(_ practice: Practice) -> OutputFile {
        let path = SitePaths.practice(practice.id)
        let root = SitePaths.root(from: path)
        let days = (site.daysOfPractice[practice.id] ?? []).compactMap { ref -> Record? in
            guard let workshop = site.workshopByID[ref.workshop], let day = site.days[ref.workshop]?.first(where: { $0.id == ref.day }) else { return nil }
            return record(["title": day.title, "motto": day.motto, "workshop": workshop.title,
                            "url": url(root, day.origin.file, SitePaths.day(workshop.id, day.id))])
        }
        var main: PracticeField.Context = ["practice": true, "days": days, "body": site.body(of: practice.origin.file, root: root)]
        for field in PracticeFields.all { field.page?(practice, self, root, &main) }
        var later: [String: Later] = [:]
        let values = compact(main, later: &later)
        return layout(path, template: "practice", title: practice.title, description: practice.summary,
                      crumbs: [(strings["practices"] ?? "Praxisbeispiele", SitePaths.practices)], lang: practice.lang, later: later, values)
    }

    /// The vocabulary facets and the tags, each with the practice's values linked to their pages.
    func facetRows(_ practice: Practice, root: String) -> [Record] {
        var rows: [Record] = []
        for facet in facets where facet.kind == .vocabulary || facet.kind == .tags {
            let ids: [String] = facet.kind == .tags ? practice.tags.map { tag in tagSlugs.piece(tag) { Slug.make(tag) } }
                : (practice.facetValues[facet.name] ?? [])
            let values = ids.compactMap(facet.value(id:)).map { value in
                Record(["label": TextValue(value.label), "url": TextValue(facetURL(facet, value, root: root))])
            }
            if !values.isEmpty { rows.append(Record(["label": TextValue(facet.label), "values": values])) }
        }
        return rows
    }

    /// The country of `place`, linked to its page of the country facet.
    func countryLink(_ place: Place?, root: String) -> Record? {
        guard let code = place?.country, let facet = facets.first(where: { $0.kind == .country }),
              let value = facet.value(id: code.lowercased()) else { return nil }
        return Record(["label": TextValue(value.label), "url": TextValue(facetURL(facet, value, root: root))])
    }

    /// The published translations of a practice, each in its language.
    func translationLinks(_ practice: Practice, root: String) -> [Record] {
        practice.translations.compactMap { translation -> Record? in
            guard let other = site.practiceByID[translation.id] else { return nil }
            return Record(["lang": TextValue(translation.lang), "title": TextValue(other.title), "url": TextValue(url(root, other.origin.file, SitePaths.practice(other.id)))])
        }
    }

    /// "www.youtube.com" from a URL, to tell the reader where a click will take them.
    func host(of url: String) -> String? {
        guard let start = url.range(of: "://") else { return nil }
        return url[start.upperBound...].split(separator: "/").first.map(String.init)
    }
}
