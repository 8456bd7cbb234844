/// A free page (about, imprint, privacy): content/pages/<id>.md.
public struct Page: Sendable {
    public var id: String
    public var origin: EntryOrigin
    public var title: String
    public var summary: String?
    public var lang: String
}

/// A source document of the register: seeds/<id>.md, cited by entries as `sources`.
public struct SourceDocument: Sendable {
    public var id: String
    public var origin: EntryOrigin
    public var title: String
    public var publisher: String?
    public var author: String?
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    public var date: String?
    public var lang: String?
    public var url: String?
}

