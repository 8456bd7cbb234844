/// Home, facet overviews and value pages, the indexes of practices, workshops and sources.
extension Renderer {
    func home() -> OutputFile {
        let root = ""
        let entryPoints = facets.map { facet -> Record in
            let top = facet.values.sorted { $0.practices.count > $1.practices.count }.prefix(8)
            // Show the most used values first but keep equal counts in display order.
            let order = Dictionary(facet.values.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let shown = top.sorted { ($0.practices.count, -(order[$0.id] ?? 0)) > ($1.practices.count, -(order[$1.id] ?? 0)) }
            return Record(["label": TextValue(facet.label), "url": TextValue(root + SitePaths.facet(facet.name)), "count": facet.values.count,
                           "values": shown.map { valueLink(facet, $0, root: root) }])
        }
        let latest = site.practices.filter { $0.updated != nil }
            .sorted { ($0.updated!, $1.id) > ($1.updated!, $0.id) }
            .prefix(10).map { Record(practiceCard($0, root: root)) }
        let workshops = site.workshops.map {
            Record(["title": TextValue($0.title), "url": TextValue(url(root, $0.origin.file, SitePaths.workshop($0.id))), "summary": TextValue($0.summary)])
        }
        let main = compact([
            "home": true,
            "practiceCount": site.practices.count,
            "practicesURL": root + SitePaths.practices,
            "facets": entryPoints,
            "latest": Array(latest),
            "workshops": workshops,
        ])
        return layout(SitePaths.home, template: "home", title: site.config.title, description: site.config.description, crumbs: [], main)
    }

    func facetOverview(_ facet: Facet) -> OutputFile {
        let path = SitePaths.facet(facet.name)
        let root = SitePaths.root(from: path)
        let main = compact([
            "facetLabel": facet.label,
            "values": facet.values.map { valueLink(facet, $0, root: root) },
            "valueCount": facet.values.count,
            "emptyText": strings["facet-empty"],
        ])
        return layout(path, template: "facet", title: facet.label, description: nil, crumbs: [], main)
    }

    /// Page `page` of a value's practices; `count` stays the number of all of them.
    func facetValue(_ facet: Facet, _ value: Facet.Value, page: Int) -> OutputFile {
        let size = site.config.pageSize
        let pagination = Pagination(listPath: SitePaths.facetValue(facet.name, value.id), number: page,
                                    count: Pagination.pageCount(items: value.practices.count, size: size))
        let root = SitePaths.root(from: pagination.path)
        let cards = listedCards(ids: Array(pagination.slice(value.practices, size: size)), root: root, heading: "h2")
        let main = compact([
            "facetLabel": facet.label,
            "valueLabel": value.label,
            "count": CountValue(value.practices.count),
            "practices": cards,
            "cards": joinedCards(cards),
            "cardHeading": "h2",
        ])
        return layout(pagination.listPath, template: "facet-value", title: "\(facet.label): \(value.label)", description: nil,
                      crumbs: [(facet.label, SitePaths.facet(facet.name))], pagination: pagination, main)
    }

    func practicesIndex(page: Int) -> OutputFile {
        let size = site.config.pageSize
        let pagination = Pagination(listPath: SitePaths.practices, number: page,
                                    count: Pagination.pageCount(items: site.practices.count, size: size))
        let root = SitePaths.root(from: pagination.path)
        let cards = listedCards(pagination.slice(site.practices, size: size), root: root, heading: "h2")
        let main = compact(["count": CountValue(site.practices.count), "countLabel": strings["count-practices"],
                            "practices": cards, "cards": joinedCards(cards),
                            "cardHeading": "h2"])
        return layout(SitePaths.practices, template: "list", title: strings["practices"] ?? "Praxisbeispiele", description: nil,
                      crumbs: [], pagination: pagination, main)
    }

    func workshopsIndex() -> OutputFile {
        let root = SitePaths.root(from: SitePaths.workshops)
        let items = site.workshops.map { ["title": $0.title, "url": url(root, $0.origin.file, SitePaths.workshop($0.id)), "summary": $0.summary] }
        let cards = listedEntries(items, root: root, heading: "h2")
        let main = compact(["count": items.count, "countLabel": strings["workshops"], "practices": cards, "cards": joinedCards(cards),
                            "cardHeading": "h2"])
        return layout(SitePaths.workshops, template: "list", title: strings["workshops"] ?? "Workshops", description: nil, crumbs: [], main)
    }

    func sourcesIndex() -> OutputFile {
        let root = SitePaths.root(from: SitePaths.sources)
        let items = site.sources.map { source in
            compact(["title": source.title, "url": root + SitePaths.source(source.id),
                     "summary": [source.publisher, source.author, source.date.map(format.date)].compactMap { $0 }.joined(separator: " · ")])
        }
        let cards = listedEntries(items, root: root, heading: "h2")
        let main = compact(["count": items.count, "countLabel": strings["sources"], "practices": cards, "cards": joinedCards(cards),
                            "cardHeading": "h2"])
        return layout(SitePaths.sources, template: "list", title: strings["sources"] ?? "Quellen", description: nil, crumbs: [], main)
    }

    func source(_ source: SourceDocument) -> OutputFile {
        let path = SitePaths.source(source.id)
        let root = SitePaths.root(from: path)
        let citations = (site.citationsOf[source.id] ?? []).map { Record(["title": TextValue($0.title), "url": TextValue(root + up + $0.url)]) }
        let main = compact([
            "publisher": source.publisher, "author": source.author, "date": source.date.map(format.date),
            "lang": source.lang, "external": source.url, "citations": citations,
            "body": site.body(of: source.origin.file, root: root),
        ])
        return layout(path, template: "source", title: source.title, description: nil,
                      crumbs: [(strings["sources"] ?? "Quellen", SitePaths.sources)], main)
    }

    func page(_ page: Page) -> OutputFile {
        let path = SitePaths.page(page.id)
        let root = SitePaths.root(from: path)
        let main = compact(["summary": page.summary, "body": site.body(of: page.origin.file, root: root)])
        return layout(path, template: "page", title: page.title, description: page.summary, crumbs: [], lang: page.lang, main)
    }

    func searchPage() -> OutputFile {
        let root = SitePaths.root(from: SitePaths.search)
        let facetLinks = facets.map { Record(["label": TextValue($0.label), "url": TextValue(root + SitePaths.facet($0.name))]) }
        let main = compact(["index": root + "search.json", "facetLinks": facetLinks])
        return layout(SitePaths.search, template: "search", title: strings["search"] ?? "Suche", description: nil, crumbs: [], main)
    }

    /// Served for any missing URL, at any depth: its links start at the site's base path.
    func notFound() -> OutputFile {
        let main = compact(["practicesURL": site.config.basePath + SitePaths.practices])
        return layout("404.html", template: "404", title: strings["not-found"] ?? "Seite nicht gefunden", description: nil,
                      crumbs: [], rootOverride: site.config.basePath, main)
    }
}
