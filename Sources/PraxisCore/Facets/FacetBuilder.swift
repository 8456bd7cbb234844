/// Stage "facets": every facet is a partition function `(Practice) -> [(id, label)]` fed to
/// one generic grouping, so a new facet is one line, not a new writer.
enum FacetBuilder {
    typealias Partition = @Sendable (Practice) -> [(id: String, label: String)]

    /// Throws when two spellings of tags share a slug (TagSlugs): merging them would hide one.
    /// Each facet is a pass over every practice, independent of the others: they are grouped
    /// side by side on the cores (`praxis serve` groups them again after every edit).
    static func build(_ site: Site, labels: FacetLabels) async throws -> [Facet] {
        let slugs = try TagSlugs.make(site.practices)
        var groupings: [@Sendable () -> Facet] = site.config.facets.map { vocabulary in
            {
                let order = Dictionary(vocabulary.values.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
                // Every declared value has its page, also one no practice uses yet: the vocabulary
                // shows readers what the catalogue covers.
                return group(site, name: vocabulary.name, label: vocabulary.label, kind: .vocabulary,
                             ordered: { order[$0.id] ?? .max < order[$1.id] ?? .max },
                             including: vocabulary.values.map { ($0.id, $0.label) }) {
                    ($0.facetValues[vocabulary.name] ?? []).map { ($0, vocabulary.label(of: $0) ?? $0) }
                }
            }
        }
        let language = site.config.language
        groupings.append {
            group(site, name: "country", label: labels.country, kind: .country, spellings: true) {
                guard let code = $0.place?.country else { return [] }
                return [(code.lowercased(), CountryNames.name(of: code, language: language))]
            }
        }
        groupings.append {
            group(site, name: "tags", label: labels.tags, kind: .tags, spellings: true) { $0.tags.map { (slugs[$0]!, $0) } }
        }
        let partners = site.partnerByID
        // Every partner is listed, also one that so far only runs a workshop (count 0).
        groupings.append {
            group(site, name: "partners", label: labels.partners, kind: .partners, including: site.partners.map { ($0.id, $0.title) }) {
                $0.partners.compactMap { id in partners[id].map { (id, $0.title) } }
            }
        }
        return await Parallel.map(groupings, minimumChunk: 1) { $0() }
    }

    /// `facets` with the labels of the facets Praxis adds taken from `labels`, as `build`
    /// would give them; the values and their practices stay.
    static func relabel(_ facets: [Facet], labels: FacetLabels) -> [Facet] {
        facets.map { facet in
            var facet = facet
            if let label = labels.label(of: facet.kind) { facet.label = label }
            return facet
        }
    }

    /// Groups the site's practices by `partition`. Free values that fold to one slug
    /// ("Ehrenamt", "ehrenamt") become one value, labelled with the spelling most practices
    /// use (on a tie, the one that sorts first, so capitals win); `spellings` says a facet has
    /// such values (the others give one label per id).
    private static func group(_ site: Site, name: String, label: String, kind: Facet.Kind,
                              ordered: ((Facet.Value, Facet.Value) -> Bool)? = nil,
                              including always: [(id: String, label: String)] = [],
                              spellings countSpellings: Bool = false,
                              by partition: Partition) -> Facet {
        var values: [String: Facet.Value] = [:]
        for (id, label) in always { values[id] = Facet.Value(id: id, label: label, practices: []) }
        var spellings: [String: [String: Int]] = [:]
        for practice in site.practices {
            // A practice has a few values: a list is quicker than a set. A practice with
            // thousands of tags would make the list quadratic, so it gets a set.
            let pairs = partition(practice)
            var seen = SeenIDs(expected: pairs.count)
            for (id, valueLabel) in pairs where !id.isEmpty && seen.insert(id) {
                values[id, default: Facet.Value(id: id, label: valueLabel, practices: [])].practices.append(practice.id)
                if countSpellings { spellings[id, default: [:]][valueLabel, default: 0] += 1 }
            }
        }
        for (id, counts) in spellings where counts.count > 1 {
            values[id]?.label = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
        }
        let sorted = ordered.map { values.values.sorted(by: $0) }
            ?? GermanCollation.sorted(Array(values.values), by: \.label, tieBreak: { $0.id < $1.id })
        return Facet(name: name, label: label, kind: kind, values: sorted)
    }
}

/// The ids a practice has been counted under: a list for the usual few, a set for many.
private struct SeenIDs {
    private var list: [String] = []
    private var set: Set<String>?

    init(expected: Int) {
        if expected > 16 { set = Set(minimumCapacity: expected) }
    }

    /// True when `id` was not seen before.
    mutating func insert(_ id: String) -> Bool {
        if set != nil { return set!.insert(id).inserted }
        if list.contains(id) { return false }
        list.append(id)
        return true
    }
}

/// The labels of the facets Praxis adds itself, from the theme's strings.
struct FacetLabels: Sendable {
    var country: String
    var tags: String
    var partners: String

    init(country: String, tags: String, partners: String) {
        self.country = country
        self.tags = tags
        self.partners = partners
    }

    init(_ strings: [String: String]) {
        self.init(country: strings["country"] ?? "Land", tags: strings["tags"] ?? "Schlagwörter",
                  partners: strings["partners"] ?? "Partner")
    }

    /// The label of a facet of `kind` that Praxis adds; nil for a declared one.
    func label(of kind: Facet.Kind) -> String? {
        switch kind {
        case .vocabulary: nil
        case .country: country
        case .tags: tags
        case .partners: partners
        }
    }
}
