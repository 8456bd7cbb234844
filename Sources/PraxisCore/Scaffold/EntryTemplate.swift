/// What a new entry's file is written from: the site's vocabularies and the entries that
/// exist, so the comments name the values an editor may use. One file per kind:
/// EntryTemplate+Practice, +Partner, +Workshop (workshops and days), +Page.
struct EntryTemplate {
    let config: SiteConfig
    /// Ids of the entries that exist, sorted, by folder.
    let partnerIDs: [String]
    let sourceIDs: [String]
    /// `kind:` values the partners already use, as examples.
    let partnerKinds: [String]
    /// Today as YYYY-MM-DD, for `updated`.
    let today: String

    /// The placeholder title: what the editor passed with --title, else the id in words.
    static func title(for id: String, given: String?) -> String {
        if let given, !given.trimmingCharacters(in: .whitespaces).isEmpty { return given }
        let words = id.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// The marker of text the editor still has to write; easy to search for.
    static let placeholder = "BITTE ERSETZEN:"

    /// `lang:`, with the languages site.yaml allows.
    func language(_ writer: inout FrontMatterWriter) {
        let others = config.languages.filter { $0 != config.language }
        writer.key("lang", comment: "Sprache des Eintrags; leer lassen für \(config.language) (die Sprache der Website)."
            + (others.isEmpty ? "" : " Erlaubt: \(config.languages.joined(separator: ", ")) (languages in content/site.yaml)."))
    }

    /// `media:` left empty, with an example to uncomment.
    func media(_ writer: inout FrontMatterWriter, example file: String) {
        writer.key("media", comment: "Bilder, Videos und Dokumente. Je Eintrag: type (video, image oder document), entweder url "
            + "(eine Adresse im Web) oder file (ein Pfad unter content/static/), dazu title und credit (Bildnachweis, wird "
            + "angezeigt). Zum Verwenden die Beispielzeilen darunter einkommentieren (# am Zeilenanfang entfernen).")
        writer.raw("#  - type: image")
        writer.raw("#    file: \(file)")
        writer.raw("#    title: Was auf dem Bild zu sehen ist")
        writer.raw("#    credit: \"Foto: Name\"")
    }

    func partners(_ writer: inout FrontMatterWriter) {
        writer.key("partners", "[]", comment: "Partnerorganisationen: Dateinamen aus content/partners/ ohne .md, z. B. "
            + "[\(partnerIDs.first ?? "welcoming-america")]. Jede Partnerseite verweist dann zurück. "
            + FrontMatterWriter.known(partnerIDs, folder: "content/partners/"))
    }

    func sources(_ writer: inout FrontMatterWriter) {
        writer.key("sources", "[]", comment: "Quellen: Dateinamen aus seeds/ ohne .md; sie werden als „Quelle“ gezeigt. "
            + FrontMatterWriter.known(sourceIDs, folder: "seeds/"))
    }
}
