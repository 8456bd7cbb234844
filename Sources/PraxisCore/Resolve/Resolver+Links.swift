/// `@/` links in Markdown bodies: content paths to entries, their headings, and static files.
extension Resolver {
    /// Root-relative URLs of every body's `@/` links; a link to nothing is a problem on its line.
    func resolveLinks(problems: inout Problems) -> [String: [String]] {
        var linkTargets: [String: [String]] = [:]
        for origin in content.origins {
            linkTargets[origin.file] = links(of: origin, problems: &problems)
        }
        return linkTargets
    }

    /// The targets of the `@/` links of one entry's body, nil when it has none.
    func links(of origin: EntryOrigin, problems: inout Problems) -> [String]? {
        // A body refused before cmark-gfm (BodyLimits) is reported here, on its file.
        if let refusal = bodies[origin.file]?.refusal {
            problems.add(origin.file, line: refusal.line, refusal.message, hint: refusal.hint)
        }
        guard let body = bodies[origin.file], !body.links.isEmpty else { return nil }
        return body.links.map { link in
            switch target(of: link, folders: Self.entryFolders) {
            case .success(let url): return url
            case .failure(let problem):
                problems.add(origin.file, line: link.line, "the link \(link.written) \(problem.message)", hint: problem.hint)
                return ""
            }
        }
    }

    /// A folder whose entries a link names as `@/<folder>/<id>.md`.
    private struct EntryFolder: Sendable {
        var kind: EntryKind
        var noun: String
        var sourceFolder: String
        var url: @Sendable (String) -> String
    }

    private static let entryFolders: [String: EntryFolder] = {
        [
            "practices": EntryFolder(kind: .practice, noun: "practice", sourceFolder: "content/practices", url: SitePaths.practice),
            "partners": EntryFolder(kind: .partner, noun: "partner", sourceFolder: "content/partners", url: SitePaths.partner),
            "pages": EntryFolder(kind: .page, noun: "page", sourceFolder: "content/pages", url: SitePaths.page),
            "seeds": EntryFolder(kind: .source, noun: "source", sourceFolder: "seeds", url: SitePaths.source),
        ]
    }()

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
            guard lookups.hasStaticFile(path) else { return fail("points to a file that is not in content/static/.", "Check the path below content/static/.") }
            return .success(LinkURL(segments: Array(parts.dropFirst()), isFolder: false, fragment: Self.fileFragment(link.anchor)).text)
        case (let name?, 2) where folders[name] != nil && parts[1].hasSuffix(".md"):
            let folder = folders[name]!
            let id = String(parts[1].dropLast(3))
            guard let entryFile = lookups.file(of: folder.kind, id) else {
                if lookups.hasUnparsedFile(folder.kind, id) { return .success("") }
                return fail("points to a \(folder.noun) that does not exist.",
                            lookups.hint(id, known: lookups.ids(of: folder.kind), folder: folder.sourceFolder))
            }
            if folder.kind == .practice, !lookups.isPublished(id) {
                return fail("points to a draft, which is not published.", "Publish it (remove draft: true) or remove the link.")
            }
            url = content.prefix(ofFile: entryFile) + folder.url(id)
            file = entryFile
        case ("workshops", 3) where parts[2].hasSuffix(".md"):
            let id = parts[1]
            guard let workshop = lookups.workshop(id) else {
                if lookups.hasUnparsedFile(.workshop, id) { return .success("") }
                return fail("points to a workshop that does not exist.", lookups.hint(id, known: lookups.ids(of: .workshop), folder: "content/workshops"))
            }
            if parts[2] == "index.md" {
                url = content.prefix(ofFile: workshop.origin.file) + SitePaths.workshop(id)
                file = workshop.origin.file
            } else {
                let dayID = String(parts[2].dropLast(3))
                guard let day = lookups.day(id, dayID) else {
                    if lookups.dayFiles(of: id).contains(dayID) { return .success("") }
                    return fail("points to a workshop day that does not exist.", "The days of \(id) are: \((content.days[id] ?? []).map { $0.id + ".md" }.joined(separator: ", ")).")
                }
                url = content.prefix(ofFile: day.origin.file) + SitePaths.day(id, dayID)
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
