import Foundation
import Yams

extension SiteConfig {
    /// The keys of site.yaml, for the check of unknown keys and for `praxis schema` (site.json).
    static let keys: [String: KeySchema] = [
        "title": .value(.localizedText, "Name der Website: ein Text, oder je Sprache einer ({de: …, en: …}).", required: true),
        "description": .value(.localizedText, "Beschreibung der Website, für Feed und Meta-Angaben; ein Text oder je Sprache einer."),
        "base_url": .value(.text, "Adresse, unter der die Website liegt, z. B. https://example.org/katalog/ (ohne ?query und #fragment)."),
        "language": .value(.language, "Standardsprache, z. B. de; die erste von languages."),
        "languages": .value(.languages, "Sprachen der Website, die erste ist die Standardsprache, z. B. [de, en]."),
        "theme": .value(.name, "Theme unter themes/; default liefert Praxis selbst mit."),
        "page_size": .value(.integer(Limits.pageSize), "Praxisbeispiele je Listenseite (Standard 20)."),
        "facets": .value(.facets, "Kontrollierte Vokabulare: je Facette label und values (Kennung: Bezeichnung).", required: true),
        "fallback": .value(.choice(fallbacks), "Ob Einträge ohne Übersetzung in den anderen Sprachen gelistet werden."),
    ]
    static let schema = KeySchema.map(keys)

    static let fallbacks: [(value: String, meaning: String)] = [
        ("hide", "Nur in der eigenen Sprache listen (Standard)."),
        ("show", "Auch in den anderen Sprachen listen, mit ihrer Sprache markiert."),
    ]

    /// The keys of one facet under `facets:`.
    static let facetKeys: [String: KeySchema] = [
        "label": .value(.localizedText, "Bezeichnung der Facette; ein Text oder je Sprache einer."),
        "values": .value(.labelledValues, "Die erlaubten Werte: Kennung (a-z, 0-9, -): Bezeichnung.", required: true),
    ]

    /// Facet names Praxis itself uses for URLs; a vocabulary cannot take them.
    static let reservedFacetNames: Set<String> = [
        "country", "tags", "partners", "practices", "workshops", "sources", "search", "pages", "static", "assets",
    ]

    /// Reads content/site.yaml. `baseURLOverride` is `--base-url`.
    static func parse(_ file: SourceFile, baseURLOverride: String?, problems: inout Problems) -> SiteConfig? {
        let mapping: Node.Mapping
        switch YAMLNode.parseMapping(file.text, file: file.path, lineOffset: 0) {
        case .failure(let problem):
            problems.add(problem)
            return nil
        case .success(let parsed):
            mapping = parsed
        }
        let lines = KeyLines(mapping: mapping, lineOffset: 0)
        schema.check(mapping, path: "", file: file.path, lines: lines, problems: &problems)
        var read = EntryReader(FrontMatter(file: file.path, mapping: mapping, body: "", bodyLine: 0), lines: lines)
        defer { problems.add(contentsOf: read.problems) }

        // The languages first: a text may be a map of them.
        let declared = read("languages", [String].self)
        let language = read("language", String.self) ?? declared?.first ?? "de"
        var languages = declared ?? [language]
        for (index, code) in languages.enumerated() where !Validate.isLanguageCode(code) {
            problems.add(file.path, line: lines.line("languages[\(index + 1)]"), key: "languages",
                         "\"\(code)\" is not a language code.", hint: "Use codes like de or en.")
        }
        for (index, code) in languages.enumerated() where languages[..<index].contains(code) {
            problems.add(file.path, line: lines.line("languages[\(index + 1)]"), key: "languages", "lists \(code) twice.", hint: "Keep one of them.")
        }
        if !Validate.isLanguageCode(language) {
            problems.add(file.path, line: lines.line("language"), key: "language", "\"\(language)\" is not a language code.", hint: "Use codes like de or en.")
        }
        if let first = declared?.first, first != language, declared!.contains(language) {
            problems.add(file.path, line: lines.line("language"), key: "language",
                         "is \(language), but languages: lists \(first) first; the first of languages: is the default language.",
                         hint: "Put \(language) first: languages: [\(([language] + declared!.filter { $0 != language }).joined(separator: ", "))], or delete language:.")
        }
        if !languages.contains(language) { languages.insert(language, at: 0) }
        let texts = SiteTextReader(file: file.path, lines: lines, language: language, languages: languages)

        let title = texts.read(mapping.value(forKey: "title"), path: "title", problems: &problems) {
            read("title", String.self)?.trimmingCharacters(in: .whitespaces)
        }
        let titleText = title.text?.trimmingCharacters(in: .whitespaces) ?? ""
        // A map without the default language's text, and a list, have their own messages.
        if titleText.isEmpty, title.texts.isEmpty || title.texts[language] != nil, mapping.value(forKey: "title")?.sequence == nil {
            problems.add(file.path, line: lines.line("title"), key: "title", "is missing.", hint: "Write the site's name, e.g. title: Gute Praxis Integration")
        }
        let description = texts.read(mapping.value(forKey: "description"), path: "description", problems: &problems) { read("description") }
        var baseURL = baseURLOverride ?? read("base_url", String.self) ?? "/"
        if let wrong = BaseURL.problem(baseURL) {
            let source = baseURLOverride == nil ? "base_url" : "--base-url"
            problems.add(file.path, line: baseURLOverride == nil ? lines.line("base_url") : nil, key: source,
                         "\"\(BaseURL.visible(baseURL))\" is not a site address: \(wrong).",
                         hint: "Write the full address the site is published at, e.g. https://example.org/katalog/ (a sub-path is fine; no ?query or #fragment).")
        }
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        let fallback = parseFallback(&read)
        let theme = read("theme", String.self) ?? "default"
        if !Slug.isValidID(theme) {
            problems.add(file.path, line: lines.line("theme"), key: "theme", "\"\(theme)\" is not a theme name.", hint: "Theme names use a-z, 0-9 and -; the built-in theme is default.")
        }
        let pageSize = read.integer("page_size", in: Limits.pageSize, hint: "The number of practices on one list page, e.g. 20.") ?? 20
        let facets = parseFacets(mapping.value(forKey: "facets"), texts: texts, problems: &problems)
        return SiteConfig(title: titleText, description: description.text, baseURL: baseURL,
                          language: language, languages: languages, theme: theme, pageSize: pageSize, facets: facets, fallback: fallback,
                          titles: title.texts.mapValues { $0.trimmingCharacters(in: .whitespaces) }, descriptions: description.texts)
    }

