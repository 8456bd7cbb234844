/// One way to browse practices (`fields`, `country`, `tags`, ...): its values with their
/// practices, for the overview page `/<facet>/` and a page per value.
public struct Facet: Sendable {
    public enum Kind: String, Sendable {
        /// Declared in site.yaml with a vocabulary.
        case vocabulary
        case country, tags
        /// The value pages are the partner pages themselves.
        case partners
    }

    public struct Value: Sendable {
        /// URL segment: the vocabulary id, or the slug of a free value.
        public var id: String
        public var label: String
        /// Practice ids, in German alphabetical order of their titles.
        public var practices: [String]
    }

    public var name: String
    public var label: String
    public var kind: Kind
    /// Display order: vocabulary order for declared facets, German alphabetical order otherwise.
    public var values: [Value] { didSet { positions = Self.positions(of: values) } }
    /// Where each value id sits in `values`: a practice page looks up each of its values, and
    /// a linear search would make a practice with thousands of tags quadratic.
    private var positions: [String: Int]

    public init(name: String, label: String, kind: Kind, values: [Value]) {
        self.name = name
        self.label = label
        self.kind = kind
        self.values = values
        self.positions = Self.positions(of: values)
    }

    private static func positions(of values: [Value]) -> [String: Int] {
        Dictionary(values.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The value with id `id`, if the facet has it.
    public func value(id: String) -> Value? {
        positions[id].map { values[$0] }
    }

    public func url(of value: Value) -> String {
        kind == .partners ? SitePaths.partner(value.id) : SitePaths.facetValue(name, value.id)
    }
}
