import Foundation

/// `praxis check` on a site in several languages: what the build accepts, but a reader of a
/// translation would be misled by. Warnings only, so the build never fails on them:
/// - a translation whose facts differ from its original's (facets, partners, place, a partner's
///   country, a workshop's partners, a day's practices): the same practice would be filed under
///   other facet values, or name other partners, in each language (`facts`);
/// - a translation that links an entry without a version in its language: the link leads to
///   the default language's page (TranslationCheck+Links).
/// Tags are left out: they are free words, which a translation may translate.
struct TranslationCheck {
    let content: ParsedContent
    /// `praxis check --drafts`: drafts are published, so links to them count.
    var includeDrafts = false

    /// The content as stage "parse" makes it, read again: `Pipeline.generate` keeps only the
    /// files it made. Nothing is read for a site in one language. Bodies stay as Markdown (no
    /// MarkdownStage), and only the translations' are rendered, for their `@/` links.
    static func run(_ options: BuildOptions, config: SiteConfig) async -> [CheckProblem] {
        guard config.languages.count > 1 else { return [] }
        var problems = Problems()
        let tree = SourceTree.scan(root: options.siteRoot, problems: &problems)
        // The build read the same files without problems a moment ago; if they changed since,
        // the next check reports it.
        guard problems.isEmpty,
              let content = try? await ParseStage.run(tree, baseURL: options.baseURL, problems: Problems(), markdown: nil),
              content.problems.isEmpty else { return [] }
        return TranslationCheck(content: content, includeDrafts: options.includeDrafts).problems()
    }

    func problems() -> [CheckProblem] {
        var problems: [CheckProblem] = []
        for lang in content.otherLanguages {
            guard let own = content.translated[lang], !own.isEmpty else { continue }
            problems += facts(own)
            problems += links(own, lang: lang)
        }
        return problems.sorted()
    }

    // MARK: Facts

    private func hint(_ key: String) -> String {
        switch key {
        case "partners", "practices":
            "A translation names the same \(key) as its original, or the versions tell different things: correct the one that is wrong."
        case "country":
            "A partner's country is the same in every language: write it as the original does, or correct the one that is wrong."
        case "place.municipality", "place.state", "place.country":
            "The place is the same in every language: write it as the original does, or correct the one that is wrong."
        default:
            "Facet values are the same in every language, or the entry is filed under other values in each: correct the "
                + "version that is wrong. (Tags may differ: they are words, which may be translated.)"
        }
    }

    /// One fact of an entry: a list (compared as a set: the order says nothing) or a value.
    private struct Fact {
        var key: String
        var values: [String]
        var isList: Bool

        var shown: String {
            if isList { return "[" + values.joined(separator: ", ") + "]" }
            return values.first.map { "\"\($0)\"" } ?? "nothing"
        }

        func differs(from other: Fact) -> Bool { Set(values) != Set(other.values) }
    }

    private func facts(of practice: Practice) -> [Fact] {
        var facts = content.config.facets.map { Fact(key: $0.name, values: practice.facetValues[$0.name] ?? [], isList: true) }
        facts.append(Fact(key: "partners", values: practice.partners, isList: true))
        let place = practice.place
        for (key, value) in [("municipality", place?.municipality), ("state", place?.state), ("country", place?.country)] {
            facts.append(Fact(key: "place." + key, values: value.map { [$0] } ?? [], isList: false))
        }
        return facts
    }

    /// Every fact of every translation that has an original, against the original's.
    private func facts(_ own: Translations) -> [CheckProblem] {
        var problems: [CheckProblem] = []
        let practices = Dictionary(content.practices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for translation in own.practices {
            guard let original = practices[translation.id] else { continue }  // an entry in this language only
            problems += compare(facts(of: translation), translation.origin, facts(of: original), original.origin)
        }
        let partners = Dictionary(content.partners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for translation in own.partners {
            guard let original = partners[translation.id] else { continue }
            func country(_ partner: Partner) -> [Fact] { [Fact(key: "country", values: partner.country.map { [$0] } ?? [], isList: false)] }
            problems += compare(country(translation), translation.origin, country(original), original.origin)
        }
        let workshops = Dictionary(content.workshops.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for translation in own.workshops {
            guard let original = workshops[translation.id] else { continue }
            func partners(_ workshop: Workshop) -> [Fact] { [Fact(key: "partners", values: workshop.partners, isList: true)] }
            problems += compare(partners(translation), translation.origin, partners(original), original.origin)
        }
        for workshop in own.days.keys.sorted() {
            for translation in own.days[workshop] ?? [] {
                guard let original = content.days[workshop]?.first(where: { $0.id == translation.id }) else { continue }
                func practices(_ day: WorkshopDay) -> [Fact] { [Fact(key: "practices", values: day.practices, isList: true)] }
                problems += compare(practices(translation), translation.origin, practices(original), original.origin)
            }
        }
        return problems
    }

    /// A warning on the translation's line of each fact that differs, naming the original's line.
    private func compare(_ mine: [Fact], _ origin: EntryOrigin, _ theirs: [Fact], _ originalOrigin: EntryOrigin) -> [CheckProblem] {
        zip(mine, theirs).compactMap { fact, original in
            guard fact.differs(from: original) else { return nil }
            let there = "\(originalOrigin.file):\(originalOrigin.lines.line(original.key))"
            return CheckProblem(file: origin.file, line: origin.lines.line(fact.key), key: fact.key,
                                message: "differs from the original: \(fact.shown) here, \(original.shown) in \(there).",
                                hint: hint(fact.key), severity: .warning)
        }
    }
}
