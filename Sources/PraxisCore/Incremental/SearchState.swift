import Foundation

/// Stage "search" for `praxis serve`: the documents' word tables kept between builds
/// (`SearchTables`), so that only documents whose text changed are read again. The files are
/// byte for byte those of `SearchIndexBuilder` and `SearchShards.files`.
struct SearchState {
    var tables = SearchTables()

    /// `search.json` and the shards of `site`, whose documents are `sources`
    /// (`SearchIndexBuilder.sources`). `changed` and `facetsChanged` are no longer needed:
    /// `SearchTables` compares each document with its last table.
    mutating func files(_ site: Site, sources: [SearchIndexBuilder.Source], changed: [Int]?, facets: [Facet], facetsChanged: Bool,
                        typeLabels: [String: String], typeFacetLabel: String) async -> [OutputFile] {
        let kept = await tables.update(sources, bodies: site.bodies)
        let groups = SearchIndexBuilder.facets(sources.map(\.document), facets: facets, typeLabels: typeLabels, typeFacetLabel: typeFacetLabel)
        return SearchShards.files(words: tables.words, tables: kept, facets: groups)
    }
}
