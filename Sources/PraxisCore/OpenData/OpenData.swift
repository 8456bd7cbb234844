import Foundation

/// Stage "open data": the catalogue as files for other programs, beside the pages that show
/// it: `catalogue.json` (complete, with partners resolved) and `catalogue.csv` (for
/// spreadsheets). Both hold exactly the practices the site publishes.
enum OpenData {
    static func files(_ site: Site) throws -> [OutputFile] {
        let catalogue = Catalogue(site)
        let keys = CatalogueJSON.keys(facetNames: site.config.facets.map(\.name))
        let records = catalogue.practices.map { CatalogueJSON.record($0, keys: keys) }
        return [OutputFile(path: SitePaths.catalogueJSON, data: Data(CatalogueJSON.file(catalogue, records: records))),
                CatalogueCSV.make(catalogue, config: site.config)]
    }
}
