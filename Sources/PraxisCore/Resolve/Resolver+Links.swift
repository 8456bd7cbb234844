/// `@/` links in Markdown bodies: content paths to entries, their headings, and static files.
extension Resolver {
    /// Root-relative URLs of every body's `@/` links; a link to nothing is a problem on its line.
    func resolveLinks(problems: inout Problems) -> [String: [String]] {
        let folders = entryFolders
        var linkTargets: [String: [String]] = [:]
        for origin in content.origins {
            // A body refused before cmark-gfm (BodyLimits) is reported here, on its file.
            if let refusal = bodies[origin.file]?.refusal {
                problems.add(origin.file, line: refusal.line, refusal.message, hint: refusal.hint)
            }
            guard let body = bodies[origin.file], !body.links.isEmpty else { continue }
            linkTargets[origin.file] = body.links.map { link in
                switch target(of: link, folders: folders) {
                case .success(let url): return url
                case .failure(let problem):
                    problems.add(origin.file, line: link.line, "the link \(link.written) \(problem.message)", hint: problem.hint)
                    return ""
                }
            }
        }
        return linkTargets
    }

    /// `site` (resolved from this content with other bodies) with the bodies of `files` now
    /// `bodies`' (`praxis serve` after edits below the front matter). Nil when a full resolve
    /// must run instead: a changed body has a problem (reported by `resolve` in its place and
    /// order), or its headings changed (links to them from other bodies are checked again).
    func relinked(_ site: Site, files: [String]) -> Site? {
        let folders = entryFolders
        var site = site
        for file in files {
            guard let body = bodies[file], body.refusal == nil,
                  site.bodies[file]?.headings.map(\.id) == body.headings.map(\.id) else { return nil }
            var targets: [String] = []
            for link in body.links {
                guard case .success(let url) = target(of: link, folders: folders) else { return nil }
                targets.append(url)
            }
            site.bodies[file] = body
            site.linkTargets[file] = body.links.isEmpty ? nil : targets
        }
        return site
    }

    /// A folder whose entries a link names as `@/<folder>/<id>.md`.
    private struct EntryFolder {
        var kind: EntryKind
        var noun: String
        var sourceFolder: String
        /// Entry id -> its file, for the entry's headings.
        var files: [String: String]
        var url: (String) -> String
    }

    private var entryFolders: [String: EntryFolder] {
        [
            "practices": EntryFolder(kind: .practice, noun: "practice", sourceFolder: "content/practices",
                                     files: lookups.practices.mapValues(\.origin.file), url: SitePaths.practice),
            "partners": EntryFolder(kind: .partner, noun: "partner", sourceFolder: "content/partners",
                                    files: lookups.partners.mapValues(\.origin.file), url: SitePaths.partner),
            "pages": EntryFolder(kind: .page, noun: "page", sourceFolder: "content/pages",
                                 files: lookups.pages.mapValues(\.origin.file), url: SitePaths.page),
            "seeds": EntryFolder(kind: .source, noun: "source", sourceFolder: "seeds",
                                 files: lookups.sources.mapValues(\.origin.file), url: SitePaths.source),
        ]
    }

    /// The hint for a link Praxis does not understand: every form it does.
    private static let linkForms = "Write links to entries as @/practices/<id>.md, @/partners/<id>.md, @/workshops/<id>/index.md, @/workshops/<id>/day-<n>.md, @/pages/<id>.md, @/seeds/<id>.md or @/static/<file>, optionally with #anchor; to files Praxis generates as "
        + SitePaths.linkableFiles.sorted().map { "@/" + $0 }.joined(separator: ", ") + "."

    /// Where an `@/` link points, root-relative; or why it points nowhere. An entry whose own
    /// file has problems is reported there; links to it wait for the fix (an empty URL).
    private func target(of link: RenderedMarkdown.InternalLink, folders: [String: EntryFolder]) -> Result<String, Diagnostic> {
        let forms = Self.linkForms
        func fail(_ message: String, _ hint: String? = nil) -> Result<String, Diagnostic> {
            .failure(Diagnostic(file: "", message: message, hint: hint ?? forms))
        }
        let parts = link.target.split(separator: "/").map(String.init)
        let url: String
        let file: String
        switch (parts.first, parts.count) {
        // Files Praxis writes itself at the site root (the open data): always there.
        // A file's fragment cannot be checked (a PDF's `#page=2`): it is kept, percent-encoded.
        case (let name?, 1) where SitePaths.linkableFiles.contains(name):
            return .success(LinkURL(segments: [name], isFolder: false, fragment: Self.fileFragment(link.anchor)).text)
        case ("static", _) where parts.count >= 2:
            let path = parts.dropFirst().joined(separator: "/")
            guard lookups.staticFiles.contains(path) else { return fail("points to a file that is not in content/static/.", "Check the path below content/static/.") }
            return .success(LinkURL(segments: Array(parts.dropFirst()), isFolder: false, fragment: Self.fileFragment(link.anchor)).text)
        case (let name?, 2) where folders[name] != nil && parts[1].hasSuffix(".md"):
            let folder = folders[name]!
            let id = String(parts[1].dropLast(3))
            guard let entryFile = folder.files[id] else {
                if lookups.hasUnparsedFile(folder.kind, id) { return .success("") }
                return fail("points to a \(folder.noun) that does not exist.",
                            lookups.hint(id, known: folder.files.keys, folder: folder.sourceFolder))
            }
            if folder.kind == .practice, !lookups.publishedIDs.contains(id) {
                return fail("points to a draft, which is not published.", "Publish it (remove draft: true) or remove the link.")
            }
            url = folder.url(id)
            file = entryFile
        case ("workshops", 3) where parts[2].hasSuffix(".md"):
            let id = parts[1]
            guard let workshop = lookups.workshops[id] else {
                if lookups.hasUnparsedFile(.workshop, id) { return .success("") }
                return fail("points to a workshop that does not exist.", lookups.hint(id, known: lookups.workshops.keys, folder: "content/workshops"))
            }
            if parts[2] == "index.md" {
                url = SitePaths.workshop(id)
                file = workshop.origin.file
            } else {
                let dayID = String(parts[2].dropLast(3))
                guard let day = content.days[id]?.first(where: { $0.id == dayID }) else {
                    if lookups.dayFileIDs[id]?.contains(dayID) == true { return .success("") }
                    return fail("points to a workshop day that does not exist.", "The days of \(id) are: \((content.days[id] ?? []).map { $0.id + ".md" }.joined(separator: ", ")).")
                }
                url = SitePaths.day(id, dayID)
                file = day.origin.file
            }
        default:
            return fail("is not a link Praxis understands.")
        }
        if let anchor = link.anchor, !anchor.isEmpty {
            let ids = (bodies[file]?.headings ?? []).map(\.id)
            guard ids.contains(anchor) else {
                let nearest = Suggestion.nearest(to: anchor, in: ids).map { "Did you mean #" + $0 + "? " } ?? ""
                let known = ids.map { "#" + $0 }.joined(separator: ", ")
                let listing = ids.isEmpty ? "That entry has no headings." : "Its headings: " + known + "."
                return fail("points to #\(anchor), which is not a heading there.", nearest + listing)
            }
            return .success(LinkURL(path: url, fragment: anchor).text)
        }
        return .success(LinkURL(path: url).text)
    }

    /// `#` alone names no fragment.
    private static func fileFragment(_ anchor: String?) -> String? {
        guard let anchor, !anchor.isEmpty else { return nil }
        return anchor
    }
}
