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
    private let facetByName: [String: Int]
    private let valueIndex: [String: [String: Int]]

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

    // MARK: Values

    /// A digest of the input's current value; equal digests mean an unchanged input.
    func value(of input: PageInput) -> Int {
        var hasher = Hasher()
        switch input {
        case .layout:
            hasher.combine(layoutDigest)
        case .template(let name):
            hasher.combine(templateDigests[name])
        case .file(let path):
            hasher.combine(fileVersions[path])
        case .body(let path):
            hasher.combine(bodyVersions[path])
            hasher.combine(site.linkTargets[path])
        case .card(let id):
            guard let practice = site.practiceByID[id] else { break }
            hasher.combine(practice.id)
            hasher.combine(practice.title)
            hasher.combine(practice.summary)
            hasher.combine(practice.place?.municipality)
            hasher.combine(practice.place?.state)
            hasher.combine(practice.place?.country)
            hasher.combine(practice.lang)
            hasher.combine(practice.updated)
        case .partnerLink(let id):
            guard let partner = site.partnerByID[id] else { break }
            hasher.combine(partner.title)
            hasher.combine(partner.short)
            hasher.combine(partner.summary)
        case .sourceLink(let id):
            guard let source = site.sourceByID[id] else { break }
            hasher.combine(source.title)
            hasher.combine(source.publisher)
            hasher.combine(source.date)
            hasher.combine(source.url)
        case .workshopTitle(let id):
            hasher.combine(site.workshopByID[id]?.title)
        case .relatedOf(let id):
            hasher.combine(site.relatedOf[id])
        case .daysOfPractice(let id):
            for ref in site.daysOfPractice[id] ?? [] {
                hasher.combine(ref.workshop)
                hasher.combine(ref.day)
                hasher.combine(site.workshopByID[ref.workshop]?.title)
                let day = site.days[ref.workshop]?.first { $0.id == ref.day }
                hasher.combine(day?.title)
                hasher.combine(day?.motto)
            }
        case .practicesOfPartner(let id):
            // The partner page groups its practices by field of action: the fields' labels
            // and order, and each practice's fields.
            let ids = site.practicesOfPartner[id] ?? []
            hasher.combine(ids)
            if let fields = facetByName["fields"].map({ facets[$0] }) {
                for value in fields.values {
                    hasher.combine(value.id)
                    hasher.combine(value.label)
                }
                for practice in ids { hasher.combine(site.practiceByID[practice]?.facetValues["fields"]) }
            }
        case .workshopsOfPartner(let id):
            for workshop in site.workshopsOfPartner[id] ?? [] {
                hasher.combine(workshop)
                hasher.combine(site.workshopByID[workshop]?.title)
                hasher.combine(site.workshopByID[workshop]?.summary)
            }
        case .citationsOf(let id):
            for citation in site.citationsOf[id] ?? [] {
                hasher.combine(citation.url)
                hasher.combine(citation.title)
            }
        case .daysOfWorkshop(let id):
            for day in site.days[id] ?? [] {
                hasher.combine(day.id)
                hasher.combine(day.title)
                hasher.combine(day.motto)
                hasher.combine(day.day)
                hasher.combine(day.summary)
            }
        case .dayPractices(let workshop, let id):
            hasher.combine(site.days[workshop]?.first { $0.id == id }?.practices)
        case .facetSummary(let name):
            guard let facet = facetByName[name].map({ facets[$0] }) else { break }
            hasher.combine(facet.label)
            for value in facet.values {
                hasher.combine(value.id)
                hasher.combine(value.label)
                hasher.combine(value.practices.count)
            }
        case .facetLabel(let name, let valueID):
            guard let facet = facetByName[name], let value = valueIndex[name]?[valueID] else { break }
            hasher.combine(facets[facet].values[value].label)
        case .facetPage(let name, let valueID, let page):
            guard let facet = facetByName[name], let index = valueIndex[name]?[valueID] else { break }
            let value = facets[facet].values[index]
            hasher.combine(facets[facet].label)
            hasher.combine(value.label)
            hasher.combine(value.practices.count)
            for id in slice(value.practices, page: page) { hasher.combine(id) }
        case .practicesPage(let page):
            hasher.combine(site.practices.count)
            for id in practicesOnPage(page) { hasher.combine(id) }
        case .latest:
            hasher.combine(latest)
        case .practiceCount:
            hasher.combine(site.practices.count)
        case .workshopList:
            for workshop in site.workshops {
                hasher.combine(workshop.id)
                hasher.combine(workshop.title)
                hasher.combine(workshop.summary)
            }
        case .sourceList:
            for source in site.sources {
                hasher.combine(source.id)
                hasher.combine(source.title)
                hasher.combine(source.publisher)
                hasher.combine(source.author)
                hasher.combine(source.date)
            }
        case .facetNames:
            for facet in facets {
                hasher.combine(facet.name)
                hasher.combine(facet.label)
            }
        case .staticSize(let path):
            hasher.combine(staticSizes[path])
        }
        return hasher.finalize()
    }

    // MARK: Lists as pages cut them

    /// The practices the home page shows as the latest (as `Renderer.home`).
    static func latest(of site: Site) -> [String] {
        AtomFeed.latest(site.practices, count: 10).map(\.id)
    }

    func practicesOnPage(_ page: Int) -> [String] {
        slice(site.practices, page: page).map(\.id)
    }

    private func slice<T>(_ items: [T], page: Int) -> ArraySlice<T> {
        let size = site.config.pageSize
        let pagination = Pagination(listPath: "", number: page, count: Pagination.pageCount(items: items.count, size: size))
        return pagination.slice(items, size: size)
    }
}