    /// `fallback: show | hide`; hide when absent.
    private static func parseFallback(_ read: inout EntryReader) -> LanguageFallback {
        guard let value = read("fallback", String.self) else { return .hide }
        if let fallback = LanguageFallback(rawValue: value) { return fallback }
        read.problem("fallback", "\"\(value)\" is not a fallback.",
                     hint: "Allowed: show (an entry without a translation is listed on the other languages' pages too, marked with its language) or hide (it is listed only in its own language; the default).")
        return .hide
    }

    /// A facet's or a value's label: one text, or a map of languages (SiteTextReader); `fallback`
    /// when it is missing or not usable.
    private static func label(_ node: Node?, path: String, fallback: String, texts: SiteTextReader,
                              problems: inout Problems) -> (text: String, texts: [String: String]) {
        let label = texts.read(node, path: path, problems: &problems) { node?.string }
        return (label.text ?? fallback, label.texts)
    }

    private static func parseFacets(_ node: Node?, texts: SiteTextReader, problems: inout Problems) -> [FacetVocabulary] {
        let file = texts.file, lines = texts.lines
        guard let node else {
            problems.add(file, line: 1, key: "facets", "is missing.",
                         hint: "Declare at least facets: fields: with label: and values: (the Handlungsfelder).")
            return []
        }
        guard let mapping = node.mapping else {
            problems.add(file, line: lines.line("facets"), key: "facets", "expected a map of facets, found \(YAMLNode.describe(node)).")
            return []
        }
        var facets: [FacetVocabulary] = []
        for (key, value) in mapping {
            let name = key.string ?? ""
            let path = "facets.\(name)"
            if name.isEmpty || !name.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) {
                problems.add(file, line: lines.line(path), key: path, "\"\(name)\" is not a valid facet name.", hint: "Use a-z, 0-9, - and _ only.")
            }
            if reservedFacetNames.contains(name) {
                problems.add(file, line: lines.line(path), key: path, "\"\(name)\" is a facet Praxis builds itself.",
                             hint: "Choose another name; reserved: \(reservedFacetNames.sorted().joined(separator: ", ")).")
            }
            if texts.languages.contains(name), name != texts.language {
                problems.add(file, line: lines.line(path), key: path, "\"\(name)\" is a language of the site: its pages are under /\(name)/.",
                             hint: "Choose another name for the facet.")
            }
            if EntryParser.practiceKeys[name] != nil, !reservedFacetNames.contains(name) {
                problems.add(file, line: lines.line(path), key: path, "\"\(name)\" is a key every practice already has.",
                             hint: "A facet becomes a key of practices; choose a name that is not one of theirs: \(EntryParser.practiceKeys.keys.sorted().joined(separator: ", ")).")
            }
            guard let facet = value.mapping else {
                problems.add(file, line: lines.line(path), key: path, "expected label: and values:, found \(YAMLNode.describe(value)).")
                continue
            }
            KeySchema.map(facetKeys).check(facet, path: path, file: file, lines: lines, problems: &problems)
            let facetLabel = label(facet.value(forKey: "label"), path: "\(path).label", fallback: name, texts: texts, problems: &problems)
            var values: [FacetVocabulary.Value] = []
            if let valuesNode = facet.value(forKey: "values"), let valueMapping = valuesNode.mapping {
                for (valueKey, valueLabel) in valueMapping {
                    let id = valueKey.string ?? ""
                    if !Slug.isValidID(id) {
                        problems.add(file, line: lines.line("\(path).values.\(id)"), key: "\(path).values",
                                     "\"\(id)\" is not a valid value id: ids may only use a-z, 0-9 and -.",
                                     hint: "Write the id left of the colon and the label right of it, e.g. bildung-sprache: Bildung und Sprache")
                    }
                    let text = Self.label(valueLabel, path: "\(path).values.\(id)", fallback: id, texts: texts, problems: &problems)
                    values.append(.init(id: id, label: text.text, labels: text.texts))
                }
            } else {
                problems.add(file, line: lines.line(path), key: "\(path).values", "is missing or not a map.",
                             hint: "List the allowed values as id: Label, e.g. bildung-sprache: Bildung und Sprache")
            }
            facets.append(FacetVocabulary(name: name, label: facetLabel.text, values: values, labels: facetLabel.texts))
        }
        if !facets.contains(where: { $0.name == "fields" }) {
            problems.add(file, line: lines.line("facets"), key: "facets.fields", "is missing.",
                         hint: "Every practice needs fields:, so site.yaml must declare facets: fields: with its values.")
        }
        return facets
    }
}
