import Foundation

/// Small inline site roots: a valid minimal site, which each test changes in one place.
enum SiteFixture {
    static let siteYAML = """
    title: Testkatalog
    base_url: https://example.org/katalog/
    language: de
    facets:
      fields:
        label: Handlungsfeld
        values:
          bildung-sprache: Bildung und Sprache
          arbeit-ausbildung: Arbeit und Ausbildung
      target_groups:
        label: Zielgruppe
        values: { gefluechtete: Geflüchtete, unternehmen: Unternehmen }

    """

    /// A practice file with the given front-matter lines (after the defaults) and body.
    static func practice(title: String = "Ein Beispiel", extra: String = "", body: String = "Text.\n") -> String {
        """
        ---
        title: \(title)
        summary: Eine kurze Beschreibung.
        fields: [bildung-sprache]
        \(extra)
        ---
        \(body)
        """
    }

    static func partner(title: String, extra: String = "") -> String {
        "---\ntitle: \(title)\nsummary: Ein Partner.\n\(extra)\n---\nÜber den Partner.\n"
    }

    /// A minimal valid site: one practice, one partner, one source.
    static func minimal() -> [String: String] {
        [
            "content/site.yaml": siteYAML,
            "content/practices/beispiel.md": practice(extra: "partners: [netzwerk]\nsources: [quelle]"),
            "content/partners/netzwerk.md": partner(title: "Ein Netzwerk"),
            "seeds/quelle.md": "---\ntitle: Eine Quelle\npublisher: Herausgeber\n---\nKurz.\n",
        ]
    }

    /// Writes `minimal()` changed by `changes` (a nil value deletes the file) into a new folder.
    static func make(_ changes: [String: String?] = [:]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        var files = minimal()
        for (path, text) in changes { files[path] = text }
        try folder.write(files)
        return folder
    }
}
