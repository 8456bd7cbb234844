/// One published entry in `search.json`. Encoded with sorted keys, so the file is reproducible.
public struct SearchRecord: Codable, Sendable, Equatable {
    /// Root-relative URL (`practices/x/`); the search page prefixes its way back to the root.
    public var url: String
    public var title: String
    public var summary: String
    /// practice, partner, workshop, day or page.
    public var type: String
    public var lang: String
    /// Facet name -> value ids (for practices; partners carry their country).
    public var facets: [String: [String]]
    /// Distinct lowercase words of the body, for matching beyond title and summary.
    public var terms: [String]
}

/// The whole index: the facets' labels (so filters can be shown without another file) and the records.
public struct SearchIndex: Codable, Sendable {
    public struct FacetLabels: Codable, Sendable {
        public var label: String
        /// Value id -> label, in display order as `order` gives it.
        public var values: [String: String]
        public var order: [String]
    }

    public var version: Int
    public var facets: [String: FacetLabels]
    public var entries: [SearchRecord]
}
