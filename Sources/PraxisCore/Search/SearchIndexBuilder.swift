import Foundation

/// Stage "search": the client-side index of every published entry.
enum SearchIndexBuilder {
    static func build(_ site: Site, facets: [Facet]) -> SearchIndex {
        let config = site.config
        var records: [SearchRecord] = []
        func terms(_ origin: EntryOrigin) -> [String] {
            TextCleaner.terms(site.bodies[origin.file]?.plainText ?? "")
        }
        for practice in site.practices {
            var values: [String: [String]] = [:]
            for facet in config.facets { values[facet.name] = practice.facetValues[facet.name] ?? [] }
            values["country"] = practice.place?.country.map { [$0.lowercased()] } ?? []
            values["tags"] = practice.tags.map(Slug.make)
            values["partners"] = practice.partners
            records.append(SearchRecord(url: SitePaths.practice(practice.id), title: practice.title, summary: practice.summary,
                                        type: EntryKind.practice.rawValue, lang: practice.lang, facets: values,
                                        terms: terms(practice.origin)))
        }
        for partner in site.partners {
            records.append(SearchRecord(url: SitePaths.partner(partner.id), title: partner.title, summary: partner.summary,
                                        type: EntryKind.partner.rawValue, lang: partner.lang,
                                        facets: ["country": partner.country.map { [$0.lowercased()] } ?? []],
                                        terms: terms(partner.origin)))
        }
        for workshop in site.workshops {
            records.append(SearchRecord(url: SitePaths.workshop(workshop.id), title: workshop.title, summary: workshop.summary,
                                        type: EntryKind.workshop.rawValue, lang: workshop.lang, facets: ["partners": workshop.partners],
                                        terms: terms(workshop.origin)))
            for day in site.days[workshop.id] ?? [] {
                records.append(SearchRecord(url: SitePaths.day(workshop.id, day.id), title: day.title,
                                            summary: day.summary ?? day.motto ?? "", type: EntryKind.day.rawValue,
                                            lang: day.lang, facets: [:], terms: terms(day.origin)))
            }
        }
        for page in site.pages {
            records.append(SearchRecord(url: SitePaths.page(page.id), title: page.title, summary: page.summary ?? "",
                                        type: EntryKind.page.rawValue, lang: page.lang, facets: [:], terms: terms(page.origin)))
        }
        var labels: [String: SearchIndex.FacetLabels] = [:]
        for facet in facets {
            labels[facet.name] = .init(label: facet.label,
                                       values: Dictionary(facet.values.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a }),
                                       order: facet.values.map(\.id))
        }
        return SearchIndex(version: 1, facets: labels, entries: records)
    }

    /// Sorted keys: byte-identical for the same input. `<`, `>` and `&` only occur inside JSON
    /// strings, and are written as \u003c, \u003e, \u0026 so that no title or summary reads as
    /// markup even where the JSON is pasted into a page.
    static func encode(_ index: SearchIndex) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return JSONSafety.escapeMarkup(try encoder.encode(index))
    }
}

enum JSONSafety {
    static func escapeMarkup(_ data: Data) -> Data {
        var out = Data()
        out.reserveCapacity(data.count)
        for byte in data {
            switch byte {
            case UInt8(ascii: "<"): out.append(contentsOf: Array("\\u003c".utf8))
            case UInt8(ascii: ">"): out.append(contentsOf: Array("\\u003e".utf8))
            case UInt8(ascii: "&"): out.append(contentsOf: Array("\\u0026".utf8))
            default: out.append(byte)
            }
        }
        return out
    }
}
