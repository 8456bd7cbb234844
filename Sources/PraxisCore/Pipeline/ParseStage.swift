import Foundation

/// Stage "parse" over all files: site.yaml first (entries are checked against its facets),
/// then every entry file, in parallel chunks merged back in a fixed order.
enum ParseStage {
    static func run(_ tree: SourceTree, baseURL: String?, problems earlier: Problems) async throws -> ParsedContent {
        var problems = earlier
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

        let parser = EntryParser(site: config)
        enum Job: Sendable {
            case practice(SourceTree.File), partner(SourceTree.File), workshop(SourceTree.File)
            case day(SourceTree.File, String), page(SourceTree.File), source(SourceTree.File)
        }
        enum Parsed: Sendable {
            case practice(Practice), partner(Partner), workshop(Workshop), day(WorkshopDay), page(Page), source(SourceDocument)
        }
        var jobs: [Job] = tree.practices.map { .practice($0) } + tree.partners.map { .partner($0) }
        for workshop in tree.workshops {
            if let index = workshop.index { jobs.append(.workshop(index)) }
            jobs += workshop.days.map { .day($0, workshop.id) }
        }
        jobs += tree.pages.map { .page($0) } + tree.seeds.map { .source($0) }

        let chunkSize = 64
        let chunks = stride(from: 0, to: jobs.count, by: chunkSize).map { Array(jobs[$0..<min($0 + chunkSize, jobs.count)]) }
        let results = await withTaskGroup(of: (Int, [Parsed], Problems).self) { group in
            for (index, chunk) in chunks.enumerated() {
                group.addTask {
                    var local = Problems()
                    var parsed: [Parsed] = []
                    for job in chunk {
                        switch job {
                        case .practice(let file): parser.practice(file, problems: &local).map { parsed.append(.practice($0)) }
                        case .partner(let file): parser.partner(file, problems: &local).map { parsed.append(.partner($0)) }
                        case .workshop(let file): parser.workshop(file, problems: &local).map { parsed.append(.workshop($0)) }
                        case .day(let file, let workshop): parser.day(file, workshop: workshop, problems: &local).map { parsed.append(.day($0)) }
                        case .page(let file): parser.page(file, problems: &local).map { parsed.append(.page($0)) }
                        case .source(let file): parser.source(file, problems: &local).map { parsed.append(.source($0)) }
                        }
                    }
                    return (index, parsed, local)
                }
            }
            var ordered = [([Parsed], Problems)](repeating: ([], Problems()), count: chunks.count)
            for await (index, parsed, local) in group { ordered[index] = (parsed, local) }
            return ordered
        }

        var content = ParsedContent(config: config)
        content.staticFiles = tree.staticFiles
        content.dayFileIDs = Dictionary(tree.workshops.map { ($0.id, $0.days.map(\.id)) }, uniquingKeysWith: { a, _ in a })
        content.fileIDs = [
            .practice: Set(tree.practices.map(\.id)), .partner: Set(tree.partners.map(\.id)),
            .workshop: Set(tree.workshops.map(\.id)), .page: Set(tree.pages.map(\.id)), .source: Set(tree.seeds.map(\.id)),
        ]
        for (parsed, local) in results {
            problems.add(contentsOf: local)
            for entry in parsed {
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
        for path in tree.staticFiles {
            let attributes = try? FileManager.default.attributesOfItem(atPath: tree.root.appending(path: "content/static/\(path)").path)
            content.staticSizes[path] = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        }
        content.problems = problems
        return content
    }
}
