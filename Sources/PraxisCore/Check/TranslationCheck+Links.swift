/// Links on a translation's page to entries without a version in its language. The build lets
/// them lead to the default language's page (`ParsedContent.prefix(ofFile:)`), which a reader of
/// the English tree does not expect; the check says where, so the editor can translate the entry
/// or link elsewhere.
extension TranslationCheck {
    /// An entry a link leads to.
    private struct Target {
        var kind: NewEntryKind
        /// As `praxis new` names it: the id, for a day `<workshop>/day-<n>`.
        var id: String
        /// Its file in the default language.
        var file: String
    }

    func links(_ own: Translations, lang: String) -> [CheckProblem] {
        var problems: [CheckProblem] = []
        func check(_ origin: EntryOrigin, _ references: [(key: String, ids: [String], kind: NewEntryKind)]) {
            for (key, ids, kind) in references {
                for (index, id) in ids.enumerated() {
                    guard let target = target(kind, id, lang: lang) else { continue }
                    problems.append(warning(origin, line: origin.lines.line("\(key)[\(index + 1)]"), key: key,
                                            what: "\"\(id)\"", target: target, lang: lang))
                }
            }
            for link in bodyLinks[origin.file] ?? [] {
                guard let target = target(of: link.target, lang: lang) else { continue }
                problems.append(warning(origin, line: link.line, key: nil, what: "the link \(link.written)", target: target, lang: lang))
            }
        }
        for practice in own.practices {
            check(practice.origin, [("partners", practice.partners, .partner), ("related", practice.related, .practice)])
        }
        for partner in own.partners { check(partner.origin, []) }
        for workshop in own.workshops { check(workshop.origin, [("partners", workshop.partners, .partner)]) }
        for workshop in own.days.keys.sorted() {
            for day in own.days[workshop] ?? [] { check(day.origin, [("practices", day.practices, .practice)]) }
        }
        for page in own.pages { check(page.origin, []) }
        return problems
    }

    private func warning(_ origin: EntryOrigin, line: Int, key: String?, what: String, target: Target, lang: String) -> CheckProblem {
        let language = LanguageNames.english(lang)
        let translation = Self.translationPath(of: target.file, lang: lang)
        return CheckProblem(
            file: origin.file, line: line, key: key,
            message: "\(what) leads to the \(LanguageNames.english(content.config.language)) page: \(target.file) has no \(language) version.",
            hint: "Write \(translation) (praxis new \(target.kind.rawValue) \(target.id) --lang \(lang)) or link elsewhere.",
            severity: .warning)
    }

    /// `content/practices/x.md` -> `content/practices/x.en.md`.
    static func translationPath(of file: String, lang: String) -> String {
        String(file.dropLast(".md".count)) + ".\(lang).md"
    }

    /// The entry `id` of `kind` when it is an entry of the default language without a version in
    /// `lang`; nil when it has one, or does not exist (the build reports that).
    private func target(_ kind: NewEntryKind, _ id: String, lang: String) -> Target? {
        guard !(translatedIDs[lang]?[kind]?.contains(id) ?? false), let file = originals[kind]?[id] else { return nil }
        return Target(kind: kind, id: id, file: file)
    }

    /// The entry an `@/` link names (`practices/x.md`, `workshops/w/day-1.md`, ...) when it
    /// lacks a version in `lang`. Sources, static and generated files are the same in every
    /// language.
    private func target(of path: String, lang: String) -> Target? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 2, parts.last!.hasSuffix(".md") else { return nil }
        let name = String(parts.last!.dropLast(".md".count))
        switch (parts[0], parts.count) {
        case ("practices", 2): return target(.practice, name, lang: lang)
        case ("partners", 2): return target(.partner, name, lang: lang)
        case ("pages", 2): return target(.page, name, lang: lang)
        case ("workshops", 3) where name == "index": return target(.workshop, parts[1], lang: lang)
        case ("workshops", 3): return target(.day, parts[1] + "/" + name, lang: lang)
        default: return nil
        }
    }
}

/// English names of languages, for messages: "the German page". A code Praxis does not know
/// is named as it is written.
enum LanguageNames {
    private static let names = [
        "ar": "Arabic", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
        "fa": "Persian", "fi": "Finnish", "fr": "French", "hu": "Hungarian", "it": "Italian", "nl": "Dutch", "no": "Norwegian",
        "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian",
    ]

    static func english(_ code: String) -> String {
        names[code.lowercased()] ?? names[String(code.lowercased().prefix { $0 != "-" })] ?? "\"\(code)\""
    }
}
