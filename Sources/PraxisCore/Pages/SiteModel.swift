import Foundation
import Mustache

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
    /// The theme's templates with `strings` written in (Theme+InlinedStrings): parsed once per
    /// theme and strings, not once per model (`praxis serve` makes a model after every edit).
    let library: MustacheLibrary

    init(site: Site, facetSet: FacetSet, theme: Theme, strings: [String: String], staticSizes: [String: Int],
         library: MustacheLibrary? = nil) {
        self.site = site
        self.facetSet = facetSet
        self.theme = theme
        self.strings = strings
        self.staticSizes = staticSizes
        self.library = library ?? theme.library(inlining: strings)
    }

    /// Stages resolve and facets over what parse and markdown made. The theme's problems are
    /// reported with the entries' (resolve reports them all at once).
    static func make(content: ParsedContent, bodies: [String: RenderedMarkdown], theme: Theme?, themeProblems: Problems,
                     includeDrafts: Bool, clock: inout StageClock) async throws -> SiteModel {
        try await make(content: content, bodies: bodies, theme: theme, themeProblems: themeProblems, includeDrafts: includeDrafts,
                       keep: false, clock: &clock).model
    }

    /// With `keep` (`praxis serve`), also what the next update patches the resolve from.
    static func make(content: ParsedContent, bodies: [String: RenderedMarkdown], theme: Theme?, themeProblems: Problems,
                     includeDrafts: Bool, keep: Bool, clock: inout StageClock) async throws -> (model: SiteModel, resolved: ResolveState?) {
        var content = content
        content.problems.add(contentsOf: themeProblems)
        let site: Site
        var resolved: ResolveState?
        if keep {
            (site, resolved) = try Resolver.resolveKeepingState(content: content, bodies: bodies, includeDrafts: includeDrafts)
        } else {
            site = try Resolver(content: content, bodies: bodies, includeDrafts: includeDrafts).resolve()
        }
        clock.lap("resolve")
        guard let theme else { throw BuildFailure(stage: "theme", diagnostics: themeProblems.all) }

        let strings = theme.strings(for: site.pageLanguage)
        let facets = try await FacetBuilder.build(site, labels: FacetLabels(strings))
        clock.lap("facets")
        return (SiteModel(site: site, facetSet: facets, theme: theme, strings: strings, staticSizes: content.staticSizes), resolved)
    }

    /// `praxis serve` after an edit of a few entries: this model with `site` (`Resolver.patched`)
    /// and the facets patched with the practices `changed` (ids of practices edited, added or
    /// removed), or grouped again when the patch cannot tell.
    func patched(_ site: Site, changed: Set<String>, staticSizes: [String: Int]) async throws -> SiteModel {
        let labels = FacetLabels(strings)
        let facets: FacetSet
        if changed.count <= 256, let patched = facetSet.patched(old: self.site, site: site, changed: changed, labels: labels) {
            facets = patched
        } else {
            facets = try await FacetBuilder.build(site, labels: labels)
        }
        return SiteModel(site: site, facetSet: facets, theme: theme, strings: strings, staticSizes: staticSizes, library: library)
    }

    /// The same catalogue through another theme (`praxis serve` after a template, asset or
    /// strings edit): the theme reaches the model only through its strings, which name three
    /// facets, so nothing is resolved or grouped again.
    func rethemed(_ theme: Theme) -> SiteModel {
        let strings = theme.strings(for: site.pageLanguage)
        let facets = FacetBuilder.relabel(facetSet, labels: FacetLabels(strings))
        return SiteModel(site: site, facetSet: facets, theme: theme, strings: strings, staticSizes: staticSizes)
    }

    var renderer: Renderer { Renderer(self) }

    /// The trees of the other languages (ParsedContent+Languages), each resolved and grouped
    /// like the default language's: one model each, in site.yaml's order. Their entries'
    /// problems are reported by them; those of the default language's, by its own model.
    static func others(content: ParsedContent, bodies: [String: RenderedMarkdown], theme: Theme?, includeDrafts: Bool) async throws -> [SiteModel] {
        var models: [SiteModel] = []
        for language in content.otherLanguages {
            var clock = StageClock()
            models.append(try await make(content: content.tree(for: language, bodies: bodies), bodies: bodies, theme: theme, themeProblems: Problems(),
                                         includeDrafts: includeDrafts, clock: &clock))
        }
        return models
    }

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
