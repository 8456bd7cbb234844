import Foundation

/// The catalogue as every output is made from it: stages resolve and facets done, the theme
/// loaded, nothing rendered yet. `praxis build` renders all of it; `praxis serve` keeps the
/// newest model and renders a page when it is asked for, so a page is always a function of
/// the current model and no stage has to know what another one reads.
struct SiteModel: Sendable {
    let site: Site
    let facets: [Facet]
    let theme: Theme
    /// The interface strings of the site's language.
    let strings: [String: String]
    let staticSizes: [String: Int]

    /// Stages resolve and facets over what parse and markdown made. The theme's problems are
    /// reported with the entries' (resolve reports them all at once).
    static func make(content: ParsedContent, bodies: [String: RenderedMarkdown], theme: Theme?, themeProblems: Problems,
                     includeDrafts: Bool, clock: inout StageClock) async throws -> SiteModel {
        var content = content
        content.problems.add(contentsOf: themeProblems)
        let site = try Resolver(content: content, bodies: bodies, includeDrafts: includeDrafts).resolve()
        clock.lap("resolve")
        guard let theme else { throw BuildFailure(stage: "theme", diagnostics: themeProblems.all) }

        let strings = theme.strings(for: site.config.language)
        let facets = try await FacetBuilder.build(site, labels: FacetLabels(strings))
        clock.lap("facets")
        return SiteModel(site: site, facets: facets, theme: theme, strings: strings, staticSizes: content.staticSizes)
    }

    /// The same model with `site`, whose entries, pages and facets are this one's (only
    /// bodies differ: `Resolver.relinked`).
    func with(_ site: Site) -> SiteModel {
        SiteModel(site: site, facets: facets, theme: theme, strings: strings, staticSizes: staticSizes)
    }

    /// The same catalogue through another theme (`praxis serve` after a template, asset or
    /// strings edit): the theme reaches the model only through its strings, which name three
    /// facets, so nothing is resolved or grouped again.
    func rethemed(_ theme: Theme) -> SiteModel {
        let strings = theme.strings(for: site.config.language)
        let facets = FacetBuilder.relabel(self.facets, labels: FacetLabels(strings))
        return SiteModel(site: site, facets: facets, theme: theme, strings: strings, staticSizes: staticSizes)
    }

    var renderer: Renderer { Renderer(self) }

    /// The search files: search.json and the parts the search page loads as it needs them.
    func searchFiles() async -> [OutputFile] {
        SearchShards.files(await searchIndex())
    }

    /// What the search files are cut from (`SearchShards`).
    func searchIndex() async -> SearchIndex {
        let typeLabels = Dictionary(uniqueKeysWithValues: EntryKind.allCases.map { ($0.rawValue, strings["type-" + $0.rawValue] ?? $0.rawValue) })
        return await SearchIndexBuilder.build(site, facets: facets, typeLabels: typeLabels,
                                              typeFacetLabel: strings["search-type"] ?? "Art")
    }
}
