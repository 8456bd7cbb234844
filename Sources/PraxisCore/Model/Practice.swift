/// A good-practice entry: content/practices/<id>.md.
///
/// Its fields live in one shared box: a catalogue holds ten thousand practices, and every
/// stage passes them around; a copy is then one reference, not twenty. Changing a field of a
/// copy gives the copy a box of its own, as for any value. What the pipeline does with each
/// field (front-matter key, checks, page, card, search, open data) is its row in `PracticeFields`.
public struct Practice: Sendable {
    public var id: String { get { box.fields.id } set { change { $0.id = newValue } } }
    public var origin: EntryOrigin { get { box.fields.origin } set { change { $0.origin = newValue } } }
    public var title: String { get { box.fields.title } set { change { $0.title = newValue } } }
    public var summary: String { get { box.fields.summary } set { change { $0.summary = newValue } } }
    /// Values of every facet declared in site.yaml (`fields`, `target_groups`, ...), by facet name.
    public var facetValues: [String: [String]] { get { box.fields.facetValues } set { change { $0.facetValues = newValue } } }
    public var place: Place? { get { box.fields.place } set { change { $0.place = newValue } } }
    public var partners: [String] { get { box.fields.partners } set { change { $0.partners = newValue } } }
    public var tags: [String] { get { box.fields.tags } set { change { $0.tags = newValue } } }
    public var year: Int? { get { box.fields.year } set { change { $0.year = newValue } } }
    /// YYYY-MM-DD.
    public var updated: String? { get { box.fields.updated } set { change { $0.updated = newValue } } }
    public var related: [String] { get { box.fields.related } set { change { $0.related = newValue } } }
    public var contact: Contact? { get { box.fields.contact } set { change { $0.contact = newValue } } }
    public var media: [Media] { get { box.fields.media } set { change { $0.media = newValue } } }
    public var sources: [String] { get { box.fields.sources } set { change { $0.sources = newValue } } }
    public var lang: String { get { box.fields.lang } set { change { $0.lang = newValue } } }
    public var translations: [(lang: String, id: String)] { get { box.fields.translations } set { change { $0.translations = newValue } } }
    public var draft: Bool { get { box.fields.draft } set { change { $0.draft = newValue } } }

    /// A practice of `fields`, as the parser fills them in (`PracticeFields`, a row per key).
    init(_ fields: Fields) {
        box = Box(fields)
    }

    /// The stored values, one per property above. A field's default is its value when the
    /// front matter leaves the key out.
    struct Fields: Sendable {
        var id: String
        var origin: EntryOrigin
        var title = ""
        var summary = ""
        var facetValues: [String: [String]] = [:]
        var place: Place?
        var partners: [String] = []
        var tags: [String] = []
        var year: Int?
        var updated: String?
        var related: [String] = []
        var contact: Contact?
        var media: [Media] = []
        var sources: [String] = []
        var lang: String
        var translations: [(lang: String, id: String)] = []
        var draft = false
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private mutating func change(_ edit: (inout Fields) -> Void) {
        var fields = box.fields
        edit(&fields)
        box = Box(fields)
    }
}
