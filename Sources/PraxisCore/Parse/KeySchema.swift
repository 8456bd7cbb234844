import Yams

/// One key a front matter may hold: what its value must be (`ValueType`, or the keys of a map or
/// of a list's maps), whether the parser requires it, and a line saying what it is for. The
/// tables of these (EntrySchemas, `PracticeFields`, site.yaml's) are read twice: by the parser,
/// to point out a mistyped key with the nearest known one (which Codable would otherwise ignore
/// silently), and by `praxis schema`, which writes them as JSON Schemas for editors. So what
/// the editor's hints say and what the build checks cannot drift apart.
struct KeySchema: Sendable {
    indirect enum Shape: Sendable {
        /// One value: its type says what the parser accepts there.
        case value(ValueType)
        /// A map with exactly these keys.
        case map([String: KeySchema])
        /// A list whose items are maps with these keys.
        case listOfMaps([String: KeySchema])
    }

    let shape: Shape
    /// The parser reports the key as missing when it is absent or empty (`key:`, `~`).
    let required: Bool
    /// One line for the editor: shown on hover and beside the key's completion.
    let description: String
    /// For a list of maps: keys of which each item must give exactly one (a media item's url
    /// or file). The parser checks this itself (`EntryReader.media`); the schema says it too.
    var exactlyOne: [String] = []

    static func value(_ type: ValueType, _ description: String, required: Bool = false) -> KeySchema {
        KeySchema(shape: .value(type), required: required, description: description)
    }

    static func map(_ keys: [String: KeySchema], _ description: String = "", required: Bool = false) -> KeySchema {
        KeySchema(shape: .map(keys), required: required, description: description)
    }

    static func listOfMaps(_ keys: [String: KeySchema], _ description: String = "", required: Bool = false,
                           exactlyOne: [String] = []) -> KeySchema {
        KeySchema(shape: .listOfMaps(keys), required: required, description: description, exactlyOne: exactlyOne)
    }

    func check(_ mapping: Node.Mapping, path: String, file: String, lines: KeyLines, problems: inout Problems) {
        guard case .map(let keys) = shape else { return }
        for index in mapping.indices {  // by index: Yams' iterator copies all pairs first
            let (key, value) = mapping[index]
            let name = key.string ?? ""
            let keyPath = path.isEmpty ? name : "\(path).\(name)"
            guard let schema = keys[name] else {
                let known = keys.keys.sorted()
                let nearest = Suggestion.nearest(to: name, in: known)
                let hint = nearest.map { "Did you mean \($0)? " } ?? ""
                problems.add(file, line: lines.line(keyPath), key: keyPath, "is not a known key.",
                             hint: hint + "Known keys here: \(known.joined(separator: ", ")).")
                continue
            }
            schema.check(value, path: keyPath, file: file, lines: lines, problems: &problems)
        }
    }

    private func check(_ node: Node, path: String, file: String, lines: KeyLines, problems: inout Problems) {
        switch shape {
        case .value:
            return
        case .map:
            if let mapping = node.mapping { check(mapping, path: path, file: file, lines: lines, problems: &problems) }
        case .listOfMaps(let keys):
            guard let sequence = node.sequence else { return }
            for (index, item) in sequence.enumerated() {
                if let mapping = item.mapping {
                    KeySchema.map(keys).check(mapping, path: "\(path)[\(index + 1)]", file: file, lines: lines, problems: &problems)
                }
            }
        }
    }
}
