extension EntryTemplate {
    /// A practice as a draft: it builds at once, but is published only once `draft: false`.
    func practice(id: String, title: String?) -> String {
        var w = FrontMatterWriter()
        w.comment("Neues Praxisbeispiel. Es ist als Entwurf angelegt (draft: true ganz unten) und erscheint erst auf der "
            + "Website, wenn dort draft: false steht; praxis build --drafts zeigt es vorher zur Ansicht. "
            + "Pflicht sind title, summary und fields; alle anderen Angaben dürfen leer bleiben.")
        w.raw("")
        w.key("title", FrontMatterWriter.quoted(Self.title(for: id, given: title)),
              comment: "Titel des Praxisbeispiels (Pflicht), wie er über der Seite und in Listen steht.")
        w.key("summary", FrontMatterWriter.quoted("\(Self.placeholder) Worum es geht, in ein bis zwei Sätzen."),
              comment: "Kurzbeschreibung (Pflicht): ein bis zwei Sätze, höchstens \(Validate.summaryLimit) Zeichen, ohne "
                + "Markdown. Erscheint in Listen, in der Suche und als Beschreibung für Suchmaschinen.")
        for facet in config.facets {
            if facet.name == "fields" {
                w.key("fields", "[\(facet.values.first?.id ?? "")]",
                      comment: "\(facet.label) (Pflicht, mindestens eines; bitte prüfen, vorausgefüllt ist das erste). "
                        + "Erlaubt: \(FrontMatterWriter.values(facet)).")
            } else {
                w.key(facet.name, "[]", comment: "\(facet.label) (Liste). Erlaubt: \(FrontMatterWriter.values(facet)).")
            }
        }
        w.comment("Ort: Gemeinde oder Kreis, Bundesland und Land als zweistelliger ISO-Code in Großbuchstaben "
            + "(z. B. DE, AT, CH); das Land wird zur Facette „Land“.")
        w.raw("place:")
        w.raw("  municipality:")
        w.raw("  state:")
        w.raw("  country:")
        partners(&w)
        w.key("tags", "[]", comment: "Schlagwörter, frei wählbar, z. B. [Ehrenamt, Sprachförderung]; jedes bekommt eine eigene Seite.")
        w.key("year", comment: "Jahr, in dem das Praxisbeispiel begonnen hat, z. B. 2016.")
        w.key("updated", today, comment: "Datum der letzten inhaltlichen Änderung (JJJJ-MM-TT); der Feed zeigt die zuletzt "
            + "geänderten Praxisbeispiele.")
        w.key("related", "[]", comment: "Verwandte Praxisbeispiele: Dateinamen aus content/practices/ ohne .md; sie verweisen "
            + "dann gegenseitig aufeinander.")
        w.comment("Ansprechperson: Name, Funktion, E-Mail-Adresse und Webadresse (mit https://).")
        w.raw("contact:")
        w.raw("  name:")
        w.raw("  role:")
        w.raw("  email:")
        w.raw("  url:")
        media(&w, example: "bilder/\(id).jpg")
        sources(&w)
        language(&w)
        let other = config.languages.first { $0 != config.language } ?? "en"
        w.key("translations", comment: "Übersetzungen: je Sprache der Dateiname des übersetzten Praxisbeispiels, z. B. "
            + "\(other): \(id)-\(other). Zum Verwenden die Zeile darunter einkommentieren.")
        w.raw("#  \(other): \(id)-\(other)")
        w.key("draft", "true", comment: "Entwurf: true = noch nicht veröffentlicht. Auf false setzen, wenn der Eintrag fertig ist.")
        return w.file(body: """
            ## Worum es geht

            \(Self.placeholder) Ausgangslage und Ziel des Ansatzes.

            ## Wie es funktioniert

            \(Self.placeholder) Wer was tut, mit welchen Mitteln.

            ## Was andere Kommunen übernehmen können

            \(Self.placeholder) Was sich übertragen lässt.

            """)
    }
}
