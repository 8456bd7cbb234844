/// Stage "facets": every facet is a `FacetGrouping` (a partition function `(Practice) ->
/// [(id, label)]` with what it reads besides the practice) fed to one generic grouping, so a new
/// facet is one case, not a new writer.
enum FacetBuilder {
    /// Throws when two spellings of tags share a slug (TagSlugs): merging them would hide one.
    /// Each facet is a pass over every practice, independent of the others: they are grouped
    /// side by side on the cores.
    static func build(_ site: Site, labels: FacetLabels) async throws -> FacetSet {
        let slugs = try TagSlugs.make(site.practices)
        let groupings = FacetGrouping.all(site, labels: labels)
        let made = await Parallel.map(groupings, minimumChunk: 1) { grouping in
            var tally = FacetTally()
            for practice in site.practices {
                tally.add(practice, grouping.partition(practice, slug: { slugs[$0]! }), countingSpellings: grouping.countsSpellings)
            }
            return (grouping.facet(tally), tally)
        }
        return FacetSet(facets: made.map(\.0), groupings: groupings, tallies: made.map(\.1))
    }

    /// `facets` with the labels of the facets Praxis adds taken from `labels`, as `build`
    /// would give them; the values and their practices stay.
    static func relabel(_ facets: FacetSet, labels: FacetLabels) -> FacetSet {
        var facets = facets
        for index in facets.facets.indices {
            if let label = labels.label(of: facets.facets[index].kind) {
                facets.facets[index].label = label
                facets.groupings[index].label = label
            }
        }
        return facets
    }
}

/// The facets of a site with what made them: each facet's grouping and tally, so that
/// `praxis serve` can take one practice's values out and put its new ones in (`patched`).
struct FacetSet: Sendable {
    var facets: [Facet]
    var groupings: [FacetGrouping]
    var tallies: [FacetTally]
}

/// One facet as data: its name and label and everything its partition reads besides the
/// practice. The partition is a function of a practice and of this value alone, so two equal
/// groupings group every practice the same way.
struct FacetGrouping: Sendable {
    /// Not read by the partition: a new label changes no value.
    var label: String
    var name: String
    var kind: Facet.Kind
    /// Values listed also when no practice has them, in this order for a vocabulary: every
    /// declared value (readers see what the catalogue covers), every partner (one that so far
    /// only runs a workshop has count 0).
    var including: [Pair]
    /// The site's language, for the names of countries.
    var language: String
    /// `including` by id (the first of an id), for labels and order.
    private var labels: [String: String]
    private var order: [String: Int]

    struct Pair: Equatable, Sendable {
        var id: String
        var label: String
    }

    init(name: String, label: String, kind: Facet.Kind, including: [Pair] = [], language: String) {
        self.name = name
        self.label = label
        self.kind = kind
        self.including = including
        self.language = language
        labels = Dictionary(including.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        order = Dictionary(including.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The vocabularies of site.yaml, then the facets Praxis adds.
    static func all(_ site: Site, labels: FacetLabels) -> [FacetGrouping] {
        let language = site.pageLanguage
        return site.config.facets.map { vocabulary in
            FacetGrouping(name: vocabulary.name, label: vocabulary.label, kind: .vocabulary,
                          including: vocabulary.values.map { Pair(id: $0.id, label: $0.label) }, language: language)
        } + [
            FacetGrouping(name: "country", label: labels.country, kind: .country, language: language),
            FacetGrouping(name: "tags", label: labels.tags, kind: .tags, language: language),
            FacetGrouping(name: "partners", label: labels.partners, kind: .partners,
                          including: site.partners.map { Pair(id: $0.id, label: $0.title) }, language: language),
        ]
    }

    /// Free values that fold to one slug ("Ehrenamt", "ehrenamt") are one value, labelled with
    /// the spelling most practices use; the other facets give one label per id.
    var countsSpellings: Bool { kind == .country || kind == .tags }

    /// The values of `practice` in this facet; `slug` is the slug of a tag (`TagSlugs`).
    func partition(_ practice: Practice, slug: (String) -> String) -> [(id: String, label: String)] {
        switch kind {
        case .vocabulary: return (practice.facetValues[name] ?? []).map { ($0, labels[$0] ?? $0) }
        case .country:
            guard let code = practice.place?.country else { return [] }
            return [(code.lowercased(), CountryNames.name(of: code, language: language))]
        case .tags: return practice.tags.map { (slug($0), $0) }
        case .partners: return practice.partners.compactMap { id in labels[id].map { (id, $0) } }
        }
    }

    /// The facet of `tally`: its values labelled and in display order (vocabulary order for a
    /// declared facet, German alphabetical order otherwise).
    func facet(_ tally: FacetTally) -> Facet {
        var values = tally.values
        // A value listed in `including` keeps the label given there (the last of its id).
        for (id, label) in including.map({ ($0.id, $0.label) }) {
            if values[id] == nil { values[id] = Facet.Value(id: id, label: label, practices: []) } else { values[id]!.label = label }
        }
        for (id, counts) in tally.spellings where counts.count > 1 {
            values[id]?.label = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
        }
        let sorted = kind == .vocabulary ? values.values.sorted { order[$0.id] ?? .max < order[$1.id] ?? .max }
            : GermanCollation.sorted(Array(values.values), by: \.label, tieBreak: { $0.id < $1.id })
        return Facet(name: name, label: label, kind: kind, values: sorted)
    }

    /// Equal when they group every practice the same way: neither the facet's label nor those
    /// of `including` are compared (`facet(_:)` gives each value of `including` its label there,
    /// whatever label the tally holds), only its ids in their order.
    func groupsAlike(_ other: FacetGrouping) -> Bool {
        name == other.name && kind == other.kind && language == other.language
            && including.count == other.including.count && zip(including, other.including).allSatisfy { $0.id == $1.id }
    }
}

/// The values of one facet as the practices give them, before labels from `including` and
/// order: each value with the first label a practice gave it and its practices in the order
/// they were added (the site's order), and how often each spelling was given.
struct FacetTally: Sendable {
    var values: [String: Facet.Value] = [:]
    var spellings: [String: [String: Int]] = [:]

    /// Counts `practice` under `pairs`, its partition.
    mutating func add(_ practice: Practice, _ pairs: [(id: String, label: String)], countingSpellings: Bool) {
        // A practice has a few values: a list is quicker than a set. A practice with
        // thousands of tags would make the list quadratic, so it gets a set.
        var seen = SeenIDs(expected: pairs.count)
        for (id, label) in pairs where !id.isEmpty && seen.insert(id) {
            values[id, default: Facet.Value(id: id, label: label, practices: [])].practices.append(practice.id)
            if countingSpellings { spellings[id, default: [:]][label, default: 0] += 1 }
        }
    }
}

/// The ids a practice has been counted under: a list for the usual few, a set for many.
struct SeenIDs {
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
