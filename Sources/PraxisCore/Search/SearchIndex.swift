/// The client-side index before it is cut into files: what can be found, and how to filter it.
struct SearchIndex: Sendable {
    /// One published entry, as a result list shows it.
    struct Document: Sendable {
        /// Root-relative URL (`practices/x/`); the search page prefixes its way back to the root.
        var url: String
        var title: String
        var summary: String
        /// The facts a reader may have searched by, shown under the summary: place, tags, partners.
        var meta: String
        /// practice, partner, workshop, day or page.
        var type: String
        var lang: String
    }

    /// A filter beside the results: for each value, the documents that have it.
    struct FacetGroup: Sendable {
        var name: String
        var label: String
        var values: [(id: String, label: String)]
        /// Per value (same order as `values`), ascending document numbers.
        var documents: [[Int]]
    }

    /// Where a word was found, as bits of a posting: the page ranks title over summary over body.
    struct Fields: OptionSet, Sendable {
        let rawValue: Int
        static let body = Fields(rawValue: 1)
        static let summary = Fields(rawValue: 2)
        static let title = Fields(rawValue: 4)
        static let bits = 3
    }

    /// A normalised word and where it occurs: `document << Fields.bits | fields`, ascending.
    struct Term: Sendable {
        var word: String
        var postings: [Int]
    }

    var documents: [Document]
    var facets: [FacetGroup]
    /// In byte order of the word, so a prefix's words are neighbours.
    var terms: [Term]
}
