import Yams

/// Composing a YAML text that holds no alias, with the tags Yams' default resolver would give,
/// without running its regular expressions on every key.
///
/// Yams looks for a key written twice by hashing every key with its resolved tag, and resolving
/// a tag runs up to seven regular expressions (bool, int, float, merge, null, timestamp,
/// value): a third of the parse stage once YAMLDecoder was gone. Composed with the resolver
/// that has no rules instead, every plain key resolves to a text at once. The result is then
/// made what the default resolver gives:
/// - two keys are equal to Yams only when their texts are, so a tree with no key text twice
///   in one map has no duplicate under either resolver; a tree with one (or with a key that is
///   a list or map), and a text Yams refuses, are composed again with the default resolver, so
///   Yams reports them as before;
/// - a plain key or value gets back the default resolver. A key whose text no default rule can
///   match (none starts with a digit, sign, `.`, `~`, `<` or `=`, nor is a true/false/on/off/
///   yes/no/null word, nor is empty) is a text, and is tagged so; the others are resolved by
///   the default rules, as Yams' own duplicate check had resolved every key (see `retagged`
///   for the one case composed again).
///
/// The same walk does what `YAMLNode.parseMapping` would otherwise do in three more walks over
/// a tree it composed itself: a tree it gives back (`.checked`) has no key text twice in a map,
/// no key that is not a scalar and no node deeper than `YAMLLimits.maximumDepth`, and every
/// map already has the fast-lookup tag (`YAMLNode.withFastLookup`).
enum YAMLCompose {
    static func compose(_ yaml: String) throws -> YAMLLimits.Composed {
        // A text Yams refuses is composed again with the default resolver, whose error (a key
        // written twice, found at another map, or the first syntax error) is the one reported.
        guard let basic = try? Parser(yaml: yaml, resolver: .basic, encoding: .utf8).singleRoot() else {
            return .node(try composeWithDefaultResolver(yaml))
        }
        let mayHaveTags = YAMLLimits.contains(UInt8(ascii: "!"), in: yaml)
        guard let retagged = retagged(basic, isKey: false, depth: 1, mayHaveTags: mayHaveTags) else {
            return .node(try composeWithDefaultResolver(yaml))
        }
        return .checked(retagged)
    }

    static func composeWithDefaultResolver(_ yaml: String) throws -> Node? {
        try Parser(yaml: yaml, encoding: .utf8).singleRoot()
    }

    /// The tree with the default resolver's tags, or nil where that cannot be told from it, or
    /// where it is composed again anyway: a map with a key text twice or a key that is not a
    /// scalar (see above), a tree deeper than `YAMLLimits.maximumDepth` (which parseMapping
    /// refuses; the walk stops there).
    ///
    /// Yams' duplicate check has resolved every key already, with the rule-less resolver: a
    /// plain key now tagged as text was either written without a tag or with `!!str`. Both
    /// mean text unless a default rule could match it (`no`, `1`); then only a text without
    /// any `!` (so without tags) says it was untagged and is resolved by the default rules.
    /// New tags keep the parser's constructor: Yams builds a new one (a dictionary) for each
    /// `Tag` made without one.
    private static func retagged(_ node: Node, isKey: Bool, depth: Int, mayHaveTags: Bool) -> Node? {
        if depth > YAMLLimits.maximumDepth { return nil }
        switch node {
        case .scalar(let scalar):
            let written = scalar.tag.description
            let tag: Tag
            if isKey, scalar.style == .plain, written == Tag.Name.str.rawValue {
                guard couldResolveToOtherThanText(scalar.string) else {
                    return plainKey(scalar, scalar.tag.copy(with: .str, resolver: .default))
                }
                if mayHaveTags { return nil }
                tag = scalar.tag.copy(with: .implicit, resolver: .default)
            } else {
                tag = scalar.tag.copy(resolver: .default)  // untagged values resolve by the default rules again
            }
            let retagged = Node.scalar(Node.Scalar(scalar.string, tag, scalar.style, scalar.mark, scalar.anchor))
            if isKey { _ = retagged.tag }  // resolved, as Yams' duplicate check leaves every key
            return retagged
        case .mapping(let mapping):
            var pairs: [(Node, Node)] = []
            pairs.reserveCapacity(mapping.count)
            var seen = Set<String>()
            seen.reserveCapacity(mapping.count)
            // By index: Yams' iterator copies all pairs of the map into a new array first.
            for index in mapping.indices {
                let (key, value) = mapping[index]
                guard case .scalar(let keyScalar) = key, seen.insert(keyScalar.string).inserted,
                      let newKey = retagged(key, isKey: true, depth: depth + 1, mayHaveTags: mayHaveTags),
                      let newValue = retagged(value, isKey: false, depth: depth + 1, mayHaveTags: mayHaveTags) else { return nil }
                pairs.append((newKey, newValue))
            }
            return .mapping(Node.Mapping(pairs, YAMLNode.fastLookupTag(mapping.tag), mapping.style, mapping.mark, mapping.anchor))
        case .sequence(let sequence):
            var items: [Node] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                guard let newItem = retagged(item, isKey: false, depth: depth + 1, mayHaveTags: mayHaveTags) else { return nil }
                items.append(newItem)
            }
            return .sequence(Node.Sequence(items, sequence.tag.copy(resolver: .default), sequence.style, sequence.mark, sequence.anchor))
        case .alias:
            return node
        }
    }

    private static func plainKey(_ scalar: Node.Scalar, _ tag: Tag) -> Node {
        .scalar(Node.Scalar(scalar.string, tag, scalar.style, scalar.mark, scalar.anchor))
    }

    private static let wordsOfOtherTypes: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
    ]

    /// Whether one of the default resolver's rules might match `text` (see Yams' Resolver):
    /// every number, timestamp, `.inf`/`.nan`, `<<`, `=`, `~` and empty rule needs one of these
    /// first characters.
    static func couldResolveToOtherThanText(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="):
            return true
        default:
            return wordsOfOtherTypes.contains(text)
        }
    }
}
