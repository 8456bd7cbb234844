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
    /// The `@/` links of each translation's body, by file.
    let bodyLinks: [String: [RenderedMarkdown.InternalLink]]
    /// `praxis check --drafts`: drafts are published, so links to them count.
    let includeDrafts: Bool
    /// Files of the default language's entries, by kind and id (a day's id is `<workshop>/day-<n>`).
    let originals: [NewEntryKind: [String: String]]
    /// Ids of the entries each other language has a version of, by kind, named as `originals`.
    let translatedIDs: [String: [NewEntryKind: Set<String>]]

    init(content: ParsedContent, bodyLinks: [String: [RenderedMarkdown.InternalLink]], includeDrafts: Bool) {
        self.content = content
        self.bodyLinks = bodyLinks
        self.includeDrafts = includeDrafts
        func files<T: ParsedEntry>(_ entries: [T], _ id: (T) -> String) -> [String: String] {
            Dictionary(entries.map { (id($0), $0.origin.file) }, uniquingKeysWith: { first, _ in first })
        }
        originals = [
            // A draft is left out of the site (a reference to it quietly): no link leads there.
            .practice: files(content.practices.filter { includeDrafts || !$0.draft }, \.id),
            .partner: files(content.partners, \.id), .page: files(content.pages, \.id), .workshop: files(content.workshops, \.id),
            .day: files(content.days.values.flatMap { $0 }) { $0.workshop + "/" + $0.id },
        ]
        translatedIDs = content.translated.mapValues { own in
            [.practice: Set(own.practices.map(\.id)), .partner: Set(own.partners.map(\.id)), .page: Set(own.pages.map(\.id)),
             .workshop: Set(own.workshops.map(\.id)), .day: Set(own.days.values.flatMap { $0 }.map { $0.workshop + "/" + $0.id })]
        }
    }

    /// Stage "parse" once more: `Pipeline.generate` keeps only the files it made. Run before
    /// it, so that this content is let go before the site is built in memory; nothing is read
    /// for a site in one language. Each chunk renders the bodies of its translations for their
    /// `@/` links and lets every body go, as the build's MarkdownStage does.
    /// Whether any file of the tree is a translation (`x.en.md`): a site that declares languages
    /// but has none yet (or uses only the older `translations:` key) is not parsed a second time.
    static func hasTranslations(_ tree: SourceTree) -> Bool {
        (tree.practices + tree.partners + tree.pages).contains { $0.lang != nil }
            || tree.workshops.contains { !$0.translations.isEmpty || $0.days.contains { $0.lang != nil } }
    }

    static func run(_ options: BuildOptions) async -> [CheckProblem] {
        var problems = Problems()
        let tree = SourceTree.scan(root: options.siteRoot, problems: &problems)
        // Problems are the build's to report; a site that has them is not compared here.
        guard problems.isEmpty, let config = try? ParseStage.config(tree, baseURL: options.baseURL, problems: &problems),
              config.languages.count > 1, Self.hasTranslations(tree) else { return [] }
        let parser = EntryParser(site: config)
        typealias Chunk = (parsed: [ParseStage.Parsed], problems: Problems, links: [String: [RenderedMarkdown.InternalLink]])
        let chunks = await Parallel.mapChunks(ParseStage.jobs(tree), minimumChunk: 64) { jobs -> [Chunk] in
            var local = Problems()
            var links: [String: [RenderedMarkdown.InternalLink]] = [:]
            var parsed = jobs.compactMap { ParseStage.parse($0, parser: parser, problems: &local) }
            for index in parsed.indices {
                var origin = parsed[index].origin
                if parsed[index].translationLanguage != nil {
                    links[origin.file] = MarkdownRenderer.render(origin.body, firstLine: origin.bodyLine).links
                }
                origin.body = ""
                parsed[index].origin = origin
            }
            return [(parsed, local, links)]
        }
        let content = ParseStage.assemble(tree, config: config, results: chunks.map { ($0.parsed, $0.problems) }, problems: Problems())
        guard content.problems.isEmpty else { return [] }
        var links: [String: [RenderedMarkdown.InternalLink]] = [:]
        for chunk in chunks { links.merge(chunk.links) { first, _ in first } }
        return TranslationCheck(content: content, bodyLinks: links, includeDrafts: options.includeDrafts).problems()
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
