import Foundation

/// The theme as `praxis serve` last loaded it, with its problems: loaded again only when a
/// file below themes/ changed or site.yaml names another theme.
struct ThemeCache {
    let name: String
    let theme: Theme?
    let problems: Problems

    init(name: String, siteRoot: URL) {
        self.name = name
        var problems = Problems()
        theme = Theme.load(named: name, siteRoot: siteRoot, problems: &problems)
        self.problems = problems
    }
}
