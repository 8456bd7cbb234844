import Foundation

/// The theme as `praxis serve` last loaded it, with a digest per template of its text and of
/// every partial and parent it pulls in: editing a template renders again exactly the pages
/// that use it.
struct ThemeCache {
    let name: String
    let theme: Theme?
    let problems: Problems
    let templateDigests: [String: Int]

    init(name: String, siteRoot: URL) {
        self.name = name
        var problems = Problems()
        theme = Theme.load(named: name, siteRoot: siteRoot, problems: &problems)
        self.problems = problems
        templateDigests = Self.digests(theme?.templateTexts ?? [:])
    }

    /// `{{> partial}}` and `{{< parent}}` name the templates a template pulls in.
    static func references(in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let first = rest.first, first == ">" || first == "<" else { continue }
            guard let close = rest.range(of: "}}") else { break }
            names.insert(rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return names
    }

    static func digests(_ texts: [String: String]) -> [String: Int] {
        let references = texts.mapValues(Self.references)
        var digests: [String: Int] = [:]
        for name in texts.keys {
            var closure = Set<String>()
            var pending = [name]
            while let next = pending.popLast() {
                guard closure.insert(next).inserted else { continue }
                pending += references[next] ?? []
            }
            var hasher = Hasher()
            for member in closure.sorted() {
                hasher.combine(member)
                hasher.combine(texts[member])
            }
            digests[name] = hasher.finalize()
        }
        return digests
    }
}
