import Foundation

/// Stage "search": the client-side index of every published entry.
enum SearchIndexBuilder {
    static func build(_ site: Site, facets: [Facet]) async -> SearchIndex {
        let config = site.config
        var records: [SearchRecord] = []
        let termsByFile = await allTerms(site)
        func terms(_ origin: EntryOrigin) -> [String] { termsByFile[origin.file] ?? [] }
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

    /// The terms of every body, cut out on all cores; merged by file, so the order of tasks
    /// does not matter.
    private static func allTerms(_ site: Site) async -> [String: [String]] {
        let files = site.bodies.keys.sorted()
        let chunkSize = max(64, files.count / (ProcessInfo.processInfo.activeProcessorCount * 4) + 1)
        return await withTaskGroup(of: [(String, [String])].self) { group in
            for start in stride(from: 0, to: files.count, by: chunkSize) {
                let chunk = files[start..<min(start + chunkSize, files.count)]
                group.addTask { chunk.map { ($0, TextCleaner.terms(site.bodies[$0]?.plainText ?? "")) } }
            }
            var result: [String: [String]] = [:]
            for await pairs in group { for (file, terms) in pairs { result[file] = terms } }
            return result
        }
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
        var out = [UInt8]()
        out.reserveCapacity(data.count + data.count / 64)
        for byte in data {
            switch byte {
            case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): out += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): out += Array("\\u0026".utf8)
            default: out.append(byte)
            }
        }
        return Data(out)
    }
}
