import Foundation

/// `catalogue.csv`: one row per published practice, for spreadsheets. The columns are the
/// front-matter keys; maps are spread over `key.subkey` columns, lists are joined with "; ".
/// References stay ids, as in the front matter; `catalogue.json` has the labels and partners.
enum CatalogueCSV {
    static let listSeparator = "; "

    /// The header row: the id, translation group and url, then the columns of the rows of `PracticeFields`, the
    /// facets site.yaml declares (in its order) in the place of theirs.
    static func columns(_ config: SiteConfig) -> [String] {
        var columns = ["id", "group", "url"]
        for field in PracticeFields.all {
            if let key = field.key {
                columns += field.record?.columns(key: key) ?? []
            } else {
                columns += config.facets.map(\.name)
            }
        }
        return columns
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
        var cells = [record.id, record.group, record.url]
        var index = 0
        for field in PracticeFields.all {
            guard field.key != nil else {
                cells += record.facets.map { list($0.values) }
                continue
            }
            guard let published = field.record else { continue }
            switch record.values[index] {
            case .text(let text): cells.append(text ?? "")
            case .texts(let texts): cells.append(list(texts))
            case .number(let number): cells.append(number.map(String.init) ?? "")
            case .flag(let flag): cells.append(flag ? "true" : "false")
            case .map(let map): cells += (published.subkeys ?? []).map { key in (map?[key] ?? nil) ?? "" }
            case .partners(let partners): cells.append(list(partners.map(\.id)))
            case .media(let media):
                // A medium is its address: a file below content/static/ as the absolute URL it is published at.
                cells.append(list(media.compactMap { item -> String? in
                    if let file = item["file"] ?? nil { return baseURL + file }
                    return item["url"] ?? nil
                }))
            case .translations(let translations):
                cells.append(list(translations.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }))
            }
            index += 1
        }
        return cells
    }
}
