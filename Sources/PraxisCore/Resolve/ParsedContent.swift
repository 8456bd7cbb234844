/// Everything stage "parse" produced: typed entries, drafts included, not yet linked.
struct ParsedContent: Sendable {
    var config: SiteConfig
    var practices: [Practice] = []
    var partners: [Partner] = []
    var workshops: [Workshop] = []
    var days: [String: [WorkshopDay]] = [:]
    var pages: [Page] = []
    var sources: [SourceDocument] = []
    var staticFiles: [String] = []
    var staticSizes: [String: Int] = [:]
    /// Ids of every entry file found, parsed or not. A reference to an entry whose file has
    /// problems of its own is not reported a second time as a reference to nothing.
    var fileIDs: [EntryKind: Set<String>] = [:]
    /// Day ids (`day-<n>`) of every workshop folder, parsed or not.
    var dayFileIDs: [String: [String]] = [:]
    /// Problems found while parsing; resolving goes on so that one build reports everything.
    var problems = Problems()
    /// The translations into each other language (ParsedContent+Languages).
    var translated: [String: Translations] = [:]
    /// The language of a tree made by `tree(for:)`; nil for the default language's.
    var treeLanguage: String?
    /// Files of the entries `tree(for:)` took from the default language: their pages are there.
    var fallbackFiles: Set<String> = []

    /// Every entry's origin, to render bodies in a fixed order.
    var origins: [EntryOrigin] {
        practices.map(\.origin) + partners.map(\.origin) + workshops.map(\.origin)
            + days.keys.sorted().flatMap { days[$0]!.map(\.origin) } + pages.map(\.origin) + sources.map(\.origin)
    }
}

/// `praxis serve`: one entry replaced, put in or taken out at its place, so that the content is
/// the one `ParseStage.assemble` makes of the tree with that file changed. Each returns false,
/// changing nothing, when it cannot find the place (the content is then assembled again).
extension ParsedContent {
    mutating func replace(_ old: ParseStage.Parsed, with new: ParseStage.Parsed) -> Bool {
        switch (old, new) {
        case (.practice(let old), .practice(let new)): return Self.replace(old.origin.file, in: &practices, with: new, sorted: true)
        case (.partner(let old), .partner(let new)): return Self.replace(old.origin.file, in: &partners, with: new, sorted: true)
        case (.page(let old), .page(let new)): return Self.replace(old.origin.file, in: &pages, with: new, sorted: true)
        case (.source(let old), .source(let new)): return Self.replace(old.origin.file, in: &sources, with: new, sorted: true)
        case (.workshop(let old), .workshop(let new)): return Self.replace(old.origin.file, in: &workshops, with: new, sorted: false)
        case (.day(let old), .day(let new)) where old.workshop == new.workshop:
            guard var list = days[old.workshop], Self.replace(old.origin.file, in: &list, with: new, sorted: false) else { return false }
            days[old.workshop] = list
            return true
        default: return false
        }
    }

    /// An entry of a folder of flat files (practices, partners, pages, seeds), in path order.
    mutating func insert(_ entry: ParseStage.Parsed) -> Bool {
        // A translation belongs to its language's tree: the content is assembled again.
        if entry.translationLanguage != nil { return false }
        switch entry {
        case .practice(let practice): Self.insert(practice, into: &practices)
        case .partner(let partner): Self.insert(partner, into: &partners)
        case .page(let page): Self.insert(page, into: &pages)
        case .source(let source): Self.insert(source, into: &sources)
        case .workshop, .day: return false
        }
        let (kind, id) = entry.ref
        fileIDs[kind, default: []].insert(id)
        return true
    }

    mutating func remove(_ entry: ParseStage.Parsed) -> Bool {
        let removed: Bool
        switch entry {
        case .practice(let practice): removed = Self.remove(practice.origin.file, from: &practices)
        case .partner(let partner): removed = Self.remove(partner.origin.file, from: &partners)
        case .page(let page): removed = Self.remove(page.origin.file, from: &pages)
        case .source(let source): removed = Self.remove(source.origin.file, from: &sources)
        case .workshop, .day: return false
        }
        if removed { fileIDs[entry.ref.kind]?.remove(entry.ref.id) }
        return removed
    }

    private static func replace<T: ParsedEntry>(_ file: String, in list: inout [T], with new: T, sorted: Bool) -> Bool {
        let index = sorted ? place(of: file, in: list) : list.firstIndex { $0.origin.file == file } ?? list.count
        guard index < list.count, list[index].origin.file == file else { return false }
        list[index] = new
        return true
    }

    private static func insert<T: ParsedEntry>(_ entry: T, into list: inout [T]) {
        list.insert(entry, at: place(of: entry.origin.file, in: list))
    }

    private static func remove<T: ParsedEntry>(_ file: String, from list: inout [T]) -> Bool {
        let index = place(of: file, in: list)
        guard index < list.count, list[index].origin.file == file else { return false }
        list.remove(at: index)
        return true
    }

    /// The first place whose file does not come before `file`: the tree lists a folder's files
    /// in the order of their names.
    private static func place<T: ParsedEntry>(of file: String, in list: [T]) -> Int {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].origin.file < file { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// An entry as stage "parse" makes it.
protocol ParsedEntry {
    var origin: EntryOrigin { get }
}

extension Practice: ParsedEntry {}
extension Partner: ParsedEntry {}
extension Workshop: ParsedEntry {}
extension WorkshopDay: ParsedEntry {}
extension Page: ParsedEntry {}
extension SourceDocument: ParsedEntry {}

extension ParseStage.Parsed {
    /// The kind and id other entries name it by.
    var ref: (kind: EntryKind, id: String) {
        switch self {
        case .practice(let practice): (.practice, practice.id)
        case .partner(let partner): (.partner, partner.id)
        case .workshop(let workshop): (.workshop, workshop.id)
        case .day(let day): (.day, day.workshop + "/" + day.id)
        case .page(let page): (.page, page.id)
        case .source(let source): (.source, source.id)
        }
    }
}
