/// catalogue.json, written by one writer (`PrettyJSON`): the frame (facets, site, version)
/// around the records, each record a piece that `praxis serve` can keep and put back.
enum CatalogueJSON {
    /// What a record holds under each of its keys: a facet, its id or url, or the value of a row
    /// of `PracticeFields` (`CatalogueRecord.values`).
    enum Field {
        case facet(Int)
        case id, group, url
        case value(Int)
    }

    static let fixedKeys: [(String, Field)] = [("id", .id), ("group", .group), ("url", .url)]
        + PracticeFields.published.enumerated().map { ($1.key, .value($0)) }

    /// A record's keys in file order, for records with facets named `facetNames` (site.yaml's).
    /// A facet named like a fixed key gives way to it, and of two facets of one name the later
    /// counts, as when the keys were encoded one after the other.
    static func keys(facetNames: [String]) -> [(key: [UInt8], field: Field)] {
        var fields: [String: Field] = [:]
        for (position, name) in facetNames.enumerated() { fields[name] = .facet(position) }
        for (name, field) in fixedKeys { fields[name] = field }
        return PrettyJSON.sorted(fields.keys).map { (PrettyJSON.keyBytes($0), fields[$0]!) }
    }

    /// One record as it stands in catalogue.json, indented to the depth of the practices list.
    static func record(_ record: CatalogueRecord, keys: [(key: [UInt8], field: Field)]? = nil) -> [UInt8] {
        let keys = keys ?? self.keys(facetNames: record.facets.map(\.name))
        var json = PrettyJSON(level: 2, capacity: 2048)
        json.indent()
        json.openObject()
        for (key, field) in keys {
            json.key(bytes: key)
            switch field {
            case .facet(let position): json.strings(record.facets[position].values)
            case .id: json.string(record.id)
            case .group: json.string(record.group)
            case .url: json.string(record.url)
            case .value(let index): value(record.values[index], into: &json)
            }
        }
        json.closeObject()
        return json.bytes
    }

    private static func value(_ value: CatalogueRecord.Value, into json: inout PrettyJSON) {
        switch value {
        case .text(let text): json.string(text)
        case .texts(let texts): json.strings(texts)
        case .number(let number): if let number { json.int(number) } else { json.null() }
        case .flag(let flag): json.bool(flag)
        case .map(let map): if let map { json.map(map) } else { json.null() }
        case .partners(let partners):
            json.openArray()
            for partner in partners {
                json.item()
                json.openObject()
                json.key("id"); json.string(partner.id)
                json.key("title"); json.string(partner.title)
                json.key("url"); json.string(partner.url)
                json.key("website"); json.string(partner.website)
                json.closeObject()
            }
            json.closeArray()
        case .media(let media):
            json.openArray()
            for item in media {
                json.item()
                json.map(item)
            }
            json.closeArray()
        case .translations(let translations): json.map(translations)
        }
    }

    /// The file written in pieces into `file`: `catalogue` without its practices around the
    /// records, each added (`add`, made by `record`, in order) as it is made and written out
    /// with the next piece: at 100,000 practices the records alone are ~190 MB.
    struct Writer {
        private let catalogue: Catalogue
        private let file: PiecewiseFile
        private var json = PrettyJSON(capacity: PiecewiseFile.pieceSize + 8192)

        init(_ catalogue: Catalogue, to file: PiecewiseFile) {
            self.catalogue = catalogue
            self.file = file
            json.openObject()
            json.key("facets")
            json.openObject()
            for name in PrettyJSON.sorted(catalogue.facets.keys) {
                let vocabulary = catalogue.facets[name]!
                json.key(name)
                json.openObject()
                json.key("label"); json.string(vocabulary.label)
                json.key("order"); json.strings(vocabulary.order)
                json.key("values"); json.map(vocabulary.values)
                json.closeObject()
            }
            json.closeObject()
            json.key("practices")
            json.openArray()
        }

        mutating func add(_ record: [UInt8]) throws {
            json.rawItem(record)
            if json.bytes.count >= PiecewiseFile.pieceSize { try file.append(json.takeBytes()) }
        }

        /// The rest of the frame, after the last record.
        mutating func finish() throws {
            json.closeArray()
            json.key("site")
            json.openObject()
            json.key("language"); json.string(catalogue.site.language)
            json.key("title"); json.string(catalogue.site.title)
            json.key("url"); json.string(catalogue.site.url)
            json.closeObject()
            json.key("version"); json.int(catalogue.version)
            json.closeObject()
            try file.append(json.takeBytes())
        }
    }
}
