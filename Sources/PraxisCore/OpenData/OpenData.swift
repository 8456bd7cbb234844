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

    // The file piece by piece: each record is written on its own and put in its place, so that
    // `praxis serve` writes again only the records that changed.

    /// One record as it stands in catalogue.json: indented to the depth of the practices list.
    static func recordJSON(_ record: CatalogueRecord) -> Data {
        Data(CatalogueJSON.record(record))
    }

    /// catalogue.json from `catalogue` (its practices aside) and its records, each already JSON.
    static func json(_ catalogue: Catalogue, records: [Data]) throws -> OutputFile {
        OutputFile(path: SitePaths.catalogueJSON, data: Data(CatalogueJSON.file(catalogue, records: records.map { [UInt8]($0) })))
    }
}
