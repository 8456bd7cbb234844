import Yams

extension FrontMatter {
    var keyLines: KeyLines { KeyLines(mapping: mapping, lineOffset: Self.yamlLineOffset) }

    /// Decodes one key's value (used for keys known only at run time, like the facets of site.yaml).
    /// Straight from the node where that is certain to give YAMLDecoder's value (NodeDecodable);
    /// YAMLDecoder for the rest, and for every value of the wrong type, whose messages come
    /// from its `DecodingError`.
    func decode<T: NodeDecodable>(_ type: T.Type, key: String, lines: KeyLines, problems: inout Problems) -> T? {
        guard let node = value(forKey: key) else { return nil }
        if case .scalar(let scalar) = node, scalar.tag.description == Tag.Name.null.rawValue || Self.isNull(scalar) { return nil }
        if let value = T.decoded(from: node) { return value }
        do {
            return try YAMLDecoder().decode(T.self, from: node)
        } catch let error as DecodingError {
            problems.add(diagnostic(for: error, lines: lines, prefix: key, expected: T.self))
        } catch {
            problems.add(file, line: lines.line(key), key: key, "could not be read: \(error).")
        }
        return nil
    }

    /// `key:` with nothing after it, `~` or `null`: YAML's empty value. The composed nodes carry
    /// no resolved tag, so the plain text decides; a quoted "" stays an empty text.
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func diagnostic(for error: DecodingError, lines: KeyLines, prefix: String, expected: Any.Type) -> Diagnostic {
        func full(_ codingPath: [any CodingKey]) -> String {
            let path = Self.path(codingPath)
            if prefix.isEmpty { return path }
            if path.isEmpty || path.hasPrefix("[") { return prefix + path }
            return "\(prefix).\(path)"
        }
        switch error {
        case .typeMismatch(let reported, let context):
            // At the key itself, the type asked for says more than Yams' node type does.
            let type = context.codingPath.isEmpty ? expected : reported
            let path = full(context.codingPath)
            let found = node(at: path).map(YAMLNode.describe) ?? "something else"
            return Diagnostic(file: file, line: lines.line(path), key: path,
                              message: "expected \(Self.expectation(for: type)), found \(found).",
                              hint: Self.example(for: type, key: path))
        case .valueNotFound(let type, let context):
            let path = full(context.codingPath)
            return Diagnostic(file: file, line: lines.line(path), key: path,
                              message: "has no value; expected \(Self.expectation(for: type)).",
                              hint: "Write a value after the colon, or delete the key.")
        case .keyNotFound(let key, let context):
            let parent = full(context.codingPath)
            return Diagnostic(file: file, line: lines.line(parent),
                              key: parent.isEmpty ? key.stringValue : "\(parent).\(key.stringValue)",
                              message: "is missing.")
        case .dataCorrupted(let context):
            let path = full(context.codingPath)
            let found = node(at: path).map(YAMLNode.describe) ?? "a value"
            return Diagnostic(file: file, line: lines.line(path), key: path,
                              message: "cannot use \(found) here: \(context.debugDescription)")
        @unknown default:
            return Diagnostic(file: file, line: lines.start, message: "could not be read: \(error).")
        }
    }

    /// The node at a path like `media[2].credit`, to say what the editor wrote.
    func node(at path: String) -> Node? {
        var current: Node? = Node.mapping(mapping)
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var indices: [Int] = []
            while let open = name.lastIndex(of: "["), let number = Int(name[name.index(after: open)...].dropLast()) {
                indices.insert(number, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { current = current?.mapping?.value(forKey: String(name)) }
            for index in indices {
                guard let sequence = current?.sequence, index >= 1, index <= sequence.count else { return nil }
                current = sequence[index - 1]
            }
        }
        return current
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index + 1)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    static func expectation(for type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a text"
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        case is Double.Type: return "a number"
        case is [String].Type: return "a list of texts"
        case is [Any].Type: return "a list"
        case is Node.Sequence.Type: return "a list"
        case is Node.Mapping.Type: return "a map of keys"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a map of keys" }
            return "a map of keys"
        }
    }

    static func example(for type: Any.Type, key: String) -> String? {
        switch type {
        case is Int.Type: return "Write digits only, e.g. 2016."
        case is Bool.Type: return "Write true or false."
        case is String.Type: return "Write the text on the same line as the key; put it in quotes if it contains a colon."
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") || type is Node.Sequence.Type { return "Write a list, one item per line starting with \"- \", or [a, b]." }
            let field = key.split(separator: ".").last.map(String.init) ?? key
            return "Write its keys indented on the lines below \(field):, or as \(field): {key: value, key: value}."
        }
    }
}
