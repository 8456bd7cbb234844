import Mustache

/// The interface texts (`{{t.key}}`) are the same on every page of a build: rather than have
/// swift-mustache look each one up through the page's context on every page, the templates are
/// parsed once per build with the texts written into them, escaped as `{{t.key}}` would escape them.
extension Theme {
    /// The theme's templates with `strings` written in; the theme's own library where a template
    /// will not take them (it then looks them up as before).
    func library(inlining strings: [String: String]) -> MustacheLibrary {
        var inlined = MustacheLibrary()
        for (name, text) in templateTexts {
            guard let template = try? MustacheTemplate(string: HTMLContentType.pragma + Self.inline(strings, into: text)) else {
                return library
            }
            inlined.register(template, named: name)
        }
        return inlined
    }

    /// `text` with each `{{t.key}}` tag replaced by the escaped text of `key`. Tags are found the way
    /// Mustache reads them with its default delimiters: comments and other tags are skipped whole.
    /// Left as tags: any in a template that sets delimiters or a content type (the tags would mean
    /// something else), a missing or empty text (an empty line could turn a neighbouring tag
    /// "standalone"), and a text with braces (it would read as a tag).
    static func inline(_ strings: [String: String], into text: String) -> String {
        guard !text.contains("{{="), !text.contains("{{%") else { return text }
        let escaping = HTMLContentType()
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            let inside = rest[open.upperBound...]
            let closer = inside.first == "{" ? "}}}" : "}}"
            guard let close = inside.range(of: closer) else {
                result += rest[open.lowerBound...]
                return result
            }
            let tag = inside[..<close.lowerBound]
            if tag.hasPrefix("t."), case let key = tag.dropFirst(2), !key.isEmpty, key.allSatisfy(isKeyCharacter),
               let value = strings[String(key)], !value.isEmpty, !value.contains(where: { $0 == "{" || $0 == "}" }) {
                result += escaping.escapeText(value)
            } else {
                result += rest[open.lowerBound..<close.upperBound]
            }
            rest = inside[close.upperBound...]
        }
        result += rest
        return result
    }

    private static func isKeyCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
    }
}
