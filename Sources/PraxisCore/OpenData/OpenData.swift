import Foundation

/// Stage "open data": the catalogue as files for other programs, beside the pages that show
/// it: `catalogue.json` (complete, with partners resolved) and `catalogue.csv` (for
/// spreadsheets). Both hold exactly the practices the site publishes.
enum OpenData {
    /// Both files, kept (`praxis check`, `praxis serve`).
    static func files(_ sites: [Site]) throws -> [OutputFile] {
        var sink = FileSink.memory()
        try write(sites, into: &sink)
        return sink.files
    }

    /// Both files into `sink`, written side by side as the records are made: each record is
    /// made once for both and dropped when its line of each file is written. Held all at once,
    /// the records and the two files were ~500 MB at 100,000 practices.
    /// `sites`: the tree of each language, the default language's first. Each tree's own
    /// practices are records, in order of id and then of the languages (`lang` and `group` tell
    /// the versions of one practice apart and together).
    static func write(_ sites: [Site], into sink: inout FileSink) throws {
        let site = sites[0]
        let catalogue = Catalogue(site, records: false)
        let keys = CatalogueJSON.keys(facetNames: site.config.facets.map(\.name))
        let jsonFile = try sink.open(SitePaths.catalogueJSON)
        let csvFile = try sink.open(SitePaths.catalogueCSV)
        var json = CatalogueJSON.Writer(catalogue, to: jsonFile)
        var csv = CatalogueCSV.Writer(site.config, to: csvFile)
        // In order of id, as `Catalogue.practices` holds them.
        var practices: [(practice: Practice, tree: Int)] = []
        for (tree, site) in sites.enumerated() {
            practices += site.practices.lazy.filter { site.isOwn($0.origin.file) }.map { ($0, tree) }
        }
        practices.sort { ($0.practice.id, $0.tree) < ($1.practice.id, $1.tree) }
        for (practice, tree) in practices {
            let record = CatalogueRecord(practice, site: sites[tree])
            try json.add(CatalogueJSON.record(record, keys: keys))
            try csv.add(record)
        }
        try json.finish()
        try csv.flush()
        try sink.finish(jsonFile)
        try sink.finish(csvFile)
    }
}
