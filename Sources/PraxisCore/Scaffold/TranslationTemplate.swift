import Yams

/// `praxis new KIND ID --lang LANG`: the translation of an existing entry, `ID.LANG.md` beside
/// `ID.md`. Every key of the original that is not text to translate is copied as it is written
/// there (facets, place, partners, sources, related, media, the day's number, ...), so the
/// translation starts with the same facts, which `praxis check` compares; title, summary and the
/// other texts, and the body, are left for the translator, marked with the placeholder.
struct TranslationTemplate {
    let config: SiteConfig
    let kind: NewEntryKind
    let lang: String
    /// The original and the translation, relative to the site root, and what the original holds.
    let originalPath: String
    let translationPath: String
    let original: FrontMatter
    /// The original's text, for the keys copied as they are written.
    let originalText: String

    /// The keys whose values are text in the entry's language: written anew, with the placeholder.
    private var textKeys: [String] {
        switch kind {
        case .practice, .partner, .page: ["title", "summary"]
        case .workshop: ["title", "summary", "audience"]
        case .day: ["title", "motto", "summary"]
        }
    }

    /// Keys not copied: the file name gives the language; `translations` names other files,
    /// the old way of translating, which a translation does not repeat.
    private static let droppedKeys: Set<String> = ["lang", "translations"]

    /// Keys that are the same in every language; `praxis check` compares them (TranslationCheck).
    private var factKeys: Set<String> {
        var keys: Set<String> = ["partners", "place", "country", "practices"]
        for facet in config.facets { keys.insert(facet.name) }
        return keys
    }

    /// Keys that hold texts beside ids and addresses: copied, with the advice to translate those.
    private static let mixedKeys: Set<String> = ["media", "sessions", "materials", "price", "contact"]

    var words: TranslationWords { TranslationWords(lang: lang) }

    /// What the header names as copied, by kind; nil for a page, which has only texts.
    private var factExamples: String? {
        switch kind {
        case .practice: "fields, place, partners, sources, related"
        case .partner: "country, url"
        case .workshop: "partners, sources, price"
        case .day: "day, practices, materials"
        case .page: nil
        }
    }

    func file(title given: String?) -> String {
        let words = words
        var w = FrontMatterWriter()
        let name = translationPath.split(separator: "/").last.map(String.init) ?? translationPath
        w.comment(words.header(original: originalPath, file: name, facts: factExamples))
        w.raw("")
        for key in orderedKeys() {
            if Self.droppedKeys.contains(key) { continue }
            let value = original.value(forKey: key)
            if textKeys.contains(key) {
                let text = value?.string.map(FrontMatterWriter.oneLine) ?? ""
                if key == "title" {
                    let title = given.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? "\(words.placeholder) \(text)"
                    w.key("title", FrontMatterWriter.quoted(title), comment: words.title(text))
                } else {
                    w.key(key, FrontMatterWriter.quoted(words.placeholderText(for: key)), comment: words.text(key, original: text))
                }
                continue
            }
            if key == "draft" {
                w.comment(words.draft)
            } else if factKeys.contains(key) {
                w.comment(words.fact)
            } else if key == "tags" {
                w.comment(words.tags)
            } else if Self.mixedKeys.contains(key) {
                w.comment(words.mixed)
            } else {
                w.comment(words.copied)
            }
            for line in block(of: key) { w.raw(line) }
        }
        return w.file(body: words.body(original: originalPath))
    }

    /// The original's top-level keys in the order they are written.
    private func orderedKeys() -> [String] {
        let lines = original.keyLines
        var keys: [String] = []
        for index in original.mapping.indices {
            if let key = original.mapping[index].key.string { keys.append(key) }
        }
        return keys.enumerated().sorted { (lines.line($0.element), $0.offset) < (lines.line($1.element), $1.offset) }.map(\.element)
    }

