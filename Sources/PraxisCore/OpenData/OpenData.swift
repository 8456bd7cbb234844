import Foundation

/// Stage "open data": the catalogue as files for other programs, beside the pages that show
/// it: `catalogue.json` (complete, with partners resolved) and `catalogue.csv` (for
/// spreadsheets). Both hold exactly the practices the site publishes.
enum OpenData {
    /// Both files, kept (`praxis check`, `praxis serve`).
    static func files(_ site: Site) throws -> [OutputFile] {
        var sink = FileSink.memory()
        try write(site, into: &sink)
        return sink.files
    }

    /// Both files into `sink`, written side by side as the records are made: each record is
    /// made once for both and dropped when its line of each file is written. Held all at once,
    /// the records and the two files were ~500 MB at 100,000 practices.
    static func write(_ site: Site, into sink: inout FileSink) throws {
        let catalogue = Catalogue(site, records: false)
        let keys = CatalogueJSON.keys(facetNames: site.config.facets.map(\.name))
        let jsonFile = try sink.open(SitePaths.catalogueJSON)
        let csvFile = try sink.open(SitePaths.catalogueCSV)
        var json = CatalogueJSON.Writer(catalogue, to: jsonFile)
        var csv = CatalogueCSV.Writer(site.config, to: csvFile)
        // In order of id, as `Catalogue.practices` holds them.
        for practice in site.practices.sorted(by: { $0.id < $1.id }) {
            let record = CatalogueRecord(practice, site: site)
            try json.add(CatalogueJSON.record(record, keys: keys))
            try csv.add(record)
        }
        try json.finish()
        try csv.flush()
        try sink.finish(jsonFile)
        try sink.finish(csvFile)
    }
}
