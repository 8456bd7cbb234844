import Foundation
import Yams

/// `praxis new`: writes the file of a new entry with every key of its kind, ready to build.
/// Refuses what the build would refuse (an invalid id, an id a page cannot take) and never
/// overwrites a file.
public enum Scaffold {
    /// What was written, for the command line to tell.
    public struct Created: Sendable {
        /// The new file, relative to the site root.
        public var path: String
        /// Further things the editor should know, one sentence each.
        public var notes: [String]
    }

    /// Writes the new entry `id` of `kind` below `siteRoot`. For a day, `id` is
    /// `<workshop>/day-<n>`. `today` (YYYY-MM-DD) fills a practice's `updated`.
    /// With `lang`, the translation of the existing entry `id` into that language instead
    /// (see `translate`).
    public static func create(_ kind: NewEntryKind, id: String, title: String? = nil, lang: String? = nil, siteRoot: URL,
                              today: String) throws -> Created {
        let config = try readConfig(siteRoot)
        if let lang { return try translate(kind, id: id, into: lang, title: title, config: config, siteRoot: siteRoot) }
        var target = NewEntryTarget(kind: kind, written: id)
        try target.check(config: config, siteRoot: siteRoot)
        let path = kind.path(for: target.id)
        let url = siteRoot.appending(path: path)
        let template = EntryTemplate(config: config, partnerIDs: ids(in: siteRoot.appending(path: "content/partners")),
                                     sourceIDs: ids(in: siteRoot.appending(path: "seeds")),
                                     partnerKinds: kind == .partner ? partnerKinds(siteRoot) : [], today: today)
        var notes: [String] = []
        let text: String
        switch kind {
        case .practice:
            text = template.practice(id: target.id, title: title)
            notes.append("It is a draft (draft: true): praxis build --drafts shows it; set draft: false to publish it.")
        case .partner:
            text = template.partner(id: target.id, title: title)
        case .workshop:
            text = template.workshop(id: target.id, title: title)
            notes.append("Add its days with: praxis new day \(target.id)/day-1")
        case .day:
            text = template.day(workshop: target.workshop, number: target.day, workshopTitle: target.workshopTitle, title: title)
        case .page:
            text = template.page(id: target.id, title: title)
        }
        if kind != .practice {
            notes.append("It has no draft state: it is on the site with the next build, so replace the text marked "
                + "\"\(EntryTemplate.placeholder)\" first.")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(withModeline(text, kind: kind, path: path).utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw BuildFailure(stage: "new", diagnostics: [Diagnostic(file: path, message: "could not be written: \(error.localizedDescription)")])
        }
        if kind == .day, let note = DayCount.update(workshop: target.workshop, siteRoot: siteRoot) { notes.append(note) }
        notes += schemaNotes(siteRoot)
        return Created(path: path, notes: notes)
    }

    /// `ID.LANG.md` beside `ID.md`, with the original's facts and the texts left to translate
    /// (TranslationTemplate). Refused: a language the site does not declare, the default
    /// language, an original that does not exist, a translation that does.
    static func translate(_ kind: NewEntryKind, id: String, into lang: String, title: String?, config: SiteConfig,
                          siteRoot: URL) throws -> Created {
        let others = config.languages.filter { $0 != config.language }
        func refuse(_ file: String, key: String? = nil, _ message: String, hint: String) -> BuildFailure {
            BuildFailure(stage: "new", diagnostics: [Diagnostic(file: file, key: key, message: message, hint: hint)])
        }
        if lang == config.language {
            throw refuse(kind == .day ? "content/workshops/\(id).md" : kind.path(for: id), "is in \(lang), the site's default language: --lang names the language to translate it into.",
                         hint: others.isEmpty
                            ? "Declare the other languages in content/site.yaml first (languages: [\(lang), en])."
                            : "Write --lang \(others[0])\(others.count > 1 ? " (languages: \(others.joined(separator: ", ")))" : "").")
        }
        guard config.languages.contains(lang) else {
            throw refuse("content/site.yaml", key: "languages", "does not declare \"\(lang)\": the site is written in \(config.languages.joined(separator: ", ")).",
                         hint: Validate.isLanguageCode(lang)
                            ? "Add it (languages: [\((config.languages + [lang]).joined(separator: ", "))]) to translate into it"
                                + (others.isEmpty ? "." : ", or write --lang \(others.joined(separator: " or --lang ")).")
                            : "Write a language code, e.g. --lang \(others.first ?? "en").")
        }
        var target = NewEntryTarget(kind: kind, written: id)
        try target.checkTranslation(into: lang, siteRoot: siteRoot)
        let originalPath = kind.path(for: target.id)
        let path = kind.translationPath(for: target.id, lang: lang)
        let front: FrontMatter
        let source: SourceFile
        switch SourceFile.read(siteRoot.appending(path: originalPath), path: originalPath).flatMap({ file in FrontMatter.split(file).map { (file, $0) } }) {
        case .failure(var problem):
            problem.hint = (problem.hint.map { $0 + " " } ?? "") + "Correct the original first: the translation copies its facts."
            throw BuildFailure(stage: "new", diagnostics: [problem])
        case .success(let read):
            (source, front) = read
        }
        let template = TranslationTemplate(config: config, kind: kind, lang: lang, originalPath: originalPath, translationPath: path,
                                           original: front, originalText: source.text)
        let text = template.file(title: title)
        do {
            try Data(withModeline(text, kind: kind, path: path).utf8).write(to: siteRoot.appending(path: path), options: .withoutOverwriting)
        } catch {
            throw BuildFailure(stage: "new", diagnostics: [Diagnostic(file: path, message: "could not be written: \(error.localizedDescription)")])
        }
        let marker = template.words.placeholder
        let isDraft = front.value(forKey: "draft")?.bool == true
        var notes = ["It is the \(LanguageNames.english(lang)) version of \(originalPath), with its facts copied; "
            + (isDraft ? "like the original it is a draft (draft: true)."
                : "it is on the site with the next build, so translate the text marked \"\(marker)\" first.")]
        let compared: String? = switch kind {
        case .practice: "facets, partners or place differ"
        case .partner: "country differs"
        case .workshop: "partners differ"
        case .day: "practices differ"
        case .page: nil
        }
        if let compared { notes.append("praxis check warns when its \(compared) from the original's.") }
        return Created(path: path, notes: notes + schemaNotes(siteRoot))
    }

    /// The file with the modeline as the first line of its front matter, which ties it to its
    /// schema in editors that give front matter to the YAML language server. A comment: the
    /// parser skips it, and the lines below keep their numbers in the file.
    static func withModeline(_ text: String, kind: NewEntryKind, path: String) -> String {
        guard text.hasPrefix("---\n"), let entryKind = EntryKind(rawValue: kind.rawValue) else { return text }
        return "---\n" + SchemaFiles.modeline(for: entryKind, path: path) + "\n" + text.dropFirst(4)
    }

    /// Writes schemas/ when the site has none, so the modeline never points at nothing; says
    /// when the schemas there no longer list what exists (the new entry, for one).
    private static func schemaNotes(_ siteRoot: URL) -> [String] {
        guard SourceTree.isDirectory(siteRoot.appending(path: SchemaFiles.folder)) else {
            guard (try? SchemaFiles.write(siteRoot: siteRoot)) != nil else {
                return ["The schemas for editors could not be written into \(SchemaFiles.folder)/: run praxis schema."]
            }
            return ["Wrote the schemas for editors into \(SchemaFiles.folder)/ (the line # yaml-language-server: points there)."]
        }
        guard let stale = SchemaFiles.staleFiles(siteRoot: siteRoot), !stale.isEmpty else { return [] }
        return ["\(SchemaFiles.folder)/ is out of date (it does not list all that exists now): run praxis schema to refresh it."]
    }

    /// site.yaml, whose vocabularies the new file's comments list. Its problems stop `new`.
    private static func readConfig(_ siteRoot: URL) throws -> SiteConfig {
        let path = "content/site.yaml"
        guard SourceTree.isDirectory(siteRoot.appending(path: "content")) else {
            throw BuildFailure(stage: "new", diagnostics: [Diagnostic(
                file: "content", message: "is missing: \(siteRoot.path) is not a site root.",
                hint: "Run praxis new in the folder that holds content/ and seeds/, or name it with --site-root.")])
        }
        var problems = Problems()
        switch SourceFile.read(siteRoot.appending(path: path), path: path) {
        case .failure(let problem):
            problems.add(problem)
        case .success(let file):
            if let config = SiteConfig.parse(file, baseURLOverride: nil, problems: &problems), problems.isEmpty { return config }
        }
        try problems.check(stage: "new")
        throw BuildFailure(stage: "new", diagnostics: [])
    }

    /// Entry ids of a folder of `<id>.md` files, sorted.
    static func ids(in folder: URL) -> [String] {
        SourceTree.visibleNames(in: folder).filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
            .filter(Slug.isValidID)
    }

    /// Folders with an index.md (the workshops), sorted.
    static func ids(inFolders folder: URL) -> [String] {
        SourceTree.visibleNames(in: folder).filter {
            Slug.isValidID($0) && FileManager.default.fileExists(atPath: folder.appending(path: "\($0)/index.md").path)
        }
    }

    /// The `kind:` values existing partners use, as examples for a new one.
    private static func partnerKinds(_ siteRoot: URL) -> [String] {
        var kinds: Set<String> = []
        for id in ids(in: siteRoot.appending(path: "content/partners")) {
            let path = "content/partners/\(id).md"
            guard case .success(let file) = SourceFile.read(siteRoot.appending(path: path), path: path),
                  case .success(let front) = FrontMatter.split(file),
                  let kind = front.mapping["kind"]?.string, !kind.isEmpty else { continue }
            kinds.insert(kind)
        }
        return kinds.sorted()
    }
}
