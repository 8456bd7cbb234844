import Foundation

/// Stage "parse" over all files: site.yaml first (entries are checked against its facets),
/// then every entry file, in parallel chunks merged back in a fixed order.
///
/// The steps are separate functions so that `praxis serve` (Live/SourceState) parses only the
/// files that changed and assembles the rest from its cache, in the same order and with the
/// same messages as a full build.
enum ParseStage {
    /// One entry file to parse, by kind.
    enum Job: Sendable {
        case practice(SourceTree.File), partner(SourceTree.File), workshop(SourceTree.File)
        case day(SourceTree.File, String), page(SourceTree.File), source(SourceTree.File)

        var file: SourceTree.File {
            switch self {
            case .practice(let file), .partner(let file), .workshop(let file), .day(let file, _), .page(let file), .source(let file): file
            }
        }
    }

    enum Parsed: Sendable {
        case practice(Practice), partner(Partner), workshop(Workshop), day(WorkshopDay), page(Page), source(SourceDocument)
    }

    /// With `markdown`, each chunk's bodies are rendered as soon as it is parsed (see MarkdownStage).
    static func run(_ tree: SourceTree, baseURL: String?, problems earlier: Problems,
                    markdown: MarkdownStage? = nil) async throws -> ParsedContent {
        var problems = earlier
        let config = try self.config(tree, baseURL: baseURL, problems: &problems)
        let parser = EntryParser(site: config)
        let jobs = self.jobs(tree)
        let results = await Parallel.mapChunks(jobs, minimumChunk: 64) { chunk -> [([Parsed], Problems)] in
            var local = Problems()
            var parsed = chunk.compactMap { parse($0, parser: parser, problems: &local) }
            markdown?.render(&parsed)
            return [(parsed, local)]
        }
        var content = assemble(tree, config: config, results: results, problems: problems)
        content.staticSizes = staticSizes(tree.staticFiles, root: tree.root)
        return content
    }

    /// Reads content/site.yaml; without it, or with problems in it, nothing else can be checked.
    static func config(_ tree: SourceTree, baseURL: String?, problems: inout Problems) throws -> SiteConfig {
        guard let siteFile = tree.siteYAML else {
            try problems.check(stage: "load")
            throw BuildFailure(stage: "load", diagnostics: [])
        }
        var config: SiteConfig?
        switch SourceFile.read(siteFile.url, path: siteFile.path) {
        case .failure(let problem): problems.add(problem)
        case .success(let file): config = SiteConfig.parse(file, baseURLOverride: baseURL, problems: &problems)
        }
        guard let config, problems.isEmpty else {
            try problems.check(stage: "parse")
            throw BuildFailure(stage: "parse", diagnostics: [])
        }
        return config
    }

    /// Every entry file of the tree in the order entries are kept: practices, partners,
    /// workshops each followed by its days, pages, sources.
    static func jobs(_ tree: SourceTree) -> [Job] {
        var jobs: [Job] = tree.practices.map { .practice($0) } + tree.partners.map { .partner($0) }
        for workshop in tree.workshops {
            if let index = workshop.index { jobs.append(.workshop(index)) }
            jobs += workshop.translations.map { .workshop($0) }
            jobs += workshop.days.map { .day($0, workshop.id) }
        }
        jobs += tree.pages.map { .page($0) } + tree.seeds.map { .source($0) }
        return jobs
    }

