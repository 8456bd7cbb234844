import Foundation
import Mustache

/// Stage "pages": a page of the site through the theme's templates. Each page is a pure
/// function of the model, so pages are rendered in any order, on any core, or when asked for
/// (`SiteMap`).
struct Renderer: Sendable {
    /// What every page is made from (`SiteModel`); the page functions read it through the
    /// names below.
    let model: SiteModel
    var site: Site { model.site }
    var facets: [Facet] { model.facets }
    var theme: Theme { model.theme }
    var strings: [String: String] { model.strings }
    var staticSizes: [String: Int] { model.staticSizes }
    /// Dates, prices and sizes in the site's language; made once, not per page.
    let format: Format
    /// The site menu's entries (label, root-relative path), the same on every page.
    let navEntries: [(label: String, path: String)]
    /// Whether the theme renders the shared pieces of Renderer+Fragments through templates of their own.
    let hasSiteHeader: Bool
    let hasSiteFooter: Bool
    let hasPracticeCard: Bool
    let hasRelatedCard: Bool
    let hasLanguageSwitch: Bool
    /// Whether a card is rendered once for every root (`CardRoot`).
    let cardsShareRoots: Bool
    /// Those pieces, once rendered.
    let fragments = FragmentCache<String>()
    /// Cards rendered once for every root, cut at the root's marker (`CardRoot`).
    let sharedCards = FragmentCache<[String]>()
    /// The slug of each tag as written, made once per build: the same tags recur on thousands of
    /// practice pages, and `Slug.make` reads a tag Character by Character.
    let tagSlugs = FragmentCache<String>()
    /// The theme's templates with this build's interface texts written in (Theme+InlinedStrings).
    let library: MustacheLibrary

    /// The site's trees, one per language, with the pages each has (SiteMap); empty while the
    /// maps are made, and for a site of one language.
    var trees: [LanguageTree] = []
    /// The way from this tree's root to the site root: "" or "../".
    let up: String

    init(_ model: SiteModel) {
        self.model = model
        up = model.site.up
        format = Format(strings: model.strings, language: model.site.pageLanguage)
        navEntries = Self.navEntries(site: model.site, facets: model.facets, strings: model.strings)
        library = model.library
        hasSiteHeader = library.getTemplate(named: "site-header") != nil
        hasSiteFooter = library.getTemplate(named: "site-footer") != nil
        hasPracticeCard = library.getTemplate(named: "practice-card") != nil
        hasRelatedCard = library.getTemplate(named: "related-card") != nil
        hasLanguageSwitch = library.getTemplate(named: "language-switch") != nil
        cardsShareRoots = hasPracticeCard && CardRoot.isPrintedAsIs(model.theme.templateTexts["practice-card"] ?? CardRoot.marker)
    }

    /// One page to render; `TreeMap.path(of:)` names its file below the tree's prefix.
    enum Job: Sendable {
        case home, search, notFound, workshopsIndex, sourcesIndex
        case practice(String), partner(String), workshop(String), day(String, String), page(String), source(String)
        case facet(Int)
        /// Long lists, one job per page (1-based).
        case practicesIndex(page: Int), facetValue(Int, Int, page: Int)
    }

    var jobs: [Job] {
        let pageSize = site.config.pageSize
        // One 404 page for the whole site, in the default language: a host serves one.
        var jobs: [Job] = site.prefix.isEmpty ? [.home, .search, .notFound, .workshopsIndex, .sourcesIndex]
            : [.home, .search, .workshopsIndex, .sourcesIndex]
        jobs += (1...Pagination.pageCount(items: site.practices.count, size: pageSize)).map { .practicesIndex(page: $0) }
        // Entries a tree took from the default language have their pages there.
        let own = site.fallbackFiles.isEmpty ? nil : site.fallbackFiles
        jobs += site.practices.lazy.filter { own?.contains($0.origin.file) != true }.map { .practice($0.id) }
        jobs += site.partners.lazy.filter { own?.contains($0.origin.file) != true }.map { .partner($0.id) }
        for workshop in site.workshops {
            if own?.contains(workshop.origin.file) != true { jobs.append(.workshop(workshop.id)) }
            jobs += (site.days[workshop.id] ?? []).lazy.filter { own?.contains($0.origin.file) != true }.map { .day(workshop.id, $0.id) }
        }
        // A translated day of a workshop whose index is not translated (and not listed here) has its page too.
        if let own {
            let listed = Set(site.workshops.map(\.id))
            for (workshop, days) in site.days.sorted(by: { $0.key < $1.key }) where !listed.contains(workshop) && site.workshopByID[workshop] != nil {
                jobs += days.lazy.filter { !own.contains($0.origin.file) }.map { .day(workshop, $0.id) }
            }
        }
        jobs += site.pages.lazy.filter { own?.contains($0.origin.file) != true }.map { .page($0.id) }
        jobs += site.sources.map { .source($0.id) }
        for (index, facet) in facets.enumerated() {
            jobs.append(.facet(index))
            if facet.kind != .partners {
                for (valueIndex, value) in facet.values.enumerated() {
                    jobs += (1...Pagination.pageCount(items: value.practices.count, size: pageSize)).map {
                        .facetValue(index, valueIndex, page: $0)
                    }
                }
            }
        }
        return jobs
    }

