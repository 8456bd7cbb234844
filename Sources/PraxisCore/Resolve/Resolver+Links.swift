/// `@/` links in Markdown bodies: content paths to entries, their headings, and static files.
extension Resolver {
    /// Root-relative URLs of every body's `@/` links; a link to nothing is a problem on its line.
    func resolveLinks(problems: inout Problems) -> [String: [String]] {
        var linkTargets: [String: [String]] = [:]
        for origin in content.origins {
            guard let body = bodies[origin.file], !body.links.isEmpty else { continue }
            linkTargets[origin.file] = body.links.map { link in
                switch target(of: link) {
                case .success(let url): return url
                case .failure(let problem):
                    problems.add(origin.file, line: link.line, "the link \(link.written) \(problem.message)", hint: problem.hint)
                    return ""
                }
            }
        }
        return linkTargets
    }

    /// Where an `@/` link points, root-relative; or why it points nowhere.
    private func target(of link: RenderedMarkdown.InternalLink) -> Result<String, Diagnostic> {
        let practices = lookups.practices, partners = lookups.partners, pages = lookups.pages
        let sources = lookups.sources, workshops = lookups.workshops
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
            if !parsed, lookups.hasUnparsedFile(kind, id) { return .success("") }
        }
        var url: String
        var file: String?
        switch (parts.first, parts.count) {
        case ("static", _) where parts.count >= 2:
            let path = parts.dropFirst().joined(separator: "/")
            guard lookups.staticFiles.contains(path) else { return fail("points to a file that is not in content/static/.", "Check the path below content/static/.") }
            return .success(path + (link.anchor.map { "#\($0)" } ?? ""))
        case ("practices", 2) where parts[1].hasSuffix(".md"):
            let id = String(parts[1].dropLast(3))
            guard let practice = practices[id] else {
                return fail("points to a practice that does not exist.", lookups.hint(id, known: practices.keys, folder: "content/practices"))
            }
            guard lookups.publishedIDs.contains(id) else {
                return fail("points to a draft, which is not published.", "Publish it (remove draft: true) or remove the link.")
            }
            url = SitePaths.practice(id); file = practice.origin.file
        case ("partners", 2) where parts[1].hasSuffix(".md"):
            let id = String(parts[1].dropLast(3))
            guard let partner = partners[id] else { return fail("points to a partner that does not exist.", lookups.hint(id, known: partners.keys, folder: "content/partners")) }
            url = SitePaths.partner(id); file = partner.origin.file
        case ("pages", 2) where parts[1].hasSuffix(".md"):
            let id = String(parts[1].dropLast(3))
            guard let page = pages[id] else { return fail("points to a page that does not exist.", lookups.hint(id, known: pages.keys, folder: "content/pages")) }
            url = SitePaths.page(id); file = page.origin.file
        case ("seeds", 2) where parts[1].hasSuffix(".md"):
            let id = String(parts[1].dropLast(3))
            guard let source = sources[id] else { return fail("points to a source that does not exist.", lookups.hint(id, known: sources.keys, folder: "seeds")) }
            url = SitePaths.source(id); file = source.origin.file
        case ("workshops", 3) where parts[2].hasSuffix(".md"):
            let id = parts[1]
            guard let workshop = workshops[id] else { return fail("points to a workshop that does not exist.", lookups.hint(id, known: workshops.keys, folder: "content/workshops")) }
            if parts[2] == "index.md" {
                url = SitePaths.workshop(id); file = workshop.origin.file
            } else {
                let dayID = String(parts[2].dropLast(3))
                guard let day = content.days[id]?.first(where: { $0.id == dayID }) else {
                    if lookups.dayFileIDs[id]?.contains(dayID) == true { return .success("") }
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
