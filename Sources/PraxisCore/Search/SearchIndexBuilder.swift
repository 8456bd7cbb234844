import Foundation

/// Stage "search": every published entry with its words and facet values.
enum SearchIndexBuilder {
    /// What to index of one entry, by field.
    struct Source: Sendable, Equatable {
        var document: SearchIndex.Document
        var title: String
        /// Summary and facts line: what a result shows under its title.
        var summary: String
        /// The entry's file, whose body text is the third field, and more text to search as body.
        var file: String
        var moreBody: String
    }

    static func build(_ site: Site, facets: [Facet], typeLabels: [String: String], typeFacetLabel: String) async -> SearchIndex {
        let sources = await self.sources(site, countryLanguage: site.pageLanguage)
        var words = WordTable()
        let tables = await SearchTables.read(sources, bodies: site.bodies, words: &words)
        return SearchIndex(words: words, tables: tables,
                           facets: self.facets(sources.map(\.document), facets: facets, typeLabels: typeLabels, typeFacetLabel: typeFacetLabel))
    }

    /// `sources`, the practices' on every core: each gathers its facts through every row of
    /// `PracticeFields`, the largest part of the search's work outside its tables.
    static func sources(_ site: Site, countryLanguage: String) async -> [Source] {
        let practices = await Parallel.map(site.practices, minimumChunk: 256) { practiceSource($0, site: site) }
        return sources(site, countryLanguage: countryLanguage, practices: practices)
    }

    /// The filters: kind of entry first, then the catalogue's facets.
    static func facets(_ documents: [SearchIndex.Document], facets: [Facet], typeLabels: [String: String],
                       typeFacetLabel: String) -> [SearchIndex.FacetGroup] {
        [typeFacet(documents, labels: typeLabels, label: typeFacetLabel)] + facetGroups(facets, documents: documents)
    }

    /// Practices first, in the site's alphabetical order: with no query, a filtered list reads
    /// in that order. Whatever ranks as summary is shown with the result (summary and facts
    /// line), so a reader sees why an entry was found.
    private static func sources(_ site: Site, countryLanguage: String, practices: [Source]) -> [Source] {
        var sources = practices
        func add(_ url: String, _ kind: EntryKind, _ title: String, _ summary: String, _ lang: String,
                 facts: [String?] = [], moreBody: [String] = [], file: String) {
            // An entry a tree took from the default language is found there (its URL leaves the
            // tree), and only when the site lists such entries (a day of a translated workshop).
            if !site.isOwn(file), site.config.fallback == .hide { return }
            sources.append(source(site.isOwn(file) ? url : site.up + url, kind, title, summary, lang, facts: facts, moreBody: moreBody, file: file))
        }
        for partner in site.partners {
            add(SitePaths.partner(partner.id), .partner, partner.title, partner.summary, partner.lang,
                facts: [partner.short, partner.country.map { CountryNames.name(of: $0, language: countryLanguage) }],
                file: partner.origin.file)
        }
        for workshop in site.workshops {
            add(SitePaths.workshop(workshop.id), .workshop, workshop.title, workshop.summary, workshop.lang,
                facts: [workshop.audience], file: workshop.origin.file)
            for day in site.days[workshop.id] ?? [] {
                let summary = day.summary ?? day.motto ?? ""
                add(SitePaths.day(workshop.id, day.id), .day, day.title, summary, day.lang,
                    facts: [day.motto == summary ? nil : day.motto], moreBody: day.sessions.compactMap(\.title), file: day.origin.file)
            }
        }
        for page in site.pages {
            add(SitePaths.page(page.id), .page, page.title, page.summary ?? "", page.lang, file: page.origin.file)
        }
        return sources
    }

    /// A practice's document; its place among the documents is its place in `site.practices`.
    /// Its facts are what the rows of `PracticeFields` give the search, in their order, then the
    /// names of its partners.
    static func practiceSource(_ practice: Practice, site: Site) -> Source {
        func named(_ partner: Partner) -> String { partner.short.map { "\(partner.title) (\($0))" } ?? partner.title }
        var facts = PracticeFields.all.compactMap { $0.search?(practice) }
        facts.append(practice.partners.compactMap { site.partnerByID[$0].map(named) }.joined(separator: ", "))
        let path = SitePaths.practice(practice.id)
        return source(site.isOwn(practice.origin.file) ? path : site.up + path, .practice, practice.title, practice.summary, practice.lang,
                      facts: facts, file: practice.origin.file)
    }

    private static func source(_ url: String, _ kind: EntryKind, _ title: String, _ summary: String, _ lang: String,
                               facts: [String?] = [], moreBody: [String] = [], file: String) -> Source {
        let meta = facts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        return Source(document: .init(url: url, title: title, summary: summary, meta: meta, type: kind.rawValue, lang: lang),
                      title: title, summary: summary + " " + meta, file: file, moreBody: moreBody.joined(separator: " "))
    }

    /// The kind of entry as the first filter, so a reader can keep to practices.
    static func typeFacet(_ documents: [SearchIndex.Document], labels: [String: String], label: String) -> SearchIndex.FacetGroup {
        let kinds = EntryKind.allCases.map(\.rawValue).filter { kind in documents.contains { $0.type == kind } }
        return SearchIndex.FacetGroup(
            name: "type", label: label, values: kinds.map { ($0, labels[$0] ?? $0) },
            documents: kinds.map { kind in documents.indices.filter { documents[$0].type == kind } })
    }

    /// The facets of the catalogue, by document number. Only practices carry facet values, as on
    /// the facet pages, so the counts of both agree.
    static func facetGroups(_ facets: [Facet], documents: [SearchIndex.Document]) -> [SearchIndex.FacetGroup] {
        // By practice id: a value lists ids, and making each one's URL to look it up was most
        // of this function's time.
        var numberOfPractice: [String: Int] = [:]
        let prefix = String(SitePaths.practice("").dropLast())  // `practices/`
        for (number, document) in documents.enumerated() where document.type == EntryKind.practice.rawValue {
            if let id = Self.practiceID(url: document.url, prefix: prefix) { numberOfPractice[id] = number }
        }
        return facets.map { facet in
            SearchIndex.FacetGroup(
                name: facet.name, label: facet.label, values: facet.values.map { ($0.id, $0.label) },
                documents: facet.values.map { value in value.practices.compactMap { numberOfPractice[$0] }.sorted() })
        }
    }

    /// The id in a practice's URL (`SitePaths.practice(id)`), when `url` is one made so.
    private static func practiceID(url: String, prefix: String) -> String? {
        // A practice another tree shows: `../practices/<id>/`.
        let url = url.hasPrefix("../") ? String(url.dropFirst(3)) : url
        guard url.hasPrefix(prefix) else { return nil }
        let id = String(url.dropFirst(prefix.count).dropLast(1))
        return SitePaths.practice(id) == url ? id : nil
    }
}
