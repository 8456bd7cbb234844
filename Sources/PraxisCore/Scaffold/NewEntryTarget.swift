import Foundation

/// The id `praxis new` was given, checked by the rules the build applies to file names, and
/// against the files that exist. Every refusal says what to write instead.
struct NewEntryTarget {
    let kind: NewEntryKind
    /// As written on the command line.
    let written: String
    /// The id of the new file (for a day: `<workshop>/day-<n>`).
    private(set) var id = ""
    private(set) var workshop = ""
    private(set) var day = 0
    private(set) var workshopTitle: String?

    init(kind: NewEntryKind, written: String) {
        self.kind = kind
        self.written = written
    }

    /// The file named on the command line, for messages, before the id is known to be good.
    private var writtenPath: String { kind == .day ? "content/workshops/\(written).md" : kind.path(for: written) }

    private func refuse(_ message: String, hint: String? = nil, file: String? = nil) -> BuildFailure {
        BuildFailure(stage: "new", diagnostics: [Diagnostic(file: file ?? writtenPath, message: message, hint: hint)])
    }

    mutating func check(config: SiteConfig, siteRoot: URL) throws {
        let entryID = try readID()
        if kind == .practice, entryID == SitePaths.pageSegment {
            throw refuse("\"\(entryID)\" cannot be a practice id: /\(SitePaths.practices)\(entryID)/ holds the further pages of the list of practices.",
                         hint: "Choose another id.")
        }
        if kind == .page, SitePaths.reserved(facets: config.facets.map(\.name)).contains(SitePaths.page(entryID)) {
            throw refuse("\"\(entryID)\" cannot be a page id: Praxis builds /\(SitePaths.page(entryID)) itself.",
                         hint: "Choose another id, e.g. \(entryID)-info.")
        }
        if kind == .day {
            let folder = siteRoot.appending(path: "content/workshops/\(workshop)")
            guard FileManager.default.fileExists(atPath: folder.appending(path: "index.md").path) else {
                let known = Scaffold.ids(inFolders: siteRoot.appending(path: "content/workshops"))
                let nearest = Suggestion.nearest(to: workshop, in: known)
                throw refuse("there is no workshop \"\(workshop)\" (content/workshops/\(workshop)/index.md).",
                             hint: (nearest.map { "Did you mean \($0)/day-\(day)? " } ?? "")
                                 + (known.isEmpty ? "Create the workshop first: praxis new workshop \(workshop)"
                                     : "Workshops: \(known.joined(separator: ", ")).") )
            }
            workshopTitle = Self.title(of: folder.appending(path: "index.md"), path: "content/workshops/\(workshop)/index.md")
            id = "\(workshop)/day-\(day)"
        } else {
            id = entryID
        }
        let file = siteRoot.appending(path: kind.path(for: id))
        if FileManager.default.fileExists(atPath: file.path) {
            throw refuse("already exists; praxis new never overwrites a file.",
                         hint: "Open it to edit it, or choose another id.")
        }
        if kind == .workshop, SourceTree.isDirectory(file.deletingLastPathComponent()) {
            throw refuse("the folder content/workshops/\(id)/ already exists, without index.md.",
                         hint: "Choose another id, or write index.md into that folder by hand.")
        }
    }

    /// The id as written, checked as the build checks file names; for a day, its workshop's id
    /// (and `workshop`, `day` set).
    private mutating func readID() throws -> String {
        var entryID = written
        if kind == .day {
            let parts = written.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let number = parts.count == 2 ? Self.dayNumber(parts[1]) : nil
            guard parts.count == 2, let number else {
                let guess = parts.count == 2 && Int(parts[1]) != nil ? "\(parts[0])/day-\(parts[1])" : NewEntryKind.day.idExample
                throw refuse("\"\(written)\" does not name a workshop day.",
                             hint: "Write WORKSHOP-ID/day-N, e.g. praxis new day \(guess)")
            }
            workshop = parts[0]
            day = number
            entryID = workshop
        }
        guard Slug.isValidID(entryID) else {
            let suggestion = Slug.make(entryID)
            throw refuse("\"\(entryID)\" is not a valid id: ids may only use a-z, 0-9 and - (and not start with -).",
                         hint: "The id is the file name and the address of the page. "
                             + (suggestion.isEmpty ? "Choose one of a-z, 0-9 and -." : "Use \"\(suggestion)\" instead."))
        }
        return entryID
    }

    /// `praxis new KIND ID --lang LANG`: the original `ID.md` must exist, in the site's default
    /// language, and `ID.LANG.md` must not. `lang` is a language of the site other than the
    /// default one (checked by the caller).
    mutating func checkTranslation(into lang: String, siteRoot: URL) throws {
        let entryID = try readID()
        id = kind == .day ? "\(workshop)/day-\(day)" : entryID
        let original = kind.path(for: id)
        let translation = kind.translationPath(for: id, lang: lang)
        guard SafeRead.kind(siteRoot.appending(path: original)) == .file else {
            let command = kind == .day ? "new day \(id)" : "new \(kind.rawValue) \(id)"
            throw refuse("is missing: there is no original to translate.",
                         hint: "Write the original first (praxis \(command)), or write an entry only in \(LanguageNames.english(lang)) by hand as \(translation).",
                         file: original)
        }
        if SafeRead.kind(siteRoot.appending(path: translation)) != .missing {
            throw refuse("already exists; praxis new never overwrites a file.", hint: "Open it to edit it.", file: translation)
        }
    }

    /// `day-3` -> 3, as the build names day files (no leading zeros, from 1).
    static func dayNumber(_ text: String) -> Int? {
        guard text.hasPrefix("day-"), let number = Int(text.dropFirst(4)), number >= 1, text == "day-\(number)" else { return nil }
        return number
    }

    private static func title(of url: URL, path: String) -> String? {
        guard case .success(let file) = SourceFile.read(url, path: path),
              case .success(let front) = FrontMatter.split(file) else { return nil }
        return front.mapping["title"]?.string
    }
}