    /// One file: the entry, or nil with its problems added. A translation's language comes from
    /// its file name, which must name a language of the site other than the default one.
    static func parse(_ job: Job, parser: EntryParser, problems: inout Problems) -> Parsed? {
        guard let lang = job.file.lang else { return parseEntry(job, parser: parser, problems: &problems) }
        let config = parser.site
        if case .source = job {
            problems.add(job.file.path, line: nil, "is named as a translation, but the source register is not translated.",
                         hint: "Give each source document one file seeds/<id>.md; lang: says which language the document is in.")
            return nil
        }
        let name = job.file.path.split(separator: "/").last.map(String.init) ?? job.file.path
        let plain = name.replacingOccurrences(of: ".\(lang).md", with: ".md")
        guard config.languages.contains(lang), lang != config.language else {
            problems.add(job.file.path, line: nil,
                         lang == config.language
                            ? "is named as a translation into \(lang), which is the site's default language."
                            : "is named as a translation into \(lang), which is not a language of the site.",
                         hint: lang == config.language
                            ? "Name it \(plain): files of the default language have no language in their name."
                            : "Declare it in content/site.yaml (languages: [\((config.languages + [lang]).joined(separator: ", "))]) or rename the file; declared: \(config.languages.joined(separator: ", ")).")
            return nil
        }
        guard var entry = parseEntry(job, parser: parser, problems: &problems) else { return nil }
        if entry.origin.lines.has("lang"), entry.lang != lang {
            problems.add(job.file.path, line: entry.origin.lines.line("lang"), key: "lang", "says \(entry.lang), but the file name says \(lang).",
                         hint: "Remove lang: (the name \(name) gives the language) or correct it.")
            return nil
        }
        entry.setTranslation(lang)
        return entry
    }

    private static func parseEntry(_ job: Job, parser: EntryParser, problems: inout Problems) -> Parsed? {
        switch job {
        case .practice(let file): parser.practice(file, problems: &problems).map { .practice($0) }
        case .partner(let file): parser.partner(file, problems: &problems).map { .partner($0) }
        case .workshop(let file): parser.workshop(file, problems: &problems).map { .workshop($0) }
        case .day(let file, let workshop): parser.day(file, workshop: workshop, problems: &problems).map { .day($0) }
        case .page(let file): parser.page(file, problems: &problems).map { .page($0) }
        case .source(let file): parser.source(file, problems: &problems).map { .source($0) }
        }
    }

    /// The parsed entries, in job order, into one `ParsedContent` (static sizes aside).
    static func assemble(_ tree: SourceTree, config: SiteConfig, results: [([Parsed], Problems)], problems earlier: Problems) -> ParsedContent {
        var problems = earlier
        var content = ParsedContent(config: config)
        content.staticFiles = tree.staticFiles
        content.dayFileIDs = Dictionary(tree.workshops.map { ($0.id, $0.defaultDays.map(\.id)) }, uniquingKeysWith: { a, _ in a })
        func ids(_ files: [SourceTree.File]) -> Set<String> { Set(files.lazy.filter { $0.lang == nil }.map(\.id)) }
        content.fileIDs = [
            .practice: ids(tree.practices), .partner: ids(tree.partners),
            .workshop: Set(tree.workshops.lazy.filter { $0.index != nil }.map(\.id)), .page: ids(tree.pages), .source: ids(tree.seeds),
        ]
        for (parsed, local) in results {
            problems.add(contentsOf: local)
            for entry in parsed {
                // A translation (`<id>.en.md`) waits beside the default language's entries for
                // its language's tree (ParsedContent+Languages).
                if let lang = entry.translationLanguage {
                    content.translated[lang, default: Translations()].add(entry)
                    continue
                }
                switch entry {
                case .practice(let practice): content.practices.append(practice)
                case .partner(let partner): content.partners.append(partner)
                case .workshop(let workshop): content.workshops.append(workshop)
                case .day(let day): content.days[day.workshop, default: []].append(day)
                case .page(let page): content.pages.append(page)
                case .source(let source): content.sources.append(source)
                }
            }
        }
        content.problems = problems
        return content
    }

    /// Byte sizes of the files below content/static/, shown beside a workshop day's materials.
    static func staticSizes(_ paths: [String], root: URL) -> [String: Int] {
        var sizes: [String: Int] = [:]
        for path in paths { sizes[path] = staticSize(path, root: root) }
        return sizes
    }

    static func staticSize(_ path: String, root: URL) -> Int {
        let attributes = try? FileManager.default.attributesOfItem(atPath: root.appending(path: "content/static/\(path)").path)
        return (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }
}
