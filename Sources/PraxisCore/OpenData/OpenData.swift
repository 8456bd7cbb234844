import Foundation

/// Stage "open data": the catalogue as files for other programs, beside the pages that show
/// it: `catalogue.json` (complete, with partners resolved) and `catalogue.csv` (for
/// spreadsheets). Both hold exactly the practices the site publishes.
enum OpenData {
    static func files(_ site: Site) throws -> [OutputFile] {
        let catalogue = Catalogue(site)
        let keys = CatalogueJSON.keys(facetNames: site.config.facets.map(\.name))
        // About 1.9 KB a record in the synthetic catalogues: a guess for the buffer, not a limit.
        let json = CatalogueJSON.file(catalogue, records: catalogue.practices.lazy.map { CatalogueJSON.record($0, keys: keys) },
                                      estimatedSize: 4096 + catalogue.practices.count * 2048)
        return [OutputFile(path: SitePaths.catalogueJSON, data: Data(json)), CatalogueCSV.make(catalogue, config: site.config)]
    }
}
