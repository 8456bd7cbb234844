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

    /// `edited`, when given, names the only practices that changed, none of them in what other
    /// records read (partners, published or not) nor in the settings.
    mutating func files(_ site: Site, fileVersions: [String: Int], settings: Int, edited: [String]?) throws -> [OutputFile] {
        if let edited, !files.isEmpty {
            var changed = false
            for id in edited {
                guard let practice = site.practiceByID[id] else { continue }
                let version = fileVersions[practice.origin.file] ?? 0
                versions[id] = version
                let key = Self.key(practice, version: version, site: site, settings: settings)
                guard records[id]?.key != key else { continue }
                let record = CatalogueRecord(practice, site: site)
                let made = Record(key: key, json: try OpenData.recordJSON(record), line: CatalogueCSV.line(record, config: site.config))
                if let old = records[id], old.json == made.json, old.line == made.line {} else { changed = true }
                records[id] = made
            }
            if changed {
                files = [try OpenData.json(Catalogue(site, records: false), records: order.map { records[$0]!.json }),
                         CatalogueCSV.file(site.config, lines: order.map { records[$0]!.line })]
            }
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

        // Only practices whose file changed, unless something all records read changed.
        let everything = world != self.world
        var changed = false
        var next: [String: Record] = [:]
        next.reserveCapacity(site.practices.count)
        var versions: [String: Int] = [:]
        versions.reserveCapacity(site.practices.count)
        for practice in site.practices {
            let version = fileVersions[practice.origin.file] ?? 0
            versions[practice.id] = version
            if !everything, let record = records[practice.id], self.versions[practice.id] == version {
                next[practice.id] = record
                continue
            }
            let key = Self.key(practice, version: version, site: site, settings: settings)
            if let record = records[practice.id], record.key == key {
                next[practice.id] = record
            } else {
                let record = CatalogueRecord(practice, site: site)
                let made = Record(key: key, json: try OpenData.recordJSON(record), line: CatalogueCSV.line(record, config: site.config))
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
            files = [try OpenData.json(catalogue, records: order.map { records[$0]!.json }),
                     CatalogueCSV.file(site.config, lines: order.map { records[$0]!.line })]
        }
        return files
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
