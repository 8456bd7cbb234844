extension EntryTemplate {
    /// A workshop format: `content/workshops/<id>/index.md`; its days are files of their own.
    func workshop(id: String, title: String?) -> String {
        var w = FrontMatterWriter()
        w.comment("Neues Workshop-Format. Es erscheint mit dem nächsten Build auf der Website; bitte zuerst die mit "
            + "„\(Self.placeholder)“ markierten Stellen ausfüllen. Pflicht sind title und summary. "
            + "Die Tage sind eigene Dateien: praxis new day \(id)/day-1 legt den ersten an.")
        w.raw("")
        w.key("title", FrontMatterWriter.quoted(Self.title(for: id, given: title)), comment: "Titel des Workshops (Pflicht).")
        w.key("summary", FrontMatterWriter.quoted("\(Self.placeholder) Was der Workshop erreichen will, in ein bis zwei Sätzen."),
              comment: "Kurzbeschreibung (Pflicht): ein bis zwei Sätze, höchstens \(Validate.summaryLimit) Zeichen, ohne Markdown.")
        w.key("days", comment: "Anzahl der Tage; muss zur Zahl der Dateien day-<n>.md in diesem Ordner passen "
            + "(praxis new day zählt sie selbst nach). Leer lassen geht auch.")
        w.key("audience", comment: "Für wen der Workshop gedacht ist, in einem Satz.")
        w.key("max_participants", comment: "Höchstzahl der Teilnehmenden, z. B. 40.")
        w.comment("Preis: amount (Betrag als Zahl), currency (dreistelliger Code, z. B. EUR), note (was er einschließt).")
        w.raw("price:")
        w.raw("  amount:")
        w.raw("  currency:")
        w.raw("  note:")
        partners(&w)
        sources(&w)
        media(&w, example: "bilder/\(id).jpg")
        language(&w)
        return w.file(body: """
            ## Ausgangslage

            \(Self.placeholder) Wofür Kommunen diesen Workshop brauchen.

            ## Ziele

            \(Self.placeholder) Was am Ende steht.

            """)
    }

    /// Day `number` of workshop `workshop` (whose title is `workshopTitle`, when it could be read).
    func day(workshop: String, number: Int, workshopTitle: String?, title: String?) -> String {
        var w = FrontMatterWriter()
        let of = workshopTitle.map { "des Workshops „\(FrontMatterWriter.oneLine($0))“" } ?? "des Workshops \(workshop)"
        w.comment("Tag \(number) \(of) (content/workshops/\(workshop)/index.md). Er erscheint mit dem nächsten Build auf der "
            + "Website. Pflicht sind title und day.")
        w.raw("")
        w.key("title", FrontMatterWriter.quoted(title ?? "Tag \(number)"),
              comment: "Titel des Tages (Pflicht), z. B. „Tag \(number): Ziele festlegen“.")
        w.key("day", "\(number)", comment: "Nummer des Tages (Pflicht); muss zum Dateinamen day-\(number).md passen.")
        w.key("motto", comment: "Motto des Tages, z. B. „Sensibilisieren und Positionieren“.")
        w.key("summary", comment: "Kurzbeschreibung: ein bis zwei Sätze, höchstens \(Validate.summaryLimit) Zeichen, ohne Markdown.")
        w.key("sessions", comment: "Ablauf: je Programmpunkt time (Uhrzeit, in Anführungszeichen), title (Pflicht) und note "
            + "(Anmerkung). Zum Verwenden die Beispielzeilen darunter einkommentieren.")
        w.raw("#  - time: \"9:00\"")
        w.raw("#    title: Begrüßung und Ziele des Tages")
        w.raw("#    note: Was die Teilnehmenden mitbringen")
        w.key("practices", "[]", comment: "Praxisbeispiele, die an diesem Tag vorgestellt werden: Dateinamen aus "
            + "content/practices/ ohne .md. Sie verweisen dann auf diesen Tag zurück.")
        w.key("materials", comment: "Material zum Herunterladen: je Eintrag title und file (ein Pfad unter content/static/). "
            + "Zum Verwenden die Beispielzeilen darunter einkommentieren.")
        w.raw("#  - title: Ablauf Tag \(number) (PDF)")
        w.raw("#    file: workshops/\(workshop)/tag-\(number)-ablauf.pdf")
        language(&w)
        return w.file(body: "## Ablauf des Tages\n\n\(Self.placeholder) Was an diesem Tag geschieht und was am Ende steht.\n")
    }
}
