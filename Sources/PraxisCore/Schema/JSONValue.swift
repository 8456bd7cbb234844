/// A JSON document for the schemas, written always the same way: keys in byte order, two
/// spaces of indent, one key or item a line, so the same site gives byte-identical files and a
/// change in a vocabulary shows as a small diff.
indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    /// The document, ending with a line break.
    var text: String {
        var out = ""
        write(&out, indent: "")
        return out + "\n"
    }

    private func write(_ out: inout String, indent: String) {
        switch self {
        case .string(let text): Self.quote(text, into: &out)
        case .number(let value):
            // Whole numbers as digits (the ranges of Limits); others as Swift writes a Double,
            // which is the shortest text that reads back as the same number.
            if value.rounded() == value, abs(value) < 1e15 { out += String(Int(value)) } else { out += String(value) }
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += indent + "  "
                item.write(&out, indent: indent + "  ")
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            // Byte order of the UTF-8 keys, not String's Unicode ordering: the same on every platform.
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (index, key) in keys.enumerated() {
                out += indent + "  "
                Self.quote(key, into: &out)
                out += ": "
                members[key]!.write(&out, indent: indent + "  ")
                out += index == keys.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    /// Escaped as the search index escapes its strings (`JSONBytes`): `<`, `>` and `&` too, so
    /// a facet label or a title stays text wherever the schema is shown.
    private static func quote(_ text: String, into out: inout String) {
        var json = JSONBytes()
        json.string(text)
        out += String(decoding: json.bytes, as: UTF8.self)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(Dictionary(uniqueKeysWithValues: elements)) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
}
