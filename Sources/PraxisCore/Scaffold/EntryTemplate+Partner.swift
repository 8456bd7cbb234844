extension EntryTemplate {
    /// A partner organisation. Partners have no draft: it is on the site with the next build.
    func partner(id: String, title: String?) -> String {
        var w = FrontMatterWriter()
        w.comment("Neue Partnerorganisation. Sie erscheint mit dem nächsten Build auf der Website; bitte zuerst die mit "
            + "„\(Self.placeholder)“ markierten Stellen ausfüllen. Pflicht sind title und summary.")
        w.raw("")
        w.key("title", FrontMatterWriter.quoted(Self.title(for: id, given: title)), comment: "Name der Organisation (Pflicht).")
        w.key("short", comment: "Kurzname oder Abkürzung, z. B. GDX.")
        w.key("country", comment: "Land des Sitzes als zweistelliger ISO-Code in Großbuchstaben, z. B. DE, CA, US.")
        w.key("url", comment: "Website der Organisation, mit https://.")
        let kinds = partnerKinds.isEmpty ? "network, foundation, programme" : partnerKinds.joined(separator: ", ")
        w.key("kind", comment: "Art der Organisation, frei wählbar; bisher verwendet: \(kinds).")
        w.key("summary", FrontMatterWriter.quoted("\(Self.placeholder) Wer die Organisation ist und was sie mit dem Katalog verbindet."),
              comment: "Kurzbeschreibung (Pflicht): ein bis zwei Sätze, höchstens \(Validate.summaryLimit) Zeichen, ohne Markdown.")
        language(&w)
        return w.file(body: "\(Self.placeholder) Ausführlicher Text über die Organisation.\n")
    }
}
