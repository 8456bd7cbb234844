import Foundation

/// `catalogue.csv`: one row per published practice, for spreadsheets. The columns are the
/// front-matter keys; maps are spread over `key.subkey` columns, lists are joined with "; ".
/// References stay ids, as in the front matter; `catalogue.json` has the labels and partners.
enum CatalogueCSV {
    static let listSeparator = "; "

    /// The header row: fixed keys around the facets site.yaml declares, in its order.
    static func columns(_ config: SiteConfig) -> [String] {
        ["id", "url", "title", "summary"] + config.facets.map(\.name)
            + ["place.municipality", "place.state", "place.country", "partners", "tags", "year", "updated", "related",
               "contact.name", "contact.role", "contact.email", "contact.url", "media", "sources", "lang", "translations", "draft"]
    }

    static func make(_ catalogue: Catalogue, config: SiteConfig) -> OutputFile {
        var bytes = CSVWriter.byteOrderMark
        bytes.reserveCapacity(catalogue.practices.count * 800)
        CSVWriter.append(columns(config), to: &bytes)
        for record in catalogue.practices { CSVWriter.append(row(record, baseURL: config.baseURL), to: &bytes) }
        return OutputFile(path: SitePaths.catalogueCSV, data: Data(bytes))
    }

    /// The file from its record lines (`line`), after the byte order mark and the header.
    static func file(_ config: SiteConfig, lines: [String]) -> OutputFile {
        let header = CSVWriter.line(columns(config))
        var data = Data(capacity: CSVWriter.byteOrderMark.count + header.utf8.count + lines.reduce(0) { $0 + $1.utf8.count })
        data.append(contentsOf: CSVWriter.byteOrderMark)
        data.append(contentsOf: header.utf8)
        for line in lines { data.append(contentsOf: line.utf8) }
        return OutputFile(path: SitePaths.catalogueCSV, data: data)
    }

    /// One record's line, CR LF included.
    static func line(_ record: CatalogueRecord, config: SiteConfig) -> String {
        CSVWriter.line(row(record, baseURL: config.baseURL))
    }

    /// The cells of one record, in the order of `columns`.
    private static func row(_ record: CatalogueRecord, baseURL: String) -> [String] {
        func list(_ values: [String]) -> String { values.joined(separator: listSeparator) }
        func value(_ map: [String: String?]?, _ key: String) -> String { (map?[key] ?? nil) ?? "" }
        // A medium is its address: a file below content/static/ as the absolute URL it is published at.
        let media = record.media.compactMap { item -> String? in
            if let file = item["file"] ?? nil { return baseURL + file }
            return item["url"] ?? nil
        }
        return [record.id, record.url, record.title, record.summary] + record.facets.map { list($0.values) }
            + [value(record.place, "municipality"), value(record.place, "state"), value(record.place, "country"),
               list(record.partners.map(\.id)), list(record.tags), record.year.map(String.init) ?? "", record.updated ?? "",
               list(record.related),
               value(record.contact, "name"), value(record.contact, "role"), value(record.contact, "email"), value(record.contact, "url"),
               list(media), list(record.sources), record.lang,
               list(record.translations.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }),
               record.draft ? "true" : "false"]
    }
}
