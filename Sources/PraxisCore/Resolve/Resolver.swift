/// Stage "resolve": checks every reference between entries, builds the links both ways and
/// resolves `@/` links in bodies. Every broken reference is reported with file:line and key,
/// together with the problems the parse stage found.
///
/// Each entry's checks make a `Contribution` of its own: its rows of the tables of links both
/// ways, the practices a day shows, its body's link targets, and (with a `ReadLog`) the ids its
/// checks read. A build makes them all and puts the tables together; `praxis serve` keeps them
/// and makes again only those of the entries that changed or read an id that did
/// (Resolver+Patch).
struct Resolver {
    let content: ParsedContent
    let bodies: [String: RenderedMarkdown]
    let includeDrafts: Bool
    let lookups: Lookups

    init(content: ParsedContent, bodies: [String: RenderedMarkdown], includeDrafts: Bool, log: ReadLog? = nil) {
        self.init(content: content, bodies: bodies, includeDrafts: includeDrafts,
                  lookups: Lookups(content, includeDrafts: includeDrafts, log: log))
    }

    init(content: ParsedContent, bodies: [String: RenderedMarkdown], includeDrafts: Bool, lookups: Lookups) {
        self.content = content
        self.bodies = bodies
        self.includeDrafts = includeDrafts
        self.lookups = lookups
    }

    func resolve() throws -> Site {
        try resolveKeeping(false).site
    }

