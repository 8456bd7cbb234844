/// The checks of references written in front matter: partners, sources, practices, files.
extension Resolver {
    func checkPartners(_ ids: [String], origin: EntryOrigin, problems: inout Problems) {
        for (index, id) in ids.enumerated() where lookups.partner(id) == nil && !lookups.hasUnparsedFile(.partner, id) {
            problems.add(origin.file, line: origin.lines.line("partners[\(index + 1)]"), key: "partners", "\"\(id)\" is not a partner.",
                         hint: lookups.hint(id, known: lookups.ids(of: .partner), folder: "content/partners"))
        }
    }

    func checkSources(_ ids: [String], origin: EntryOrigin, problems: inout Problems) {
        for (index, id) in ids.enumerated() where lookups.source(id) == nil && !lookups.hasUnparsedFile(.source, id) {
            problems.add(origin.file, line: origin.lines.line("sources[\(index + 1)]"), key: "sources",
                         "\"\(id)\" is not in the source register.", hint: lookups.hint(id, known: lookups.ids(of: .source), folder: "seeds"))
        }
    }

    /// `media` files must be in content/static/.
    func checkMedia(_ media: [Media], origin: EntryOrigin, problems: inout Problems) {
        for (index, item) in media.enumerated() {
            checkFile(item.file, key: "media[\(index + 1)].file", origin: origin, problems: &problems)
        }
    }

    func checkFile(_ file: String?, key: String, origin: EntryOrigin, problems: inout Problems) {
        guard let file, !file.isEmpty, !lookups.hasStaticFile(file) else { return }
        let nearest = Suggestion.nearest(to: file, in: lookups.staticFileList)
        problems.add(origin.file, line: origin.lines.line(key), key: key, "\"\(file)\" is not a file in content/static/.",
                     hint: (nearest.map { "Did you mean \($0)? " } ?? "") + "Write the path below content/static/, e.g. workshops/handout.pdf.")
    }

    /// A reference to a practice must exist; true when it is published (a draft is left out
    /// quietly unless drafts are built).
    func practiceReference(_ id: String, key: String, origin: EntryOrigin, problems: inout Problems) -> Bool {
        guard lookups.practice(id) != nil else {
            if !lookups.hasUnparsedFile(.practice, id) {
                problems.add(origin.file, line: origin.lines.line(key), key: String(key.prefix { $0 != "[" }),
                             "\"\(id)\" is not a practice.", hint: lookups.hint(id, known: lookups.ids(of: .practice), folder: "content/practices"))
            }
            return false
        }
        return lookups.isPublished(id)
    }

    /// `translations`: each names a practice written in that language, a language of the site.
    func checkTranslations(of practice: Practice, languages: [String], problems: inout Problems) {
        for translation in practice.translations {
            let key = "translations.\(translation.lang)"
            let line = practice.origin.lines.line(key)
            guard let other = lookups.practice(translation.id) else {
                if !lookups.hasUnparsedFile(.practice, translation.id) {
                    problems.add(practice.origin.file, line: line, key: key, "\"\(translation.id)\" is not a practice.",
                                 hint: lookups.hint(translation.id, known: lookups.ids(of: .practice), folder: "content/practices"))
                }
                continue
            }
            if !languages.contains(translation.lang) {
                problems.add(practice.origin.file, line: line, key: key, "\"\(translation.lang)\" is not a language of the site.",
                             hint: "Add it to content/site.yaml: languages: [\((languages + [translation.lang]).joined(separator: ", "))].")
            } else if other.lang != translation.lang {
                problems.add(practice.origin.file, line: line, key: key,
                             "\"\(translation.id)\" is written in \(other.lang), not \(translation.lang).",
                             hint: "Set lang: \(translation.lang) in content/practices/\(translation.id).md or fix the language here.")
            }
        }
    }

    /// Pages, facets and generated pages share one URL space; a page that would take the URL of
    /// another page is an error. `practices`: those to check (`praxis serve`: the changed ones;
    /// the others were checked before); all of them when nil.
    func checkURLSpace(practices: [Practice]? = nil, problems: inout Problems) {
        var claimed: [String: String] = [:]
        for reserved in SitePaths.reserved(facets: content.config.facets.map(\.name)) {
            claimed[reserved] = "Praxis itself"
        }
        // Each other language's pages live under /<lang>/.
        for language in content.otherLanguages {
            claimed[SitePaths.prefix(language, default: content.config.language)] = "the pages in \(language)"
        }
        for page in content.pages {
            let path = SitePaths.page(page.id)
            if let owner = claimed[path] {
                problems.add(page.origin.file, line: nil, "would be published at /\(path), which \(owner) already uses.",
                             hint: "Rename one of them (the file name is the id and the URL).")
            } else {
                claimed[path] = page.origin.file
            }
        }
        // Page n of the list of practices is /practices/page/<n>/: a practice with the id
        // `page` would own the folder those pages live in. Drafts too: the id is refused while
        // it is written, not on the day the practice is published.
        for practice in practices ?? content.practices where practice.id == SitePaths.pageSegment {
            problems.add(practice.origin.file, line: nil,
                         "would be published at /\(SitePaths.practice(practice.id)), the folder of the further pages of /\(SitePaths.practices) (/\(SitePaths.paged(SitePaths.practices, 2)), ...).",
                         hint: "Rename the file: the id \(SitePaths.pageSegment) is reserved for page numbers.")
        }
    }
}
