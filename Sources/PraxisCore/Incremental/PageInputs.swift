/// The inputs of every page (`PageInput`) and their current values, read from one build's site.
///
/// `inputs(of:)` lists what each page function of the Renderer reads, page kind by page kind;
/// `value(of:)` digests each input. Keep both in step with Render/: a page that reads
/// something not listed here would keep its old bytes after that thing changed. The
/// serve tests (ServeTests) compare the served site with a fresh build after long random
/// sequences of edits to catch exactly that.
struct PageInputs: Sendable {
    let site: Site
    let facets: [Facet]
    let staticSizes: [String: Int]
    /// Source file path -> version, changed whenever the file is read again.
    let fileVersions: [String: Int]
    /// Source file path -> version of its rendered body.
    let bodyVersions: [String: Int]
    /// Digest of what `.layout` covers.
    let layoutDigest: Int
    /// Template name -> digest of its text and of every template it pulls in.
    let templateDigests: [String: Int]
    /// The practices the home page shows as the latest (`PageInputs.latest(of:)`).
    let latest: [String]
    /// Facet name -> its place in `facets`; facet name -> value id -> the value's place.
    let facetByName: [String: Int]
    let valueIndex: [String: [String: Int]]

    init(site: Site, facets: [Facet], staticSizes: [String: Int], fileVersions: [String: Int], bodyVersions: [String: Int],
         layoutDigest: Int, templateDigests: [String: Int], latest: [String]) {
        self.latest = latest
        self.site = site
        self.facets = facets
        self.staticSizes = staticSizes
        self.fileVersions = fileVersions
        self.bodyVersions = bodyVersions
        self.layoutDigest = layoutDigest
        self.templateDigests = templateDigests
        facetByName = Dictionary(facets.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        valueIndex = Dictionary(facets.map { facet in
            (facet.name, Dictionary(facet.values.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a }))
        }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: Pages

    /// The file a job writes, as `Renderer.layout` names it.
    static func path(of job: Renderer.Job, facets: [Facet]) -> String {
        let path: String
        switch job {
        case .home: path = SitePaths.home
        case .search: path = SitePaths.search
        case .notFound: return "404.html"
        case .workshopsIndex: path = SitePaths.workshops
        case .sourcesIndex: path = SitePaths.sources
        case .practicesIndex(let page): path = SitePaths.paged(SitePaths.practices, page)
        case .practice(let id): path = SitePaths.practice(id)
        case .partner(let id): path = SitePaths.partner(id)
        case .workshop(let id): path = SitePaths.workshop(id)
        case .day(let workshop, let id): path = SitePaths.day(workshop, id)
        case .page(let id): path = SitePaths.page(id)
        case .source(let id): path = SitePaths.source(id)
        case .facet(let index): path = SitePaths.facet(facets[index].name)
        case .facetValue(let facet, let value, let page):
            path = SitePaths.paged(SitePaths.facetValue(facets[facet].name, facets[facet].values[value].id), page)
        }
        return SitePaths.file(for: path)
    }

    /// What a job is, by names rather than positions: a page keeps its bytes only when the
    /// same kind of page is at its path.
    static func identity(of job: Renderer.Job, facets: [Facet]) -> String {
        switch job {
        case .home: "home"
        case .search: "search"
        case .notFound: "404"
        case .workshopsIndex: "workshops"
        case .sourcesIndex: "sources"
        case .practicesIndex(let page): "practices \(page)"
        case .practice(let id): "practice " + id
        case .partner(let id): "partner " + id
        case .workshop(let id): "workshop " + id
        case .day(let workshop, let id): "day " + workshop + " " + id
        case .page(let id): "page " + id
        case .source(let id): "source " + id
        case .facet(let index): "facet " + facets[index].name
        case .facetValue(let facet, let value, let page): "facet-value \(facets[facet].name) \(facets[facet].values[value].id) \(page)"
        }
    }

    /// Everything the page of `job` reads, in the terms of `PageInput`.
    func inputs(of job: Renderer.Job) -> [PageInput] {
        var inputs: [PageInput] = [.layout]
        func cards(_ ids: some Sequence<String>) { inputs += ids.map { .card($0) } }
        func entry(_ file: String) { inputs += [.file(file), .body(file)] }
        switch job {
        case .home:
            inputs.append(.template("home"))
            inputs += facets.map { .facetSummary($0.name) }
            inputs += [.latest, .workshopList, .practiceCount]
            cards(latest)
        case .search:
            inputs += [.template("search"), .facetNames]
        case .notFound:
            inputs.append(.template("404"))
        case .workshopsIndex:
            inputs += [.template("list"), .workshopList]
        case .sourcesIndex:
            inputs += [.template("list"), .sourceList]
        case .practicesIndex(let page):
            inputs += [.template("list"), .practicesPage(page)]
            cards(practicesOnPage(page))
        case .practice(let id):
            inputs.append(.template("practice"))
            guard let practice = site.practiceByID[id] else { break }
            entry(practice.origin.file)
            for facet in facets where facet.kind == .vocabulary || facet.kind == .tags {
                let ids = facet.kind == .tags ? practice.tags.map(Slug.make) : (practice.facetValues[facet.name] ?? [])
                inputs += ids.map { .facetLabel(facet: facet.name, value: $0) }
            }
            if let code = practice.place?.country, let country = facets.first(where: { $0.kind == .country }) {
                inputs.append(.facetLabel(facet: country.name, value: code.lowercased()))
            }
            inputs += [.daysOfPractice(id), .relatedOf(id)]
            cards(site.relatedOf[id] ?? [])
            cards(practice.translations.map(\.id))
            inputs += practice.partners.map { .partnerLink($0) }
            inputs += practice.sources.map { .sourceLink($0) }
        case .partner(let id):
            inputs.append(.template("partner"))
            guard let partner = site.partnerByID[id] else { break }
            entry(partner.origin.file)
            inputs += [.practicesOfPartner(id), .workshopsOfPartner(id)]
            cards(site.practicesOfPartner[id] ?? [])
        case .workshop(let id):
            inputs.append(.template("workshop"))
            guard let workshop = site.workshopByID[id] else { break }
            entry(workshop.origin.file)
            inputs.append(.daysOfWorkshop(id))
            inputs += workshop.partners.map { .partnerLink($0) }
            inputs += workshop.sources.map { .sourceLink($0) }
        case .day(let workshop, let id):
            inputs.append(.template("day"))
            guard let day = site.days[workshop]?.first(where: { $0.id == id }) else { break }
            entry(day.origin.file)
            inputs += [.workshopTitle(workshop), .daysOfWorkshop(workshop), .dayPractices(workshop: workshop, day: id)]
            inputs += day.materials.compactMap(\.file).map { .staticSize($0) }
            cards(day.practices)
        case .page(let id):
            inputs.append(.template("page"))
            if let page = site.pages.first(where: { $0.id == id }) { entry(page.origin.file) }
        case .source(let id):
            inputs.append(.template("source"))
            guard let source = site.sourceByID[id] else { break }
            entry(source.origin.file)
            inputs.append(.citationsOf(id))
        case .facet(let index):
            inputs += [.template("facet"), .facetSummary(facets[index].name)]
        case .facetValue(let facet, let value, let page):
            let name = facets[facet].name, valueID = facets[facet].values[value].id
            inputs += [.template("facet-value"), .facetPage(facet: name, value: valueID, page: page)]
            cards(slice(facets[facet].values[value].practices, page: page))
        }
        return inputs
    }

    // MARK: Lists as pages cut them

    /// The practices the home page shows as the latest (as `Renderer.home`).
    static func latest(of site: Site) -> [String] {
        AtomFeed.latest(site.practices, count: 10).map(\.id)
    }

    func practicesOnPage(_ page: Int) -> [String] {
        slice(site.practices, page: page).map(\.id)
    }

    func slice<T>(_ items: [T], page: Int) -> ArraySlice<T> {
        let size = site.config.pageSize
        let pagination = Pagination(listPath: "", number: page, count: Pagination.pageCount(items: items.count, size: size))
        return pagination.slice(items, size: size)
    }
}