    /// The site, and with `keep` every entry's contribution by file (`praxis serve`).
    func resolveKeeping(_ keep: Bool) throws -> (site: Site, contributions: [String: Contribution]) {
        var problems = content.problems
        let config = content.config
        let published = PracticeOrder.sorted(content.practices.filter { lookups.isPublished($0.id) })
        _ = lookups.log?.take()

        // In the order a build reports problems: practices, workshops, days, the URL space, links.
        var practiceParts: [Contribution] = []
        practiceParts.reserveCapacity(content.practices.count)
        for practice in content.practices { practiceParts.append(contribution(of: practice, problems: &problems)) }
        var workshopParts: [Contribution] = []
        for (index, workshop) in content.workshops.enumerated() {
            workshopParts.append(contribution(of: workshop, index: index, problems: &problems))
        }
        var dayParts: [(workshop: String, position: Int, part: Contribution)] = []
        for (workshop, list) in content.days.sorted(by: { $0.key < $1.key }) {
            for (position, day) in list.enumerated() {
                dayParts.append((workshop, position, contribution(of: day, problems: &problems)))
            }
        }
        checkURLSpace(problems: &problems)
        var linkTargets: [String: [String]] = [:]
        var linkReads: [String: Set<EntryRef>] = [:]
        for origin in content.origins {
            linkTargets[origin.file] = links(of: origin, problems: &problems)
            if let log = lookups.log { linkReads[origin.file] = log.take() }
        }

        // A tree of another language reports only its translations' problems: those of the
        // default language's entries it took along are the default tree's (reported there).
        if !content.fallbackFiles.isEmpty { problems.keep { !content.fallbackFiles.contains($0.file) } }
        try problems.check(stage: problems.all.count == content.problems.all.count ? "parse" : "resolve")

        // The tables: rows in the order of the published practices, then workshops, then days.
        let rank = Dictionary(published.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let partOfPractice = Dictionary(content.practices.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var tables = LinkTables()
        for practice in published { tables.add(practiceParts[partOfPractice[practice.id]!].rows) }
        for part in workshopParts { tables.add(part.rows) }
        for day in dayParts { tables.add(day.part.rows) }
        tables.order(by: RankOrder(rank: rank))

        var days = content.days
        for day in dayParts { days[day.workshop]![day.position].practices = day.part.shown ?? [] }

        var kept: [String: Contribution] = [:]
        if keep {
            let parts: [(String, Contribution)] = Array(zip(content.practices.map(\.origin.file), practiceParts))
                + Array(zip(content.workshops.map(\.origin.file), workshopParts))
                + dayParts.map { (content.days[$0.workshop]![$0.position].origin.file, $0.part) }
            kept = Dictionary(parts, uniquingKeysWith: { a, _ in a })
            for origin in content.origins {
                kept[origin.file, default: Contribution()].links = linkTargets[origin.file]
                kept[origin.file]!.reads.formUnion(linkReads[origin.file] ?? [])
            }
        }
        return (site(config: config, published: published, days: days, linkTargets: linkTargets, tables: tables), kept)
    }

    /// The site of these entries with `published` in order and the tables made.
    func site(config: SiteConfig, published: [Practice], days: [String: [WorkshopDay]], linkTargets: [String: [String]],
              tables: LinkTables) -> Site {
        // In another language's tree, the default language's entries it took along are listed
        // only with `fallback: show`; they stay known to the tables, so links to them resolve.
        let fallbacks = content.fallbackFiles
        func listed<T: ParsedEntry>(_ entries: [T]) -> [T] {
            fallbacks.isEmpty || config.fallback == .show ? entries : entries.filter { !fallbacks.contains($0.origin.file) }
        }
        let published = listed(published)
        // Orders: everything a page lists follows German alphabetical order of titles.
        var site = Site(
            config: content.treeLanguage.map { config.localized($0) } ?? config, practices: published,
            partners: GermanCollation.sorted(listed(content.partners), by: \.title),
            workshops: GermanCollation.sorted(listed(content.workshops), by: \.title),
            days: days, pages: GermanCollation.sorted(listed(content.pages), by: \.title),
            sources: GermanCollation.sorted(content.sources, by: \.title),
            staticFiles: content.staticFiles, bodies: bodies, linkTargets: linkTargets,
            practiceByID: Dictionary(published.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            partnerByID: lookups.partnerTable, sourceByID: lookups.sourceTable, workshopByID: lookups.workshopTable,
            practicesOfPartner: tables.practicesOfPartner, workshopsOfPartner: tables.workshopsOfPartner,
            relatedOf: tables.relatedOf, daysOfPractice: tables.daysOfPractice, citationsOf: tables.citationsOf)
        site.language = content.language
        site.fallbackFiles = fallbacks
        return site
    }

    // MARK: One entry each

    /// A practice's checks; its rows when it is published.
    func contribution(of practice: Practice, problems: inout Problems) -> Contribution {
        var part = Contribution()
        checkPartners(practice.partners, origin: practice.origin, problems: &problems)
        checkSources(practice.sources, origin: practice.origin, problems: &problems)
        checkMedia(practice.media, origin: practice.origin, problems: &problems)
        checkTranslations(of: practice, languages: content.config.languages, problems: &problems)
        let isPublished = lookups.isPublished(practice.id)
        for (index, id) in practice.related.enumerated() {
            if id == practice.id {
                problems.add(practice.origin.file, line: practice.origin.lines.line("related[\(index + 1)]"), key: "related",
                             "names the practice itself.", hint: "List other practices only.")
            } else if practiceReference(id, key: "related[\(index + 1)]", origin: practice.origin, problems: &problems), isPublished {
                part.rows.append(.related(of: practice.id, id: id))
                part.rows.append(.related(of: id, id: practice.id))
            }
        }
        if isPublished {
            for partner in practice.partners { part.rows.append(.practiceOfPartner(partner: partner, practice: practice.id)) }
            for source in practice.sources {
                part.rows.append(.citation(source: source, url: content.prefix(ofFile: practice.origin.file) + SitePaths.practice(practice.id), title: practice.title, by: .practice(practice.id)))
            }
        }
        part.reads = lookups.log?.take() ?? []
        return part
    }

    /// `index`: the workshop's place in `content.workshops`, which orders its citations.
    func contribution(of workshop: Workshop, index: Int, problems: inout Problems) -> Contribution {
        var part = Contribution()
        checkPartners(workshop.partners, origin: workshop.origin, problems: &problems)
        checkSources(workshop.sources, origin: workshop.origin, problems: &problems)
        checkMedia(workshop.media, origin: workshop.origin, problems: &problems)
        for partner in workshop.partners { part.rows.append(.workshopOfPartner(partner: partner, workshop: workshop.id)) }
        let dayCount = lookups.dayFiles(of: workshop.id).count
        if let days = workshop.days, days != dayCount {
            problems.add(workshop.origin.file, line: workshop.origin.lines.line("days"), key: "days",
                         "says \(days), but the folder has \(dayCount) day file\(dayCount == 1 ? "" : "s").",
                         hint: "Add or remove day-<n>.md files, or correct days:.")
        }
        for source in workshop.sources {
            part.rows.append(.citation(source: source, url: content.prefix(ofFile: workshop.origin.file) + SitePaths.workshop(workshop.id), title: workshop.title, by: .workshop(index)))
        }
        part.reads = lookups.log?.take() ?? []
        return part
    }

    /// A day shows only published practices; drafts it names wait for publication.
    func contribution(of day: WorkshopDay, problems: inout Problems) -> Contribution {
        var part = Contribution()
        for (index, material) in day.materials.enumerated() {
            checkFile(material.file, key: "materials[\(index + 1)].file", origin: day.origin, problems: &problems)
        }
        var shown: [String] = []
        for (index, id) in day.practices.enumerated()
        where practiceReference(id, key: "practices[\(index + 1)]", origin: day.origin, problems: &problems) {
            shown.append(id)
            part.rows.append(.dayOfPractice(practice: id, day: .init(workshop: day.workshop, day: day.id)))
        }
        part.shown = shown
        part.reads = lookups.log?.take() ?? []
        return part
    }
}

/// What one entry gives the resolved site besides itself.
struct Contribution: Sendable {
    /// The ids its checks and links read (`Lookups`); empty without a `ReadLog`.
    var reads: Set<EntryRef> = []
    var rows: [LinkRow] = []
    /// A day: the practices it shows.
    var shown: [String]?
    /// The targets of its body's `@/` links; nil when it has none.
    var links: [String]?
}
