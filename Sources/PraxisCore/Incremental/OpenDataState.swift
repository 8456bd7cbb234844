import Foundation

/// Stage "open data" for `praxis serve`: each practice's record in catalogue.json and its line
/// in catalogue.csv are kept, and made again only when something they hold changed: the
/// practice's file, the partners it names, whether the practices it names are published, the
/// site's settings. The files are byte for byte those of `OpenData.files`.
struct OpenDataState {
    private struct Record {
        var key: Int
        var json: Data
        var line: String
    }

    private var records: [String: Record] = [:]
    /// Published practice ids in order of id, and a digest of the set.
    private var order: [String] = []
    private var published: Int?
    /// What every record depends on beside its practice: settings and partners.
    private var world: Int?
    private var versions: [String: Int] = [:]
    private var files: [OutputFile] = []
    /// Where the records are in the two files: the bytes before the first, and each one's
    /// length, in `order`; an edited record is put in its place without making the files anew.
    private var orderIndex: [String: Int] = [:]
    private var jsonHead = 0, csvHead = 0
    private var jsonLengths: [Int] = [], csvLengths: [Int] = []

    /// `edited`, when given, names the only practices that changed, none of them in what other
    /// records read (partners, published or not) nor in the settings.
    mutating func files(_ site: Site, fileVersions: [String: Int], settings: Int, edited: [String]?) throws -> [OutputFile] {
        if let edited, files.count == 2, !order.isEmpty {
            try patch(edited, site: site, fileVersions: fileVersions, settings: settings)
            return files
        }
        var publishedDigest = 0
        for id in site.practiceByID.keys { publishedDigest = publishedDigest &+ id.hashValue }
        var hasher = Hasher()
        hasher.combine(settings)
        for partner in site.partners {
            hasher.combine(partner.id)
            hasher.combine(partner.title)
            hasher.combine(partner.url)
        }
        hasher.combine(publishedDigest)
        let world = hasher.finalize()
        if world == self.world, publishedDigest == published, files.count == 2, !order.isEmpty {
            // The same practices with the same partners: only those whose file changed.
            let changed = site.practices.filter { fileVersions[$0.origin.file] != self.versions[$0.id] }.map(\.id)
            try patch(changed, site: site, fileVersions: fileVersions, settings: settings)
            return files
        }

        // Every record whose key changed, and the order of ids anew.
        var changed = false
        var next: [String: Record] = [:]
        next.reserveCapacity(site.practices.count)
        var versions: [String: Int] = [:]
        versions.reserveCapacity(site.practices.count)
        for practice in site.practices {
            let version = fileVersions[practice.origin.file] ?? 0
            versions[practice.id] = version
            let key = Self.key(practice, version: version, site: site, settings: settings)
            if let record = records[practice.id], record.key == key {
                next[practice.id] = record
            } else {
                let record = CatalogueRecord(practice, site: site)
                let made = Record(key: key, json: OpenData.recordJSON(record),
                                  line: CatalogueCSV.line(record, config: site.config))
                // A body edit changes the file but not the record.
                if let old = records[practice.id], old.json == made.json, old.line == made.line {} else { changed = true }
                next[practice.id] = made
            }
        }
        if next.count != records.count { changed = true }
        if publishedDigest != published || order.count != site.practices.count {
            order = site.practices.map(\.id).sorted()
            changed = true
        }
        records = next
        self.versions = versions
        self.world = world
        published = publishedDigest
        if changed || files.isEmpty {
            let catalogue = Catalogue(site, records: false)
            let jsonRecords = order.map { records[$0]!.json }
            let lines = order.map { records[$0]!.line }
            files = [try OpenData.json(catalogue, records: jsonRecords), CatalogueCSV.file(site.config, lines: lines)]
            orderIndex = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            jsonLengths = jsonRecords.map(\.count)
            csvLengths = lines.map(\.utf8.count)
            jsonHead = files[0].data.range(of: Data("\n  \"practices\" : [\n".utf8))?.upperBound ?? 0
            csvHead = files[1].data.count - csvLengths.reduce(0, +)
        }
        return files
    }

    /// Encodes the records of `ids` again and puts each in its place in the files.
    private mutating func patch(_ ids: [String], site: Site, fileVersions: [String: Int], settings: Int) throws {
        var json = files[0].data, csv = files[1].data
        var changed = false
        for id in ids {
            guard let practice = site.practiceByID[id], let index = orderIndex[id], let old = records[id] else { continue }
            let version = fileVersions[practice.origin.file] ?? 0
            versions[id] = version
            let key = Self.key(practice, version: version, site: site, settings: settings)
            guard old.key != key else { continue }
            let record = CatalogueRecord(practice, site: site)
            let made = Record(key: key, json: OpenData.recordJSON(record), line: CatalogueCSV.line(record, config: site.config))
            records[id] = made
            // A body edit changes the file but not the record.
            guard old.json != made.json || old.line != made.line else { continue }
            let jsonStart = jsonHead + jsonLengths[..<index].reduce(0) { $0 + $1 + 2 }  // records are joined by ",\n"
            json.replaceSubrange(jsonStart..<jsonStart + jsonLengths[index], with: made.json)
            jsonLengths[index] = made.json.count
            let line = Data(made.line.utf8)
            let csvStart = csvHead + csvLengths[..<index].reduce(0, +)
            csv.replaceSubrange(csvStart..<csvStart + csvLengths[index], with: line)
            csvLengths[index] = line.count
            changed = true
        }
        if changed {
            files = [OutputFile(path: files[0].path, data: json), OutputFile(path: files[1].path, data: csv)]
        }
    }

    /// Everything a record shows besides the settings: its practice's file, and of what it
    /// names, the partners' titles and addresses and whether practices are published.
    private static func key(_ practice: Practice, version: Int, site: Site, settings: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(settings)
        hasher.combine(version)
        for id in practice.partners {
            hasher.combine(id)
            hasher.combine(site.partnerByID[id]?.title)
            hasher.combine(site.partnerByID[id]?.url)
        }
        for id in practice.related + practice.translations.map(\.id) {
            hasher.combine(id)
            hasher.combine(site.practiceByID[id] != nil)
        }
        return hasher.finalize()
    }
}
