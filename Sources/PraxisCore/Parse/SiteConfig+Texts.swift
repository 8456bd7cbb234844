import Yams

/// A text of site.yaml that may differ per language (`title`, `description`, facet and value
/// labels): either one text, the same in every language, or a map language -> text, e.g.
/// `label: {de: Handlungsfeld, en: Field of action}`. A map must give the default language's
/// text (every other language falls back to it) and may name only declared languages.
struct SiteTextReader {
    let file: String
    let lines: KeyLines
    /// `language:`, the default.
    let language: String
    /// `languages:`, in their order.
    let languages: [String]

    /// The texts of the map at `path`, by language; nil when `node` is not a map (the caller
    /// reads it as one text). Every key and value is checked; a map without the default
    /// language's text is a problem, and the result then lacks it.
    func texts(_ node: Node, path: String, problems: inout Problems) -> [String: String]? {
        guard let mapping = node.mapping else { return nil }
        var texts: [String: String] = [:]
        let allowed = "Allowed: \(languages.joined(separator: ", ")) (languages: in content/site.yaml)."
        for index in mapping.indices {  // by index: Yams' iterator copies all pairs first
            let (key, value) = mapping[index]
            let code = key.string ?? ""
            let keyPath = "\(path).\(code)"
            guard languages.contains(code) else {
                let add = Validate.isLanguageCode(code)
                    ? " To write \(code) texts, add it there: languages: [\((languages + [code]).joined(separator: ", "))]." : ""
                problems.add(file, line: lines.line(keyPath), key: keyPath, "\"\(code)\" is not a language of this site.",
                             hint: allowed + add)
                continue
            }
            guard case .scalar(let scalar) = value else {
                problems.add(file, line: lines.line(keyPath), key: keyPath, "expected a text, found \(YAMLNode.describe(value)).",
                             hint: "Write the \(code) text after the colon, e.g. \(code): Bildung und Sprache")
                continue
            }
            if FrontMatter.isNull(scalar) {
                problems.add(file, line: lines.line(keyPath), key: keyPath, "has no text.",
                             hint: code == language ? "Write the text in \(code), the default language."
                                 : "Write the text in \(code), or delete the line to show the \(language) text.")
                continue
            }
            texts[code] = scalar.string
        }
        if !mapping.contains(where: { $0.key.string == language }) {
            problems.add(file, line: lines.line(path), key: path, "has no text in \(language), the default language.",
                         hint: "Add \(language): with the \(language) text (other languages fall back to it), or write one text for all languages instead of the map.")
        }
        return texts
    }

    /// A text that is a plain value or a map (see `texts`): the default language's text, and the
    /// texts by language (empty for a plain value). `plain` reads the plain value the way this
    /// key always has been read; nil when there is nothing usable (a list is a problem here).
    func read(_ node: Node?, path: String, problems: inout Problems, plain: () -> String?) -> (text: String?, texts: [String: String]) {
        if let node, node.sequence != nil {
            problems.add(file, line: lines.line(path), key: path, "expected \(Self.shapes), found \(YAMLNode.describe(node)).")
            return (nil, [:])
        }
        guard let node, let texts = texts(node, path: path, problems: &problems) else { return (plain(), [:]) }
        return (texts[language], texts)
    }

    /// What a text may be, for messages about a value of the wrong shape.
    static let shapes = "a text, or a map of languages to texts, e.g. {de: Bildung und Sprache, en: Education and language}"
}
