import Yams

/// Composing YAML into nodes that keep their line numbers, and turning libyaml's complaints
/// into messages an editor can act on.
enum YAMLNode {
    /// Parses `yaml` that must be a mapping (front matter, site.yaml). `lineOffset` is added to
    /// every line libyaml reports so messages name lines of the whole file.
    static func parseMapping(_ yaml: String, file: String, lineOffset: Int) -> Result<Node.Mapping, Diagnostic> {
        if let problem = YAMLLimits.problem(inText: yaml, file: file, lineOffset: lineOffset) { return .failure(problem) }
        let node: Node?
        do {
            switch try YAMLLimits.composeRefusingAnchors(yaml) {
            case .checked(let checked):
                // Depth, duplicate keys and fast lookup were done while composing.
                guard let mapping = checked.mapping else { return .failure(notAMapping(checked, file: file, yaml: yaml, lineOffset: lineOffset)) }
                if let problem = YAMLLimits.problem(inEscapesOf: checked, yaml: yaml, file: file, lineOffset: lineOffset) { return .failure(problem) }
                return .success(mapping)
            case .node(let composed):
                node = composed
            case .anchor(let name, let line):
                return .failure(YAMLLimits.anchorProblem(name: name, line: line + lineOffset, file: file))
            }
        } catch YamlError.duplicatedKeysInMapping(let duplicates, _) {
            let key = duplicates.sorted().first ?? ""
            return .failure(Diagnostic(file: file, line: secondLine(of: key, in: yaml).map { $0 + lineOffset }, key: key,
                                       message: "is written twice.", hint: "Keep one of them."))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, lineOffset: lineOffset, lastLine: lastLine(of: yaml)))
        } catch {
            return .failure(Diagnostic(file: file, line: lineOffset + 1, message: "is not valid YAML: \(error)"))
        }
        guard let node else { return .success(Node.Mapping([])) }
        if let line = YAMLLimits.lineDeeperThanLimit(node) {
            return .failure(Diagnostic(
                file: file, line: line + lineOffset,
                message: "the front matter is nested more than \(YAMLLimits.maximumDepth) levels deep.",
                hint: "Front matter needs a few levels at most (a list of maps, e.g. media:); check the indentation and the brackets."))
        }
        guard let mapping = node.mapping else { return .failure(notAMapping(node, file: file, yaml: yaml, lineOffset: lineOffset)) }
        if let duplicate = firstDuplicateKey(in: mapping, path: "") {
            return .failure(Diagnostic(file: file, line: duplicate.line + lineOffset, key: duplicate.key,
                                       message: "is written twice.", hint: "Keep one of them."))
        }
        if let problem = YAMLLimits.problem(inEscapesOf: node, yaml: yaml, file: file, lineOffset: lineOffset) { return .failure(problem) }
        return .success(withFastLookup(mapping))
    }

    private static func notAMapping(_ node: Node, file: String, yaml: String, lineOffset: Int) -> Diagnostic {
        Diagnostic(
            file: file, line: min(node.mark?.line ?? 1, lastLine(of: yaml)) + lineOffset,
            message: "the front matter must be keys with values (key: value), found \(describe(node)).",
            hint: "Write one key per line, e.g. title: Mein Titel")
    }

    /// The line where `key:` is written a second time (libyaml does not say).
    static func secondLine(of key: String, in yaml: String) -> Int? {
        var seen = 0
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "-" }
            if trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":") || trimmed.hasPrefix("'\(key)':") {
                seen += 1
                if seen == 2 { return index + 1 }
            }
        }
        return nil
    }

    /// Looking a key up in a Yams mapping builds a node for the key and resolves its tag with
    /// the mapping's resolver: seven regular expressions per lookup with the default one, most
    /// of the parse stage's time. A mapping whose resolver has no rules resolves the looked-up
    /// key to a plain string at once; the document's own keys and values keep the default
    /// resolver, so `true`, `2016` and `~` still decode as they should.
    static func withFastLookup(_ mapping: Node.Mapping) -> Node.Mapping {
        let pairs = mapping.map { ($0.key, withFastLookup($0.value)) }
        return Node.Mapping(pairs, fastLookupTag(mapping.tag), mapping.style, mapping.mark, mapping.anchor)
    }

    /// A map's tag with the rule-less resolver. Made from the map's own tag, so it keeps the
    /// parser's constructor: a `Tag` made without one builds a new one (three dictionaries).
    static func fastLookupTag(_ tag: Tag) -> Tag {
        tag.copy(with: .implicit, resolver: .basic)
    }

    private static func withFastLookup(_ node: Node) -> Node {
        switch node {
        case .mapping(let mapping):
            return .mapping(withFastLookup(mapping))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map(withFastLookup), sequence.tag, sequence.style, sequence.mark, sequence.anchor))
        default:
            return node
        }
    }

    /// A duplicated key anywhere in the tree: YAML allows nothing of the sort, but libyaml lets it pass.
    static func firstDuplicateKey(in mapping: Node.Mapping, path: String) -> (key: String, line: Int)? {
        var seen = Set<String>()
        for (key, value) in mapping {
            let name = key.string ?? ""
            let keyPath = path.isEmpty ? name : "\(path).\(name)"
            if !seen.insert(name).inserted { return (keyPath, key.mark?.line ?? 1) }
            if let found = firstDuplicate(in: value, path: keyPath) { return found }
        }
        return nil
    }

    private static func firstDuplicate(in node: Node, path: String) -> (key: String, line: Int)? {
        if let mapping = node.mapping { return firstDuplicateKey(in: mapping, path: path) }
        if let sequence = node.sequence {
            for (index, item) in sequence.enumerated() {
                if let found = firstDuplicate(in: item, path: "\(path)[\(index + 1)]") { return found }
            }
        }
        return nil
    }

    /// The number of the last line of `yaml` (a text ending in a line break has an empty last line).
    static func lastLine(of yaml: String) -> Int {
        yaml.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// libyaml marks an error at the end of the stream one line past the text when the text does
    /// not end in a line break, and an empty document (`---` alone) at the line after it (both
    /// found by fuzzing); `lastLine` keeps the line within the file.
    static func diagnostic(for error: YamlError, file: String, lineOffset: Int, lastLine: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "is not valid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            message += "."
            return Diagnostic(file: file, line: min(max(mark.line, 1), lastLine) + lineOffset, message: message, hint: hint(for: problem))
        default:
            return Diagnostic(file: file, line: lineOffset + 1, message: "is not valid YAML: \(error).")
        }
    }

    /// The usual causes behind libyaml's terse problems.
    static func hint(for problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return "A value that contains \": \" must be in quotes, e.g. title: \"Arbeit: ein Beispiel\"."
        }
        if problem.contains("cannot start any token") {
            return "Indent with spaces, not tabs, and put values that start with @, ` or % in quotes."
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return "Check the indentation: keys of one map, and items of one list, must start in the same column."
        }
        if problem.contains("found unexpected end of stream") || problem.contains("found unknown escape") {
            return "Check that every quote that is opened is also closed."
        }
        return "Check the line and the one before it: indentation with spaces, quotes closed, one key per line."
    }

    /// "a list", "a map", "the text \"x\"": what the editor wrote, for type errors.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if scalar.string.isEmpty || scalar.tag.description == Tag.Name.null.rawValue { return "nothing" }
            return "\"\(scalar.string)\""
        case .sequence: return "a list"
        case .mapping: return "a map of keys"
        case .alias: return "an alias"
        }
    }
}
