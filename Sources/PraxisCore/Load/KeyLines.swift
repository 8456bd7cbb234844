import Yams

/// The line of every key and list item of a front matter, so later stages can point at them.
/// Paths look like `partners`, `partners[2]`, `place.country`, `media[1].file` (1-based items).
public struct KeyLines: Sendable {
    private var lines: [String: Int] = [:]
    /// Line of the opening `---`, used for problems that belong to no key (a missing key).
    public let start: Int

    init(mapping: Node.Mapping, lineOffset: Int) {
        start = 1
        collect(mapping, path: "", lineOffset: lineOffset)
    }

    init(start: Int) { self.start = start }

    /// Whether the front matter has `path` itself.
    public func has(_ path: String) -> Bool { lines[path] != nil }

    /// The line of `path`, or of its nearest enclosing key, or the front matter's start.
    public func line(_ path: String) -> Int {
        var path = path
        while true {
            if let line = lines[path] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return start }
            path = String(path[..<cut])
        }
    }

    private mutating func collect(_ mapping: Node.Mapping, path: String, lineOffset: Int) {
        for index in mapping.indices {  // by index: Yams' iterator copies all pairs first
            let (key, value) = mapping[index]
            let name: String
            if case .scalar(let scalar) = key { name = scalar.string } else { name = key.string ?? "" }
            let keyPath = path.isEmpty ? name : path + "." + name
            lines[keyPath] = (key.mark?.line ?? 0) + lineOffset
            collect(value, path: keyPath, lineOffset: lineOffset)
        }
    }

    private mutating func collect(_ node: Node, path: String, lineOffset: Int) {
        switch node {
        case .mapping(let mapping):
            collect(mapping, path: path, lineOffset: lineOffset)
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                let itemPath = path + "[" + String(index + 1) + "]"
                lines[itemPath] = (item.mark?.line ?? 0) + lineOffset
                collect(item, path: itemPath, lineOffset: lineOffset)
            }
        case .scalar, .alias:
            break
        }
    }
}
