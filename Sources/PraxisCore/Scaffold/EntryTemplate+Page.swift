extension EntryTemplate {
    /// A free page at `/<id>/`, linked in the footer of every page.
    func page(id: String, title: String?) -> String {
        var w = FrontMatterWriter()
        w.comment("Neue Seite, erreichbar unter /\(id)/ und im Fuß jeder Seite verlinkt. Sie erscheint mit dem nächsten "
            + "Build; bitte zuerst den Text schreiben. Pflicht ist nur title.")
        w.raw("")
        w.key("title", FrontMatterWriter.quoted(Self.title(for: id, given: title)), comment: "Titel der Seite (Pflicht).")
        w.key("summary", comment: "Kurzbeschreibung für Suche und Suchmaschinen: ein bis zwei Sätze, höchstens "
            + "\(Validate.summaryLimit) Zeichen, ohne Markdown.")
        language(&w)
        return w.file(body: "\(Self.placeholder) Der Text der Seite, in Markdown.\n")
    }
}
