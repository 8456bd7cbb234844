import Foundation

/// The catalogue as every output is made from it: stages resolve and facets done, the theme
/// loaded, nothing rendered yet. `praxis build` renders all of it; `praxis serve` keeps the
/// newest model and renders a page when it is asked for, so a page is always a function of
/// the current model and no stage has to know what another one reads.
struct SiteModel: Sendable {
    let site: Site
    /// The facets with how they were grouped (`FacetSet.patched`).
    let facetSet: FacetSet
    var facets: [Facet] { facetSet.facets }
    let theme: Theme
    /// The interface strings of the site's language.
    let strings: [String: String]
    let staticSizes: [String: Int]

    /// Stages resolve and facets over what parse and markdown made. The theme's problems are
    /// reported with the entries' (resolve reports them all at once).
    /// `previous`: the model of the last build (`praxis serve`) and the entry files read again
    /// since; its facets are patched with the practices of those files when it can tell.
    static func make(content: ParsedContent, bodies: [String: RenderedMarkdown], theme: Theme?, themeProblems: Problems,
                     includeDrafts: Bool, previous: (model: SiteModel, reread: Set<String>)? = nil,
                     clock: inout StageClock) async throws -> SiteModel {
        var content = content
        content.problems.add(contentsOf: themeProblems)
        let site = try Resolver(content: content, bodies: bodies, includeDrafts: includeDrafts,
                                previousOrder: previous.map { ($0.model.site.practices, $0.reread) }).resolve()
        clock.lap("resolve")
        guard let theme else { throw BuildFailure(stage: "theme", diagnostics: themeProblems.all) }

        let strings = theme.strings(for: site.config.language)
        let labels = FacetLabels(strings)
        var patched: FacetSet?
        if let previous {
            // Past a few hundred practices (site.yaml edited: every file read again) a full
            // grouping is quicker.
            let changed = changedPractices(previous.model.site, site, reread: previous.reread)
            if changed.count <= 256 {
                patched = previous.model.facetSet.patched(old: previous.model.site, site: site, changed: changed, labels: labels)
            }
        }
        let facets: FacetSet
        if let patched { facets = patched } else { facets = try await FacetBuilder.build(site, labels: labels) }
        clock.lap("facets")
        return SiteModel(site: site, facetSet: facets, theme: theme, strings: strings, staticSizes: content.staticSizes)
    }

    /// The same model with `site`, whose entries, pages and facets are this one's (only
    /// bodies differ: `Resolver.relinked`).
    func with(_ site: Site) -> SiteModel {
        SiteModel(site: site, facetSet: facetSet, theme: theme, strings: strings, staticSizes: staticSizes)
    }

    /// Ids of the published practices of `old` or `new` that may differ: those of files read
    /// again, and those in one site only.
    private static func changedPractices(_ old: Site, _ new: Site, reread: Set<String>) -> Set<String> {
        var changed = Set<String>()
        for practice in new.practices where reread.contains(practice.origin.file) || old.practiceByID[practice.id] == nil {
            changed.insert(practice.id)
        }
        for practice in old.practices where reread.contains(practice.origin.file) || new.practiceByID[practice.id] == nil {
            changed.insert(practice.id)
        }
        return changed
    }

    /// The same catalogue through another theme (`praxis serve` after a template, asset or
    /// strings edit): the theme reaches the model only through its strings, which name three
    /// facets, so nothing is resolved or grouped again.
    func rethemed(_ theme: Theme) -> SiteModel {
        let strings = theme.strings(for: site.config.language)
        let facets = FacetBuilder.relabel(facetSet, labels: FacetLabels(strings))
        return SiteModel(site: site, facetSet: facets, theme: theme, strings: strings, staticSizes: staticSizes)
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
