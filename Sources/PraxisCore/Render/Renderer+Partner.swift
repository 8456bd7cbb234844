/// The partner page: what the organisation is, and its practices grouped by field of action.
extension Renderer {
    func partner(_ partner: Partner) -> OutputFile {
        let path = SitePaths.partner(partner.id)
        let root = SitePaths.root(from: path)
        let practiceIDs = site.practicesOfPartner[partner.id] ?? []
        var groups: [Record] = []
        if let fields = facets.first(where: { $0.name == "fields" }) {
            for value in fields.values {
                let members = practiceIDs.filter { site.practiceByID[$0]?.facetValues["fields"]?.contains(value.id) == true }
                if !members.isEmpty {
                    let cards = listedCards(ids: members, root: root, heading: "h4")
                    var group: [String: Any] = ["label": TextValue(value.label), "url": TextValue(facetURL(fields, value, root: root)), "practices": cards]
                    group["cards"] = joinedCards(cards)
                    groups.append(Record(group))
                }
            }
        }
        let workshops = (site.workshopsOfPartner[partner.id] ?? []).compactMap { site.workshopByID[$0] }.map {
            Record(["title": TextValue($0.title), "url": TextValue(url(root, $0.origin.file, SitePaths.workshop($0.id))), "summary": TextValue($0.summary)])
        }
        let main = compact([
            "partner": true,
            "summary": partner.summary,
            "short": partner.short,
            "kind": partner.kind.map { strings["kind-\($0)"] ?? $0 },
            "country": partner.country.map { CountryNames.name(of: $0, language: site.pageLanguage) },
            "website": partner.url,
            "practiceCount": practiceIDs.isEmpty ? nil : CountValue(practiceIDs.count),
            "groups": groups,
            "workshops": workshops,
            "cardHeading": "h4",
            "body": site.body(of: partner.origin.file, root: root),
        ])
        return layout(path, template: "partner", title: partner.title, description: partner.summary,
                    crumbs: [(strings["partners"] ?? "Partner", SitePaths.facet("partners"))], lang: partner.lang, main)
    }
}
