/// `praxis serve`: stage "resolve" again after an edit of a few entry files, from what the last
/// one kept. What is checked again is derived from what changed, never from a list of which
/// field feeds which table: the entries of the files read again, added or removed, and every
/// entry whose checks read one of their ids (the `ReadLog` of the last resolve). Their
/// contributions are made by the same functions a build uses; each list of the tables that one
/// of their rows was or is in is made again from the rows of the entries that read its id. When
/// any problem comes up, nothing is patched: the whole resolve runs and reports the problems in
/// a build's order.
struct ResolveState: Sendable {
    var lookups: Lookups
    /// Every entry's contribution, by file.
    var contributions: [String: Contribution]
    /// The files of the entries whose checks read each ref.
    var readers: [EntryRef: Set<String>]
}

extension Resolver {
    /// The whole resolve, with what `patched` needs next time.
    static func resolveKeepingState(content: ParsedContent, bodies: [String: RenderedMarkdown],
                                    includeDrafts: Bool) throws -> (site: Site, state: ResolveState) {
        let resolver = Resolver(content: content, bodies: bodies, includeDrafts: includeDrafts, log: ReadLog())
        let (site, parts) = try resolver.resolveKeeping(true)
        var readers: [EntryRef: Set<String>] = [:]
        for (file, part) in parts {
            for ref in part.reads { readers[ref, default: []].insert(file) }
        }
        return (site, ResolveState(lookups: resolver.lookups, contributions: parts, readers: readers))
    }

    /// `site` (resolved by the last update, which left `state`) made the site of `content`, in
    /// which `delta` changed, and `state` made that of the new site (changed in place: it is
    /// large). Nil when only the whole resolve can tell (a problem); `state` is then of no use.
    static func patched(_ site: Site, state: inout ResolveState, content: ParsedContent, bodies: [String: RenderedMarkdown],
                        delta: SourceState.Delta, includeDrafts: Bool) -> Site? {
        guard content.problems.isEmpty else { return nil }
        let log = ReadLog()
        state.lookups.patch(content, before: delta.before, after: delta.after, log: log)
        let lookups = state.lookups
        let resolver = Resolver(content: content, bodies: bodies, includeDrafts: includeDrafts, lookups: lookups)

        // The entries to check again: those changed, and those that read a changed id.
        var files = delta.edited.union(delta.added)
        for entry in delta.before + delta.after {
            files.formUnion(state.readers[EntryRef(kind: entry.ref.kind, id: entry.ref.id)] ?? [])
        }
        files.subtract(delta.removed)
        var problems = Problems()
        var parts: [String: Contribution] = [:]
        for file in files {
            guard let entry = content.entry(at: file) else { return nil }
            var part: Contribution
            switch entry {
            case .practice(let practice): part = resolver.contribution(of: practice, problems: &problems)
            case .workshop(let workshop):
                guard let index = content.workshops.firstIndex(where: { $0.origin.file == file }) else { return nil }
                part = resolver.contribution(of: workshop, index: index, problems: &problems)
            case .day(let day): part = resolver.contribution(of: day, problems: &problems)
            case .partner, .page, .source: part = Contribution()
            }
            part.links = resolver.links(of: entry.origin, problems: &problems)
            part.reads.formUnion(log.take())
            guard problems.isEmpty else { return nil }
            parts[file] = part
        }
        let practices = delta.after.compactMap { entry -> Practice? in
            if case .practice(let practice) = entry { return practice } else { return nil }
        }
        resolver.checkURLSpace(practices: practices, problems: &problems)
        guard problems.isEmpty else { return nil }

        // The contributions and who read what. A list is made again when a row of it came or
        // went, or when it holds a row of a changed entry or one placed by a changed practice
        // (whose place in the order may differ).
        var touched = Set<LinkKey>()
        let changedFiles = delta.edited.union(delta.added).union(delta.removed)
        let changedPractices = Set((delta.before + delta.after).compactMap { entry -> String? in
            if case .practice(let practice) = entry { return practice.id } else { return nil }
        })
        for file in files.union(delta.removed) {
            let old = state.contributions[file]
            for ref in old?.reads ?? [] {
                state.readers[ref]?.remove(file)
                if state.readers[ref]?.isEmpty == true { state.readers[ref] = nil }
            }
            let new = parts[file]
            if changedFiles.contains(file) || old?.rows != new?.rows
                || (new?.rows ?? []).contains(where: { $0.placedBy.map(changedPractices.contains) == true }) {
                touched.formUnion((old?.rows ?? []).map(\.key))
                touched.formUnion((new?.rows ?? []).map(\.key))
            }
            state.contributions[file] = new
        }
        for (file, part) in parts {
            for ref in part.reads { state.readers[ref, default: []].insert(file) }
        }

        // The published practices: the old versions of those changed taken out, the new put in.
        var site = site
        var published = site.practices
        for case .practice(let old) in delta.before where site.practiceByID[old.id]?.origin.file == old.origin.file {
            guard let index = PracticeOrder.index(of: old, in: published) else { return nil }
            published.remove(at: index)
            site.practiceByID[old.id] = nil
        }
        var added: [Practice] = []
        for case .practice(let new) in delta.after where lookups.isPublished(new.id) {
            added.append(new)
            site.practiceByID[new.id] = new
        }
        site.practices = PracticeOrder.inserting(added, into: published)
        _ = log.take()

        // Each list a row was or is in, from the rows of the entries that read its id.
        let ranking = TitleOrder(practices: site.practiceByID)
        var tables = LinkTables(practicesOfPartner: site.practicesOfPartner, workshopsOfPartner: site.workshopsOfPartner,
                                relatedOf: site.relatedOf, daysOfPractice: site.daysOfPractice, citationsOf: site.citationsOf)
        site.practicesOfPartner = [:]
        site.workshopsOfPartner = [:]
        site.relatedOf = [:]
        site.daysOfPractice = [:]
        site.citationsOf = [:]
        for key in touched {
            let ref = key.ref
            var givers = state.readers[ref] ?? []
            if let own = lookups.file(of: ref.kind, ref.id) { givers.insert(own) }
            _ = log.take()
            guard let rows = content.rowsInBuildOrder(of: givers, contributions: state.contributions, ranking: ranking) else { return nil }
            tables.set(key, rows: rows, by: ranking)
        }
        site.practicesOfPartner = tables.practicesOfPartner
        site.workshopsOfPartner = tables.workshopsOfPartner
        site.relatedOf = tables.relatedOf
        site.daysOfPractice = tables.daysOfPractice
        site.citationsOf = tables.citationsOf

        // The days, bodies and link targets of the entries checked again.
        for (file, part) in parts {
            if let shown = part.shown {
                guard case .day(var day)? = content.entry(at: file),
                      let position = site.days[day.workshop]?.firstIndex(where: { $0.id == day.id }) else { return nil }
                day.practices = shown
                site.days[day.workshop]![position] = day
            }
            site.linkTargets[file] = part.links
        }
        for file in delta.removed { site.linkTargets[file] = nil }
        site.bodies = bodies
        site.config = content.config

        // The lists of the other kinds (a few hundred entries each) are sorted again when one
        // of their entries changed.
        let kinds = Set((delta.before + delta.after).map(\.ref.kind))
        if kinds.contains(.partner) {
            site.partners = GermanCollation.sorted(content.partners, by: \.title)
            site.partnerByID = lookups.partnerTable
        }
        if kinds.contains(.workshop) {
            site.workshops = GermanCollation.sorted(content.workshops, by: \.title)
            site.workshopByID = lookups.workshopTable
        }
        if kinds.contains(.page) { site.pages = GermanCollation.sorted(content.pages, by: \.title) }
        if kinds.contains(.source) {
            site.sources = GermanCollation.sorted(content.sources, by: \.title)
            site.sourceByID = lookups.sourceTable
        }
        return site
    }
}

