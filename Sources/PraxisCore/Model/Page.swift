/// A free page (about, imprint, privacy): content/pages/<id>.md.
public struct Page: Sendable {
    public var id: String
    public var origin: EntryOrigin
    public var title: String
    public var summary: String?
    public var lang: String
}

struct PageFrontMatter: Decodable {
    var title: String?
    var summary: String?
    var lang: String?
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

struct SourceFrontMatter: Decodable {
    var title: String?
    var publisher: String?
    var author: String?
    var date: String?
    var lang: String?
    var url: String?
}
