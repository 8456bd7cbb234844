/// The front-matter keys of every entry kind, in one place (a practice's come from its rows,
/// `PracticeFields`), each with its type and a line for the editor (in German, as the comments
/// `praxis new` writes): the parsers check files against them (a mistyped key is reported with
/// the nearest known one), `praxis schema` writes them as JSON Schemas, and the tests that edit
/// entries at random take their keys from here, so a new key is covered without touching them.
extension EntryParser {
    /// A practice's own keys, from its rows (`PracticeFields`); the facets of site.yaml come on
    /// top (`keys(of:)`), so a facet may not take one of these names (SiteConfig+Parse refuses it).
    static let practiceKeys: [String: KeySchema] = Dictionary(uniqueKeysWithValues: PracticeFields.all.compactMap { field in
        guard let key = field.key, let schema = field.schema else { return nil }
        return (key, schema)
    })

    static let langKey = KeySchema.value(.language, "Sprache des Eintrags (z. B. de, en); leer: die Sprache der Website.")

    static let partnerKeys: [String: KeySchema] = [
        "title": .value(.nonEmptyText, "Name der Organisation.", required: true),
        "short": .value(.text, "Kurzname, z. B. GDX."),
        "country": .value(.country, "Land des Sitzes: ISO-3166-Code in Großbuchstaben, z. B. DE."),
        "url": .value(.webURL, "Website, mit https:// am Anfang."),
        "kind": .value(.text, "Art der Organisation, z. B. network, foundation, programme."),
        "summary": .value(.shortText(Validate.summaryLimit),
                          "Ein bis zwei Sätze, höchstens \(Validate.summaryLimit) Zeichen; erscheint in Listen und in der Suche.",
                          required: true),
        "lang": langKey,
    ]

    static let priceKeys: [String: KeySchema] = [
        "amount": .value(.number(Limits.priceAmount), "Betrag in der Währung, z. B. 250 oder 99.50."),
        "currency": .value(.currency, "Währung: dreistelliger ISO-Code, z. B. EUR."),
        "note": .value(.text, "Hinweis zum Preis, z. B. „pro Person, inkl. Verpflegung“."),
    ]

    static let workshopKeys: [String: KeySchema] = [
        "title": .value(.nonEmptyText, "Titel des Workshops.", required: true),
        "summary": .value(.shortText(Validate.summaryLimit),
                          "Ein bis zwei Sätze, höchstens \(Validate.summaryLimit) Zeichen; erscheint in Listen und in der Suche.",
                          required: true),
        "days": .value(.integer(Limits.workshopDays), "Anzahl der Tage."),
        "audience": .value(.text, "Für wen der Workshop gedacht ist."),
        "max_participants": .value(.integer(Limits.participants), "Höchstzahl der Teilnehmenden."),
        "price": .map(priceKeys, "Preis: amount, currency, note."),
        "partners": .value(.ids(.partners), "Partnerorganisationen: Dateinamen aus content/partners/ ohne .md."),
        "sources": .value(.ids(.sources), "Quellen: Dateinamen aus seeds/ ohne .md."),
        "media": .listOfMaps(EntryReader.mediaKeys, EntryReader.mediaDescription, exactlyOne: ["url", "file"]),
        "lang": langKey,
    ]

    static let sessionKeys: [String: KeySchema] = [
        "time": .value(.text, "Uhrzeit, z. B. 09:30–10:15."),
        "title": .value(.nonEmptyText, "Was in dieser Einheit geschieht.", required: true),
        "note": .value(.text, "Hinweis zur Einheit."),
    ]

    static let materialKeys: [String: KeySchema] = [
        "title": .value(.nonEmptyText, "Name des Materials.", required: true),
        "file": .value(.staticFile, "Datei unter content/static/, z. B. workshops/tag-1.pdf.", required: true),
    ]

    static let dayKeys: [String: KeySchema] = [
        "title": .value(.nonEmptyText, "Titel des Tages.", required: true),
        "day": .value(.integer(Limits.workshopDays), "Nummer des Tages; dieselbe wie im Dateinamen day-<n>.md.", required: true),
        "motto": .value(.text, "Motto des Tages."),
        "summary": .value(.shortText(Validate.summaryLimit), "Ein bis zwei Sätze, höchstens \(Validate.summaryLimit) Zeichen."),
        "sessions": .listOfMaps(sessionKeys, "Ablauf des Tages: je Einheit time, title und note."),
        "practices": .value(.ids(.practices), "Praxisbeispiele des Tages: Dateinamen aus content/practices/ ohne .md."),
        "materials": .listOfMaps(materialKeys, "Material zum Herunterladen: je Eintrag title und file."),
        "lang": langKey,
    ]

    static let pageKeys: [String: KeySchema] = [
        "title": .value(.nonEmptyText, "Titel der Seite.", required: true),
        "summary": .value(.shortText(Validate.summaryLimit), "Kurzbeschreibung, höchstens \(Validate.summaryLimit) Zeichen."),
        "lang": langKey,
    ]

    static let sourceKeys: [String: KeySchema] = [
        "title": .value(.nonEmptyText, "Titel des Quelldokuments.", required: true),
        "publisher": .value(.text, "Herausgeber."),
        "author": .value(.text, "Autorin oder Autor."),
        "date": .value(.partialDate, "Erscheinungsdatum: YYYY, YYYY-MM oder YYYY-MM-DD."),
        "lang": .value(.language, "Sprache des Dokuments, z. B. de oder en."),
        "url": .value(.webURL, "Adresse des Dokuments im Web, mit https:// am Anfang."),
    ]

    /// A facet of site.yaml as a key of practices: a list of its values.
    static func facetKey(_ facet: FacetVocabulary) -> KeySchema {
        .value(.facet(facet.name), "\(facet.label): Kennungen aus facets.\(facet.name) in content/site.yaml.",
               required: facet.name == "fields")
    }

    /// The keys of `kind` for this site (a practice's with the site's facets).
    func keys(of kind: EntryKind) -> [String: KeySchema] {
        Self.keys(of: kind, site: site)
    }

    static func keys(of kind: EntryKind, site: SiteConfig) -> [String: KeySchema] {
        switch kind {
        case .practice:
            var keys = practiceKeys
            for facet in site.facets { keys[facet.name] = facetKey(facet) }
            return keys
        case .partner: return partnerKeys
        case .workshop: return workshopKeys
        case .day: return dayKeys
        case .page: return pageKeys
        case .source: return sourceKeys
        }
    }
}
