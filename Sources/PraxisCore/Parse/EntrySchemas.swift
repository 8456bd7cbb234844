/// The front-matter keys of every entry kind, in one place (a practice's come from its rows,
/// `PracticeFields`): the parsers check files against them (a mistyped key is reported with the
/// nearest known one), and the tests that edit entries at random take their keys from here, so
/// a new key is covered without touching them.
extension EntryParser {
    /// A practice's own keys, from its rows (`PracticeFields`); the facets of site.yaml come on
    /// top (`keys(of:)`), so a facet may not take one of these names (SiteConfig+Parse refuses it).
    static let practiceKeys: [String: KeySchema] = Dictionary(uniqueKeysWithValues: PracticeFields.all.compactMap { field in
        field.key.map { ($0, field.schema) }
    })

    static let partnerKeys: [String: KeySchema] = [
        "title": .value, "short": .value, "country": .value, "url": .value, "kind": .value, "summary": .value, "lang": .value,
    ]

    static let workshopKeys: [String: KeySchema] = [
        "title": .value, "summary": .value, "days": .value, "audience": .value, "max_participants": .value,
        "price": .map(["amount": .value, "currency": .value, "note": .value]), "partners": .value, "sources": .value,
        "media": .listOfMaps(EntryReader.mediaKeys), "lang": .value,
    ]

    static let dayKeys: [String: KeySchema] = [
        "title": .value, "day": .value, "motto": .value, "summary": .value,
        "sessions": .listOfMaps(["time": .value, "title": .value, "note": .value]),
        "practices": .value, "materials": .listOfMaps(["title": .value, "file": .value]), "lang": .value,
    ]

    static let pageKeys: [String: KeySchema] = ["title": .value, "summary": .value, "lang": .value]

    static let sourceKeys: [String: KeySchema] = [
        "title": .value, "publisher": .value, "author": .value, "date": .value, "lang": .value, "url": .value,
    ]

    /// The keys of `kind` for this site (a practice's with the site's facets).
    func keys(of kind: EntryKind) -> [String: KeySchema] {
        switch kind {
        case .practice:
            var keys = Self.practiceKeys
            for facet in site.facets { keys[facet.name] = .value }
            return keys
        case .partner: return Self.partnerKeys
        case .workshop: return Self.workshopKeys
        case .day: return Self.dayKeys
        case .page: return Self.pageKeys
        case .source: return Self.sourceKeys
        }
    }
}