    func render(_ job: Job) -> OutputFile {
        switch job {
        case .home: return home()
        case .search: return searchPage()
        case .notFound: return notFound()
        case .practicesIndex(let page): return practicesIndex(page: page)
        case .workshopsIndex: return workshopsIndex()
        case .sourcesIndex: return sourcesIndex()
        case .practice(let id): return practice(site.practiceByID[id]!)
        case .partner(let id): return partner(site.partnerByID[id]!)
        case .workshop(let id): return workshop(site.workshopByID[id]!)
        case .day(let workshop, let id): return day(site.workshopByID[workshop]!, site.days[workshop]!.first { $0.id == id }!)
        case .page(let id): return page(site.pages.first { $0.id == id }!)
        case .source(let id): return source(site.sourceByID[id]!)
        case .facet(let index): return facetOverview(facets[index])
        case .facetValue(let facet, let value, let page): return facetValue(facets[facet], facets[facet].values[value], page: page)
        }
    }

    /// Wraps a page's own context in what every page has (navigation, breadcrumbs, links
    /// back to the root) and renders `template`. A page of a long list passes its
    /// `pagination`: pages after the first are at their own path, named "Seite n von m" in
    /// the title and the breadcrumbs, below the list's first page.
    func layout(_ path: String, template: String, title: String, description: String?, crumbs: [(String, String)],
                lang: String? = nil, rootOverride: String? = nil, pagination: Pagination? = nil, later: [String: Later] = [:],
                _ main: consuming [String: Any]) -> OutputFile {
        let path = pagination?.path ?? path
        let root = rootOverride ?? SitePaths.root(from: path)
        var crumbs = crumbs
        var current = title
        // The page's own values, with room for the ~20 of every page: growing the table rehashes it.
        var context = main
        context.reserveCapacity(context.count + 24)
        if let pagination {
            let status = pageStatus(pagination)
            context["pager"] = pager(pagination, root: root, status: status)
            if pagination.number > 1 {
                crumbs.append((title, pagination.listPath))
                current = status
            }
        }
        context["root"] = TextValue(root)
        // Cards sit one level below the heading of their list; pages that list them right
        // under the h1 set "h2", the partner page (h2 section, h3 field) sets "h4".
        if context["cardHeading"] == nil { context["cardHeading"] = TextValue("h3") }
        context["lang"] = TextValue(lang ?? site.pageLanguage)
        context["t"] = strings
        context["site"] = siteContext(root: root)
        context["title"] = TextValue(title)
        context["documentTitle"] = TextValue(path.isEmpty ? site.config.title
            : current == title ? "\(title) – \(site.config.title)" : "\(title) – \(current) – \(site.config.title)")
        if let description = description ?? site.config.description { context["description"] = TextValue(description) }
        context["canonical"] = TextValue(site.config.baseURL + site.prefix + path)
        context["css"] = TextValue(root + up + "assets/praxis.css")
        context["js"] = TextValue(root + up + "assets/praxis.js")
        context["feed"] = TextValue(root + "feed.xml")
        context["searchURL"] = TextValue(root + SitePaths.search)
        if let (versions, key) = languageVersions(path, root: root) {
            context["alternates"] = alternates(versions, path: path)
            if let rendered = languageSwitch(versions, key: key, root: root) {
                context["languageSwitch"] = TextValue(rendered)
            } else {
                context["languageLinks"] = languageLinks(versions)
                context["hasLanguages"] = true
            }
        }
        if let header = siteHeader(root: root, current: path) {
            context["siteHeader"] = TextValue(header)
        } else {
            context["nav"] = navigation(root: root, current: path)
        }
        context["footerPages"] = footerPages(root: root)
        if let footer = siteFooter(root: root) { context["siteFooter"] = TextValue(footer) }
        if !path.isEmpty {
            var trail = [Record(["label": TextValue(strings["home"] ?? "Start"), "url": TextValue(root.isEmpty ? "./" : root)])]
            trail.reserveCapacity(crumbs.count + 2)
            for (label, crumbPath) in crumbs { trail.append(Record(["label": TextValue(label), "url": TextValue(root + crumbPath)])) }
            trail.append(Record(["label": TextValue(current), "current": true]))
            context["breadcrumbs"] = trail
            context["breadcrumbsCount"] = CountValue(trail.count)
        }
        let html = library.render(Record(context, later: later), withTemplate: template) ?? ""
        return OutputFile(path: site.prefix + (path.hasSuffix(".html") ? path : SitePaths.file(for: path)), text: html)
    }

    /// `compact` as a `Record`, for a value inside a page's context.
    func record(_ values: [String: Any?]) -> Record { Record(compact(values)) }

    /// A dictionary without the nil values, so Mustache sections see absent keys, not empty ones.
    func compact(_ values: [String: Any?]) -> [String: Any] {
        var later: [String: Later] = [:]
        return compact(values, later: &later)
    }

    /// `compact`, with the values to be made only when asked for (`Later`) put into `later`.
    func compact(_ values: [String: Any?], later: inout [String: Later]) -> [String: Any] {
        var result: [String: Any] = [:]
        result.reserveCapacity(values.count + 4)
        for (key, value) in values {
            guard let value else { continue }
            // Most values are text: one cast settles them. (Asking lists `as? [Any]` would copy
            // them, boxing every entry.)
            if let text = value as? String {
                if !text.isEmpty { result[key] = TextValue(text) }
                continue
            }
            if let list = value as? any ListValue {
                if list.count == 0 { continue }
                // Mustache cannot ask a list for its size: `{{#relatedCount}}` wraps a non-empty list.
                result[key + "Count"] = CountValue(list.count)
                if let list = list.later {
                    later[key] = list
                    continue
                }
            }
            result[key] = value
        }
        return result
    }
}

/// A list in a page's context, whatever its elements.
protocol ListValue {
    var count: Int { get }
    /// The list as a `Later`, if it is one. (Asked rather than cast: casting an Array to a class
    /// bridges it to an NSArray first.)
    var later: Later? { get }
}

extension ListValue {
    var later: Later? { nil }
}

extension Array: ListValue {}
