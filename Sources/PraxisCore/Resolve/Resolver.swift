/// Stage "resolve": checks every reference between entries, builds the links both ways and
/// resolves `@/` links in bodies. Every broken reference is reported with file:line and key,
/// together with the problems the parse stage found.
struct Resolver {
    let content: ParsedContent
    let bodies: [String: RenderedMarkdown]
    let includeDrafts: Bool
    let lookups: Lookups
    /// `praxis serve`: the published practices of the last build, in order, and the entry files
    /// read again since; the practices of the other files are those of the last build, so they
    /// keep their order and only those read again are put in their places.
    let previousOrder: (practices: [Practice], reread: Set<String>)?

    init(content: ParsedContent, bodies: [String: RenderedMarkdown], includeDrafts: Bool,
         previousOrder: (practices: [Practice], reread: Set<String>)? = nil) {
        self.content = content
        self.bodies = bodies
        self.includeDrafts = includeDrafts
        lookups = Lookups(content, includeDrafts: includeDrafts)
        self.previousOrder = previousOrder
    }

    func resolve() throws -> Site {
        var problems = content.problems
        let config = content.config
        let published: [Practice]
        if let previous = previousOrder, previous.reread.count <= 256 {
            let kept = previous.practices.filter { !previous.reread.contains($0.origin.file) && lookups.publishedIDs.contains($0.id) }
            let added = content.practices.filter { previous.reread.contains($0.origin.file) && lookups.publishedIDs.contains($0.id) }
            published = PracticeOrder.inserting(added, into: kept)
        } else {
            published = PracticeOrder.sorted(content.practices.filter { lookups.publishedIDs.contains($0.id) })
        }

        var relatedOf: [String: [String]] = [:]
        var practicesOfPartner: [String: [String]] = [:]
        for practice in content.practices {
            checkPartners(practice.partners, origin: practice.origin, problems: &problems)
            checkSources(practice.sources, origin: practice.origin, problems: &problems)
            checkMedia(practice.media, origin: practice.origin, problems: &problems)
            checkTranslations(of: practice, languages: config.languages, problems: &problems)
            let isPublished = lookups.publishedIDs.contains(practice.id)
            for (index, id) in practice.related.enumerated() {
                if id == practice.id {
                    problems.add(practice.origin.file, line: practice.origin.lines.line("related[\(index + 1)]"), key: "related",
                                 "names the practice itself.", hint: "List other practices only.")
                } else if practiceReference(id, key: "related[\(index + 1)]", origin: practice.origin, problems: &problems), isPublished {
                    relatedOf[practice.id, default: []].append(id)
                    relatedOf[id, default: []].append(practice.id)
                }
            }
        }
        // In title order: `published` is sorted, so the lists need no sorting of their own.
        for practice in published {
            for partner in practice.partners { practicesOfPartner[partner, default: []].append(practice.id) }
        }

        var workshopsOfPartner: [String: [String]] = [:]
        for workshop in content.workshops {
            checkPartners(workshop.partners, origin: workshop.origin, problems: &problems)
            checkSources(workshop.sources, origin: workshop.origin, problems: &problems)
            checkMedia(workshop.media, origin: workshop.origin, problems: &problems)
            for partner in workshop.partners { workshopsOfPartner[partner, default: []].append(workshop.id) }
            let dayCount = lookups.dayFileIDs[workshop.id]?.count ?? 0
            if let days = workshop.days, days != dayCount {
                problems.add(workshop.origin.file, line: workshop.origin.lines.line("days"), key: "days",
                             "says \(days), but the folder has \(dayCount) day file\(dayCount == 1 ? "" : "s").",
                             hint: "Add or remove day-<n>.md files, or correct days:.")
            }
        }

        var daysOfPractice: [String: [Site.DayRef]] = [:]
        var days = content.days
        for (workshop, list) in content.days.sorted(by: { $0.key < $1.key }) {
            for (position, day) in list.enumerated() {
                for (index, material) in day.materials.enumerated() {
                    checkFile(material.file, key: "materials[\(index + 1)].file", origin: day.origin, problems: &problems)
                }
                // A day shows only published practices; drafts it names wait for publication.
                var shown: [String] = []
                for (index, id) in day.practices.enumerated()
                where practiceReference(id, key: "practices[\(index + 1)]", origin: day.origin, problems: &problems) {
                    shown.append(id)
                    daysOfPractice[id, default: []].append(.init(workshop: workshop, day: day.id))
                }
                days[workshop]![position].practices = shown
            }
        }

        checkURLSpace(problems: &problems)
        let linkTargets = resolveLinks(problems: &problems)

        var citationsOf: [String: [(url: String, title: String)]] = [:]
        for practice in published {
            for source in practice.sources { citationsOf[source, default: []].append((SitePaths.practice(practice.id), practice.title)) }
        }
        for workshop in content.workshops {
            for source in workshop.sources { citationsOf[source, default: []].append((SitePaths.workshop(workshop.id), workshop.title)) }
        }

        try problems.check(stage: problems.all.count == content.problems.all.count ? "parse" : "resolve")

        // Orders: everything a page lists follows German alphabetical order of titles.
        let rank = Dictionary(published.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return Site(
            config: config, practices: published,
            partners: GermanCollation.sorted(content.partners, by: \.title),
            workshops: GermanCollation.sorted(content.workshops, by: \.title),
            days: days, pages: GermanCollation.sorted(content.pages, by: \.title),
            sources: GermanCollation.sorted(content.sources, by: \.title),
            staticFiles: content.staticFiles, bodies: bodies, linkTargets: linkTargets,
            practiceByID: Dictionary(published.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            partnerByID: lookups.partners, sourceByID: lookups.sources, workshopByID: lookups.workshops,
            practicesOfPartner: practicesOfPartner,
            workshopsOfPartner: workshopsOfPartner.mapValues { $0.sorted() },
            // Each list by rank (every id in it is published), each id once.
            relatedOf: relatedOf.mapValues { ids in
                guard ids.count > 1 else { return ids }
                var ranks = ids.map { rank[$0]! }
                ranks.sort()
                var unique: [String] = []
                unique.reserveCapacity(ranks.count)
                for (index, place) in ranks.enumerated() where index == 0 || ranks[index - 1] != place { unique.append(published[place].id) }
                return unique
            },
            daysOfPractice: daysOfPractice.mapValues {
                $0.sorted { ($0.workshop, SourceTree.dayNumber($0.day)) < ($1.workshop, SourceTree.dayNumber($1.day)) }
            },
            citationsOf: citationsOf.mapValues { GermanCollation.sorted($0, by: \.title) })
    }
}
