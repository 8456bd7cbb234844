/// One front-matter key of a practice and everything the pipeline does with it: how it is read
/// and checked, what it gives to the practice page's and to a card's context, to the search and
/// to the open data. The rows are `PracticeFields.all`; the parser, the schema, the renderer,
/// the search and the open data go through them instead of naming the keys themselves.
struct PracticeField: Sendable {
    /// A page's or a card's context before `Renderer.compact`: a nil value leaves the key out.
    typealias Context = [String: Any?]
    /// Puts the field's values into a context; `root` leads from the page to the site root.
    typealias Show = @Sendable (_ practice: Practice, _ renderer: Renderer, _ root: String, _ context: inout Context) -> Void

    /// The key; nil only for the row that stands for the facets site.yaml declares (a key each,
    /// `facetValues`), so that they keep their place among the keys.
    let key: String?
    /// What the key may hold, whether it is required and what it is for: for the check of
    /// unknown keys (`EntryParser.keys(of:)`, which the random-edit tests walk too) and for
    /// `praxis schema`. Nil only with `key`.
    let schema: KeySchema?
    /// Reads and checks the key into the practice being parsed; each problem names file, line
    /// and key. The site gives the facets and the default language.
    let read: @Sendable (_ reader: inout EntryReader, _ fields: inout Practice.Fields, _ site: SiteConfig) -> Void
    /// Its values in the practice page's context (`practice.mustache`).
    let page: Show?
    /// Its values in a card's context (`practice-card.mustache`: lists, facet pages, related practices).
    let card: Show?
    /// Its text among the facts a search result shows under its title (and ranks as summary).
    let search: (@Sendable (Practice) -> String?)?
    /// Its value in the open data: `catalogue.json` under the key, `catalogue.csv` in `columns`.
    let record: Published?

    init(_ key: String?, schema: KeySchema?,
         read: @escaping @Sendable (_ reader: inout EntryReader, _ fields: inout Practice.Fields, _ site: SiteConfig) -> Void,
         page: Show? = nil, card: Show? = nil, search: (@Sendable (Practice) -> String?)? = nil, record: Published? = nil) {
        self.key = key
        self.schema = schema
        self.read = read
        self.page = page
        self.card = card
        self.search = search
        self.record = record
    }

    /// How a field is published.
    struct Published: Sendable {
        /// For a map: its keys, spread over `key.subkey` columns of catalogue.csv in this order.
        let subkeys: [String]?
        let value: @Sendable (_ practice: Practice, _ site: Site) -> CatalogueRecord.Value

        init(subkeys: [String]? = nil, _ value: @escaping @Sendable (_ practice: Practice, _ site: Site) -> CatalogueRecord.Value) {
            self.subkeys = subkeys
            self.value = value
        }

        /// Its columns in catalogue.csv.
        func columns(key: String) -> [String] {
            subkeys.map { $0.map { "\(key).\($0)" } } ?? [key]
        }
    }
}
