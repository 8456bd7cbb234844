/// Stage "resolve": checks every reference between entries, builds the links both ways and
/// resolves `@/` links in bodies. Reports every broken reference with file:line and the key.
struct Resolver {
    let content: ParsedContent
    let bodies: [String: RenderedMarkdown]
    let includeDrafts: Bool

    func resolve() throws -> Site {
        var problems = content.problems
        let config = content.config
        let fileIDs = content.fileIDs
        let allPractices = Dictionary(content.practices.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let published = content.practices.filter { includeDrafts || !$0.draft }
            .sorted { GermanCollation.less($0.title, $1.title) || ($0.title == $1.title && $0.id < $1.id) }
        let publishedIDs = Set(published.map(\.id))
        let partners = content.partners.sorted { GermanCollation.less($0.title, $1.title) }
        let partnerByID = Dictionary(partners.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sourceByID = Dictionary(content.sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let workshopByID = Dictionary(content.workshops.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let staticFiles = Set(content.staticFiles)

        func checkPartners(_ ids: [String], origin: EntryOrigin) {
            for (index, id) in ids.enumerated() where partnerByID[id] == nil && fileIDs[.partner]?.contains(id) != true {
                problems.add(origin.file, line: origin.lines.line("partners[\(index + 1)]"), key: "partners",
                             "\"\(id)\" is not a partner.", hint: hint(id, known: partnerByID.keys, folder: "content/partners"))
            }
        }
        func checkSources(_ ids: [String], origin: EntryOrigin) {
            for (index, id) in ids.enumerated() where sourceByID[id] == nil && fileIDs[.source]?.contains(id) != true {
                problems.add(origin.file, line: origin.lines.line("sources[\(index + 1)]"), key: "sources",
                             "\"\(id)\" is not in the source register.", hint: hint(id, known: sourceByID.keys, folder: "seeds"))
            }
        }
        func checkFile(_ file: String?, key: String, origin: EntryOrigin) {
            guard let file, !file.isEmpty, !staticFiles.contains(file) else { return }
            let nearest = Suggestion.nearest(to: file, in: Array(staticFiles))
            problems.add(origin.file, line: origin.lines.line(key), key: key, "\"\(file)\" is not a file in content/static/.",
                         hint: (nearest.map { "Did you mean \($0)? " } ?? "") + "Write the path below content/static/, e.g. workshops/handout.pdf.")
        }
        /// A practice reference: must exist; a draft is left out quietly unless drafts are built.
        func practiceReference(_ id: String, key: String, origin: EntryOrigin) -> Bool {
            guard allPractices[id] != nil else {
                if fileIDs[.practice]?.contains(id) == true { return false }
                problems.add(origin.file, line: origin.lines.line(key), key: key.prefix { $0 != "[" }.description,
                             "\"\(id)\" is not a practice.", hint: hint(id, known: allPractices.keys, folder: "content/practices"))
                return false
            }
            return publishedIDs.contains(id)
        }

        var relatedOf: [String: [String]] = [:]
        var practicesOfPartner: [String: [String]] = [:]
        for practice in content.practices {
            checkPartners(practice.partners, origin: practice.origin)
            checkSources(practice.sources, origin: practice.origin)
            for (index, media) in practice.media.enumerated() {
                checkFile(media.file, key: "media[\(index + 1)].file", origin: practice.origin)
            }
            for (index, id) in practice.related.enumerated() {
                if id == practice.id {
                    problems.add(practice.origin.file, line: practice.origin.lines.line("related[\(index + 1)]"), key: "related",
                                 "names the practice itself.", hint: "List other practices only.")
                    continue
                }
                if practiceReference(id, key: "related[\(index + 1)]", origin: practice.origin), publishedIDs.contains(practice.id) {
                    relatedOf[practice.id, default: []].append(id)
                    relatedOf[id, default: []].append(practice.id)
                }
            }
            for translation in practice.translations {
                guard let other = allPractices[translation.id] else {
                    if fileIDs[.practice]?.contains(translation.id) == true { continue }
                    problems.add(practice.origin.file, line: practice.origin.lines.line("translations.\(translation.lang)"),
                                 key: "translations.\(translation.lang)", "\"\(translation.id)\" is not a practice.",
                                 hint: hint(translation.id, known: allPractices.keys, folder: "content/practices"))
                    continue
                }
                if !config.languages.contains(translation.lang) {
                    problems.add(practice.origin.file, line: practice.origin.lines.line("translations.\(translation.lang)"),
                                 key: "translations.\(translation.lang)", "\"\(translation.lang)\" is not a language of the site.",
                                 hint: "Add it to content/site.yaml: languages: [\((config.languages + [translation.lang]).joined(separator: ", "))].")
                } else if other.lang != translation.lang {
                    problems.add(practice.origin.file, line: practice.origin.lines.line("translations.\(translation.lang)"),
                                 key: "translations.\(translation.lang)",
                                 "\"\(translation.id)\" is written in \(other.lang), not \(translation.lang).",
                                 hint: "Set lang: \(translation.lang) in content/practices/\(translation.id).md or fix the language here.")
                }
            }
            if publishedIDs.contains(practice.id) {
                for partner in practice.partners { practicesOfPartner[partner, default: []].append(practice.id) }
            }
        }

        var workshopsOfPartner: [String: [String]] = [:]
        for workshop in content.workshops {
            checkPartners(workshop.partners, origin: workshop.origin)
            checkSources(workshop.sources, origin: workshop.origin)
            for (index, media) in workshop.media.enumerated() {
                checkFile(media.file, key: "media[\(index + 1)].file", origin: workshop.origin)
            }
            for partner in workshop.partners { workshopsOfPartner[partner, default: []].append(workshop.id) }
            let dayCount = content.dayFileIDs[workshop.id]?.count ?? 0
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
                    checkFile(material.file, key: "materials[\(index + 1)].file", origin: day.origin)
                }
                var shown: [String] = []
                for (index, id) in day.practices.enumerated()
                where practiceReference(id, key: "practices[\(index + 1)]", origin: day.origin) {
                    shown.append(id)
                    daysOfPractice[id, default: []].append(.init(workshop: workshop, day: day.id))
                }
                days[workshop]![position].practices = shown
            }
        }

        // Pages, facets and generated files share one URL space; two claiming one URL is an error.
        var claimed: [String: String] = [:]
        func claim(_ path: String, by file: String, line: Int?) {
            if let owner = claimed[path] {
                problems.add(file, line: line, "would be published at /\(path), which \(owner) already uses.",
                             hint: "Rename one of them (the file name is the id and the URL).")
            } else {
                claimed[path] = file
            }
        }
        for reserved in ["", SitePaths.search, SitePaths.practices, SitePaths.workshops, SitePaths.sources, "partners/",
                         "country/", "tags/", "assets/"] + config.facets.map({ SitePaths.facet($0.name) }) {
            claimed[reserved] = "Praxis itself"
        }
        for page in content.pages { claim(SitePaths.page(page.id), by: page.origin.file, line: nil) }
        // `@/` links in bodies: to entries, their headings, and static files.
        let pageByID = Dictionary(content.pages.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var linkTargets: [String: [String]] = [:]
        for origin in content.origins {
            guard let body = bodies[origin.file], !body.links.isEmpty else { continue }
            linkTargets[origin.file] = body.links.map { link in
                switch target(of: link, pages: pageByID, practices: allPractices, publishedIDs: publishedIDs,
                              partners: partnerByID, workshops: workshopByID, sources: sourceByID, staticFiles: staticFiles) {
                case .success(let url): return url
                case .failure(let problem):
                    problems.add(origin.file, line: link.line, "the link \(link.written) \(problem.message)", hint: problem.hint)
                    return ""
                }
            }
        }

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
        let byTitle: (String, String) -> Bool = { (rank[$0] ?? .max) < (rank[$1] ?? .max) }
        return Site(
            config: config, practices: published, partners: partners,
            workshops: content.workshops.sorted { GermanCollation.less($0.title, $1.title) },
            days: days, pages: content.pages.sorted { GermanCollation.less($0.title, $1.title) },
            sources: content.sources.sorted { GermanCollation.less($0.title, $1.title) },
            staticFiles: content.staticFiles, bodies: bodies, linkTargets: linkTargets,
            practiceByID: Dictionary(published.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            partnerByID: partnerByID, sourceByID: sourceByID, workshopByID: workshopByID,
            practicesOfPartner: practicesOfPartner.mapValues { $0.sorted(by: byTitle) },
            workshopsOfPartner: workshopsOfPartner.mapValues { $0.sorted() },
            relatedOf: relatedOf.mapValues { Array(Set($0)).sorted(by: byTitle) },
            daysOfPractice: daysOfPractice.mapValues { $0.sorted { ($0.workshop, SourceTree.dayNumber($0.day)) < ($1.workshop, SourceTree.dayNumber($1.day)) } },
            citationsOf: citationsOf.mapValues { $0.sorted { GermanCollation.less($0.title, $1.title) } })
    }

    private func hint(_ id: String, known: some Collection<String>, folder: String) -> String {
        let nearest = Suggestion.nearest(to: id, in: Array(known))
        return (nearest.map { "Did you mean \($0)? " } ?? "") + "Ids are the file names in \(folder)/ without .md."
    }

    /// Where an `@/` link points, root-relative; or why it points nowhere.
    private func target(of link: RenderedMarkdown.InternalLink, pages: [String: Page], practices: [String: Practice],
                        publishedIDs: Set<String>, partners: [String: Partner], workshops: [String: Workshop],
                        sources: [String: SourceDocument], staticFiles: Set<String>) -> Result<String, Diagnostic> {
        let forms = "Write links to entries as @/practices/<id>.md, @/partners/<id>.md, @/workshops/<id>/index.md, @/workshops/<id>/day-<n>.md, @/pages/<id>.md, @/seeds/<id>.md or @/static/<file>, optionally with #anchor."
        func fail(_ message: String, _ hint: String? = nil) -> Result<String, Diagnostic> {
            .failure(Diagnostic(file: "", message: message, hint: hint ?? forms))
        }
        let parts = link.target.split(separator: "/").map(String.init)
        // An entry whose own file has problems is reported there; links to it wait for the fix.
        let kinds: [String: EntryKind] = ["practices": .practice, "partners": .partner, "pages": .page, "seeds": .source, "workshops": .workshop]
        if parts.count >= 2, let kind = kinds[parts[0]] {
            let id = kind == .workshop ? parts[1] : String(parts[1].dropLast(3))
            let parsed: Bool
            switch kind {
            case .practice: parsed = practices[id] != nil
            case .partner: parsed = partners[id] != nil
            case .page: parsed = pages[id] != nil
            case .source: parsed = sources[id] != nil
            default: parsed = workshops[id] != nil
            }
            if !parsed, content.fileIDs[kind]?.contains(id) == true { return .success("") }
        }
        var url: String
        var file: String?
        switch (parts.first, parts.count) {
        case ("static", _) where parts.count >= 2:
            let path = parts.dropFirst().joined(separator: "/")
            guard staticFiles.contains(path) else { return fail("points to a file that is not in content/static/.", "Check the path below content/static/.") }
            return .success(path + (link.anchor.map { "#\($0)" } ?? ""))
        case ("practices", 2) where parts[1].hasSuffix(".md"):
            let id = String(parts[1].dropLast(3))
            guard let practice = practices[id] else {
                return fail("points to a practice that does not exist.", hint(id, known: practices.keys, folder: "content/practices"))
            }
            guard publishedIDs.contains(id) else {
                return fail("points to a draft, which is not published.", "Publish it (remove draft: true) or remove the link.")
            }
            url = SitePaths.practice(id); file = practice.origin.file
        case ("partners", 2) where parts[1].hasSuffix(".md"):
            let id = String(parts[1].dropLast(3))
            guard let partner = partners[id] else { return fail("points to a partner that does not exist.", hint(id, known: partners.keys, folder: "content/partners")) }
            url = SitePaths.partner(id); file = partner.origin.file
        case ("pages", 2) where parts[1].hasSuffix(".md"):
            let id = String(parts[1].dropLast(3))
            guard let page = pages[id] else { return fail("points to a page that does not exist.", hint(id, known: pages.keys, folder: "content/pages")) }
            url = SitePaths.page(id); file = page.origin.file
        case ("seeds", 2) where parts[1].hasSuffix(".md"):
            let id = String(parts[1].dropLast(3))
            guard let source = sources[id] else { return fail("points to a source that does not exist.", hint(id, known: sources.keys, folder: "seeds")) }
            url = SitePaths.source(id); file = source.origin.file
        case ("workshops", 3) where parts[2].hasSuffix(".md"):
            let id = parts[1]
            guard let workshop = workshops[id] else { return fail("points to a workshop that does not exist.", hint(id, known: workshops.keys, folder: "content/workshops")) }
            if parts[2] == "index.md" {
                url = SitePaths.workshop(id); file = workshop.origin.file
            } else {
                let dayID = String(parts[2].dropLast(3))
                guard let day = content.days[id]?.first(where: { $0.id == dayID }) else {
                    if content.dayFileIDs[id]?.contains(dayID) == true { return .success("") }
                    return fail("points to a workshop day that does not exist.", "The days of \(id) are: \((content.days[id] ?? []).map { $0.id + ".md" }.joined(separator: ", ")).")
                }
                url = SitePaths.day(id, dayID); file = day.origin.file
            }
        default:
            return fail("is not a link Praxis understands.")
        }
        if let anchor = link.anchor, !anchor.isEmpty {
            let ids = (file.flatMap { bodies[$0] }?.headings ?? []).map(\.id)
            guard ids.contains(anchor) else {
                let nearest = Suggestion.nearest(to: anchor, in: ids).map { "Did you mean #" + $0 + "? " } ?? ""
                let known = ids.map { "#" + $0 }.joined(separator: ", ")
                let listing = ids.isEmpty ? "That entry has no headings." : "Its headings: " + known + "."
                return fail("points to #\(anchor), which is not a heading there.", nearest + listing)
            }
            url += "#\(anchor)"
        }
        return .success(url)
    }
}
