/// Every front-matter key of a practice, one row each (`PracticeField`), in the order of the
/// columns of catalogue.csv. To add a field: its property in `Practice` (and `Practice.Fields`),
/// its row here, and its place in the theme's `practice.mustache` and `practice-card.mustache`.
/// The key's check, `serve`, `check` and the random-edit tests need nothing more.
///
/// Besides the rows, a practice page shows its title, summary and language through the layout
/// (Renderer+Practice), and the search indexes the title, the summary and the body as fields of
/// their own (SearchIndexBuilder.practiceSource).
enum PracticeFields {
    static let all: [PracticeField] = [
        PracticeField("title", schema: .value(.nonEmptyText, "Titel des Praxisbeispiels.", required: true),
                      read: { read, fields, _ in fields.title = read.required("title", example: "Arbeitsmarktintegration in Wuppertal") },
                      card: { practice, _, _, card in card["title"] = practice.title },
                      record: .init { practice, _ in .text(practice.title) }),
        PracticeField("summary", schema: .value(.shortText(Validate.summaryLimit),
                          "Ein bis zwei schlichte Sätze, höchstens \(Validate.summaryLimit) Zeichen; erscheint in Listen, Suche und Vorschau.",
                          required: true),
                      read: { read, fields, _ in fields.summary = read.summary(required: true) ?? "" },
                      page: { practice, _, _, page in page["summary"] = practice.summary },
                      card: { practice, _, _, card in card["summary"] = practice.summary },
                      record: .init { practice, _ in .text(practice.summary) }),
        // The facets of site.yaml: a key each, `fields` required. The tags facet shows `tags`.
        PracticeField(nil, schema: nil,
                      read: { read, fields, site in fields.facetValues = read.facets(of: site) },
                      page: { practice, renderer, root, page in page["facets"] = renderer.facetRows(practice, root: root) }),
        PracticeField("place", schema: .map(placeSchema, "Ort: municipality (Kommune), state (Bundesland), country (Ländercode)."),
                      read: { read, fields, _ in
                          fields.place = read("place")
                          read.country(fields.place?.country, key: "place.country")
                      },
                      page: { practice, renderer, root, page in
                          page["place"] = renderer.placeText(practice.place)
                          page["municipality"] = practice.place?.municipality
                          page["country"] = renderer.countryLink(practice.place, root: root)
                      },
                      card: { practice, renderer, _, card in card["place"] = renderer.placeText(practice.place) },
                      search: { practice in [practice.place?.municipality, practice.place?.state].compactMap { $0 }.joined(separator: ", ") },
                      record: .init(subkeys: placeKeys) { practice, _ in
                          .map(practice.place.map { ["municipality": $0.municipality, "state": $0.state, "country": $0.country] })
                      }),
        // Their names close a search result's facts line (SearchIndexBuilder.practiceSource).
        PracticeField("partners", schema: .value(.ids(.partners), "Partnerorganisationen: Dateinamen aus content/partners/ ohne .md."),
                      read: { read, fields, _ in fields.partners = read.ids("partners") },
                      page: { practice, renderer, root, page in page["partners"] = renderer.partnerLinks(practice.partners, root: root) },
                      record: .init { practice, site in
                          .partners(practice.partners.compactMap { site.partnerByID[$0] }.map {
                              .init(id: $0.id, title: $0.title, url: site.config.baseURL + SitePaths.partner($0.id), website: $0.url)
                          })
                      }),
        PracticeField("tags", schema: .value(.texts, "Schlagwörter, frei gewählt, z. B. [Anerkennung, Mentoring]."),
                      read: { read, fields, _ in
                          let tags: [String] = read("tags") ?? []
                          fields.tags = tags.map { $0.trimmed(.whitespaces) }.filter { !$0.isEmpty }
                      },
                      search: { $0.tags.joined(separator: ", ") },
                      record: .init { practice, _ in .texts(practice.tags) }),
        PracticeField("year", schema: .value(.integer(Limits.year), "Jahr, in dem das Praxisbeispiel begann, z. B. 2016."),
                      read: { read, fields, _ in
                          fields.year = read.integer("year", in: Limits.year, hint: "Write the year the practice started, e.g. 2016.")
                      },
                      page: { practice, _, _, page in page["year"] = practice.year.map(String.init) },
                      record: .init { practice, _ in .number(practice.year) }),
        PracticeField("updated", schema: .value(.date, "Zuletzt geprüft oder geändert: YYYY-MM-DD, z. B. 2024-05-31."),
                      read: { read, fields, _ in
                          fields.updated = read("updated")
                          if let updated = fields.updated, !Validate.isDate(updated) {
                              read.problem("updated", "\"\(updated)\" is not a date.", hint: "Write it as YYYY-MM-DD, e.g. 2024-05-31.")
                          }
                      },
                      page: { practice, renderer, _, page in
                          page["updated"] = practice.updated.map(renderer.format.date)
                          page["updatedISO"] = practice.updated
                      },
                      card: { practice, renderer, _, card in card["updated"] = practice.updated.map(renderer.format.date) },
                      record: .init { practice, _ in .text(practice.updated) }),
        // Published only where the practice they name is.
        PracticeField("related", schema: .value(.ids(.practices), "Verwandte Praxisbeispiele: Dateinamen aus content/practices/ ohne .md; in beide Richtungen gezeigt."),
                      read: { read, fields, _ in fields.related = read.ids("related") },
                      page: { practice, renderer, root, page in
                          let ids = renderer.site.relatedOf[practice.id] ?? []
                          page["related"] = renderer.laterPracticeCards(ids, root: root)
                          page["relatedCards"] = renderer.relatedCards(ids, root: root)
                      },
                      record: .init { practice, site in .texts(practice.related.filter { site.practiceByID[$0] != nil }) }),
        PracticeField("contact", schema: .map(contactSchema, "Ansprechperson: name, role, email, url."),
                      read: { read, fields, _ in
                          fields.contact = read("contact")
                          read.email(fields.contact?.email, key: "contact.email")
                          read.webURL(fields.contact?.url, key: "contact.url")
                      },
                      page: { practice, renderer, _, page in
                          let contact = practice.contact.map { renderer.record(["name": $0.name, "role": $0.role, "email": $0.email, "url": $0.url]) }
                          page["contact"] = contact.flatMap { $0.values.isEmpty ? nil : $0 }
                      },
                      record: .init(subkeys: contactKeys) { practice, _ in
                          .map(practice.contact.map { ["name": $0.name, "role": $0.role, "email": $0.email, "url": $0.url] })
                      }),
        PracticeField("media", schema: .listOfMaps(EntryReader.mediaKeys, EntryReader.mediaDescription, exactlyOne: ["url", "file"]),
                      read: { read, fields, _ in fields.media = read.media() },
                      page: { practice, renderer, root, page in page["media"] = renderer.mediaItems(practice.media, root: root) },
                      record: .init { practice, _ in
                          .media(practice.media.map { ["type": $0.type, "url": $0.url, "file": $0.file, "title": $0.title, "credit": $0.credit] })
                      }),
        PracticeField("sources", schema: .value(.ids(.sources), "Quellen: Dateinamen aus seeds/ ohne .md; gezeigt als „Quelle“."),
                      read: { read, fields, _ in fields.sources = read.ids("sources") },
                      page: { practice, renderer, root, page in page["sources"] = renderer.sourceLinks(practice.sources, root: root) },
                      record: .init { practice, _ in .texts(practice.sources) }),
        // The page's language is the layout's; a card names it when it is not the site's.
        PracticeField("lang", schema: EntryParser.langKey,
                      read: { read, fields, site in fields.lang = read.lang() ?? site.language },
                      card: { practice, renderer, _, card in
                          guard practice.lang != renderer.site.pageLanguage else { return }
                          card["lang"] = practice.lang
                          card["langMark"] = renderer.strings["in-language-" + practice.lang] ?? practice.lang
                      },
                      record: .init { practice, _ in .text(practice.lang) }),
        // Published only where the practice they name is.
        PracticeField("translations", schema: .value(.translations, "Ältere Art der Übersetzung: Sprache -> Kennung des Praxisbeispiels in dieser Sprache."),
                      read: { read, fields, _ in fields.translations = read.translations() },
                      page: { practice, renderer, root, page in page["translations"] = renderer.translationLinks(practice, root: root) },
                      record: .init { practice, site in
                          .translations(Dictionary(practice.translations.filter { site.practiceByID[$0.id] != nil }.map { ($0.lang, $0.id) },
                                                   uniquingKeysWith: { first, _ in first }))
                      }),
        PracticeField("draft", schema: .value(.bool, "true: Entwurf, nur mit praxis build --drafts zu sehen; false: veröffentlicht."),
                      read: { read, fields, _ in fields.draft = read("draft", Bool.self) ?? false },
                      page: { practice, _, _, page in page["draft"] = practice.draft ? true : nil },
                      record: .init { practice, _ in .flag(practice.draft) }),
    ]

    /// The keys of `place:` and `contact:`, in the order of their columns in catalogue.csv.
    static let placeKeys = ["municipality", "state", "country"]
    static let contactKeys = ["name", "role", "email", "url"]

    static let placeSchema: [String: KeySchema] = [
        "municipality": .value(.text, "Kommune, z. B. Wuppertal."),
        "state": .value(.text, "Bundesland oder Region, z. B. Nordrhein-Westfalen."),
        "country": .value(.country, "Land: ISO-3166-Code in Großbuchstaben, z. B. DE; wird zur Facette Land."),
    ]
    static let contactSchema: [String: KeySchema] = [
        "name": .value(.text, "Name der Ansprechperson."),
        "role": .value(.text, "Funktion, z. B. Integrationsbeauftragte."),
        "email": .value(.email, "E-Mail-Adresse, z. B. name@example.org."),
        "url": .value(.webURL, "Website, mit https:// am Anfang."),
    ]

    /// The rows that are published, in table order: the values of a `CatalogueRecord`.
    static let published: [(key: String, record: PracticeField.Published)] = all.compactMap { field in
        guard let key = field.key, let record = field.record else { return nil }
        return (key, record)
    }
}
