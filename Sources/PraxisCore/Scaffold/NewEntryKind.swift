/// The kinds of entries `praxis new` writes, and where each one's file goes.
public enum NewEntryKind: String, Sendable, CaseIterable {
    case practice, partner, workshop, day, page

    /// The file for `id` (for a day: `<workshop>/day-<n>`), relative to the site root.
    func path(for id: String) -> String {
        switch self {
        case .practice: return "content/practices/\(id).md"
        case .partner: return "content/partners/\(id).md"
        case .workshop: return "content/workshops/\(id)/index.md"
        case .day: return "content/workshops/\(id).md"
        case .page: return "content/pages/\(id).md"
        }
    }

    /// The translation of `id` into `lang`, beside the original: `x.md` -> `x.en.md`,
    /// `index.md` -> `index.en.md`.
    func translationPath(for id: String, lang: String) -> String {
        String(path(for: id).dropLast(".md".count)) + ".\(lang).md"
    }

    /// How the command line names the id, for messages.
    var idExample: String {
        switch self {
        case .practice: return "koeln-sprachcafe"
        case .partner: return "welcoming-america"
        case .workshop: return "integrationsstrategie"
        case .day: return "integrationsstrategie/day-3"
        case .page: return "datenschutz"
        }
    }
}
