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
        let encoder = self.encoder
        return try json(catalogue, records: catalogue.practices.map { try recordJSON($0, encoder: encoder) })
    }

    // The file piece by piece: each record is encoded on its own and put in its place, so that
    // `praxis serve` encodes again only the records that changed.

    /// A new one for each file: the same settings for every record.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }

    /// One record as it stands in catalogue.json: escaped, and indented to the depth of the
    /// `practices` list (the encoder leaves the blank line of an empty list unindented).
    static func recordJSON(_ record: CatalogueRecord, encoder: JSONEncoder = OpenData.encoder) throws -> Data {
        let encoded = JSONSafety.escapeMarkup(try encoder.encode(record))
        var indented = [UInt8]()
        indented.reserveCapacity(encoded.count + encoded.count / 4)
        var lineStart = true
        encoded.withUnsafeBytes { bytes in
            for byte in bytes {
                if lineStart, byte != 0x0A { indented += [0x20, 0x20, 0x20, 0x20] }
                indented.append(byte)
                lineStart = byte == 0x0A
            }
        }
        return Data(indented)
    }

    /// catalogue.json from `catalogue` (its practices aside) and its records, each already JSON.
    static func json(_ catalogue: Catalogue, records: [Data]) throws -> OutputFile {
        var frame = catalogue
        frame.practices = []
        let encoded = JSONSafety.escapeMarkup(try encoder.encode(frame))
        let empty = Data("\n  \"practices\" : [\n\n  ]".utf8)
        guard !records.isEmpty, let list = encoded.range(of: empty) else {
            return OutputFile(path: SitePaths.catalogueJSON, data: encoded)
        }
        var data = Data(capacity: encoded.count + records.reduce(0) { $0 + $1.count + 2 })
        data.append(encoded[..<list.lowerBound])
        data.append(contentsOf: "\n  \"practices\" : [\n".utf8)
        for (position, record) in records.enumerated() {
            if position > 0 { data.append(contentsOf: [0x2C, 0x0A]) }  // ",\n"
            data.append(record)
        }
        data.append(contentsOf: "\n  ]".utf8)
        data.append(encoded[list.upperBound...])
        return OutputFile(path: SitePaths.catalogueJSON, data: data)
    }
}
