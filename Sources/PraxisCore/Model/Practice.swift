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

