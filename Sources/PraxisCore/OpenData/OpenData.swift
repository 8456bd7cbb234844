import Foundation

/// Stage "open data": the catalogue as files for other programs, beside the pages that show
/// it: `catalogue.json` (complete, with partners resolved) and `catalogue.csv` (for
/// spreadsheets). Both hold exactly the practices the site publishes.
enum OpenData {
    static func files(_ site: Site) throws -> [OutputFile] {
        let catalogue = Catalogue(site)
        return [try json(catalogue), CatalogueCSV.make(catalogue, config: site.config)]
    }

    /// Sorted keys: byte-identical for the same input; one key a line, so that two versions
    /// of the file compare line by line; `<`, `>` and `&` escaped the way `search.json`
    /// escapes them, so no title reads as markup wherever the JSON ends up.
    static func json(_ catalogue: Catalogue) throws -> OutputFile {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return OutputFile(path: SitePaths.catalogueJSON, data: JSONSafety.escapeMarkup(try encoder.encode(catalogue)))
    }
}
