/// The practice page: everything a reader needs to judge and copy a practice.
extension Renderer {
    func practice(_ practice: Practice) -> OutputFile {
        let path = SitePaths.practice(practice.id)
        let root = SitePaths.root(from: path)
        var facetRows: [[String: Any]] = []
        for facet in facets where facet.kind == .vocabulary || facet.kind == .tags {
            let ids: [String] = facet.kind == .tags ? practice.tags.map(Slug.make) : (practice.facetValues[facet.name] ?? [])
            let values = ids.compactMap(facet.value(id:)).map { value in
                ["label": TextValue(value.label), "url": TextValue(root + facet.url(of: value))]
            }
            if !values.isEmpty { facetRows.append(["label": TextValue(facet.label), "values": values]) }
        }
        let days = (site.daysOfPractice[practice.id] ?? []).compactMap { ref -> [String: Any]? in
            guard let workshop = site.workshopByID[ref.workshop], let day = site.days[ref.workshop]?.first(where: { $0.id == ref.day }) else { return nil }
            return compact(["title": day.title, "motto": day.motto, "workshop": workshop.title,
                            "url": root + SitePaths.day(workshop.id, day.id)])
        }
        let translations = practice.translations.compactMap { translation -> [String: Any]? in
            guard let other = site.practiceByID[translation.id] else { return nil }
            return ["lang": TextValue(translation.lang), "title": TextValue(other.title), "url": TextValue(root + SitePaths.practice(other.id))]
        }
        var country: [String: Any]?
        if let code = practice.place?.country, let facet = facets.first(where: { $0.kind == .country }),
           let value = facet.value(id: code.lowercased()) {
            country = ["label": TextValue(value.label), "url": TextValue(root + facet.url(of: value))]
        }
        let contact = practice.contact.map {
            compact(["name": $0.name, "role": $0.role, "email": $0.email, "url": $0.url])
        }
        let main = compact([
            "practice": true,
            "summary": practice.summary,
            "place": placeText(practice.place),
            "municipality": practice.place?.municipality,
            "country": country,
            "facets": facetRows,
            "partners": partnerLinks(practice.partners, root: root),
            "related": practiceCards(site.relatedOf[practice.id] ?? [], root: root),
            "days": days,
            "contact": contact.flatMap { $0.isEmpty ? nil : $0 },
            "media": mediaItems(practice.media, root: root),
            "sources": sourceLinks(practice.sources, root: root),
            "year": practice.year.map(String.init),
            "updated": practice.updated.map(format.date),
            "updatedISO": practice.updated,
            "translations": translations,
            "draft": practice.draft ? true : nil,
            "body": site.body(of: practice.origin.file, root: root),
        ])
        return layout(path, template: "practice", title: practice.title, description: practice.summary,
                    crumbs: [(strings["practices"] ?? "Praxisbeispiele", SitePaths.practices)], lang: practice.lang, main)
    }

    /// "www.youtube.com" from a URL, to tell the reader where a click will take them.
    func host(of url: String) -> String? {
        guard let start = url.range(of: "://") else { return nil }
        return url[start.upperBound...].split(separator: "/").first.map(String.init)
    }
}
