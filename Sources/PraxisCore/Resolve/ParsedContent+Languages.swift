/// Several languages (`languages: [de, en]` in site.yaml): an entry's translation is a file beside
/// it with the language before `.md` (`x.en.md`), under the same id. The default language's
/// entries are the content every stage knew before; each other language gets a tree of its own
/// (`tree(for:)`), resolved, grouped and rendered like the default one, under `/<lang>/`.

/// The translations into one language, as stage "parse" found them.
struct Translations: Sendable {
    var practices: [Practice] = []
    var partners: [Partner] = []
    var workshops: [Workshop] = []
    var days: [String: [WorkshopDay]] = [:]
    var pages: [Page] = []

    mutating func add(_ entry: ParseStage.Parsed) {
        switch entry {
        case .practice(let practice): practices.append(practice)
        case .partner(let partner): partners.append(partner)
        case .workshop(let workshop): workshops.append(workshop)
        case .day(let day): days[day.workshop, default: []].append(day)
        case .page(let page): pages.append(page)
        case .source: break  // refused by the parse stage: the register is not translated
        }
    }

    var isEmpty: Bool { practices.isEmpty && partners.isEmpty && workshops.isEmpty && days.isEmpty && pages.isEmpty }
}

extension ParsedContent {
    /// The language of the tree this content is: the default language unless made by `tree(for:)`.
    var language: String { treeLanguage ?? config.language }

    /// Where the tree's pages live below the site root: "" for the default language, `en/`.
    var prefix: String { SitePaths.prefix(language, default: config.language) }

    /// The URL prefix of the page of the entry read from `file`: a fallback's page is in the
    /// default language's tree.
    func prefix(ofFile file: String) -> String {
        fallbackFiles.contains(file) ? "" : prefix
    }

    /// The content of `lang`'s tree: its translations, and as fallbacks the default language's
    /// partners, workshops and their days, and pages that have none, so that references and
    /// links resolve to the default language's pages. The default language's practices come
    /// along when the site lists them in every language (`fallback: show`), or else only those
    /// a translation names, in its front matter or its body's `@/` links (`bodies`). The sources
    /// are the same in every tree.
    func tree(for lang: String, bodies: [String: RenderedMarkdown]) -> ParsedContent {
        let own = translated[lang] ?? Translations()
        let show = config.fallback == .show
        var tree = ParsedContent(config: config)
        tree.treeLanguage = lang
        tree.sources = sources
        tree.staticFiles = staticFiles
        tree.staticSizes = staticSizes
        tree.fileIDs = fileIDs
        tree.dayFileIDs = dayFileIDs
        var fallbacks = Set<String>()
        func merged<T: ParsedEntry>(_ mine: [T], _ defaults: [T], id: (T) -> String, include: (T) -> Bool = { _ in true }) -> [T] {
            let ids = Set(mine.map(id))
            let others = defaults.filter { !ids.contains(id($0)) && include($0) }
            for entry in others { fallbacks.insert(entry.origin.file) }
            // In the order of their files' names, as the default content keeps them.
            return (mine + others).sorted { id($0) < id($1) }
        }
        var named = Set<String>()
        for practice in own.practices { named.formUnion(practice.related); named.formUnion(practice.translations.map(\.id)) }
        for list in own.days.values { for day in list { named.formUnion(day.practices) } }
        let ownOrigins = own.practices.map(\.origin) + own.partners.map(\.origin) + own.workshops.map(\.origin)
            + own.days.values.flatMap { $0.map(\.origin) } + own.pages.map(\.origin)
        for origin in ownOrigins {
            for link in bodies[origin.file]?.links ?? [] where link.target.hasPrefix("practices/") && link.target.hasSuffix(".md") {
                named.insert(String(link.target.dropFirst("practices/".count).dropLast(3)))
            }
        }
        tree.practices = merged(own.practices, practices, id: \.id) { show || named.contains($0.id) }
        tree.partners = merged(own.partners, partners, id: \.id)
        tree.pages = merged(own.pages, pages, id: \.id)
        tree.workshops = merged(own.workshops, workshops, id: \.id)
        for (workshop, list) in days {
            tree.days[workshop] = merged(own.days[workshop] ?? [], list, id: \.id)
                .sorted { SourceTree.dayNumber($0.id) < SourceTree.dayNumber($1.id) }
        }
        for (workshop, list) in own.days where days[workshop] == nil {
            tree.days[workshop] = list.sorted { SourceTree.dayNumber($0.id) < SourceTree.dayNumber($1.id) }
        }
        // The day files of each workshop in either language, for the check of `days:`.
        for (workshop, list) in own.days {
            let ids = Set((dayFileIDs[workshop] ?? []) + list.map(\.id))
            tree.dayFileIDs[workshop] = ids.sorted { SourceTree.dayNumber($0) < SourceTree.dayNumber($1) }
        }
        for kind in [EntryKind.practice, .partner, .page, .workshop] {
            let ids: [String] = switch kind {
            case .practice: own.practices.map(\.id)
            case .partner: own.partners.map(\.id)
            case .workshop: own.workshops.map(\.id)
            default: own.pages.map(\.id)
            }
            tree.fileIDs[kind, default: []].formUnion(ids)
        }
        tree.fallbackFiles = fallbacks
        return tree
    }

    /// Every translation's origin, language by language, to render their bodies.
    var translationOrigins: [EntryOrigin] {
        translated.keys.sorted().flatMap { lang -> [EntryOrigin] in
            let own = translated[lang]!
            return own.practices.map(\.origin) + own.partners.map(\.origin) + own.workshops.map(\.origin)
                + own.days.keys.sorted().flatMap { own.days[$0]!.map(\.origin) } + own.pages.map(\.origin)
        }
    }

    /// The languages other than the default one, in the order site.yaml declares them.
    var otherLanguages: [String] { config.languages.filter { $0 != config.language } }
}

extension ParseStage.Parsed {
    /// The language an entry is a translation into, from its file's name; nil for an entry of
    /// the default language (whatever its `lang:` says).
    var translationLanguage: String? {
        let file = origin.file
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return SourceTree.entryName(name)?.lang
    }

    /// The language the entry is written in.
    var lang: String {
        switch self {
        case .practice(let entry): entry.lang
        case .partner(let entry): entry.lang
        case .workshop(let entry): entry.lang
        case .day(let entry): entry.lang
        case .page(let entry): entry.lang
        case .source(let entry): entry.lang ?? ""
        }
    }

    /// Sets the language of a translation, which its file name gives.
    mutating func setTranslation(_ lang: String) {
        switch self {
        case .practice(var entry): entry.lang = lang; self = .practice(entry)
        case .partner(var entry): entry.lang = lang; self = .partner(entry)
        case .workshop(var entry): entry.lang = lang; self = .workshop(entry)
        case .day(var entry): entry.lang = lang; self = .day(entry)
        case .page(var entry): entry.lang = lang; self = .page(entry)
        case .source(var entry): entry.lang = lang; self = .source(entry)
        }
    }
}