/// `praxis serve`: the order of the published practices, told from their titles (as
/// `PracticeOrder` sorts them) without a table of every practice's place.
struct TitleOrder: PracticeRanking {
    let practices: [String: Practice]

    func precedes(_ a: String, _ b: String) -> Bool {
        PracticeOrder.precedes(practices[a]!, practices[b]!)
    }
}

extension ParsedContent {
    /// The entry parsed from `file`.
    func entry(at file: String) -> ParseStage.Parsed? {
        if let practice = Self.find(file, in: practices) { return .practice(practice) }
        if let partner = Self.find(file, in: partners) { return .partner(partner) }
        if let page = Self.find(file, in: pages) { return .page(page) }
        if let source = Self.find(file, in: sources) { return .source(source) }
        if let workshop = workshops.first(where: { $0.origin.file == file }) { return .workshop(workshop) }
        for list in days.values { if let day = list.first(where: { $0.origin.file == file }) { return .day(day) } }
        return nil
    }

    /// Binary search: a flat folder's entries are in the order of their files.
    private static func find<T: ParsedEntry>(_ file: String, in list: [T]) -> T? {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].origin.file < file { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low].origin.file == file ? list[low] : nil
    }

    /// The rows of the entries of `files`, in the order a build adds them (`Resolver.resolveKeeping`):
    /// the published practices in order, the workshops, the days by workshop and place.
    func rowsInBuildOrder(of files: Set<String>, contributions: [String: Contribution], ranking: TitleOrder) -> [LinkRow]? {
        var practices: [(Practice, [LinkRow])] = [], workshops: [(Int, [LinkRow])] = [], days: [((String, Int), [LinkRow])] = []
        for file in files {
            guard let rows = contributions[file]?.rows, !rows.isEmpty else { continue }
            switch entry(at: file) {
            case .practice(let practice)?: practices.append((practice, rows))
            case .workshop?:
                guard let index = self.workshops.firstIndex(where: { $0.origin.file == file }) else { return nil }
                workshops.append((index, rows))
            case .day(let day)?:
                guard let position = self.days[day.workshop]?.firstIndex(where: { $0.origin.file == file }) else { return nil }
                days.append(((day.workshop, position), rows))
            default: return nil
            }
        }
        let keyed = practices.map { (PracticeOrder.sortKey($0.0), $0.1) }
        return keyed.sorted { $0.0 < $1.0 }.flatMap(\.1) + workshops.sorted { $0.0 < $1.0 }.flatMap(\.1)
            + days.sorted { $0.0 < $1.0 }.flatMap(\.1)
    }
}