    /// The lines of `key` as the original writes them: from its line to the next key's, without
    /// the comments and blank lines at the end (they belong to the next key). A front matter
    /// written another way (a flow mapping, several keys on a line) gets the value as YAML.
    private func block(of key: String) -> [String] {
        let lines = originalText.split(separator: "\n", omittingEmptySubsequences: false)
        let keyLines = original.keyLines
        let start = keyLines.line(key)
        let closing = original.bodyLine - 1  // the closing `---`
        let next = orderedKeys().map { keyLines.line($0) }.filter { $0 > start }.min() ?? closing
        if start >= 2, start < next, next <= closing, next - 1 <= lines.count {
            var block = lines[(start - 1)..<(next - 1)].map(String.init)
            while let last = block.last, block.count > 1,
                  last.trimmingCharacters(in: .whitespaces).isEmpty || last.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                block.removeLast()
            }
            if let first = block.first, first.hasPrefix(key + ":") || first.hasPrefix("\"\(key)\":") || first.hasPrefix("'\(key)':") {
                return block
            }
        }
        guard let value = original.value(forKey: key),
              let yaml = try? Yams.serialize(node: .mapping(Node.Mapping([(Node(key), value)])), allowUnicode: true) else { return [] }
        return yaml.split(separator: "\n").map(String.init)
    }
}

/// The comments of a translation's file, in the language it is written in: German for a German
/// translation (a site whose default language is another), English for any other.
struct TranslationWords {
    let german: Bool
    /// The language's name in the comments' language ("English", "Englisch" is not needed:
    /// German comments are written only for German, which they name as "Deutsch").
    let language: String

    init(lang: String) {
        german = lang == "de"
        language = german ? "Deutsch" : LanguageNames.english(lang)
    }

    var placeholder: String { german ? EntryTemplate.placeholder : "PLEASE REPLACE:" }

    func header(original: String, file: String, facts: String?) -> String {
        let copied = facts.map {
            german ? " Die Angaben, die in jeder Sprache gleich sind (\($0), ...), sind von dort übernommen: bitte so "
                    + "lassen, praxis check warnt, wenn sie abweichen."
                : " What is the same in every language (\($0), ...) is copied from there: keep it as it is; praxis "
                    + "check warns when it differs."
        } ?? ""
        return german
            ? "Deutsche Fassung von \(original).\(copied) Zu übersetzen sind die mit „\(placeholder)“ markierten Stellen "
                + "und der Text unter der Titelei. Die Sprache ergibt sich aus dem Dateinamen (\(file))."
            : "\(language) version of \(original).\(copied) Translate what is marked \"\(placeholder)\" and the text "
                + "below the front matter. The file name (\(file)) gives the language."
    }

    func title(_ original: String) -> String {
        german ? "Titel auf Deutsch (Pflicht); im Original: „\(original)“."
            : "Title in \(language) (required); the original's: \"\(original)\"."
    }

    func text(_ key: String, original: String) -> String {
        let limit = key == "summary" ? (german ? " Höchstens \(Validate.summaryLimit) Zeichen, ohne Markdown." : " At most \(Validate.summaryLimit) characters, no Markdown.") : ""
        let shown = original.isEmpty ? "" : (german ? " Im Original: „\(original)“." : " The original's: \"\(original)\".")
        let name = key.prefix(1).uppercased() + key.dropFirst()
        return (german ? "\(name) auf Deutsch." : "\(name) in \(language).") + limit + shown
    }

    func placeholderText(for key: String) -> String {
        switch key {
        case "summary": german ? "\(placeholder) Worum es geht, in ein bis zwei Sätzen." : "\(placeholder) What it is about, in one or two sentences."
        default: german ? "\(placeholder) \(key) auf Deutsch." : "\(placeholder) The \(key) in \(language)."
        }
    }

    var fact: String {
        german ? "Wie im Original; in jeder Sprache gleich (praxis check warnt, wenn es abweicht)."
            : "As in the original, the same in every language (praxis check warns when it differs)."
    }

    var tags: String {
        german ? "Schlagwörter, aus dem Original übernommen: freie Wörter, die übersetzt werden dürfen."
            : "Tags, copied from the original: free words, which may be translated; each has a page of its own."
    }

    var mixed: String {
        german ? "Aus dem Original übernommen: Titel, Anmerkungen und Bildnachweise übersetzen; Dateien, Adressen und Zahlen so lassen."
            : "Copied from the original: translate titles, notes, roles and credits; keep files, addresses and numbers as they are."
    }

    var copied: String { german ? "Aus dem Original übernommen." : "Copied from the original." }

    var draft: String {
        german ? "Wie im Original: true = noch nicht veröffentlicht. Ohne draft: true ist die Übersetzung mit dem nächsten Build "
                + "auf der Website; bitte zuerst übersetzen."
            : "As in the original: true = not published yet. Without draft: true the translation is on the site with the "
                + "next build: translate it first."
    }

    func body(original: String) -> String {
        german ? "\(placeholder) Der Text von \(original), auf Deutsch.\n"
            : "\(placeholder) The text of \(original), in \(language).\n"
    }
}
