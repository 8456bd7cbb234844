import Foundation

/// The theme as `praxis serve` last loaded it, with its problems: loaded again only when a
/// file below themes/ changed or site.yaml names another theme or other languages.
struct ThemeCache {
    let name: String
    /// site.yaml's languages, whose interface texts were checked.
    let languages: [String]
    let theme: Theme?
    let problems: Problems

    init(name: String, languages: [String], siteRoot: URL) {
        self.name = name
        self.languages = languages
        var problems = Problems()
        theme = Theme.load(named: name, siteRoot: siteRoot, languages: languages, problems: &problems)
        self.problems = problems
    }
}
