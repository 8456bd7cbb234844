import Foundation

/// The build of `praxis serve`: the stages of `Pipeline.generate`, run again after every
/// change, with what did not change kept from the build before. Files are read and bodies
/// rendered again only when they changed; pages are rendered again only when something they
/// show changed (`PageGraph`). The result is byte for byte what `Pipeline.generate` gives for
/// the same sources.
public actor LiveBuild {
    public let options: BuildOptions
    /// Taken out while a build runs (an actor's property cannot be changed across a suspension).
    private var build: IncrementalBuild?

    public init(_ options: BuildOptions) {
        self.options = options
        build = IncrementalBuild(options)
    }

    /// What one build did.
    public struct Outcome: Sendable {
        /// The site now served: the new one, or after a failure the last good one.
        public var snapshot: SiteSnapshot
        /// Nil when the build succeeded.
        public var failure: BuildFailure?
        /// Paths whose bytes changed, appeared or went (empty after a failure).
        public var changed: [String]
        /// Pages rendered again.
        public var rendered: Int
        /// Stage name and seconds.
        public var timings: [(stage: String, seconds: Double)]
    }

    /// Builds again after `changes` (`SourceChanges.all` the first time). Builds run one at a
    /// time: call it again only when it returned.
    public func rebuild(_ changes: SourceChanges) async -> Outcome {
        guard var build = build.take() else { preconditionFailure("LiveBuild.rebuild called while a build runs") }
        let outcome = await build.rebuild(changes)
        self.build = build
        return outcome
    }
}
