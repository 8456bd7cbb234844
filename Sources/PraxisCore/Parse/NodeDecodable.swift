import Yams

/// A value read straight from its composed node, without Yams' `YAMLDecoder`.
///
/// `YAMLDecoder` goes through Codable's containers for every key and builds a coding path,
/// and creating one reads the whole process environment (`Parser.Encoding.default`): together
/// most of the parse stage's time. `decoded(from:)` answers only where its value is certain to
/// be the one `YAMLDecoder` gives, following Yams 6's rules written beside each case; anything
/// else (a wrong type, a merge key `<<`, a tag, a key that is not plain text) answers nil and
/// goes to `YAMLDecoder` as before, which gives the value or the `DecodingError` the messages
/// are made of. So no message depends on this file.
protocol NodeDecodable: Decodable {
    static func decoded(from node: Node) -> Self?
}

extension String: NodeDecodable {
    /// Yams' `String.construct(from:)`: any scalar's text, as written, whatever its tag.
    static func decoded(from node: Node) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }
}

extension Bool: NodeDecodable {
    /// Yams' `Bool.construct(from:)`: a scalar not tagged `!!str` (quoted ones are) whose text
    /// is true/yes/on or false/no/off in any case.
    static func decoded(from node: Node) -> Bool? {
        guard case .scalar(let scalar) = node, scalar.tag.description != Tag.Name.str.rawValue else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}

extension Array: NodeDecodable where Element: NodeDecodable {
    /// `Array.init(from:)`: a sequence, every item decoded in turn.
    static func decoded(from node: Node) -> [Element]? {
        guard case .sequence(let sequence) = node else { return nil }
        var result: [Element] = []
        result.reserveCapacity(sequence.count)
        for item in sequence {
            guard let value = Element.decoded(from: item) else { return nil }
            result.append(value)
        }
        return result
    }
}

extension Dictionary: NodeDecodable where Key == String, Value: NodeDecodable {
    /// `Dictionary<String, _>.init(from:)`: every key of the map, in order, with its value.
    /// Yams' keyed container hides the keys `yamlAnchor` and `yamlTag` (its own markers).
    static func decoded(from node: Node) -> [String: Value]? {
        guard let fields = NodeFields(node) else { return nil }
        var result: [String: Value] = [:]
        let mapping = fields.mapping
        for index in mapping.indices {  // by index: Yams' iterator copies all pairs first
            let (key, value) = mapping[index]
            guard let name = key.string, name != "yamlAnchor", name != "yamlTag",
                  let decoded = Value.decoded(from: value) else { return nil }
            result[name] = decoded
        }
        return result
    }
}

/// The keys of a map whose keys are all plain texts, so that a key is found by its text as
/// Yams' lookup finds it. Yams compares a key's text and its resolved tag, and resolves a key
/// `<<` as a merge and `=` as a value key, which its decoder treats specially: such a map, or
/// one whose key reads as a number, true/false or null, is left to `YAMLDecoder`.
struct NodeFields {
    struct NotCertain: Error {}

    let mapping: Node.Mapping

    init?(_ node: Node) {
        guard case .mapping(let mapping) = node else { return nil }
        for key in mapping.keys {
            guard case .scalar = key, key.tag.description == Tag.Name.str.rawValue else { return nil }
        }
        self.mapping = mapping
    }

    /// An optional text field as `decodeIfPresent(String.self, forKey:)` reads it: nil when
    /// the key is absent or its value is YAML's null (a plain empty, `~` or `null`); a value
    /// that is not a scalar throws, for `YAMLDecoder` to report.
    func text(_ name: String) throws -> String? {
        guard let value = lastValue(of: name) else { return nil }
        guard case .scalar(let scalar) = value else { throw NotCertain() }
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return scalar.string
    }

    /// The value of the last key `name` (every key is a scalar, see `init`), searched from the
    /// end by index: `reversed()` would copy all pairs of the map for each field.
    private func lastValue(of name: String) -> Node? {
        var index = mapping.endIndex
        while index > mapping.startIndex {
            index -= 1
            let (key, value) = mapping[index]
            if case .scalar(let scalar) = key, scalar.string == name { return value }
        }
        return nil
    }
}

extension Place: NodeDecodable {
    static func decoded(from node: Node) -> Place? {
        guard let fields = NodeFields(node) else { return nil }
        return try? Place(municipality: fields.text("municipality"), state: fields.text("state"), country: fields.text("country"))
    }
}

extension Contact: NodeDecodable {
    static func decoded(from node: Node) -> Contact? {
        guard let fields = NodeFields(node) else { return nil }
        return try? Contact(name: fields.text("name"), role: fields.text("role"), email: fields.text("email"), url: fields.text("url"))
    }
}

extension Media: NodeDecodable {
    static func decoded(from node: Node) -> Media? {
        guard let fields = NodeFields(node) else { return nil }
        return try? Media(type: fields.text("type"), url: fields.text("url"), file: fields.text("file"),
                          title: fields.text("title"), credit: fields.text("credit"))
    }
}

extension Session: NodeDecodable {
    static func decoded(from node: Node) -> Session? {
        guard let fields = NodeFields(node) else { return nil }
        return try? Session(time: fields.text("time"), title: fields.text("title"), note: fields.text("note"))
    }
}

extension Material: NodeDecodable {
    static func decoded(from node: Node) -> Material? {
        guard let fields = NodeFields(node) else { return nil }
        return try? Material(title: fields.text("title"), file: fields.text("file"))
    }
}

extension Price: NodeDecodable {
    /// `amount` follows Yams' number rules (`1_000`, `1:30`, `.inf`); one per workshop, so it is
    /// always left to `YAMLDecoder`.
    static func decoded(from node: Node) -> Price? { nil }
}
