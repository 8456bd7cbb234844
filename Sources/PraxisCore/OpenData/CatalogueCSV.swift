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

    /// The file written in pieces into `file`: the byte order mark and the header, then one row
    /// per record as each is added (`add`), never all held.
    struct Writer {
        private let file: PiecewiseFile
        private let baseURL: String
        private var bytes = CSVWriter.byteOrderMark

        init(_ config: SiteConfig, to file: PiecewiseFile) {
            self.file = file
            baseURL = config.baseURL
            CSVWriter.append(columns(config), to: &bytes)
        }

        mutating func add(_ record: CatalogueRecord) throws {
            CSVWriter.append(row(record, baseURL: baseURL), to: &bytes)
            if bytes.count >= 1 << 16 { try flush() }
        }

        mutating func flush() throws {
            try file.append(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
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
