/// The URL of every page, relative to the site root (`practices/x/`); pages prefix them with
/// the way back to the root, so the site works under any sub-path and on any host.
public enum SitePaths {
    public static let home = ""
    public static let search = "search/"
    public static let practices = "practices/"
    public static let workshops = "workshops/"
    public static let sources = "sources/"
    /// The open data of stage "open data", at the site root.
    public static let catalogueJSON = "catalogue.json"
    public static let catalogueCSV = "catalogue.csv"
    /// Generated files a body may link as `@/<name>`, checked like links to entries.
    public static let linkableFiles: Set<String> = [catalogueJSON, catalogueCSV]
    /// Page n > 1 of a long list lives below the list as `page/<n>/`; a practice cannot take
    /// this id, or it would sit in the folder of the pages of /practices/.
    public static let pageSegment = "page"

    /// Top-level folders Praxis builds itself, which no page (`/<id>/`) may take.
    public static func reserved(facets: [String]) -> [String] {
        ["", search, practices, workshops, sources, "partners/", "country/", "tags/", "assets/"] + facets.map(facet)
    }

    public static func practice(_ id: String) -> String { "practices/\(id)/" }
    public static func partner(_ id: String) -> String { "partners/\(id)/" }
    public static func workshop(_ id: String) -> String { "workshops/\(id)/" }
    public static func day(_ workshop: String, _ id: String) -> String { "workshops/\(workshop)/\(id)/" }
    public static func page(_ id: String) -> String { "\(id)/" }
    public static func source(_ id: String) -> String { "sources/\(id)/" }
    public static func facet(_ name: String) -> String { "\(name)/" }
    public static func facetValue(_ name: String, _ value: String) -> String { "\(name)/\(value)/" }
    /// Page `number` of the list at `path`: the list's own URL for page 1, `<path>page/<n>/` after.
    public static func paged(_ path: String, _ number: Int) -> String {
        number <= 1 ? path : "\(path)\(pageSegment)/\(number)/"
    }

    /// Where the pages of language `lang` live: "" for the default language, `en/` for another.
    public static func prefix(_ lang: String, default defaultLanguage: String) -> String {
        lang == defaultLanguage ? "" : lang + "/"
    }

    /// The way from the page at `path` back to the site root: "" for the home page, "../../" for
    /// `practices/x/`.
    public static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count)
    }

    /// The file a page is written to.
    public static func file(for path: String) -> String { path + "index.html" }
}
