/// A good-practice entry: content/practices/<id>.md.
public struct Practice: Sendable {
    public var id: String
    public var origin: EntryOrigin
    public var title: String
    public var summary: String
    /// Values of every facet declared in site.yaml (`fields`, `target_groups`, ...), by facet name.
    public var facetValues: [String: [String]]
    public var place: Place?
    public var partners: [String]
    public var tags: [String]
    public var year: Int?
    /// YYYY-MM-DD.
    public var updated: String?
    public var related: [String]
    public var contact: Contact?
    public var media: [Media]
    public var sources: [String]
    public var lang: String
    public var translations: [(lang: String, id: String)]
    public var draft: Bool
}

/// The keys of a practice's front matter apart from the facets, decoded through Codable.
struct PracticeFrontMatter: Decodable {
    var title: String?
    var summary: String?
    var place: Place?
    var partners: [String]?
    var tags: [String]?
    var year: Int?
    var updated: String?
    var related: [String]?
    var contact: Contact?
    var media: [Media]?
    var sources: [String]?
    var lang: String?
    var translations: [String: String]?
    var draft: Bool?
}
