/// A workshop format: content/workshops/<id>/index.md, with its days.
public struct Workshop: Sendable {
    public var id: String
    public var origin: EntryOrigin
    public var title: String
    public var summary: String
    public var days: Int?
    public var audience: String?
    public var maxParticipants: Int?
    public var price: Price?
    public var partners: [String]
    public var sources: [String]
    public var media: [Media]
    public var lang: String
}


/// One day of a workshop: content/workshops/<id>/day-<n>.md.
public struct WorkshopDay: Sendable {
    public var workshop: String
    /// `day-<n>`, the URL segment.
    public var id: String
    public var origin: EntryOrigin
    public var title: String
    public var day: Int
    public var motto: String?
    public var summary: String?
    public var sessions: [Session]
    public var practices: [String]
    public var materials: [Material]
    public var lang: String
}

