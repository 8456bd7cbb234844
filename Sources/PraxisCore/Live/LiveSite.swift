import Foundation

/// The model behind `praxis serve`: stages load to facets, run again after every change with
/// what did not change kept (a file is parsed and a body rendered again only when it changed).
/// Pages are not made here: `ServedSite` renders each one from the current model when it is
/// asked for, through the same `SiteMap` that `praxis build` writes, so a served page cannot
/// differ from a built one and no stage keeps a list of what another one reads.
public actor LiveSite {
    public let options: BuildOptions
    /// Taken out while an update runs (an actor's property cannot be changed across a suspension).
    private var state: State?
    /// The site served now: the last good one.
    private var current: ServedSite?

    private struct State {
        var sources: SourceState
        var bodies = BodyCache()
        var theme: ThemeCache?
        /// The model of the last update when it succeeded (the sources as they are now, and the
        /// model `current` serves); nil after a failure.
        var model: SiteModel?
        /// What the resolve of `model` kept to be patched (Resolver+Patch).
        var resolved: ResolveState?
        /// The models of the other languages' trees, made again on every change of the sources:
        /// a tree holds its translations and what they name, not the whole catalogue (unless
        /// site.yaml lists every entry in every language, `fallback: show`).
        var others: [SiteModel] = []
    }

    public init(_ options: BuildOptions) {
        self.options = options
        state = State(sources: SourceState(root: options.siteRoot))
    }

    /// What one update did.
    public struct Outcome: Sendable {
        /// The site now served: the new one, or after a failure the last good one (nil before
        /// the first good build).
        public var site: ServedSite?
        /// Nil when the update succeeded.
        public var failure: BuildFailure?
        /// Whether the sources changed, so that open pages must load again.
        public var changed: Bool
        /// Stage name and seconds.
        public var timings: [(stage: String, seconds: Double)]
        /// Whether the resolve of the last model was patched (Resolver+Patch) rather than made again.
        public var patched = false
    }

    /// Reads `changes` (`SourceChanges.all` the first time) and makes the new model. Updates
    /// run one at a time: call it again only when it returned.
    public func update(_ changes: SourceChanges) async -> Outcome {
        guard var state = state.take() else { preconditionFailure("LiveSite.update called while an update runs") }
        var clock = StageClock()
        defer { self.state = state }
        do {
            let (content, sourcesChanged) = try await state.sources.update(changes, baseURL: options.baseURL)
            clock.lap("parse")
            let themeChanged = state.theme == nil || state.theme!.name != content.config.theme || changes.touchesThemes
                || state.theme!.languages != content.config.languages
            if themeChanged {
                state.theme = ThemeCache(name: content.config.theme, languages: content.config.languages, siteRoot: options.siteRoot)
                clock.lap("theme")
            }
            let delta = themeChanged ? nil : state.sources.delta
            // Unchanged sources: the bodies of the last update are those of `content`.
            let bodies = !sourcesChanged ? state.bodies.bodies
                : delta.map { state.bodies.update($0.after, removed: $0.removed) } ?? state.bodies.update(content)
            clock.lap("markdown")
            let model: SiteModel
            var samePages: SiteMap?
            var patched = false
            let themeOnly = !sourcesChanged && state.model != nil && state.theme!.theme != nil && state.theme!.problems.isEmpty
            // The other languages' trees are made while the default language's is patched, on the other core.
            let (theme, includeDrafts) = (state.theme!.theme, options.includeDrafts)
            let others = themeOnly || content.otherLanguages.isEmpty ? nil : Task {
                try await SiteModel.others(content: content, bodies: bodies, theme: theme, includeDrafts: includeDrafts)
            }
            if themeOnly, let last = state.model, let theme = state.theme!.theme {
                // Only the theme changed: the resolved catalogue and its pages stay, rendered
                // through the new theme.
                model = last.rethemed(theme)
                state.others = state.others.map { $0.rethemed(theme) }
                samePages = current?.map
                clock.lap("facets")
            } else if let delta, let last = state.model, var resolved = state.resolved.take(),
                      let site = Resolver.patched(last.site, state: &resolved, content: content, bodies: bodies, delta: delta,
                                                  includeDrafts: options.includeDrafts) {
                // A few entry files edited, added or removed, without a problem: the last
                // resolve patched (in place), then the last facets.
                state.model = nil
                clock.lap("resolve")
                let changed = Set((delta.before + delta.after).compactMap { entry -> String? in
                    if case .practice(let practice) = entry { return practice.id } else { return nil }
                })
                model = try await last.patched(site, changed: changed, staticSizes: content.staticSizes)
                state.resolved = resolved
                patched = true
                clock.lap("facets")
            } else {
                state.model = nil
                state.resolved = nil
                let made = try await SiteModel.make(content: content, bodies: bodies, theme: state.theme!.theme,
                                                    themeProblems: state.theme!.problems, includeDrafts: options.includeDrafts,
                                                    keep: true, clock: &clock)
                model = made.model
                state.resolved = made.resolved
            }
            if let others {
                state.others = try await others.value
            } else if samePages == nil {
                state.others = []
            }
            let map = try SiteMap([model] + state.others, siteRoot: options.siteRoot, samePages: samePages, previous: current?.map)
            // Kept only with its map served: a theme edit takes over the pages of `current`.
            state.model = model
            clock.lap("site map")
            let changed = current == nil || sourcesChanged || themeChanged
            if changed { current = ServedSite(map, build: (current?.build ?? 0) + 1) }
            return Outcome(site: current, failure: nil, changed: changed, timings: clock.laps, patched: patched)
        } catch let failure as BuildFailure {
            // The next model cannot be patched from the last: files read by this update are not
            // those the next one reads.
            state.model = nil
            state.resolved = nil
            return Outcome(site: current, failure: failure, changed: false, timings: clock.laps)
        } catch {
            state.model = nil
            state.resolved = nil
            let failure = BuildFailure(stage: "build", diagnostics: [Diagnostic(file: options.siteRoot.path, message: "\(error)")])
            return Outcome(site: current, failure: failure, changed: false, timings: clock.laps)
        }
    }
}
