/// A partner organisation: content/partners/<id>.md.
public struct Partner: Sendable {
    public var id: String
    public var origin: EntryOrigin
    public var title: String
    public var short: String?
    public var country: String?
    public var url: String?
    public var kind: String?
    public var summary: String
    public var lang: String
}

