/// The client-side index before it is cut into files: what can be found, and how to filter it.
struct SearchIndex: Sendable {
    /// One published entry, as a result list shows it.
    struct Document: Sendable, Equatable {
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

    /// The words the tables number.
    var words: WordTable
    /// One per document, in document order.
    var tables: [SearchTable]
    var facets: [FacetGroup]

    var documents: [Document] { tables.map(\.source.document) }
}

/// One document of the index: what it shows and the words found in it. `praxis serve` keeps
/// them by source file (`SearchTables`) and finds the words again only where the text changed.
struct SearchTable: Sendable {
    /// What the words were found in; its strings share storage with the site's.
    var source: SearchIndexBuilder.Source
    /// The body its words were read from: its plain text in memory (`praxis serve`), or only
    /// where the build's spill file has it.
    var body: RenderedMarkdown.Text
    /// `word << 3 | fields`, one per distinct indexed word (`WordTable` numbers).
    var words: [UInt32]
}
