import Yams

/// The keys a front matter may hold, nested. Used to point out a mistyped key with the nearest
/// known one, which Codable would otherwise ignore silently.
indirect enum KeySchema: Sendable {
    /// A value of any type: its contents are not checked for keys.
    case value
    /// A map with exactly these keys.
    case map([String: KeySchema])
    /// A list whose items are maps with these keys.
    case listOfMaps([String: KeySchema])

    func check(_ mapping: Node.Mapping, path: String, file: String, lines: KeyLines, problems: inout Problems) {
        guard case .map(let keys) = self else { return }
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
        switch self {
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
