/// What every entry has: where it came from and its Markdown body.
public struct EntryOrigin: Sendable {
    /// Path relative to the site root.
    public var file: String
    public var lines: KeyLines
    public var body: String
    /// File line of the body's first line.
    public var bodyLine: Int
}

/// The kinds of entries, as `search.json`'s `type` names them.
public enum EntryKind: String, Sendable, CaseIterable {
    case practice, partner, workshop, day, page, source
}
